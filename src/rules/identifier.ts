// Kind `identifier`: direct identifiers left in clear (ID numbers, credit codes, bank cards,
// phone numbers, plates, e-mail, QQ and WeChat, a person's numbers of record, IP addresses, a
// student's class) or masked with too much left, each with the masked form `redact` writes in
// the document's own convention.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { localText, type LocalText } from '../i18n/catalogue.js'
import { getGazetteer } from '../nlp/gazetteer.js'
import { inferConventions, maskIdentifier } from './shared/identifiers/conventions.js'
import { DivisionCodes } from './shared/identifiers/division-codes.js'
import type { NumberContext } from './shared/identifiers/numbers.js'
import { afterLastWord, labelBefore } from './shared/identifiers/labels.js'
import { isNamedContactsNumber } from './shared/identifiers/named-contact.js'
import { isSoleTradersRegistration } from './shared/identifiers/licences.js'
import { isHiddenPersonsRecord, maskedRecordElsewhere } from './shared/identifiers/person-records.js'
import { maskedClassIn } from './shared/identifiers/school-classes.js'
import { isNamedPartyBefore } from './shared/public-roles.js'
import { findFullyMaskedClasses, findIdentifiers } from './shared/identifiers/scan.js'
import { identifierClasses, keepsTooMuch, type IdentifierClass, type IdentifierHit, type MaskShape } from './shared/identifiers/types.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { documentPolicy } from './shared/policy.js'
import { isAdministratorsContactAt, isBodysAccountAt, isMaskedPersonsLabelAt, isOfficeContactAt, isPersonsContactLine } from './shared/office-contacts.js'
import { findPseudonyms, personRoleWords } from './shared/pseudonyms.js'
import { surnameLength } from '../nlp/person-names.js'
import type { Document } from '../core/document.js'
import { lazy, literalAlternation, text, textList, zod } from './shared/options.js'
import type { Profile, RuleKind } from './types.js'

/** Options of an identifier rule. */
export interface IdentifierOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Classes reported in the profiles of `onlyWhenMasked` (a draft's office phone is public on purpose). */
  readonly maskedDraftClasses: readonly IdentifierClass[]
  readonly cardWords: readonly string[]
  readonly idWords: readonly string[]
  /** Labels of a credit code (`统一社会信用代码`): right after one, a wrong check character is still one. */
  readonly creditWords: readonly string[]
  readonly phoneWords: readonly string[]
  /** Labels of the other contacts a person gives (`邮箱`, `QQ`, `微信`): after a public label, one labels a value of its own. */
  readonly contactWords: readonly string[]
  readonly otherNumberWords: readonly string[]
  /** Labels of numbers and addresses published on purpose (`监督电话`, `举报邮箱`). */
  readonly publicLabels: readonly string[]
  /**
   * Public labels a person gives his own number under too (`办公电话`): an office's or an official's
   * number is published, a masked party's is his (REAL-DOCUMENTS.md §3), reported when a masked
   * person stands before the label in its sentence.
   */
  readonly ownLabels: readonly string[]
  /** Domains of public bodies' mail (`gov.cn`): an address there is an office's, not a person's. */
  readonly publicDomains: readonly string[]
}

const classEnum = lazy(() => zod().enum(identifierClasses as unknown as [IdentifierClass, ...IdentifierClass[]]))
const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    onlyWhenMasked: onlyWhenMaskedSchema(),
    maskedDraftClasses: z.array(classEnum()).default([...identifierClasses]),
    cardWords: textList(),
    idWords: textList(),
    creditWords: textList(),
    phoneWords: textList(),
    contactWords: textList(),
    otherNumberWords: textList(),
    publicLabels: textList(),
    ownLabels: z.array(text()).default([]),
    publicDomains: z.array(text()).default([]),
  })
})

/**
 * The `identifier` kind. Message arguments: `{text}`, `{what}` (the class), `{left}` (variant
 * `.partial` only), `{masked}` (variant `.elsewhere`: the same masked elsewhere, as written).
 */
