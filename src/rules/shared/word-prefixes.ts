// Whether a word of jieba's dictionary may run over a place in a text, asked without tagging:
// a Bloom filter of the prefixes of the dictionary's words. It may say yes wrongly, never no.
// The jieba backend tags a word other than `x` only when the word is in its dictionary (`x`
// marks the words its HMM groups, `m` and `eng` runs of ASCII letters and digits, never
// holding a Han character), so where the filter says no, no such word can be a token there.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { sharedTable } from '../../core/shared-tables.js'
import { installedJiebaWords } from '../../nlp/jieba-words.js'

/** Bits of the filter (a power of two): 2 MB, for jieba's ~550,000 prefixes at 1 false yes in 4,000. */
const filterBits = 1 << 24
/** Bits set per prefix. */
const probeCount = 4
const mask = filterBits - 1
/** Multiplier of the polynomial hash of a string: sum of code unit i times P^i, modulo 2^32. */
const P = 0x01000193

/**
 * A dictionary's words: calls `visit` with each word's UTF-16 code units (`units[0]` to
 * `units[length - 1]`, valid during the call) and its tag.
 */
export type WordSource = (visit: (units: Uint16Array, length: number, tag: string) => void) => void

/**
 * The words of a dictionary's text, a word a line (`word frequency tag`, as jieba's dict.txt):
 * the word runs to the first space, the tag from the last one.
 */
export function wordsOfDictionaryText(text: string): WordSource {
  return (visit) => {
    let units = new Uint16Array(256)
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at)
      if (end < 0) end = text.length
      const tagAt = text.lastIndexOf(' ', end) + 1
      if (end - at > units.length) units = new Uint16Array(end - at)
      let length = 0
      for (let k = at; k < end; k++) {
        const c = text.charCodeAt(k)
        if (c === 0x20 || c === 0x0d) break
        units[length++] = c
      }
      visit(units, length, text.slice(tagAt, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end))
      at = end + 1
    }
  }
}

/** The prefixes (two code units or more) of a dictionary's words, by their hash. */
export class WordPrefixes {
  /** Bytes of a filter's data: its bits, then a byte per UTF-16 code unit, then the longest word's length. */
  static readonly byteLength = filterBits / 8 + 0x10000 + 4
  private readonly bits: Int32Array
  /** 1 for each UTF-16 code unit that occurs in some word: a word runs over no other. */
  private readonly inWords: Uint8Array
  /** The longest word, in UTF-16 code units: no word starts further back than this. */
  readonly maxLength: number

  /**
   * The filter whose data `storage` holds ({@link WordPrefixes.byteLength} bytes, at an offset
   * that is a multiple of 4), as {@link WordPrefixes.build} wrote it: threads share it so.
   */
  constructor(storage: Uint8Array<ArrayBufferLike>) {
    const { buffer, byteOffset } = storage
    this.bits = new Int32Array(buffer, byteOffset, filterBits >>> 5)
    this.inWords = new Uint8Array(buffer, byteOffset + filterBits / 8, 0x10000)
    this.maxLength = new Int32Array(buffer, byteOffset + filterBits / 8 + 0x10000, 1)[0]!
  }

  /** The filter of the prefixes of the words of `words` whose tag passes `isTagCounted`, written into `storage`. */
  static build(words: WordSource, isTagCounted: (tag: string) => boolean, storage: Uint8Array<ArrayBufferLike> = new Uint8Array(WordPrefixes.byteLength)): WordPrefixes {
    const bits = new Int32Array(storage.buffer, storage.byteOffset, filterBits >>> 5)
    const inWords = new Uint8Array(storage.buffer, storage.byteOffset + filterBits / 8, 0x10000)
    let maxLength = 0
    words((units, length, tag) => {
      if (!isTagCounted(tag)) return
      let h = 0
      let power = 1
      for (let k = 0; k < length; k++) {
        const c = units[k]!
        inWords[c] = 1
        h = (h + Math.imul(c, power)) | 0
        power = Math.imul(power, P)
        if (k > 0) addHash(bits, h)
      }
      maxLength = Math.max(maxLength, length)
    })
    new Int32Array(storage.buffer, storage.byteOffset + filterBits / 8 + 0x10000, 1)[0] = maxLength
    return new WordPrefixes(storage)
  }

