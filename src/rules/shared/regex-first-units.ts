// Which UTF-16 code units, and pairs of them, a regular expression's match can begin with,
// read from its source: the shared pass (trigger-scan.ts) lists the positions where they stand,
// so a regex V8 cannot skip through itself (one opening with lookbehinds, optional parts or
// many alternatives, as the paywall rules do) is tried only where a match can start. The
// source is parsed by regexpp, the parser of ESLint's regexp plugins.
import { RegExpParser, RegExpSyntaxError, type AST } from '@eslint-community/regexpp'
import { pairSlot } from './first-char-index.js'

/** Inclusive ranges of UTF-16 code units. */
type Units = [number, number][]

/**
 * Past this many units marked the table skips too little to pay for itself: the regex engine
 * scans alone. The built-in patterns that pass mark under a hundred.
 */
const maxMarked = 1024

/** Thrown inside the walk when the pattern uses what a table cannot bound: the caller gives up. */
class Unbounded extends Error {}

const all: Units = [[0, 0xffff]]
/** What `\d`, `\w` and `\s` match (`\s`: ECMAScript WhiteSpace and LineTerminator); no `i` flag here. */
const escapeSetUnits: Readonly<Record<AST.EscapeCharacterSet['kind'], Units>> = {
  digit: [[0x30, 0x39]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  space: [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]],
}

/** A part of the pattern: the units its matches can begin with, and whether it can match empty. */
interface First {
  readonly units: Units
  readonly isNullable: boolean
}

/**
 * A table over UTF-16 code units, 1 where a match of `source` (with `flags`) can begin, or
 * undefined when that cannot be bounded or is too broad to help: the pattern can match empty,
 * uses the `i` flag or back-references, or may begin with a Unicode property or a negated
 * class. A unit the table marks may still begin no match (the table errs towards yes); a unit
 * it leaves 0 begins none.
 */
export function firstUnitsOf(source: string, flags: string): Uint8Array | undefined {
  const pattern = parseBounded(source, flags)
  return pattern && firstUnitsOfPattern(pattern)
}

/** The pattern's tree, or undefined when it does not parse or uses the `i` flag. */
function parseBounded(source: string, flags: string): AST.Pattern | undefined {
  if (flags.includes('i')) return undefined
  try {
    return new RegExpParser().parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') })
  } catch (error) {
    if (error instanceof RegExpSyntaxError) return undefined
    throw error
  }
}

function firstUnitsOfPattern(pattern: AST.Pattern): Uint8Array | undefined {
  let first: First
  try {
    first = firstOfAlternatives(pattern.alternatives)
  } catch (error) {
    if (error instanceof Unbounded) return undefined
    throw error
  }
  // Ranges may overlap: the sum bounds the units marked from above.
  if (first.isNullable || first.units.reduce((n, [lo, hi]) => n + hi - lo + 1, 0) > maxMarked) return undefined
  const table = new Uint8Array(0x10000)
  for (const [lo, hi] of first.units) table.fill(1, lo, hi + 1)
  return table
}

function firstOfAlternatives(alternatives: readonly AST.Alternative[]): First {
  const units: Units = []
  let isNullable = false
  for (const alt of alternatives) {
    const first = firstOfSequence(alt.elements)
    units.push(...first.units)
    isNullable ||= first.isNullable
  }
  return { units, isNullable }
}

/** A sequence: its first units are those of each element up to the first that cannot be empty. */
function firstOfSequence(elements: readonly AST.Element[]): First {
  const units: Units = []
  for (const element of elements) {
    // After `(?!)` nothing matches: the sequence begins no match.
    if (isNever(element)) return { units, isNullable: false }
    const first = firstOfElement(element)
    units.push(...first.units)
    if (!first.isNullable) return { units, isNullable: false }
  }
  return { units, isNullable: true }
}

