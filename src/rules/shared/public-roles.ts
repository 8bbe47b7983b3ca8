// What an anonymized publication names on purpose (法释〔2016〕19号 and the habits of discipline
// bodies): courts, procuratorates, police and other agencies with the province or city in their
// name, judges, clerks and lawyers with their firms. None of it is a leak.
import type { Document } from '../../core/document.js'
import { isHan, linesUp, maskCharSource } from './chars.js'
import { personTitles } from '../../nlp/person-names.js'
import { isOfficeContactAt } from './office-contacts.js'
import { transliteratedNameSource } from './transliterated-names.js'
import { literalsIn } from './trigger-scan.js'

/**
 * How public a body is: judicial bodies and institutions of higher education always, agencies
 * unless the document masks its own unit.
 */
export type PublicBodyKind = 'judicial' | 'institution' | 'agency'

/** Words that end the name of a judicial body, a law firm or a body of the justice system. */
const judicialSuffixes = [
  '高级人民法院', '中级人民法院', '人民法院', '人民法庭', '法院', '法庭', '人民检察院', '检察院', '公安局', '公安分局', '分局', '派出所',
  '律师事务所', '法律服务所', '拘留所', '法律援助中心', '公证处', '司法局', '司法所', '仲裁委员会', '看守所', '监狱', '戒毒所', '司法鉴定中心',
  '司法鉴定所', '交警大队', '交通警察大队', '交警支队', '公安交通管理局',
]
/**
 * Words that end the name of an agency (市场监督管理局, 人民政府, 纪律检查委员会), a street's office
 * (`兴关路街道` + `办事处`) and the public health centres a town or a street runs
 * (`关上街道` + `社区卫生服务中心`, `杨和镇` + `卫生院`), which release lists name as employers.
 */
const agencySuffixes = ['人民政府', '政府', '纪律检查委员会', '监察委员会', '纪委监委', '纪委', '监委', '委员会', '管理局', '局', '厅', '委', '办公室', '办事处', '卫生服务中心', '中心卫生院', '卫生院']

const judicialRe = new RegExp(`^[\\u4e00-\\u9fff]{0,8}?(?:${judicialSuffixes.sort((a, b) => b.length - a.length).join('|')})`)
/**
 * A university or college with the place in its name (`云南` + `民族大学`, `云南` + `财经大学`):
 * the name of a public institution, not a place; not a road or a district named after one (`学院路`, `大学城`).
 */
const institutionRe = /^[\u4e00-\u9fff]{0,6}?(?:大学|学院)(?![路街道巷里城])/
/**
 * An agency whose name joins two fields with 和 (`人力资源和社会保障局`, `住房和城乡建设局`,
 * `发展和改革委员会`) is longer than the words before a suffix {@link agencySuffixes} allows.
 */
const agencyRe = new RegExp(`^(?:[\\u4e00-\\u9fff]{0,6}?(?:${agencySuffixes.sort((a, b) => b.length - a.length).join('|')})|[\\u4e00-\\u9fff]{2,4}和[\\u4e00-\\u9fff]{2,4}?(?:局|厅|委员会))`)
/** Characters that cannot stand inside a body's name between the place and the suffix: particles, prepositions, verbs of motion. */
const notInNameRe = /[的及在到对向从把被将是了并或等去来赴往至给]/

/**
 * The public body whose name the words at `end` complete (`宁夏回族自治区银川市` + `中级人民法院`,
 * `宁夏` + `正和律师事务所`, `云南` + `师范大学`, `永宁县` + `市场监督管理局`), or undefined.
 */
export function publicBodyAfter(text: string, end: number): PublicBodyKind | undefined {
  return publicBodyAt(text, end)?.kind
}

/** The public body whose name the words at `end` complete, as {@link publicBodyAfter} finds it, and where its name ends. */
export function publicBodyAt(text: string, end: number): { readonly kind: PublicBodyKind; readonly end: number } | undefined {
  const ahead = text.slice(end, end + 16)
  for (const [re, kind] of [[judicialRe, 'judicial'], [institutionRe, 'institution'], [agencyRe, 'agency']] as const) {
    const m = re.exec(ahead)
    if (m && !notInNameRe.test(m[0])) return { kind, end: end + m[0].length }
  }
  return undefined
}

