// The style sheet and the filter script inlined into the `html` report (no network).

/**
 * CSS of the report; the overview comes first on screen though it is written last. Nothing
 * may be wider than the screen: long paths and contexts wrap, tables scroll in their own box,
 * the chart scales.
 */
export const htmlStyle = `
* { box-sizing: border-box; }
body { font: 15px/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1rem 3rem; color: #222; overflow-wrap: anywhere; }
main { display: flex; flex-direction: column; }
#overview { order: -1; }
h1 { margin-bottom: .3rem; font-size: 1.5rem; } h2 { margin-top: 1.5rem; font-size: 1.2rem; } h3 { font-size: 1rem; margin: 1rem 0 .3rem; word-break: break-all; }
.dim { color: #777; font-weight: normal; }
.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin: 0; color: #555; font-size: .9rem; }
.meta div { display: flex; gap: .4rem; min-width: 0; } .meta dt { font-weight: bold; flex-shrink: 0; white-space: nowrap; } .meta dd { margin: 0; word-break: break-all; }
.totals { display: flex; flex-wrap: wrap; gap: .6rem; }
.total { border: 1px solid #ddd; border-radius: 6px; padding: .4rem .9rem; min-width: 5.5rem; flex: 0 1 auto; }
.total b { display: block; font-size: 1.5rem; }
.scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #eee; padding: .2rem .8rem; text-align: left; }
.chart { display: block; width: 100%; max-width: 480px; height: auto; }
.chart text { font-size: 14px; fill: #333; } .chart rect { fill: #4a78c2; }
.chart .cat-count { fill: #d9534f; } .chart .cat-placeholder { fill: #f0ad4e; } .chart .cat-paywall { fill: #8e44ad; } .chart .cat-typo { fill: #5bc0de; } .chart .cat-leak { fill: #c0392b; }
.top-files { padding-left: 1.5rem; } .top-files li { word-break: break-all; }
.top-files .count { display: inline-block; min-width: 3rem; font-weight: bold; }
#filters label { margin-right: 1rem; white-space: nowrap; }
.filter-row { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .6rem; margin: .4rem 0; }
.filter-name { font-weight: bold; margin-right: .4rem; }
select { max-width: 100%; font: inherit; }
#filters label:has(select) { white-space: normal; display: flex; align-items: center; min-width: 0; max-width: 100%; }
.file ol { margin: 0; padding-left: 1.2rem; }
.finding { margin: .4rem 0; }
.pos { font-family: ui-monospace, monospace; color: #555; }
.sev { font-weight: bold; } .sev.error { color: #c9302c; } .sev.warning { color: #c77c02; } .sev.info { color: #31708f; }
.rule { color: #777; word-break: break-all; }
.suggestion { color: #2d7a2d; }
.ctx { background: #f7f7f7; padding: .1rem .5rem; border-left: 3px solid #ddd; white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe066; font-weight: bold; }
.unreadable .error { color: #c9302c; }
.hidden { display: none; }
@media (max-width: 480px) {
  body { padding: 0 .6rem 2rem; font-size: 14px; }
  td, th { padding: .2rem .4rem; }
  .total { min-width: 4.5rem; padding: .3rem .6rem; }
  .file ol { padding-left: 1rem; }
}
`

/**
 * Filters by severity, category, rule and file together: a finding shows when all four let
 * it; a file section with no finding left is hidden too.
 */
export const htmlScript = `
(function () {
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  var severityBoxes = all('.severity-filter');
  var categoryBoxes = all('.category-filter');
  var ruleSelect = document.getElementById('rule-filter');
  var fileSelect = document.getElementById('file-filter');
  var files = all('section.file');
  function checked(boxes) {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    return on;
  }
  function apply() {
    var severities = checked(severityBoxes);
    var categories = checked(categoryBoxes);
    var rule = ruleSelect ? ruleSelect.value : '';
    var file = fileSelect ? fileSelect.value : '';
    var shown = 0;
    files.forEach(function (section) {
      var fileOn = !file || section.getAttribute('data-file') === file;
      var left = 0;
      Array.prototype.slice.call(section.querySelectorAll('.finding')).forEach(function (f) {
        var visible = fileOn && severities[f.getAttribute('data-severity')] !== false
          && categories[f.getAttribute('data-category')] !== false
          && (!rule || f.getAttribute('data-rule') === rule);
        f.classList.toggle('hidden', !visible);
        if (visible) left++;
      });
      shown += left;
      var isUnreadable = section.classList.contains('unreadable');
      section.classList.toggle('hidden', isUnreadable ? !fileOn : left === 0);
    });
    document.getElementById('shown-count').textContent = String(shown);
  }
  severityBoxes.concat(categoryBoxes).forEach(function (b) { b.addEventListener('change', apply); });
  [ruleSelect, fileSelect].forEach(function (s) { if (s) s.addEventListener('change', apply); });
  apply();
})();
`
