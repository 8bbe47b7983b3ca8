// The tokenizer gives jieba the dictionary words of each text as it meets them (jieba-words.ts):
// the tags must be those of jieba with its whole dictionary, on real report text.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadJieba } from '../src/nlp/jieba-backend.js'
import { readJiebaWords } from '../src/nlp/jieba-words.js'
import { repoRoot } from './helpers.js'

const require = createRequire(import.meta.url)
const dictPath = require.resolve('@node-rs/jieba/dict.txt')
const { version } = require('@node-rs/jieba/package.json') as { version: string }

/** Clauses of every fixture document, as the leak rules cut them. */
function fixtureClauses(): string[] {
  const clauses: string[] = []
  for (const profile of readdirSync(join(repoRoot, 'fixtures'))) {
    const dir = join(repoRoot, 'fixtures', profile)
    for (const name of readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n))) {
      clauses.push(...readFileSync(join(dir, name), 'utf8').split(/[。！？；，、：\n]/).filter((c) => c.trim().length > 1))
    }
  }
  return clauses
}

describe('jieba with the words of each text', () => {
  it('is built with the dictionary installed', () => {
    const words = readJiebaWords(dictPath, version)
    expect(words).toBeDefined()
    expect(words!.size).toBeGreaterThan(300_000)
  })

  it('tags as jieba with its whole dictionary', () => {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const whole = Jieba.withDict(readFileSync(dictPath))
    const lazy = loadJieba({ wordByWordLimit: Infinity })
    const clauses = fixtureClauses()
    expect(clauses.length).toBeGreaterThan(500)
    for (const clause of clauses) expect(lazy(clause), clause).toEqual(whole.tag(clause, true))
    // Once more, now that most words are in: the placeholder's share must have followed.
    for (const clause of clauses.slice(0, 200)) expect(lazy(clause), clause).toEqual(whole.tag(clause, true))
  })

  it('builds the whole dictionary once a run has tagged enough text, with the same tags', () => {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const whole = Jieba.withDict(readFileSync(dictPath))
    const switching = loadJieba({ wordByWordLimit: 2_000 })
    for (const clause of fixtureClauses().slice(0, 400)) expect(switching(clause), clause).toEqual(whole.tag(clause, true))
  })

  it('tags as jieba does on random slices of the fixtures and on mixed scripts', () => {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
    const whole = Jieba.withDict(readFileSync(dictPath))
    const lazy = loadJieba({ wordByWordLimit: Infinity })
    const switched = loadJieba({ wordByWordLimit: 0 })
    const text = fixtureClauses().join('\n')
    let seed = 12345
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    for (let i = 0; i < 2_000; i++) {
      const start = random(text.length)
      const slice = text.slice(start, start + 1 + random(120))
      expect(lazy(slice), slice).toEqual(whole.tag(slice, true))
      expect(switched(slice), slice).toEqual(whole.tag(slice, true))
    }
    // Words outside the dictionary: ASCII (tagged m, eng), full-width digits, astral and lone surrogates, whitespace.
    const pieces = [...'张三北京工商银行的了，。 \t\n０１ＡＢ😀𠀀\uFFFD', '\uD800', '2024年', 'A股', 'PM2.5', 'C++', 'AT&T', 'iPhone', '3.5%', 'x86']
    for (let i = 0; i < 2_000; i++) {
      let mixed = ''
      for (let n = 1 + random(12); n > 0; n--) mixed += pieces[random(pieces.length)]
      expect(lazy(mixed), mixed).toEqual(whole.tag(mixed, true))
    }
  })

  it('looks a word up exactly, with its tag', () => {
    const words = readJiebaWords(dictPath, version)!
    expect(words.wordOf(words.indexOf('工商银行'))).toBe('工商银行')
    expect(words.indexOf('工商银')).toBe(-1)
    expect(words.indexOf('')).toBe(-1)
    expect(words.tagOf('北京')).toBe('ns')
    expect(words.tagOf('的')).toBe('uj')
    expect(words.tagOf('2024')).toBe('m')
    expect(words.tagOf('x86')).toBe('eng')
    expect(words.tagOf('，')).toBe('x')
    expect(words.tagOf('杭研')).toBe('x')
  })

  it('finds every dictionary word inside a text, once per place', () => {
    const words = readJiebaWords(dictPath, version)!
    const found: string[] = []
    words.forEachWordIn('中国工商银行', (i) => found.push(words.wordOf(i)))
    expect(found).toEqual(expect.arrayContaining(['中国', '中国工商银行', '工商', '工商银行', '银行']))
    for (const word of found) expect('中国工商银行').toContain(word)
  })

  it('is not used when built from another dictionary', () => {
    expect(readJiebaWords(dictPath, '0.0.0-other')).toBeUndefined()
  })
})
