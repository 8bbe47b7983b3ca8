// The `sarif` reporter: SARIF 2.1.0 for code-scanning dashboards, streamed file by file, with
// fingerprints that survive edits elsewhere in the file, rules described in the run's
// language, and the safe fixes as SARIF `fixes`.
import { createHash } from 'node:crypto'
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding, Severity } from '../core/finding.js'
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { defaultMessageId, ruleHelp, ruleSummary } from '../rules/messages.js'
import { chunksLength, joinChunked, type Chunks } from './chunks.js'
import { fileError } from './labels.js'
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

/** The per-file part of the `sarif` reporter: a file's results, comma-separated JSON; pure, so worker threads can run it. */
export function createSarifFileRenderer(options: Pick<ReporterOptions, 'lang'>): FileRenderer {
  return (result) => renderSarifFile(result, options.lang)
}

/** In bounded pieces: millions of findings never make one string past V8's limit. */
function renderSarifFile(result: FileResult, lang: Lang): Chunks {
  const uri = artifactUri(result.path)
  const prints = fingerprints(result.path, result.findings)
  // A .docx's offsets count its paragraphs' text, not the file's bytes: no replacement can address them.
  const canFix = result.format !== 'docx'
  return joinChunked(result.findings.keys(), (i) => JSON.stringify(sarifResult(result.findings[i]!, uri, prints[i]!, canFix ? lang : undefined)), ',')
}

/** `fixLang`: the language to describe fixes in, or undefined where fixes cannot be expressed. */
function sarifResult(f: Finding, uri: string, fingerprint: string, fixLang: Lang | undefined): Record<string, unknown> {
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
    ...(f.fix && fixLang !== undefined && { fixes: [sarifFix(f, uri, fixLang)] }),
    properties: { category: f.category, messageId: f.messageId, context: f.context, ...(f.suggestion !== undefined && { suggestion: f.suggestion }) },
  }
}

/**
 * A finding's safe fix (`--fix` applies the same) as a SARIF fix: one replacement of UTF-16
 * code units (the run's `columnKind`); line and columns too when it covers the finding's span.
 */
function sarifFix(f: Finding, uri: string, lang: Lang): Record<string, unknown> {
  const fix = f.fix!
  const isSpan = fix.offset === f.offset && fix.length === f.length
  const description = !isSpan ? formatMessage(lang, 'sarif.fix') : fix.replacement === '' ? formatMessage(lang, 'sarif.fix.delete', { text: f.text }) : formatMessage(lang, 'sarif.fix.replace', { text: f.text, replacement: fix.replacement })
  const deletedRegion = { ...(isSpan && { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }), charOffset: fix.offset, charLength: fix.length }
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation: { uri }, replacements: [{ deletedRegion, insertedContent: { text: fix.replacement } }] }],
  }
}

/** A rule as SARIF describes it: summary, summary with advice, and the advice as help, in `lang`. */
function sarifRule(id: string, category: string, lang: Lang): Record<string, unknown> {
  const summary = ruleSummary({ id, summary: id }, lang)
  const help = ruleHelp(id, lang)
  const plain = (markdown: string) => markdown.replace(/`/g, '')
  return {
    id,
    shortDescription: { text: plain(summary), markdown: summary },
    ...(help !== undefined && {
      fullDescription: { text: plain(formatMessage(lang, 'sarif.full-description', { summary, help })), markdown: formatMessage(lang, 'sarif.full-description', { summary, help }) },
      help: { text: plain(help), markdown: help },
    }),
    properties: { category, messageId: defaultMessageId(id) },
  }
}

/** Creates the `sarif` reporter: one run; rules seen and unreadable files are added at the end. */
export function createSarifReporter(options: ReporterOptions): Reporter {
  let hasResults = false
  const rules = new Map<string, string>()
  const notifications: Record<string, unknown>[] = []
  return {
    begin: () => `{"$schema":${JSON.stringify(sarifSchemaUri)},"version":"2.1.0","runs":[{"columnKind":"utf16CodeUnits","language":${JSON.stringify(formatMessage(options.lang, 'sarif.language'))},"results":[`,
    file: (result: FileResult) => {
      if (result.error !== undefined) notifications.push(notification(result, options.lang))
      for (const id of Object.keys(countsOf(result).byRule)) rules.set(id, id.split('/')[0]!)
      const text = result.prerendered?.bytes ?? renderSarifFile(result, options.lang)
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
        rules: [...rules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, category]) => sarifRule(id, category, options.lang)),
      }
      const invocation = { executionSuccessful: summary.unreadable === 0 && summary.pathErrors === 0, toolExecutionNotifications: notifications }
      return `],"tool":${JSON.stringify({ driver })},"invocations":[${JSON.stringify(invocation)}]}]}\n`
    },
  }
}

function notification(result: FileResult, lang: Lang): Record<string, unknown> {
  return { level: 'error', message: { text: formatMessage(lang, 'error.cannot-read', { reason: fileError(result, lang) }) }, locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(result.path) } } }] }
}
