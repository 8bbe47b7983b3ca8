// Kind `organization`: an organisation named in clear in a document that masks (然而特集团,
// 中国工商银行石嘴山分行), found by its suffix and the tagger; national bodies are left alone.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { lazy, literalAlternation, text, textList, zod } from './shared/options.js'
import { findOrganizations, type OrganizationMention } from './shared/organizations.js'
import { findPlaces } from './shared/places.js'
import type { Profile, RuleKind } from './types.js'
import { documentPolicy } from './shared/policy.js'
import { findPseudonyms, overlapsPseudonym } from './shared/pseudonyms.js'
import { definedAliasRe, isPartyColumn, partyLabelSource, partyOrganizationNames } from './shared/public-roles.js'
import { columnHeaderAt } from './shared/table-columns.js'
import type { Document } from '../core/document.js'

/** Options of an organization rule. */
export interface OrganizationOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Words that end an organisation's name (公司, 集团, 银行, 医院, 学校, ...). */
  readonly suffixes: readonly string[]
  /**
   * Names starting with these belong to national bodies (中国工商银行, 国家开发银行): not a leak
   * unless a place follows (中国工商银行石嘴山分行).
   */
  readonly nationalPrefixes: readonly string[]
  /** Names never reported. */
  readonly allow: readonly string[]
  /** Phrases in which a suffix is no suffix (`集中学习` holds `中学`): skipped before any tagging. */
  readonly notIn: readonly string[]
  /** Public institutions named on purpose unless the document masks its own unit (`…人民医院`). */
  readonly publicSuffixes: readonly string[]
  /** Words that describe a kind of organisation (智慧, 高水平, 示范): a name of only these before its suffix names none. */
  readonly kindWords: readonly string[]
  /** Words anywhere in a hospital's name that make it public: who runs it (大学, 附属, 解放军). */
  readonly publicHospitalMarks: readonly string[]
  /** Kinds of care that, after a place of county level or above and nothing else, name a public hospital (中心, 肿瘤, 戒毒康复). */
  readonly publicHospitalKinds: readonly string[]
  /** Heads of the names of banks and insurers (银行, 保险): with their branches, third parties a case names on purpose. */
  readonly thirdPartyHeads: readonly string[]
  /** Rooms of a venue right after an institution's name (`第023考场`, `考点`): where something is held, not whom it employs or teaches. */
  readonly venues: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    onlyWhenMasked: onlyWhenMaskedSchema(),
    suffixes: textList(),
    nationalPrefixes: z.array(text()).default([]),
    allow: z.array(text()).default([]),
    notIn: z.array(text()).default([]),
    publicSuffixes: z.array(text()).default([]),
    kindWords: z.array(text()).default([]),
    publicHospitalMarks: z.array(text()).default([]),
    publicHospitalKinds: z.array(text()).default([]),
    thirdPartyHeads: z.array(text()).default([]),
    venues: z.array(text()).default([]),
  })
})

