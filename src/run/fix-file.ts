// `--fix` and `--fix-dry-run`: apply the safe fixes of a file, re-audit, write it back or diff it.
import { auditDocument, errorResult } from '../core/audit.js'
import type { Document } from '../core/document.js'
import { MaskAuditError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import { applyFixes, selectFixes } from '../core/fix.js'
import type { Fix } from '../core/finding.js'
import type { FileResult } from '../core/result.js'
import { documentFromBytes, documentFromText, formatOf, whyNotRewritable } from '../io/read-document.js'
import { encodeChecked, writeFileAtomic, writeTextFile } from '../io/write.js'
import type { FileSetup } from './workers.js'
import { localText, type Lang } from '../i18n/catalogue.js'
import { textFileDiff, wordTextDiff } from '../io/text-diff.js'

/** What fixing one file did. */
export interface FixOutcome {
  /** The findings left after fixing (or the read error). */
  readonly result: FileResult
  /** How many fixes were applied (or would be, in a dry run). */
  readonly applied: number
  /** The unified diff of the change, in a dry run (bytes where its lines are in the file's legacy encoding). */
  readonly diff?: string | Uint8Array
  /** False when the diff is to read only: `git apply` cannot apply it to the file (UTF-16, a Word file). */
  readonly diffApplies?: boolean
  /** True when fixes were found but could not be written (or encoded back): the run then exits 2. */
  readonly notWritten?: boolean
}

/**
 * Reads `path`, applies the safe fixes of its findings, and writes the result atomically in the
 * file's own encoding, BOM and line endings; in a dry run, returns the diff instead. A result
 * that would not decode back is not written (the error is the result). A Word file (its bytes
 * from `readBytes`) is fixed in the runs that hold each span, as `fill` fills it.
 *
 * One pass: exactly the fixes the audit reports are applied. A second pass would apply fixes
 * no report showed (removing a page-break tag can join `##paid` and `end##` into a tag that
 * then pairs and is removed); what the first pass leaves is reported after it, fix included.
 */
export async function fixFile(path: string, setup: FileSetup, filters: readonly FindingFilter[], read: (path: string) => Promise<Document>, isDryRun: boolean, readBytes?: (path: string) => Promise<Uint8Array>, lang: Lang = 'en'): Promise<FixOutcome> {
  const all = [...setup.filters, ...filters]
  let doc: Document
  // A Word file's bytes, which its copy is made of: the document is read from the same bytes.
  let wordBytes: Uint8Array | undefined
  try {
    if (readBytes && formatOf(path) === 'docx') {
      wordBytes = await readBytes(path)
      doc = await documentFromBytes(wordBytes, path)
    } else doc = await read(path)
  } catch (error) {
    if (error instanceof MaskAuditError) return { result: errorResult(path, error), applied: 0 }
    throw error
  }
  const original = doc
  let result = auditDocument(doc, setup.rules, all)
  const fixes = selectFixes(result.findings)
  if (wordBytes) return fixes.length === 0 ? { result, applied: 0 } : fixWord(path, wordBytes, original, fixes, setup, all, isDryRun, lang)
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
    // The file is as it was: its findings are reported as found, with why the fix is missing.
    if (error instanceof MaskAuditError) return { result: { ...auditDocument(original, setup.rules, all), notice: localText('fix.not-written', { reason: error.text }) }, applied: 0, notWritten: true }
    throw error
  }
  if (!isDryRun) return { result, applied }
  const diff = await textFileDiff(path, original.text, doc.text, original, lang)
  return { result, applied, diff: diff.output, diffApplies: diff.applies }
}

/**
 * Fixes a Word file: each fix made in the runs that hold its span (their formatting, tracked
 * changes, comments and the rest of the package kept), the copy written over the file as any
 * fixed file is; the findings are those of the copy. A fix the runs cannot take (one in the
 * texts kept beside the page) is left, and reported again.
 */
async function fixWord(path: string, bytes: Uint8Array, original: Document, fixes: readonly Fix[], setup: FileSetup, all: readonly FindingFilter[], isDryRun: boolean, lang: Lang): Promise<FixOutcome> {
  const { editDocx } = await import('../io/docx-redact.js')
  let fixed: Document
  let copy: Awaited<ReturnType<typeof editDocx>>
  try {
    copy = editDocx(bytes, fixes.map((fix) => narrowed(original.text, fix)), path)
    if (copy.applied === 0) return { result: auditDocument(original, setup.rules, all), applied: 0 }
    fixed = await documentFromBytes(copy.bytes, path)
    if (!isDryRun) writeFileAtomic(path, copy.bytes)
  } catch (error) {
    if (error instanceof MaskAuditError) return { result: errorResult(path, error), applied: 0 }
    throw error
  }
  const result = auditDocument(fixed, setup.rules, all)
  if (!isDryRun) return { result, applied: copy.applied }
  const diff = await wordTextDiff(path, original.text, fixed.text, lang)
  return { result, applied: copy.applied, diff: diff.output, diffApplies: diff.applies }
}

/**
 * A fix as the edit of what it changes only, the text it keeps at either end left out
 * (`截止` → `截至` edits `止`): a Word file's runs keep their formatting where the text stays.
 */
function narrowed(text: string, { offset, length, replacement }: Fix): { offset: number; length: number; replacement: string } {
  const before = text.slice(offset, offset + length)
  let head = 0
  while (head < before.length && head < replacement.length && before[head] === replacement[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < replacement.length - head && before[before.length - 1 - tail] === replacement[replacement.length - 1 - tail]) tail++
  return { offset: offset + head, length: length - head - tail, replacement: replacement.slice(head, replacement.length - tail) }
}
