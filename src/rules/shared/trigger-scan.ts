// One pass over a Document's text for all the built-in regexes at once: each regex registers
// the pairs of units its matches can begin with ({@link firstPairsOf}), the pass reads one
// table per position and lists, for each regex, the positions where it can match; the regex is
// then tried, sticky, only there. One JavaScript scan of the text costs about as much as V8's
// own scan for one regex that opens with a literal, and much less than its scans of a dozen
// regexes opening with lookbehinds, optional parts or classes (bench corpus: the pattern rules
// from 470 ms to 310 ms, the pass included). A regex that matches every few dozen characters
// (the mask runs) gains nothing when tried at its positions, its match arrays costing what the
// pass saves; read without the regex (mask-runs.ts), its positions save that rule's own scan.
import type { Document } from '../../core/document.js'
import { FirstCharIndex, pairSlot, pairTableSize, type LiteralHit } from './first-char-index.js'
import { literalAlternation } from './options.js'
import { firstPairsOf, splitUnbounded, type FirstPairs } from './regex-first-units.js'
import { buildCache, type BuildCache } from '../build-cache.js'

/** The next match in `text` at or after a position; offsets in UTF-16 code units of `text`. */
export type Search = (text: string, from: number, within?: Within) => RegExpExecArray | null

/**
 * Where a searched text lies in the Document's text: `text` is `whole.slice(offset, offset +
 * text.length)` (a line of it). Positions are listed in the whole.
 */
export interface Within {
  readonly whole: string
  readonly offset: number
}

/** Bits of a regex set held in one word of the tables (the sign bit left alone). */
const bitsPerWord = 31
/**
 * The regexes of one bit each in the tables, in two words; past these, a regex scans alone.
 * With one word (31), the pass was full before the leak rules' literal sets (the places' short
 * names, the linkage cues) registered, and each of them read the whole text of every document
 * again (bench corpus: 430 ms).
 */
const maxTriggers = 2 * bitsPerWord

/**
 * How much text passes before the tables are built: parsing the patterns of the paywall rules
 * takes tens of milliseconds in a fresh process, which the pass saves only over more text than
 * a few small files hold.
 */
const textBeforeTables = 1 << 16

/**
 * Per pair slot and per unit, the number of the set of regexes that can begin there (0: none),
 * and each set's bits. Numbers in bytes keep the tables in the cache (128 KB, where the bits
 * themselves took 512 KB and the pass twice the time).
 */
interface Tables {
  readonly pairs: Uint8Array
  readonly singles: Uint8Array
  /** Per set number, the bits of its regexes 0–30 (`setsLow`) and 31–61 (`setsHigh`). */
  readonly setsLow: Int32Array
  readonly setsHigh: Int32Array
  /** Per index: false where the pairs are not bounded, and the regex scans alone. */
  readonly isBounded: readonly boolean[]
  /** Per index: the regex split where only some of its alternatives are bounded; the bits are the bounded part's. */
  readonly cuts: readonly ({ readonly bounded: string; readonly rest: string } | undefined)[]
  /** True when the pass also lists {@link TriggerScan.recurrences}. */
  readonly withRecurrences: boolean
}

/** What the pass lists in one Document. */
interface Found {
  /** Each regex's positions by index (undefined where not bounded). */
  readonly lists: readonly (Int32Array | undefined)[]
  /** The positions whose unit recurs 2, 3 or 4 units on, when asked for. */
  readonly recurrences: Int32Array | undefined
}

let scans = 0

/** The regexes sharing one pass, and their tables. */
export class TriggerScan {
  /** Each regex's source, or what makes it when the tables are built, and its flags. */
  private readonly registered: Registered[] = []
  private readonly indexByKey = new Map<string, number>()
  private tables: Tables | undefined
  private textSeen = 0
  private wantsRecurrences = false
  /** Names this scan's lists in a Document's memo. */
  private readonly memoKey = `triggers:${++scans}`

  /**
   * @param analyses where what the tables learn of each regex registered to be kept
   * ({@link Keeping}) is kept between runs; none for a pass kept nowhere.
   */
  constructor(
    private readonly textBeforeTables: number,
    private readonly analyses?: BuildCache<Analysis | null>,
  ) {}

