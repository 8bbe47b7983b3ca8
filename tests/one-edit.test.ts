import { distance } from 'fastest-levenshtein'
import { describe, expect, it } from 'vitest'
import { isOneEditAway } from '../src/rules/formulation.js'

describe('isOneEditAway', () => {
  it('agrees with the Levenshtein distance on every short string over a small alphabet', () => {
    // Exhaustive over strings of length 0–4 from 3 letters against a few phrases: every
    // drop, insertion, substitution, transposition and exact match is among them.
    const alphabet = ['中', '国', '特']
    const strings: string[] = ['']
    for (let length = 1; length <= 4; length++) {
      for (const s of strings.filter((x) => x.length === length - 1)) for (const c of alphabet) strings.push(s + c)
    }
    for (const phrase of ['中国特', '中国', '国国特中', '特']) {
      for (const s of strings) {
        const padded = `前${s}后`
        expect(isOneEditAway(padded, 1, 1 + s.length, phrase), `${s} vs ${phrase}`).toBe(distance(s, phrase) === 1)
      }
    }
  })
})
