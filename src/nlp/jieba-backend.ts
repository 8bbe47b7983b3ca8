// The default tokenizer backend: @node-rs/jieba (jieba-rs, prebuilt for each platform).
import { localText } from '../i18n/catalogue.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from '../core/errors.js'
import { readJiebaWords, type JiebaWords } from './jieba-words.js'

const require = createRequire(import.meta.url)

/**
 * A word no text holds (Unicode noncharacters): its frequency is the part of the dictionary's
 * total that jieba has not been given yet, so each word's probability is as in the whole one.
 */
const placeholderWord = '\uFDD0\uFDD1\uFDD2\uFDD3\uFDD4\uFDD5\uFDD6\uFDD7'

/**
 * Text tagged word by word before the whole dictionary is built instead, in UTF-16 code units.
 * Finding a text's words in the index costs a few microseconds per character, mostly cache
 * misses in dict.txt; about this much costs what building the dictionary does (~100 ms), so
 * a small run never builds it and a large one pays at most twice the cheaper of the two.
 */
const wordByWordChars = 25_000

/** Words whose tags are kept: a few MB at most, where a corpus of reports uses far fewer. */
const cachedTags = 50_000

/**
 * Loads @node-rs/jieba and returns its tagger (HMM on, so unknown names are grouped into
 * words) with jieba's default dictionary. jieba segments a text by the dictionary words
 * inside it and their share of the total frequency only, so the dictionary is first given to
 * it word by word, as the texts to tag contain them: building all 349,000 words up front
 * costs ~100 ms and ~47 MB, where a run on a few files tags a few clauses each. Once a run
 * has tagged {@link wordByWordChars} characters, the whole dictionary is built after all.
 * Words are tagged by `cut` and the index's tags, as jieba's `tag` does inside: `tag` itself
 * costs three times as much, building an object per word across N-API. Without the prebuilt
 * index (dist/data/jieba-words.bin), the dictionary is built at once and `tag` is used.
 */
export function loadJieba({ wordByWordLimit = wordByWordChars }: { wordByWordLimit?: number } = {}): (text: string) => { word: string; tag: string }[] {
  let mod: typeof import('@node-rs/jieba')
  try {
    mod = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  } catch (error) {
    throw new ConfigError(localText('error.tokenizer-load', { name: 'jieba', reason: (error as Error).message.split('\n')[0] ?? '' }), { keyPath: 'tokenizer' }, localText('error.jieba-load.hint'))
  }
  const dictPath = require.resolve('@node-rs/jieba/dict.txt')
  const { version } = require('@node-rs/jieba/package.json') as { version: string }
  // Reads dict.txt directly: the package's `dict` module also reads the 6 MB IDF table, which tagging does not use.
  const loadWhole = () => mod.Jieba.withDict(readFileSync(dictPath))
  const words = readJiebaWords(dictPath, version)
  if (!words) {
    const whole = loadWhole()
    return (text) => whole.tag(text, true)
  }
  let partial: import('@node-rs/jieba').Jieba | undefined = new mod.Jieba()
  let whole: import('@node-rs/jieba').Jieba | undefined
  const addWords = wordAdder(words, (lines) => partial!.loadDict(Buffer.from(lines, 'utf8')))
  let charsLeft = wordByWordLimit
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
    if (!whole && (charsLeft -= text.length) < 0) {
      whole = loadWhole()
      partial = undefined
    }
    // Every dictionary word jieba cuts from `text` occurs in it, so has been given to it with
    // its line: the index's tag is the one jieba holds.
    if (whole) return whole.cut(text, true).map(tagged)
    addWords(text)
    return partial!.cut(text, true).map(tagged)
  }
}

/**
 * A function that gives jieba (through `load`, as dict.txt lines) the words of `text` it has
 * not been given yet, and keeps the placeholder's frequency at the rest of the total.
 */
export function wordAdder(words: JiebaWords, load: (lines: string) => void): (text: string) => void {
  const isAdded = new Uint8Array(words.size)
  let addedFrequency = 0
  return (text) => {
    let lines = ''
    words.forEachWordIn(text, (i) => {
      if (isAdded[i]) return
      isAdded[i] = 1
      addedFrequency += words.frequencyOf(i)
      lines += words.lineOf(i) + '\n'
    })
    // jieba keeps an entry's last frequency; the placeholder never drops to 0, which some
    // versions skip: once every word is given, the total is off by 1 in 60 million.
    if (lines) load(`${lines}${placeholderWord} ${Math.max(1, words.totalFrequency - addedFrequency)} x\n`)
  }
}