/** A whole name ending in a body's suffix, for each kind, after any Han place (`宁夏回族自治区银川市中级人民法院`). */
const wholeBodyRes: readonly (readonly [RegExp, PublicBodyKind])[] = [
  [new RegExp(`^[\\u4e00-\\u9fff]*(?:${judicialSuffixes.join('|')})$`), 'judicial'],
  [/^[\u4e00-\u9fff]*(?:大学|学院)$/, 'institution'],
  [new RegExp(`^[\\u4e00-\\u9fff]*(?:${agencySuffixes.join('|')})$`), 'agency'],
]

/**
 * The kind of public body `name` is the whole name of (`北京市海淀区人民法院`, `张掖市统计局`),
 * or undefined (`宁夏恒达科技有限公司`, a person's name): a document property holding it names the
 * issuer, not a party.
 */
export function publicBodyNamed(name: string): PublicBodyKind | undefined {
  if (name.length < 3 || notInNameRe.test(name)) return undefined
  const kind = wholeBodyRes.find(([re]) => re.test(name))?.[1]
  // A bare organ word of one character (局, 厅, 委) ends a person's name as well (王建委): only after a place or a field.
  return kind === 'agency' && name.length < 4 && /[局厅委]$/.test(name) ? undefined : kind
}

/** Roles whose holders a judgment or a published page names on purpose, before the name (`审判长 陈立新`, `书记员：杨帆`, `责任编辑：王丽`). */
const courtRoles = [
  '审判长', '代理审判员', '审判员', '人民陪审员', '陪审员', '书记员', '法官助理', '执行员', '检察员', '检察官助理', '检察官', '公诉人', '速录员', '法警', '法官', '执法人员',
  '承办人', '办案民警', '办案人员', '民警', '首席仲裁员', '仲裁员', '人民调解员', '调解员',
].sort((a, b) => b.length - a.length)
/**
 * A page's byline: who edited, reported or photographed it (`责任编辑：王丽`) is named on purpose.
 * Read in a pass of its own, only in a text that holds one of the words: in the court roles'
 * regex their first characters slowed its scan of every text.
 */
const bylineRoles = ['责任编辑', '值班编辑', '编辑', '记者', '通讯员', '摄影', '校对', '审校', '终审', '监制']
/** A role as signatures write it, with spaces between its characters (`审　判　长`). */
function spaced(role: string): string {
  return [...role].join('[ \\u3000]*')
}

/** Representatives who are public when the clause says they are lawyers (`辩护人刘文华，宁夏正和律师事务所律师`). */
const representativeRoles = ['辩护人', '委托诉讼代理人', '诉讼代理人', '委托代理人', '代理人']
/** A name after a role: a transliterated one (古丽娜尔·阿不都拉) whole, else two to four Han characters. */
const roleName = `(?:${transliteratedNameSource}|[\\u4e00-\\u9fff]{2,4})`
const courtRoleRe = new RegExp(`(?:${courtRoles.map(spaced).join('|')})[ \\t\\u3000：:]*(${roleName}(?:、${roleName})*)`, 'g')
const bylineRe = new RegExp(`(?:${bylineRoles.join('|')})[ \\t\\u3000：:]*(${roleName}(?:、${roleName})*)`, 'y')
/** Where the byline's and an office contact's words stand, listed by the shared pass: most texts hold none. */
const bylineRolesIn = literalsIn(bylineRoles, { keep: true })
const representativeRe = new RegExp(`(?:${representativeRoles.join('|')})[\\s：:]*(${roleName})([^。；\\n]{0,30})`, 'g')
/** `律师张三`, `张三律师`, `律师事务所律师张三`. */
const lawyerBeforeRe = /律师[\s：:]*([\u4e00-\u9fff]{2,3})/g
const lawyerAfterRe = /([\u4e00-\u9fff]{2,3})律师(?!事务所)/y
const lawyerClauseRe = /律师|法律服务所|法律援助|法律工作者/
/** An agent's clause saying he works for the party he represents (`该公司人力资源部经理`, `该院医务科科长`, `系公司员工`). */
const staffClauseRe = /^[，,]\s*(?:系|是)?(?:该|本|其)(?:公司|单位|企业|院|医院|厂|集团|中心|行|社)|^[，,]\s*(?:系|是)?(?:公司|单位)(?:员工|职工|工作人员)/
/**
 * An office's contact at a line's start or in brackets, beside its phone or e-mail
 * (`经办人：张文斌　联系电话：0371-…`, `（联系人：何志伟　联系电话：…）`, `联系人：罗晓明` between
 * 监督电话 and 电子邮箱): an official acting in the public role the notice gives them.
 */
