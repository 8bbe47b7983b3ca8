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

/** Size of the table of first-two-character pairs (a power of two); a few hundred pairs use it. */
const pairTableSize = 1 << 14
/** Literal sets numbered past this start the tables afresh. */
const maxSet = 0xffff

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
 * the next document's literals costs those literals, not a clearing of the tables (224 KB).
 */
export class FirstCharIndex {
  /** Per first code unit: the number of the set in which a literal starts with it. */
  private readonly firsts = new Uint16Array(0x10000)
  /** Per first code unit: 1 when a one-character literal of the set is that unit. */
  private readonly singles = new Uint8Array(0x10000)
  private readonly pairs = new Uint16Array(pairTableSize)
  private byFirst = new Map<number, string[]>()
  private set = 0

  constructor(words: Iterable<string>) {
    this.reload(words)
  }

  /** Replaces the literals searched for. */
  reload(words: Iterable<string>): this {
    if (this.set === maxSet) {
      this.firsts.fill(0)
      this.pairs.fill(0)
      this.set = 0
    }
    const set = ++this.set
    this.byFirst = new Map()
    for (const word of new Set(words)) {
      if (word.length === 0) continue
      const first = word.charCodeAt(0)
      if (this.firsts[first] !== set) this.singles[first] = 0
      this.firsts[first] = set
      if (word.length === 1) this.singles[first] = 1
      else this.pairs[pairSlot(first, word.charCodeAt(1))] = set
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
    const { firsts, singles, pairs, set, byFirst } = this
    const hits: LiteralHit[] = []
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i)
      if (firsts[first] !== set) continue
      // No one-character literal starts here: the next character must pair with this one.
      if (singles[first] === 0 && (i + 1 === text.length || pairs[pairSlot(first, text.charCodeAt(i + 1))] !== set)) continue
      for (const word of byFirst.get(first)!) {
        if (text.startsWith(word, i)) hits.push({ begin: i, end: i + word.length, keyword: word })
      }
    }
    return hits
  }
}
