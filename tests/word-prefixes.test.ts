// The Bloom filter of dictionary word prefixes that spares the place scan its tagging: it
// never says no where a word of the dictionary runs over a place.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { installedJiebaWords } from '../src/nlp/jieba-words.js'
import { jiebaWordPrefixes, WordPrefixes, wordsOfDictionaryText } from '../src/rules/shared/word-prefixes.js'
import { getTokenizer } from '../src/nlp/tokenizer.js'

const dictionary = ['城市 10 n', '市场 10 n', '宁夏 10 ns', '灵武市 10 ns', '中华人民共和国 10 ns', '的 10 uj'].join('\n')

describe('WordPrefixes', () => {
  const all = WordPrefixes.build(wordsOfDictionaryText(dictionary), () => true)
  const common = WordPrefixes.build(wordsOfDictionaryText(dictionary), (tag) => tag !== 'ns')

  it('says yes where a word starting in the range runs over the place', () => {
    // 城市场: 城市 starts at 0 and holds 1; 市场 starts at 1 and holds 2.
    expect(all.mayRunOver('城市场', 1, 0, 0)).toBe(true)
    expect(all.mayRunOver('城市场', 2, 0, 1)).toBe(true)
    expect(all.mayRunOver('在中华人民共和国', 7, 0, 6)).toBe(true)
    expect(all.maxLength).toBe(7)
  })

  it('says no where no word does, and outside the text', () => {
    expect(all.mayRunOver('市城', 1, 0, 0)).toBe(false)
    // 城市 holds 1 but starts at 0, outside [1, 1].
    expect(all.mayRunOver('城市场', 1, 1, 0)).toBe(false)
    expect(all.mayRunOver('城市', 2, 0, 1)).toBe(false)
    // A character no word holds ends the search: 宁夏 is not read across the comma.
    expect(all.mayRunOver('宁，夏', 2, 0, 1)).toBe(false)
  })

  it('keeps only the words whose tag passes', () => {
    expect(common.mayRunOver('在宁夏', 2, 0, 1)).toBe(false)
    expect(all.mayRunOver('在宁夏', 2, 0, 1)).toBe(true)
    expect(common.mayRunOver('城市', 1, 0, 0)).toBe(true)
  })

  it("is the same filter built from the tokenizer's index of jieba's dictionary as from dict.txt's text", () => {
    const index = installedJiebaWords()
    expect(index).toBeDefined()
    const text = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8')
    const isTagged = (tag: string) => tag !== 'x'
    expect(WordPrefixes.build((visit) => index!.forEachWord(visit), isTagged)).toEqual(WordPrefixes.build(wordsOfDictionaryText(text), isTagged))
  })

  it("never says no where jieba's tagger puts a word over a place", () => {
    const prefixes = jiebaWordPrefixes()
    expect(prefixes).not.toBeNull()
    const text = '宁夏回族自治区灵武市郝家桥镇发展乡村旅游，其中城区社区文明村镇建设取得成效'
    for (const token of getTokenizer('jieba').tag(text)) {
      for (let at = token.start + 1; at < token.end; at++) {
        if (token.tag !== 'x') expect(prefixes!.tagged.mayRunOver(text, at, token.start, token.start)).toBe(true)
        if (!/^(?:x|ns|nr|nrt|nrfg|nz|nt)$/.test(token.tag)) expect(prefixes!.common.mayRunOver(text, at, token.start, token.start)).toBe(true)
      }
    }
  })
})