const officeContactRe = /(?:经办人|联系人|承办人|咨询人)[ \t\u3000]*[：:][ \t\u3000]*(?:[\u4e00-\u9fff]{2,24}?(?:室|办|科|股|处|中心|办公室)[ \t\u3000]+)?([\u4e00-\u9fff]{2,3}?)(?:老师|同志|女士|先生)?(?![\u4e00-\u9fff])/y
const officeContactNearRe = /电话|邮箱|传真|手机|[0-9]{3,4}-[0-9]{7,8}/
const officeContactLabelsIn = literalsIn(['经办人', '联系人', '承办人', '咨询人'], { keep: true })

/** True when only spaces, maybe an item's number (`6.`), stand between `at` and its line's start, an opening bracket, or a field before it. */
function isLineOrBracketStart(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x3000)) i--
  const item = /(?:^|[\n\r])[ \t\u3000]*[0-9０-９]{1,2}[.．、]$/.exec(text.slice(Math.max(0, i - 8), i + 1))
  if (item) return true
  // Or after another field of the contact line, spaces apart (`监督电话：020-81398765（立案庭）　联系人：`).
  return i < 0 || /[\n\r（(]/.test(text.charAt(i)) || (i < at - 1 && /[0-9）)]/.test(text.charAt(i)))
}
/** How far around an office's contact its phone or e-mail is looked for. */
const officeContactReach = 40

/** A line that names a unit, as a notice is signed: it ends in an organ's or a body's word, maybe with its seal noted (`（印章）`). */
const signatureUnitRe = /^[ \t\u3000]*([^\s，。；：:（(]{2,30}(?:局|厅|委员会|联合会|政府|法院|检察院|办公室|中心|公司|委|办|院|所|站|队|部|会))[ \t\u3000]*(?:[（(](?:印章|盖章|公章|章)[）)])?[ \t\u3000]*$/
/** Masks and pseudonyms in a unit's name: 某, symbols. */
const maskedUnitRe = /[某*＊×xXｘＸ○〇□]/
/** How many lines from the end a notice's signature is looked for in, within how many code units. */
const signatureLines = 8
const signatureTail = 800

/**
 * True when the document is signed by a unit named in clear (`郑州市金水区住房和城乡建设局`): its
 * contacts then act for it in public. A signature masked (`某镇人民政府`) hides the unit, and
 * its contact would name it.
 */
function isIssuerNamed(text: string): boolean {
  const lines = text.slice(-signatureTail).trimEnd().split(/\r\n|\r|\n/).slice(-signatureLines)
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = signatureUnitRe.exec(lines[i]!)
    if (m) return !maskedUnitRe.test(m[1]!)
  }
  // Appendices and a 送达回证 may follow the signature: the last unit's line dated on the next lines signs it.
  const all = text.split(/\r\n|\r|\n/)
  for (let i = all.length - 2; i >= 0; i--) {
    const m = signatureUnitRe.exec(all[i]!)
    if (m && all.slice(i + 1, i + 3).some((line) => signatureDateRe.test(line))) return !maskedUnitRe.test(m[1]!)
  }
  return false
}