function firstOfElement(element: AST.Element): First {
  switch (element.type) {
    // `^`, `$`, `\b` and lookarounds consume nothing: what follows them begins the match.
    case 'Assertion':
      return { units: [], isNullable: true }
    case 'Quantifier': {
      const first = firstOfElement(element.element)
      return { units: first.units, isNullable: first.isNullable || element.min === 0 }
    }
    case 'Group':
      if (element.modifiers?.add.ignoreCase) throw new Unbounded('(?i:)')
      return firstOfAlternatives(element.alternatives)
    case 'CapturingGroup':
      return firstOfAlternatives(element.alternatives)
    case 'Backreference':
      throw new Unbounded('back-reference')
    case 'Character':
      return { units: [[leadUnit(element.value), leadUnit(element.value)]], isNullable: false }
    case 'CharacterSet':
      // `.`, `\D`, `\W`, `\S` and Unicode properties (`\p{Script=Han}`: thousands of units) are
      // as good as any unit for a table.
      return { units: element.kind === 'any' || element.kind === 'property' || element.negate ? all : escapeSetUnits[element.kind], isNullable: false }
    case 'CharacterClass':
      return { units: classUnits(element), isNullable: false }
    // A `v` class with `&&` or `--`: a table does not follow the set operations.
    case 'ExpressionCharacterClass':
      return { units: all, isNullable: false }
  }
}

/**
 * `[...]`: a negated class may begin with almost anything, so it counts as any unit, as do the
 * nested classes, strings and properties of a `v` class.
 */
function classUnits(cls: AST.CharacterClass): Units {
  if (cls.negate) return all
  const units: Units = []
  for (const element of cls.elements) {
    if (element.type === 'Character') units.push([leadUnit(element.value), leadUnit(element.value)])
    else if (element.type === 'CharacterClassRange') units.push(...rangeUnits(element.min.value, element.max.value))
    else if (element.type === 'CharacterSet' && element.kind !== 'property' && !element.negate) units.push(...escapeSetUnits[element.kind])
    else return all
  }
  return units
}

/** The units code points `lo` to `hi` begin with: themselves below U+10000, their lead surrogates above. */
function rangeUnits(lo: number, hi: number): Units {
  const units: Units = []
  if (lo <= 0xffff) units.push([lo, Math.min(hi, 0xffff)])
  if (hi > 0xffff) units.push([leadUnit(Math.max(lo, 0x10000)), leadUnit(hi)])
  return units
}

/** The first UTF-16 unit of a code point: an astral one begins with its lead surrogate. */
function leadUnit(codePoint: number): number {
  return codePoint <= 0xffff ? codePoint : 0xd800 + ((codePoint - 0x10000) >> 10)
}

/**
 * Where a match can begin by its first two UTF-16 units: `pairSlots`, the slots of the hashed
 * pairs ({@link pairSlot}) of matches of two units or more; `singleUnits`, the first units of
 * those that may be one unit long or whose second unit is not bounded. A position passes when
 * either holds it; hashing may let a pair pass wrongly, never leave one out. Lists, not tables:
 * the shared pass merges a dozen of them once per process, before its code is optimised.
 */
export interface FirstPairs {
  readonly pairSlots: readonly number[]
  readonly singleUnits: readonly number[]
}

/** What a part of the pattern begins with, up to two units: one unit set per position. */
interface Prefix {
  readonly units: readonly Units[]
  /**
   * `ended`: the part's match ends after these units (what follows the part comes next);
   * `open`: it goes on in a way not followed here, so any unit may come next.
   */
  readonly end: 'ended' | 'open'
}

/** Past this many pairs one prefix stands for, its first unit alone marks it (a single). */
const maxPairsOfPrefix = 4096

/**
 * The tables of {@link FirstPairs} for `source` (with `flags`), or undefined where
 * {@link firstUnitsOf} gives none: the pair of the first two characters (`人网` of the filter
 * word `人网`) passes far fewer positions of Chinese text than its first character (人).
 */
