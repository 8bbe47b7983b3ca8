import { describe, expect, it } from 'vitest'
import { FirstCharIndex } from '../src/rules/shared/first-char-index.js'
import { randomTextOf } from './support/random-text.js'

/** Every occurrence of every word, found the slow way, in the order FirstCharIndex promises. */
function naive(words: readonly string[], text: string): { begin: number; end: number; keyword: string }[] {
  const hits: { begin: number; end: number; keyword: string }[] = []
  const sorted = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length)
  for (let i = 0; i < text.length; i++) for (const w of sorted) if (text.startsWith(w, i)) hits.push({ begin: i, end: i + w.length, keyword: w })
  return hits
}

describe('FirstCharIndex', () => {
  it('finds every occurrence, overlapping ones and one-character words included, as a naive search does', () => {
    const alphabet = '宁夏石嘴山中卫市区'
    const pick = randomTextOf(alphabet, 7)
    for (let round = 0; round < 40; round++) {
      const words = [pick(1), pick(2), pick(2), pick(3), pick(4), '宁夏', '石嘴山', '中卫']
      const text = pick(300)
      expect([...new FirstCharIndex(words).matches(text)]).toEqual(naive(words, text))
    }
  })

  it('finds words of a few first units (a regex class of them) as of many (the table loop), regex syntax and surrogates included', () => {
    const alphabet = ['王', '张', ']', '\\', '^', '-', '😀', 'a', '[', '李']
    const pick = randomTextOf(alphabet, 13)
    const many = randomTextOf(Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i * 53)), 17)
    for (let round = 0; round < 40; round++) {
      const few = [pick(1), pick(2), pick(3), '😀', ']-']
      const text = pick(400)
      expect(new FirstCharIndex(few).matches(text)).toEqual(naive(few, text))
      // Past twelve first units: the table loop, on the same text with the many-word alphabet mixed in.
      const words = [...few, ...Array.from({ length: 30 }, () => many(2))]
      const mixed = text + many(400)
      expect(new Set(words.map((w) => w.charCodeAt(0))).size).toBeGreaterThan(12)
      expect(new FirstCharIndex(words).matches(mixed)).toEqual(naive(words, mixed))
    }
  })

  it('finds a word at the very end of the text and ignores the empty word', () => {
    expect([...new FirstCharIndex(['', '中卫', '卫']).matches('在中卫')]).toEqual([
      { begin: 1, end: 3, keyword: '中卫' },
      { begin: 2, end: 3, keyword: '卫' },
    ])
  })

  it('stays exact when thousands of pairs share the slots of the hashed pair table', () => {
    // 3,000 literals over 200 characters: many text pairs hash to a literal's slot wrongly.
    const alphabet = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i * 37))
    const pick = randomTextOf(alphabet, 11)
    const words = Array.from({ length: 3000 }, (_, i) => pick(2 + (i % 3)))
    const text = pick(5000)
    expect(new FirstCharIndex(words).matches(text)).toEqual(naive(words, text))
  })
})

describe('FirstCharIndex.reload', () => {
  it('forgets the literals of the previous set, one-character ones included', () => {
    const index = new FirstCharIndex(['宁夏', '卫'])
    expect([...index.matches('宁夏中卫')].map((h) => h.keyword)).toEqual(['宁夏', '卫'])
    index.reload(['中卫'])
    expect([...index.matches('宁夏中卫')].map((h) => h.keyword)).toEqual(['中卫'])
    index.reload(['宁', '宁夏'])
    expect([...index.matches('宁夏中卫')].map((h) => h.keyword)).toEqual(['宁夏', '宁'])
    index.reload([])
    expect([...index.matches('宁夏中卫')]).toEqual([])
  })

  it('still finds the right literals after more reloads than its set numbers count', () => {
    const index = new FirstCharIndex(['中卫'])
    for (let i = 0; i < 70_000; i++) index.reload(i % 2 ? ['宁夏'] : ['卫'])
    expect([...index.matches('宁夏中卫')].map((h) => h.keyword)).toEqual(['宁夏'])
  })
})
