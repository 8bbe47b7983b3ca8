// The congress rule's ordinals and its reading of the document's year.
import { describe, expect, it } from 'vitest'
import { formatChineseOrdinal, parseChineseOrdinal } from '../src/rules/shared/chinese-ordinal.js'
import { checkText } from './helpers.js'

describe('Chinese ordinals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
  ])('%s is %i and back', (text, n) => {
    expect(parseChineseOrdinal(text)).toBe(n)
    expect(formatChineseOrdinal(n)).toBe(text)
  })

  it.each(['', '十十', '二二', '一十一十'])('%j is no ordinal', (text) => {
    expect(parseChineseOrdinal(text)).toBeUndefined()
  })
})

describe('typo/congress', () => {
  it('says where the year came from and offers a certain fix for swapped digits', async () => {
    const [f] = await checkText('2023年述职报告\n在学习宣传党的十二大精神上走深走实', { only: ['typo/congress'] })
    expect(f?.suggestion).toBe('二十大')
    expect(f?.message).toContain('title on line 1')
    expect(f?.fix).toEqual({ offset: f!.offset, length: 3, replacement: '二十大' })
  })

  it('offers no automatic fix when the intended congress is a guess', async () => {
    const [f] = await checkText('2023年工作总结\n深入学习贯彻党的十八大精神', { only: ['typo/congress'] })
    expect(f?.suggestion).toBe('二十大')
    expect(f?.fix).toBeNull()
  })

  it('falls back to the year the text mentions most', async () => {
    const text = '工作总结\n一、主要工作。2022年以来，我们开展了工作。2022年全年完成任务。\n学习党的十二大精神。'
    const [f] = await checkText(text, { only: ['typo/congress'] })
    expect(f?.message).toContain('mentioned most (2022年, 2 times)')
  })

  it('calls the latest of years mentioned as often as each other the latest, not the one mentioned most', async () => {
    const text = '专题辅导\n1978年召开会议。1992年召开会议。2025年3月我们学习党的十二大精神。'
    const [f] = await checkText(text, { only: ['typo/congress'], lang: 'zh' })
    expect(f?.message).toContain('文中提到的年份中最晚的2025年')
  })

  it('fixes 十二大 listed before the plenum of the current committee it shares the spirit word with', async () => {
    const [f, ...rest] = await checkText('县商务局2025年工作计划\n深入学习贯彻党的十二大和二十届三中全会精神。', { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.text).toBe('十二大')
    expect(f?.fix).toEqual({ offset: f!.offset, length: 3, replacement: '二十大' })
  })
})

describe('typo/congress on plenums', () => {
  it('reports a plenum of an earlier Central Committee studied as current, with the fix when the numerals are swapped', async () => {
    const [f, ...rest] = await checkText('2025年工作计划\n认真学习贯彻党的十二届三中全会精神', { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.text).toBe('十二届三中全会')
    expect(f?.messageId).toBe('typo.congress.plenum')
    expect(f?.suggestion).toBe('二十届三中全会')
    expect(f?.fix).toEqual({ offset: f!.offset, length: 7, replacement: '二十届三中全会' })
  })

  it('takes a study verb after the spirit word as well as before it, with no fix for a guess', async () => {
    const [f] = await checkText('2024年度对照检查材料\n少数同志对党的十九届三中全会精神学习不够深入', { only: ['typo/congress'] })
    expect(f?.text).toBe('十九届三中全会')
    expect(f?.fix).toBeNull()
  })
})

describe('typo/congress suggests only a plenum held by the report\'s year', () => {
  it.each([
    // 二十届三中全会 was held in July 2024: a 2022 or 2023 report is offered the current committee's latest.
    ['2022年度工作总结\n学习贯彻党的十八届三中全会精神。', '十八届三中全会', '二十届一中全会'],
    ['2023年度工作总结\n学习贯彻党的十八届三中全会精神。', '十八届三中全会', '二十届二中全会'],
    ['2024年度工作总结\n学习贯彻党的十八届三中全会精神。', '十八届三中全会', '二十届三中全会'],
    ['2024年度工作总结\n学习贯彻党的十八届六中全会精神。', '十八届六中全会', '二十届三中全会'],
    ['2025年度工作总结\n学习贯彻党的十八届六中全会精神。', '十八届六中全会', '二十届四中全会'],
  ])('%j: %s → %s, no fix', async (text, mention, suggestion) => {
    const [f, ...rest] = await checkText(text, { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.text).toBe(mention)
    expect(f?.messageId).toBe('typo.congress.plenum')
    expect(f?.suggestion).toBe(suggestion)
    expect(f?.fix).toBeNull()
  })

  it('swaps the numerals only to a plenum that had been held (十二届三中全会 in 2023 is not 二十届三中全会)', async () => {
    const [f] = await checkText('2023年工作计划\n认真学习贯彻党的十二届三中全会精神', { only: ['typo/congress'] })
    expect(f?.suggestion).toBe('二十届二中全会')
    expect(f?.fix).toBeNull()
  })
})

describe('typo/congress on five-year plans', () => {
  it('counts 明年 from the title\'s year and says so', async () => {
    const [f, ...rest] = await checkText('XX县2024年工作汇报\n明年是“十三五”规划收官之年。', { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.text).toBe('十三五')
    expect(f?.messageId).toBe('typo.congress.plan')
    expect(f?.suggestion).toBe('十四五')
    expect(f?.message).toContain('of 2025 (year from 明年 counted from the title on line 1 (2024年))')
    expect(f?.fix).toBeNull()
  })

  it('leaves 明年 alone in a text dated only by what it cites', async () => {
    expect(await checkText('工作总结\n学习贯彻党的二十大精神。明年是“十三五”规划收官之年。', { only: ['typo/congress'] })).toEqual([])
  })
})

describe('typo/congress without a written year', () => {
  const report = '述职报告\n一年来，我认真学习党的二十大报告，对照“十四五”规划抓落实。\n在学习宣传党的十二大精神上走深走实。'

  it('dates the text by what it cites and quotes the evidence', async () => {
    const [f, ...rest] = await checkText(report, { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.text).toBe('十二大')
    expect(f?.suggestion).toBe('二十大')
    expect(f?.message).toContain('it cites 二十大 (2022 on) and 十四五 (2020 on)')
    expect(f?.message).toContain('2022 or later')
    expect(f?.fix).toEqual({ offset: f!.offset, length: 3, replacement: '二十大' })
  })

  it('lets what the text cites outweigh a history year it mentions most', async () => {
    const text = '工作总结\n1982年9月，党的十二大召开；1982年宪法颁布。\n我们对标中国式现代化，深入学习贯彻党的十二大精神。'
    const [f, ...rest] = await checkText(text, { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.message).toContain('中国式现代化 (2021 on)')
  })

  it('suggests the congress whose numerals the mistyped ordinal swaps, when the era allows it', async () => {
    // 中国式现代化 dates the text from 2021 (十九大 in force), yet 二十大 is possible and is 十二 swapped.
    const text = '工作总结\n新时代中国特色社会主义进入新阶段，我们以党的十二大精神为指引，推动中国式现代化'
    const [f, ...rest] = await checkText(text, { only: ['typo/congress'] })
    expect(rest).toEqual([])
    expect(f?.suggestion).toBe('二十大')
    expect(f?.fix).toEqual({ offset: f!.offset, length: 3, replacement: '二十大' })
  })

  it('suggests the congress in force where no possible one swaps the numerals', async () => {
    const text = '工作总结\n新时代中国特色社会主义进入新阶段，我们以党的十七大精神为指引，推动中国式现代化'
    const [f] = await checkText(text, { only: ['typo/congress'] })
    expect(f?.suggestion).toBe('十九大')
    expect(f?.fix).toBeNull()
  })

  it('keeps a written title year over what the text cites', async () => {
    const [f] = await checkText('2018年工作总结\n学习贯彻党的二十大精神，对标中国式现代化', { only: ['typo/congress'] })
    expect(f?.text).toBe('二十大')
    expect(f?.message).toContain('title on line 1')
  })

  it.each([
    ['history, no study verb', '述职报告\n认真学习党的二十大报告。回顾历史，党的十二大报告提出建设有中国特色的社会主义。'],
    ['a congress after the era bound', '工作总结\n开展党史学习教育，学习贯彻党的二十大精神。'],
    ['the congress before the bound', '工作总结\n开展“两学一做”学习教育，深入学习贯彻党的十八大精神。'],
    ['no dating term at all', '工作总结\n深入学习贯彻党的十二大精神。'],
  ])('is silent on %s', async (_, text) => {
    expect(await checkText(text, { only: ['typo/congress'] })).toEqual([])
  })
})
