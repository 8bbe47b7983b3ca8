// Finds the identifiers written with digits (ID numbers, bank cards, mobile and landline
// numbers), in clear or partly masked, and tells each from the order numbers, amounts, dates
// and serials that look like them, by checksum, division code, birth date and layout.
import { hasValidCreditCode, hasValidIdChecksum, isValidBirthDate, passesLuhn } from './checksums.js'
import type { DivisionCodes } from './division-codes.js'
import { afterLastWord, labelBefore } from './labels.js'
import { recordLabelRe } from './record-labels.js'
import { nextRun, unitTable } from './runs.js'
import type { IdentifierClass, IdentifierHit, MaskShape } from './types.js'

/** What the number scanner needs besides the text. */
export interface NumberContext {
  readonly divisions: DivisionCodes
  /** The last birth date an ID number may carry. */
  readonly today: Date
  /** Words before a number that make it a card or account number (`卡号`, `开户行`). */
  readonly cardWordRe: RegExp
  /** Words before a number that make it something else (`订单号`, `发票号码`, `运单号`). */
  readonly otherNumberWordRe: RegExp
  /**
   * Words that label a number as one of ours (`身份证号码`, `卡号`, `手机`, `信用代码`): one nearer
   * the number than another number's label is its own (`快递单上的收件人身份证号码…`).
   */
  readonly identifierWordRe: RegExp
  /** Words that label a phone number (`手机`, `电话`): after one, a landline without its hyphen is one. */
  readonly phoneWordRe: RegExp
  /** Words before a masked number that make it an ID number (`身份证`), and a clear one with a wrong check digit. */
  readonly idWordRe: RegExp
  /** Labels right before 18 characters that make them a credit code with a wrong check character too (`统一社会信用代码`). */
  readonly creditWordRe: RegExp
}

/**
 * A run of digits and mask characters, grouped by single spaces or hyphens, not inside a longer
 * run of letters or digits, nor the fraction of a decimal. Mask characters: `*`, U+FF0A
 * FULLWIDTH ASTERISK, `x`, `X`, U+00D7 MULTIPLICATION SIGN. A `+86` before a mobile number is
 * taken with it. The spaces are ASCII's or the typographic ones that group digits as well
 * (U+00A0 NO-BREAK SPACE, `&nbsp;`; U+2000–U+200A, U+2009 THIN SPACE among them; U+202F, U+205F).
 * (A tab or U+3000, which also stand between a table's cells, and a line break join groups only
 * where a checksum or a label proves it: ./joins.ts.)
 */
export const numberRunRe = /(?<![0-9A-Za-z*\uFF0A\u00D7_@.+-])(?:\+86[ \u00A0\u2000-\u200A\u202F\u205F-]?)?[0-9*\uFF0A\u00D7xX](?:[0-9*\uFF0A\u00D7xX]|[ \u00A0\u2000-\u200A\u202F\u205F-](?=[0-9*\uFF0A\u00D7xX])){6,26}(?![0-9A-Za-z*\uFF0A\u00D7@]|\.\d)/g
/** What groups the digits of a run: a space of any width but a tab's or U+3000's, a hyphen. */
const groupSeparatorRe = /[ \u00A0\u2000-\u200A\u202F\u205F-]/
const groupSeparatorsRe = new RegExp(groupSeparatorRe.source, 'g')
/** The units a number run is written with (digits, masks, `+`, spaces, `-`), and those it begins with. */
const numberRunUnits = unitTable([0x30, 0x39], [0x2a, 0x2a], [0xff0a, 0xff0a], [0xd7, 0xd7], [0x78, 0x78], [0x58, 0x58], [0x2b, 0x2b], [0x20, 0x20], [0x2d, 0x2d], [0xa0, 0xa0], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f])
const numberStartUnits = unitTable([0x30, 0x39], [0x2a, 0x2a], [0xff0a, 0xff0a], [0xd7, 0xd7], [0x78, 0x78], [0x58, 0x58], [0x2b, 0x2b])
/** The fewest units of a number run: a digit or mask, then six more. */
const minNumberRun = 7
const stickyNumberRunRe = new RegExp(numberRunRe.source, 'y')

/**
 * What `numberRunRe.exec` gives from `lastIndex = from`. A match is written with the units of
 * {@link numberRunUnits} only, seven at least: the regex is tried only inside runs of those.
 */