export function firstPairsOf(source: string, flags: string): FirstPairs | undefined {
  const pattern = parseBounded(source, flags)
  // The first units bound the pairs' first units: without them (a first unit of any Chinese
  // character) the longer walk below would come to nothing as well.
  if (!pattern || !firstUnitsOfPattern(pattern)) return undefined
  let prefixes: Prefix[]
  try {
    prefixes = pattern.alternatives.flatMap((alt) => prefixesOfSequence(alt.elements, 2))
  } catch (error) {
    if (error instanceof Unbounded) return undefined
    throw error
  }
  if (prefixes.some(({ units }) => units.length === 0)) return undefined
  const isPair = ({ units: [firsts, seconds] }: Prefix) => seconds !== undefined && unitCount(firsts!) * unitCount(seconds) <= maxPairsOfPrefix
  const singleUnits = new Set<number>()
  let marked = 0
  for (const prefix of prefixes) {
    if (isPair(prefix)) continue
    marked += unitCount(prefix.units[0]!)
    if (marked > maxMarked) return undefined
    for (const [lo, hi] of prefix.units[0]!) for (let a = lo; a <= hi; a++) singleUnits.add(a)
  }
  // A pair whose first unit passes alone anyway would only let more positions pass wrongly.
  const pairSlots = new Set<number>()
  for (const prefix of prefixes.filter(isPair)) {
    const [firsts, seconds] = prefix.units as [Units, Units]
    for (const [lo, hi] of firsts) for (let a = lo; a <= hi; a++) if (!singleUnits.has(a)) for (const [lo2, hi2] of seconds) for (let b = lo2; b <= hi2; b++) pairSlots.add(pairSlot(a, b))
  }
  return { pairSlots: [...pairSlots], singleUnits: [...singleUnits] }
}

/**
 * The prefixes of up to `k` units of the matches of `elements` from `from` on; `ended` ones are
 * shorter than `k` and end the sequence. The rest's prefixes are found once for all the heads
 * that leave it the same number of units to fill.
 */
function prefixesOfSequence(elements: readonly AST.Element[], k: number, from = 0): Prefix[] {
  if (k === 0 || from === elements.length) return [{ units: [], end: 'ended' }]
  const element = elements[from]!
  if (isNever(element)) return []
  // A lookahead ending its sequence bounds the units after it (`—(?=[项个])`: the dash, then a
  // measure word), what follows the sequence left aside: the text there matches the lookahead.
  if (element.type === 'Assertion' && element.kind === 'lookahead' && !element.negate && elements.slice(from + 1).every((e) => e.type === 'Assertion')) {
    return element.alternatives.flatMap((alt) => prefixesOfSequence(alt.elements, k)).map((p) => ({ units: p.units, end: 'open' }))
  }
  const prefixes: Prefix[] = []
  const tails = new Map<number, Prefix[]>()
  for (const head of prefixesOfElement(element, k)) {
    if (head.end === 'open' || head.units.length === k) {
      prefixes.push(head)
      continue
    }
    const left = k - head.units.length
    let tail = tails.get(left)
    if (!tail) tails.set(left, (tail = prefixesOfSequence(elements, left, from + 1)))
    for (const t of tail) prefixes.push({ units: [...head.units, ...t.units], end: t.end })
  }
  return prefixes
}

