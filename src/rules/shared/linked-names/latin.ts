// Personal names written in Latin letters in Chinese text (John Michael Carter, Maria Schmidt,
// Kim Min-jun): 涉外 judgments quote a foreign party's passport, contract or signature, where the
// party is masked as the first character + 某 (约某). Such a name is a person's when it is two to
// four capitalised words, one of them a personal name word the rule lists (a given name, or a
// family name of the countries most often met: Kim, Nguyen, Tanaka), or when a name's label
// stands before it (英文名, 姓名). Not a company's, a place's, a brand's, a law's or a journal's
// name: none of their words (Inc, Street, Act, Journal) and none of their Chinese words after it
// (公司, 商标, 大学); not an abbreviation (WTO) or a product (iPhone), which are no capitalised words.
// Each is linked to the masked person it undoes (latinNamesOf).
import type { Document } from '../../../core/document.js'
import type { Pseudonym } from '../pseudonyms.js'
import type { LinkedName } from './types.js'

/** A name in Latin letters, [start, end) in UTF-16 code units, and whether a name's label or a masked party's role announced it. */
export interface LatinName {
  readonly start: number
  readonly end: number
  readonly isCued: boolean
  /** The masked party's role right before it (`被告：JOHN SMITH`), when one stands there. */
  readonly role?: string
}

/** A capitalised word (Carter, McDonald, O'Brien, Jean-Pierre, Min-jun), or an initial (M.). */
const word = "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)?(?:['’\\-][A-Za-zÀ-ÿ][a-zß-öø-ÿ]+)*"
/** The particles of family names (van der, de la, bin, al-), lower case between the words. */
const particle = '(?:van|von|der|den|de|da|del|della|di|du|la|le|dos|das|bin|binti|al|el)'
/** Two to four words, particles and initials between them (John M. Carter, Ludwig van Beethoven). */
const latinNameRe = new RegExp(`(?<![A-Za-zÀ-ÿ0-9.@/_-])${word}(?:[ \\u00a0](?:${particle}[ \\u00a0]){0,2}(?:[A-Z]\\.[ \\u00a0])?${word}){1,3}(?![A-Za-zÀ-ÿ0-9@/_-]|\\.[A-Za-z])`, 'g')

/**
 * A word in capitals, as passports, tickets and signatures write a name (CARTER, O'BRIEN,
 * JEAN-PIERRE): two letters at least, so no initial.
 */
