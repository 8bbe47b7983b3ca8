// The units' binary table (gazetteer-table.ts): the build's file holds what building it from
// the units file gives, and a file made from another units file is not used.
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildUnitTable, decodeUnitTable, encodeUnitTable, stampOfUnitTable } from '../src/nlp/gazetteer-table.js'
import { getGazetteer, unitsFile, unitTableFile, unitTableStamp } from '../src/nlp/gazetteer.js'
import { shortNameOf } from '../src/nlp/admin-names.js'

const source = readFileSync(unitsFile)
const text = gunzipSync(source).toString('utf8')
const built = buildUnitTable(text)

describe('gazetteer unit table', () => {
  it('is written by the build for the units file as it is', () => {
    const bytes = new Uint8Array(readFileSync(unitTableFile))
    expect(stampOfUnitTable(bytes)).toBe(unitTableStamp(source))
    expect(decodeUnitTable(bytes, text)).toEqual(built)
    expect(built.shortUnitEntries.length).toBe(built.shortUnitCodes.length)
  })

  it('reads back what it encodes', () => {
    expect(decodeUnitTable(encodeUnitTable(built, 'stamp'), text)).toEqual(built)
    expect(stampOfUnitTable(encodeUnitTable(built, 'another source'))).toBe('another source')
  })

  it('lists every unit once by code, ascending, and the short names of each', () => {
    expect(new Set(built.codes).size).toBe(built.codes.length)
    for (let i = 1; i < built.codes.length; i++) expect(built.codes[i]! > built.codes[i - 1]!).toBe(true)
    const gazetteer = getGazetteer()
    // Every short name the table lists leads back to units whose names cut to it.
    const shorts = [...gazetteer.shortNames()]
    expect(shorts.length).toBeGreaterThan(10_000)
    for (const [short, units] of shorts.filter((_, i) => i % 97 === 0)) {
      expect(gazetteer.unitsByShortName(short)).toEqual(units)
      for (const unit of units) expect(shortNameOf(unit.name, unit.level)).toBe(short)
    }
    expect(gazetteer.unitsByShortName('不是地名')).toEqual([])
    // Read from the table, the short names some unit passes a test for, as from the units.
    const test = (short: string, level: number, isCommon: boolean) => level === 1 || (level === 2 && !isCommon) || (level === 3 && short.length >= 3 && !isCommon)
    const expected = shorts.filter(([short, units]) => units.some((u) => test(short, u.level, gazetteer.isCommonShortName(u)))).map(([short]) => short)
    expect(expected.length).toBeGreaterThan(100)
    expect(gazetteer.shortNamesWhere((short, level, isCommon) => test(short, level, isCommon()))).toEqual(expected)
    expect(gazetteer.unit('0640')).toBeUndefined()
    expect(gazetteer.unit('640205202201')).toBeUndefined() // villages are found by name only
  })
})
