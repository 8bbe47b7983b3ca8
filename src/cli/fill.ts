// The `fill` command: write a copy of a draft with its blanks filled from a sheet made by `blanks`.
import { planFill } from '../core/blanks.js'
import { applyFixes } from '../core/fix.js'
import { readSheet } from '../io/blank-sheet.js'
import { whyNotRewritable } from '../io/read-document.js'
import { InputError, UsageError } from '../core/errors.js'
import { refuseOutputOverInput, writeTextFile } from '../io/write.js'
import { findBlanks, type BlankSetupOptions } from '../run/find-blanks.js'
import { writeErr } from './io.js'
import { formatMessage } from '../i18n/catalogue.js'
import { processLocaleLang } from './lang.js'

/** Options of `fill`, as commander parses them. */
export interface FillOptions extends BlankSetupOptions {
  readonly values: string
  readonly output: string
  readonly allowPartial?: boolean
}

/**
 * Runs `fill`. The sheet must match the document's blanks as they are now and give every
 * value, unless `--allow-partial`; otherwise nothing is written and the error names the row.
 * The output keeps the input's encoding, BOM and line endings.
 */
export async function runFill(path: string, options: FillOptions): Promise<number> {
  refuseOutputOverInput(options.output, [path], '-o', 'action.filled')
  refuseOutputOverInput(options.output, [options.values], '-o', 'action.read')
  const readOnly = whyNotRewritable(path)
  if (readOnly !== undefined) throw new UsageError(`cannot fill: ${readOnly}`, { path }, 'save it as .txt or .md first')
  const { doc, blanks, lang } = await findBlanks(path, { ...options, localeLang: processLocaleLang() })
  const rows = readSheet(options.values)
  const plan = planFill(blanks, rows, options.values, options.allowPartial === true)
  // A note names the row and what is wrong; the hint is for a run that refuses.
  for (const note of plan.notes) writeErr(formatMessage(lang, 'fill.left', { problem: new InputError(note.text, note.location).format(lang) }))
  const text = applyFixes(doc.text, plan.fixes)
  writeTextFile(options.output, { text, encoding: doc.encoding, hasBom: doc.hasBom })
  writeErr(formatMessage(lang, doc.hasBom ? 'fill.done.bom' : 'fill.done', { path: options.output, filled: plan.fixes.length, count: blanks.length, encoding: doc.encoding }))
  return 0
}
