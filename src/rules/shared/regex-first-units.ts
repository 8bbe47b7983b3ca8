// Which UTF-16 code units a regular expression's match can begin with, read from its source:
// a scan that looks up each character in a table skips the positions where no match can
// start, which V8 cannot do itself for a pattern opening with lookbehinds, optional parts or
// many alternatives (the paywall rules), and tries the regex only where one can.

/** Inclusive ranges of UTF-16 code units. */
type Units = [number, number][]

/**
 * Past this many units marked the table skips too little to pay for itself: the regex engine
 * scans alone. The built-in patterns that pass mark under a hundred.
 */
const maxMarked = 1024

/** Thrown inside the parser when the source uses syntax it does not bound: the caller gives up. */
class Unbounded extends Error {}

const all: Units = [[0, 0xffff]]
const digits: Units = [[0x30, 0x39]]
const wordUnits: Units = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]
/** What `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
const spaceUnits: Units = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]
const controlEscapes: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0 }

/** A parsed piece: the units its matches can begin with, and whether it can match empty. */
interface First {
  readonly units: Units
  readonly isNullable: boolean
}

/**
 * A table over UTF-16 code units, 1 where a match of `source` (with `flags`) can begin, or
 * undefined when that cannot be bounded or is too broad to help: the pattern can match empty,
 * uses the `i` flag or back-references, or may begin with a Unicode property or a negated class. A unit the table marks may still begin no match (the table errs towards
 * yes); a unit it leaves 0 begins none.
 */