/** The `organization` kind. Message variables: `{text}`. */
export const organizationKind: RuleKind<OrganizationOptions> = {
  name: 'organization',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const { suffixes, nationalPrefixes, onlyWhenMasked } = rule.options
    const allow = new Set(rule.options.allow)
    const pattern = { suffixSource: literalAlternation(suffixes), notIn: rule.options.notIn }
    const tokenizer = getTokenizer(settings.tokenizer)
    const kindWordsRe = rule.options.kindWords.length > 0 ? new RegExp(`^(?:${literalAlternation(rule.options.kindWords)})+$`) : undefined
    /** True when the words before the suffix only say what kind it is (`智慧医院`, `高水平医院`). */
    const isKindOnly = (body: string) => kindWordsRe?.test(body) === true
    const isPublicHospital = publicHospitalTest(rule.options.publicHospitalMarks, rule.options.publicHospitalKinds)
    const isThirdParty = thirdPartyTest(rule.options.thirdPartyHeads)
    const venueAfterRe = rule.options.venues.length > 0 ? new RegExp(`^(?:第?[0-9０-９一二三四五六七八九十百零〇]{1,4})?(?:${literalAlternation(rule.options.venues)})`) : undefined
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked, { needsKnownKind: true, tokenizer })) return []
      // A document that masks persons and names companies names them on purpose.
      // A document that masks persons and names companies names them on purpose, all but where a
      // masked person works or studies (`陈某目前在…物流有限公司仓储部担任叉车司机`): that identifies them.
      const policy = documentPolicy(doc)
      const onlyWorkplaces = policy.isStated && !policy.masksOrganizations && !policy.masksOwnUnit
      if (onlyWorkplaces && !policy.masksPersons) return []
      /** True when the organisation is named on purpose where it stands, by its name and the words around it. */
      const isPublicHere = (org: OrganizationMention, name: string): boolean => {
        if ((onlyWorkplaces || isProcurement) && !isMaskedPersonsPlace(doc, org)) return true
        if (allow.has(name) || isKindOnly(doc.text.slice(org.start, org.suffixStart)) || overlapsPseudonym(doc, org.start, org.end)) return true
        if (!policy.masksOwnUnit && (rule.options.publicSuffixes.some((s) => name.endsWith(s)) || isPublicHospital(name, org.isKnown === true))) return true
        // A bank or an insurer is a third party (asked to freeze, pay, insure), an exam's venue a
        // place (`哈尔滨市第十七中学第023考场`), unless a masked person works or studies there.
        if (!policy.masksOwnUnit && isThirdParty(name) && !isMaskedPersonsPlace(doc, org)) return true
        if (venueAfterRe?.test(doc.text.slice(org.end, org.end + 8)) && !isMaskedPersonsPlace(doc, org)) return true
        const isNational = nationalPrefixes.some((p) => name.startsWith(p))
        return isNational && !findPlaces(doc, tokenizer).some((p) => org.start < p.start && p.end <= org.end)
      }
      const findings: RawFinding[] = []
      const organizations = findOrganizations(doc, tokenizer, pattern)
      // A procurement's notice names its companies on purpose, unless it masks companies (a
      // judgment on rigged bids), or a masked person works at one.
      const isProcurement = !policy.masksOrganizations && isProcurementNotice(doc, organizations)
      const aliases = definedAliases(doc.text, organizations)
      const judged = organizations.map((found) => {
        // The tagger may glue the verb that leads to a name to it (就读于/v 平罗县…), and cut a
        // short name the document defines (`被告人保南宁分公司`: 被告人/保/南宁分公司): read it whole.
        // The noun before it too (原告/n 就读于/n 长沙市…): the name starts after the verb.
        const leadVerb = workVerbLeadRe.exec(doc.text.slice(found.start, found.suffixStart))
        const lead = leadVerb ? leadVerb.index + leadVerb[0].length : 0
        const org = withDefinedAlias(doc.text, lead > 0 ? { ...found, start: found.start + lead } : found, aliases)
        const name = doc.text.slice(org.start, org.end)
        return { org, name, isPublic: isPublicHere(org, name) }
      })
      // Named on purpose wherever they stand: parties and their short names, and the short name
      // defined for any organisation named on purpose (`中国人民财产保险…南宁市分公司（以下简称人保南宁分公司）`),
      // a party's included wherever it is defined (`原告苏州恒锐…有限公司（以下简称恒锐公司）`, after
      // the party's heading `原告：苏州恒锐…有限公司`): a short name is as public as its company.
      const parties = namedParties(doc, organizations)
      const isParty = (name: string) => [...parties].some((p) => name.endsWith(p) || p.endsWith(name) || isShortNameOf(name, p))
      const publicAliases = new Set<string>()
      for (const { org, name, isPublic } of judged) {
        const alias = isPublic || isParty(name) ? aliases.get(org.end) : undefined
        if (alias !== undefined) publicAliases.add(alias)
      }
      for (const { org, name, isPublic } of judged) {
        if (isPublic || publicAliases.has(name) || isParty(name)) continue
        findings.push({
          offset: org.start,
          length: org.end - org.start,
          args: { text: name },
          data: { names: [name], redact: { offset: org.start, length: org.suffixStart - org.start } },
        })
      }
      return findings
    }
  },
}

/** A company's short name: its trade name and 公司 (`蓉兴公司`). */
const shortCompanyNameRe = /^([\u4e00-\u9fff]{2,4})公司$/

/**
 * True when `name` is the short name a judgment writes for the company `party` (`蓉兴公司` for
 * `成都蓉兴餐饮管理有限公司`): its trade name, then 公司, though the document defined none.
 */
function isShortNameOf(name: string, party: string): boolean {
  const trade = shortCompanyNameRe.exec(name)?.[1]
  return trade !== undefined && party.endsWith('公司') && party.length > name.length && party.slice(0, -2).includes(trade)
}

