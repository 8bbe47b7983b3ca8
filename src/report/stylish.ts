// The `stylish` reporter: findings grouped by file, the line with the span marked by carets
// that line up under Chinese text (wide characters take two columns), and a summary.
import { Chalk, type ChalkInstance } from 'chalk'
import { eastAsianWidth } from 'get-east-asian-width'
import { spanStartInContext } from '../core/engine.js'
import type { Finding } from '../core/finding.js'
import { ChunkBuilder, type Chunks } from './chunks.js'
import { escapeControls } from './terminal-text.js'
import type { FileRenderer, FileResult, Reporter, ReporterOptions, Summary } from './types.js'

/** The pure per-file part of the `stylish` reporter, for worker threads. */
export function createStylishFileRenderer(options: ReporterOptions): FileRenderer {
  const c = new Chalk({ level: options.color ? 1 : 0 })
  return (result) => renderFile(result, c)
}

/** Creates the `stylish` reporter; colour only when `options.color`. */
export function createStylishReporter(options: ReporterOptions): Reporter {
  const c = new Chalk({ level: options.color ? 1 : 0 })
  return {
    begin: () => '',
    file: (result) => result.prerendered?.bytes ?? renderFile(result, c),
    end: (summary) => renderSummary(summary, c),
  }
}

/** Every text from the file or its name goes through `escapeControls`: it is shown, never obeyed. */
function renderFile(result: FileResult, c: ChalkInstance): Chunks {
  const path = c.underline(escapeControls(result.path))
  if (result.error !== undefined) return `${path}\n  ${c.red('error')}  ${escapeControls(result.error)}\n\n`
  if (result.findings.length === 0) return ''
  const out = new ChunkBuilder()
  out.push(path + (result.format === 'docx' ? c.dim('  (¶ paragraph:column)') : ''))
  const position = positionLabel(result)
  // A loop, not Math.max(...): spreading 150,000 arguments overflows the stack.
  let posWidth = 0
  for (const f of result.findings) posWidth = Math.max(posWidth, position(f).length)
  for (const f of result.findings) {
    const pos = position(f).padEnd(posWidth)
    out.push(`\n  ${c.dim(pos)}  ${severityLabel(f, c)}  ${escapeControls(f.message)}${suggestionNote(f, c)}  ${c.dim(escapeControls(f.ruleId))}`)
    for (const line of excerpt(f, ' '.repeat(posWidth + 4), c)) out.push('\n' + line)
  }
  out.push('\n\n')
  return out.done()
}

/** `line:column`; in a .docx, where a line is a paragraph, `¶paragraph:column`. */
function positionLabel(result: FileResult): (f: Finding) => string {
  return result.format === 'docx' ? (f) => `¶${f.line}:${f.column}` : (f) => `${f.line}:${f.column}`
}

/** The suggestion, unless the message already quotes it; an empty one means delete. */
function suggestionNote(f: Finding, c: ChalkInstance): string {
  if (f.suggestion === undefined) return ''
  if (f.suggestion === '') return c.dim(' → delete')
  return f.message.includes(f.suggestion) ? '' : c.dim(` → ${escapeControls(f.suggestion)}`)
}

function severityLabel(f: Finding, c: ChalkInstance): string {
  const label = f.severity.padEnd(7)
  return f.severity === 'error' ? c.red(label) : f.severity === 'warning' ? c.yellow(label) : c.blue(label)
}

/** The context with carets under the span; widths in terminal columns, not code units. */
function excerpt(finding: Finding, indent: string, c: ChalkInstance): string[] {
  if (finding.length === 0 || finding.context === '') return []
  // A tab's width depends on the terminal: shown as one space, so the carets stay under the span.
  const f = { ...finding, context: finding.context.replace(/\t/g, ' '), text: finding.text.replace(/\t/g, ' ') }
  const at = spanStartInContext(f)
  // Escaped part by part, so the carets measure what is shown.
  const shown = escapeControls(f.context.slice(at, at + f.text.length))
  const before = escapeControls(f.context.slice(0, at))
  const after = escapeControls(f.context.slice(at + f.text.length))
  const carets = '^'.repeat(Math.max(1, displayWidth(shown)))
  return [indent + c.dim(before) + c.bold(shown) + c.dim(after), indent + ' '.repeat(displayWidth(before)) + c.red(carets)]
}

/** Terminal columns of `text`: East Asian wide and fullwidth characters take two. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false })
  return width
}

function renderSummary(s: Summary, c: ChalkInstance): string {
  const parts: string[] = []
  if (s.findings === 0 && s.unreadable === 0 && s.pathErrors === 0) return c.green(`✓ ${s.files} file${s.files === 1 ? '' : 's'} checked, no problems`) + '\n'
  const counts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`]
  if (s.infos) counts.push(`${s.infos} info`)
  parts.push(`✖ ${s.findings} problem${s.findings === 1 ? '' : 's'} (${counts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}`)
  if (s.unreadable) parts.push(`${s.unreadable} file${s.unreadable === 1 ? '' : 's'} could not be read`)
  if (s.pathErrors) parts.push(`${s.pathErrors} path${s.pathErrors === 1 ? '' : 's'} named nothing to check`)
  const line = parts.join('; ')
  return (s.errors || s.unreadable || s.pathErrors ? c.red.bold(line) : c.yellow.bold(line)) + '\n'
}