/** A signature's date alone on its line (`2024年6月3日`, `二〇二四年六月三日`). */
const signatureDateRe = /^[ \t\u3000]*(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日[ \t\u3000]*$/

/** Who heads a company or a body a case names as a party (`法定代表人：刘建国，董事长`). */
const headOfPartyRe = new RegExp(`(?:法定代表人|主要负责人|负责人)[ \\t\\u3000：:]*(${roleName})(?=[，,。；（(\\s])`, 'g')
/**
 * The label of a party, as a judgment, an agreement or the form of a penalty or a credit list
 * writes it: a case's roles and an agreement's sides, and the form's fields for whom it
 * punishes or lists (`当事人名称`, `行政相对人名称`, `违法企业名称`, `被处罚单位`, `纳税人名称`,
 * `被执行人姓名/名称`). A company after one is the party, named on purpose.
 */
export const partyLabelSource = '(?:原告|被告单位|被告|第三人|被上诉人|上诉人|被申请人|申请人|失信被执行人|被执行人|申请执行人|当事人|债务人|甲方|乙方|丙方|医方|患方|行政相对人|违法(?:企业|主体|单位)|被处罚(?:单位|企业|人)|纳税人)(?:名称|姓名[/／或]名称|名称[/／或]姓名)?'
/** A table's column of parties: its header holds a party's label (`被执行人姓名/名称`, `行政相对人名称`). */
const partyColumnRe = new RegExp(partyLabelSource)

/** True when a table's column header names its column's cells as parties (`被执行人`, `行政相对人名称`): a company listed there is named on purpose. */
export function isPartyColumn(header: string | undefined): boolean {
  return header !== undefined && partyColumnRe.test(header)
}

/** What ends the name of a body a party's line names. */
const namedBodyEndSource = '(?:公司|集团|合作社|医院|学校|银行|支行|分行|中心|厂|店|局|委员会|政府|研究所|研究院|协会|事务所)'
/** A party's label and the organisation it names (`被申请人：深圳市星河智联科技有限公司，`, `当事人安徽华筑…有限公司（`): the name is group 1. */
const partyOrganizationSource = `${partyLabelSource}(?:[（(][\\u4e00-\\u9fff]{1,4}[）)])?[ \\t\\u3000]*[：:]?[ \\t\\u3000]*([^\\s，,。；：:（(]{4,40}?${namedBodyEndSource})(?=[，,。；（(\\s]|$)`
/** A party's line naming an organisation (`被申请人：深圳市星河智联科技有限公司，住所地…`, `当事人名称：苏州…有限公司`). */
const namedPartyLineRe = new RegExp(`^[ \\t\\u3000]*${partyOrganizationSource}`)
/**
 * A line addressed to an organisation named in clear, maybe with its number in brackets, or the
 * code at `at` standing in that bracket (`深圳市鹏程宏达贸易有限公司（纳税人识别号：…）：`): a
 * decision or a notice written to its party.
 */
const addresseeLineRe = new RegExp(`^[ \\t\\u3000]*([^\\s，,。；：:（(]{4,40}?${namedBodyEndSource})(?:[（(][^（()）\\n]{0,60}(?:[）)][：:][ \\t\\u3000]*$|[：:][ \\t\\u3000]*$)|[：:][ \\t\\u3000]*$)`)
/** A line or a sentence opening with a party's label and an organisation in clear (`当事人安徽华筑建设工程有限公司（…）在…`). */
const partyOrganizationOpensRe = new RegExp(`(?:^|[\\n。])[ \\t\\u3000]*${partyOrganizationSource}`, 'g')

/** A short name defined in brackets right after a name (`（以下简称蓉兴公司）`, `（下称“甬兴公司”）`). */
export const definedAliasRe = /^[（(](?:以下简称|以下称|下称|简称)[：:]?[“"「]?([\u4e00-\u9fff]{2,20}?)[”"」]?[）)，,]/

/**
 * The organisations `doc` names in clear as its parties at a line's or a sentence's start
 * (`上诉人（原审原告）：成都蓉兴餐饮管理有限公司，`), read without the tagger, which may cut such a
 * name (蓉/j 兴/v), and the short names defined right after them (`（以下简称蓉兴公司）`): named on
 * purpose wherever the document writes them.
 */
export function partyOrganizationNames(doc: Document): ReadonlySet<string> {
  return doc.derive('publicRoles:partyOrganizationNames', () => {
    const names = new Set<string>()
    for (const m of doc.text.matchAll(partyOrganizationOpensRe)) {
      if (maskedUnitRe.test(m[1]!) || /^[A-Z甲乙丙丁]/.test(m[1]!)) continue
      names.add(m[1]!)
      const end = m.index + m[0].length
      const alias = definedAliasRe.exec(doc.text.slice(end, end + 26))
      if (alias) names.add(alias[1]!)
    }
    return names
  })
}

/**
 * True when `doc` names its party, an organisation, in clear after a party's label, at a line's
 * or a sentence's start (`当事人名称：苏州…有限公司`, `当事人安徽华筑…有限公司（…）在…施工`): a
 * penalty decision or a list against a company, whose places are where the company acts.
 */
export function namesPartyOrganization(doc: Document): boolean {
  return doc.derive('publicRoles:namesPartyOrganization', () => {
    for (const m of doc.text.matchAll(partyOrganizationOpensRe)) if (isUnitInClear(m[1]!)) return true
    return false
  })
}

/** True when a unit's name a party's line gives is written in clear: no mask (`某公司`, `**公司`), no letter code (`A公司`, `甲公司`). */
function isUnitInClear(name: string): boolean {
  return !maskedUnitRe.test(name) && !/^[A-Z甲乙丙丁]/.test(name)
}

/** A field line of a party's header block: a short label and its colon. */
const headerFieldRe = /^[ \t\u3000]*[\u4e00-\u9fff（）()]{2,14}[：:]/
/** How far back a party's line is looked for before its head's line. */
const partyLineReach = 300
/**
 * How many lines back: the party's line and the field lines of its header block between
 * (`统一社会信用代码：…`, `组织机构代码：…`, `法定代表人：…`, then `地址：…`).
 */
const headerLines = 6

/**
 * True when the lines right before `at` name a party organisation in clear: its head then acts
 * for it in public, as the judgment names the company itself. A masked company (`某公司`,
 * `A公司`) hides its head too.
 */
export function isNamedPartyBefore(text: string, at: number): boolean {
  const floor = Math.max(0, at - partyLineReach)
  let end = at
  while (end > floor && /[\s\u3000]/.test(text.charAt(end - 1))) end--
  for (const { start, end: lineEnd } of linesUp(text, end, headerLines, floor)) {
    const line = text.slice(start, lineEnd)
    const m = namedPartyLineRe.exec(line) ?? addresseeLineRe.exec(line)
    if (m) return isUnitInClear(m[1]!)
    // Only the party's header block: field lines (`主体类型：…`, `统一社会信用代码：…`) between.
    if (!headerFieldRe.test(line)) return false
  }
  return false
}

/** Where the line of a head's label starts, when only spaces and a few words of the label stand before `at`; else `at`. */
function headLabelLineStart(text: string, at: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  return /^[ \t\u3000]*[\u4e00-\u9fff]{0,8}$/.test(text.slice(lineStart, at)) ? lineStart : at
}

/** Words after a role that are no name (`审判员会议`, `律师事务所`). */
const notNameRe = /^(?:会议|意见|认为|指出|提出|事务|职责|应当|依法|等人|及其|名单|签名|某)/

/** Verbs of a leader speaking or presiding in public, after the name (`程建平指出`, `主持会议`). */
const speechVerbs = ['指出', '强调', '要求', '表示', '讲话', '主持', '出席', '部署']
const speechVerbsIn = literalsIn(speechVerbs, { keep: true })
/** A post: a unit's words and a title (市纪委书记, 市监委主任, 市委常委). */
const postSource = `[\\u4e00-\\u9fff]{0,8}?(?:${[...personTitles.filter((t) => t !== '同志' && t !== '老师' && t !== '教授'), '常委'].join('|')})`
/**
 * Two posts or more joined by 、 and the name after them, ending where a verb of speaking starts
 * (`市委常委、市纪委书记、市监委主任程建平指出`): an official acting in public, as a notice of a
 * discipline body quotes its head. One post alone (`副局长王振华`) may be a case's.
 * Checked against {@link levelPostRe} and {@link maskInPostRe}.
 */
const postRunBeforeRe = new RegExp(`((?:${postSource}、)+${postSource})([\\u4e00-\\u9fff]{2,3})$`)
/** The most characters a run of posts and the name are read back from the verb. */
const postRunReach = 40
/**
 * The first post named by its level alone (市委常委, 省纪委书记, 县长): the issuer's own leadership,
 * whose place the notice names in its heading; a post of a unit's own words (党组书记、局长) may
 * be of the unit a document hides.
 */
const levelPostRe = /^(?:中共)?([省市县区州盟旗])/

/**
 * True when the document masks a unit of that level (`××县`, `***市统计局`): its posts of that
 * level (县委常委) are of the unit it hides; a notice that masks counties names its city's leaders.
 */
function isLevelMasked(text: string, level: string): boolean {
  return new RegExp(`[某*＊×xXｘＸ○〇□]${level}`).test(text)
}
/** A mask in the posts' clause: the document hides that unit, and so its official. */
const maskInPostRe = new RegExp(`某|${maskCharSource}`)

/** Names of people a document names on purpose in a public role: judges, clerks, prosecutors, lawyers. */
export function findPublicRoleNames(doc: Document): ReadonlySet<string> {
  return doc.derive('publicRoleNames', () => scanPublicRoleNames(doc))
}

function scanPublicRoleNames(doc: Document): Set<string> {
  const text = doc.text
  const names = new Set<string>()
  const add = (name: string) => {
    const clean = name.replace(/\s+/g, '')
    // A transliterated name (努尔艾力·阿不都) is kept whole; a Han one of more than three
    // characters ran into the next word, unless a compound surname starts it.
    if (clean.length >= 2 && !notNameRe.test(clean) && !clean.includes('某')) names.add(clean.length > 3 && !clean.includes('·') && !/^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木)/.test(clean) ? clean.slice(0, 3) : clean)
  }
  for (const m of text.matchAll(courtRoleRe)) for (const name of m[1]!.split('、')) add(name)
  for (const hit of bylineRolesIn(doc)) {
    bylineRe.lastIndex = hit.begin
    const m = bylineRe.exec(text)
    if (m) for (const name of m[1]!.split('、')) add(name)
  }
  for (const m of text.matchAll(representativeRe)) {
    if (lawyerClauseRe.test(m[2]!) || lawyerClauseRe.test(m[1]!)) add(m[1]!.replace(/律师.*$/, ''))
    // A named company's own staff as its agent (`委托代理人：李文斌，该公司人力资源部经理`) acts
    // for it in public, as its head does.
    else if (staffClauseRe.test(m[2]!) && isNamedPartyBefore(text, headLabelLineStart(text, m.index))) add(m[1]!)
  }
  for (const m of text.matchAll(lawyerBeforeRe)) if (!/^事务/.test(m[1]!)) add(m[1]!)
  // The head's label may name his part in the case (`出庭应诉负责人：`, `行政机关负责人：`): the
  // party's block is read from the label's line.
  for (const m of text.matchAll(headOfPartyRe)) if (isNamedPartyBefore(text, headLabelLineStart(text, m.index))) add(m[1]!)
  for (const hit of speechVerbsIn(doc)) {
    // The posts' clause, from its start: a unit masked before the first post (`***市统计局党组书记、局长`) is the posts' too.
    const clause = text.slice(Math.max(0, hit.begin - postRunReach), hit.begin).replace(/^.*[。！？；，,：:\n]/s, '')
    const m = postRunBeforeRe.exec(clause)
    const level = m && levelPostRe.exec(m[1]!)?.[1]
    if (m && level && !maskInPostRe.test(clause.slice(0, m.index + m[1]!.length)) && !isLevelMasked(text, level)) add(m[2]!)
  }
  let issuerNamed: boolean | undefined
  for (const hit of officeContactLabelsIn(doc)) {
    officeContactRe.lastIndex = hit.begin
    const m = officeContactRe.exec(text)
    if (!m) continue
    const nameStart = m.index + m[0].lastIndexOf(m[1]!)
    // The field's own clause names the office (`民政办（经办人：…`, `…办公室：…，联系人：…`), or the notice's signature does.
    const isOfficesField = isOfficeContactAt(doc, nameStart)
    if (!isLineOrBracketStart(text, hit.begin) && !(isOfficesField && /[，,；;]/.test(text.charAt(hit.begin - 1)))) continue
    if (!officeContactNearRe.test(text.slice(Math.max(0, m.index - officeContactReach), m.index + m[0].length + officeContactReach))) continue
    if (isOfficesField || (issuerNamed ??= isIssuerNamed(text))) add(m[1]!)
  }
  for (const m of lawyerNamesBefore(text)) {
    const before = text.charCodeAt(m.index - 1)
    // `所律师` of 律师事务所律师 is no name; a name stands after punctuation or a role word.
    if (!/事务所$|服务所$/.test(text.slice(Math.max(0, m.index - 3), m.index + m[1]!.length)) && (!isHan(before) || /[，、：]/.test(text.charAt(m.index - 1)))) add(m[1]!)
  }
  return names
}

/**
 * The matches of {@link lawyerAfterRe} in `text`, as a global search finds them, tried only two
 * and three characters before each 律师: a search from every position (a class first) was the
 * costliest pass of the leak rules' own code.
 */
function lawyerNamesBefore(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  let searchedTo = 0
  for (let at = text.indexOf('律师'); at >= 0; at = text.indexOf('律师', at + 2)) {
    for (let start = Math.max(searchedTo, at - 3); start <= at - 2; start++) {
      lawyerAfterRe.lastIndex = start
      const m = lawyerAfterRe.exec(text)
      if (!m) continue
      found.push(m)
      searchedTo = start + m[0].length
      break
    }
  }
  return found
}

/** True when `name` (or a longer token holding it) is one of the public role names. */
export function isPublicRoleName(name: string, publicNames: ReadonlySet<string>): boolean {
  // A transliterated name read from inside (艾力·阿不都 of 努尔艾力·阿不都) is the public one too.
  for (const p of publicNames) if (name === p || (name.length > 1 && p.startsWith(name)) || name.startsWith(p) || (name.includes('·') && p.endsWith(name))) return true
  return false
}