export function firstUnitsOf(source: string, flags: string): Uint8Array | undefined {
  if (flags.includes('i')) return undefined
  let first: First
  try {
    const parser = new Parser(source, flags.includes('u'))
    first = parser.disjunction()
    if (parser.at < source.length) return undefined
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

/** Recursive descent over the ECMAScript pattern grammar, computing {@link First} of each part. */
class Parser {
  at = 0

  constructor(
    private readonly src: string,
    private readonly isUnicode: boolean,
  ) {}

  disjunction(): First {
    const units: Units = []
    let isNullable = false
    for (;;) {
      const alt = this.alternative()
      units.push(...alt.units)
      isNullable ||= alt.isNullable
      if (this.src[this.at] !== '|') return { units, isNullable }
      this.at++
    }
  }

  /** A sequence: its first units are those of each term up to the first that cannot be empty. */
  private alternative(): First {
    const units: Units = []
    let isNullable = true
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const term = this.term()
      if (isNullable) units.push(...term.units)
      isNullable &&= term.isNullable
    }
    return { units, isNullable }
  }

  private term(): First {
    const c = this.src[this.at]!
    if (c === '^' || c === '$') {
      this.at++
      return { units: [], isNullable: true }
    }
    if (this.src.startsWith('\\b', this.at) || this.src.startsWith('\\B', this.at)) {
      this.at += 2
      return { units: [], isNullable: true }
    }
    const look = c === '(' && this.src[this.at + 1] === '?' ? /^\(\?<?[=!]/.exec(this.src.slice(this.at, this.at + 4)) : null
    if (look) {
      // A lookaround consumes nothing: what follows it begins the match.
      this.at += look[0].length
      this.disjunction()
      this.expect(')')
      return { units: [], isNullable: true }
    }
    const atom = this.atom()
    return this.quantified(atom)
  }

  private quantified(atom: First): First {
    if (!'*+?{'.includes(this.src[this.at] ?? 'x')) return atom
    const q = /^(?:[*?]|\+|\{(\d+)(?:,\d*)?\})\??/.exec(this.src.slice(this.at, this.at + 24))
    if (!q) return atom
    this.at += q[0].length
    const min = q[0][0] === '+' ? 1 : q[1] !== undefined ? Number(q[1]) : 0
    return { units: atom.units, isNullable: atom.isNullable || min === 0 }
  }

  private atom(): First {
    const c = this.src[this.at]!
    if (c === '(') {
      const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(this.src.slice(this.at, this.at + 40))![0]
      this.at += head.length
      const inner = this.disjunction()
      this.expect(')')
      return inner
    }
    if (c === '[') return { units: this.charClass(), isNullable: false }
    if (c === '.') {
      this.at++
      return { units: all, isNullable: false }
    }
    if (c === '\\') return { units: this.escape(false), isNullable: false }
    if (c === ')' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Unbounded(`unexpected ${c}`)
    this.at++
    const unit = c.charCodeAt(0)
    // An astral character in the source is two units; the match begins with the first.
    if (unit >= 0xd800 && unit <= 0xdbff && this.at < this.src.length) this.at++
    return { units: [[unit, unit]], isNullable: false }
  }

  /** `[...]`: a negated class may begin with almost anything, so it counts as any unit. */
  private charClass(): Units {
    this.at++
    const isNegated = this.src[this.at] === '^'
    if (isNegated) this.at++
    const units: Units = []
    while (this.src[this.at] !== ']') {
      if (this.at >= this.src.length) throw new Unbounded('unclosed class')
      const lo = this.classAtom()
      if (this.src[this.at] === '-' && this.src[this.at + 1] !== ']' && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        this.at++
        const hi = this.classAtom()
        if (hi.length !== 1 || hi[0]![0] !== hi[0]![1]) throw new Unbounded('class range of a class')
        units.push([lo[0]![0], hi[0]![0]])
      } else units.push(...lo)
    }
    this.at++
    return isNegated ? all : units
  }

  private classAtom(): Units {
    if (this.src[this.at] === '\\') return this.escape(true)
    const unit = this.src.charCodeAt(this.at++)
    // An astral character in a class of a `u` pattern: all it can begin with is its first unit,
    // but as a range end its value would be the code point; surrogates in a class are given up on.
    if (unit >= 0xd800 && unit <= 0xdfff) throw new Unbounded('surrogate in class')
    return [[unit, unit]]
  }

  /** An escape after `\`, in or out of a class. Back-references give up. */
  private escape(isInClass: boolean): Units {
    const c = this.src[this.at + 1]
    if (c === undefined) throw new Unbounded('trailing backslash')
    this.at += 2
    if (c in controlEscapes) {
      if (c === '0' && /[0-9]/.test(this.src[this.at] ?? '')) throw new Unbounded('octal escape')
      return [[controlEscapes[c]!, controlEscapes[c]!]]
    }
    if (c === 'd') return digits
    if (c === 'w') return wordUnits
    if (c === 's') return spaceUnits
    // A Unicode property (`\\p{Script=Han}`) is as good as any unit for a table: thousands of them.
    if (c === 'D' || c === 'W' || c === 'S' || c === 'P' || c === 'p') return this.skipProperty(c, all)
    if (c === 'b' && isInClass) return [[0x08, 0x08]]
    if (c === 'x' || c === 'u') return this.hexEscape(c)
    if (c === 'c') {
      const letter = this.src.charCodeAt(this.at++)
      return [[letter % 32, letter % 32]]
    }
    if (/[1-9k]/.test(c)) throw new Unbounded('back-reference')
    return [[c.charCodeAt(0), c.charCodeAt(0)]]
  }

  private hexEscape(c: string): Units {
    const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.at, this.at + 2)) : /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(this.src.slice(this.at, this.at + 12))
    if (!hex || hex[0][0] === '{') throw new Unbounded('unsupported hex escape')
    this.at += hex[0].length
    const unit = parseInt(hex[0], 16)
    if (unit >= 0xd800 && unit <= 0xdfff) throw new Unbounded('surrogate escape')
    return [[unit, unit]]
  }

  /** Skips `{...}` after `\p` or `\P` (nothing after `\D`, `\W`, `\S`) and answers `units`. */
  private skipProperty(c: string, units: Units): Units {
    if (c === 'p' || c === 'P') {
      const end = this.src.indexOf('}', this.at)
      if (!this.isUnicode || this.src[this.at] !== '{' || end < 0) throw new Unbounded('property escape outside u mode')
      this.at = end + 1
    }
    return units
  }

  private expect(c: string): void {
    if (this.src[this.at] !== c) throw new Unbounded(`expected ${c}`)
    this.at++
  }
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
 * A search for `re` (a `g` RegExp) giving what `re.exec` gives from `lastIndex = from`; when
 * {@link firstUnitsOf} bounds where matches begin, it tries a sticky copy only at those positions.
 */
export function firstUnitSearch(re: RegExp): Search {
  const firsts = firstUnitsOf(re.source, re.flags)
  if (!firsts) {
    return (text, from) => {
      re.lastIndex = from
      return re.exec(text)
    }
  }
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
