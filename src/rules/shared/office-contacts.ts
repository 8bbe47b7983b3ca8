// An office's own contact details: a notice, a decision or a 公示 list closes with where to ask,
// complain or appeal (`请与南宁市生态环境局执法支队联系。联系人：梁工；联系电话：…`, `复议机构联系方式：
// …法制处，地址：…，联系电话：…`, `高河镇民政办（经办人：汪志强）　0556-…`). The office publishes its
// phone, mailbox and address, and names its contact, on purpose: none of it is a leak.
import { lowerBound } from '../../core/sorted.js'
import type { Document } from '../../core/document.js'
import { lineStartWithin, linesUp, maskCharSource } from './chars.js'
import { findPseudonyms, isAfterPersonRole, type Pseudonym } from './pseudonyms.js'

/**
 * The name of an office or a public body, ending in its organ's word at a word's end (民政办,
 * 法制处, 执法支队, 举报中心, 综合窗口, 戒毒所, 人民政府): a space, a bracket (`（劳动保障监察大队）`), a colon,
 * a separator, the end, `联系` after it, what one asks of it, maybe in writing
 * (`向…信访办公室请求复查（地址：…）`, `可向本院执行局书面提出`), or its phone (`可拨打街道城管办电话…`).
 * Not 住所, 住处 or 场所 (a residence, a place of business), nor a flat (304室);
 * no name starts with 的 (`…35号的住处`).
 */
const officeNameSource = '(?!的)[\\u4e00-\\u9fff]{2,24}?(?:人民政府|政府|委员会|纪委|监委|办公室|办事处|[局厅科股办]|(?<!住)处|(?<![0-9A-Za-z０-９])室|中心|窗口|支队|大队|中队|(?<![住场厕])所|法院|检察院|医院|卫生院|学院|大学|学校)(?=[\\s\\u3000（(）)：:，,；;。]|(?:书面|口头|当面)?(?:联系|请求|申请|提出|咨询|反映)|电话|热线|$)'
const officeNameRe = new RegExp(officeNameSource, 'g')
const officeNameAtRe = new RegExp(officeNameSource, 'y')
/** Masks and pseudonyms in a body's name: 某, symbols. */
const maskedNameRe = new RegExp(`某|${maskCharSource}`)
/** What ends a sentence: the contact fields after it may belong to the office it names. */
const sentenceBreakRe = /[。！？]/
/** A sentence of contact fields only (`联系人：梁工；联系电话：…`, `2.电话…`): the office is in the sentence before. */
const contactFieldsRe = /^[\s\u3000]*(?:[0-9０-９]{1,2}[.、．]\s*)?(?:联系人|联系电话|电话|联系方式|通讯地址|地址|电子邮箱|邮箱|传真|邮编)/
/**
 * A body asking the public to write to it, in the first person (`如有意见建议，请…反映给我们。`,
 * `欢迎…向我们反馈`): the contact fields after the sentence are its own, named or not.
 */
const feedbackToUsRe = /(?:反映|反馈|寄|发送|提供|告知)(?:给|至|到)我们|向我们(?:反映|反馈|举报|提出|寄)|与我们联系|联系我们/
/** How far back on its line an office's name is looked for. */
const reach = 120

/**
 * The issuing office naming itself before its contact (`本院地址：`, `请致电本委立案窗口`,
 * `本委员会地址：…联系电话：`), or a bankruptcy's administrator (管理人, a firm the court appoints
 * to be reached by every creditor: `向管理人申报债权（…联系电话：…）`), not its staff (管理人员).
 */
const selfContactRe = /本(?:委员会|院|委|局|厅|庭|所|中心|处|办)[\u4e00-\u9fff]{0,6}?(?:地址|电话|窗口|联系|邮箱|传真|热线|信箱)/
const administratorRe = /管理人(?!员)/

/** True when a public body's name in clear stands in `segment`: no mask in it or right before it (`***市统计局`). */
function namesOffice(segment: string): boolean {
  if (selfContactRe.test(segment)) return true
  officeNameRe.lastIndex = 0
  for (let m = officeNameRe.exec(segment); m; m = officeNameRe.exec(segment)) if (!maskedNameRe.test(segment.slice(Math.max(0, m.index - 1), m.index + m[0].length))) return true
  return false
}

/** A gap between two cells of a row written as text: tabs or ideographic spaces, or two spaces and more, between words. */
const cellGapRe = /(?<=\S)(?:[\t\u3000][\t \u3000]*| {2,})(?=\S)/g

