// Addresses: `住宁夏回族自治区永宁县杨和镇纳家户村三组`, `家住文化路12号`, `幸福小区3栋2单元501室`.
// A residence may be named down to the county or district; anything below it identifies the
// person (法释〔2016〕19号). The address is read as segments, each a name and its suffix.
import type { Document } from '../../core/document.js'
import { getGazetteer } from '../../nlp/gazetteer.js'
import { isHan, maskCharSource } from './chars.js'
import { documentPolicy } from './policy.js'
import { literalsIn } from './trigger-scan.js'

/** An address [start, end), and the part below the county that is written in clear, if any. */
export interface AddressMention {
  readonly start: number
  readonly end: number
  /** Where the first below-county segment with a name in clear starts; undefined when all is masked or above the county. */
  readonly leakStart: number | undefined
  /** The words that introduced it (`住`, `住所地`), empty for an address known by its shape. */
  readonly cue: string
}

/**
 * Words that introduce a residence or a place of residence (group 1), a paper's name after them
 * when a bracket follows (`住址证明（…）`, group 2), and a bracket that qualifies them (`住所（户籍地）：`).
 */
const cueRe = /(户籍所在地|户籍地|经常居住地|居住地|住所地|家住址|住址|家庭住址|现住址|现住|暂住|家住|居住于|居住在|住在|现居(?!住)|住所|住|位于|坐落于|经营场所|营业场所|注册地址|办公地址|地址)((?:证明|信息|登记)(?=[（(]))?(?:[（(][^）)\n]{1,12}[）)])?(?:[：:]|(?<=[址所地])[为是])?\s*/g
/** Characters that make a word with 住 after them (记住, 抓住, 保住, 居住, 入住, 留住, 站住, 挡住, 常住人口). */
const verbBeforeZhuRe = /^[常记抓保居入留站挡顶守稳忍盯拦围扣卡咬接揪困缠拖吸捂按压罩拴绑锁憋靠禁拿握]$/
/** Characters that make a word with 住 before them (住房和城乡建设局, 住宿, 住院, 住户, 住宅): no residence follows. */
const wordAfterZhuRe = /^[房宿院户宅建校读持]$/
/** Segment suffixes with their level: 3 county and above, 4 town, 5 village and street, 6 a number in it. */
const segmentSuffixes: readonly (readonly [string, number])[] = [
  ['自治区', 1], ['省', 1], ['自治州', 2], ['地区', 2], ['市', 2], ['盟', 2], ['州', 2], ['自治县', 3], ['县', 3], ['区', 3], ['旗', 3],
  ['街道办事处', 4], ['街道', 4], ['苏木', 4], ['乡', 4], ['镇', 4],
  ['嘎查', 5], ['家属院', 5], ['家属区', 5], ['家属楼', 5], ['宿舍区', 5], ['宿舍楼', 5], ['宿舍', 5], ['大院', 5], ['山庄', 5], ['公馆', 5], ['居委会', 5], ['村委会', 5], ['村民小组', 5], ['居民小组', 5], ['自然村', 5], ['社区', 5], ['村', 5], ['小区', 5], ['花园', 5], ['家园', 5], ['公寓', 5], ['大厦', 5], ['广场', 5], ['大街', 5], ['大道', 5], ['路', 5], ['道', 5], ['街', 5], ['巷', 5], ['弄', 5], ['胡同', 5], ['屯', 5],
  ['园', 5], ['苑', 5], ['里', 5], ['坊', 5], ['城', 5], ['庭', 5], ['居', 5], ['邸', 5],
  ['号院', 6], ['号楼', 6], ['号', 6], ['组', 6], ['队', 6], ['栋', 6], ['幢', 6], ['座', 6], ['单元', 6], ['门', 6], ['楼', 6], ['层', 6], ['室', 6], ['房', 6],
]
/**
 * Suffixes of an estate's or a lane's name that end other words too (公园, 家里, 作坊, 法庭, 民居) or
 * stand inside longer names (紫馨苑社区, 东园村, 县城): a segment so named ends only right before a
 * number or a building's letter, and counts only with a number in it after (`联洋新苑12号楼`,
 * `恩宁里8号`, `二坊45栋`, `金隅时代城5号楼`, `盛世华庭3栋`, `麓谷国际工业园A3栋`).
 */
