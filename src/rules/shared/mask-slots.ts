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
  const words = slotWordsOf(slotWords)
  return doc.derive(words.key, () => {
    const slots: MaskSlot[] = []
    for (const run of findMaskRuns(doc)) {
      // Masked digits (`20XX年`) and a template's empty brackets or spaces hold no name.
      if (run.numberStart !== run.start || run.kind === 'bracket' || run.kind === 'space') continue
      const word = words.byFirst.get(doc.text.charCodeAt(run.end))?.find((w) => doc.text.startsWith(w, run.end))
      if (word) slots.push({ run, word, before: hanBefore(doc.text, run.start), after: hanAfter(doc.text, run.end) })
    }
    return slots
  })
}

/** A list of slot words ready for matching: longest first, by first code unit, and the key of their slots. */
interface SlotWords {
  readonly key: string
  readonly byFirst: ReadonlyMap<number, readonly string[]>
}

/** The slot word lists seen, by identity: each rule passes the same list for every document. */
const slotWordLists = new WeakMap<readonly string[], SlotWords>()

function slotWordsOf(slotWords: readonly string[]): SlotWords {
  let words = slotWordLists.get(slotWords)
  if (!words) {
    const sorted = [...slotWords].sort((a, b) => b.length - a.length)
    const byFirst = new Map<number, string[]>()
    for (const word of sorted) {
      const list = byFirst.get(word.charCodeAt(0))
      if (list) list.push(word)
      else byFirst.set(word.charCodeAt(0), [word])
    }
    words = { key: `maskSlots:${sorted.join('|')}`, byFirst }
    slotWordLists.set(slotWords, words)
  }
  return words
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
