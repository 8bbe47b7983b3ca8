// The `stylish` reporter: findings grouped by file, the line with the span marked by carets
// that line up under Chinese text (wide characters take two columns), and a summary.
import { displayWidth } from './display-width.js'
import { summaryLine } from './summary-line.js'
import { spanStartInContext } from '../core/engine.js'
import type { Finding } from '../core/finding.js'
import { ChunkBuilder, type Chunks } from './chunks.js'
import { escapeControls, escapeForLine } from './terminal-text.js'
import { visibleSuggestion } from '../core/invisible-text.js'
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { fileError, severityWord } from './labels.js'
import { placeOf } from './place.js'
import type { Paint } from './paint.js'
import type { FileRenderer, FileResult, Reporter, ReporterOptions, Summary } from './types.js'

/** The pure per-file part of the `stylish` reporter, for worker threads, in the styles of `c`. */
export function createStylishFileRenderer(options: ReporterOptions, c: Paint): FileRenderer {
  return (result) => renderFile(result, c, options.lang)
}

/** Creates the `stylish` reporter, in the styles of `c` (colour or none, as `options.color` chose). */
export function createStylishReporter(options: ReporterOptions, c: Paint): Reporter {
  return {
    begin: () => '',
    file: (result) => result.prerendered?.bytes ?? renderFile(result, c, options.lang),
    end: (summary) => renderSummary(summary, c, options.lang),
  }
}

/** Every text from the file or its name goes through `escapeControls`: it is shown, never obeyed. */
function renderFile(result: FileResult, c: Paint, lang: Lang): Chunks {
  const path = c.underline(escapeControls(result.path))
  if (result.error !== undefined) return `${path}\n  ${c.red(severityWord('error', lang))}  ${escapeControls(fileError(result, lang))}\n\n`
  if (result.findings.length === 0) return ''
  const out = new ChunkBuilder()
  out.push(path)
  // Loops, not Math.max(...): spreading 150,000 arguments overflows the stack.
  let labelWidth = 0
  for (const f of result.findings) labelWidth = Math.max(labelWidth, displayWidth(severityWord(f.severity, lang)))
  const isDocx = result.format === 'docx'
  let posWidth = 0
  for (const f of result.findings) posWidth = Math.max(posWidth, displayWidth(placeOf(f, isDocx, lang)))
  for (const f of result.findings) {
    const place = placeOf(f, isDocx, lang)
    const pos = place + ' '.repeat(posWidth - displayWidth(place))
    out.push(`\n  ${c.dim(pos)}  ${severityLabel(f, c, lang, labelWidth)}  ${escapeForLine(f.message)}${suggestionNote(f, c, lang)}  ${c.dim(escapeControls(f.ruleId))}`)
    for (const line of excerpt(f, ' '.repeat(posWidth + 4), c)) out.push('\n' + line)
  }
  out.push('\n\n')
  return out.done()
}

/** The suggestion, unless the message already quotes it; an empty one means delete. */
function suggestionNote(f: Finding, c: Paint, lang: Lang): string {
  if (f.suggestion === undefined) return ''
  if (f.suggestion === '') return c.dim(` → ${formatMessage(lang, 'stylish.delete')}`)
  // One only of spaces or invisible characters is named by code point, not printed as nothing.
  const shown = visibleSuggestion(f.suggestion)
  return f.message.includes(shown) ? '' : c.dim(` → ${escapeForLine(shown)}`)
}

/** The severity in `lang`, padded to `width` terminal columns (a Chinese label is two characters, four columns). */
function severityLabel(f: Finding, c: Paint, lang: Lang, width: number): string {
  const word = severityWord(f.severity, lang)
  const label = word + ' '.repeat(Math.max(0, width - displayWidth(word)))
  return f.severity === 'error' ? c.red(label) : f.severity === 'warning' ? c.yellow(label) : c.blue(label)
}

/** The context with carets under the span; widths in terminal columns, not code units. */
function excerpt(finding: Finding, indent: string, c: Paint): string[] {
  if (finding.length === 0 || finding.context === '') return []
  // A tab's width depends on the terminal: shown as one space, so the carets stay under the span.
  const f = { ...finding, context: finding.context.replace(/\t/g, ' '), text: finding.text.replace(/\t/g, ' ') }
  const at = spanStartInContext(f)
  // Escaped part by part, so the carets measure what is shown.
  const shown = escapeForLine(f.context.slice(at, at + f.text.length))
  const before = escapeForLine(f.context.slice(0, at))
  const after = escapeForLine(f.context.slice(at + f.text.length))
  const carets = '^'.repeat(Math.max(1, displayWidth(shown)))
  return [indent + c.dim(before) + c.bold(shown) + c.dim(after), indent + ' '.repeat(displayWidth(before)) + c.red(carets)]
}

function renderSummary(s: Summary, c: Paint, lang: Lang): string {
  const line = summaryLine(s, lang)
  if (line.isClean) return c.green(line.text) + '\n'
  return (line.hasErrors ? c.redBold(line.text) : c.yellowBold(line.text)) + '\n'
}
