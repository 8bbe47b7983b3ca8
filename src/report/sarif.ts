// The `sarif` reporter: SARIF 2.1.0 for code-scanning dashboards, streamed file by file, with
// fingerprints that survive edits elsewhere in the file.
import { createHash } from 'node:crypto'
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding, Severity } from '../core/finding.js'
import { chunksLength, joinChunked } from './chunks.js'
import { countsOf } from './summary.js'
import type { FileRenderer, FileResult, Reporter, ReporterOptions, Summary } from './types.js'

/** The schema the output declares; tests validate it against a copy of this schema. */
export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json'
/** Key of our fingerprint in `partialFingerprints`; the version changes if the recipe does. */
export const fingerprintKey = 'maskAudit/v1'

const levelOf: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note' }

/** A path as a SARIF artifact URI: relative paths stay relative, segments percent-encoded. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href
  return path.split(/[\\/]/).map(encodeURIComponent).join('/')
}

/**
 * Fingerprints of a file's findings: a hash of rule, path, matched text and context, plus
 * the occurrence number among equal ones. No line numbers, so a finding keeps its
 * fingerprint when lines are added above it.
 */
export function fingerprints(path: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>()
  return findings.map((f) => {
    const hash = createHash('sha256').update(`${f.ruleId}\u0000${path}\u0000${f.text}\u0000${f.context}`).digest('hex').slice(0, 32)
    const n = seen.get(hash) ?? 0
    seen.set(hash, n + 1)
    return `${hash}:${n}`
  })
}

/** A file's results, comma-separated JSON; pure, so worker threads can run it. */
export const renderSarifFile: FileRenderer = (result) => {
  const uri = artifactUri(result.path)
  const prints = fingerprints(result.path, result.findings)
  return joinChunked(result.findings.keys(), (i) => JSON.stringify(sarifResult(result.findings[i]!, uri, prints[i]!)), ',')
}

function sarifResult(f: Finding, uri: string, fingerprint: string): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    level: levelOf[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.offset, charLength: f.length, snippet: { text: f.text } },
        },
      },
    ],
    partialFingerprints: { [fingerprintKey]: fingerprint },
    properties: { category: f.category, context: f.context, ...(f.suggestion !== undefined && { suggestion: f.suggestion }) },
  }
}

/** Creates the `sarif` reporter: one run; rules seen and unreadable files are added at the end. */
export function createSarifReporter(options: ReporterOptions): Reporter {
  let hasResults = false
  const rules = new Map<string, string>()
  const notifications: Record<string, unknown>[] = []
  return {
    begin: () => `{"$schema":${JSON.stringify(sarifSchemaUri)},"version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","results":[`,
    file: (result: FileResult) => {
      if (result.error !== undefined) notifications.push(notification(result))
      for (const id of Object.keys(countsOf(result).byRule)) rules.set(id, id.split('/')[0]!)
      const text = result.prerendered?.bytes ?? renderSarifFile(result)
      if ((text instanceof Uint8Array ? text.length : chunksLength(text)) === 0) return ''
      const out = [hasResults ? ',' : '', ...(typeof text === 'string' || text instanceof Uint8Array ? [text] : text)]
      hasResults = true
      return out
    },
    end: (summary: Summary) => {
      const driver = {
        name: 'mask-audit',
        version: options.toolVersion,
        informationUri: 'https://www.npmjs.com/package/mask-audit',
        rules: [...rules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, category]) => ({ id, properties: { category } })),
      }
      const invocation = { executionSuccessful: summary.unreadable === 0 && summary.pathErrors === 0, toolExecutionNotifications: notifications }
      return `],"tool":${JSON.stringify({ driver })},"invocations":[${JSON.stringify(invocation)}]}]}\n`
    },
  }
}

function notification(result: FileResult): Record<string, unknown> {
  return { level: 'error', message: { text: `cannot read: ${result.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(result.path) } } }] }
}