const estateOnlySuffixes: ReadonlySet<string> = new Set([...'园苑里坊城庭居邸', ...compoundWords()])
/**
 * A unit's compound, dormitory or block (`粮食局家属院`, `省军区宿舍`, `县委大院`): a residence by a
 * number in it (`…家属院5号楼302室`) or after a street's door number (`东大路88号粮食局家属院`), not
 * alone (`住公司宿舍`, `住单位家属院` name no place).
 */
function compoundWords(): string[] {
  return ['家属院', '家属区', '家属楼', '宿舍区', '宿舍楼', '宿舍', '大院', '山庄', '公馆']
}
const levelOf = new Map(segmentSuffixes)
/** The characters of a segment's name; its suffixes are Han characters, among them. */
export const segmentChars = '\\u4e00-\\u9fff0-9０-９A-Za-z×xX*＊某—\\-'
// 门, a block's entrance, ends a segment only before its flat's number (`3门702室`, not `撒门村`).
const segmentSource = (minName: number) => `([${segmentChars}]{${minName},9}?)(${segmentSuffixes.map(([s]) => s).sort((a, b) => b.length - a.length).map((s) => (estateOnlySuffixes.has(s) ? `${s}(?=[0-9０-９一二三四五六七八九十]|[A-ZＡ-Ｚ][0-9０-９]{0,2}[栋幢座楼区])` : s === '门' ? '门(?=[0-9０-９])' : s)).join('|')})`
const segmentRe = new RegExp(segmentSource(1), 'y')
/**
 * The same with a name of two characters at least: a name's character that is a suffix too is
 * read as one first (`鼓` + `楼` of 鼓楼街道), and the segment is read again past it.
 */
const longerSegmentRe = new RegExp(segmentSource(2), 'y')
/** A building named by its side or a letter in an estate (`华联大厦东楼`, `B座`): a number in it. */
const buildingNameRe = /^(?:[东南西北中前后主副][0-9０-９]?|[A-Za-zＡ-Ｚ][0-9０-９]?)$/
const buildingSuffixRe = /^(?:楼|座|栋|幢)$/
/**
 * The characters of the suffixes of villages, communities and streets (level 5): an address by
 * its shape holds one before its number.
 */
const placeWordChars = new Set([...'村区园苑里坊寓厦街路巷弄同屯查会道城'].map((c) => c.charCodeAt(0)))
/**
 * A door's number by its side, as an annex or in a series (`南海大道北38号`, `白塔路88号附3号`,
 * `文化路甲12号`), after a street or a number.
 */
const doorNumberRe = /^[东南西北附甲乙丙丁][0-9０-９]{1,5}(?:[-－][0-9０-９]{1,4})?$/
/**
 * The suffix of a community or an estate standing alone right after a street's or an estate's
 * name (`团结路|社区`, `学府家园|小区`): the name it takes is the one before.
 */
const estateHeadRe = /^(?:社区|小区|花园|家园|公寓|大厦|广场|居委会|村委会|村民小组|居民小组)/
/** The suffixes of a road's or a street's name, after which its section may be written. */
const roadSuffixes: ReadonlySet<string> = new Set(['路', '大道', '大街', '街', '道', '巷'])
/**
 * A road's section after its name: a side or a number and 段 (`东段`, `三段`), or a side right
 * before the door's number (`人民大道中88号`, `南海大道北38号`).
 */
