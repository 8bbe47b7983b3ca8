// The masked persons of a document as it writes them (王某, 汪*英, 司马某甲: the pseudonym holds
// its ordinal), and which of them a name in clear of the same surname may be: the mask must fit
// the name, and where several do, the one written after the same words (婚生子司马某甲 for
// 婚生子司马浩然) is meant.

/** Characters that mask a name's part in a person's pseudonym. */
const nameMaskCharRe = /[某×xX*＊○〇□ｘＸ]/
/** The ordinal that tells apart masked persons of one surname (司马某甲, 李某乙), after the mask. */
const ordinalRe = /^[甲乙丙丁戊己庚辛]$/
/** What ends the words before a name: a clause's punctuation, a space, a digit or a letter. */
const notWordCharRe = /[^\u4e00-\u9fff]/
/** The most characters before a name compared with those before a mask. */
const maxRoleWords = 8
/** The fewest characters before both that make them the same role or relation (婚生子, 被告人). */
const minRoleWords = 2

/** The masked persons of one surname, each as written with the offsets where it stands. */
export type MasksOfSurname = Map<string, number[]>

/** The characters of a pseudonym's mask after its surname (某, 某某, ××), an ordinal after them (甲 of 某甲) left out. */
export function maskLengthOf(afterSurname: string): number {
  const last = afterSurname.length - 1
  return last > 0 && ordinalRe.test(afterSurname.charAt(last)) && nameMaskCharRe.test(afterSurname.charAt(last - 1)) ? last : afterSurname.length
}

/**
 * True when the masked person `mask` (王某, 张*华, 赵**, 司马某甲) may be `name`: every character
 * the mask keeps after its surname `surname` stands in the name at its place, and a mask that
 * keeps one is as long as the name. A mask that keeps none tells no length (王某 stands for
 * 王建国); an ordinal after the mask (甲 of 司马某甲) is kept of no name.
 */
export function isMaskOf(mask: string, surname: string, name: string): boolean {
  const kept = ordinalRe.test(mask.charAt(mask.length - 1)) && nameMaskCharRe.test(mask.charAt(mask.length - 2)) ? mask.slice(0, -1) : mask
  let keepsAny = false
  for (let i = surname.length; i < kept.length; i++) {
    if (nameMaskCharRe.test(kept.charAt(i))) continue
    keepsAny = true
    if (kept.charAt(i) !== name.charAt(i)) return false
  }
  return !keepsAny || kept.length === name.length
}

/**
 * Of the masks of a surname that fit the name at `at` (in document order), the one written after
 * the same words as the name (a role or a relation of two characters or more: 婚生子, 被告人);
 * the first where none is.
 */
export function maskOfSameRole(text: string, at: number, fits: readonly (readonly [string, readonly number[]])[]): string {
  return sameRoleMask(text, at, fits) ?? fits[0]![0]
}

/** {@link maskOfSameRole}, or undefined where no mask is written after the same words as the name. */
export function sameRoleMask(text: string, at: number, fits: readonly (readonly [string, readonly number[]])[]): string | undefined {
  const before = wordsBefore(text, at)
  let best: string | undefined
  let bestLength = minRoleWords - 1
  for (const [mask, starts] of fits) {
    for (const start of starts) {
      const length = commonEndLength(before, wordsBefore(text, start))
      if (length > bestLength) [best, bestLength] = [mask, length]
    }
  }
  return best
}

/** The Han characters right before `at`, up to {@link maxRoleWords}. */
function wordsBefore(text: string, at: number): string {
  let from = at
  while (from > 0 && at - from < maxRoleWords && !notWordCharRe.test(text.charAt(from - 1))) from--
  return text.slice(from, at)
}

function commonEndLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a.charAt(a.length - 1 - n) === b.charAt(b.length - 1 - n)) n++
  return n
}
