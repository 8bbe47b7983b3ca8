// The gazetteer shipped in rules/leak: lookups by the end of a name, parents, short names.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { adminSuffixAt, shortNameOf } from '../src/nlp/admin-names.js'
import { gazetteerDir, getGazetteer } from '../src/nlp/gazetteer.js'
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

  it('finds by the remembered range of a text’s last two characters what the walk from the last one finds', () => {
    // Names sharing their ending (…河村, …武市) asked in turns, endings no name has, short texts.
    const texts = ['包抓外西河村', '赴灵武市', '东西河村', '在灵武市', '城市', '河村', '外西河村', '农村', '村', '宁夏回族自治区', 'A市']
    for (const lookUp of [gazetteer.villageNamesEndingAt.bind(gazetteer), gazetteer.upperNamesEndingAt.bind(gazetteer)]) {
      for (const t of [...texts, ...texts]) {
        // A minimum length under two walks from the last character, the way every lookup did.
        const walked = lookUp(t, t.length, 1, isHan).filter((e) => e.name.length >= 2)
        expect(lookUp(t, t.length, 2, isHan), t).toEqual(walked)
        expect(lookUp(t, t.length, 3, isHan), t).toEqual(walked.filter((e) => e.name.length >= 3))
      }
    }
    expect(gazetteer.upperNamesEndingAt('赴灵武市', 4, 2, isHan).map((e) => e.name)).toContain('灵武市')
  })

  it('reads the administrative suffixes of a text as the alternation of them, longest first, does', () => {
    const alternationRe = /特别行政区|自治区|自治州|自治县|自治旗|民族乡|街道|社区|嘎查|苏木|地区|林区|省|市|县|区|旗|盟|镇|乡|村/g
    const texts = [
      '宁夏回族自治区石嘴山市惠农区中街街道惠农中街社区，香港特别行政区、特别行政、自治、自治县城',
      '地区林区苏木嘎查民族乡村镇市场乡村旗帜盟员省份，区县市，农村社区和城市地区',
      '村', '自', '特别行政区', '街道街', '',
    ]
    for (const text of texts) {
      const scanned: [number, string][] = []
      for (let at = 0; at < text.length; at++) {
        const suffix = adminSuffixAt(text, at)
        if (suffix === undefined) continue
        scanned.push([at, suffix])
        at += suffix.length - 1
      }
      expect(scanned, text).toEqual([...text.matchAll(alternationRe)].map((m) => [m.index, m[0]]))
    }
    // Within a limit: 特别行政区 does not fit in three characters, 自治区 does.
    expect(adminSuffixAt('特别行政区', 0, 3)).toBeUndefined()
    expect(adminSuffixAt('回族自治区', 2, 5)).toBe('自治区')
    expect(adminSuffixAt('回族自治区', 2, 4)).toBeUndefined()
  })

  it('knows each unit’s parents, top first, with the data’s gaps skipped', () => {
    const [village] = gazetteer.villageNamesEndingAt('居延社区', 4, 4, isHan)[0]!.units
    expect(gazetteer.ancestors(village!).map((u) => u.name)).toEqual(['内蒙古自治区', '阿拉善盟', '额济纳旗', '达来呼布镇'])
    // Beijing's districts have no prefecture in the data (市辖区 is left out).
    expect(gazetteer.ancestors(gazetteer.unit('110101')!).map((u) => u.name)).toEqual(['北京市'])
  })

  it('cuts short names as reports write them, keeping the characters that also name a people', () => {
    // 京, 白, 水, 藏 and 蒙古 name peoples too: only a designation (with 族, or before 自治)
    // goes with the suffix; cutting them made 北京 北 and 白水县 nothing.
    const cases: [string, 1 | 2 | 3 | 4, string][] = [
      ['宁夏回族自治区', 1, '宁夏'],
      ['恩施土家族苗族自治州', 2, '恩施'],
      ['博尔塔拉蒙古自治州', 2, '博尔塔拉'],
      ['额济纳旗', 3, '额济纳'],
      ['中街街道', 4, '中街'],
      ['北京市', 1, '北京'],
      ['白水县', 3, '白水'],
      ['六盘水市', 2, '六盘水'],
      ['内蒙古自治区', 1, '内蒙古'],
      ['西藏自治区', 1, '西藏'],
      ['新疆维吾尔自治区', 1, '新疆'],
      ['巴里坤哈萨克自治县', 3, '巴里坤'],
      ['红星回族乡', 4, '红星'],
    ]
    for (const [name, level, short] of cases) expect(shortNameOf(name, level), name).toBe(short)
    expect(gazetteer.unitsByShortName('石嘴山').map((u) => u.code)).toEqual(['6402'])
    expect(gazetteer.unitsByShortName('北京').map((u) => u.code)).toContain('11') // and 北京街道 of Guangzhou
    expect(gazetteer.isCommonShortName(gazetteer.unit('610527')!)).toBe(false) // 白水县
  })

  it('flags units whose short name is a common word', () => {
    expect(gazetteer.isCommonShortName(gazetteer.unit('330881')!)).toBe(true) // 江山市
    expect(gazetteer.isCommonShortName(gazetteer.unit('640181')!)).toBe(false) // 灵武市
    expect(gazetteer.villageNamesEndingAt('建设幸福社区', 6, 4, isHan)[0]!.isGeneric).toBe(true)
  })

  it('finds each village of its files, with the codes and flags of its line', () => {
    // Every 97th line of four files, read here as text, against the index of their code units.
    for (const bucket of ['00', '17', '42', '63']) {
      const lines = gunzipSync(readFileSync(join(gazetteerDir, 'gazetteer-villages', `${bucket}.tsv.gz`))).toString('utf8').split('\n')
      const entries = lines.filter((line, i) => i % 97 === 0 && line !== '' && !line.startsWith('#'))
      expect(entries.length).toBeGreaterThan(10)
      for (const line of entries) {
        const [name = '', codes = '', flags = ''] = line.split('\t')
        const found = gazetteer.villageNamesEndingAt(name, name.length, name.length, () => true).find((e) => e.name === name)
        expect(found?.units.map((u) => u.code)).toEqual(codes.split(','))
        expect(found?.isGeneric).toBe(flags.includes('g'))
      }
    }
  })
})