export const identifierKind: RuleKind<IdentifierOptions> = {
  name: 'identifier',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const o = rule.options
    const { context, publicLabelRe, contactLabelRe, ownLabelEndRe, fullMaskLabels } = compileTables(o)
    const partialMessageId = `${rule.messageId}.partial`
    const isGated = o.onlyWhenMasked.includes(settings.profile)
    const reported = new Set<IdentifierClass>(isGated ? o.maskedDraftClasses : identifierClasses)
    return (doc) => {
      const hits = findIdentifiers(doc.text, context, doc.emphasis)
      const masked = hits.filter((h) => h.mask !== undefined)
      if (isGated && !shouldCheckForLeaks(doc, settings.profile, o.onlyWhenMasked, { hasOwnMasks: masked.some((h) => !isPhoneBlank(h)) })) return []
      // Learnt on the first finding: most documents have none.
      const conventionOf = lazy(() => inferConventions(masked, findFullyMaskedClasses(doc.text, fullMaskLabels)))
      // A document that names companies and masks only persons (a judgment, a penalty decision
      // against a company) publishes the companies' credit codes with their names.
      const namesOrganizations = lazy(() => {
        const policy = documentPolicy(doc)
        return policy.isStated && !policy.masksOrganizations && !policy.masksOwnUnit
      })
      const findings: RawFinding[] = []
      for (const hit of hits) {
        if (!reported.has(hit.kind) || (hit.mask && !keepsTooMuch(hit.kind, hit.mask)) || isPublic(doc, hit, { publicLabelRe, contactLabelRe, ownLabelEndRe }, o.publicDomains)) continue
        if (hit.kind === 'credit' && !hit.mask && isPublicBodysCode(doc, hit.start)) continue
        if ((hit.kind === 'credit' || hit.kind === 'registration') && !hit.mask && (namesOrganizations() || isNamedPartyBefore(doc.text, lineStartOf(doc.text, hit.start))) && !isMaskedOwnersBusiness(doc, hit)) continue
        if (hit.kind === 'alias' && !isMaskedPersonsAlias(doc, hit.start)) continue
        if ((hit.kind === 'account' || hit.kind === 'card') && !hit.mask && isBodysAccountAt(doc.text, hit.start, namesOrganizations())) continue
        // A draft's contact named in clear gives the number on purpose; a release deletes every one.
        if (isGated && hit.kind === 'mobile' && !hit.mask && isNamedContactsNumber(doc.text, hit.start)) continue
        // A person's number of record, or his class, breaks the policy the document states by
        // masking the same elsewhere (`学号2021******57`, `××级××班`), or hides a masked person's.
        const maskedElsewhere = hit.kind === 'record' ? maskedRecordElsewhere(doc, hit) : hit.kind === 'class' ? maskedClassIn(doc.text) : undefined
        if (hit.kind === 'record' && maskedElsewhere === undefined && !isHiddenPersonsRecord(doc, hit)) continue
        // An IP address or a device's number is a person's where the document hides persons; a site's is published.
        if ((hit.kind === 'ip' || hit.kind === 'device') && !documentPolicy(doc).masksPersons) continue
        const value = doc.text.slice(hit.start, hit.end)
        const what = classNames[hit.kind]
        findings.push({
          offset: hit.start,
          length: hit.end - hit.start,
          ...(hit.mask
            ? { messageId: partialMessageId, args: { text: value, what, left: describeLeft(hit.mask) } }
            : maskedElsewhere !== undefined
              ? { messageId: `${rule.messageId}.elsewhere`, args: { text: value, what, masked: maskedElsewhere } }
              : { args: { text: value, what } }),
          data: { names: [value], identifier: hit.kind, redact: { offset: hit.start, length: hit.end - hit.start, replacement: maskIdentifier(withoutMarkers(doc.text, hit), hit.kind, conventionOf()(hit.kind)) } },
        })
      }
      return findings
    }
  },
}

/** The text of a hit without the emphasis markers inside it (`640381**19920101**0841` is masked as the number it renders). */
function withoutMarkers(text: string, hit: IdentifierHit): string {
  if (!hit.markers) return text.slice(hit.start, hit.end)
  let out = ''
  let at = hit.start
  for (const m of hit.markers) {
    out += text.slice(at, m.start)
    at = m.end
  }
  return out + text.slice(at, hit.end)
}

/**
 * A phone number whose last digits are all masked (`0593-28XXXXX`, `电话：0513-86××××××`) is a
 * draft's number left to fill in: a masked phone keeps its last digits (`139****0021`), as the
 * convention of §4 keeps them, so this one shows no policy of masking phones.
 */
function isPhoneBlank(hit: IdentifierHit): boolean {
  return (hit.kind === 'landline' || hit.kind === 'mobile') && hit.mask !== undefined && hit.mask.tail === 0
}