const roadSectionRe = /^(?:[东南西北中]|[一二三四五六七八九十]{1,2})段|^[东南西北中](?=[0-9０-９]{1,5}号)/
/** A name that is a number or an ordinal (三组, 12号, 第二村民小组). */
const numberNameRe = /^[第]?[0-9０-９一二三四五六七八九十百零〇两A-Za-z\-—]+$/
/** Particles and prepositions: a name holding one is a phrase (`了村`, `在县`). */
const functionCharRe = /[的了在与是为到向从对把被将着过等并或及]/
/**
 * What before a suffix names no place: a determiner alone (该, 本, 各, 每个) or a suffix's
 * character alone, the head of a word read before it (`各村村委会`: `村` + `村委会`).
 */
const namelessRe = /^(?:[该本此这那每各全其同某][个]?|[村镇乡区县市街路巷组屯])$/
/**
 * A copula or a preposition, then a determiner (`系该`, `于本`, `即此`): a clause that refers to a
 * place named before (`被告系该小区3栋…`), never inside a place's own name.
 */
const clauseInNameRe = /[系于即][该本此这那每各其]/
/** A name that is masked: 某, a mask character, a letter code. */
const maskedNameRe = /某|[×xX*＊]|^[A-Z]$/
/** Words that start no place name: determiners and quantities (该小区, 本村, 每个小区). */
const determinerRe = /^[该本此这那每各全其同多几所某原新旧][个]?/

/** The addresses of `doc`, sorted; computed once per document. */
export function findAddresses(doc: Document): readonly AddressMention[] {
  return doc.derive('addresses', () => scanAddresses(doc))
}

interface Segment {
  readonly start: number
  readonly end: number
  readonly name: string
  readonly level: number
  /** The suffix as written (`小区`, `号`); a street office read as one segment has `街道`. */
  readonly suffix: string
  /**
   * True when the words before the suffix name no place: a determiner (`该村`, `本村`, `各村`) or
   * the head of a word ending before (`村` of `各村|村委会`).
   */
  readonly isNameless?: boolean
  /** True for a compound read after a street's door number (`东大路88号` + `粮食局家属院`): it needs no number after it. */
  readonly isCompound?: boolean
}

