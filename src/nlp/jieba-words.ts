// An index of jieba's dictionary (dist/data/jieba-words.bin, written by
// scripts/build-jieba-words.mjs over the dict.txt of @node-rs/jieba): finds the dictionary
// words inside a text, so the tokenizer can give jieba only those (see jieba-backend.ts), and
// tags the words jieba cuts as its `tag` would. Words are compared as UTF-8 bytes, in dict.txt
// itself; nothing is decoded or parsed.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sharedFile } from '../core/shared-tables.js'

/** Where `npm run build` writes the index: dist/data/, from dist/<dir>/ and from src/nlp/ alike. */
export const jiebaWordsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'data', 'jieba-words.bin')

const magic = 0x3557424a // 'JBW5'

interface Header {
  readonly dictBytes: number
  readonly version: string
  readonly count: number
  readonly totalFrequency: number
  readonly tags: readonly string[]
}

/** The words of jieba's dictionary, sorted by their UTF-8 bytes, as lines of dict.txt. */
export class JiebaWords {
  readonly totalFrequency: number
  readonly size: number
  /** Byte offset of each word's line in dict.txt, and the word's length in bytes. */
  private readonly lineStarts: Int32Array
  private readonly wordBytes: Uint8Array
  /** Each word's tag, as an index into {@link tags}. */
  private readonly tagIds: Uint8Array
  private readonly tags: readonly string[]
  /**
   * Words whose first character is code point c (below 0x10000) are [byFirst[c], byFirst[c + 1]);
   * those of characters past the BMP come last, from slot 0x10000. Built with the index.
   */
  private readonly byFirst: Int32Array

  constructor(
    private readonly dict: Buffer,
    index: Uint8Array,
    header: Header,
  ) {
    this.size = header.count
    this.totalFrequency = header.totalFrequency
    this.lineStarts = new Int32Array(index.buffer, index.byteOffset, this.size)
    this.wordBytes = new Uint8Array(index.buffer, index.byteOffset + this.size * 4, this.size)
    this.tagIds = new Uint8Array(index.buffer, index.byteOffset + this.size * 5, this.size)
    this.tags = header.tags
    this.byFirst = new Int32Array(index.buffer, index.byteOffset + ((this.size * 6 + 3) & ~3), 0x10002)
  }

  /**
   * Calls `visit` with the index of every dictionary word that occurs in `text` (a word found
   * at several places, once per place). Walks forward from each character, narrowing the
   * range of words that begin with the bytes read so far.
   */
  forEachWordIn(text: string, visit: (index: number) => void): void {
    const bytes = Buffer.from(text, 'utf8')
    for (let i = 0; i < bytes.length; i++) {
      const lead = bytes[i]!
      if ((lead & 0xc0) === 0x80) continue // inside a character
      let lo: number
      let hi: number
      let k: number
      const first = firstCodePoint(bytes, i)
      if (first < 0x10000) {
        lo = this.byFirst[first]!
        hi = this.byFirst[first + 1]!
        k = utf8Length(lead)
      } else {
        lo = this.byFirst[0x10000]!
        hi = this.size
        k = 0
      }
      while (lo < hi) {
        // [lo, hi) begin with the k bytes at i, whole characters; a word of exactly those sorts first.
        if (k > 0 && this.wordBytes[lo] === k) visit(lo)
        if (i + k >= bytes.length) break
        const c = firstCodePoint(bytes, i + k)
        lo = this.lowerBound(lo, hi, k, c)
        hi = this.lowerBound(lo, hi, k, c + 1)
        k += utf8Length(bytes[i + k]!)
      }
    }
  }

  /**
   * Calls `visit` with the index of every word that begins with the characters `first` and
   * `second` (code points below 0x10000): all the words of two characters or more that can
   * start where these two stand in a text.
   */
  forEachWordBeginning(first: number, second: number, visit: (index: number) => void): void {
    let lo = this.byFirst[first]!
    let hi = this.byFirst[first + 1]!
    const k = utf8LengthOf(first)
    lo = this.lowerBound(lo, hi, k, second)
    hi = this.lowerBound(lo, hi, k, second + 1)
    for (let i = lo; i < hi; i++) visit(i)
  }

  /**
   * The index of `word` in the dictionary, or -1. Narrows the words beginning with the first
   * character by each next one, as {@link forEachWordIn} does, without encoding `word`: a word
   * of one character is found at once.
   */
  indexOf(word: string): number {
    const length = word.length
    if (length === 0) return -1
    let lo = 0
    let hi = this.size
    let k = 0
    let at = 0
    const first = word.charCodeAt(0)
    if (first < 0xd800 || first > 0xdfff) {
      lo = this.byFirst[first]!
      hi = this.byFirst[first + 1]!
      k = utf8LengthOf(first)
      at = 1
    }
    while (at < length && lo < hi) {
      const c = word.codePointAt(at)!
      lo = this.lowerBound(lo, hi, k, c)
      hi = this.lowerBound(lo, hi, k, c + 1)
      k += utf8LengthOf(c)
      at += c > 0xffff ? 2 : 1
    }
    // The range's words begin with all of `word`; only the one of exactly its bytes sorts first.
    return lo < hi && this.wordBytes[lo] === k ? lo : -1
  }