/**
 * Where the cell before the one holding `at` starts, when the line from `from` is a row of
 * cells (`8　普丽娟　…　云南财经大学　1153010301720　嵩明县…经办岗　昆明市五华区…`); else `from`.
 * An office's contact stands in its own cell or the next (`高河镇民政办（经办人：汪志强）　0556-…`);
 * a university three cells back on a person's row is where the person studied.
 */
function rowStart(text: string, from: number, at: number): number {
  let before = -1
  let last = -1
  cellGapRe.lastIndex = 0
  const row = text.slice(from, at)
  for (let m = cellGapRe.exec(row); m; m = cellGapRe.exec(row)) {
    before = last
    last = m.index + m[0].length
  }
  return before < 0 ? from : from + before
}

/** Where the sentence holding `at` starts, on its line and within {@link reach} code units of `from`. */
function sentenceStart(text: string, from: number, at: number): number {
  let i = at
  while (i > from && !sentenceBreakRe.test(text.charAt(i - 1))) i--
  return i
}

/**
 * True when what stands at `at` (a phone number, a mailbox, an address, a contact's name) is a
 * field of an office's contact: its sentence, on its line (in a row of cells, within its cell and
 * the one before), names a public body in clear before it
 * (or the sentence before does, or asks the public to write to the body as `我们`, when this one
 * holds only contact fields), and no masked person
 * stands in it (`证人李某某，系县民政局职工，联系电话…` is the witness's). Offsets in UTF-16 code units.
 */
export function isOfficeContactAt(doc: Document, at: number): boolean {
  const text = doc.text
  const from = rowStart(text, lineStartWithin(text, at, Math.max(0, at - reach)), at)
  let start = sentenceStart(text, from, at)
  let invites = false
  if (start > from && contactFieldsRe.test(text.slice(start, at))) {
    const fields = start
    start = sentenceStart(text, from, start - 1)
    invites = feedbackToUsRe.test(text.slice(start, fields))
  }
  if (!invites && !namesOffice(text.slice(start, at))) return false
  return !hasMaskedPersonIn(doc, start, at)
}

/**
 * True when what stands at `at` (a phone number, a mobile too) is the contact of a bankruptcy's
 * administrator: its sentence names the 管理人 before it, and no masked person stands between.
 */
export function isAdministratorsContactAt(doc: Document, at: number): boolean {
  const text = doc.text
  const from = lineStartWithin(text, at, Math.max(0, at - reach))
  const start = sentenceStart(text, from, at)
  const m = administratorRe.exec(text.slice(start, at))
  if (!m) return false
  return !hasMaskedPersonIn(doc, start + m.index, at)
}

/** What ends the sentence or the clause of fields a label stands in. */
const fieldSentenceBreakRe = /[。！？；;\n]/

/** An officer or a lawyer named after the masked person, whose office phone the label then gives (`孙某某的委托代理人张明律师，办公电话…`). */
const officerBetweenRe = /律师|法官|审判员|审判长|书记员|执行员|承办人|经办人|联系人|民警|警官|工作人员/

/**
 * True when a masked person stands before the label ending at `at` in its sentence, on its line
 * (`法定代表人：孙某某，该公司执行董事，办公电话…`), and no officer or lawyer after him: the number
 * after the label is that person's own, not the office's an official gives for the public
 * (`承办人：张明，办公电话…`, `孙某某的委托代理人张明律师，办公电话…`).
 */
export function isMaskedPersonsLabelAt(doc: Document, at: number): boolean {
  const text = doc.text
  let start = at
  while (start > 0 && at - start < reach && !fieldSentenceBreakRe.test(text.charAt(start - 1))) start--
  const persons = personPseudonyms(doc)
  let last: Pseudonym | undefined
  for (let i = lowerBound(persons.length, (j) => persons[j]!.start, start); i < persons.length && persons[i]!.end <= at; i++) last = persons[i]
  return last !== undefined && !officerBetweenRe.test(text.slice(last.end, at))
}

/** Labels of an account's holder. */
const holderLabelRe = /(?:收款单位|收款人|户名|账户名称|账户名|开户名称|开户单位)[：:]\s*([^，,；;。：:\s（()）]{2,40})[^。\n]{0,40}$/
/** What ends a public body's, an administrator's or a company's name. */
const bodyEndRe = /(?:管理人|人民政府|政府|委员会|[局厅处办院所站队]|中心|财政专户|专户)$/
const companyEndRe = /(?:公司|集团|合作社|厂|银行|商行|协会)$/

/**
 * True when the account number at `at` is a body's, named in clear as its holder in the same
 * sentence (`收款单位：天津市滨海新区财政局，收款账号：…`, `户名：…有限公司管理人，开户行：…，账号：…`):
 * a public body's, an administrator's, or a company's when `namesCompanies` (the document names
 * companies freely). No person holds it.
 */
