// Joins the masked parts of one date into one finding: `2024年X月X日` is a single blank, not
// two, and the year or day written beside a masked part belongs to it (`20XX年3月`).
import type { RawFinding } from '../../core/finding.js'

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
 * its year's bracket, which belongs to the number; `offset` when no year stands before it.
 */
export function documentNumberStart(text: string, offset: number): number {
  const m = writtenYearBeforeRe.exec(text.slice(Math.max(0, offset - 7), offset))
  if (!m) return offset
  const bracket = offset - m[0].length
  const code = maskedIssuerCodeRe.exec(text.slice(Math.max(0, bracket - 8), bracket))
  return code ? bracket - code[0].length : bracket
}

/**
 * An issuing office's code with one character masked, right before the year's bracket
 * (`哈X教发〔2024〕XX号`): part of the same blank. It ends as codes do (发, 字, 函, 通).
 */
const maskedIssuerCodeRe = /(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,3}[xX\uFF58\uFF38\u00D7*\uFF0A][\u4e00-\u9fff]{0,3}[发字函通]$/

/**
 * Where the document number ends whose year is the masked number [start, end) in its brackets
 * (`〔20××〕×号`, `〔XXXX〕12号`): after its 号; -1 when the mask is no such year.
 */
export function documentNumberEnd(text: string, start: number, end: number): number {
  if (end - start !== 4 || yearBrackets[text.charAt(start - 1)] !== text.charAt(end)) return -1
  serialRe.lastIndex = end + 1
  return serialRe.test(text) ? serialRe.lastIndex : -1
}
