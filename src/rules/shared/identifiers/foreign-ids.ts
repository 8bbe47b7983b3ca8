// The identity numbers of persons who hold no 居民身份证, as judgments of cross-border cases give
// them: a Hong Kong identity card's (`A123456(3)`: one or two letters, six digits and a check
// character in brackets, the check public), and a foreign permanent resident's ID card, in its
// 18-digit form since 2023 (9, the province that accepted it, a nationality code, the birth
// date, a sequence and the GB 11643 check character) and its old 15-character form (three
// letters of nationality and 12 digits, no public check). Found where a check character proves
// them, or after their label.
import { hkidCheckChar } from './checksums.js'
import { labelBefore } from './labels.js'
import { isOtherNumbersLabel, type NumberContext } from './numbers.js'
import type { IdentifierHit } from './types.js'

/** A Hong Kong identity card's number before its bracketed check character: `A123456`, `AB987654`. */
const hkidBodyRe = /(?<![0-9A-Za-z])([A-Z]{1,2})(\d{6})$/
/** The check character in brackets, half- or full-width, after the body. */
const hkidCheckRe = /^[(（]([0-9A])[)）]/
/**
 * An identity card's label (`香港身份证号码`, `香港永久性居民身份证号`, or `身份证号`, `证件号码` alone;
 * group 1 holds 香港), then a Hong Kong number written with its check character bracketed or not
 * (`A1234563`).
 */
const hkidLabelledRe = /(香港(?:永久性)?(?:居民)?)?(?:身份证|证件)(?:号码|号)?[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?([A-Z]{1,2})(\d{6})(?:[(（]([0-9A])[)）]|([0-9A]))(?![0-9A-Za-z])/g
/**
 * The label of a foreign permanent resident's ID card (`外国人永久居留身份证号码`, `永久居留证号`,
 * `永居证号`), then a number of its old form: three letters and 12 digits, or one digit more or
 * less, mistyped and still the holder's. (The 18-digit form is read with the numbers.)
 */
const oldPermanentResidenceRe = /(?:永久居留(?:身份)?证|永居证)(?:件)?(?:号码|号)?[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?([A-Z]{3}\d{11,13})(?![0-9A-Za-z])/g

/**
 * Hong Kong identity card numbers and old permanent-residence card numbers: a bracketed check
 * character that holds proves the first anywhere, an unbracketed one after an ID's label; after
 * 香港's label, the shape is enough (a wrong check character is a typo of the holder's number).
 * Offsets in UTF-16 code units.
 */
export function findForeignIds(text: string, context: Pick<NumberContext, 'otherNumberWordRe' | 'identifierWordRe'>): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (const bracket of ['(', '（']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
      const before = text.charCodeAt(at - 1)
      if (before < 0x30 || before > 0x39) continue
      const body = hkidBodyRe.exec(text.slice(Math.max(0, at - 9), at))
      const check = body && hkidCheckRe.exec(text.slice(at, at + 3))
      if (!body || !check || hkidCheckChar(body[1]!, body[2]!) !== check[1]) continue
      // A number another label names (`订单号`, `编号`) is that number, whatever its check says.
      const start = at - body[0].length
      if (isOtherNumbersLabel(labelBefore(text, start), context)) continue
      hits.push({ start, end: at + 3, kind: 'id' })
    }
  }
  if (text.includes('身份证') || text.includes('证件')) {
    hkidLabelledRe.lastIndex = 0
    for (let m = hkidLabelledRe.exec(text); m; m = hkidLabelledRe.exec(text)) {
      // After 香港's label the shape is enough; after an ID's alone, the check character must hold.
      if (m[1] === undefined && hkidCheckChar(m[2]!, m[3]!) !== (m[4] ?? m[5])) continue
      const end = m.index + m[0].length
      const length = m[2]!.length + 6 + (m[4] !== undefined ? 3 : 1)
      hits.push({ start: end - length, end, kind: 'id' })
    }
  }
  if (text.includes('永久居留') || text.includes('永居证')) {
    oldPermanentResidenceRe.lastIndex = 0
    for (let m = oldPermanentResidenceRe.exec(text); m; m = oldPermanentResidenceRe.exec(text)) {
      const end = m.index + m[0].length
      hits.push({ start: end - m[1]!.length, end, kind: 'id' })
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}
