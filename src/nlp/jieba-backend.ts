// The default tokenizer backend: @node-rs/jieba (jieba-rs, prebuilt for each platform).
import { localText } from '../i18n/catalogue.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from '../core/errors.js'
import { installedDict, installedJiebaWords, type JiebaWords } from './jieba-words.js'

const require = createRequire(import.meta.url)

/**
 * A word no text holds (Unicode noncharacters): its frequency is the part of the dictionary's
 * total that jieba has not been given yet, so each word's probability is as in the whole one.
 */
const placeholderWord = '\uFDD0\uFDD1\uFDD2\uFDD3\uFDD4\uFDD5\uFDD6\uFDD7'

/**
 * Dictionary words given to jieba one by one before the whole dictionary is built instead.
 * Giving them costs a set lookup per character tagged and jieba's `loadDict` of the new
 * lines, cheaper than building all 349,000 words (~100 ms, ~47 MB in each thread) until a
 * large share of them has been given: reports of one kind use a small vocabulary (the bench
 * corpus, 15,000 words), so most runs never build the whole.
 */
const wordByWordWords = 120_000

/** Words whose tags are kept: a few MB at most, where a corpus of reports uses far fewer. */
const cachedTags = 50_000

/**
 * Loads @node-rs/jieba and returns its tagger (HMM on, so unknown names are grouped into
 * words) with jieba's default dictionary. jieba segments a text by the dictionary words
 * inside it and their share of the total frequency only, so the dictionary is first given to
 * it word by word, as the texts to tag contain them: building all 349,000 words up front
 * costs ~100 ms and ~47 MB, where a run tags a few clauses of each file. Once a run has
 * given jieba {@link wordByWordWords} words, the whole dictionary is built after all.
 * Words are tagged by `cut` and the index's tags, as jieba's `tag` does inside: `tag` itself
 * costs three times as much, building an object per word across N-API. Without the prebuilt
 * index (dist/data/jieba-words.bin), the dictionary is built at once and `tag` is used.
 */
export function loadJieba({ wordByWordLimit = wordByWordWords }: { wordByWordLimit?: number } = {}): (text: string) => { word: string; tag: string }[] {
  let mod: typeof import('@node-rs/jieba')
  try {
    mod = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  } catch (error) {
    throw new ConfigError(localText('error.tokenizer-load', { name: 'jieba', reason: (error as Error).message.split('\n')[0] ?? '' }), { keyPath: 'tokenizer' }, localText('error.jieba-load.hint'))
  }
  const dictPath = require.resolve('@node-rs/jieba/dict.txt')
  // Reads dict.txt directly, the copy the index was read with: the package's `dict` module also
  // reads the 6 MB IDF table, which tagging does not use.
  const loadWhole = () => mod.Jieba.withDict(installedDict() ?? readFileSync(dictPath))
  const words = installedJiebaWords()
  if (!words) {
    const whole = loadWhole()
    return (text) => whole.tag(text, true)
  }
  let partial: import('@node-rs/jieba').Jieba | undefined = new mod.Jieba()
  let whole: import('@node-rs/jieba').Jieba | undefined
  let wordsLeft = wordByWordLimit
  const addWords = wordAdder(words, (lines, count) => {
    partial!.loadDict(Buffer.from(lines, 'utf8'))
    wordsLeft -= count
  })
  // Reports repeat their words: a word's tag is looked up in the index once per run or so.
  const tags = new Map<string, string>()
  const tagged = (word: string) => {
    let tag = tags.get(word)
    if (tag === undefined) {
      if (tags.size >= cachedTags) tags.clear()
      tag = words.tagOf(word)
      tags.set(word, tag)
    }
    return { word, tag }
  }
  return (text) => {
    if (whole) return whole.cut(text, true).map(tagged)
    addWords(text)
    if (wordsLeft < 0) {
      whole = loadWhole()
      partial = undefined
      return whole.cut(text, true).map(tagged)
    }
    // Every dictionary word jieba cuts from `text` occurs in it, so has been given to it with
    // its line: the index's tag is the one jieba holds.
    return partial!.cut(text, true).map(tagged)
  }
}

/**
 * A function that gives jieba (through `load`, as dict.txt lines, and how many) the words of
 * `text` it has not been given yet, and keeps the placeholder's frequency at the rest of the
 * total.
 *
 * Rather than finding the words inside each text (a few microseconds per character), it gives
 * every word that begins with a pair of characters the first time the pair is met, and each
 * one-character word the first time its character is: a few more words than the texts hold,
 * which changes nothing (jieba weighs only the words inside a text, against the total), for a
 * set lookup per character. Texts with characters beyond the BMP are searched word by word.
 */
export function wordAdder(words: JiebaWords, load: (lines: string, count: number) => void): (text: string) => void {
  const isAdded = new Uint8Array(words.size)
  const isCharSeen = new Uint8Array(0x10000)
  const pairsSeen = new PairSet()
  let addedFrequency = 0
  let lines = ''
  let count = 0
  const add = (i: number) => {
    if (isAdded[i]) return
    isAdded[i] = 1
    count++
    addedFrequency += words.frequencyOf(i)
    lines += words.lineOf(i) + '\n'
  }
  return (text) => {
    let hasSurrogates = false
    for (let at = 0; at < text.length; at++) {
      const c = text.charCodeAt(at)
      if (c >= 0xd800 && c <= 0xdfff) {
        hasSurrogates = true
        continue
      }
      if (!isCharSeen[c]) {
        isCharSeen[c] = 1
        const i = words.indexOf(text[at]!)
        if (i >= 0) add(i)
      }
      if (at + 1 === text.length) break
      const next = text.charCodeAt(at + 1)
      if (next >= 0xd800 && next <= 0xdfff) continue
      if (pairsSeen.add((c << 16) | next)) words.forEachWordBeginning(c, next, add)
    }
    if (hasSurrogates) words.forEachWordIn(text, add)
    // jieba keeps an entry's last frequency; the placeholder never drops to 0, which some
    // versions skip: once every word is given, the total is off by 1 in 60 million.
    if (lines) load(`${lines}${placeholderWord} ${Math.max(1, words.totalFrequency - addedFrequency)} x\n`, count)
    lines = ''
    count = 0
  }
}

/**
 * A set of pairs of UTF-16 code units, as Int32 keys in an open-addressed table: asked once
 * per character tagged, where a JavaScript Set costs several times as much.
 */
class PairSet {
  /** Keys, or 0 for an empty slot; the pair of two U+0000 is kept apart. */
  private slots = new Int32Array(1 << 14)
  /** 32 less the table's bits: a key's slot is the top bits of its product with 2^32 / φ. */
  private shift = 32 - 14
  private size = 0
  private hasZero = false

  /** Adds `key`; true if it was not in the set. */
  add(key: number): boolean {
    if (key === 0) return this.hasZero ? false : (this.hasZero = true)
    const mask = this.slots.length - 1
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!
      if (slot === key) return false
      if (slot === 0) {
        this.slots[i] = key
        if (++this.size * 2 > this.slots.length) this.grow()
        return true
      }
    }
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Int32Array(old.length * 2)
    this.shift--
    const mask = this.slots.length - 1
    for (const key of old) {
      if (key === 0) continue
      let i = Math.imul(key, 0x9e3779b1) >>> this.shift
      while (this.slots[i] !== 0) i = (i + 1) & mask
      this.slots[i] = key
    }
  }
}
