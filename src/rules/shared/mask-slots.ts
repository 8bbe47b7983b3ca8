// The masks of a Document that stand for a name (`***市`, `**调查队`, `xx统计局`), with the
// words around them: the slots a redaction emptied, which leak rules compare with the text.
import type { Document } from '../../core/document.js'
import { isHan } from './chars.js'
import { findMaskRuns, type MaskRun } from './mask-runs.js'

/** A mask standing for a name, and what follows it. Offsets in UTF-16 code units. */
export interface MaskSlot {
  readonly run: MaskRun
  /** The slot word right after the mask (`市`, `调查队`, `统计局`). */
  readonly word: string
  /** Up to `contextLength` Han characters right before the mask and right after it. */
  readonly before: string
  readonly after: string
}

/** Han characters of context kept on each side of a slot. */
const contextLength = 4

/**
 * Masks followed by one of `slotWords` (longest first): the words that end a unit's or an
 * organisation's name. A mask before a measure word (`**次`) is a count, not a name.
 */
export function findMaskSlots(doc: Document, slotWords: readonly string[]): MaskSlot[] {
  const sorted = [...slotWords].sort((a, b) => b.length - a.length)
  return doc.derive(`maskSlots:${sorted.join('|')}`, () => {
    const slots: MaskSlot[] = []
    for (const run of findMaskRuns(doc)) {
      // Masked digits (`20XX年`) and a template's empty brackets or spaces hold no name.
      if (run.numberStart !== run.start || run.kind === 'bracket' || run.kind === 'space') continue
      const word = sorted.find((w) => doc.text.startsWith(w, run.end))
      if (word) slots.push({ run, word, before: hanBefore(doc.text, run.start), after: hanAfter(doc.text, run.end) })
    }
    return slots
  })
}

/** The Han characters (at most `contextLength`) ending at `end`. */
export function hanBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && end - start < contextLength && isHan(text.charCodeAt(start - 1))) start--
  return text.slice(start, end)
}

/** The Han characters (at most `contextLength`) starting at `start`. */
export function hanAfter(text: string, start: number): string {
  let end = start
  while (end < text.length && end - start < contextLength && isHan(text.charCodeAt(end))) end++
  return text.slice(start, end)
}