  /**
   * A search for `re` (a `g` RegExp) in a Document, giving what `re.exec` gives from `lastIndex
   * = from`: once the tables are built and bound where `re` can match, it tries a sticky copy
   * only at the listed positions.
   */
  search(re: RegExp, options: Keeping = {}): (doc: Document) => Search {
    const plain: Search = (text, from) => {
      re.lastIndex = from
      return re.exec(text)
    }
    // V8 finds a literal prefix itself as fast as the pass: such a regex leaves its slot to one that needs it.
    const index = opensWithLiteral(re.source) ? undefined : this.register(`${re.flags}/${re.source}`, re.source, re.flags, options)
    if (index === undefined) return () => plain
    const isUnicode = re.unicode
    let regexes: SplitRegexes | undefined
    return (doc) => {
      const positions = this.positionsOf(doc)?.lists[index]
      if (!positions) return plain
      regexes ??= splitRegexes(re, this.tables!.cuts[index])
      const { sticky } = regexes
      const whole = doc.text
      const atPositions: Search = (text, from, within) => {
        const base = within?.offset ?? 0
        const start = base + from
        const end = base + text.length
        for (let k = lowerBound(positions, start); k < positions.length && positions[k]! < end; k++) {
          const i = positions[k]!
          // A `u` search steps by code point: it never starts between the halves of a pair.
          if (isUnicode && i > start && isTrailSurrogate(whole.charCodeAt(i)) && isLeadSurrogate(whole.charCodeAt(i - 1))) continue
          sticky.lastIndex = i - base
          const m = sticky.exec(text)
          if (m) return m
        }
        return null
      }
      return withRest(atPositions, regexes)
    }
  }

  /**
   * A search for `re` (a `g` RegExp) in the few lines of a text that a rule's line filter picks,
   * giving what `re.exec` gives: each line is read for where `re` can begin with tables of its
   * own, not in the pass over the whole text. There a regex that may begin at one position in
   * fifteen (the residue rule's page chrome, the truncation notices: a bracket, a space, a
   * digit) cost the pass as much as all its other regexes, for positions nearly all outside
   * those lines. Plain V8 until the searches have read {@link textBeforeTables} units.
   */
  lineSearch(re: RegExp, options: Keeping = {}): Search {
    const plain: Search = (text, from) => {
      re.lastIndex = from
      return re.exec(text)
    }
    if (opensWithLiteral(re.source)) return plain
    let read = 0
    let search: Search | undefined
    return (text, from, within) => {
      if (!search) {
        read += text.length - from
        if (read < this.textBeforeTables) return plain(text, from)
        search = this.linesSearchOf(re, options) ?? plain
      }
      return search(text, from, within)
    }
  }

  /** {@link lineSearch}'s search once it reads positions, or undefined where `re`'s beginnings are not bounded. */
  private linesSearchOf(re: RegExp, { keep = false }: Keeping): Search | undefined {
    const analysis = analyse({ key: `${re.flags}/${re.source}`, source: re.source, flags: re.flags, keep }, this.analyses)
    this.analyses?.save()
    if (!analysis) return undefined
    const pairs = new Uint8Array(pairTableSize)
    for (const slot of analysis.pairSlots) pairs[slot] = 1
    const singles = new Uint8Array(0x10000)
    for (const unit of analysis.singleUnits) singles[unit] = 1
    const isUnicode = re.unicode
    const regexes = splitRegexes(re, analysis.cut)
    const { sticky } = regexes
    const atPositions: Search = (text, from) => {
      const last = text.length - 1
      for (let i = from; i <= last; i++) {
        const unit = text.charCodeAt(i)
        // No pair fits at the last unit: a match there is one unit long, which the singles hold.
        if (singles[unit] === 0 && (i === last || pairs[pairSlot(unit, text.charCodeAt(i + 1))] === 0)) continue
        if (isUnicode && i > from && isTrailSurrogate(unit) && isLeadSurrogate(text.charCodeAt(i - 1))) continue
        sticky.lastIndex = i
        const m = sticky.exec(text)
        if (m) return m
      }
      return null
    }
    return withRest(atPositions, regexes)
  }

  /**
   * The positions in a Document where a match of `source` (with `flags`) can begin, for a rule
   * that tries something else there (a lexicon's words); undefined where {@link search} would
   * scan alone, and the rule scans itself.
   */
  positions(source: string, flags: string, options: Keeping = {}): (doc: Document) => Int32Array | undefined {
    return this.positionsAt(this.register(`${flags}/${source}`, source, flags, options))
  }

  /**
   * The positions where one of `literals` can begin, as {@link positions} of their alternation
   * gives them; the alternation (of a thousand place names, some milliseconds) is made only if
   * the tables are built, which a run over a few small files never does.
   */
  literalPositions(literals: readonly string[], options: Keeping = {}): (doc: Document) => Int32Array | undefined {
    return this.positionsAt(this.register(`literals/${JSON.stringify(literals)}`, () => literalAlternation(literals), '', options))
  }

