// The slips that make a short formulation no word: a homophone, an inner character typed twice or dropped.
import { describe, expect, it } from 'vitest'
import { indexHomophones, indexReadings, isDropBeforePunctuation, isHomophoneSwap, isInnerDoubling, isInnerDrop, isInnerWordDrop, isQuotedSubstitution, isWordDoubling } from '../src/rules/shared/slips.js'
import { checkText } from './helpers.js'

const homophones = indexHomophones(['主注', '义意', '护户'])
const at = (s: string) => `前${s}后`

describe('slips', () => {
  it('takes up to the given number of adjacent characters changed for homophones', () => {
    expect(isHomophoneSwap(at('两个维户'), 1, '两个维护', homophones, 1)).toBe(true)
    expect(isHomophoneSwap(at('社会注意思想'), 1, '社会主义思想', homophones, 1)).toBe(false)
    expect(isHomophoneSwap(at('社会注意思想'), 1, '社会主义思想', homophones, 2)).toBe(true)
    expect(isHomophoneSwap(at('注会主义'), 1, '主会主义', homophones, 2)).toBe(true)
    expect(isHomophoneSwap(at('注会意义'), 1, '主会主义', homophones, 2)).toBe(false)
    expect(isHomophoneSwap(at('两个维持'), 1, '两个维护', homophones, 1)).toBe(false)
    expect(isHomophoneSwap(at('两个维护'), 1, '两个维护', homophones, 1)).toBe(false)
  })

  it('takes an inner character typed twice, not the first or the last', () => {
    expect(isInnerDoubling(at('高质量量发展'), 1, '高质量发展')).toBe(true)
    expect(isInnerDoubling(at('高质质量发展'), 1, '高质量发展')).toBe(true)
    expect(isInnerDoubling(at('中国式现代代化'), 1, '中国式现代化')).toBe(true)
    expect(isInnerDoubling(at('高高质量发展'), 1, '高质量发展')).toBe(false)
    expect(isInnerDoubling(at('高质量发展展'), 1, '高质量发展')).toBe(false)
    expect(isInnerDoubling(at('高质量好发展'), 1, '高质量发展')).toBe(false)
  })

  it('takes a word of two typed twice inside or at the end, not the first', () => {
    expect(isWordDoubling(at('中国特色特色社会主义'), 1, '中国特色社会主义')).toBe(true)
    expect(isWordDoubling(at('高质量质量发展'), 1, '高质量发展')).toBe(true)
    expect(isWordDoubling(at('中国特色社会主义主义'), 1, '中国特色社会主义')).toBe(true)
    expect(isWordDoubling(at('中国中国特色社会主义'), 1, '中国特色社会主义')).toBe(false)
    expect(isWordDoubling(at('中国特色社会主义道路'), 1, '中国特色社会主义')).toBe(false)
    expect(isWordDoubling(at('高质量发展展望'), 1, '高质量发展')).toBe(false)
  })

  it('takes a word of two dropped only from a formulation of twelve or more, three kept before it and two after', () => {
    expect(isInnerWordDrop(at('习近平新时代中国特色社会思想'), 1, '习近平新时代中国特色社会主义思想')).toBe(true)
    expect(isInnerWordDrop(at('习近平新时代特色社会主义思想'), 1, '习近平新时代中国特色社会主义思想')).toBe(true)
    expect(isInnerWordDrop(at('习近平新时代中国特色社会主义'), 1, '习近平新时代中国特色社会主义思想')).toBe(false)
    expect(isInnerWordDrop(at('中国社会主义'), 1, '中国特色社会主义')).toBe(false)
  })

  it('takes a character dropped with two on each side', () => {
    expect(isInnerDrop(at('高质发展'), 1, '高质量发展')).toBe(true)
    expect(isInnerDrop(at('以人民中心'), 1, '以人民为中心')).toBe(true)
    expect(isInnerDrop(at('高质量展'), 1, '高质量发展')).toBe(false)
    expect(isInnerDrop(at('质量发展'), 1, '高质量发展')).toBe(false)
    expect(isInnerDrop(at('高量发展'), 1, '高质量发展')).toBe(false)
  })

  it('takes the last but one character dropped only before a punctuation mark, of five or more', () => {
    expect(isDropBeforePunctuation('发展新质生力，', 2, '新质生产力')).toBe(true)
    expect(isDropBeforePunctuation('发展新质生力', 2, '新质生产力')).toBe(false)
    expect(isDropBeforePunctuation('打造新质生力\n军', 2, '新质生产力')).toBe(false)
    expect(isDropBeforePunctuation('打造新质生力\u2028军', 2, '新质生产力')).toBe(false)
    expect(isDropBeforePunctuation('打造新质生力军', 2, '新质生产力')).toBe(false)
    expect(isDropBeforePunctuation('要求真实、准确', 1, '求真务实')).toBe(false)
    expect(isDropBeforePunctuation('两个确力。', 0, '两个确立')).toBe(false)
    expect(isDropBeforePunctuation('高质量展。', 0, '高质量发展')).toBe(true)
    expect(isDropBeforePunctuation('高量发展。', 0, '高质量发展')).toBe(false)
  })

  it('takes one character changed after the numeral for one read alike, inside quotes only', () => {
    const readAlike = indexHomophones(['识思', '确却', '护户'])
    expect(isQuotedSubstitution('把「四个意思」', 2, '四个意识', readAlike)).toBe(true)
    expect(isQuotedSubstitution('把“两个却立”的', 2, '两个确立', readAlike)).toBe(true)
    expect(isQuotedSubstitution('把“两个树立”的', 2, '两个确立', readAlike)).toBe(false)
    expect(isQuotedSubstitution('坚持“四个自我”', 3, '四个自信', readAlike)).toBe(false)
    expect(isQuotedSubstitution('从“两个维度”', 2, '两个维护', readAlike)).toBe(false)
    expect(isQuotedSubstitution('把四个意思的', 1, '四个意识', readAlike)).toBe(false)
    expect(isQuotedSubstitution('把“四个意思的', 2, '四个意识', readAlike)).toBe(false)
    expect(isQuotedSubstitution('把“三个确立”', 2, '两个确立', readAlike)).toBe(false)
    expect(isQuotedSubstitution('把“两个却力”', 2, '两个确立', readAlike)).toBe(false)
    expect(isQuotedSubstitution('把“两个确立”', 2, '两个确立', readAlike)).toBe(false)
  })

  it('refuses a character listed in two groups', () => {
    expect(() => indexHomophones(['主注', '注意'])).toThrow()
  })

  it('puts a character read two ways in the group of each reading', () => {
    const readings = indexReadings({ xi: '系习', ji: '系记纪际' })
    expect(isHomophoneSwap('党际学习教育', 0, '党纪学习教育', readings, 1)).toBe(true)
    expect(isHomophoneSwap('关习', 0, '关系', readings, 1)).toBe(true)
    expect(isHomophoneSwap('关记', 0, '关系', readings, 1)).toBe(true)
    expect(isHomophoneSwap('学记', 0, '学习', readings, 1)).toBe(false)
  })
})

