// Numbers a licence gives its holder, found after their label: the 15-digit registration number
// of a business licence issued before the unified credit code (工商注册号, still cited for an 个体
// 工商户), and a driving licence's file number (驾驶证档案编号, 12 digits). Their labels are
// the proof: no check this tool can run tells them from other numbers of their length.
import type { DivisionCodes } from './division-codes.js'
import type { IdentifierHit } from './types.js'

/**
 * The label of a business licence's registration number (`工商注册号`, `营业执照注册号`,
 * `营业执照号码`, `注册号：`), then 15 digits: the registering office's division code, a
 * sequence (its first digit 6–9 for an 个体工商户) and a check digit (GS15-2006). Not a
 * trademark's or a device's 注册号, which have other lengths.
 */
const registrationRe = /(?:注册号码?|营业执照号码?|执照号码?)[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?(\d{15})(?![0-9A-Za-z])/g

/**
 * A driving licence's file number after its label (`驾驶证档案编号640100123456`), or after a bare
 * `档案编号`/`档案号` in a driving licence's fields (`驾驶证号：…` on the line above): 12 digits.
 * An archive's 档案编号 elsewhere is a file's, not a person's.
 */
const fileNumberRe = /档案(?:编号|号码|号)[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?(\d{12})(?![0-9A-Za-z])/g
/** A driving licence or its holder named before a bare file number's label, within {@link licenceReach}. */
const licenceBeforeRe = /驾驶证|驾驶执照|驾照|驾驶人/
const licenceReach = 40

/** Old business registration numbers after their label, with a real division code; the number is the span. */
export function findRegistrationNumbers(text: string, divisions: DivisionCodes): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!text.includes('注册号') && !text.includes('执照号')) return hits
  registrationRe.lastIndex = 0
  for (let m = registrationRe.exec(text); m; m = registrationRe.exec(text)) {
    if (!divisions.isKnownForOrganisation(m[1]!.slice(0, 6))) continue
    const end = m.index + m[0].length
    hits.push({ start: end - 15, end, kind: 'registration' })
  }
  return hits
}

/** Driving licences' file numbers after their label, in a driving licence's context; kind `record`. */
export function findDrivingFileNumbers(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!text.includes('档案')) return hits
  fileNumberRe.lastIndex = 0
  for (let m = fileNumberRe.exec(text); m; m = fileNumberRe.exec(text)) {
    if (!licenceBeforeRe.test(text.slice(Math.max(0, m.index - licenceReach), m.index))) continue
    const end = m.index + m[0].length
    hits.push({ start: end - 12, end, kind: 'record' })
  }
  return hits
}

/**
 * True when a registration number is an 个体工商户's: the first digit of its sequence (the
 * seventh) is 6 to 9 (GS15-2006); 0–5 are companies' and foreign enterprises'.
 */
export function isSoleTradersRegistration(number: string): boolean {
  return /^\d{6}[6-9]/.test(number)
}
