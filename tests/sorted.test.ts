// The search by halves the rules and the gazetteer share.
import { describe, expect, it } from 'vitest'
import { lowerBound } from '../src/core/sorted.js'

describe('lowerBound', () => {
  it('gives the first index whose value is not below the bound', () => {
    const values = [1, 3, 3, 7]
    const at = (bound: number) => lowerBound(values.length, (i) => values[i]!, bound)
    expect([0, 1, 2, 3, 4, 7, 8].map(at)).toEqual([0, 0, 1, 1, 3, 3, 4])
    expect(lowerBound(0, () => 0, 5)).toBe(0)
  })
})