function prefixesOfElement(element: AST.Element, k: number): Prefix[] {
  switch (element.type) {
    // Assertions consume nothing: they only narrow what the rest matches.
    case 'Assertion':
      return [{ units: [], end: 'ended' }]
    case 'Quantifier': {
      // n copies for n up to k cover every prefix of k units: more copies add units only past k,
      // or nothing (a copy that may match empty).
      const prefixes: Prefix[] = []
      for (let n = Math.min(element.min, k); n <= Math.min(element.max, k); n++) prefixes.push(...prefixesOfSequence(Array<AST.Element>(n).fill(element.element), k))
      return prefixes
    }
    case 'Group':
      if (element.modifiers?.add.ignoreCase) throw new Unbounded('(?i:)')
      return element.alternatives.flatMap((alt) => prefixesOfSequence(alt.elements, k))
    case 'CapturingGroup':
      return element.alternatives.flatMap((alt) => prefixesOfSequence(alt.elements, k))
    case 'Backreference':
      throw new Unbounded('back-reference')
    case 'Character':
      if (element.value <= 0xffff) return [{ units: [[[element.value, element.value]]], end: 'ended' }]
      {
        const lead: Units = [[leadUnit(element.value), leadUnit(element.value)]]
        const trail: Units = [[trailUnit(element.value), trailUnit(element.value)]]
        return [{ units: [lead, trail].slice(0, k), end: 'ended' }]
      }
    default: {
      // A set or class: one unit, or two where it may match an astral character: its first
      // unit is then followed by a trail surrogate, not by what follows the set.
      const units = firstOfElement(element).units
      return [{ units: [units], end: mayMatchAstral(element) ? 'open' : 'ended' }]
    }
  }
}

/** `(?!)`, which no text passes: it keeps alternatives in a pattern, their groups numbered, out of its matches. */
function isNever(element: AST.Element): boolean {
  return element.type === 'Assertion' && element.kind === 'lookahead' && element.negate && element.alternatives.length === 1 && element.alternatives[0]!.elements.length === 0
}

/**
 * A pattern whose first pairs are not bounded, split by its top-level alternatives
 * (`…|\p{Script=Han}{1,2}ICP备…|…`): `bounded` matches what the bounded ones match, `rest` what
 * the others match, each keeping the other side's as `(?!)(?:…)`, one per run of them, so that
 * groups keep their numbers. The pattern's match is the leftmost of the two; where both begin
 * at one position, the whole pattern tried there decides, as the order of its alternatives
 * does. The rest holds only the alternatives that need it: one unbounded alternative amid sixty
 * left the fifty after it scanned at every position of every line (`paywall/residue`: 230 ms of
 * the bench corpus). Undefined when none is bounded, all are, or the pattern does not parse.
 */
export function splitUnbounded(source: string, flags: string): { readonly bounded: string; readonly rest: string } | undefined {
  const pattern = parseBounded(source, flags)
  if (!pattern) return undefined
  const alternatives = pattern.alternatives.map((alt) => ({ raw: alt.raw, isBounded: firstPairsOf(alt.raw, flags) !== undefined }))
  if (alternatives.every((alt) => alt.isBounded) || !alternatives.some((alt) => alt.isBounded)) return undefined
  // Each run of alternatives of one side, in order.
  const runs: { isBounded: boolean; raws: string[] }[] = []
  for (const { raw, isBounded } of alternatives) {
    const last = runs[runs.length - 1]
    if (last?.isBounded === isBounded) last.raws.push(raw)
    else runs.push({ isBounded, raws: [raw] })
  }
  const side = (bounded: boolean) => runs.map((run) => (run.isBounded === bounded ? run.raws.join('|') : `(?!)(?:${run.raws.join('|')})`)).join('|')
  return { bounded: side(true), rest: side(false) }
}

/** True when a set or class may match a character beyond U+FFFF (taking two units). */
function mayMatchAstral(element: AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass): boolean {
  if (element.type === 'CharacterSet') return element.kind === 'any' || element.kind === 'property' || element.negate
  if (element.type === 'ExpressionCharacterClass' || element.negate) return true
  return element.elements.some((e) => (e.type === 'Character' ? e.value > 0xffff : e.type === 'CharacterClassRange' ? e.max.value > 0xffff : !(e.type === 'CharacterSet' && e.kind !== 'property' && !e.negate)))
}

function unitCount(units: Units): number {
  return units.reduce((n, [lo, hi]) => n + hi - lo + 1, 0)
}

/** The second UTF-16 unit of an astral code point. */
function trailUnit(codePoint: number): number {
  return 0xdc00 + ((codePoint - 0x10000) & 0x3ff)
}
