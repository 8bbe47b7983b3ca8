// jieba's dictionary as a sorted word list (dist/data/jieba-words.bin, written by
// scripts/build-jieba-words.mjs), read without parsing: finds the dictionary words inside a
// text, so the tokenizer can give jieba only those (see jieba-backend.ts).
import { readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `npm run build` writes the list: dist/data/, from dist/<dir>/ and from src/nlp/ alike. */
export const jiebaWordsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'data', 'jieba-words.bin')

const magic = 0x3257424a // 'JBW2'

interface Header {
  readonly dictBytes: number
  readonly version: string
  readonly count: number
  readonly textLength: number
  readonly totalFrequency: number
  readonly maxLength: number
  readonly tags: readonly string[]
}

/** The words of jieba's dictionary, sorted by UTF-16 code units, with frequencies and tags. */
export class JiebaWords {
  readonly totalFrequency: number
  private readonly text: Uint16Array
  private readonly starts: Int32Array
  private readonly frequencies: Int32Array
  private readonly tagIndex: Uint8Array
  private readonly tags: readonly string[]
  private readonly maxLength: number
  /** Words starting with code unit c are [byFirst[c], byFirst[c + 1]). */
  private readonly byFirst: Int32Array

  constructor(bytes: Uint8Array, header: Header, at: number) {
    const { count, textLength } = header
    const buffer = bytes.buffer
    const base = bytes.byteOffset + at
    this.text = new Uint16Array(buffer, base, textLength)
    const startsAt = base + align(textLength * 2)
    this.starts = new Int32Array(buffer, startsAt, count + 1)
    const byFirstAt = startsAt + (count + 1) * 4
    this.byFirst = new Int32Array(buffer, byFirstAt, 0x10001)
    this.frequencies = new Int32Array(buffer, byFirstAt + 0x10001 * 4, count)
    this.tagIndex = new Uint8Array(buffer, byFirstAt + 0x10001 * 4 + count * 4, count)
    this.totalFrequency = header.totalFrequency
    this.tags = header.tags
    this.maxLength = header.maxLength
  }

  get size(): number {
    return this.frequencies.length
  }

  /**
   * Calls `visit` with the index of every dictionary word that occurs in `text` (a word found
   * at several places, once per place). Walks forward from each position, narrowing the range
   * of words that begin with the characters read so far.
   */
  forEachWordIn(text: string, visit: (index: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i)
      let lo = this.byFirst[first]!
      let hi = this.byFirst[first + 1]!
      if (lo >= hi) continue
      if (this.lengthOf(lo) === 1) visit(lo)
      for (let k = 1; k < this.maxLength && i + k < text.length; k++) {
        const c = text.charCodeAt(i + k)
        lo = this.lowerBound(lo, hi, k, c)
        hi = this.lowerBound(lo, hi, k, c + 1)
        if (lo >= hi) break
        // [lo, hi) begin with text[i, i + k]; the word of exactly that length sorts first.
        if (this.lengthOf(lo) === k + 1) visit(lo)
      }
    }
  }

  /** The line of dict.txt for word `i`: `word frequency tag`. */
  lineOf(i: number): string {
    return `${this.wordOf(i)} ${this.frequencies[i]!} ${this.tags[this.tagIndex[i]!]!}`
  }

  frequencyOf(i: number): number {
    return this.frequencies[i]!
  }

  wordOf(i: number): string {
    return String.fromCharCode(...this.text.subarray(this.starts[i]!, this.starts[i + 1]!))
  }

  private lengthOf(i: number): number {
    return this.starts[i + 1]! - this.starts[i]!
  }

  /** The first index in [lo, hi) whose word's code unit k is at least c (a word ending before k counts as less). */
  private lowerBound(lo: number, hi: number, k: number, c: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const code = this.lengthOf(mid) > k ? this.text[this.starts[mid]! + k]! : -1
      if (code < c) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * The word list, or undefined when it was not built or was built from another dict.txt than
 * the one installed (`dictPath`, `version` of @node-rs/jieba): the caller then loads the
 * dictionary whole.
 */
export function readJiebaWords(dictPath: string, version: string, file: string = jiebaWordsFile): JiebaWords | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== magic) return undefined
  // Typed arrays need aligned offsets; a pooled Buffer may not start at one.
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(Uint8Array.prototype.slice.call(bytes).buffer)
  const headerLength = bytes.readUInt32LE(4)
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header
  if (header.version !== version || header.dictBytes !== statSync(dictPath).size) return undefined
  return new JiebaWords(bytes, header, 8 + headerLength)
}

function align(n: number): number {
  return (n + 3) & ~3
}
