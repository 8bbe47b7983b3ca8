// Whether a person's number of record in clear (`学号20221302157`, `罪犯编号4212061873`) breaks
// the document's policy: the document masks the same label's numbers elsewhere, or it masks
// persons and the number is not a public officer's (a judge's or a teacher's staff number).
import type { Document } from '../../../core/document.js'
import { maskSigns } from '../chars.js'
import { documentPolicy } from '../policy.js'
import { findPublicRoleNames } from '../public-roles.js'
import { personRecordLabel } from './record-labels.js'
import type { IdentifierHit } from './types.js'

/** The label of a number of record, read back from the value (`所持准考证号为` gives 准考证号). */
const labelAtEndRe = new RegExp(`(${personRecordLabel})[^\\n。；，,、]{0,3}$`)
/** Mask characters inside a value: the mask signs (`*`, `×`, `○`, `〇`…), `X`/`x` in twos. */
const maskInValue = `(?:[${maskSigns}]|[Xx]{2})`
/**
 * A label's value masked in part or whole (`学号2021******57`), in one pass over the text: the
 * label's alternation matches the longest label at its place (职工号, not 工号).
 */
const maskedRecordRe = new RegExp(`(${personRecordLabel})[ \\u3000]*(?:[:：]|[为是])?[ \\u3000]*[“"「『]?[A-Za-z0-9]*${maskInValue}[-A-Za-z0-9${maskSigns}]*`, 'g')
/**
 * Officers whose numbers a document gives on purpose, named or not, right before the label:
 * judges, clerks, prosecutors, police, teachers, doctors, a bank's, a platform's or a hotline's staff
 * (`接线员工号`: the label 员工号 takes the role's 员, so the role is matched without it).
 */
const publicRoleBeforeRe = /(?:法官|审判长|审判员|书记员|执行员|检察官|检察员|民警|警官|警察|辅警|教师|老师|辅导员|医生|医师|护士|客服|柜员|接线|话务|坐席|工作人员)[\u4e00-\u9fff·]{0,5}[（(，,：:\s\u3000]*(?:的)?$/
/** How far back from the label an officer's role or name is looked for, within the sentence. */
const roleReach = 24

/**
 * The same label with a value masked in part or whole elsewhere in the document (`学号2021******57`),
 * as written: the document's own policy for that number. Undefined when there is none.
 */
export function maskedRecordElsewhere(doc: Document, hit: IdentifierHit): string | undefined {
  const text = doc.text
  const label = labelAtEndRe.exec(text.slice(Math.max(0, hit.start - 16), hit.start))?.[1]
  if (!label) return undefined
  // A longer label ends with the shorter one (员工号 holds 工号): the first of them counts.
  let first: { at: number; value: string } | undefined
  for (const [written, masked] of maskedRecordsOf(doc)) if (written.endsWith(label) && (!first || masked.at < first.at)) first = masked
  return first && first.value.slice(first.value.indexOf(label))
}

/** Each label's first value masked in the document (label as written → where, and the match), in one pass. */
function maskedRecordsOf(doc: Document): ReadonlyMap<string, { at: number; value: string }> {
  return doc.derive('identifiers.maskedRecords', ({ text }) => {
    const firsts = new Map<string, { at: number; value: string }>()
    maskedRecordRe.lastIndex = 0
    for (let m = maskedRecordRe.exec(text); m; m = maskedRecordRe.exec(text)) if (!firsts.has(m[1]!)) firsts.set(m[1]!, { at: m.index, value: m[0] })
    return firsts
  })
}

/**
 * A number of record in clear that names a person the document hides: it masks persons, and no
 * officer's role or a name the document gives in a public role stands before the label in its
 * sentence (`审判员张明（工号1023）`).
 */
export function isHiddenPersonsRecord(doc: Document, hit: IdentifierHit): boolean {
  if (!documentPolicy(doc).masksPersons) return false
  const text = doc.text
  let before = text.slice(Math.max(0, hit.start - roleReach), hit.start)
  before = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n'), before.lastIndexOf('；')) + 1)
  const label = labelAtEndRe.exec(before)
  const lead = label ? before.slice(0, label.index) : before
  if (publicRoleBeforeRe.test(lead)) return false
  for (const name of findPublicRoleNames(doc)) if (lead.includes(name)) return false
  return true
}
