// The `github` reporter: GitHub Actions workflow commands, one annotation per finding
// (`::error file=…,line=…,col=…::message`), so findings show on the pull request's diff.
import type { Severity } from '../core/finding.js'
import { joinChunked } from './chunks.js'
import { summaryLine } from './summary-line.js'
import { escapeControls } from './terminal-text.js'
import type { FileRenderer, Reporter, ReporterOptions, Summary } from './types.js'

const commandOf: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' }

/**
 * Escapes a message: `%`, CR and LF would end or break the command; every other control
 * character (ESC of a file name or a document) is shown as an escape (`\x1b`), as the terminal
 * reporter shows it: the log is a terminal's, and GitHub decodes no other `%` code.
 */
export function escapeData(s: string): string {
  return escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

/** Escapes a property value: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A file's annotations; pure, so worker threads can run it. */
export const renderGithubFile: FileRenderer = (result) => {
  const file = escapeProperty(result.path)
  if (result.error !== undefined) return `::error file=${file},title=${escapeProperty('mask-audit: cannot read')}::${escapeData(result.error)}\n`
  return joinChunked(result.findings, (f) => {
    // Columns only make sense to GitHub within one line.
    const cols = f.line === f.endLine ? `,col=${f.column},endColumn=${f.endColumn}` : ''
    const where = `file=${file},line=${f.line},endLine=${f.endLine}${cols}`
    return `::${commandOf[f.severity]} ${where},title=${escapeProperty(f.ruleId)}::${escapeData(f.message)}\n`
  })
}

/** Creates the `github` reporter; the summary is one notice line, in the run's language. */
export function createGithubReporter(options: Pick<ReporterOptions, 'lang'>): Reporter {
  return {
    begin: () => '',
    file: (result) => result.prerendered?.bytes ?? renderGithubFile(result),
    end: (s: Summary) => `::notice title=mask-audit::${escapeData(summaryLine(s, options.lang).text)}\n`,
  }
}