export function nextNumberRun(text: string, from: number): RegExpExecArray | null {
  for (let run = nextRun(text, from, minNumberRun, numberRunUnits); run; run = nextRun(text, run[1], minNumberRun, numberRunUnits)) {
    for (let at = run[0]; at + minNumberRun <= run[1]; at++) {
      if (numberStartUnits[text.charCodeAt(at)] !== 1) continue
      stickyNumberRunRe.lastIndex = at
      const m = stickyNumberRunRe.exec(text)
      if (m) return m
    }
  }
  return null
}
const maskCharRe = /[*\uFF0A\u00D7xX]/
/** A unit or currency after a number makes it an amount or a count (`15000000000元`). */
const unitAfterRe = /^\s?(?:[元万亿千百人次个件吨条户份台辆套株头只枚张%‰℃]|平方|公里|公斤|千克|美元|亿元)/
const currencyBeforeRe = /[¥￥$€£]\s?$/
/** Area codes of landlines: 010 and 02x have three digits, the others four (03xx–09xx). */
const areaCodeRe = /^(?:010|02\d|0[3-9]\d\d)$/
const mobileRe = /^1[3-9]\d{9}$/

/**
 * A landline whose area code is in brackets (`（0951）5012345`, `(010) 6234 5678` is not: the
 * local number is one group), the local number in clear or partly masked.
 */
const bracketedLandlineRe = /[（(](0\d{2,3})[）)][ \u3000]?([0-9*\uFF0A\u00D7xX]{7,8})(?![0-9A-Za-z*\uFF0A\u00D7@])/g

/** The digit-written identifiers of `text`, in clear or partly masked. */
export function findNumberIdentifiers(text: string, context: NumberContext): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  bracketedLandlineRe.lastIndex = 0
  for (let m = bracketedLandlineRe.exec(text); m; m = bracketedLandlineRe.exec(text)) {
    if (!areaCodeRe.test(m[1]!) || !isLocalNumber(m[2]!) || isOtherNumbersLabel(labelBefore(text, m.index), context)) continue
    hits.push(withExtension(text, withMask(m.index, m.index + m[0].length, 'landline', m[1]! + m[2]!)))
  }
  for (let m = nextNumberRun(text, 0); m; m = nextNumberRun(text, m.index + m[0].length)) {
    let start = m.index
    let run = m[0]
    if (run.startsWith('+86')) {
      const skip = run.length > 3 && groupSeparatorRe.test(run[3]!) ? 4 : 3
      start += skip
      run = run.slice(skip)
    }
    if (countDigits(run) < 3) continue
    const end = start + run.length
    if (unitAfterRe.test(text.slice(end, end + 3)) || currencyBeforeRe.test(text.slice(Math.max(0, start - 2), start))) continue
    for (const hit of classifyRun(text, start, run, context)) {
      const label = labelBefore(text, hit.start)
      // A person's tax number is his ID number: under its label (`税务登记号（纳税人识别号）：`) one
      // that passes every test of an ID is one, though 登记号 labels serials elsewhere.
      if ((isOtherNumbersLabel(label, context) && !(personalNumberLabelRe.test(label) && isWholeIdHit(text, hit, context))) || (hit.mask && recordLabelRe.test(label))) continue
      hits.push(hit.kind === 'landline' ? withExtension(text, hit) : hit)
    }
  }
  return hits
}

/** An extension written after a landline with 转 or 分机 (`0951-6078123转8021`): a desk's number, part of the phone's. */
const extensionRe = /^(?:转分机|转|分机)[0-9]{1,6}(?![0-9])/

/** `hit` with the extension after it, if any, in its span. */
function withExtension(text: string, hit: IdentifierHit): IdentifierHit {
  const m = extensionRe.exec(text.slice(hit.end, hit.end + 9))
  return m ? { ...hit, end: hit.end + m[0].length } : hit
}

