// Text a formulation is compared with: Chinese characters, and the marks that part the items of
// a formulation that is a list (不忘初心、牢记使命), written any of the ways writers do.
import { isHan } from './chars.js'

/**
 * Marks that part the items of a formulation that is a list (不忘初心、牢记使命): U+3001 IDEOGRAPHIC
 * COMMA in the phrase, written also as U+FF0C FULLWIDTH COMMA or a comma (不忘初心，牢记使命).
 */
const listMarks = new Set([0x3001, 0xff0c, 0x2c])

/** True when two UTF-16 code units read the same in a formulation: equal, or both list marks. */
export function isSameChar(a: number, b: number): boolean {
  return a === b || (listMarks.has(a) && listMarks.has(b))
}

/** True when `phrase` stands at `at`, its list marks written any way (不忘初心，牢记使命). */
export function isPhraseAt(text: string, at: number, phrase: string): boolean {
  if (at < 0 || at + phrase.length > text.length) return false
  for (let i = 0; i < phrase.length; i++) if (!isSameChar(text.charCodeAt(at + i), phrase.charCodeAt(i))) return false
  return true
}

/**
 * True when text[start, end) is Chinese text, with as many list marks as `phrase` has (not one
 * dropped: 不忘初心牢记使命 is the list run together, no slip; not one made of a character).
 */
export function isPhraseText(text: string, start: number, end: number, phrase: string): boolean {
  let marks = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (isHan(c)) continue
    if (!listMarks.has(c)) return false
    marks++
  }
  return marks === countListMarks(phrase)
}

/** The list marks of each phrase, counted once: windows are tested for every anchor found. */
const listMarkCounts = new Map<string, number>()

function countListMarks(phrase: string): number {
  let marks = listMarkCounts.get(phrase)
  if (marks === undefined) {
    marks = 0
    for (let i = 0; i < phrase.length; i++) if (listMarks.has(phrase.charCodeAt(i))) marks++
    listMarkCounts.set(phrase, marks)
  }
  return marks
}
