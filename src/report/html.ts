// The `html` reporter: one self-contained page (no network) a team lead can forward: the
// run's metadata, totals, a chart per category that fits a phone, the files with most
// findings linking to their sections, filters by severity, category, rule and file, and every
// finding in context. Findings stream out as they come; the overview is written last and
// shown first by CSS.
import { spanStartInContext } from '../core/engine.js'
import type { Finding } from '../core/finding.js'
import { visibleSuggestion } from '../core/invisible-text.js'
import { ChunkBuilder, type Chunks } from './chunks.js'
import { htmlLabelsFor, type HtmlLabels } from './html-labels.js'
import { htmlStyle, htmlScript } from './html-assets.js'
import { placeOf, type PlaceLanguage } from './place.js'
import { fileError } from './labels.js'
import type { FileResult, Reporter, ReporterOptions, Summary } from './types.js'

/** Files listed under "most findings". */
const topFileCount = 20

const escapeRe = /[&<>"']/g
const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(escapeRe, (c) => entities[c]!)
}

interface RuleTotal {
  readonly category: string
  count: number
}

interface FileEntry {
  readonly path: string
  readonly anchor: string
  readonly count: number
}

/** Creates the `html` reporter. */
export function createHtmlReporter(options: ReporterOptions): Reporter {
  const lang: PlaceLanguage = options.lang === 'zh' ? 'zh' : 'en'
  const labels = htmlLabelsFor(lang)
  const rules = new Map<string, RuleTotal>()
  let topFiles: FileEntry[] = []
  const filePaths: FileEntry[] = []
  return {
    begin: () => pageStart(options, labels, lang),
    file: (result) => {
      for (const f of result.findings) {
        const total = rules.get(f.ruleId) ?? { category: f.category, count: 0 }
        total.count++
        rules.set(f.ruleId, total)
      }
      const entry = { path: result.path, anchor: `file-${filePaths.length + 1}`, count: result.findings.length }
      if (result.findings.length > 0 || result.error !== undefined) filePaths.push(entry)
      if (result.findings.length > 0) {
        topFiles.push(entry)
        // Kept short as files stream past: only the leaders are ever shown.
        if (topFiles.length > topFileCount * 4) topFiles = leaders(topFiles)
      }
      return renderFile(result, entry.anchor, labels, lang)
    },
    end: (summary) => overview(summary, rules, leaders(topFiles), filePaths, labels) + pageEnd(),
  }
}

function leaders(files: FileEntry[]): FileEntry[] {
  return [...files].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1)).slice(0, topFileCount)
}