function scanAddresses(doc: Document): AddressMention[] {
  const text = doc.text
  const found: AddressMention[] = []
  const cued = new Set<number>()
  for (const m of text.matchAll(cueRe)) {
    // A bare 住 after these ends a verb (记住, 保住, 居住, 入住), not a residence.
    if (m[0].startsWith('住') && verbBeforeZhuRe.test(text.charAt(m.index - 1))) continue
    // Nor is the 住 of a word it begins (住房和城乡建设局, 住院).
    if (m[0] === '住' && wordAfterZhuRe.test(text.charAt(m.index + 1))) continue
    const bracketed = addressInBracket(text, m.index + m[1]!.length + (m[2]?.length ?? 0))
    if (bracketed) {
      cued.add(bracketed.start)
      found.push({ ...bracketed, cue: m[1]! + (m[2] ?? '') })
      continue
    }
    const start = m.index + m[0].length
    const segments = readSegments(text, start)
    if (segments.length === 0) continue
    cued.add(start)
    found.push(toMention(segments, m[0].replace(/[：:\s]+$/, ''), text))
  }
  // A villager or resident of a place named down to the village (`系贺兰县立岗镇兰光村村民`): the
  // place, from the county or town on, is the residence.
  for (const m of residentsIn(doc)) {
    if (found.some((a) => a.start < m.index && m.index <= a.end)) continue
    for (let start = Math.max(0, m.index - 24); start < m.index - 2; start++) {
      if (!isSegmentUnit(text.charCodeAt(start)) || (start > 0 && isSegmentUnit(text.charCodeAt(start - 1)) && !isSegmentBoundary(text, start))) continue
      const segments = readSegments(text, start)
      const last = segments[segments.length - 1]
      // A village's own name of two characters at least: 农村居民, 城乡居民 name no place.
      if (!last || last.end !== m.index || segments.length < 2 || last.level !== 5 || last.name.length < 2 || determinerRe.test(last.name)) continue
      addOrJoin(found, toMention(segments, '', text))
      break
    }
  }
  // A room in a dormitory or a flat block (`11号公寓楼B座507宿舍`), where the document hides persons.
  for (const room of dormRoomsIn(doc)) addOrJoin(found, room)
  // Without a cue, the shape alone: a named village, community or street, then a number in it.
  for (const m of text.matchAll(/[组队号栋幢元室楼门房]/g)) {
    // 队 is a group's only after its number (三队); elsewhere a team (调查队, 工作队); 房 a flat's
    // only after its number (602房), not a house's or a kitchen's (住房, 厨房).
    if ((m[0] === '队' || m[0] === '房') && !numeralBeforeRe.test(text.charAt(m.index - 1))) continue
    const end = m.index + 1
    if (found.some((a) => a.start < end && m.index < a.end)) continue
    // Segments hold segment characters only: an address ending here starts after the last other
    // one. The named segment before the number ends in a level-5 suffix: without one of its
    // characters there, no start can give an address, and none is read.
    let first = end
    let hasPlaceWordChar = false
    while (first > Math.max(0, end - 24) && isSegmentUnit(text.charCodeAt(first - 1))) {
      first--
      if (first < m.index && placeWordChars.has(text.charCodeAt(first))) hasPlaceWordChar = true
    }
    if (!hasPlaceWordChar) continue
    const mention = shapedAddressEndingAt(text, first, end, cued)
    if (mention) addOrJoin(found, mention)
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * The address by its shape that ends at `end` and starts at `first` or after: a named village,
 * community or street, then a number in it. Its name starts where a word may, first: at `first`,
 * or after 系, 是, 在 … (`被告杨某某系翠湖春晓小区3栋…` from 翠, not from 告); only then anywhere.
 */
function shapedAddressEndingAt(text: string, first: number, end: number, cued: ReadonlySet<number>): AddressMention | undefined {
  for (const atBoundary of [true, false]) {
    for (let start = first; start < end - 2; start++) {
      if ((start === first || isSegmentBoundary(text, start)) !== atBoundary) continue
      // The address may read on past `end` (`振华路188号` + `绿城西溪诚园5幢`): its part up to `end` is
      // the one ending here, joined to the rest where that ends.
      const all = readSegments(text, start)
      const segments = all.slice(0, all.findIndex((s) => s.end === end) + 1)
      if (segments.length < 2 || cued.has(start)) continue
      const named = segments.find((s) => s.level === 5)
      if (named && !determinerRe.test(named.name) && named.name.length >= 2 && segments.indexOf(named) < segments.length - 1) return toMention(segments, '', text)
    }
  }
  return undefined
}

/**
 * The address a bracket opening at `at` holds whole, right after a cue (`住址证明（乌鲁木齐市…红旗巷21号）`,
 * `住址（文化路12号）`); undefined when it holds something else (`住所（户籍地）：`).
 */
function addressInBracket(text: string, at: number): AddressMention | undefined {
  if (!/[（(]/.test(text.charAt(at))) return undefined
  const segments = readSegments(text, at + 1)
  if (segments.length === 0) return undefined
  const mention = toMention(segments, '', text)
  return /[）)]/.test(text.charAt(mention.end)) ? mention : undefined
}

const numeralBeforeRe = /[一二三四五六七八九十0-9０-９]/
/** The words a place's residents are called by, found by the shared pass's literal search. */
const residentWordsIn = literalsIn(['村民', '居民', '牧民'], { keep: true })
const residentNotRe = /^(?:委员会|小组|代表)/

/** Where `村民`, `居民` or `牧民` follows a village's, community's or 嘎查's suffix (兰光村村民), in order. */
function residentsIn(doc: Document): { index: number }[] {
  const text = doc.text
  const found: { index: number }[] = []
  for (const hit of residentWordsIn(doc)) {
    if (/[村区查]/.test(text.charAt(hit.begin - 1)) && !residentNotRe.test(text.slice(hit.begin + 2, hit.begin + 5))) found.push({ index: hit.begin })
  }
  return found
}

/** The words of a dormitory or a block of flats, found by the shared pass's literal search. */
const dormWordsIn = literalsIn(['公寓', '宿舍', '寝室'], { keep: true })
/**
 * A room of a dormitory or a block of flats, with no cue and no street before it: the block
 * (`11号公寓楼`, `学生公寓`, `3号楼`), its wing, building or floor (`B座`, `3栋`, `2单元`), then the
 * room's number and its word (`507宿舍`, `302室`, `1205房间`). On a campus this is where a student
 * sleeps; a meeting room (`第3会议室`) or a court's (`第三法庭`) has no such block before it.
 */
const dormRoomRe = /(?<![0-9A-Za-z])(?:(?:[0-9]{1,3}号|[A-Z][0-9]{0,2}号?|[东南西北中][区院])?(?:学生|研究生|教师|职工|员工|青年|人才)?(?:公寓|宿舍|寝室)楼?|[0-9]{1,3}(?:号楼|栋|幢))(?:[A-Z](?:座|栋|区)|[0-9]{1,3}(?:号楼|栋|幢|单元|层|楼))*[0-9]{3,4}(?:宿舍|寝室|室|房间|号房|房)/g
/** How far around a dormitory's word its room's address is read. */
const dormReach = 16
/** A mask or 某 right before the block: its name is hidden (`某公寓3号楼502室`, `××公寓…`), and the room with it. */
const maskedBlockBeforeRe = new RegExp(`(?:某|${maskCharSource})$`)

/** Rooms of dormitories and blocks of flats, in a document that hides persons; each a mention with no cue. */
function dormRoomsIn(doc: Document): AddressMention[] {
  const hits = dormWordsIn(doc)
  if (hits.length === 0 || !documentPolicy(doc).masksPersons) return []
  const text = doc.text
  const rooms: AddressMention[] = []
  for (const hit of hits) {
    // The window around the word: the block's number before it, the wing and room after.
    const from = Math.max(hit.begin - dormReach, rooms.at(-1)?.end ?? 0)
    const window = text.slice(from, hit.begin + 2 + 2 * dormReach)
    for (const m of window.matchAll(dormRoomRe)) {
      const start = from + m.index
      if (start > hit.begin) break
      if (start + m[0].length <= hit.begin) continue
      if (maskedBlockBeforeRe.test(text.slice(Math.max(0, start - 4), start))) break
      rooms.push({ start, end: start + m[0].length, leakStart: start, cue: '' })
      break
    }
  }
  return rooms
}

/** Where a place's name may start inside a run of Chinese: after 系, 是, 在, 为 or a role's 人 (`系贺兰县…`). */
function isSegmentBoundary(text: string, start: number): boolean {
  return /[系是在为于即人]/.test(text.charAt(start - 1))
}

/**
 * True for a code unit of {@link segmentChars}, as a regex of their class tests it: the shape
 * scan asks this of up to 24 units before each of ~130,000 numbers' suffixes on the bench
 * corpus, where a regex test per unit cost ~60 ms.
 */
export function isSegmentUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xd7 || c === 0x2a || c === 0xff0a || c === 0x2014 || c === 0x2d
}

/**
 * True when a one-character name and its suffix are likely a longer name's head (`鼓` + `楼` of
 * 鼓楼街道, `红` + `旗` of 红旗巷): a building's suffix after no number, or a suffix above the
 * segment before it, which would end the address there (not a number: `西园|三区` is a part of it).
 */
function isMisreadSuffix(name: string, suffix: string, previous: Segment | undefined): boolean {
  const level = levelOf.get(suffix)!
  if (level === 6) return !numberNameRe.test(name) && !(buildingSuffixRe.test(suffix) && buildingNameRe.test(name))
  return previous !== undefined && level < previous.level && !numberNameRe.test(name)
}

/** The suffixes of an estate, a compound or a block, which may follow a door's number. */
const compoundSuffixes = ['小区', '花园', '家园', '公寓', '大厦', '广场', '新村', ...'园苑里坊城庭居邸', ...compoundWords()]
const compoundRe = new RegExp(`([${segmentChars}]{2,9}?)(${compoundSuffixes.sort((a, b) => b.length - a.length).map((s) => (s.length === 1 ? `${s}(?=[0-9０-９一二三四五六七八九十]|[A-ZＡ-Ｚ][0-9０-９]{0,2}[栋幢座楼区])` : s)).join('|')})`, 'y')

/**
 * True when the address read so far ends in a street's door number (`东大路88号`), the first number
 * in it: a compound, an estate or a block may follow, above the number by its suffix, and the
 * address goes on to its building and flat (`东大路88号|粮食局家属院|5号楼302室`).
 */
function isDoorAfterStreet(segments: readonly Segment[]): boolean {
  const door = segments[segments.length - 1]
  const street = segments[segments.length - 2]
  return door !== undefined && street !== undefined && /^号院?$/.test(door.suffix) && roadSuffixes.has(street.suffix) && segments.slice(0, -2).every((s) => s.level < 6)
}

/**
 * The compound named at `at` after a door's number (`粮食局家属院`, `省军区宿舍`, `麓谷国际工业园`
 * before `A3栋`), as a segment of level 5; undefined when none is, or its name is a number or a phrase.
 */
function readCompound(text: string, at: number): Segment | undefined {
  compoundRe.lastIndex = at
  const m = compoundRe.exec(text)
  if (!m || numberNameRe.test(m[1]!) || functionCharRe.test(m[1]!) || determinerRe.test(m[1]!)) return undefined
  return { start: at, end: at + m[0].length, name: m[1]!, level: 5, suffix: m[2]!, isCompound: true }
}

/**
 * An estate named without a suffix of its own (`丽景湾`, `阅海万家` and its zone `F区`, `万达华府`),
 * proved by what follows it: a building's number with its unit or its flat (`12号楼2单元`,
 * `3栋801室`), or building, unit and flat as numbers (`5-2-801`). A name ending in a place's
 * suffix (`文化路`, `东园村`) is read as that place instead.
 */
const estateByBuildingRe = /([\u4e00-\u9fff]{2,8}?)([A-Z]区)?(?=[0-9]{1,3}(?:号楼|栋|幢|座|#)[0-9]{1,2}(?:单元|门)|[0-9]{1,3}(?:号楼|栋|幢|座)[0-9]{3,4}(?:室|房)|[0-9]{1,3}[-－][0-9]{1,2}[-－][0-9]{3,4}(?![0-9]))/y
/** The end of a body's or a company's name (`行政中心`, `人民医院住院部`): its building is an office's, not an estate's. */
const organEndRe = /(?:中心|政府|公司|集团|[局院委部厅所站处校馆])$/
/** The characters that end the names of places of level 5 and below, and of counties and towns. */
const placeSuffixChars = new Set(segmentSuffixes.map(([suffix]) => suffix.charAt(suffix.length - 1)))

/** The estate {@link estateByBuildingRe} reads at `at`, as a segment of level 5; undefined when none is. */
function readEstateByBuilding(text: string, at: number): Segment | undefined {
  estateByBuildingRe.lastIndex = at
  const m = estateByBuildingRe.exec(text)
  if (!m || placeSuffixChars.has(m[1]!.charAt(m[1]!.length - 1)) || organEndRe.test(m[1]!) || functionCharRe.test(m[1]!) || determinerRe.test(m[1]!) || maskedNameRe.test(m[1]!)) return undefined
  return { start: at, end: at + m[0].length, name: m[0], level: 5, suffix: '' }
}

/** The segments of an address starting at `start`, while each is a name and its suffix. */
function readSegments(text: string, start: number): Segment[] {
  const segments: Segment[] = []
  for (let at = start; ; ) {
    const previous = segments[segments.length - 1]
    const section = previous !== undefined && roadSuffixes.has(previous.suffix) ? roadSectionRe.exec(text.slice(at, at + 4)) : null
    if (section) {
      // A road's section belongs to the road (`人民大道中`, `中山路东段`, `人民南路三段`): the door's number follows it.
      segments[segments.length - 1] = { ...previous!, end: at + section[0].length }
      at += section[0].length
      continue
    }
    const head = previous?.level === 5 ? estateHeadRe.exec(text.slice(at, at + 4)) : null
    if (head) {
      // A community or an estate named after the street or the estate before it (`团结路社区`,
      // `学府家园小区`, `金海岸花园小区`): one segment, its suffix the last.
      segments[segments.length - 1] = { ...previous!, end: at + head[0].length, name: text.slice(previous!.start, at), suffix: head[0] }
      at += head[0].length
      continue
    }
    const compound = isDoorAfterStreet(segments) ? readCompound(text, at) : undefined
    if (compound) {
      segments.push(compound)
      at = compound.end
      continue
    }
    const estate = previous !== undefined && previous.level >= 3 && previous.level < 6 ? readEstateByBuilding(text, at) : undefined
    if (estate) {
      segments.push(estate)
      at = estate.end
      continue
    }
    segmentRe.lastIndex = at
    let m = segmentRe.exec(text)
    if (!m) break
    if (m[1]!.length === 1 && isMisreadSuffix(m[1]!, m[2]!, previous)) {
      longerSegmentRe.lastIndex = at
      m = longerSegmentRe.exec(text) ?? m
    }
    const name = m[1]!
    let level = levelOf.get(m[2]!)!
    // A numbered part of an estate or a village (`西园三区`, `大磡村二坊`) is a number in it.
    if (previous?.level === 5 && level < 6 && numberNameRe.test(name) && !/[路街巷]/.test(m[2]!)) level = 6
    // A number names only a building, a house or a group inside what came before (三组, 12号, 北38号).
    if (level === 6 && !numberNameRe.test(name) && !(previous?.level === 5 && buildingSuffixRe.test(m[2]!) && buildingNameRe.test(name)) && !(m[2] === '号' && previous !== undefined && doorNumberRe.test(name))) break
    if (functionCharRe.test(name) || clauseInNameRe.test(name)) break
    if (level < 6 && numberNameRe.test(name) && !/[路街巷]/.test(m[2]!)) break
    // `原州区` is read `原` + `州` first, `茶市镇` `茶` + `市`: a county or town suffix right after
    // extends the segment, before its level is compared with the one before.
    let end = m.index + m[0].length
    let finalLevel = level
    const more = /^[市州县区旗镇乡]/.exec(text.slice(end, end + 1))
    if (more && level <= 3 && !/^[市州县区旗镇乡]/.test(text.slice(end + 1, end + 2))) {
      finalLevel = levelOf.get(more[0]) ?? level
      end++
    }
    if (segments.length > 0 && finalLevel < segments[segments.length - 1]!.level && finalLevel < 6) break
    // A street office named after its road (`丰庆路街道`, `解放街街道`) is one town-level segment.
    if (/^[路街巷]$/.test(m[2]!) && text.startsWith('街道', end) && segments.every((s) => s.level < 4)) {
      segments.push({ start: m.index, end: end + 2, name: text.slice(m.index, end), level: levelOf.get('街道')!, suffix: '街道' })
      at = end + 2
      continue
    }
    // A town's or a street's suffix inside the name of a county or a city (`西乡` of 西乡塘区, `新乡`
    // of 新乡市, `东乡` of 东乡族自治县): the gazetteer's longer name is the segment.
    const unit = finalLevel >= 4 && finalLevel < 6 ? unitNameOver(text, m.index, end) : undefined
    if (unit) {
      if (segments.length > 0 && unit.level < segments[segments.length - 1]!.level) break
      segments.push({ start: m.index, end: unit.end, name: text.slice(m.index, unit.end - 1), level: unit.level, suffix: text.charAt(unit.end - 1) })
      at = unit.end
      continue
    }
    const segment = { start: m.index, end, name: text.slice(m.index, end - 1), level: finalLevel, suffix: m[2]! }
    segments.push(namelessRe.test(name) ? { ...segment, isNameless: true } : segment)
    at = end
  }
  // An estate's suffix that ends other words too counts only with a number after it.
  const lastNumbered = segments.findLastIndex((s) => s.level === 6)
  const cut = segments.findIndex((s, i) => estateOnlySuffixes.has(s.suffix) && i > lastNumbered && s.isCompound !== true)
  return cut < 0 ? segments : segments.slice(0, cut)
}

/** The last characters of the names of counties and above (西乡塘区, 新乡市, 东乡族自治县, 阿拉善盟). */
const unitNameEndRe = /[市州县区旗盟]/
/** How far past a segment's suffix a county's or a city's name holding it may end (`族自治县`). */
const unitNameReach = 6

/**
 * The county or city of the gazetteer whose name starts at `start` and runs over a segment read
 * as [start, end) to a suffix a few characters on (`西乡|塘区`): its end and level; undefined when
 * none does. Asked only of segments below the county, before a county's suffix.
 */
function unitNameOver(text: string, start: number, end: number): { end: number; level: number } | undefined {
  for (let e = end + 1; e <= Math.min(text.length, end + unitNameReach); e++) {
    if (!isHan(text.charCodeAt(e - 1))) return undefined
    if (!unitNameEndRe.test(text.charAt(e - 1))) continue
    const entry = getGazetteer().upperNamesEndingAt(text, e, e - start, isHan).find((n) => n.name.length === e - start)
    const level = entry ? Math.min(...entry.units.map((u) => u.level)) : 6
    if (level <= 3) return { end: e, level }
  }
  return undefined
}

/**
 * Adds `mention`, or joins it to an address it overlaps or touches: where a cued address stops
 * at a number (`住…沂蒙路277号`), the shape that goes on (`盛世华庭小区6号楼2单元1502室`) is its
 * rest, one address to report and to mask.
 */
function addOrJoin(found: AddressMention[], mention: AddressMention): void {
  const i = found.findIndex((a) => a.start <= mention.end && mention.start <= a.end)
  if (i < 0) {
    found.push(mention)
    return
  }
  const a = found[i]!
  found[i] = { ...a, start: Math.min(a.start, mention.start), end: Math.max(a.end, mention.end), leakStart: a.leakStart ?? mention.leakStart }
}

function toMention(segments: readonly Segment[], cue: string, text: string): AddressMention {
  const first = segments.find((s) => s.level >= 4 && s.level < 6 && !maskedNameRe.test(s.name) && s.isNameless !== true)
  let end = segments[segments.length - 1]!.end
  // A flat written as numbers after the estate (`观湖小区6#2-301`, `金宇小区3-2-501`) belongs to it.
  const flat = flatNumberRe.exec(text.slice(end, end + 16)) ?? (/^(?:门|单元)$/.test(segments[segments.length - 1]!.suffix) ? bareFlatRe.exec(text.slice(end, end + 6)) : null)
  if (flat) end += flat[0].length
  return { start: segments[0]!.start, end, leakStart: first?.start, cue }
}

/** A flat's number without 室 after a block's entrance or unit (`3号楼1门602`). */
const bareFlatRe = /^[0-9０-９]{3,4}(?![0-9０-９])/
/** Building, unit and flat as numbers joined by # or hyphens: `6#2-301`, `3-2-501`, `12栋` is a segment already; a house's `之一` after its number. */
const flatNumberRe = /^[0-9０-９]{1,4}(?:[#＃][0-9０-９]{1,4})?(?:[-－][0-9０-９]{1,5}){1,2}(?:室|号)?|^[0-9０-９]{1,4}[#＃][0-9０-９]{1,5}(?:室|号)?|^之[一二三四五六七八九十]/