/** The suffixes of a hospital's name. */
const hospitalEndRe = /(?:医院|卫生院)$/
/** A place of county level or above that opens a name (济南市, 宁夏回族自治区银川市, 山东省). */
const countyOrAboveSource = '[\\u4e00-\\u9fff]{1,14}?(?:省|自治区|市|自治州|地区|盟|州|自治县|县|区|旗)'
/** A province's, a city's or a county's own hospital (山东省立医院, 青岛市立医院). */
const ownHospitalRe = /^[\u4e00-\u9fff]{1,12}?[省市县区]立$/

/**
 * A test of a hospital's name for a public one: a mark anywhere before its suffix (山东大学齐鲁医院),
 * or only a place of county level or above, maybe an ordinal (第三), and kinds of care (济南市中心医院);
 * or one the tagger's dictionary knows by its whole name (北京协和医院/nt), as only well-known ones are.
 */
function publicHospitalTest(marks: readonly string[], kinds: readonly string[]): (name: string, isKnown: boolean) => boolean {
  const kindsSource = kinds.length > 0 ? `(?:${literalAlternation(kinds)})*` : ''
  const placeAndKindRe = new RegExp(`^${countyOrAboveSource}(?:第[一二三四五六七八九十百零〇0-9]+)?${kindsSource}$`)
  return (name, isKnown) => {
    const end = hospitalEndRe.exec(name)
    if (!end) return false
    if (isKnown) return true
    const body = name.slice(0, end.index)
    return marks.some((m) => body.includes(m)) || ownHospitalRe.test(body) || placeAndKindRe.test(body)
  }
}

/**
 * A test of a name for a bank's or an insurer's, or a branch of one: the head, maybe a company's
 * form, maybe a place and a branch's word (中国邮政储蓄银行股份有限公司海口市秀英区支行, 海南农村商业
 * 银行股份有限公司). An agent's company (保险代理有限公司) has words between and is none.
 */
function thirdPartyTest(heads: readonly string[]): (name: string) => boolean {
  if (heads.length === 0) return () => false
  const re = new RegExp(`(?:${literalAlternation(heads)})(?:股份有限公司|有限责任公司|有限公司|公司)?(?:[\\u4e00-\\u9fff]{0,16}?(?:分行|支行|营业部|分公司|中心支公司|支公司))?$`)
  return (name) => re.test(name)
}

/** Verbs of working or studying that may open a name the tagger read. */
const workVerbLeadRe = /(?:就读于|就学于|任职于|就职于|工作于|受雇于|供职于)/
const workVerbStartRe = new RegExp(`^${workVerbLeadRe.source}`)

/** What puts a person at an organisation right before its name: 在, 于, 就读于, 系, 工作单位：. */
const placeBeforeRe = /(?:在|于|系|现为|工作单位[：:为]?|单位[：:])[ \t\u3000]*(?:[\u4e00-\u9fff]{1,8}?[省市县区旗州])*$/
/** A verb of working or studying right before the name, which needs nothing after it (`就读于永宁县第二小学`). */
const workBeforeRe = /(?:就读于|就学于|任职于|就职于|工作于|受雇于|供职于)[ \t\u3000]*(?:[\u4e00-\u9fff]{1,8}?[省市县区旗州])*$/
/** What says the person works or studies there, right after the name (or after its department). */
const workAfterRe = /^[\u4e00-\u9fff0-9０-９（）()]{0,10}?(?:工作|任职|就职|就业|上班|务工|打工|担任|职工|员工|教师|医生|护士|学生|就读|读书|上学|实习|[一二三四五六七八九]年级)/
/** Suffixes of schools, whose pupils and teachers are few enough to be found. */
const schoolEndRe = /(?:学校|中学|小学|幼儿园|大学|学院)$/
/** A post or a department, right after a company's name: who in it the person is. */
const postAfterRe = /^[\u4e00-\u9fff]{0,10}?(?:担任|任职为|职务为|[部科处室组间店队][的]?[\u4e00-\u9fff]{0,4}?(?:长|员|工|师|机|理|管))/
/** How far back in its sentence a masked person is looked for. */
const personReach = 80

/**
 * True when `org` is where a masked person of the sentence works or studies (`陈某目前在苏州…有限公司
 * 仓储部担任叉车司机`, `其子…就读于永宁县第二小学`, `陈××…系银川市兴庆区第三中学教师`).
 */
