// Finds the places a Document names: unit names of the gazetteer ending in an administrative
// suffix (灵武市, 外西河村), chains of short names (惠农中街社区), province short names
// (宁夏) and landmarks named after a unit (贺兰山). Computed once per document and tokenizer.
import type { Document } from '../../core/document.js'
import { adminSuffixAt, adminSuffixes, isSuffixCutAt, villageSuffixes } from '../../nlp/admin-names.js'
import { getGazetteer, type Gazetteer, type NameEntry, type Unit } from '../../nlp/gazetteer.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import type { LiteralHit } from './first-char-index.js'
import { anyLevel, ShortNameEnds } from './short-name-ends.js'
import { findUnlistedVillages } from './unlisted-villages.js'
import { isTokenAligned, tokensAround } from './token-window.js'
import { literalsIn, triggerScan } from './trigger-scan.js'
import { jiebaWordPrefixes } from './word-prefixes.js'

/** How a place was recognised, strongest first. */
export type PlaceEvidence = 'name' | 'chain' | 'short' | 'landmark' | 'unlisted'

/** A place named in the text. Offsets are UTF-16 code units. */
export interface PlaceMention {
  readonly start: number
  readonly end: number
  /** The name without its suffix ends here: [start, maskEnd) is what a redaction masks. */
  readonly maskEnd: number
  /** The unit named, or all its namesakes when the text does not tell them apart. Empty for landmarks. */
  readonly units: readonly Unit[]
  readonly evidence: PlaceEvidence
  /** The name without its suffix is a common word (红旗村): kept only next to another place. */
  readonly isGeneric: boolean
}

/** Characters after a unit short name that make it a landmark named after the unit (贺兰山). */
const landmarkFeatureRe = /[山湖河江岭峡]/g
/** Short names of 2 to this many characters are looked up before suffixes and features. */
const maxShortLength = 5

/** The places named in `doc`, sorted by offset; adjacent names stay separate mentions. */
export function findPlaces(doc: Document, tokenizer: Tokenizer): readonly PlaceMention[] {
  return doc.derive(`places:${tokenizer.name}`, () => scanPlaces(doc, tokenizer))
}

let shortEnds: { readonly gazetteer: Gazetteer; readonly ends: ShortNameEnds } | undefined

/**
 * A name that begins with a verb: one official writing puts between two organs (`由县自然资源局会同县
 * 财政局`: 会同, jointly with, writes 会同县 without naming the county of that name), or one of
 * acting jointly before a person's role (`伙同村会计刘某某`), not extended by the unit above it.
 */
function isVerbRead(text: string, m: PlaceMention): boolean {
  if (m.evidence === 'name' && jointVerbRe.test(text.slice(m.start, m.start + 2)) && !/[市县区旗镇乡木]/.test(text.charAt(m.start - 1))) return true
  return text.startsWith('会同', m.start) && /[局委办府门位院所队站室厅部]/.test(text.charAt(m.start - 1))
}

/**
 * Verbs of acting jointly that a place's name may begin with (伙同村, 协同乡): `伙同村会计刘某某`
 * is `伙同` + `村会计`. Read as the place only inside a unit named before it (`玉丰镇伙同村`).
 */
const jointVerbRe = /^(?:伙同|协同|连同|偕同|串通|勾结)$/

function scanPlaces(doc: Document, tokenizer: Tokenizer): PlaceMention[] {
  const gazetteer = getGazetteer()
  if (shortEnds?.gazetteer !== gazetteer) shortEnds = { gazetteer, ends: new ShortNameEnds(gazetteer) }
  const { ends } = shortEnds
  const found = outermost([...suffixedNames(doc, gazetteer, ends, tokenizer)]).filter((m) => !isVerbRead(doc.text, m))
  // The code units the names found so far cover: a later name overlapping one is not taken.
  const covered = new Uint8Array(doc.text.length)
  const take = (m: PlaceMention) => {
    covered.fill(1, m.start, m.end)
    found.push(m)
  }
  const isTaken = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (covered[i] === 1) return true
    return false
  }
  for (const m of found) covered.fill(1, m.start, m.end)
  // Unlisted names first: `巴彦` of 巴彦县 inside `巴彦宝力格来嘎查` is part of a longer name.
  // A listed 嘎查's name may end an unlisted one (`巴音` + `敖包嘎查`): the longer is the name when
  // what it adds is a name to the tagger, not a common word (`牧民敖包嘎查`).
  for (const m of findUnlistedVillages(doc, tokenizer)) {
    const listed = found.findIndex((f) => f.end === m.end && f.start > m.start && f.evidence === 'name')
    if (listed >= 0 && isNamePrefix(doc, tokenizer, m.start, found[listed]!.start)) {
      covered.fill(0, found[listed]!.start, found[listed]!.end)
      found.splice(listed, 1)
    }
    if (!isTaken(m.start, m.end)) take({ ...m, units: [], evidence: 'unlisted', isGeneric: false })
  }
  for (const m of shortNames(doc, gazetteer, tokenizer)) if (!isTaken(m.start, m.end)) take(m)
  for (const m of landmarks(doc, gazetteer, ends, tokenizer)) if (!isTaken(m.start, m.end)) take(m)
  return linkAdjacent(found.filter((m) => !doc.isSkipped(m.start, m.end - m.start)).sort((a, b) => a.start - b.start))
}