const capsWord = "[A-ZÀ-ÖØ-Þ](?:[A-ZÀ-ÖØ-Þ]+|['’][A-ZÀ-ÖØ-Þ]{2,})(?:[-'’][A-ZÀ-ÖØ-Þ]{2,})*"
/** Between the words of a name in capitals: spaces, or the slash between the surname and the given names (CARTER/JOHN MICHAEL). */
const capsSeparator = '(?:[ \\u00a0]+|[ \\u00a0]*/[ \\u00a0]*)'
/** Two to four words, one in capitals at least (checked after), the others capitalised, initials between (ZHANG SAN, CARTER/JOHN MICHAEL, JOHN M. CARTER). */
const capsNameRe = new RegExp(`(?<![A-Za-zÀ-ÿ0-9.@/_<-])(?:${capsWord}|${word})(?:${capsSeparator}(?:[A-Z]\\.[ \\u00a0])?(?:${capsWord}|${word})){1,3}(?![A-Za-zÀ-ÿ0-9@/_<-]|\\.[A-Za-z])`, 'g')
/** A word all in capitals, of two letters or more. */
const allCapsRe = /^[A-ZÀ-ÖØ-Þ'’-]{2,}$/

/**
 * Words of the names of companies, bodies, places, laws, works and products (Apple Inc, Park
 * Avenue, Uniform Commercial Code, Harvard Business Review, Model Y): a run with one is no person's.
 */
const notPersonWords: ReadonlySet<string> = new Set([
  'Inc', 'Ltd', 'Co', 'Corp', 'Corporation', 'Company', 'Limited', 'Llc', 'Gmbh', 'Group', 'Holdings', 'Holding', 'Bank', 'Trust', 'Capital',
  'Partners', 'Technologies', 'Technology', 'Tech', 'International', 'Global', 'Services', 'Service', 'Trading', 'Industries', 'Industry',
  'Electronics', 'Systems', 'Solutions', 'Consulting', 'Logistics', 'Media', 'Network', 'Networks', 'Software', 'Motors', 'Pharma',
  'University', 'College', 'School', 'Academy', 'Institute', 'Hospital', 'Clinic', 'Center', 'Centre', 'Foundation', 'Association',
  'Society', 'Council', 'Committee', 'Commission', 'Agency', 'Department', 'Ministry', 'Office', 'Bureau', 'Court', 'Tribunal',
  'Street', 'Road', 'Avenue', 'Boulevard', 'Lane', 'Drive', 'City', 'State', 'States', 'County', 'Province', 'District', 'Park', 'Square',
  'Island', 'Islands', 'Bay', 'River', 'Lake', 'Mountain', 'Mount', 'Saint', 'Santa', 'Fort', 'Beach', 'Port', 'Airport', 'Station', 'Hotel', 'Resort', 'Tower', 'Plaza',
  'Mall', 'Building', 'North', 'South', 'East', 'West', 'New', 'United', 'Kingdom', 'Republic', 'Federal', 'National', 'Royal',
  'Act', 'Code', 'Law', 'Laws', 'Rule', 'Rules', 'Convention', 'Treaty', 'Agreement', 'Contract', 'Protocol', 'Charter', 'Article',
  'Section', 'Chapter', 'Journal', 'Review', 'Press', 'News', 'Times', 'Post', 'Daily', 'Magazine', 'Edition', 'Series', 'Model', 'Pro',
  'Max', 'Plus', 'Mini', 'Air', 'Ultra', 'Store', 'Shop', 'Club', 'Team', 'Studio', 'Studios', 'Brand', 'Collection', 'Cup', 'Award',
  'The', 'Of', 'And', 'For', 'In', 'On', 'At', 'To', 'By', 'With', 'From', 'Dear', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Madam', 'Hello', 'Happy',
])
/** Chinese words after a name in Latin letters that make it a company's, a brand's, a school's or a place's (“Louis Vuitton”商标). */
const notPersonAfterRe = /^[”"’'」』）)\s]*(?:公司|集团|银行|商标|品牌|牌|商店|店|门店|专卖|旗舰|大学|学院|学校|医院|基金|律师事务所|事务所|酒店|餐厅|网站|平台|系列|款|型|杯|奖|大街|大道|路|街|市|州|省|国|岛|号|项目|软件|游戏|杂志|期刊|报|法|公约|条约|协定|协议)/
/** Chinese words before a name in Latin letters that make it a brand's, a model's or a work's (品牌“Hugo Boss”). */
const notPersonBeforeRe = /(?:品牌|商标|牌子|型号|款式|字样|标识|书名|论文|著作|期刊|杂志|公司|集团)[：:为是“"「『（(\s]*$/
/** The labels of a person's name written in Latin letters (英文名：, 护照姓名为, 签名为“): a name follows. */
const nameLabelBeforeRe = /(?:英文名(?:字)?|外文名(?:字)?|英文姓名|外文姓名|姓名|名字|签名|署名|签字|化名|(?<![A-Za-z][ \u00a0]?)(?:Name|NAME|Surname|SURNAME))[：:为是“"「『（(\s/]*$/

/**
 * The names in Latin letters of `text`: a run of capitalised words, or of words in capitals (as
 * a passport writes them: CARTER/JOHN MICHAEL, ZHANG SAN), that holds one of `nameWords` (John,
 * Maria, Kim, in any case), or that a name's label announces (`英文名为Kevin Wang`, `姓名/Name：
 * ZHANG SAN`) or a masked party's role that `roleBefore` finds right before it (`被告：JOHN SMITH`).
 */
export function findLatinNames(text: string, nameWords: ReadonlySet<string>, roleBefore: (start: number) => string | undefined = () => undefined): LatinName[] {
  const names: LatinName[] = []
  const hasNameWord = (w: string) => {
    const titled = w.charAt(0) + w.slice(1).toLowerCase()
    return nameWords.has(w) || nameWords.has(w.split(/['’-]/)[0]!) || nameWords.has(titled) || nameWords.has(titled.split(/['’-]/)[0]!)
  }
  const take = (m: RegExpExecArray, words: readonly string[]) => {
    const start = m.index
    const end = start + m[0].length
    if (words.some((w) => notPersonWords.has(w.charAt(0) + w.slice(1).toLowerCase()))) return
    const before = text.slice(Math.max(0, start - 10), start)
    if (notPersonAfterRe.test(text.slice(end, end + 8)) || notPersonBeforeRe.test(before)) return
    const role = roleBefore(start)
    const isCued = role !== undefined || nameLabelBeforeRe.test(before)
    if (isCued || words.some(hasNameWord)) names.push({ start, end, isCued, ...(role !== undefined && { role }) })
  }
  capsNameRe.lastIndex = 0
  for (let m = capsNameRe.exec(text); m !== null; m = capsNameRe.exec(text)) {
    const words = m[0].split(/[ \u00a0/]+/).filter((w) => !/^[A-Z]\.$/.test(w))
    if (words.some((w) => allCapsRe.test(w))) take(m, words)
  }
  // Capitalised words, where no run in capitals was read over them.
  const caps = names.length
  latinNameRe.lastIndex = 0
  for (let m = latinNameRe.exec(text); m !== null; m = latinNameRe.exec(text)) {
    if (names.slice(0, caps).some((n) => n.start < m!.index + m![0].length && m!.index < n.end)) continue
    take(m, m[0].split(/[ \u00a0]+/).filter((w) => !/^[a-z]/.test(w) && !/^[A-Z]\.$/.test(w)))
  }
  return names.sort((a, b) => a.start - b.start)
}

/** What says a person is a foreign national, after the person in the same clause (美利坚合众国国籍, 外籍, 护照号码). */
const foreignNationalRe = /(?<!中国|中华人民共和国)国籍|外籍|外国人|护照/
/** The most characters of a person's introduction read after the pseudonym. */
const introductionReach = 60

/**
 * The masked foreign persons of a document: person pseudonyms whose introduction, up to the end
 * of its sentence, gives a foreign nationality or a passport (`原告：约某，男，…，美利坚合众国国籍`).
 */
export function foreignPseudonyms(text: string, pseudonyms: readonly Pseudonym[]): Pseudonym[] {
  return pseudonyms.filter((p) => {
    if (p.kind !== 'person') return false
    const after = text.slice(p.end, p.end + introductionReach)
    const sentence = after.slice(0, after.search(/[。\n\r]|$/))
    return foreignNationalRe.test(sentence)
  })
}

/** What may stand between a party's role and the name after it: spaces, a colon. */
const roleGapRe = /[ \t\u3000：:]*$/

/**
 * Names in Latin letters that undo a masked person: in a document that masks a foreign party
 * (约某, 美利坚合众国国籍), any person's name so written (its passport's John Michael Carter,
 * CARTER/JOHN MICHAEL); in any document that masks persons, one a name's label announces
 * (`英文名为Kevin Wang`, `姓名/Name：ZHANG SAN`). Each is linked to the masked foreign party
 * written last before it, else to the person masked last before it. A name after a role the
 * document masks (`被告：JOHN SMITH` beside `被告：梁某某`) is that role's party. Only read where the
 * text has a capitalised word or two capitals after the gate.
 */
export function latinNamesOf(doc: Document, pseudonyms: readonly Pseudonym[], nameWords: ReadonlySet<string>, maskedRoles: ReadonlySet<string>): LinkedName[] {
  const text = doc.text
  if (nameWords.size === 0 || !/[A-ZÀ-Þ][a-zß-ÿA-ZÀ-Þ]+[ \u00a0/]/.test(text)) return []
  const persons = pseudonyms.filter((p) => p.kind === 'person')
  const foreign = foreignPseudonyms(text, persons)
  const foreignMasks = new Set(foreign.map((p) => text.slice(p.start, p.end)))
  const roleBefore = (start: number) => {
    const end = start - roleGapRe.exec(text.slice(Math.max(0, start - 4), start))![0].length
    for (const role of maskedRoles) if (text.startsWith(role, end - role.length)) return role
    return undefined
  }
  const linked: LinkedName[] = []
  for (const name of findLatinNames(text, nameWords, roleBefore)) {
    if (name.role !== undefined) {
      linked.push({ start: name.start, end: name.end, reason: 'party', link: name.role })
      continue
    }
    if (foreign.length === 0 && !name.isCued) continue
    const before = persons.filter((p) => p.end <= name.start)
    const mask = [...before].reverse().find((p) => foreignMasks.has(text.slice(p.start, p.end))) ?? foreign[0] ?? before[before.length - 1]
    if (mask !== undefined) linked.push({ start: name.start, end: name.end, reason: 'latin', link: text.slice(mask.start, mask.end) })
  }
  return linked
}