  /**
   * The tag jieba's `tag` gives `word`, a word its `cut` returned: the dictionary's tag if it
   * is a dictionary word, else `m` if its ASCII letters and digits are all digits, `eng` if it
   * has some others, `x` if it has none (jieba-rs `Jieba::tag`).
   */
  tagOf(word: string): string {
    const i = this.indexOf(word)
    if (i >= 0) return this.tags[this.tagIds[i]!]!
    let letters = 0
    let digits = 0
    for (let at = 0; at < word.length; at++) {
      const c = word.charCodeAt(at)
      if (c >= 0x30 && c <= 0x39) digits++
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++
    }
    return digits + letters === 0 ? 'x' : letters === 0 ? 'm' : 'eng'
  }

  /** The line of dict.txt for word `i`: `word frequency tag`. */
  lineOf(i: number): string {
    const start = this.lineStarts[i]!
    let end = this.dict.indexOf(0x0a, start)
    if (end < 0) end = this.dict.length
    if (this.dict[end - 1] === 0x0d) end--
    return this.dict.toString('utf8', start, end)
  }

  /** The frequency of word `i`: the number after it on its line. */
  frequencyOf(i: number): number {
    let n = 0
    for (let at = this.lineStarts[i]! + this.wordBytes[i]! + 1; ; at++) {
      const digit = this.dict[at]! - 0x30
      if (digit < 0 || digit > 9) return n
      n = n * 10 + digit
    }
  }

  /**
   * Calls `visit` with each word's UTF-16 code units (`units[0]` to `units[length - 1]`, valid
   * during the call) and its tag, in the index's order: the whole dictionary read without
   * decoding dict.txt into a string (~70 ms) or cutting a string per line.
   */
  forEachWord(visit: (units: Uint16Array, length: number, tag: string) => void): void {
    // A word has at most 255 bytes, so at most 255 code units.
    const units = new Uint16Array(256)
    for (let i = 0; i < this.size; i++) {
      const end = this.lineStarts[i]! + this.wordBytes[i]!
      let length = 0
      for (let at = this.lineStarts[i]!; at < end; at += utf8Length(this.dict[at]!)) {
        const c = firstCodePoint(this.dict, at)
        if (c < 0x10000) units[length++] = c
        else {
          units[length++] = 0xd800 + ((c - 0x10000) >> 10)
          units[length++] = 0xdc00 + ((c - 0x10000) & 0x3ff)
        }
      }
      visit(units, length, this.tags[this.tagIds[i]!]!)
    }
  }

  wordOf(i: number): string {
    return this.dict.toString('utf8', this.lineStarts[i]!, this.lineStarts[i]! + this.wordBytes[i]!)
  }

  /**
   * The first index in [lo, hi) whose word's character at byte k is at least code point c (a
   * word ending before k counts as less). The words of the range share their first k bytes,
   * so byte k starts a character in each.
   */
  private lowerBound(lo: number, hi: number, k: number, c: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const cp = this.wordBytes[mid]! > k ? firstCodePoint(this.dict, this.lineStarts[mid]! + k) : -1
      if (cp < c) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Bytes of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte). */
function utf8Length(lead: number): number {
  return lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
}

/** Bytes of the UTF-8 encoding of code point `c`. */
function utf8LengthOf(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
}

/** The code point of the UTF-8 sequence at `at`. */
function firstCodePoint(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!
  const length = utf8Length(lead)
  if (length === 1) return lead
  let cp = lead & (0xff >> (length + 1))
  for (let k = 1; k < length; k++) cp = (cp << 6) | (bytes[at + k]! & 0x3f)
  return cp
}

/** dict.txt of the installed @node-rs/jieba, resolved when first read (once per process: workers share it). */
export const installedDict = sharedFile('jieba/dict.txt', () => createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'))
const installedIndex = sharedFile('jieba/words.bin', () => jiebaWordsFile)

/**
 * The index of the dictionary of the installed @node-rs/jieba, or undefined (see {@link
 * readJiebaWords}). Both files are read once per process: worker threads share them.
 */
export function installedJiebaWords(): JiebaWords | undefined {
  const { version } = createRequire(import.meta.url)('@node-rs/jieba/package.json') as { version: string }
  return jiebaWordsOf(installedIndex(), installedDict, version)
}

/**
 * The dictionary's words, or undefined when the index was not built or was built from
 * another dict.txt than the one installed (`dictPath`, `version` of @node-rs/jieba): the
 * caller then loads the dictionary whole.
 */
export function readJiebaWords(dictPath: string, version: string, file: string = jiebaWordsFile): JiebaWords | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  return jiebaWordsOf(bytes, () => readFileSync(dictPath), version)
}

/** The words of index file `bytes` over the dictionary `dict` gives, when the index was built from it. */
function jiebaWordsOf(bytes: Buffer | undefined, dict: () => Buffer | undefined, version: string): JiebaWords | undefined {
  if (bytes === undefined || bytes.length < 8 || bytes.readUInt32LE(0) !== magic) return undefined
  const headerLength = bytes.readUInt32LE(4)
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header
  if (header.version !== version) return undefined
  const dictBytes = dict()
  if (dictBytes === undefined || header.dictBytes !== dictBytes.length) return undefined
  // A file cut short (an interrupted copy) is no index.
  if (bytes.length < 8 + headerLength + ((header.count * 6 + 3) & ~3) + 0x10002 * 4) return undefined
  let index: Uint8Array = bytes.subarray(8 + headerLength)
  // Typed arrays need aligned offsets: copied to one if the header's padding left none (a Buffer's slice would not copy).
  if (index.byteOffset % 4 !== 0) index = new Uint8Array(index)
  return new JiebaWords(dictBytes, index, header)
}