  private positionsAt(index: number | undefined): (doc: Document) => Int32Array | undefined {
    if (index === undefined) return () => undefined
    // A split regex's positions are those of its bounded part only.
    return (doc) => {
      const positions = this.positionsOf(doc)?.lists[index]
      return positions && !this.tables!.cuts[index] ? positions : undefined
    }
  }

  /**
   * The positions in a Document whose unit recurs 2, 3 or 4 units on (推 of `推进推进`), for the
   * repeat rule: the pass reads each unit anyway, where a scan of its own read the text again
   * (bench corpus: 70 ms of the rule's 100). Undefined while too little text has passed.
   */
  recurrences(): (doc: Document) => Int32Array | undefined {
    if (!this.wantsRecurrences) {
      this.wantsRecurrences = true
      this.tables = undefined
    }
    return (doc) => this.positionsOf(doc)?.recurrences
  }

  /**
   * The index of a regex in the pass, or undefined when the pass is full. The same key (flags and
   * source, or the literals of a set) shares one index, so compiling the rules again adds nothing.
   */
  private register(key: string, source: string | (() => string), flags: string, { keep = false }: Keeping): number | undefined {
    const known = this.indexByKey.get(key)
    if (known !== undefined) {
      // The same regex from the built-in rules and from a user's: its analysis is the built-in one's.
      this.registered[known]!.keep ||= keep
      return known
    }
    if (this.registered.length === maxTriggers) return undefined
    this.registered.push({ key, source, flags, keep })
    this.indexByKey.set(key, this.registered.length - 1)
    // A regex registered after the tables were built has them built anew.
    this.tables = undefined
    return this.registered.length - 1
  }

  /** What the pass lists in `doc`, or undefined while too little text has passed. */
  private positionsOf(doc: Document): Found | undefined {
    if (!this.tables) {
      if (this.textSeen < this.textBeforeTables) {
        // Each document counts once, however many regexes ask.
        doc.derive(`${this.memoKey}:seen`, () => {
          this.textSeen += doc.text.length
        })
        return undefined
      }
      this.tables = buildTables(this.registered, this.wantsRecurrences, this.analyses)
    }
    const tables = this.tables
    return doc.derive(`${this.memoKey}:${tables.isBounded.length}:${tables.withRecurrences}`, () => scan(doc.text, tables))
  }
}

/** The pass of the built-in rules' regexes. */
export const triggerScan = new TriggerScan(textBeforeTables, buildCache('trigger-analyses'))

/**
 * A search for `literals` in a Document, giving what a FirstCharIndex of them `matches`: the
 * index is tried only at the positions the pass lists for them once it has tables, where its
 * own scan read the whole text again (~6 ns a unit): a lexicon, the cues of linked names, the
 * short names of places.
 */
export function literalsIn(literals: readonly string[], options: Keeping = {}): (doc: Document) => LiteralHit[] {
  const index = new FirstCharIndex(literals)
  const positionsIn = triggerScan.literalPositions(literals, options)
  return (doc) => {
    const positions = positionsIn(doc)
    return positions ? index.matchesAt(doc.text, positions) : index.matches(doc.text)
  }
}

/** How a regex registers with the pass. */
export interface Keeping {
  /**
   * True for a regex of the built-in rules: its analysis may be kept between runs (in
   * dist/.cache/). False for one a user's rule file makes: its words are not written out.
   */
  readonly keep?: boolean
}

/** A regex of the pass: the key it was registered by, its source (or what makes it) and flags. */
interface Registered {
  readonly key: string
  readonly source: string | (() => string)
  readonly flags: string
  keep: boolean
}

/** What the tables take of one regex: the pairs and units its matches can begin with, and the split that bounded them, if any. */
interface Analysis extends FirstPairs {
  readonly cut?: { readonly bounded: string; readonly rest: string }
}

/**
 * The analysis of a regex, or null where its matches' beginnings are not bounded. Parsing the
 * pattern (regexpp) took ~50 ms of a large run's thread for the built-in rules, and V8
 * optimising the parser on other threads ~300 ms more, in each worker thread too: the
 * pass keeps the analyses of the built-in rules' regexes in `analyses` between runs.
 */