/** Classifies a run as a whole when its grouping is an identifier's, else each group alone. */
function classifyRun(text: string, start: number, run: string, context: NumberContext): IdentifierHit[] {
  const groups = run.split(groupSeparatorRe)
  if (groups.length === 1) return classifyCompact(text, start, run, context)
  const lengths = groups.map((g) => g.length)
  const compact = groups.join('')
  const hit = (kind: IdentifierClass): IdentifierHit[] => [withMask(start, start + run.length, kind, compact)]
  const usesSpaces = !run.includes('-')
  if (isLengths(lengths, [3, 4, 4]) && /^1[3-9]/.test(compact)) return hit('mobile')
  if ((lengths.length === 2 || (lengths.length === 3 && lengths[2]! <= 6)) && areaCodeRe.test(groups[0]!) && isLocalNumber(groups[1]!)) return hit('landline')
  if (usesSpaces && isLengths(lengths, [6, 8, 4])) return classifyCompact(text, start, compact, context, run.length)
  // An ID number grouped otherwise (640381 1976 1120 3516, 3205 0220 1004 1800 25, 640381-19761120-3516):
  // read whole, it is one only when its division code, birth date and check digit say so.
  // Grouped any other way (`6401051991 11112089`, a `<br>` read as a space), the checksum alone proves one.
  const isIdGrouping = isLengths(lengths, [6, 4, 4, 4]) || isLengths(lengths, [4, 4, 4, 4, 2]) || isLengths(lengths, [6, 8, 4])
  if (compact.length === 18 && (isIdGrouping || (/^\d{17}[\dXx]$/.test(compact) && isIdNumber(compact, context)))) {
    const id = classifyCompact(text, start, compact, context, run.length)
    if (id.length > 0) return id
  }
  if (usesSpaces && lengths.length >= 4 && lengths.slice(0, -1).every((n) => n === 4) && lengths[lengths.length - 1]! <= 4 && compact.length >= 16 && compact.length <= 19) {
    return maskCharRe.test(compact) || isCard(text, start, compact, context) ? hit('card') : []
  }
  const hits: IdentifierHit[] = []
  let at = start
  for (const group of groups) {
    if (group.length >= 7) hits.push(...classifyCompact(text, at, group, context))
    at += group.length + 1
  }
  return hits
}

/** An unseparated run: an ID number, a card, a mobile number, or nothing. */
function classifyCompact(text: string, start: number, compact: string, context: NumberContext, spanLength = compact.length): IdentifierHit[] {
  const end = start + spanLength
  const isClear = /^\d+$/.test(compact) || /^\d{17}[Xx]$/.test(compact)
  if (!isClear) return classifyMasked(text, start, end, compact, context)
  const length = compact.length
  if (length === 18 && (isIdNumber(compact, context) || isCuedIdNumber(text, start, compact, context))) return [{ start, end, kind: 'id' }]
  if (length === 15 && isFirstGenerationId(compact, context)) return [{ start, end, kind: 'id' }]
  // A foreign permanent resident's ID number (2023 form, `9…`): after an ID's label its fields are
  // enough, as a mistyped ID's are; unlabelled, its check character proves it, after a credit code's.
  if (length === 18 && isIdLabelled(text, start, context) && hasPermanentResidenceFields(compact, context.divisions, context.today)) return [{ start, end, kind: 'id' }]
  if (length === 18 && hasValidCreditCode(compact) && context.divisions.isKnownForOrganisation(compact.slice(2, 8))) return [{ start, end, kind: 'credit' }]
  if (length === 18 && isPermanentResidenceNumber(compact, context.divisions, context.today)) return [{ start, end, kind: 'id' }]
  // The label says what a number is: 18 digits after an ID's label are no card, whatever Luhn says.
  if (length >= 16 && length <= 19 && /^\d+$/.test(compact) && !(length === 18 && isIdLabelled(text, start, context)) && isCard(text, start, compact, context)) return [{ start, end, kind: 'card' }]
  if (length === 11 && mobileRe.test(compact)) return [{ start, end, kind: 'mobile' }]
  // After a phone's label, the shapes a label alone proves: a landline written without its
  // hyphen (`电话09515012345`), a mobile after the country code without `+` (`手机8613909510021`).
  if ((length === 11 || length === 12) && isCompactLandline(compact) && isPhoneLabelled(text, start, context)) return [{ start, end, kind: 'landline' }]
  const country = countryCodeRe.exec(compact)
  if (country && isPhoneLabelled(text, start, context)) return [{ start: start + country[0].length, end, kind: 'mobile' }]
  return []
}

/** The country code before a mobile number written without `+` (`86…`, `0086…`). */
const countryCodeRe = /^(?:00)?86(?=1[3-9]\d{9}$)/

