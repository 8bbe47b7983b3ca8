// Audits one Document: the rules' findings, then the filters, as a file's result.
import { localText } from '../i18n/catalogue.js'
import type { Document } from './document.js'
import { checkDocument } from './engine.js'
import type { MaskAuditError } from './errors.js'
import type { FindingFilter } from './filters.js'
import type { FileResult } from './result.js'
import type { EngineRule } from './rule.js'

/** Documents with text this thread has audited. */
let textsAudited = 0

/** How many documents with text this thread has audited: with none, the rules' code has not run here. */
export function auditedTextCount(): number {
  return textsAudited
}

/** Checks one document and applies the filters. */
export function auditDocument(doc: Document, rules: readonly EngineRule[], filters: readonly FindingFilter[] = []): FileResult {
  if (doc.text.length > 0) textsAudited++
  let findings = checkDocument(doc, rules)
  for (const filter of filters) findings = filter(findings, doc)
  const notice = doc.text.trim() === '' ? { notice: localText('notice.empty-file') } : {}
  const size = doc.byteLength !== undefined ? { bytes: doc.byteLength } : {}
  return { path: doc.path, encoding: doc.encoding, findings, format: doc.format, ...size, ...notice }
}

/** The result of a file that could not be read: its error (worded by reporters in the run's language), no findings. */
export function errorResult(path: string, error: MaskAuditError): FileResult {
  return { path, error: error.describe('en'), errorText: { message: error.text, ...(error.hintText !== undefined && { hint: error.hintText }) }, findings: [] }
}
