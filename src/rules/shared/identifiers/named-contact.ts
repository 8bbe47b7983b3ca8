// A mobile number whose bearer the text names in clear as its contact: on a contact line, or in
// the signature block of a letter or a mail. A draft gives it on purpose; it hides no one.
import { surnameLength } from '../../../nlp/person-names.js'

/** A contact's label, maybe the office, then the name (`联系人：教师发展中心　刘晓东　　联系电话：…`). */
const contactLabelRe = /(?:联系人|经办人|承办人)[：:][\s\u3000]*(?:[\u4e00-\u9fff]{2,12}[\s\u3000]+)?([\u4e00-\u9fff]{2,4})(?=[\s\u3000；;，,（(]|$)/
/** A line that opens with a phone's label (`电话：0836-2812345　手机：…`). */
const phoneLineRe = /^[\s\u3000>]*(?:办公电话|联系电话|移动电话|电话|手机|联系方式)[：:]/
/** A line holding only a name, and a line ending in an office's word: a signature's first two lines. */
const nameLineRe = /^[\s\u3000>]*([\u4e00-\u9fff]{2,4})[\s\u3000]*$/
const officeLineRe = /(?:办公室|局|院|委员会|委|政府|中心|公司|股|科|处|部|所|站|队|厅)[\s\u3000]*$/
/** What masks a name or stands between a named contact and a number that is someone else's. */
const maskOrOtherRe = /[*＊×xXｘＸ某]|[；;。]/

/** A name in clear: a surname first, no 某. */
function isClearName(name: string): boolean {
  return !name.includes('某') && surnameLength(name) > 0
}

/**
 * True when the mobile number at `at` belongs to a contact named in clear right before it: on
 * its line after a contact's label, with no mask or other clause between; or on a phone's line
 * under a signature (`司马文涛` / `康定市教育局办公室` / `电话：…　手机：…`).
 */
export function isNamedContactsNumber(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const before = text.slice(lineStart, at)
  const contact = contactLabelRe.exec(before)
  if (contact) return isClearName(contact[1]!) && !maskOrOtherRe.test(before.slice(contact.index + contact[0].length))
  if (!phoneLineRe.test(before)) return false
  const above = text.slice(Math.max(0, lineStart - 80), Math.max(0, lineStart - 1)).split(/\r?\n/).slice(-2)
  const name = above.length === 2 ? nameLineRe.exec(above[0]!) : null
  return name !== null && isClearName(name[1]!) && officeLineRe.test(above[1]!)
}
