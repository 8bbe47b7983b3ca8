// The table of the gazetteer's short-name endings that spares the place scan its look-ups.
import { describe, expect, it } from 'vitest'
import { getGazetteer } from '../src/nlp/gazetteer.js'
import { anyLevel, ShortNameEnds } from '../src/rules/shared/short-name-ends.js'

describe('ShortNameEnds', () => {
  const gazetteer = getGazetteer()
  const ends = new ShortNameEnds(gazetteer)

  it('says yes where a short name of a unit of the levels asked ends', () => {
    expect(gazetteer.unitsByShortName('灵武').length).toBeGreaterThan(0)
    expect(ends.mayEndAt('位于灵武郝家桥镇', 4, anyLevel)).toBe(true)
    const levels = new Set(gazetteer.unitsByShortName('石嘴山').map((u) => u.level))
    for (const level of levels) expect(ends.mayEndAt('石嘴山', 3, 1 << level)).toBe(true)
  })

  it('says no where no short name ends, and before two characters', () => {
    expect(gazetteer.unitsByShortName('，的')).toEqual([])
    expect(ends.mayEndAt('，的', 2, anyLevel)).toBe(false)
    expect(ends.mayEndAt('灵武', 1, anyLevel)).toBe(false)
  })

  it('never says no where a short name ends', () => {
    const shorts = gazetteer.shortNamesWhere(() => true).slice(0, 3000)
    for (const short of shorts) {
      let levels = 0
      for (const unit of gazetteer.unitsByShortName(short)) levels |= 1 << unit.level
      expect(ends.mayEndAt(`在${short}`, short.length + 1, levels)).toBe(true)
    }
  })
})