/** True when [start, end) is tokens the tagger takes for names (persons, places, proper nouns) or does not know. */
function isNamePrefix(doc: Document, tokenizer: Tokenizer, start: number, end: number): boolean {
  const tokens = tokensAround(doc, tokenizer, start, end).filter((t) => t.start < end && t.end > start)
  return tokens.length > 0 && tokens[0]!.start === start && tokens.every((t) => t.end <= end && /^(?:nr|ns|nz|nrt|nrfg|x)$/.test(t.tag))
}

/**
 * The mentions not inside a longer one: `召陵区` in `召陵区翟庄街道` is part of a town's name.
 * `mentions` end at increasing offsets, so only later ones can hold one, and only those that
 * end within the longest mention's length of its start.
 */
function outermost(mentions: readonly PlaceMention[]): PlaceMention[] {
  let longest = 0
  for (const m of mentions) longest = Math.max(longest, m.end - m.start)
  return mentions.filter((m, i) => {
    for (let j = i + 1; j < mentions.length && mentions[j]!.end - longest <= m.start; j++) {
      const o = mentions[j]!
      if (o.start <= m.start && o.end - o.start > m.end - m.start) return false
    }
    return true
  })
}

/** Where the suffixes of unit names can begin in a Document, listed by the shared pass. */
const suffixStartsIn = triggerScan.literalPositions(adminSuffixes, { keep: true })

/** Gazetteer names ending in an administrative suffix, extended by the short names of their parents. */
function* suffixedNames(doc: Document, gazetteer: Gazetteer, ends: ShortNameEnds, tokenizer: Tokenizer): Generator<PlaceMention> {
  const text = doc.text
  // Where a suffix can begin, from the pass the pattern rules share; else every position.
  const positions = suffixStartsIn(doc)
  const count = positions ? positions.length : text.length
  // The scan goes on after each suffix, whether it ends a name or not.
  let next = 0
  for (let k = 0; k < count; k++) {
    const at = positions ? positions[k]! : k
    if (at < next) continue
    const suffix = adminSuffixAt(text, at)
    if (suffix === undefined) continue
    const start = at
    const end = start + suffix.length
    next = end
    if (!isHan(text.charCodeAt(start - 1)) || isSuffixCutAt(text, end, suffix)) continue
    const minLength = suffix.length + 2
    const upper = gazetteer.upperNamesEndingAt(text, end, minLength, isHan)[0]
    const village = villageSuffixes.has(suffix) ? gazetteer.villageNamesEndingAt(text, end, minLength, isHan)[0] : undefined
    const entry = pickLonger(upper, village)
    const mention = entry ? withParentPrefix(text, gazetteer, ends, entry, end, suffix.length) : villageSuffixes.has(suffix) ? chainedTownName(text, gazetteer, ends, start, end) : undefined
    if (mention && !isCutFromOtherWords(doc, tokenizer, mention)) yield mention
  }
}

/**
 * True when a county, town or village name is cut out of other words of the tagger's
 * dictionary: it starts inside one (`文明村镇` is not 明村镇, `其中城区社区` is not 中城区社区),
 * or a common word runs over its suffix (`发展乡村旅游` is not the village 发展乡村). Words the
 * tagger does not know (`抓外` of 包抓外西河村, `村拓建`, tagged `x`) only show the name is
 * unknown to it.
 */
function isCutFromOtherWords(doc: Document, tokenizer: Tokenizer, mention: PlaceMention): boolean {
  const level = mention.units[0]?.level ?? 0
  if (level < 3 || mention.evidence !== 'name') return false
  const { start, maskEnd } = mention
  if (!mayBeCut(doc.text, tokenizer, start, maskEnd)) return false
  const tokens = tokensAround(doc, tokenizer, mention.start, mention.end)
  const startsInside = (t: Token) => t.tag !== 'x' && t.start < start && start < t.end
  // A place word over the suffix (包抓外/x 河村/ns 乡村) does not cut the name: only common words do.
  const endsInside = (t: Token) => !properTagRe.test(t.tag) && start < t.start && t.start < maskEnd && maskEnd < t.end
  return tokens.some((t) => startsInside(t) || endsInside(t))
}

/**
 * Names asked about before the prefixes of jieba's dictionary are worth building: they cost
 * ~50 ms, about what tagging the clauses of this many names does.
 */