/** An area code and a local number in one run: 010 and 02x then 8 digits, 0[3-9]xx then 7 or 8. */
function isCompactLandline(compact: string): boolean {
  const areaLength = /^(?:010|02\d)/.test(compact) ? 3 : 4
  return areaCodeRe.test(compact.slice(0, areaLength)) && isLocalNumber(compact.slice(areaLength))
}

/** True when a phone's label stands before `start` in its phrase (`电话`, `手机号码`). */
function isPhoneLabelled(text: string, start: number, context: NumberContext): boolean {
  return context.phoneWordRe.test(labelBefore(text, start))
}

/**
 * A masked run a mask symbol too long or short (`340822*****0905**32`, 19 characters in an ID
 * column) that opens with a known division code and no card issuer's prefix (62, 4, 5): an ID
 * number's shape, not a card's.
 */
function isIdShaped(compact: string, context: NumberContext): boolean {
  return /^\d{6}/.test(compact) && !/^(?:62|4|5)/.test(compact) && context.divisions.isKnown(compact.slice(0, 6))
}

/** A partly masked run: its class from its length, first digits and the words before it. */
function classifyMasked(text: string, start: number, end: number, compact: string, context: NumberContext): IdentifierHit[] {
  const length = compact.length
  const label = labelBefore(text, start)
  let kind: IdentifierClass | undefined
  if (length >= 10 && length <= 12 && /^1[3-9]/.test(compact)) kind = 'mobile'
  else if (length >= 15 && length <= 19 && /^\d{2}/.test(compact)) {
    // 18 and 15 characters are the lengths of ID numbers; cards are mostly 16 or 19. A label
    // before the number settles it either way (a 62… card and a 62… Gansu ID look alike).
    if (context.cardWordRe.test(label)) kind = 'card'
    else if (length === 18 && isMaskedCreditCode(compact, label, context)) kind = 'credit'
    else kind = context.idWordRe.test(label) || length === 15 || length === 18 || isIdShaped(compact, context) ? 'id' : 'card'
  }
  if (!kind) return []
  return [withMask(start, end, kind, compact)]
}

/**
 * 18 characters under a credit code's label, or under a tax number's (`纳税人识别号：9144010**********X`)
 * when they do not open with an ID's division code: a company's credit code, which a person's ID
 * number is only for a natural person (`640302********0517`).
 */
function isMaskedCreditCode(compact: string, label: string, context: NumberContext): boolean {
  if (context.creditWordRe.test(label)) return true
  return personalNumberLabelRe.test(label) && /^\d{6}/.test(compact) && !context.divisions.isKnown(compact.slice(0, 6))
}

/** Labels of a number that, for a natural person, is his ID number: the tax registration number. */
const personalNumberLabelRe = /纳税人识别号|税务登记号|税务登记证号|税号/

/** True when `hit` is an 18-character ID number in clear that passes {@link isIdNumber}. */
function isWholeIdHit(text: string, hit: IdentifierHit, context: NumberContext): boolean {
  if (hit.kind !== 'id' || hit.mask) return false
  const compact = text.slice(hit.start, hit.end).replace(groupSeparatorsRe, '')
  return compact.length === 18 && isIdNumber(compact, context)
}

/** GB 11643: check character, division code, birth date, all three. */
export function isIdNumber(id: string, context: NumberContext): boolean {
  return hasValidIdChecksum(id) && hasIdFields(id, context)
}

/**
 * An ID number mistyped or made up, written right after an ID word (`公民身份号码`): a real
 * division code, and its check digit or its birth date right (a check digit wrong by a typo; a
 * date of `19660229` whose check digit holds). The label says what it is. Without the label,
 * the checksum and the date alone tell an ID from an 18-digit serial; with both wrong, the
 * label stands over no one's number (`640302199013078510`).
 */
export function isCuedIdNumber(text: string, start: number, id: string, context: NumberContext): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !isIdLabelled(text, start, context) || !context.divisions.isKnown(id.slice(0, 6))) return false
  return hasValidIdChecksum(id) || hasIdFields(id, context)
}

/** True when an ID word stands before `start` in its phrase (`身份证号码`, `证件号码为`). */
function isIdLabelled(text: string, start: number, context: NumberContext): boolean {
  return context.idWordRe.test(labelBefore(text, start))
}

/**
 * A foreign permanent resident's ID number of the 2023 form: 9, a province's code (the office
 * that accepted it), three digits of nationality, a real birth date and the GB 11643 check
 * character, which the form shares with the 居民身份证.
 */
