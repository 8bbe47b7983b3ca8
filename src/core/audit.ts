// Audits a list of files in order: reads ahead a few files while rules run on the current one.
import type { ActiveRule } from '../rules/types.js'
import type { FileResult } from '../report/types.js'
import { readDocument } from '../io/read-document.js'
import type { Document } from './document.js'
import { checkDocument } from './engine.js'
import { MaskAuditError } from './errors.js'
import type { FindingFilter } from './filters.js'
import { shouldUseWorkers, type RenderSpec } from './parallel-audit.js'

/** Files read ahead of the one being checked, to overlap disk and CPU. */
const readAhead = 8

export type { FindingFilter } from './filters.js'

/** How a batch is run. */
export interface AuditOptions {
  /** Worker threads to use; 1 (the default) audits in this thread. Output order never depends on it. */
  readonly jobs?: number
  /**
   * The run's output format: worker threads then render each result themselves and send
   * text instead of findings (`FileResult.prerendered`), unless the format needs findings.
   */
  readonly render?: RenderSpec
}

/** Checks one document and applies the filters. */
export function auditDocument(doc: Document, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): FileResult {
  let findings = checkDocument(doc, rules)
  for (const filter of filters) findings = filter(findings, doc)
  const notice = doc.text.trim() === '' ? { notice: 'empty file, nothing to check' } : {}
  const size = doc.byteLength !== undefined ? { bytes: doc.byteLength } : {}
  return { path: doc.path, encoding: doc.encoding, findings, format: doc.format, ...size, ...notice }
}

/** Audits `paths` and yields one result per path, in the order given; unreadable files become error results. */
export async function* auditFiles(paths: readonly string[], rules: readonly ActiveRule[], filters: readonly FindingFilter[] = [], options: AuditOptions = {}): AsyncGenerator<FileResult> {
  if (shouldUseWorkers(paths, filters, options.jobs ?? 1)) {
    const { auditInWorkers } = await import('./parallel-audit-pool.js')
    yield* auditInWorkers(paths, rules, filters, options.jobs!, options.render)
    return
  }
  const pending: Promise<Document | MaskAuditError>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < readAhead && next < paths.length) pending.push(readDocument(paths[next++]!).catch(asInputError))
  }
  fill()
  for (let i = 0; i < paths.length; i++) {
    const doc = await pending.shift()!
    fill()
    if (doc instanceof MaskAuditError) yield errorResult(paths[i]!, doc)
    else yield auditDocument(doc, rules, filters)
  }
}

/** Reads and audits one file; an unreadable file becomes a result with its `error`. */
export async function auditPath(path: string, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): Promise<FileResult> {
  const doc = await readDocument(path).catch(asInputError)
  if (doc instanceof MaskAuditError) return errorResult(path, doc)
  return auditDocument(doc, rules, filters)
}

function errorResult(path: string, error: MaskAuditError): FileResult {
  return { path, error: error.message + (error.hint ? ` (${error.hint})` : ''), findings: [] }
}

function asInputError(error: unknown): MaskAuditError {
  if (error instanceof MaskAuditError) return error
  throw error
}