describe('typo/formulation on lists, doubled words and short wrapped lines', () => {
  it.each([
    ['围绕“学思想、强党性、重实践、见新功”的总要求。', '学思想、强党性、重实践、见新功', '学思想、强党性、重实践、建新功'],
    ['始终不忘出心、牢记使命。', '不忘出心、牢记使命', '不忘初心、牢记使命'],
    ['不忘初心，牢计使命。', '不忘初心，牢计使命', '不忘初心、牢记使命'],
    ['一要坚持中国特色社会主义主义道路。', '中国特色社会主义主义', '中国特色社会主义'],
    ['推动经济高质量发展发展。', '高质量发展发展', '高质量发展'],
    ['我们要坚定中国特\n社会主义道路自信。', '中国特\n社会主义', '中国特色社会主义'],
  ])('%j: one finding, %j for %j', async (text, span, suggestion) => {
    const found = await checkText(text, { only: ['typo/formulation', 'typo/repeated-word'] })
    expect(found.map((f) => [f.ruleId, f.messageId, text.slice(f.offset, f.offset + f.length), f.suggestion, f.fix])).toEqual([['typo/formulation', 'typo.formulation', span, suggestion, null]])
  })

  it.each(['不忘初心，牢记使命。', '不忘初心牢记使命。', '我们要坚定中国特\n色社会主义道路自信。', '二、全面落实中国特\n社会主义制度'])('is silent on %j', async (text) => {
    expect(await checkText(text, { only: ['typo/formulation'] })).toEqual([])
  })
})
