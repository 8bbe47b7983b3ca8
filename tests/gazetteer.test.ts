// The gazetteer shipped in rules/leak: lookups by the end of a name, parents, short names.
import { describe, expect, it } from 'vitest'
import { shortNameOf } from '../src/nlp/admin-names.js'
import { getGazetteer } from '../src/nlp/gazetteer.js'
import { isHan } from '../src/rules/shared/chars.js'

const gazetteer = getGazetteer()

describe('gazetteer', () => {
  it('finds the names that end where a suffix ends, longest first, at every level', () => {
    const text = '包抓外西河村'
    expect(gazetteer.villageNamesEndingAt(text, text.length, 3, isHan).map((e) => e.name)).toEqual(['外西河村', '西河村'])
    const [village] = gazetteer.villageNamesEndingAt(text, text.length, 4, isHan)
    expect(village!.units).toEqual([{ code: '640205202201', name: '外西河村', level: 5 }])
    expect(gazetteer.upperNamesEndingAt('赴灵武市', 4, 3, isHan)[0]!.units.map((u) => u.code)).toEqual(['640181'])
    expect(gazetteer.upperNamesEndingAt('宁夏回族自治区', 7, 3, isHan)[0]!.units.map((u) => u.code)).toEqual(['64'])
  })

  it('knows each unit’s parents, top first, with the data’s gaps skipped', () => {
    const [village] = gazetteer.villageNamesEndingAt('居延社区', 4, 4, isHan)[0]!.units
    expect(gazetteer.ancestors(village!).map((u) => u.name)).toEqual(['内蒙古自治区', '阿拉善盟', '额济纳旗', '达来呼布镇'])
    // Beijing's districts have no prefecture in the data (市辖区 is left out).
    expect(gazetteer.ancestors(gazetteer.unit('110101')!).map((u) => u.name)).toEqual(['北京市'])
  })

  it('cuts short names as reports write them', () => {
    expect(shortNameOf('宁夏回族自治区', 1)).toBe('宁夏')
    expect(shortNameOf('恩施土家族苗族自治州', 2)).toBe('恩施')
    expect(shortNameOf('博尔塔拉蒙古自治州', 2)).toBe('博尔塔拉')
    expect(shortNameOf('额济纳旗', 3)).toBe('额济纳')
    expect(shortNameOf('中街街道', 4)).toBe('中街')
    expect(gazetteer.unitsByShortName('石嘴山').map((u) => u.code)).toEqual(['6402'])
  })

  it('keeps the characters of a name that also name a people: only a designation goes with the suffix', () => {
    // 京, 白, 水, 藏 and 蒙古 name peoples too; stripping them cut 北京 to 北 and 白水县 to nothing.
    expect(shortNameOf('北京市', 1)).toBe('北京')
    expect(shortNameOf('白水县', 3)).toBe('白水')
    expect(shortNameOf('六盘水市', 2)).toBe('六盘水')
    expect(shortNameOf('内蒙古自治区', 1)).toBe('内蒙古')
    expect(shortNameOf('西藏自治区', 1)).toBe('西藏')
    expect(shortNameOf('新疆维吾尔自治区', 1)).toBe('新疆')
    expect(shortNameOf('巴里坤哈萨克自治县', 3)).toBe('巴里坤')
    expect(shortNameOf('红星回族乡', 4)).toBe('红星')
    expect(gazetteer.unitsByShortName('北京').map((u) => u.code)).toContain('11') // and 北京街道 of Guangzhou
    expect(gazetteer.isCommonShortName(gazetteer.unit('610527')!)).toBe(false) // 白水县
  })

  it('flags units whose short name is a common word', () => {
    expect(gazetteer.isCommonShortName(gazetteer.unit('330881')!)).toBe(true) // 江山市
    expect(gazetteer.isCommonShortName(gazetteer.unit('640181')!)).toBe(false) // 灵武市
    expect(gazetteer.villageNamesEndingAt('建设幸福社区', 6, 4, isHan)[0]!.isGeneric).toBe(true)
  })
})
