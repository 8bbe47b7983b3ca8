// The units' binary table (gazetteer-table.ts): the build's file holds what building it from
// the units file gives, and a file made from another units file is not used.
import { readFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildUnitTable, decodeUnitTable, encodeUnitTable, stampOfUnitTable, unitsStamp } from '../src/nlp/gazetteer-table.js'
import { getGazetteer, unitsFile, unitTableFile } from '../src/nlp/gazetteer.js'
import { shortNameOf } from '../src/nlp/admin-names.js'

const source = readFileSync(unitsFile)
const text = gunzipSync(source).toString('utf8')
const built = buildUnitTable(text)

describe('gazetteer unit table', () => {
  it('is written by the build for the units file as it is', () => {
    const bytes = new Uint8Array(readFileSync(unitTableFile))
    expect([...stampOfUnitTable(bytes)!]).toEqual([...unitsStamp(source.length, source)])
    expect(decodeUnitTable(bytes)).toEqual(built)
    expect(built.shortUnitEntries.length).toBe(built.shortUnitCodes.length)
  })

  it('reads back what it encodes', () => {
    const stamp = unitsStamp(source.length, source)
    expect(decodeUnitTable(encodeUnitTable(built, stamp))).toEqual(built)
    const other = unitsStamp(3, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8))
    expect([...stampOfUnitTable(encodeUnitTable(built, other))!]).toEqual([3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(stampOfUnitTable(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))).toBeUndefined()
  })

  it("stamps a units file by its length and gzip's trailer: the CRC-32 and length of its text", () => {
    const again = gzipSync(gunzipSync(source))
    // The same text gzipped again: the trailer is the same, the length may not be.
    expect([...unitsStamp(again.length, again)].slice(4)).toEqual([...unitsStamp(source.length, source)].slice(4))
    const edited = gzipSync(Buffer.concat([gunzipSync(source), Buffer.from('# one more line\n')]))
    expect(Buffer.compare(unitsStamp(edited.length, edited), unitsStamp(source.length, source))).not.toBe(0)
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
    // The same test on the levels the table gives: some unit is a province, a prefecture not common, a county not common.
    const onLevels = (length: number, levels: number, uncommon: number) => (levels & (1 << 1)) !== 0 || (uncommon & (1 << 2)) !== 0 || (length >= 3 && (uncommon & (1 << 3)) !== 0)
    expect(gazetteer.shortNamesWhere(onLevels)).toEqual(expected)
    expect(gazetteer.unit('0640')).toBeUndefined()
    expect(gazetteer.unit('640205202201')).toBeUndefined() // villages are found by name only
  })
})
