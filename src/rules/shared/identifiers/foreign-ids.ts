// The identity numbers of persons who hold no 居民身份证, as judgments of cross-border cases give
// them: a Hong Kong identity card's (`A123456(3)`: one or two letters, six digits and a check
// character in brackets, the check public), and a foreign permanent resident's ID card, in its
// 18-digit form since 2023 (9, the province that accepted it, a nationality code, the birth
// date, a sequence and the GB 11643 check character) and its old 15-character form (three
// letters of nationality and 12 digits, no public check). Found where a check character proves
// them, or after their label. (The 18-digit form is read with the numbers: ./numbers.ts.)
import { hkidCheckChar } from './checksums.js'
import { labelBefore } from './labels.js'
import { isOtherNumbersLabel, type NumberContext } from './numbers.js'
import type { IdentifierHit } from './types.js'

/** A Hong Kong identity card's number before its bracketed check character, a whole run: `A123456`, `AB987654`. */
const hkidBodyRe = /^([A-Z]{1,2})(\d{6})$/
/** The check character in brackets, half- or full-width, after the body. */
const hkidCheckRe = /^[(（]([0-9A])[)）]/
/** The number written with its check character unbracketed (`A1234563`), a whole run. */
const hkidWholeRe = /^([A-Z]{1,2})(\d{6})([0-9A])$/
/**
 * An identity card's label right before a run (`香港身份证号码：`, `香港永久性居民身份证号`, or
 * `身份证号`, `证件号码` alone; group 1 holds 香港 when it is Hong Kong's).
 */
const idLabelBeforeRe = /(香港(?:永久性)?(?:居民)?)?(?:身份证|证件)(?:号码|号)?[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?$/
/**
 * The label of a foreign permanent resident's ID card right before a run (`外国人永久居留身份证号码`,
 * `永久居留证号`, `永居证号：`).
 */
const permanentResidenceLabelBeforeRe = /(?:永久居留(?:身份)?证|永居证)(?:件)?(?:号码|号)?[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?$/
/** The old form: three letters and 12 digits, or a digit more or less (mistyped, still the holder's). */
const oldPermanentResidenceRe = /^[A-Z]{3}\d{11,13}$/
/** How far before a run its label is read. */
const labelReach = 20

/**
 * The Hong Kong identity card's or old permanent-residence card's number that the run of
 * letters and digits [start, end) is, or undefined: a Hong Kong number whose bracketed check
 * character holds, anywhere but under another number's label; one unbracketed after an ID's
 * label, its check holding; after 香港's label, the shape alone (a wrong check character is a
 * typo of the holder's number); an old permanent-residence number after its label.
 */
export function foreignIdAt(text: string, start: number, end: number, context: Pick<NumberContext, 'otherNumberWordRe' | 'identifierWordRe'>): IdentifierHit | undefined {
  const value = text.slice(start, end)
  const body = hkidBodyRe.exec(value)
  if (body) {
    const check = hkidCheckRe.exec(text.slice(end, end + 3))
    if (!check) return undefined
    const label = idLabelBeforeRe.exec(text.slice(Math.max(0, start - labelReach), start))
    if (label?.[1] !== undefined) return { start, end: end + 3, kind: 'id' }
    // A number another label names (`订单号`, `编号`) is that number, whatever its check says.
    if (hkidCheckChar(body[1]!, body[2]!) !== check[1] || isOtherNumbersLabel(labelBefore(text, start), context)) return undefined
    return { start, end: end + 3, kind: 'id' }
  }
  const whole = hkidWholeRe.exec(value)
  if (whole) {
    const label = idLabelBeforeRe.exec(text.slice(Math.max(0, start - labelReach), start))
    return label && (label[1] !== undefined || hkidCheckChar(whole[1]!, whole[2]!) === whole[3]) ? { start, end, kind: 'id' } : undefined
  }
  if (oldPermanentResidenceRe.test(value) && permanentResidenceLabelBeforeRe.test(text.slice(Math.max(0, start - labelReach), start))) return { start, end, kind: 'id' }
  return undefined
}
