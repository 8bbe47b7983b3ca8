// Finds a student's class written in clear (`2022级会计2班`) in a document that masks the
// others (`××级××班`): with the college and the sex, a class of forty names its student.
import { maskLetters, maskSigns } from '../chars.js'
import type { IdentifierHit } from './types.js'

const maskChars = maskSigns + maskLetters
/**
 * A class masked in its year, read from the mask before 级 or 届 (`××级××班`, `20××级×班`,
 * `××届××专业××班`): the document's policy. The class's number, masked or a numeral, stands
 * right before 班: a course is no class (`××级干部培训班`).
 */
const maskedClassAtRe = new RegExp(`[0-9]{0,2}[${maskChars}]{1,4}[级届][^\\n，。；、]{0,8}?(?:[${maskChars}]{1,3}|[0-9]{1,2}|[一二三四五六七八九十]{1,2}|[（(][0-9一二三四五六七八九十${maskChars}]{1,3}[）)])班`, 'y')
/** A digit written in Chinese before the masks: `二〇〇〇级` is a year, not a mask. */
const chineseDigitBeforeRe = /[〇零一二三四五六七八九]/
const maskCharCodes = new Set([...maskChars].map((c) => c.charCodeAt(0)))
/**
 * A class in clear: the year of entry (2 or 4 digits) and 级 or 届, the major in a few
 * characters, the class's number (digits, a numeral, or bracketed) and 班.
 */
const classRe = /(?<![0-9A-Za-z])(?:(?:19|20)[0-9]{2}|[0-9]{2})[级届](?:[\u4e00-\u9fff]{1,8}?(?:专业)?)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|[（(][0-9一二三四五六七八九十]{1,2}[）)])班/g
/** Words that make the run a count of classes (`分为十班`, `共12个班`), not one class. */
const countWordRe = /[共为个有分若各每等]/

/** The first class the document masks, as written (`××级××班`); undefined when it masks none. */
export function maskedClassIn(text: string): string | undefined {
  // From each 级 or 届 after a mask: a search from every position (the mask's run first) cost
  // ~80 ms a pass over the bench corpus, where 班 (领导班子) is in most texts.
  for (const word of ['级', '届']) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (at === 0 || !maskCharCodes.has(text.charCodeAt(at - 1))) continue
      let start = at - 1
      while (start > 0 && maskCharCodes.has(text.charCodeAt(start - 1)) && at - start < 4) start--
      while (start > 0 && isDigit(text.charCodeAt(start - 1)) && at - start < 6) start--
      if (chineseDigitBeforeRe.test(text.charAt(start - 1))) continue
      maskedClassAtRe.lastIndex = start
      const m = maskedClassAtRe.exec(text)
      if (m) return m[0]
    }
  }
  return undefined
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** The classes written in clear, when the document masks a class elsewhere. */
export function findSchoolClasses(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (maskedClassIn(text) === undefined) return hits
  classRe.lastIndex = 0
  for (let m = classRe.exec(text); m; m = classRe.exec(text)) {
    if (!countWordRe.test(m[0])) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'class' })
  }
  return hits
}