function analyse({ key, source: made, flags, keep }: Registered, analysesKept: BuildCache<Analysis | null> | undefined): Analysis | null {
  const analyses = keep ? analysesKept : undefined
  const kept = analyses?.get(key)
  if (kept !== undefined && isAnalysis(kept)) return kept
  const source = typeof made === 'string' ? made : made()
  let analysis: Analysis | null = firstPairsOf(source, flags) ?? null
  if (!analysis) {
    const cut = splitUnbounded(source, flags)
    const firsts = cut && firstPairsOf(cut.bounded, flags)
    if (firsts) analysis = { ...firsts, cut }
  }
  analyses?.set(key, analysis)
  return analysis
}

/** True for what {@link analyse} gives, read back from a file that may be damaged. */
function isAnalysis(value: unknown): value is Analysis | null {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const { pairSlots, singleUnits, cut } = value as Record<string, unknown>
  const isUnits = (list: unknown, limit: number) => Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 0 && n < limit)
  const isCut = cut === undefined || (typeof cut === 'object' && cut !== null && typeof (cut as Record<string, unknown>).bounded === 'string' && typeof (cut as Record<string, unknown>).rest === 'string')
  return isUnits(pairSlots, pairTableSize) && isUnits(singleUnits, 0x10000) && isCut
}

function buildTables(registered: readonly Registered[], withRecurrences: boolean, analyses: BuildCache<Analysis | null> | undefined): Tables {
  // The bits of the regexes by pair slot and by unit (low word, high word), for the slots and units some regex marks.
  const pairBits = new Map<number, [number, number]>()
  const singleBits = new Map<number, [number, number]>()
  const mark = (bitsAt: Map<number, [number, number]>, at: number, word: 0 | 1, bit: number) => {
    const bits = bitsAt.get(at) ?? [0, 0]
    bits[word] |= bit
    bitsAt.set(at, bits)
  }
  const cuts: ({ readonly bounded: string; readonly rest: string } | undefined)[] = []
  const isBounded = registered.map((regex, index) => {
    const firsts = analyse(regex, analyses)
    if (!firsts) return false
    if (firsts.cut) cuts[index] = firsts.cut
    const word = index < bitsPerWord ? 0 : 1
    const bit = 1 << index % bitsPerWord
    for (const slot of firsts.pairSlots) mark(pairBits, slot, word, bit)
    for (const unit of firsts.singleUnits) mark(singleBits, unit, word, bit)
    return true
  })
  analyses?.save()
  // Past 255 sets, the last number stands for all the regexes: they are tried at more positions.
  const setOf = new Map<string, number>([['0:0', 0]])
  const setsLow = new Int32Array(0x100)
  const setsHigh = new Int32Array(0x100)
  const number = (table: Uint8Array, bitsAt: Map<number, [number, number]>) => {
    for (const [at, [low, high]] of bitsAt) {
      const key = `${low}:${high}`
      let n = setOf.get(key)
      if (n === undefined) {
        n = Math.min(setOf.size, 0xff)
        setOf.set(key, n)
        // Sets past 254 share the last number, with the union of their bits: a regex tried where it cannot begin fails there.
        setsLow[n] = setsLow[n]! | low
        setsHigh[n] = setsHigh[n]! | high
      }
      table[at] = n
    }
    return table
  }
  const pairs = number(new Uint8Array(pairTableSize), pairBits)
  const singles = number(new Uint8Array(0x10000), singleBits)
  return { pairs, singles, setsLow, setsHigh, isBounded, cuts, withRecurrences }
}

/** The positions the pass found and their regexes' bits (low and high words), reused from one document to the next. */
let foundAt = new Int32Array(0)
let foundLow = new Int32Array(0)
let foundHigh = new Int32Array(0)
let recurAt = new Int32Array(0)

/**
 * The one pass: each position whose pair or unit some regex can begin with is noted with those
 * regexes' bits, in arrays kept between documents (pushing onto a list per regex cost as much
 * as the pass); the positions are then dealt out to each regex's list.
 */