/**
 * A credit code that registration authority 1 (机构编制) gives: an organ of the state, a 事业单位 or
 * a 群团 organisation (`11…` the issuing bureau in a penalty's 公示, `12…` the 执法大队). Its name
 * and code are published by law; it names no one, unless the document hides its own unit
 * (`***市统计局`), whose code gives it away. Those of authority 5 (民政: 社会团体, 民办非企业单位,
 * 基金会) are a party's as a company's are, and follow the document's policy for organisations.
 */
function isPublicBodysCode(doc: Document, at: number): boolean {
  return (doc.text.charAt(at) === '1' || doc.text.charAt(at) === '\uFF11') && !documentPolicy(doc).masksOwnUnit
}

/**
 * A credit code of type 92 (registered by the market regulator for an 个体工商户), or an old
 * registration number of one (its seventh digit 6–9), names a person's own business: in a
 * document that masks persons, it gives the masked owner away however freely the document
 * names companies.
 */
function isMaskedOwnersBusiness(doc: Document, hit: IdentifierHit): boolean {
  const isSoleTraders = hit.kind === 'credit' ? doc.text.startsWith('92', hit.start) : isSoleTradersRegistration(doc.text.slice(hit.start, hit.end))
  return isSoleTraders && documentPolicy(doc).masksPersons
}

/** Where a field's line starts, when only its label stands before `at` (`统一社会信用代码：`); else `at`. */
function lineStartOf(text: string, at: number): number {
  const start = text.lastIndexOf('\n', at - 1) + 1
  return /^[ \t\u3000]*[\u4e00-\u9fff]{0,10}[：:]?[ \t\u3000]*$/.test(text.slice(start, at)) ? start : at
}

