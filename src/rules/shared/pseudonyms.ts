// Pseudonyms: the masks courts, discipline bodies and anonymized reports write in place of a
// name (王某, 李某某, 欧阳某, 张××, A公司, B村, Y市, 某某公司, 甲方, 小红（化名）). They are masks,
// never leaks; the document's policy (policy.ts) learns from them what the document hides.
import type { Document } from '../../core/document.js'
import { personTitles, surnameLength } from '../../nlp/person-names.js'
import { isHan, isLineBreak, isWordChar, maskCharSource } from './chars.js'
import { findMaskRuns } from './mask-runs.js'
import { isZoneLabel, mentionsSeating } from './zone-labels.js'

/** What a pseudonym stands for. `party` is 甲方/乙方: a contract's or a case's party, person or company. */
export type PseudonymKind = 'person' | 'organization' | 'place' | 'party'

/**
 * How it is written: `surname` (王某, 张××), `letter` (A公司, 甲村), `bare` (某公司, 某县: no
 * letter, no surname), `alias` (a name followed by （化名）), `party` (甲方).
 */
export type PseudonymForm = 'surname' | 'letter' | 'bare' | 'alias' | 'party'

/** A pseudonym in the text, [start, end) in UTF-16 code units. */
export interface Pseudonym {
  readonly start: number
  readonly end: number
  readonly kind: PseudonymKind
  readonly form: PseudonymForm
  /** The surname of a person pseudonym (王 of 王某某), or the whole name of an alias. */
  readonly name?: string
  /** Administrative level of a place pseudonym: 1 province … 3 county, 4 town, 5 village and below. */
  readonly level?: number
}

/** Suffixes after a letter code or 某 that name an administrative unit, with the unit's level. */
export const placeSuffixLevels: Readonly<Record<string, number>> = {
  自治区: 1, 省: 1, 自治州: 2, 地区: 2, 市: 2, 州: 2, 盟: 2, 自治县: 3, 县: 3, 区: 3, 旗: 3,
  街道: 4, 乡: 4, 镇: 4, 苏木: 4, 社区: 5, 村: 5, 嘎查: 5, 组: 5, 小区: 5, 路: 5, 街: 5,
}

/** The suffixes of one character of {@link placeSuffixLevels} (区, 县, 市, 镇, 村). */
const oneCharPlaceSuffixes = Object.keys(placeSuffixLevels).filter((s) => s.length === 1).join('')
/** A mask right before a place's suffix: 某 or a mask's sign (`××区`, `**县`, `XX市`, `〇〇镇`). */
const maskBeforeSuffixRe = new RegExp(`(?:某|${maskCharSource})$`)

/**
 * True when the character at `at` is the suffix of a masked place (区 of `××区监委`, 县 of
 * `**县纪委`): a surname there (区, 市 are surnames too) starts no person's name, and the words
 * after it are the place's organ (监委, 某局, 编办), not a given name.
 */
export function isSuffixOfMaskedPlace(text: string, at: number): boolean {
  return oneCharPlaceSuffixes.includes(text.charAt(at)) && maskBeforeSuffixRe.test(text.slice(Math.max(0, at - 2), at))
}

/** Suffixes after a letter code or 某 that name an organisation or a place of business. */
export const organizationSuffixes: readonly string[] = [
  '有限公司', '公司', '集团', '银行', '医院', '卫生院', '学校', '中学', '小学', '幼儿园', '合作社', '工厂', '厂',
  '超市', '商场', '酒店', '宾馆', '饭店', '餐厅', 'KTV', '网吧', '店', '单位', '企业', '协会', '中心', '工地', '项目部',
  '局', '委', '办', '厅', '院', '所', '队', '站',
]

