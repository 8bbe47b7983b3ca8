// The congress rule's ordinals and its reading of the document's year.
import { describe, expect, it } from 'vitest'
import { formatChineseOrdinal, parseChineseOrdinal } from '../src/rules/congress.js'
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
})