function scan(text: string, { pairs, singles, setsLow, setsHigh, isBounded, withRecurrences }: Tables): Found {
  const n = text.length
  if (foundAt.length < n) {
    foundAt = new Int32Array(n)
    foundLow = new Int32Array(n)
    foundHigh = new Int32Array(n)
    recurAt = new Int32Array(n)
  }
  const at = foundAt
  const low = foundLow
  const high = foundHigh
  const recur = recurAt
  let found = 0
  let recurs = 0
  const last = n - 1
  // The unit at i and the four after it (-1 past the end), each read once.
  let unit = text.charCodeAt(0)
  let next = n > 1 ? text.charCodeAt(1) : -1
  let u2 = n > 2 ? text.charCodeAt(2) : -1
  let u3 = n > 3 ? text.charCodeAt(3) : -1
  for (let i = 0; i < last; i++) {
    const u4 = i + 4 < n ? text.charCodeAt(i + 4) : -1
    const pair = pairs[pairSlot(unit, next)]!
    const single = singles[unit]!
    if ((pair | single) !== 0) {
      at[found] = i
      low[found] = setsLow[pair]! | setsLow[single]!
      high[found++] = setsHigh[pair]! | setsHigh[single]!
    }
    if (withRecurrences && (unit === u2 || unit === u3 || unit === u4)) recur[recurs++] = i
    unit = next
    next = u2
    u2 = u3
    u3 = u4
  }
  // No pair fits at the last unit.
  if (last >= 0 && singles[unit]! !== 0) {
    at[found] = last
    low[found] = setsLow[singles[unit]!]!
    high[found++] = setsHigh[singles[unit]!]!
  }
  const counts = new Int32Array(isBounded.length)
  const countBits = (word: Int32Array, base: number) => {
    for (let k = 0; k < found; k++) for (let bits = word[k]!; bits !== 0; bits &= bits - 1) counts[base + 31 - Math.clz32(bits & -bits)]!++
  }
  countBits(low, 0)
  countBits(high, bitsPerWord)
  const lists = Array.from(counts, (count) => new Int32Array(count))
  counts.fill(0)
  // Low word first, then high: each list is filled in the order of its positions either way.
  const deal = (word: Int32Array, base: number) => {
    for (let k = 0; k < found; k++) {
      for (let bits = word[k]!; bits !== 0; bits &= bits - 1) {
        const index = base + 31 - Math.clz32(bits & -bits)
        lists[index]![counts[index]!++] = at[k]!
      }
    }
  }
  deal(low, 0)
  deal(high, bitsPerWord)
  return { lists: lists.map((list, index) => (isBounded[index] ? list : undefined)), recurrences: withRecurrences ? recur.slice(0, recurs) : undefined }
}

/**
 * True when every match of `source` begins with the same two Chinese characters (`部份(?![额数])`,
 * `截止(?=…)`): V8 scans for that prefix as fast as the pass reads the text, so the regex gains
 * nothing from a slot of the {@link maxTriggers}, which the literal sets of the leak rules (the
 * places' short names, the linkage cues) then keep. Not with an alternation outside any group.
 */
export function opensWithLiteral(source: string): boolean {
  if (!/^[\u4e00-\u9fff]{2}(?![?*+{])/.test(source)) return false
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') {
      // A class holds no alternation: skip to its end.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return false
  }
  return true
}

/** The regexes that search for one regex at positions: a sticky copy, and where it is split by {@link splitUnbounded}, its rest and itself. */
interface SplitRegexes {
  readonly sticky: RegExp
  readonly rest: RegExp | undefined
  readonly whole: RegExp | undefined
}

function splitRegexes(re: RegExp, cut: Analysis['cut']): SplitRegexes {
  const stickyFlags = re.flags.replace('g', '') + 'y'
  return { sticky: new RegExp(cut?.bounded ?? re.source, stickyFlags), rest: cut && new RegExp(cut.rest, re.flags), whole: cut && new RegExp(re.source, stickyFlags) }
}

/**
 * `atPositions` (the bounded alternatives tried at their positions) joined with V8's scan for
 * the rest of a split regex: the leftmost match of the two, and where both begin at one
 * position, the order of the alternatives decides, as the whole regex tried there shows.
 */
function withRest(atPositions: Search, { rest, whole }: SplitRegexes): Search {
  if (!rest) return atPositions
  // The rest's next match is kept while the searches of a text go forward: none lies between
  // where it was searched from and it.
  let restText: string | undefined
  let restFrom = 0
  let restMatch: RegExpExecArray | null = null
  return (text, from, within) => {
    const m = atPositions(text, from, within)
    if (text !== restText || from < restFrom || (restMatch && restMatch.index < from)) {
      rest.lastIndex = from
      restMatch = rest.exec(text)
      restText = text
      restFrom = from
    }
    if (!restMatch || (m && m.index < restMatch.index)) return m
    if (!m || restMatch.index < m.index) return restMatch
    whole!.lastIndex = m.index
    return whole!.exec(text)
  }
}

/** The first index of `sorted` holding `value` or more. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function isLeadSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}

function isTrailSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
