// The check characters of Chinese identifiers and bank cards: what turns a run of digits from
// a guess into a certainty (GB 11643 ID numbers, GB 32100 credit codes, Luhn card numbers, Hong
// Kong identity card numbers).

/** GB 11643-1999 weights of the first 17 digits of a 居民身份证号码 (2^(17-i) mod 11). */
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** The check character for each weighted sum modulo 11. */
const idCheckChars = '10X98765432'

/** The GB 11643 check character of 17 digits, or undefined when `first17` is not 17 digits. */
export function idCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * idWeights[i]!
  return idCheckChars[sum % 11]
}

/** True when 18 characters carry a correct GB 11643 check character (a lower-case `x` is read as `X`). */
export function hasValidIdChecksum(id: string): boolean {
  return id.length === 18 && idCheckChar(id.slice(0, 17)) === id.charAt(17).toUpperCase()
}

/** The 31 characters of GB 32100-2015, in the order of their values 0–30 (no I O S V Z). */
export const creditCodeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The GB 32100 check character of a code's first 17 characters, or undefined when one is outside the set. */
export function creditCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = creditCodeChars.indexOf(first17.charAt(i))
    if (value < 0) return undefined
    sum += value * creditWeights[i]!
  }
  const check = 31 - (sum % 31)
  return creditCodeChars.charAt(check === 31 ? 0 : check)
}

/**
 * The organisation types each registration authority (first character) issues (GB 32100-2015,
 * table 1): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管
 * (工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
const creditTypesByAuthority: Readonly<Record<string, string>> = {
  '1': '1239', '2': '19', '3': '123459', '4': '19', '5': '1239', '6': '129', '7': '129', '8': '19', '9': '123', A: '19', N: '1239', Y: '1',
}

/** True when 18 characters are a well-formed 统一社会信用代码: known authority and type, correct check character. */
export function hasValidCreditCode(code: string): boolean {
  return hasCreditCodeFields(code) && creditCheckChar(code.slice(0, 17)) === code.charAt(17)
}

/** True when 18 characters begin as a 统一社会信用代码 does: a known authority, a type it issues (the check character aside). */
export function hasCreditCodeFields(code: string): boolean {
  const types = creditTypesByAuthority[code.charAt(0)]
  return code.length === 18 && types !== undefined && types.includes(code.charAt(1))
}

/** True when a run of digits passes the Luhn check (ISO/IEC 7812) of payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double && (d *= 2) > 9) d -= 9
    sum += d
  }
  return digits.length > 0 && sum % 10 === 0
}

/** The Luhn check digit to append to `body` (for building test numbers). */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return String(d)
  throw new RangeError(`not digits: ${body}`)
}

/**
 * True when year, month and day (1-based) name a real day from 1900-01-01 up to `today`, the
 * birth dates an ID number can carry.
 */
export function isValidBirthDate(year: number, month: number, day: number, today: Date): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false
  return date.getTime() <= today.getTime()
}

/**
 * The check character of a Hong Kong identity card's number: the letters (A = 10 … Z = 35, a
 * single letter preceded by a space worth 36) and the six digits weighted 9 down to 2, the check
 * making the sum a multiple of 11; 10 is written `A`.
 */
export function hkidCheckChar(letters: string, digits: string): string | undefined {
  if (!/^[A-Z]{1,2}$/.test(letters) || !/^\d{6}$/.test(digits)) return undefined
  const values = [...(letters.length === 1 ? [36] : []), ...[...letters].map((c) => c.charCodeAt(0) - 55), ...[...digits].map(Number)]
  let sum = 0
  for (let i = 0; i < 8; i++) sum += values[i]! * (9 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}
