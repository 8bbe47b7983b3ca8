// Numbers a licence gives its holder, found after their label: the 15-digit registration number
// of a business licence issued before the unified credit code (工商注册号, still cited for an 个体
// 工商户), and a driving licence's file number (驾驶证档案编号, 12 digits). Their labels are
// the proof: no check this tool can run tells them from other numbers of their length.
import type { DivisionCodes } from './division-codes.js'
import type { IdentifierHit } from './types.js'

/**
 * The label of a business licence's registration number right before a run (`工商注册号`,
 * `营业执照注册号：`, `营业执照号码`, `注册号为`). Its number is 15 digits: the registering office's
 * division code, a sequence (its first digit 6–9 for an 个体工商户) and a check digit
 * (GS15-2006); a trademark's or a device's 注册号 has another length.
 */
const registrationLabelBeforeRe = /(?:注册号码?|营业执照号码?|执照号码?)[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?$/
/**
 * The label of a driving licence's file number right before a run (`驾驶证档案编号`, or a bare
 * `档案编号：`, `档案号` among a driving licence's fields): 12 digits. An archive's 档案编号
 * elsewhere is a file's, not a person's.
 */
const fileNumberLabelBeforeRe = /档案(?:编号|号码|号)[ \u3000]*(?:[:：]|[为是])?[ \u3000]*[“"「]?$/
/** A driving licence or its holder named before a bare file number's label, within {@link licenceReach}. */
const licenceBeforeRe = /驾驶证|驾驶执照|驾照|驾驶人/
const licenceReach = 40
/** How far before a run its label is read. */
const labelReach = 16

/**
 * The licence's number the run of digits [start, end) is, or undefined: 15 digits after a
 * registration number's label, with a real division code (kind `registration`); 12 digits after
 * a file number's label in a driving licence's fields (kind `record`).
 */
export function licenceNumberAt(text: string, start: number, end: number, divisions: DivisionCodes): IdentifierHit | undefined {
  const length = end - start
  if (length !== 15 && length !== 12) return undefined
  const value = text.slice(start, end)
  if (!/^\d+$/.test(value)) return undefined
  const before = text.slice(Math.max(0, start - labelReach), start)
  if (length === 15) return registrationLabelBeforeRe.test(before) && divisions.isKnownForOrganisation(value.slice(0, 6)) ? { start, end, kind: 'registration' } : undefined
  const label = fileNumberLabelBeforeRe.exec(before)
  if (!label) return undefined
  const labelStart = start - before.length + label.index
  return licenceBeforeRe.test(text.slice(Math.max(0, labelStart - licenceReach), labelStart)) ? { start, end, kind: 'record' } : undefined
}

/**
 * True when a registration number is an 个体工商户's: the first digit of its sequence (the
 * seventh) is 6 to 9 (GS15-2006); 0–5 are companies' and foreign enterprises'.
 */
export function isSoleTradersRegistration(number: string): boolean {
  return /^\d{6}[6-9]/.test(number)
}
