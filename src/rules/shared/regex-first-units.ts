// Which UTF-16 code units a regular expression's match can begin with, read from its source:
// a scan that looks up each character in a table skips the positions where no match can
// start, which V8 cannot do itself for a pattern opening with lookbehinds, optional parts or
// many alternatives (the paywall rules), and tries the regex only where one can. The source
// is parsed by regexpp, the parser of ESLint's regexp plugins.
import { RegExpParser, RegExpSyntaxError, type AST } from '@eslint-community/regexpp'

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
  if (flags.includes('i')) return undefined
  let first: First
  try {
    const pattern = new RegExpParser().parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') })
    first = firstOfAlternatives(pattern.alternatives)
  } catch (error) {
    if (error instanceof Unbounded || error instanceof RegExpSyntaxError) return undefined
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
 * Where a searched text lies in a longer one: `text` is `whole.slice(offset, offset + text.length)`.
 * A line sliced out of a document reads slower, character by character, than the document
 * (V8 follows the slice on every read): the table is read in `whole`.
 */
export interface Within {
  readonly whole: string
  readonly offset: number
}

/** The next match in `text` at or after a position; offsets in UTF-16 code units of `text`. */
export type Search = (text: string, from: number, within?: Within) => RegExpExecArray | null

/**
 * How much text a search scans with the regex alone before it computes its table: parsing a
 * pattern of the paywall rules with regexpp takes milliseconds in a fresh process, which a
 * table saves only over more text than a small file holds.
 */
const scanBeforeTable = 1 << 16

/**
 * A search for `re` (a `g` RegExp) giving what `re.exec` gives from `lastIndex = from`. Once
 * it has scanned `scanFirst` units, when {@link firstUnitsOf} bounds where matches begin, it
 * tries a sticky copy only at those positions.
 */
export function firstUnitSearch(re: RegExp, scanFirst = scanBeforeTable): Search {
  const plain: Search = (text, from) => {
    re.lastIndex = from
    return re.exec(text)
  }
  let scanned = 0
  let search: Search | undefined
  return (text, from, within) => {
    if (search) return search(text, from, within)
    if (scanned >= scanFirst) {
      search = tableSearch(re) ?? plain
      return search(text, from, within)
    }
    const m = plain(text, from)
    scanned += (m ? m.index + 1 : text.length) - from
    return m
  }
}

/** The search that reads the table of {@link firstUnitsOf} first, or undefined without a table. */
function tableSearch(re: RegExp): Search | undefined {
  const firsts = firstUnitsOf(re.source, re.flags)
  if (!firsts) return undefined
  const sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y')
  const isUnicode = re.unicode
  return (text, from, within) => {
    const whole = within?.whole ?? text
    const base = within?.offset ?? 0
    const end = base + text.length
    for (let i = base + from; i < end; i++) {
      const unit = whole.charCodeAt(i)
      if (firsts[unit] === 0) continue
      // A `u` search steps by code point: it never starts between the halves of a pair.
      if (isUnicode && unit >= 0xdc00 && unit <= 0xdfff && i > base + from && isHighSurrogate(whole.charCodeAt(i - 1))) continue
      sticky.lastIndex = i - base
      const m = sticky.exec(text)
      if (m) return m
    }
    return null
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}