function pageStart(options: ReporterOptions, t: HtmlLabels, lang: PlaceLanguage): string {
  const run = options.run
  const meta: [string, string][] = [[t.version, `mask-audit ${options.toolVersion}`]]
  if (run) {
    meta.push([t.generated, localTime(run.startedAt)])
    meta.push([t.profile, run.profile ?? t.profileDefault])
    if (run.paths.length > 0) meta.push([t.paths, run.paths.join(' ')])
  }
  const metaRows = meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title><style>${htmlStyle}</style></head>
<body><header><h1>${escapeHtml(t.title)}</h1><dl class="meta">${metaRows}</dl></header>
<main><section id="findings"><h2>${escapeHtml(t.findings)} <span class="dim">(${escapeHtml(t.shown)} <span id="shown-count">0</span>)</span></h2>
`
}

/**
 * An ISO time as the reader's clock shows it, with its offset (`2026-12-03 23:24:20 UTC+08:00`):
 * in the time zone of the run (TZ, else the system's), as a clerk in Beijing expects it.
 */
export function localTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const offset = -at.getTimezoneOffset()
  const local = new Date(at.getTime() + offset * 60_000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')
  if (offset === 0) return `${local} UTC`
  const abs = Math.abs(offset)
  return `${local} UTC${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

function pageEnd(): string {
  return `</main><script>${htmlScript}</script></body></html>\n`
}

function renderFile(result: FileResult, anchor: string, t: HtmlLabels, lang: PlaceLanguage): Chunks {
  const path = escapeHtml(result.path)
  if (result.error !== undefined) return `<section class="file unreadable" id="${anchor}" data-file="${path}"><h3>${path}</h3><p class="error">${escapeHtml(t.unreadable)}${lang === 'zh' ? '：' : ': '}${escapeHtml(fileError(result, lang))}</p></section>\n`
  if (result.findings.length === 0) return ''
  const isDocx = result.format === 'docx'
  // In bounded pieces: millions of findings never make one string past V8's limit.
  const out = new ChunkBuilder()
  out.push(`<section class="file" id="${anchor}" data-file="${path}"><h3>${path} <span class="dim">(${result.findings.length})</span></h3><ol>`)
  for (const f of result.findings) out.push(renderFinding(f, isDocx, t, lang))
  out.push('</ol></section>\n')
  return out.done()
}

/** The suggestion, unless the message already quotes it; one only of spaces or invisible characters named by code point. */
function suggestionNote(f: Finding, t: HtmlLabels): string {
  if (f.suggestion === undefined) return ''
  const shown = visibleSuggestion(f.suggestion)
  return f.message.includes(shown) ? '' : ` <span class="suggestion">→ ${shown === '' ? escapeHtml(t.delete) : escapeHtml(shown)}</span>`
}

function renderFinding(f: Finding, isDocx: boolean, t: HtmlLabels, lang: PlaceLanguage): string {
  const suggestion = suggestionNote(f, t)
  return `<li class="finding" data-category="${escapeHtml(f.category)}" data-severity="${f.severity}" data-rule="${escapeHtml(f.ruleId)}">`
    + `<span class="pos">${escapeHtml(placeOf(f, isDocx, lang))}</span> <span class="sev ${f.severity}">${escapeHtml(t.severity[f.severity])}</span> `
    + `<span class="msg">${escapeHtml(f.message)}</span>${suggestion} <code class="rule">${escapeHtml(f.ruleId)}</code>`
    + `<div class="ctx">${highlighted(f)}</div></li>`
}

/** The context with the finding's span in `<mark>`; offsets in UTF-16 code units. */
function highlighted(f: Finding): string {
  const at = spanStartInContext(f)
  const shown = f.context.slice(at, at + f.text.length)
  return escapeHtml(f.context.slice(0, at)) + `<mark>${escapeHtml(shown)}</mark>` + escapeHtml(f.context.slice(at + shown.length))
}

function overview(s: Summary, rules: Map<string, RuleTotal>, top: FileEntry[], files: FileEntry[], t: HtmlLabels): string {
  const categories = Object.entries(s.byCategory)
  const totals = [['files', s.files], ['findings', s.findings], ['errors', s.errors], ['warnings', s.warnings], ['info', s.infos], ['unreadable', s.unreadable]] as const
  const totalCells = totals.map(([name, n]) => `<div class="total"><b id="total-${name}">${n}</b><span>${escapeHtml(t.totals[name])}</span></div>`).join('')
  const topList = top.map((f) => `<li><span class="count">${f.count}</span> <a href="#${f.anchor}">${escapeHtml(f.path)}</a></li>`).join('')
  return `</section><section id="overview"><h2>${escapeHtml(t.overview)}</h2><div class="totals">${totalCells}</div>
<h2>${escapeHtml(t.byCategory)}</h2>${categoryChart(categories, t)}
<div class="scroll"><table class="categories"><tr><th>${escapeHtml(t.category)}</th><th>${escapeHtml(t.findings)}</th></tr>${categories.map(([c, n]) => `<tr><td>${escapeHtml(categoryName(c, t))}${categoryName(c, t) === c ? '' : ` <code>${escapeHtml(c)}</code>`}</td><td data-total-category="${escapeHtml(c)}">${n}</td></tr>`).join('')}</table></div>
<h2>${escapeHtml(t.byRule)}</h2>${ruleTable(rules, t)}
<h2>${escapeHtml(t.topFiles)}</h2>${topList ? `<ol class="top-files">${topList}</ol>` : `<p class="dim">${escapeHtml(t.none)}</p>`}
<h2>${escapeHtml(t.filter)}</h2>${filters(s, categories, rules, files, t)}</section>
`
}

/** Filters by severity, category, rule and file; the script applies all four together. */
function filters(s: Summary, categories: [string, number][], rules: Map<string, RuleTotal>, files: FileEntry[], t: HtmlLabels): string {
  if (s.findings === 0) return `<p id="filters" class="dim">${escapeHtml(t.none)}</p>`
  const severityCounts = { error: s.errors, warning: s.warnings, info: s.infos }
  const severityBoxes = (['error', 'warning', 'info'] as const).filter((v) => severityCounts[v] > 0).map((v) => `<label><input type="checkbox" class="severity-filter" value="${v}" checked> ${escapeHtml(t.severity[v])} (${severityCounts[v]})</label>`)
  const categoryBoxes = categories.map(([c, n]) => `<label><input type="checkbox" class="category-filter" value="${escapeHtml(c)}" checked> ${escapeHtml(categoryName(c, t))} (${n})</label>`)
  const ruleOptions = [...rules.keys()].sort().map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(id)}</option>`).join('')
  const fileOptions = files.filter((f) => f.count > 0).map((f) => `<option value="${escapeHtml(f.path)}">${escapeHtml(f.path)}</option>`).join('')
  return `<div id="filters">
<p class="filter-row"><span class="filter-name">${escapeHtml(t.severityName)}</span>${severityBoxes.join(' ')}</p>
<p class="filter-row"><span class="filter-name">${escapeHtml(t.category)}</span>${categoryBoxes.join(' ')}</p>
<p class="filter-row"><label><span class="filter-name">${escapeHtml(t.rule)}</span><select id="rule-filter"><option value="">${escapeHtml(t.all)}</option>${ruleOptions}</select></label></p>
<p class="filter-row"><label><span class="filter-name">${escapeHtml(t.file)}</span><select id="file-filter"><option value="">${escapeHtml(t.all)}</option>${fileOptions}</select></label></p>
</div>`
}

function categoryName(category: string, t: HtmlLabels): string {
  return t.categories[category] ?? category
}

/**
 * A horizontal bar chart of findings per category, as inline SVG that scales to its box: on
 * a 360 px phone it shrinks with the page instead of overflowing it.
 */
function categoryChart(categories: [string, number][], t: HtmlLabels): string {
  if (categories.length === 0) return `<p class="dim">${escapeHtml(t.none)}</p>`
  let max = 1
  for (const [, n] of categories) max = Math.max(max, n)
  const rowHeight = 28
  const labelWidth = 120
  const barSpace = 200
  const bars = categories.map(([c, n], i) => {
    const width = Math.max(1, Math.round((n / max) * barSpace))
    const y = i * rowHeight
    return `<g class="bar" data-category="${escapeHtml(c)}"><text x="0" y="${y + 18}">${escapeHtml(categoryName(c, t))}</text><rect x="${labelWidth}" y="${y + 4}" width="${width}" height="20" class="cat-${escapeHtml(c)}"/><text x="${labelWidth + 6 + width}" y="${y + 18}">${n}</text></g>`
  })
  const height = categories.length * rowHeight
  return `<svg class="chart" role="img" aria-label="${escapeHtml(t.byCategory)}" viewBox="0 0 ${labelWidth + barSpace + 60} ${height}" preserveAspectRatio="xMinYMin meet">${bars.join('')}</svg>`
}

function ruleTable(rules: Map<string, RuleTotal>, t: HtmlLabels): string {
  const rows = [...rules].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
  return `<div class="scroll"><table class="rules"><tr><th>${escapeHtml(t.rule)}</th><th>${escapeHtml(t.category)}</th><th>${escapeHtml(t.findings)}</th></tr>${rows.map(([id, r]) => `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(categoryName(r.category, t))}</td><td data-total-rule="${escapeHtml(id)}">${r.count}</td></tr>`).join('')}</table></div>`
}