/** What ends the sentence a nickname's label stands in, and how far back its bearer is looked for. */
const sentenceBreakRe = /[。！？；\n]/
const bearerReach = 60
/** A name in clear right before a bracket, a comma or 的 (`被告人马志刚（绰号“马三”）`): the bearer named on purpose. */
const clearNameBeforeRe = /[\u4e00-\u9fff]{2,3}(?=[（(，,的])/g
/** A pronoun, then the label: `其网名为“`, `他的微信昵称“`. */
const pronounBeforeRe = /[其他她]的?[^，。；\n]{0,8}$/

/**
 * A nickname or online name belongs to a person the document masks: it masks persons, a
 * person's pseudonym stands before the label in its sentence (or within {@link bearerReach}
 * for `其网名`), and no name in clear stands between them (the nickname of a defendant named
 * on purpose names no one hidden).
 */
function isMaskedPersonsAlias(doc: Document, at: number): boolean {
  if (!documentPolicy(doc).masksPersons) return false
  const text = doc.text
  let from = at
  while (from > 0 && at - from < bearerReach && !sentenceBreakRe.test(text[from - 1]!)) from--
  // `其网名`, `他的绰号`: the bearer is the last sentence's subject.
  if (pronounBeforeRe.test(text.slice(Math.max(0, at - 12), at))) from = Math.max(0, at - bearerReach)
  const persons = findPseudonyms(doc).filter((p) => p.kind === 'person')
  const bearer = persons.filter((p) => p.start >= from && p.end <= at).at(-1)
  const bearerEnd = bearer?.end ?? maskedRoleBefore(text, from, at, persons) ?? addresseeBefore(text, from, at)
  if (bearerEnd === undefined) return false
  const gap = text.slice(bearerEnd, at)
  clearNameBeforeRe.lastIndex = 0
  for (let m = clearNameBeforeRe.exec(gap); m; m = clearNameBeforeRe.exec(gap)) if (surnameLength(m[0]) > 0) return false
  return true
}

/**
 * A decision or a reply addresses its masked party as 你 or 您 (`经查，你（网名“…”）作为网络主播`,
 * `你在抖音以昵称“…”`): where the last such word in [from, at) ends, in a document that masks
 * persons, the bearer. Not `你们`, nor `你单位`, `你公司` (a unit).
 */
const addresseeRe = /[你您](?!们|单位|公司|企业|店|厂|局|院|处|所|部|社)/g
function addresseeBefore(text: string, from: number, at: number): number | undefined {
  const last = [...text.slice(from, at).matchAll(addresseeRe)].at(-1)
  return last ? from + last.index + 1 : undefined
}

/** The roles that announce a person (personRoleWords), longest first: 被申请人 is read whole, not as 申请人. */
const partyRoleRe = new RegExp(literalAlternation(personRoleWords), 'g')

/**
 * Where the last party role in [from, at) ends, when the document masks that role, writing a
 * person's pseudonym right after it elsewhere (`被告：赵某某`, then `被告在微信上以昵称“…”`).
 */
function maskedRoleBefore(text: string, from: number, at: number, persons: readonly { readonly start: number }[]): number | undefined {
  const roles = [...text.slice(from, at).matchAll(partyRoleRe)]
  const last = roles.at(-1)
  if (!last) return undefined
  const role = last[0]
  const isMasked = persons.some((p) => {
    const before = text.slice(Math.max(0, p.start - role.length - 2), p.start).replace(/[：:\s\u3000]+$/, '')
    return before.endsWith(role) && !before.slice(0, -role.length).endsWith('被')
  })
  return isMasked ? from + last.index + role.length : undefined
}

/** The word lists of a rule compiled once: the scanner's context, the public labels, the labels of whole masks. */
function compileTables(o: IdentifierOptions) {
  const anyOf = (words: readonly string[]) => new RegExp(literalAlternation(words))
  const context: NumberContext = {
    divisions: new DivisionCodes(getGazetteer),
    today: new Date(),
    cardWordRe: anyOf(o.cardWords),
    otherNumberWordRe: anyOf(o.otherNumberWords),
    identifierWordRe: anyOf([...o.idWords, ...o.cardWords, ...o.creditWords, ...o.phoneWords]),
    phoneWordRe: anyOf(o.phoneWords),
    idWordRe: anyOf(o.idWords),
    creditWordRe: anyOf(o.creditWords),
  }
  // A label, a few characters of its own (`号码`), a colon, then a run of masks as long as the identifier.
  const wholeMasks = [
    ['id', o.idWords, 15],
    ['card', o.cardWords, 16],
    ['mobile', o.phoneWords, 11],
  ] as const
  const fullMaskLabels = wholeMasks.map(([kind, words, length]) => ({ kind, re: new RegExp(`(?:${literalAlternation(words)})[^\\n。；，0-9]{0,6}?[：:]?\\s*([*\\uFF0A\\u00D7xX]{${length},})`, 'g') }))
  const ownLabelEndRe = o.ownLabels.length > 0 ? new RegExp(`(?:${literalAlternation(o.ownLabels)})$`) : undefined
  return { context, publicLabelRe: anyOf(o.publicLabels), contactLabelRe: anyOf([...o.phoneWords, ...o.contactWords, ...o.idWords, ...o.cardWords]), ownLabelEndRe, fullMaskLabels }
}

/**
 * A line that holds only a label before the number (`联系电话：0951-6912345` closing a notice),
 * maybe as an item of a list (`- 联系电话：`, `2.电话：`), maybe after the office's contact
 * (`（联系人：卓玛；联系电话：0891-6123456）`), whose name an office may pad to three characters'
 * width with a space (`联系人：杨　勇`) and follow with its section (`联系人：邓琳（劳动保障监察
 * 大队）`): the issuing office's contact. A party's own number is written inside its description
 * (`王某，男，……，电话0951-6912345`) or among the fields of its header ({@link isPersonsContactLine}).
 * Group 1: the contact's field, when the line names one.
 */
const contactLineRe = /^[\s\u3000]*(?:[-*+•·]\s+|[0-9０-９]{1,2}[.、．]\s*)?[（(]?((?:联系人|经办人|承办人)[：:][\s\u3000]*[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff·、]){1,15}(?:[（(][\u4e00-\u9fff]{2,20}[）)])?[；;，,\s\u3000]*)?[\u4e00-\u9fff]{0,6}(?:电话|邮箱|信箱|方式)[：:]\s*$/

/**
 * True when the number at `at` closes a contact line ({@link contactLineRe}) that is an office's:
 * no masked person stands on it (`联系人：王某某　联系电话：…`), and, when it names no contact, it
 * closes no block of fields headed by a masked person (`信访人：邓某某` / `身份证号码：…` /
 * `联系电话：0731-…`, the petitioner's own).
 */
function isOfficeContactLine(doc: Document, at: number): boolean {
  const text = doc.text
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const m = contactLineRe.exec(text.slice(lineStart, at))
  if (!m) return false
  return !isPersonsContactLine(doc, lineStart, at, m[1] === undefined)
}

/** The issuing body speaking of itself (`可向本院执行局书面申请纠正`, `我局将依法处理`). */
const issuersVoiceRe = /[本我](?:院|局|委|厅|庭|所|处|办|中心|机关|单位)/
/** A person's mask or pseudonym in a sentence: its contact may be that person's. */
const personMaskRe = /某|[*＊×]/

/**
 * A sentence of a label only before the number (`联系电话：`), after a sentence on its line in
 * which the issuing body speaks of itself and names no masked person (`如对以上信息有异议，可向本院
 * 执行局书面申请纠正。联系电话：0953-…`): the office's contact, as on a line of its own.
 */
function isIssuersContactSentence(lineBefore: string): boolean {
  const ends = [...lineBefore.matchAll(/[。！？]/g)]
  const last = ends.at(-1)
  if (!last || !contactLineRe.test(lineBefore.slice(last.index + 1))) return false
  const previousEnd = ends.length > 1 ? ends[ends.length - 2]!.index + 1 : 0
  const previous = lineBefore.slice(previousEnd, last.index)
  return issuersVoiceRe.test(previous) && !personMaskRe.test(previous)
}

/** Phone numbers and addresses an office publishes for the public (`举报电话：`, `…@xx.gov.cn`). */
function isPublic(doc: Document, hit: IdentifierHit, labels: { readonly publicLabelRe: RegExp; readonly contactLabelRe: RegExp; readonly ownLabelEndRe: RegExp | undefined }, publicDomains: readonly string[]): boolean {
  if (hit.kind !== 'mobile' && hit.kind !== 'landline' && hit.kind !== 'email') return false
  const text = doc.text
  if (hit.kind === 'email') {
    const domain = text.slice(text.indexOf('@', hit.start) + 1, hit.end).toLowerCase()
    if (publicDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) return true
  }
  // A mobile number is a person's even on a contact line; an office's landline or mailbox is not.
  const lineBefore = text.slice(text.lastIndexOf('\n', hit.start - 1) + 1, hit.start)
  if (hit.kind !== 'mobile' && (isOfficeContactLine(doc, hit.start) || isIssuersContactSentence(lineBefore) || isOfficeContactAt(doc, hit.start))) return true
  // A bankruptcy's administrator publishes its lawyers' numbers, mobiles too, for every creditor.
  if (hit.kind !== 'email' && isAdministratorsContactAt(doc, hit.start)) return true
  // A public label governs its own value and a list after it, not a value a nearer label names
  // (`办公电话0951-6078123，手机139…，个人邮箱…`: the mobile and the mailbox are the person's).
  const label = labelBefore(text, hit.start, false)
  const rest = afterLastWord(label, labels.publicLabelRe)
  if (rest === undefined || labels.contactLabelRe.test(rest)) return false
  // A masked party's own office phone is his (`法定代表人：孙某某，该公司执行董事，办公电话…`).
  const labelEnd = hit.start - rest.length
  return !(labels.ownLabelEndRe?.test(label.slice(0, label.length - rest.length)) && isMaskedPersonsLabelAt(doc, labelEnd))
}

/** What each class is called in messages. */
const classNames: Readonly<Record<IdentifierClass, LocalText>> = {
  id: localText('leak.identifier.class.id'),
  credit: localText('leak.identifier.class.credit'),
  card: localText('leak.identifier.class.card'),
  mobile: localText('leak.identifier.class.mobile'),
  landline: localText('leak.identifier.class.landline'),
  plate: localText('leak.identifier.class.plate'),
  email: localText('leak.identifier.class.email'),
  qq: localText('leak.identifier.class.qq'),
  medical: localText('leak.identifier.class.medical'),
  wechat: localText('leak.identifier.class.wechat'),
  property: localText('leak.identifier.class.property'),
  social: localText('leak.identifier.class.social'),
  alias: localText('leak.identifier.class.alias'),
  record: localText('leak.identifier.class.record'),
  ip: localText('leak.identifier.class.ip'),
  device: localText('leak.identifier.class.device'),
  class: localText('leak.identifier.class.class'),
  parcel: localText('leak.identifier.class.parcel'),
  vehicle: localText('leak.identifier.class.vehicle'),
  account: localText('leak.identifier.class.account'),
  registration: localText('leak.identifier.class.registration'),
  handle: localText('leak.identifier.class.handle'),
}

/** What a masked identifier still shows: digits between masks first, else its ends. */
function describeLeft({ head, tail, middle }: MaskShape): LocalText {
  if (middle > 0) return localText('leak.identifier.left.middle', { middle })
  if (head > 0 && tail > 0) return localText('leak.identifier.left.ends', { head, tail })
  return head > 0 ? localText('leak.identifier.left.head', { head }) : localText('leak.identifier.left.tail', { tail })
}