export function isBodysAccountAt(text: string, at: number, namesCompanies: boolean): boolean {
  const holder = accountHolderBefore(text, at)
  if (holder === undefined || maskedNameRe.test(holder)) return false
  return bodyEndRe.test(holder) || (namesCompanies && companyEndRe.test(holder))
}

/** A field line: a short label, maybe with a bracket, and its colon (`信访人：`, `身份证号码：`, `住所（住址）：`). */
const fieldLineRe = /^[ \t\u3000]*[\u4e00-\u9fff]{1,8}(?:[（(][\u4e00-\u9fff、]{1,8}[）)])?[：:]/
/** How many field lines above the account's a block's holder is looked for in (户名, 开户行, 账号). */
const blockReach = 3
/** The most characters of a line read back for a holder's field. */
const holderLineReach = 90

/**
 * The holder named before the account number at `at`: on its line (`户名：…，开户行：…，账号：…`),
 * or on a field line of the block just above, each field on a line of its own
 * (`户名：银川市兴庆区人民法院⏎开户行：…⏎账号：…`, as every 执行通知书 writes its 执行款专户).
 */
function accountHolderBefore(text: string, at: number): string | undefined {
  let isOwnLine = true
  for (const { start, end } of linesUp(text, at, blockReach + 1, 0, holderLineReach)) {
    const line = text.slice(start, end)
    const holder = holderLabelRe.exec(line)
    const isField = fieldLineRe.test(line)
    // The account's own line names its holder in any shape; a line above only as a field of its block.
    if (holder && (isOwnLine || isField)) return holder[1]
    if (!isField) return undefined
    isOwnLine = false
  }
  return undefined
}

/** True when a public body's name in clear starts at `at` (`东门路66号` + `中共黄冈市纪委举报中心`): an address followed by its office. */
export function isOfficeNameAt(text: string, at: number): boolean {
  officeNameAtRe.lastIndex = at
  const m = officeNameAtRe.exec(text)
  return m !== null && !maskedNameRe.test(m[0]) && !maskedNameRe.test(text.charAt(at - 1))
}

/** A field naming the office's contact: the number after it is that contact's. */
const contactFieldRe = /^[ \t\u3000]*(?:联系人|经办人|承办人|咨询人)[：:]/
/** How many lines of a header's fields are read back above a contact line. */
const fieldBlockLines = 4

/**
 * True when the contact line [lineStart, at) gives a masked person's number: the person stands
 * on it (`联系人：王某某　联系电话：…`), or, for a line that names no contact (`isBare`), it closes a
 * block of fields one of which gives a masked person after a party's role (`信访人：邓某某` /
 * `身份证号码：…` / `联系电话：…`, a petitioner's header). A blank line, a line of prose or the
 * office's contact (`联系人：马晓东`) ends the block: the office's contact closing a notice
 * stands after its text.
 */
export function isPersonsContactLine(doc: Document, lineStart: number, at: number, isBare: boolean): boolean {
  if (hasMaskedPersonIn(doc, lineStart, at)) return true
  if (!isBare) return false
  for (const { start, end } of linesUp(doc.text, lineStart - 1, fieldBlockLines)) {
    const field = fieldLineRe.exec(doc.text.slice(start, end))
    if (!field || contactFieldRe.test(field[0])) return false
    if (isMaskedPartysField(doc, start + field[0].length)) return true
  }
  return false
}

/** True when the field's value at `at` opens with a masked person and its label is a party's role (`信访人：邓某某`, not `经审理查明：…被告人马某`). */
function isMaskedPartysField(doc: Document, at: number): boolean {
  let from = at
  while (doc.text.charAt(from) === ' ' || doc.text.charAt(from) === '\u3000') from++
  const persons = personPseudonyms(doc)
  return persons[lowerBound(persons.length, (j) => persons[j]!.start, from)]?.start === from && isAfterPersonRole(doc.text, from)
}

/** The document's person pseudonyms, by start. */
function personPseudonyms(doc: Document): readonly Pseudonym[] {
  return doc.derive('officeContacts:personPseudonyms', () => findPseudonyms(doc).filter((p) => p.kind === 'person').sort((a, b) => a.start - b.start))
}

/** A person's pseudonym wholly inside [from, to), found by halves over the document's, by start. */
function hasMaskedPersonIn(doc: Document, from: number, to: number): boolean {
  const persons = personPseudonyms(doc)
  for (let i = lowerBound(persons.length, (j) => persons[j]!.start, from); i < persons.length && persons[i]!.start < to; i++) if (persons[i]!.end <= to) return true
  return false
}