const namesBeforePrefixes = 2000
let namesAsked = 0

/**
 * False when no word of the tagger's dictionary tagged other than `x` runs over the start of
 * the name, and no common word runs from inside the name over its suffix: then no token can
 * cut it (see {@link isCutFromOtherWords}), and its clause need not be tagged. Only jieba's
 * dictionary is known here; other backends always tag.
 */
function mayBeCut(text: string, tokenizer: Tokenizer, start: number, maskEnd: number): boolean {
  if (tokenizer.name !== 'jieba' || ++namesAsked < namesBeforePrefixes) return true
  const prefixes = jiebaWordPrefixes()
  return prefixes === null || prefixes.tagged.mayRunOver(text, start, 0, start - 1) || prefixes.common.mayRunOver(text, maskEnd, start + 1, maskEnd - 1)
}

/** Tags of unknown words and proper nouns. */
const properTagRe = /^(?:x|ns|nr|nrt|nrfg|nz|nt)$/

function pickLonger(a: NameEntry | undefined, b: NameEntry | undefined): NameEntry | undefined {
  if (!a) return b
  if (!b) return a
  return b.name.length > a.name.length ? b : a
}

/**
 * A gazetteer name, extended to the left over the short names of units containing it
 * (`灵武` + `郝家桥镇`); each extension keeps only the namesakes inside that unit.
 */
function withParentPrefix(text: string, gazetteer: Gazetteer, ends: ShortNameEnds, entry: NameEntry, end: number, suffixLength: number): PlaceMention {
  let start = end - entry.name.length
  let units = entry.units
  let isExtended = false
  for (let hasGrown = true; hasGrown; ) {
    hasGrown = false
    if (!ends.mayEndAt(text, start, anyLevel)) break
    for (let length = maxShortLength; length >= 2 && !hasGrown; length--) {
      const parents = gazetteer.unitsByShortName(text.slice(start - length, start))
      const inside = units.filter((u) => parents.some((p) => u.code.startsWith(p.code) && u.code !== p.code))
      if (start - length < 0 || inside.length === 0) continue
      units = inside
      start -= length
      hasGrown = isExtended = true
    }
  }
  const isGeneric = entry.isGeneric && !isExtended && entry.units[0]!.level >= 4
  return { start, end, maskEnd: end - suffixLength, units, evidence: isExtended ? 'chain' : 'name', isGeneric }
}

/**
 * A community or village not in the gazetteer, named by the short names of its town and of a
 * unit containing the town: `惠农` (惠农区) + `中街` (中街街道) + `社区`.
 */
function chainedTownName(text: string, gazetteer: Gazetteer, ends: ShortNameEnds, suffixStart: number, end: number): PlaceMention | undefined {
  if (!ends.mayEndAt(text, suffixStart, 1 << 4)) return undefined
  for (let length = maxShortLength; length >= 2; length--) {
    const towns = gazetteer.unitsByShortName(text.slice(suffixStart - length, suffixStart)).filter((u) => u.level === 4)
    if (towns.length === 0 || suffixStart - length < 0) continue
    const townStart = suffixStart - length
    if (!ends.mayEndAt(text, townStart, anyLevel)) continue
    for (let parentLength = maxShortLength; parentLength >= 2; parentLength--) {
      const parents = gazetteer.unitsByShortName(text.slice(townStart - parentLength, townStart))
      const inside = towns.filter((t) => parents.some((p) => t.code.startsWith(p.code)))
      if (townStart - parentLength >= 0 && inside.length > 0) return { start: townStart - parentLength, end, maskEnd: suffixStart, units: inside, evidence: 'chain', isGeneric: false }
    }
  }
  return undefined
}

let shortMatcher: { readonly gazetteer: Gazetteer; readonly namesIn: (doc: Document) => LiteralHit[] } | undefined

/**
 * Short names of provinces, prefectures and counties written without suffix, as whole words.
 * Before 同志 a short name is a person's (天津同志 is someone's given name or a form of address).
 */
function* shortNames(doc: Document, gazetteer: Gazetteer, tokenizer: Tokenizer): Generator<PlaceMention> {
  if (shortMatcher?.gazetteer !== gazetteer) {
    // Tried where the names can begin, from the pass the pattern rules share.
    shortMatcher = { gazetteer, namesIn: literalsIn(standaloneShortNames(gazetteer), { keep: true }) }
  }
  for (const hit of shortMatcher.namesIn(doc)) {
    if (!isStandalone(doc, hit.end) || doc.text.startsWith('同志', hit.end)) continue
    const tokens = tokensAround(doc, tokenizer, hit.begin, hit.end)
    if (!isTokenAligned(tokens, hit.begin, hit.end)) continue
    // The tagger reads it as a common word (`他文山话多`: 文山/n): a word, not the prefecture.
    if (tokens.some((t) => t.start === hit.begin && t.end === hit.end && !shortNameTagRe.test(t.tag))) continue
    const units = highestLevel(gazetteer.unitsByShortName(hit.keyword).filter((u) => u.level <= 3))
    yield { start: hit.begin, end: hit.end, maskEnd: hit.end, units, evidence: 'short', isGeneric: false }
  }
}

