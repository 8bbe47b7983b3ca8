// `--fix` and `--fix-dry-run`: apply the safe fixes of a file, re-audit, write it back or diff it.
import { auditDocument, errorResult } from '../core/audit.js'
import type { Document } from '../core/document.js'
import { MaskAuditError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import { applyFixes, selectFixes } from '../core/fix.js'
import type { FileResult } from '../core/result.js'
import { documentFromText, whyNotRewritable } from '../io/read-document.js'
import { encodeChecked, writeTextFile } from '../io/write.js'
import type { FileSetup } from './workers.js'

/** What fixing one file did. */
export interface FixOutcome {
  /** The findings left after fixing (or the read error). */
  readonly result: FileResult
  /** How many fixes were applied (or would be, in a dry run). */
  readonly applied: number
  /** The unified diff of the change, in a dry run. */
  readonly diff?: string
}

/**
 * Reads `path`, applies the safe fixes of its findings, and writes the result atomically in the
 * file's own encoding, BOM and line endings; in a dry run, returns the diff instead. A result
 * that would not decode back is not written (the error is the result).
 *
 * One pass: exactly the fixes the audit reports are applied. A second pass would apply fixes
 * no report showed (removing a page-break tag can join `##paid` and `end##` into a tag that
 * then pairs and is removed); what the first pass leaves is reported after it, fix included.
 */
export async function fixFile(path: string, setup: FileSetup, filters: readonly FindingFilter[], read: (path: string) => Promise<Document>, isDryRun: boolean): Promise<FixOutcome> {
  const all = [...setup.filters, ...filters]
  let doc: Document
  try {
    doc = await read(path)
  } catch (error) {
    if (error instanceof MaskAuditError) return { result: errorResult(path, error), applied: 0 }
    throw error
  }
  const original = doc
  let result = auditDocument(doc, setup.rules, all)
  const fixes = selectFixes(result.findings)
  const text = applyFixes(doc.text, fixes)
  if (fixes.length === 0 || text === doc.text) return { result, applied: 0 }
  const applied = fixes.length
  doc = await documentFromText(text, path, doc.encoding, doc.hasBom)
  result = auditDocument(doc, setup.rules, all)
  const readOnly = whyNotRewritable(path)
  if (readOnly !== undefined) return { result: { ...auditDocument(original, setup.rules, all), notice: `not fixed: ${readOnly}` }, applied: 0 }
  try {
    const decoded = { text: doc.text, encoding: doc.encoding, hasBom: doc.hasBom }
    if (isDryRun) encodeChecked(decoded, path)
    else writeTextFile(path, decoded)
  } catch (error) {
    if (error instanceof MaskAuditError) return { result: errorResult(path, error), applied: 0 }
    throw error
  }
  if (!isDryRun) return { result, applied }
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff')
  const diff = createTwoFilesPatch(`a/${path}`, `b/${path}`, original.text, doc.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY })
  return { result, applied, diff }
}
