// The `csv` reporter: one row per finding, UTF-8 with a byte order mark so spreadsheet
// programs read the Chinese text right; an unreadable file is one row with its error. The
// header is in the run's language; the cells hold the values as JSON has them.
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { joinChunked, type Chunks } from './chunks.js'
import { fileError } from './labels.js'
import type { FileRenderer, Reporter, ReporterOptions } from './types.js'

const columns = ['path', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'category', 'message', 'text', 'context', 'suggestion'] as const
const needsQuotesRe = /[",\r\n]/
/** Cells a spreadsheet would run as a formula: a leading = + - @ TAB or CR. */
const formulaRe = /^[=+\-@\t\r]/

/** One CSV cell (RFC 4180); a leading `'` keeps a spreadsheet from running text as a formula. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const safe = formulaRe.test(value) ? `'${value}` : value
  return needsQuotesRe.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const row = (cells: (string | number | undefined)[]) => cells.map(csvCell).join(',') + '\r\n'

/** A file's rows; pure, so worker threads can run it. */
export function createCsvFileRenderer(options: Pick<ReporterOptions, 'lang'>): FileRenderer {
  return (result) => renderCsvFile(result, options.lang)
}

/** A file's rows, in bounded pieces: a file of millions of findings never makes one string past V8's limit. */
function renderCsvFile(result: Parameters<FileRenderer>[0], lang: Lang): Chunks {
  if (result.error !== undefined) return row([result.path, undefined, undefined, undefined, undefined, 'error', undefined, 'input', fileError(result, lang), undefined, undefined, undefined])
  return joinChunked(result.findings, (f) => row([result.path, f.line, f.column, f.endLine, f.endColumn, f.severity, f.ruleId, f.category, f.message, f.text, f.context, f.suggestion]))
}

/** Creates the `csv` reporter. */
export function createCsvReporter(options: Pick<ReporterOptions, 'lang'>): Reporter {
  return {
    begin: () => '\ufeff' + columns.map((c) => csvCell(formatMessage(options.lang, `csv.${c}`))).join(',') + '\r\n',
    file: (result) => result.prerendered?.bytes ?? renderCsvFile(result, options.lang),
    end: () => '',
  }
}