/** Tags a short name written without suffix may carry: places, names, proper nouns, abbreviations, unknown words. */
const shortNameTagRe = /^(?:ns|nr|nrt|nrfg|nz|nt|x|j)$/

/** Written alone, a short name means its highest unit: `河北` is 河北省, not 天津's 河北区. */
function highestLevel(units: readonly Unit[]): Unit[] {
  const top = Math.min(...units.map((u) => u.level))
  return units.filter((u) => u.level === top)
}

/**
 * Short names that stand for a place without suffix: every province's (宁夏, 内蒙古), those of
 * prefectures that are not common words (石嘴山; not 江山, 朝阳), and those of counties that are
 * not and have three characters or more (额济纳). Two rare characters of a county name occur
 * too easily in other words (久治 in a misquoted 长治久安); they count only before a suffix.
 */
function standaloneShortNames(gazetteer: Gazetteer): string[] {
  const upper = gazetteer.shortNamesWhere((_, levels, uncommonLevels) => (levels & (1 << 1)) !== 0 || (uncommonLevels & (1 << 2)) !== 0)
  const counties = gazetteer.shortNamesWhere((length, _, uncommonLevels) => length >= 3 && (uncommonLevels & (1 << 3)) !== 0)
  return [...new Set([...upper, ...counties.filter((name) => !landformEndRe.test(name))])]
}

/**
 * The last character of a county named after its river, lake or mountain (清水河县, 东西湖区,
 * 五指山市): written without suffix, the name is that feature's more often (a county's
 * 清水河 is one of many rivers so called), so it counts only before the suffix.
 */
const landformEndRe = /[河江湖溪山岭]$/

/** Not part of a longer run of Han characters that the suffix scan reads (宁夏回族自治区). */
function isStandalone(doc: Document, end: number): boolean {
  return adminSuffixAt(doc.text, end, end + 3) === undefined
}

/** A landmark named after a unit: a prefecture or county short name + 山/湖/河/... as one word (贺兰山). */
function* landmarks(doc: Document, gazetteer: Gazetteer, ends: ShortNameEnds, tokenizer: Tokenizer): Generator<PlaceMention> {
  const text = doc.text
  landmarkFeatureRe.lastIndex = 0
  for (let m = landmarkFeatureRe.exec(text); m; m = landmarkFeatureRe.exec(text)) {
    if (!ends.mayEndAt(text, m.index, (1 << 2) | (1 << 3))) continue
    for (let length = maxShortLength - 1; length >= 2; length--) {
      const start = m.index - length
      if (start < 0) continue
      const units = gazetteer.unitsByShortName(text.slice(start, m.index)).filter((u) => (u.level === 2 || u.level === 3) && !gazetteer.isCommonShortName(u))
      if (units.length === 0) continue
      const tokens = tokensAround(doc, tokenizer, start, m.index + 1)
      if (tokens.some((t) => t.start === start && t.end === m!.index + 1)) yield { start, end: m.index + 1, maskEnd: m.index, units: [], evidence: 'landmark', isGeneric: false }
      break
    }
  }
}

/** Mentions that touch (宁夏回族自治区 + 石嘴山市 + 惠农区) form one run, reported as one name. */
export function adjacentRuns(mentions: readonly PlaceMention[]): PlaceMention[][] {
  const runs: PlaceMention[][] = []
  for (const m of mentions) {
    const run = runs[runs.length - 1]
    if (run && run[run.length - 1]!.end === m.start) run.push(m)
    else runs.push([m])
  }
  return runs
}

/**
 * Links each mention to the one right before it: a unit inside the previous place keeps only
 * its namesakes there (`郾城区沙北街道` + `昆仑社区`), and a generic name (红旗村) is kept only
 * inside a county, town or village named right before it (`郝家桥镇红旗村`, not `河南省和谐社区`).
 */
function linkAdjacent(sorted: PlaceMention[]): PlaceMention[] {
  const kept: PlaceMention[] = []
  for (const m of sorted) {
    const previous = kept[kept.length - 1]
    const inside = previous && previous.end === m.start ? m.units.filter((u) => previous.units.some((p) => p.level >= 3 && u.code.startsWith(p.code) && u.code !== p.code)) : []
    if (m.isGeneric && inside.length === 0) continue
    kept.push(inside.length > 0 ? { ...m, units: inside, isGeneric: false } : m)
  }
  return kept
}