function isMaskedPersonsPlace(doc: Document, org: OrganizationMention): boolean {
  const text = doc.text
  const before = text.slice(Math.max(0, org.start - 20), org.start)
  const after = text.slice(org.end, org.end + 14)
  // A school names the class of a minor or a teacher; a company only with the post or the
  // department (`仓储部担任叉车司机`, `纺丝车间的班组长`): its thousands of staff name no one.
  const isSchool = schoolEndRe.test(text.slice(org.start, org.end))
  if (!(isSchool ? workBeforeRe.test(before) || (placeBeforeRe.test(before) && workAfterRe.test(after)) : (workBeforeRe.test(before) || placeBeforeRe.test(before)) && postAfterRe.test(after))) return false
  const from = Math.max(0, org.start - personReach)
  const sentenceStart = Math.max(from, ...[...'。！？\n'].map((c) => text.lastIndexOf(c, org.start - 1) + 1))
  if (findPseudonyms(doc).some((p) => p.kind === 'person' && p.start >= sentenceStart && p.end <= org.start) || /(?:其|之)(?:子|女|父|母|妻|夫)/.test(text.slice(sentenceStart, org.start))) return true
  // A masked party named by role (`现原告就读于长沙市…学校`, the minor 原告刘某某) is the masked person too.
  const masked = maskedPartyRoles(doc)
  if (masked.size === 0) return false
  partyRoleRe.lastIndex = 0
  for (const m of text.slice(sentenceStart, org.start).matchAll(partyRoleRe)) if (masked.has(m[0])) return true
  return false
}

/** The roles of a case's parties, longest first (被告人 before 被告). */
const partyRoleRe = /被上诉人|上诉人|被申请人|申请人|被告人|被告|原告|被害人|第三人|犯罪嫌疑人|被不起诉人|当事人/g
/** A party's role right before where a pseudonym starts (`原告刘某某`, `被告：张某`). */
const roleBeforeMaskRe = new RegExp(`(?:${partyRoleRe.source})[：:\\s\u3000]*$`)

/** The party roles `doc` writes before a person's pseudonym (`原告刘某某`): the persons it names by them are masked. */
function maskedPartyRoles(doc: Document): Set<string> {
  return doc.derive('organization:maskedPartyRoles', () => {
    const roles = new Set<string>()
    for (const p of findPseudonyms(doc)) {
      if (p.kind !== 'person') continue
      const m = roleBeforeMaskRe.exec(doc.text.slice(Math.max(0, p.start - 8), p.start))
      if (m) roles.add(m[0].replace(/[：:\s\u3000]+$/, ''))
    }
    return roles
  })
}

/**
 * A party's role or label right before a name (`被告：`, `第三人`, `乙方（医方）：`, `债务人`,
 * `当事人名称：`, `行政相对人名称：`): a company a judgment, an award, an agreement or a penalty's
 * form names as a party is named on purpose.
 */
const partyRoleBeforeRe = new RegExp(`${partyLabelSource}(?:[（(][\\u4e00-\\u9fff]{1,4}[）)])?[：:]?\\s*$`)
/**
 * The roles of a public procurement's parties (`招标人`, `招标代理机构`, `中标候选人名称`), before
 * a name, in a label or a sentence (`招标人为…`), or heading a column of names.
 */
const procurementLabelSource = '(?:招标人|采购人|招标代理机构|采购代理机构|代理机构|中标候选人|中标人|成交供应商|成交人|投标人|供应商)(?:名称)?'
const procurementRoleBeforeRe = new RegExp(`${procurementLabelSource}[ \\t\\u3000]*(?:[：:]|为|是)?[ \\t\\u3000]*$`)
const procurementColumnRe = new RegExp(procurementLabelSource)
/** A word every procurement's role holds. */
const procurementWordRe = /招标|采购|投标|中标|成交|供应商|代理机构/
/**
 * True when `doc` is a procurement's notice: it names a party by its procurement role
 * ({@link procurementLabelSource}). A tender notice, a 中标公示 or a 成交公告 names the buyer, its
 * agent and the bidders, the rejected ones too, on purpose: the law has them published.
 */
function isProcurementNotice(doc: Document, organizations: readonly OrganizationMention[]): boolean {
  // Most documents name no procurement's role: their organisations' columns are not read.
  if (organizations.length === 0 || !procurementWordRe.test(doc.text)) return false
  return organizations.some((org) => {
    if (procurementRoleBeforeRe.test(doc.text.slice(Math.max(0, org.start - 16), org.start).replace(labelSpacingRe, ''))) return true
    const header = columnHeaderAt(doc, org.start)
    return header !== undefined && procurementColumnRe.test(header)
  })
}

