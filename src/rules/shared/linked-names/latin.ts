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

/** A name in Latin letters, [start, end) in UTF-16 code units, and whether a name's label announced it. */
export interface LatinName {
  readonly start: number
  readonly end: number
  readonly isCued: boolean
}

/** A capitalised word (Carter, McDonald, O'Brien, Jean-Pierre, Min-jun), or an initial (M.). */
const word = "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)?(?:['’\\-][A-Za-zÀ-ÿ][a-zß-öø-ÿ]+)*"
/** The particles of family names (van der, de la, bin, al-), lower case between the words. */
const particle = '(?:van|von|der|den|de|da|del|della|di|du|la|le|dos|das|bin|binti|al|el)'
/** Two to four words, particles and initials between them (John M. Carter, Ludwig van Beethoven). */
const latinNameRe = new RegExp(`(?<![A-Za-zÀ-ÿ0-9.@/_-])${word}(?:[ \\u00a0](?:${particle}[ \\u00a0]){0,2}(?:[A-Z]\\.[ \\u00a0])?${word}){1,3}(?![A-Za-zÀ-ÿ0-9@/_-]|\\.[A-Za-z])`, 'g')

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
  'Island', 'Islands', 'Bay', 'River', 'Lake', 'Mountain', 'Beach', 'Port', 'Airport', 'Station', 'Hotel', 'Resort', 'Tower', 'Plaza',
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
const nameLabelBeforeRe = /(?:英文名(?:字)?|外文名(?:字)?|英文姓名|外文姓名|姓名|名字|签名|署名|化名)[：:为是“"「『（(\s]*$/

/**
 * The names in Latin letters of `text`: a run of capitalised words that holds one of `nameWords`
 * (John, Maria, Kim), or that a name's label announces (`英文名为Kevin Wang`).
 */
export function findLatinNames(text: string, nameWords: ReadonlySet<string>): LatinName[] {
  const names: LatinName[] = []
  latinNameRe.lastIndex = 0
  for (let m = latinNameRe.exec(text); m !== null; m = latinNameRe.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    const words = m[0].split(/[ \u00a0]+/).filter((w) => !/^[a-z]/.test(w) && !/^[A-Z]\.$/.test(w))
    if (words.some((w) => notPersonWords.has(w.charAt(0) + w.slice(1).toLowerCase()))) continue
    const before = text.slice(Math.max(0, start - 10), start)
    if (notPersonAfterRe.test(text.slice(end, end + 8)) || notPersonBeforeRe.test(before)) continue
    const isCued = nameLabelBeforeRe.test(before)
    if (isCued || words.some((w) => nameWords.has(w) || nameWords.has(w.split(/['’-]/)[0]!))) names.push({ start, end, isCued })
  }
  return names
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

/**
 * Names in Latin letters that undo a masked person: in a document that masks a foreign party
 * (约某, 美利坚合众国国籍), any person's name so written (its passport's John Michael Carter); in
 * any document that masks persons, one a name's label announces (`英文名为Kevin Wang`). Each is
 * linked to the masked foreign party written last before it, else to the person masked last
 * before it. Only read where the text has a capital letter after the gate.
 */
export function latinNamesOf(doc: Document, pseudonyms: readonly Pseudonym[], nameWords: ReadonlySet<string>): LinkedName[] {
  const text = doc.text
  if (nameWords.size === 0 || !/[A-ZÀ-Þ][a-zß-ÿ]+[ \u00a0]/.test(text)) return []
  const persons = pseudonyms.filter((p) => p.kind === 'person')
  const foreign = foreignPseudonyms(text, persons)
  const foreignMasks = new Set(foreign.map((p) => text.slice(p.start, p.end)))
  const linked: LinkedName[] = []
  for (const name of findLatinNames(text, nameWords)) {
    if (foreign.length === 0 && !name.isCued) continue
    const before = persons.filter((p) => p.end <= name.start)
    const mask = [...before].reverse().find((p) => foreignMasks.has(text.slice(p.start, p.end))) ?? foreign[0] ?? before[before.length - 1]
    if (mask !== undefined) linked.push({ start: name.start, end: name.end, reason: 'latin', link: text.slice(mask.start, mask.end) })
  }
  return linked
}