/** One-character organ and shop words: after a Chinese ordinal they may start another word (丙所有). */
const organChars = '局委办厅院所队站店厂组区路街'
const suffixAlternation = [...Object.keys(placeSuffixLevels), ...organizationSuffixes].sort((a, b) => b.length - a.length).join('|')
/** The suffixes by their first code unit, longest first as in {@link suffixAlternation}. */
const suffixesByFirst = new Map<number, string[]>()
for (const suffix of suffixAlternation.split('|')) suffixesByFirst.set(suffix.charCodeAt(0), [...(suffixesByFirst.get(suffix.charCodeAt(0)) ?? []), suffix])
/** 1 for the code units a letter code is written with: A–Z, U+FF21–U+FF3A (Ａ–Ｚ), 甲…辛. */
const letterCodeChars = new Uint8Array(0x10000)
for (let c = 0x41; c <= 0x5a; c++) letterCodeChars[c] = 1
for (let c = 0xff21; c <= 0xff3a; c++) letterCodeChars[c] = 1
for (const c of '甲乙丙丁戊己庚辛') letterCodeChars[c.charCodeAt(0)] = 1

/**
 * The suffix starting at `at`, the first of {@link suffixAlternation} that does. A function of
 * its own: a closure over the scan's index would make the loop allocate its scope at every step.
 */
function suffixAt(text: string, at: number): string | undefined {
  const suffixes = suffixesByFirst.get(text.charCodeAt(at))
  if (suffixes) for (const suffix of suffixes) if (text.startsWith(suffix, at)) return suffix
  return undefined
}

/** A letter code (A公司, 甲村) in a text, [start, end) in UTF-16 code units: the letter at `start`, then `suffix`. */
export interface LetterCode {
  readonly start: number
  readonly end: number
  readonly suffix: string
}

/**
 * The letter codes of `text`, one capital letter or 甲…辛 then a suffix, as a global regex of
 * the letter's class then the suffixes' alternation finds them. A table of the letters skips
 * the other code units: the regex's class test cost ~5 ns on each, ~100 ms on the bench corpus.
 */
export function findLetterCodes(text: string): LetterCode[] {
  const codes: LetterCode[] = []
  for (let at = 0; at + 1 < text.length; at++) {
    if (letterCodeChars[text.charCodeAt(at)] !== 1) continue
    const suffix = suffixAt(text, at + 1)
    if (suffix === undefined) continue
    codes.push({ start: at, end: at + 1 + suffix.length, suffix })
    at += suffix.length
  }
  return codes
}
/** 某/某某 then a suffix (某公司, 某某县, 某KTV). */
const bareRe = new RegExp(`某某?(${suffixAlternation})`, 'g')
/**
 * After 某/某某 or a mask: the trade words of a company's name (one to eight characters that are
 * no particle, verb of a clause or title) and the type of company that ends it (某某建材有限公司,
 * 某商贸有限责任公司, ××科技有限公司). `某某同志在公司` has 在 in it: no name. Nor does a verb of
 * going or giving before the place (王某某到公司上班, 张某去店里, 王某某回厂): a name does not start
 * with 到去给找往赴, nor is it one of 来进回出入离返归至 alone (进出口, 回收 start names).
 */
export const tradeNameAfterRe = /^(?![到去给找往赴]|[来进回出入离返归至](?:公司|厂|店))[^\s\p{P}\p{S}\p{N}A-Za-z某的地得之在是和与及等为对从向把被将于了着过也都就又还才而并或同说要以其所这那该本此个各每人年月日]{1,8}?(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|合作社|商行|经营部|门市部|工作室|事务所|加工厂|厂|店)/u
/** 甲方, 乙方, 丙方, 丁方. */
const partyRe = /[甲乙丙丁]方(?![案面向法式位针略言])/g
/** 某 or 某某: after a surname a person's mask (王某某), before a trade name a company's (某某建材有限公司). */
const mouRunRe = /某某?/g
const suffixAfterRe = new RegExp(`^(?:${suffixAlternation})`)
/** A name then （化名）. */
const aliasRe = /[（(]化名[）)]/g

