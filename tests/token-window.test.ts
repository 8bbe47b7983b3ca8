// The tagged windows of the leak finders: offsets into the document, and a window met again in
// another document remembered instead of tagged again.
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { getTokenizer, type Tokenizer } from '../src/nlp/tokenizer.js'
import { tokensAround } from '../src/rules/shared/token-window.js'

/** The jieba tokenizer behind a counter of its calls. */
function countingTokenizer(): Tokenizer & { calls: number } {
  const jieba = getTokenizer('jieba')
  const counting = { name: jieba.name, isLoaded: true, calls: 0, tag: (text: string) => (counting.calls++, jieba.tag(text)) }
  return counting
}

const doc = (text: string) => new Document(text, { path: 'a.txt', encoding: 'utf-8' })

describe('tokensAround', () => {
  it('gives the clause around a span, with offsets into the document', () => {
    const text = '会上，党组书记张建华同志讲话。'
    const tokens = tokensAround(doc(text), countingTokenizer(), 7, 10)
    expect(tokens.map((t) => t.word).join('')).toBe('党组书记张建华同志讲话')
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word)
  })

  it('tags a clause met again in another document once, at its new offsets', () => {
    const tokenizer = countingTokenizer()
    const first = tokensAround(doc('一、党组书记李建国同志讲话。'), tokenizer, 6, 9)
    const again = tokensAround(doc('会上，党组书记李建国同志讲话。'), tokenizer, 7, 10)
    expect(tokenizer.calls).toBe(1)
    expect(again.map((t) => [t.word, t.tag, t.start - 1])).toEqual(first.map((t) => [t.word, t.tag, t.start]))
  })
})