/** The spaces of a letter-spaced label (`招　标　人：`), between its characters. */
const labelSpacingRe = /(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,8}[：:][ \t\u3000]*$)/g
/** Words before a name that make it the applicant the court acted for (`本院根据宁波甬兴…有限公司（…）的申请`). */
const applicantBeforeRe = /(?:根据|依|经|因)\s*$/
/** After the applicant's name (and its bracket): `的申请`. */
const applicantAfterRe = /^(?:[（(][^）)\n]{0,60}[）)])?的(?:申请|起诉)/
/** A line that is the issuer's signature or heading: the subject company's own body (`宁波甬兴…有限公司管理人`). */
const issuerAfterRe = /^(?:破产管理人|管理人|清算组)[ \t\u3000]*(?:\r?\n|$)/
/** A short name given in brackets right after a name (`（以下简称甬兴公司，…）`, `（西安雁塔康宁医院）`). */
const aliasAfterRe = /^[（(](?:以下简称|以下称|下称|简称)?[：:]?[“"「]?([\u4e00-\u9fff]{2,20}?)[”"」]?[）)，,]/

/**
 * The short names the document defines in brackets right after an organisation's name
 * (`…南宁市分公司（以下简称人保南宁分公司）`), by where that name ends.
 */
function definedAliases(text: string, organizations: readonly OrganizationMention[]): Map<number, string> {
  const aliases = new Map<number, string>()
  for (const org of organizations) {
    const alias = definedAliasRe.exec(text.slice(org.end, org.end + 26))
    if (alias) aliases.set(org.end, alias[1]!)
  }
  return aliases
}

/**
 * The mention read as the short name the document defined, when that name ends where it ends and
 * starts before it (`被告人保南宁分公司`: the tagger's 南宁分公司 is 人保南宁分公司).
 */
function withDefinedAlias(text: string, org: OrganizationMention, aliases: ReadonlyMap<number, string>): OrganizationMention {
  for (const alias of aliases.values()) {
    const start = org.end - alias.length
    if (start >= 0 && start < org.start && text.startsWith(alias, start)) return { ...org, start }
  }
  return org
}

/**
 * A decision's or a notice's salutation after an organisation's name that opens its line,
 * maybe with its number in brackets (`深圳市鹏程宏达贸易有限公司（纳税人识别号：…）：`): it is
 * written to that party.
 */
const addresseeAfterRe = /^(?:[（(][^（()）\n]{0,60}[）)])?[：:][ \t\u3000]*(?:\r?\n|$)/

/**
 * The names of organisations a document names as its parties, public everywhere in it: written
 * right after a party's role or label, as the applicant (`根据…公司的申请`), as the addressee of
 * a decision (`…有限公司：` opening its line), in a list's column of parties (`被执行人` of a
 * 失信 list), or as the issuer of a notice (`…有限公司管理人` on a line of its own), or opening a
 * party's line or sentence ({@link partyOrganizationNames}); and the short names they are given in brackets.
 */
function namedParties(doc: Document, organizations: readonly OrganizationMention[]): Set<string> {
  const text = doc.text
  // Those a party's line or sentence opens with, whole, though the tagger cut them.
  const names = new Set<string>(partyOrganizationNames(doc))
  for (const org of organizations) {
    // A verb the tagger glued to the name (`原告/n 就读于长沙市…学校`): the role is the person's, not the organisation's.
    if (workVerbStartRe.test(text.slice(org.start, org.suffixStart))) continue
    const before = text.slice(Math.max(0, org.start - 16), org.start).replace(labelSpacingRe, '')
    const after = text.slice(org.end, org.end + 80)
    const lineStart = text.lastIndexOf('\n', org.start - 1) + 1
    const opensLine = /^[ \t\u3000]*$/.test(text.slice(lineStart, org.start))
    const isIssuer = opensLine && issuerAfterRe.test(after)
    const isAddressee = opensLine && addresseeAfterRe.test(after)
    if (!partyRoleBeforeRe.test(before) && !(applicantBeforeRe.test(before) && applicantAfterRe.test(after)) && !isIssuer && !isAddressee && !isPartyColumn(columnHeaderAt(doc, org.start))) continue
    names.add(text.slice(org.start, org.end))
    const alias = aliasAfterRe.exec(after)
    if (alias) names.add(alias[1]!)
  }
  return names
}