/**
 * Characters after 某 that make `某X` a word of its own (某些, 某种, 某一, 某项, 某地, 某个, 某人, 某时):
 * the character before is then no surname (`对某种`, `由某地`).
 */
const genericAfterMouRe = /^[些种一项地个类方处时次位人样件天年月日段部单届批份条款方面]/
/**
 * Surnames that are also prepositions or conjunctions (由, 于, 向, 和, 与, 将, ...): before 某 they
 * are a pseudonym only where a name is expected (line start, after punctuation or a role word).
 */
const functionSurnameRe = /^[由于向和与将把对从为以因同在给被让经据及跟]$/
/** Surnames that also end place and organ names (西夏区某烧烤店, 某公司某部门): there only where a name is expected. */
const suffixSurnameRe = /^[区路司关门]$/
/** Words that announce a person: the parties, victims and witnesses of a case. */
export const personRoleWords: readonly string[] = [
  '被告人', '原告', '被告', '被害人', '受害人', '证人', '上诉人', '被上诉人', '申请人', '被申请人', '第三人',
  '罪犯', '被执行人', '申请执行人', '当事人', '举报人', '死者', '嫌疑人', '犯罪嫌疑人', '违法行为人', '反映人', '申诉人', '被申诉人',
  '信访人', '来信人', '来访人', '投诉人', '控告人', '检举人', '被举报人', '矫正对象', '被调查人', '被处分人', '救助对象', '申请人员',
  '户主', '经营者',
]
const roleBeforeRe = new RegExp(`(?:${[...personRoleWords].sort((a, b) => b.length - a.length).join('|')})[：:]?$`)

/** True when the text before `at` ends with one of {@link personRoleWords} (`被告人`, `当事人：`): a person a release masks is named there. */
export function isAfterPersonRole(text: string, at: number): boolean {
  return roleBeforeRe.test(text.slice(Math.max(0, at - 8), at))
}

/** True for a surname that is also a preposition or a conjunction (和, 与, 由): before a mask it is rather the word (`支部和×××主任`). */
export function isFunctionSurname(char: string): boolean {
  return functionSurnameRe.test(char)
}

/** The pseudonyms of `doc`, sorted by offset; computed once per document. */
export function findPseudonyms(doc: Document): readonly Pseudonym[] {
  return doc.derive('pseudonyms', () => scanPseudonyms(doc))
}

