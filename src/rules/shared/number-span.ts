// Joins the masked parts of one date into one finding: `2024年X月X日` is a single blank, not
// two, and the year or day written beside a masked part belongs to it (`20XX年3月`).
import type { RawFinding } from '../../core/finding.js'
import { isHan } from './chars.js'

/** The order of a date's parts; a part joins the one before it only in this order. */
const dateOrder: Readonly<Record<string, number>> = { 年: 0, 月: 1, 日: 2, 号: 2 }
/**
 * A written part of a date before a masked one (`2024年`, `二〇二四年`, `3月`), at the end of the
 * slice. A Chinese year may hold the digit 0 for 〇 (`二0二四年`): one year still.
 */
const partBeforeRe = /(?:[0-9\uFF10-\uFF19]{1,4}|[〇○零一二三四五六七八九十0０]{1,4})([年月])$/
/** A written part after a masked one (`3月`, `15日`), sticky. */
const partAfterRe = /(?:[0-9\uFF10-\uFF19]{1,2}|[一二三四五六七八九十]{1,3})([月日号])/y

interface DatePart {
  offset: number
  end: number
  first: number
  last: number
  readonly finding: RawFinding
}

/**
 * Findings of masked numbers (sorted by offset, `data.unit` set) with the parts of one date
 * joined: adjacent masked parts in date order become one finding, extended over the written
 * parts of the same date on either side. Other findings pass unchanged.
 */
export function joinDateParts(text: string, findings: readonly RawFinding[]): RawFinding[] {
  const joined: RawFinding[] = []
  let part: DatePart | undefined
  const flush = () => {
    if (part) {
      extendAfter(text, part)
      joined.push({ ...part.finding, offset: part.offset, length: part.end - part.offset })
    }
    part = undefined
  }
  for (const f of findings) {
    const order = dateOrder[String(f.data?.unit)]
    if (order === undefined) {
      flush()
      joined.push(f)
      continue
    }
    if (part && part.end === f.offset && part.last < order) {
      part.end = f.offset + f.length
      part.last = order
      continue
    }
    flush()
    part = { offset: f.offset, end: f.offset + f.length, first: order, last: order, finding: f }
    extendBefore(text, part)
  }
  flush()
  return joined
}

function extendBefore(text: string, part: DatePart): void {
  for (;;) {
    const m = partBeforeRe.exec(text.slice(Math.max(0, part.offset - 6), part.offset))
    if (!m || dateOrder[m[1]!]! >= part.first) return
    part.offset -= m[0].length
    part.first = dateOrder[m[1]!]!
  }
}

function extendAfter(text: string, part: DatePart): void {
  for (;;) {
    partAfterRe.lastIndex = part.end
    const m = partAfterRe.exec(text)
    if (!m || dateOrder[m[1]!]! <= part.last) return
    part.end += m[0].length
    part.last = dateOrder[m[1]!]!
  }
}

/** The brackets a document number's year stands in (`〔2025〕`, `[2025]`, `（2025）`), each with its closer. */
const yearBrackets: Readonly<Record<string, string>> = { '〔': '〕', '［': '］', '[': ']', '【': '】', '（': '）', '(': ')' }
/** A document number's year in its brackets, maybe `第` after, at the end of the slice (`〔2025〕`, `〔2025〕第`). */
const writtenYearBeforeRe = /[〔［[【（(][0-9\uFF10-\uFF19]{4}[〕］\]】）)]第?$/
/** A document number's serial after its year's closer: digits or a mask, then 号 (`X号`, `第12号`). Sticky. */
const serialRe = /第?[0-9\uFF10-\uFF19xX\uFF58\uFF38\u00D7*\uFF0A]+号/y

/**
 * Where the document number holding a masked serial starts (`〔2025〕X号`, `〔2025〕第XXXX号`): at
 * its year's bracket, which belongs to the number, or at its issuer's code where the code is
 * masked too (`哈X教发〔2024〕XX号`, `XX银发〔2024〕XX号`); `offset` when no year stands before it.
 */
export function documentNumberStart(text: string, offset: number): number {
  const m = writtenYearBeforeRe.exec(text.slice(Math.max(0, offset - 7), offset))
  if (!m) return offset
  return maskedIssuerStart(text, offset - m[0].length)
}

/**
 * Where the document number whose year's bracket is at `bracket` starts: at its issuing office's
 * code where the code is masked (part of the same blank), else at the bracket. The mask opens the
 * code (`XX银发`, `X组发`: one to four characters after it), or one masked character follows the
 * code's first after a boundary (`（哈X教发`); a word before the mask is the sentence's, not the
 * code's (`根据XX银发`, `按X政发`).
 */
export function maskedIssuerStart(text: string, bracket: number): number {
  let i = bracket
  while (i > 0 && bracket - i < 4 && isHan(text.charCodeAt(i - 1))) i--
  if (i === bracket) return bracket
  const maskEnd = i
  while (i > 0 && maskEnd - i < 3 && isIssuerMask(text.charCodeAt(i - 1))) i--
  if (i === maskEnd) return bracket
  const hasHead = maskEnd - i === 1 && isHan(text.charCodeAt(i - 1)) && !isHan(text.charCodeAt(i - 2)) && !functionWordRe.test(text.charAt(i - 1))
  return hasHead ? i - 1 : i
}

/** One-character words that stand before a cited document number: prepositions and conjunctions (`按X政发`, `经`, `和`). */
const functionWordRe = /[按据经依照由以将对在于和及与并见从]/

/** x, X, their full-width forms, `×`, `*` and U+FF0A: the symbols that mask a code's characters. */
function isIssuerMask(code: number): boolean {
  return code === 0x78 || code === 0x58 || code === 0xff58 || code === 0xff38 || code === 0xd7 || code === 0x2a || code === 0xff0a
}

/**
 * An issuer's code after a mask, then a document number's year and serial (`财教〔2024〕18号`), or
 * the code's 字 and a serial with no year (`字第12号` of `京X字第12号`, `政字第5号`), sticky.
 */
const issuerThenNumberRe = /[\u4e00-\u9fff]{1,4}[〔［[][0-9\uFF10-\uFF19]{4}[〕］\]）)]第?[0-9\uFF10-\uFF19xX\uFF58\uFF38\u00D7*\uFF0A]{1,6}号|[\u4e00-\u9fff]{0,3}字第[0-9\uFF10-\uFF19]{1,6}号/y

/**
 * True when the code of a document number follows `at` (`X财教〔2024〕18号` at `财`): a mask there
 * stands for the issuing office's abbreviation, a name, however short.
 */
export function startsIssuerCode(text: string, at: number): boolean {
  issuerThenNumberRe.lastIndex = at
  return issuerThenNumberRe.test(text)
}

/**
 * Where the document number ends whose year is the masked number [start, end) in its brackets
 * (`〔20××〕×号`, `〔XXXX〕12号`): after its 号; -1 when the mask is no such year.
 */
export function documentNumberEnd(text: string, start: number, end: number): number {
  if (end - start !== 4 || yearBrackets[text.charAt(start - 1)] !== text.charAt(end)) return -1
  serialRe.lastIndex = end + 1
  return serialRe.test(text) ? serialRe.lastIndex : -1
}
