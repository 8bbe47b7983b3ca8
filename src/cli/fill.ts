// The `fill` command: write a copy of a draft with its blanks filled from a sheet made by `blanks`.
import { planFill } from '../core/blanks.js'
import { applyFixes } from '../core/fix.js'
import type { Fix } from '../core/finding.js'
import { readSheet } from '../io/blank-sheet.js'
import { formatOf, whyNotRewritable } from '../io/read-document.js'
import { InputError, UsageError } from '../core/errors.js'
import { refuseOutputOverInput, writeFileAtomic, writeTextFile } from '../io/write.js'
import { findBlanks, type BlankSetupOptions } from '../run/find-blanks.js'
import { writeErr } from './io.js'
import { formatMessage, localText } from '../i18n/catalogue.js'
import { refuseNonWordCopy } from './word-copy.js'
import { parseLangOption, processLocaleLang } from './lang.js'

/** Options of `fill`, as commander parses them. */
export interface FillOptions extends Omit<BlankSetupOptions, 'lang'> {
  readonly values: string
  readonly output: string
  readonly allowPartial?: boolean
  readonly lang?: string
}

/**
 * Runs `fill`. The sheet must match the document's blanks as they are now and give every
 * value, unless `--allow-partial`; otherwise nothing is written and the error names the row.
 * A text file's copy keeps its encoding, BOM and line endings; a Word file's copy is a Word
 * file whose runs keep their formatting (and its tracked changes and comments stay).
 */
export async function runFill(path: string, options: FillOptions): Promise<number> {
  refuseOutputOverInput(options.output, [path], '-o', 'action.filled')
  refuseOutputOverInput(options.output, [options.values], '-o', 'action.read')
  const isWord = formatOf(path) === 'docx'
  const readOnly = isWord ? undefined : whyNotRewritable(path)
  if (readOnly !== undefined) throw new UsageError(localText('fill.cannot', { reason: readOnly }), { path }, localText('error.not-rewritable.hint'))
  if (isWord) refuseNonWordCopy(path, options.output, 'mask-audit fill report.docx --values blanks.csv -o report.filled.docx')
  const cliLang = parseLangOption(options.lang)
  const { doc, bytes, blanks, lang } = await findBlanks(path, { rules: options.rules, ...(options.config !== undefined && { config: options.config }), localeLang: processLocaleLang(), ...(cliLang && { lang: cliLang }) })
  const rows = readSheet(options.values)
  const plan = planFill(blanks, rows, options.values, options.allowPartial === true)
  // A note names the row and what is wrong; the hint is for a run that refuses.
  for (const note of plan.notes) writeErr(formatMessage(lang, 'fill.left', { problem: new InputError(note.text, note.location).format(lang) }))
  if (isWord) {
    const copy = await fillWordCopy(bytes, plan.filled, path)
    writeFileAtomic(options.output, copy.bytes)
    writeErr(formatMessage(lang, 'fill.done.docx', { path: options.output, filled: copy.filled, count: blanks.length }))
    if (copy.notFilled > 0) writeErr(formatMessage(lang, 'fill.not-written', { path: options.output, count: copy.notFilled }))
    return copy.notFilled > 0 ? 1 : 0
  }
  const text = applyFixes(doc.text, plan.fixes)
  writeTextFile(options.output, { text, encoding: doc.encoding, hasBom: doc.hasBom })
  writeErr(formatMessage(lang, doc.hasBom ? 'fill.done.bom' : 'fill.done', { path: options.output, filled: plan.filled.length, count: blanks.length, encoding: doc.encoding }))
  return 0
}

/**
 * The Word copy with each blank filled whose every part could be written: a blank whose parts
 * could be written only in part (one across paragraphs) is left whole, not half filled. The
 * copy is read back and must hold the text the edits make, or nothing is written.
 */
async function fillWordCopy(bytes: Uint8Array, filled: readonly (readonly Fix[])[], path: string): Promise<{ bytes: Uint8Array; filled: number; notFilled: number }> {
  const { editDocx } = await import('../io/docx-redact.js')
  const { readDocxBody } = await import('../io/docx.js')
  // Read once: both copies are made of it, and the filled text is its text edited.
  const body = readDocxBody(bytes, path)
  let copy = editDocx(bytes, filled.flat(), path, body)
  const whole = filled.filter((fixes) => fixes.every((f) => copy.appliedEdits.has(f)))
  if (whole.length < filled.length) copy = editDocx(bytes, whole.flat(), path, body)
  const expected = applyFixes(body.text, whole.flat())
  if (readDocxBody(copy.bytes, path).text !== expected) throw new Error(`fill: the Word copy of ${path} does not read as the filled text`)
  return { bytes: copy.bytes, filled: whole.length, notFilled: filled.length - whole.length }
}