function scanPseudonyms(doc: Document): Pseudonym[] {
  const text = doc.text
  const found: Pseudonym[] = symbolMaskedPersons(doc)
  let seating: boolean | undefined
  const holdsSeatingPlan = () => (seating ??= mentionsSeating(text))
  for (const { start, end, suffix } of findLetterCodes(text)) {
    if (isWordChar(text.charCodeAt(start - 1)) || isWordChar(text.charCodeAt(end))) continue
    // `A区：省统计局领导` in a seating plan, `文苑楼B区304室`: a venue's zone, no district's code.
    if (suffix === '区' && isZoneLabel(text, start, end, holdsSeatingPlan)) continue
    // `李某丙所有`: 甲, 乙, 丙 after 某 tell persons apart; before a one-character organ word and
    // more text they are ordinals of a phrase, not a code.
    if (isHan(text.charCodeAt(start)) && (text.charAt(start - 1) === '某' || (suffix.length === 1 && organChars.includes(suffix) && isHan(text.charCodeAt(start + 2))))) continue
    found.push(withSuffix(start, end, suffix, 'letter'))
  }
  for (const m of text.matchAll(bareRe)) {
    const before = text.charAt(m.index - 1)
    // `李某所受损伤`: after a surname, 某 is the person's and 所 the next word; so after any
    // name's first character (`岩某所有的`), where 所 starts a word (所有, 所述, 所得).
    if (before === '某' || (m[1]!.length === 1 && surnameLength(before) === 1 && !functionSurnameRe.test(before))) continue
    if (m[1] === '所' && suoWordAfterRe.test(text.charAt(m.index + m[0].length))) continue
    found.push(withSuffix(m.index, m.index + m[0].length, m[1]!, 'bare'))
  }
  for (const m of text.matchAll(partyRe)) found.push({ start: m.index, end: m.index + 2, kind: 'party', form: 'party' })
  for (const m of text.matchAll(mouRunRe)) {
    const end = m.index + m[0].length
    // `宁夏某某科技有限公司`: a company's trade name follows, so 夏 is the place's, not a surname.
    const tradeName = tradeNameAfterRe.exec(text.slice(end, end + 16))
    if (tradeName) {
      if (text.charAt(m.index - 1) !== '某') found.push({ start: m.index, end: end + tradeName[0].length, kind: 'organization', form: 'bare' })
      continue
    }
    const person = personBefore(text, m.index, end)
    if (person) found.push(withOrdinal(text, person))
  }
  withKeptGiven(text, found)
  // A minority or foreign name masked after its first characters (扎西某某, 岩某), known where a
  // role word announced it, is the same person's pseudonym everywhere else.
  const prefixes = new Set(maskedNamePrefixes(found))
  if (prefixes.size > 0) {
    for (const m of text.matchAll(mouRunRe)) {
      const end = m.index + m[0].length
      for (const name of prefixes) {
        if (text.startsWith(name, m.index - name.length) && !genericAfterMouRe.test(text.charAt(end)) && text.charAt(end) !== '某') found.push({ start: m.index - name.length, end, kind: 'person', form: 'surname', name })
      }
    }
  }
  for (const m of text.matchAll(aliasRe)) {
    const name = aliasBefore(text, m.index)
    if (name) found.push({ start: m.index - name.length, end: m.index, kind: 'person', form: 'alias', name })
  }
  return dropContained(found.sort((a, b) => a.start - b.start || b.end - a.end))
}

function withSuffix(start: number, end: number, suffix: string, form: PseudonymForm): Pseudonym {
  const level = placeSuffixLevels[suffix]
  return level === undefined ? { start, end, kind: 'organization', form } : { start, end, kind: 'place', form, level }
}

/** The ordinal that tells apart masked persons of one surname (张某甲, 司马某乙), after 某. */
const ordinalRe = /^[甲乙丙丁戊己庚辛]$/

/**
 * A person pseudonym with the ordinal after its 某 that tells it apart from another of its
 * surname (司马某甲 beside 司马某, the father): the ordinal is part of the mask, not the next
 * word; not 甲方, a contract's party (`李某甲方`).
 */
function withOrdinal(text: string, p: Pseudonym): Pseudonym {
  const next = text.charAt(p.end)
  return ordinalRe.test(next) && text.charAt(p.end - 1) === '某' && text.charAt(p.end + 1) !== '方' ? { ...p, end: p.end + 1 } : p
}

/**
 * Characters that, after a person's 某, are a word of their own before a comma or a list's
 * 、 rather than the given name's kept last character: verbs of saying (李某称，), of the case
 * (张某案，), of kin and household (王某家，), particles and conjunctions (张某等、), 某 itself.
 */
