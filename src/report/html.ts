// The `html` reporter: one self-contained page (no network) with totals per category and
// rule, a chart per category, the files with most findings, and every finding in context.
// Findings stream out as they come; the overview is written last and shown first by CSS.
import { spanStartInContext } from '../core/engine.js'
import type { Finding } from '../core/finding.js'
import { ChunkBuilder, type Chunks } from './chunks.js'
import { htmlStyle, htmlScript } from './html-assets.js'
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

/** Creates the `html` reporter. */
export function createHtmlReporter(options: ReporterOptions): Reporter {
  const rules = new Map<string, RuleTotal>()
  let topFiles: { path: string; count: number }[] = []
  return {
    begin: () => pageStart(options.toolVersion),
    file: (result) => {
      for (const f of result.findings) {
        const total = rules.get(f.ruleId) ?? { category: f.category, count: 0 }
        total.count++
        rules.set(f.ruleId, total)
      }
      if (result.findings.length > 0) {
        topFiles.push({ path: result.path, count: result.findings.length })
        // Kept short as files stream past: only the leaders are ever shown.
        if (topFiles.length > topFileCount * 4) topFiles = leaders(topFiles)
      }
      return renderFile(result)
    },
    end: (summary) => overview(summary, rules, leaders(topFiles)) + pageEnd(),
  }
}

function leaders(files: { path: string; count: number }[]): { path: string; count: number }[] {
  return [...files].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1)).slice(0, topFileCount)
}

function pageStart(version: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mask-audit report</title><style>${htmlStyle}</style></head>
<body><header><h1>mask-audit report</h1><p class="dim">mask-audit ${escapeHtml(version)}</p></header>
<main><section id="findings"><h2>Findings <span class="dim">(<span id="shown-count">0</span> shown)</span></h2>
`
}

function pageEnd(): string {
  return `</main><script>${htmlScript}</script></body></html>\n`
}

function renderFile(result: FileResult): Chunks {
  const path = escapeHtml(result.path)
  if (result.error !== undefined) return `<section class="file unreadable"><h3>${path}</h3><p class="error">cannot read: ${escapeHtml(result.error)}</p></section>\n`
  if (result.findings.length === 0) return ''
  const where = result.format === 'docx' ? '¶' : ''
  const out = new ChunkBuilder()
  out.push(`<section class="file"><h3>${path} <span class="dim">(${result.findings.length})</span></h3><ol>`)
  for (const f of result.findings) out.push(renderFinding(f, where))
  out.push('</ol></section>\n')
  return out.done()
}

function renderFinding(f: Finding, where: string): string {
  return `<li class="finding" data-category="${escapeHtml(f.category)}" data-severity="${f.severity}">`
    + `<span class="pos">${where}${f.line}:${f.column}</span> <span class="sev ${f.severity}">${f.severity}</span> `
    + `<span class="msg">${escapeHtml(f.message)}</span> <code class="rule">${escapeHtml(f.ruleId)}</code>`
    + `<div class="ctx">${highlighted(f)}</div></li>`
}

/** The context with the finding's span in `<mark>`; offsets in UTF-16 code units. */
function highlighted(f: Finding): string {
  const at = spanStartInContext(f)
  const shown = f.context.slice(at, at + f.text.length)
  return escapeHtml(f.context.slice(0, at)) + `<mark>${escapeHtml(shown)}</mark>` + escapeHtml(f.context.slice(at + shown.length))
}

function overview(s: Summary, rules: Map<string, RuleTotal>, top: { path: string; count: number }[]): string {
  const categories = Object.entries(s.byCategory)
  const totals = [['files', s.files], ['findings', s.findings], ['errors', s.errors], ['warnings', s.warnings], ['info', s.infos], ['unreadable', s.unreadable]] as const
  const totalCells = totals.map(([name, n]) => `<div class="total"><b id="total-${name}">${n}</b><span>${name}</span></div>`).join('')
  const filters = categories.map(([c, n]) => `<label><input type="checkbox" class="category-filter" value="${escapeHtml(c)}" checked> ${escapeHtml(c)} (${n})</label>`).join(' ')
  return `</section><section id="overview"><h2>Overview</h2><div class="totals">${totalCells}</div>
<h2>By category</h2>${categoryChart(categories)}
<table class="categories"><tr><th>category</th><th>findings</th></tr>${categories.map(([c, n]) => `<tr><td>${escapeHtml(c)}</td><td data-total-category="${escapeHtml(c)}">${n}</td></tr>`).join('')}</table>
<h2>By rule</h2>${ruleTable(rules)}
<h2>Files with most findings</h2><ol class="top-files">${top.map((f) => `<li><span class="count">${f.count}</span> ${escapeHtml(f.path)}</li>`).join('')}</ol>
<h2>Filter</h2><p id="filters">${filters || '<span class="dim">no findings</span>'}</p></section>
`
}

/** A horizontal bar chart of findings per category, as inline SVG. */
function categoryChart(categories: [string, number][]): string {
  if (categories.length === 0) return '<p class="dim">no findings</p>'
  const max = Math.max(...categories.map(([, n]) => n))
  const rowHeight = 28
  const bars = categories.map(([c, n], i) => {
    const width = Math.max(1, Math.round((n / max) * 400))
    const y = i * rowHeight
    return `<g class="bar" data-category="${escapeHtml(c)}"><text x="0" y="${y + 18}">${escapeHtml(c)}</text><rect x="110" y="${y + 4}" width="${width}" height="20" class="cat-${escapeHtml(c)}"/><text x="${118 + width}" y="${y + 18}">${n}</text></g>`
  })
  return `<svg class="chart" role="img" aria-label="findings per category" width="600" height="${categories.length * rowHeight}" viewBox="0 0 600 ${categories.length * rowHeight}">${bars.join('')}</svg>`
}

function ruleTable(rules: Map<string, RuleTotal>): string {
  const rows = [...rules].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
  return `<table class="rules"><tr><th>rule</th><th>category</th><th>findings</th></tr>${rows.map(([id, t]) => `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(t.category)}</td><td data-total-rule="${escapeHtml(id)}">${t.count}</td></tr>`).join('')}</table>`
}
