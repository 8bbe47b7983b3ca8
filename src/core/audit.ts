// Audits a list of files in order: reads ahead a few files while rules run on the current one.
import type { ActiveRule } from '../rules/types.js'
import type { FileResult } from '../report/types.js'
import { readDocument } from '../io/read-document.js'
import type { Document } from './document.js'
import { checkDocument } from './engine.js'
import { MaskAuditError } from './errors.js'
import type { Finding } from './finding.js'

/** Files read ahead of the one being checked, to overlap disk and CPU. */
const readAhead = 8

/** Post-processing of one document's findings (inline disables, baseline, quiet). */
export type FindingFilter = (findings: Finding[], doc: Document) => Finding[]

/** Checks one document and applies the filters. */
export function auditDocument(doc: Document, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): FileResult {
  let findings = checkDocument(doc, rules)
  for (const filter of filters) findings = filter(findings, doc)
  const notice = doc.text.trim() === '' ? { notice: 'empty file, nothing to check' } : {}
  const size = doc.byteLength !== undefined ? { bytes: doc.byteLength } : {}
  return { path: doc.path, encoding: doc.encoding, findings, format: doc.format, ...size, ...notice }
}

/** Audits `paths` and yields one result per path, in the order given; unreadable files become error results. */
export async function* auditFiles(paths: readonly string[], rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): AsyncGenerator<FileResult> {
  const pending: Promise<Document | MaskAuditError>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < readAhead && next < paths.length) pending.push(readDocument(paths[next++]!).catch(asInputError))
  }
  fill()
  for (let i = 0; i < paths.length; i++) {
    const doc = await pending.shift()!
    fill()
    if (doc instanceof MaskAuditError) yield { path: paths[i]!, error: doc.message + (doc.hint ? ` (${doc.hint})` : ""), findings: [] }
    else yield auditDocument(doc, rules, filters)
  }
}

function asInputError(error: unknown): MaskAuditError {
  if (error instanceof MaskAuditError) return error
  throw error
}
