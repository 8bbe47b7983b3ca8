// The `csv` reporter: one row per finding, UTF-8 with a byte order mark so spreadsheet
// programs read the Chinese text right; an unreadable file is one row with its error.
import { joinChunked } from './chunks.js'
import type { FileRenderer, Reporter } from './types.js'

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
export const renderCsvFile: FileRenderer = (result) => {
  if (result.error !== undefined) return row([result.path, undefined, undefined, undefined, undefined, 'error', undefined, 'input', result.error, undefined, undefined, undefined])
  return joinChunked(result.findings, (f) => row([result.path, f.line, f.column, f.endLine, f.endColumn, f.severity, f.ruleId, f.category, f.message, f.text, f.context, f.suggestion]))
}

/** Creates the `csv` reporter. */
export function createCsvReporter(): Reporter {
  return {
    begin: () => '\ufeff' + columns.join(',') + '\r\n',
    file: (result) => result.prerendered?.bytes ?? renderCsvFile(result),
    end: () => '',
  }
}
