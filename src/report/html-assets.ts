// The style sheet and the filter script inlined into the `html` report (no network).

/** CSS of the report; the overview comes first on screen though it is written last. */
export const htmlStyle = `
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1rem 3rem; color: #222; }
main { display: flex; flex-direction: column; }
#overview { order: -1; }
h1 { margin-bottom: 0; } h2 { margin-top: 1.5rem; font-size: 1.2rem; } h3 { font-size: 1rem; margin: 1rem 0 .3rem; word-break: break-all; }
.dim { color: #777; font-weight: normal; }
.totals { display: flex; flex-wrap: wrap; gap: .6rem; }
.total { border: 1px solid #ddd; border-radius: 6px; padding: .4rem .9rem; min-width: 6rem; }
.total b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #eee; padding: .2rem .8rem; text-align: left; }
.chart text { font-size: 13px; fill: #333; } .chart rect { fill: #4a78c2; }
.chart .cat-count { fill: #d9534f; } .chart .cat-placeholder { fill: #f0ad4e; } .chart .cat-paywall { fill: #8e44ad; } .chart .cat-typo { fill: #5bc0de; } .chart .cat-leak { fill: #c0392b; }
.top-files .count { display: inline-block; min-width: 3rem; font-weight: bold; }
#filters label { margin-right: 1rem; white-space: nowrap; }
.file ol { margin: 0; padding-left: 1.2rem; }
.finding { margin: .3rem 0; }
.pos { font-family: monospace; color: #555; }
.sev { font-weight: bold; } .sev.error { color: #c9302c; } .sev.warning { color: #c77c02; } .sev.info { color: #31708f; }
.rule { color: #777; }
.ctx { background: #f7f7f7; padding: .1rem .5rem; border-left: 3px solid #ddd; white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe066; font-weight: bold; }
.unreadable .error { color: #c9302c; }
.hidden { display: none; }
`

/** Filter by category: unchecked categories hide their findings, and files left empty. */
export const htmlScript = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.category-filter'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var files = Array.prototype.slice.call(document.querySelectorAll('section.file:not(.unreadable)'));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var shown = 0;
    findings.forEach(function (f) {
      var visible = on[f.getAttribute('data-category')] !== false;
      f.classList.toggle('hidden', !visible);
      if (visible) shown++;
    });
    files.forEach(function (s) { s.classList.toggle('hidden', !s.querySelector('.finding:not(.hidden)')); });
    document.getElementById('shown-count').textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
`