function isPermanentResidenceNumber(id: string, divisions: DivisionCodes, today: Date): boolean {
  return hasPermanentResidenceFields(id, divisions, today) && hasValidIdChecksum(id)
}

/** The fields of the 2023 form without its check character: a mistyped one after its label is still the holder's. */
function hasPermanentResidenceFields(id: string, divisions: DivisionCodes, today: Date): boolean {
  if (!/^9\d{16}[\dXx]$/.test(id) || !divisions.isProvince(id.slice(1, 3))) return false
  return isValidBirthDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)), today)
}

/** An 18-character ID's division code is known and its birth date valid (the check digit aside). */
function hasIdFields(id: string, context: NumberContext): boolean {
  const year = Number(id.slice(6, 10))
  if (!isValidBirthDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)), context.today)) return false
  return context.divisions.isKnown(id.slice(0, 6))
}

/** The 15-digit IDs issued until 2004: division code, YYMMDD of a 19xx birth, sequence; no check digit. */
function isFirstGenerationId(id: string, context: NumberContext): boolean {
  const year = 1900 + Number(id.slice(6, 8))
  if (!isValidBirthDate(year, Number(id.slice(8, 10)), Number(id.slice(10, 12)), context.today)) return false
  return context.divisions.isKnown(id.slice(0, 6))
}

/**
 * A card number: after a card's label (`银行卡号`, `卡号`), whatever Luhn says, as an ID's label
 * makes a mistyped ID one (a card mistyped is still the holder's); after an account's label
 * (`账号`, `开户行`), when it passes Luhn (else it is an account's number, which has no check
 * digit: ./text-ids.ts); without a label, when it passes Luhn and starts with a known issuer
 * prefix: UnionPay 62, Visa 4, Mastercard 51–55 and 2221–2720, American Express 34/37, JCB 35,
 * Discover 6011/65. A hospital's, an insurer's or a club's card (`就诊卡号`, `会员卡号`) is a
 * number of record, not a bank card.
 */
function isCard(text: string, start: number, digits: string, context: NumberContext): boolean {
  const label = labelBefore(text, start)
  const isLabelled = context.cardWordRe.test(label) && !recordLabelRe.test(label)
  if (isLabelled && label.includes('卡')) return true
  return passesLuhn(digits) && (isLabelled || hasIssuerPrefix(digits))
}

function hasIssuerPrefix(digits: string): boolean {
  if (/^(?:62|4|5[1-5]|3[457]|6011|65)/.test(digits)) return true
  const four = Number(digits.slice(0, 4))
  return four >= 2221 && four <= 2720
}

/** A local landline number: 7 or 8 digits (or masks), not starting with 0 or 1. */
function isLocalNumber(group: string): boolean {
  return (group.length === 7 || group.length === 8) && !/^[01]/.test(group)
}

/**
 * True when the label nearest a number is another number's (`订单号`, `运单号`): a word of ours
 * after it (`快递单上的收件人身份证号码`, `编号为3的证人身份证号码`) labels the number itself.
 */
export function isOtherNumbersLabel(label: string, context: Pick<NumberContext, 'otherNumberWordRe' | 'identifierWordRe'>): boolean {
  const rest = afterLastWord(label, context.otherNumberWordRe)
  return rest !== undefined && !context.identifierWordRe.test(rest)
}

/** The hit for [start, end), with its mask shape when `compact` holds mask characters. */
function withMask(start: number, end: number, kind: IdentifierClass, compact: string): IdentifierHit {
  const shape = maskShapeOf(compact)
  return shape ? { start, end, kind, mask: shape } : { start, end, kind }
}

/** How a run of digits and masks is masked, or undefined when it holds no mask character. */
export function maskShapeOf(compact: string): MaskShape | undefined {
  // A final X after a digit is an ID number's check character, not a mask.
  const body = /\d[Xx]$/.test(compact) ? compact.slice(0, -1) : compact
  const first = body.search(maskCharRe)
  if (first < 0) return undefined
  let last = body.length - 1
  while (!maskCharRe.test(body[last]!)) last--
  const middle = countDigits(body.slice(first, last + 1))
  return { head: first, tail: compact.length - 1 - last, middle, char: body[first]! }
}

function countDigits(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) n++
  }
  return n
}

function isLengths(actual: readonly number[], expected: readonly number[]): boolean {
  return actual.length === expected.length && actual.every((n, i) => n === expected[i])
}