const notKeptGivenRe = /^[称说讲答问诉供述辩证言道喊叫骂笑哭想等案家处方户组队父母妻夫子女儿兄弟姐妹哥嫂叔伯姑舅姨侄孙婿媳们氏老总的了着过也均都亦又还则即就才及和与同或并而在是系为对向于被把将从给让去来到走跑死签某]$/
/** What ends a name where a pseudonym is written in full (`张某英，女`, `张某英、张某华`, `张某英（曾用名…）`, a table's cell). */
const afterNameRe = /^(?:[，、,（(]|\s|$)/

/**
 * Pseudonyms that keep the given name's last character after 某 (张某英, 李某华), as some courts
 * write them: where a name is expected (a role word, a line's or a clause's start) and the name
 * plainly ends after that character (`原告：张某英，女`, `张某英、张某华`), the character is the
 * mask's, and the same mask is that person wherever else it is written (`张某英向本院…`), though
 * a word may follow it there. Elsewhere 某 ends the pseudonym: `李某明确表示` is 李某 and 明确.
 * Not 某某, an ordinal (张某甲), a digit (张某1), a unit's suffix (李某县) or a word of its own
 * (李某称，). `found` is extended in place.
 */
function withKeptGiven(text: string, found: Pseudonym[]): void {
  const kept = new Set<string>()
  const single = (p: Pseudonym) => p.kind === 'person' && p.form === 'surname' && p.name !== undefined && surnameLength(p.name) === p.name.length && p.end - p.start === p.name.length + 1 && text.charAt(p.end - 1) === '某'
  for (const p of found) {
    if (!single(p)) continue
    const given = text.charAt(p.end)
    if (!isHan(given.charCodeAt(0)) || ordinalRe.test(given) || notKeptGivenRe.test(given) || suffixAfterRe.test(text.slice(p.end, p.end + 3)) || !afterNameRe.test(text.slice(p.end + 1, p.end + 2))) continue
    const isNameExpected = !isHan(text.charCodeAt(p.start - 1)) || roleBeforeRe.test(text.slice(Math.max(0, p.start - 8), p.start)) || kinBeforeRe.test(text.slice(Math.max(0, p.start - 8), p.start))
    if (isNameExpected) kept.add(text.slice(p.start, p.end + 1))
  }
  if (kept.size === 0) return
  for (let i = 0; i < found.length; i++) {
    const p = found[i]!
    if (single(p) && kept.has(text.slice(p.start, p.end + 1))) found[i] = { ...p, end: p.end + 1 }
  }
}

/** A person pseudonym whose 某 run is [mouStart, mouEnd), no trade name after it: a surname before it, or a first character after a role word. */
function personBefore(text: string, mouStart: number, mouEnd: number): Pseudonym | undefined {
  const after = text.slice(mouEnd, mouEnd + 3)
  if (text.charAt(mouEnd) === '某') return undefined
  // A child's pseudonym keeps the surname and 小 (陈小某), whatever follows (`陈小某年满十八周岁`).
  if (text.charAt(mouStart - 1) === '小' && surnameLength(text.charAt(mouStart - 2)) === 1 && !functionSurnameRe.test(text.charAt(mouStart - 2))) return { start: mouStart - 2, end: mouEnd, kind: 'person', form: 'surname', name: text.charAt(mouStart - 2) }
  if (genericAfterMouRe.test(after)) return undefined
  // `向某公司借款`: 某公司 is the pseudonym, 向 a preposition; `李某所受` is a person.
  const suffix = suffixAfterRe.exec(after)?.[0]
  const surnameChar = text.charAt(mouStart - 1)
  if (suffix !== undefined && (suffix.length > 1 || surnameLength(surnameChar) !== 1 || functionSurnameRe.test(surnameChar))) return undefined
  const compound = text.slice(mouStart - 2, mouStart)
  if (compound.length === 2 && surnameLength(compound) === 2) return { start: mouStart - 2, end: mouEnd, kind: 'person', form: 'surname', name: compound }
  const first = text.charAt(mouStart - 1)
  if (!isHan(first.charCodeAt(0))) return undefined
  // The addressee a letter opens with, on its own line (`扎西某某：`, `王某某：`): the whole line's start.
  if (/^[：:]/.test(text.charAt(mouEnd))) {
    for (const start of [mouStart - 1, mouStart - 2]) {
      if ((start === 0 || isLineBreak(text.charCodeAt(start - 1))) && [...text.slice(start, mouStart)].every((c) => isHan(c.charCodeAt(0)))) return { start, end: mouEnd, kind: 'person', form: 'surname', name: text.slice(start, mouStart) }
    }
  }
  const before = text.slice(Math.max(0, mouStart - 8), mouStart - 1)
  // Not after a masked place's suffix (`××区某局`: 区 ends the place, 某局 is its bureau).
  const isNameExpected = (!isHan(text.charCodeAt(mouStart - 2)) && !isSuffixOfMaskedPlace(text, mouStart - 1)) || roleBeforeRe.test(before) || postBeforeRe.test(before) || kinBeforeRe.test(before)
  if (surnameLength(first) === 1 && ((!functionSurnameRe.test(first) && !suffixSurnameRe.test(first)) || isNameExpected)) return { start: mouStart - 1, end: mouEnd, kind: 'person', form: 'surname', name: first }
  // Minority and foreign names keep their first character or two (阿某, 买某某, 扎西某某): only
  // where a name is expected, after a role word or a relation (长子扎某, 丈夫多某); one character
  // also where a notice's item opens with the person (`一、买某，男，维吾尔族`).
  for (const length of [1, 2]) {
    const start = mouStart - length
    const prefix = text.slice(start, mouStart)
    if (prefix.length !== length || ![...prefix].every((c) => isHan(c.charCodeAt(0)))) continue
    const prefixBefore = text.slice(Math.max(0, start - 8), start)
    const opensItem = length === 1 && !isHan(text.charCodeAt(start - 1)) && !notNamePrefixRe.test(prefix) && nameItemAfterRe.test(text.charAt(mouEnd))
    if (roleBeforeRe.test(prefixBefore) || kinBeforeRe.test(prefixBefore) || opensItem) return { start, end: mouEnd, kind: 'person', form: 'surname', name: prefix }
  }
  return undefined
}

/** Relations a person is named after (长子扎某, 丈夫多某, 其女卓某): a name is expected there. */
const kinBeforeRe = /(?:丈夫|妻子|父亲|母亲|儿子|女儿|[长次三四幼独养继]子|[长次三四幼独养继]女|[其之][父母子女妻夫])$/
/**
 * A post's title right before (`党委书记于某某`, `原局长向某`): a surname that is also a word of
 * grammar starts a name there, as after a role. Not the forms of address said after a name (同志).
 */
const postBeforeRe = new RegExp(`(?:${personTitles.filter((t) => t !== '同志' && t !== '老师' && t !== '教授').join('|')})$`)
/** What follows a person opening an item or a clause: a comma, an enumeration, a bracket, 等 (`买某，男`, `买某等4名学生`). */
const nameItemAfterRe = /^[，,、（(：:；等]$/
/** Determiners and conjunctions before 某 that make it `some …` (`如某，`, `每某`), no name's first character. */
const notNamePrefixRe = /^[这那每各该本此如若凡即其令使有无任]$/

/** Characters after 所 that make it the start of a word (所有, 所述, 所得, 所在), not an organ's suffix. */
const suoWordAfterRe = /^[有述得在谓以说作属涉需用受获称指示]/

/** Symbols that mask a person's given name after the surname (王**, 张××, 李X, 刘○○). */
const givenMaskKinds: ReadonlySet<string> = new Set(['star', 'letter', 'shape'])
/** What may follow a masked given name: a particle or a word a name stands before (王**同志, 张××等, 李X的). */
const afterMaskedGivenRe = /^(?:同志|先生|女士|本人|等|的|在|与|和|及|因|系|于|被|将|把|向|对|从|称|说|（|\()/

/**
 * Persons masked with symbols after the surname, as 公示 lists, discipline notices and bank
 * records write them: `王**`, `张××`, `李X`, `欧阳**`, `王*军` (the middle character masked).
 * Where a name is expected: after no Han character (a line's or a cell's start, punctuation)
 * or a role word; and the name ends there: no Han character, or a word a name stands before.
 * A unit's suffix after the mask makes a place or an organ (`宁**市`), not a person.
 */
function symbolMaskedPersons(doc: Document): Pseudonym[] {
  const text = doc.text
  const found: Pseudonym[] = []
  for (const run of findMaskRuns(doc)) {
    const length = run.end - run.start
    if (!givenMaskKinds.has(run.kind) || length > 3 || run.numberStart !== run.start) continue
    const surname = text.slice(run.start - 2, run.start)
    const surnameStart = surname.length === 2 && surnameLength(surname) === 2 ? run.start - 2 : surnameLength(text.charAt(run.start - 1)) === 1 ? run.start - 1 : -1
    if (surnameStart < 0) continue
    const isNameExpected = !isHan(text.charCodeAt(surnameStart - 1)) || roleBeforeRe.test(text.slice(Math.max(0, surnameStart - 8), surnameStart))
    if (!isNameExpected || (functionSurnameRe.test(text.charAt(surnameStart)) && isHan(text.charCodeAt(surnameStart - 1)))) continue
    // `王*军`: one symbol, one given character kept, maybe before 的 (`户主储*明的妻子`), not a place's suffix (`王*村的`).
    const end = length === 1 && isHan(text.charCodeAt(run.end)) && (!isHan(text.charCodeAt(run.end + 1)) || (text.charAt(run.end + 1) === '的' && !suffixAfterRe.test(text.slice(run.end, run.end + 2)))) ? run.end + 1 : run.end
    const after = text.slice(end, end + 3)
    if (suffixAfterRe.test(after) || (isHan(text.charCodeAt(end)) && !afterMaskedGivenRe.test(after))) continue
    found.push({ start: surnameStart, end, kind: 'person', form: 'surname', name: text.slice(surnameStart, run.start) })
  }
  return found
}

/** Characters that are no part of a name before （化名）: role words and particles end it. */
const aliasStopRe = /[的叫称名为是人女男儿子孩某]/

/** The name right before （化名）: two or three Han characters, three only when a surname starts them. */
function aliasBefore(text: string, end: number): string | undefined {
  const three = text.slice(end - 3, end)
  if (three.length === 3 && [...three].every((c) => isHan(c.charCodeAt(0))) && surnameLength(three) > 0 && !aliasStopRe.test(three.charAt(0))) return three
  const two = text.slice(end - 2, end)
  if (two.length === 2 && [...two].every((c) => isHan(c.charCodeAt(0)) && !/[的叫称是]/.test(c))) return two
  return undefined
}

/** `某某公司` inside `A某某公司`, a surname pseudonym inside an alias: the longer is kept. */
function dropContained(sorted: Pseudonym[]): Pseudonym[] {
  const kept: Pseudonym[] = []
  for (const p of sorted) {
    const last = kept[kept.length - 1]
    if (last && p.start < last.end) continue
    kept.push(p)
  }
  return kept
}

/**
 * True when a pseudonym alone shows that a draft is meant to be anonymous: a surname or letter
 * pseudonym, or an alias. `某某公司`, `某县` and `某某同志` are what a template writes before it is
 * filled in, and 甲方/乙方 are a contract's ordinary words: they prove nothing alone.
 */
export function isAnonymityEvidence(p: Pseudonym): boolean {
  return p.form === 'surname' || p.form === 'letter' || p.form === 'alias'
}

/**
 * What masked minority and foreign names keep of themselves (扎西 of 扎西某某, 岩 of 岩某): the
 * kept part of person pseudonyms that is no surname. A name in clear may start with it too.
 */
export function maskedNamePrefixes(pseudonyms: readonly Pseudonym[]): string[] {
  return pseudonyms.flatMap((p) => (p.kind === 'person' && p.form === 'surname' && p.name !== undefined && surnameLength(p.name) !== p.name.length ? [p.name] : []))
}

/** True when [start, end) overlaps a pseudonym of `doc`. */
export function overlapsPseudonym(doc: Document, start: number, end: number): boolean {
  return findPseudonyms(doc).some((p) => p.start < end && start < p.end)
}