  /**
   * False when no word of the dictionary starts at an index in [firstStart, lastStart] of
   * `text` and runs over `at` (holds the code unit at `at` too), `lastStart` < `at`.
   */
  mayRunOver(text: string, at: number, firstStart: number, lastStart: number): boolean {
    const from = Math.max(0, firstStart, at - this.maxLength + 1)
    if (lastStart < from || at >= text.length) return false
    // The hash of text[s..at] for s = lastStart, then each code unit put before it.
    let h = 0
    for (let i = at; i >= lastStart; i--) {
      const c = text.charCodeAt(i)
      if (this.inWords[c] === 0) return false
      h = (c + Math.imul(P, h)) | 0
    }
    for (let s = lastStart; ; ) {
      if (this.has(h)) return true
      if (--s < from) return false
      const c = text.charCodeAt(s)
      if (this.inWords[c] === 0) return false
      h = (c + Math.imul(P, h)) | 0
    }
  }

  private has(h: number): boolean {
    const m = mix(h)
    for (let i = 0; i < probeCount; i++) {
      const bit = probeBit(m, i)
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false
    }
    return true
  }
}

/** Sets the filter's bits of hash `h`. */
function addHash(bits: Int32Array, h: number): void {
  const m = mix(h)
  for (let i = 0; i < probeCount; i++) {
    const bit = probeBit(m, i)
    bits[bit >>> 5]! |= 1 << (bit & 31)
  }
}

/** The filter's bit of probe `i` for the mixed hash `m` (double hashing: a start and an odd step). */
function probeBit(m: number, i: number): number {
  return ((m & mask) + i * ((m >>> 9) | 1)) & mask
}

/** `h` with its bits mixed (murmur3's finaliser): the filter's probes are taken from it. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** The prefixes of the words of @node-rs/jieba's dictionary (the one the `jieba` backend tags with), by what their tags are. */
export interface JiebaPrefixes {
  /** Words tagged other than `x`. */
  readonly tagged: WordPrefixes
  /** Words tagged other than a proper noun's tag or `x` (ns, nr, nrt, nrfg, nz, nt). */
  readonly common: WordPrefixes
}

const properTagRe = /^(?:x|ns|nr|nrt|nrfg|nz|nt)$/

/**
 * Both filters of jieba's dictionary, built once per process into memory its worker threads
 * share (~80 ms and 4 MB each); undefined when the dictionary cannot be read.
 */
const jiebaPrefixTable = sharedTable('jieba/prefixes', () => {
  try {
    // The tokenizer's index of the dictionary when it was built, else dict.txt's text.
    const index = installedJiebaWords()
    const words: WordSource = index ? (visit) => index.forEachWord(visit) : wordsOfDictionaryText(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8'))
    const storage = new Uint8Array(new SharedArrayBuffer(2 * WordPrefixes.byteLength))
    WordPrefixes.build(words, (tag) => tag !== 'x', storage.subarray(0, WordPrefixes.byteLength))
    WordPrefixes.build(words, (tag) => !properTagRe.test(tag), storage.subarray(WordPrefixes.byteLength))
    return storage
  } catch {
    return undefined
  }
})

let jiebaPrefixes: JiebaPrefixes | null | undefined

/** The prefixes of jieba's dictionary words, built on first use; null when the dictionary cannot be read. */
export function jiebaWordPrefixes(): JiebaPrefixes | null {
  if (jiebaPrefixes === undefined) {
    const storage = jiebaPrefixTable()
    jiebaPrefixes = storage ? { tagged: new WordPrefixes(storage.subarray(0, WordPrefixes.byteLength)), common: new WordPrefixes(storage.subarray(WordPrefixes.byteLength)) } : null
  }
  return jiebaPrefixes
}
