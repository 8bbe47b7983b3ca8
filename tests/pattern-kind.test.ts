// The pattern kind's options beyond the regex: matches joined across punctuation, quoted mentions dropped.
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/core/engine.js'
import { documentFromText } from '../src/io/read-document.js'
import { activateRules, parseRuleFile } from '../src/rules/loader.js'
import { joinAlternatives } from '../src/rules/shared/alternatives.js'

function ruleText(extra: string[]): string {
  return [
    'id: paywall/test-notice',
    'kind: pattern',
    'severity: error',
    'summary: a notice',
    'message: "notice: {text}"',
    "pattern: '会员专享|请登录'",
    ...extra,
    'examples:',
    '  match: [会员专享]',
    '  noMatch: [会员]',
  ].join('\n')
}

async function spans(extra: string[], text: string): Promise<string[]> {
  const [rule] = activateRules([parseRuleFile(ruleText(extra), 'paywall/test-notice.yaml')], 'draft')
  return checkDocument(await documentFromText(text, 'a.txt'), [rule!]).map((f) => f.text)
}

describe('pattern kind', () => {
  it('reports matches only punctuation or spaces part as one with joinAdjacent, and each alone without it', async () => {
    const text = '本文为会员专享，请登录。\n会员专享 请登录\n会员专享的内容请登录\n会员专享\n请登录'
    expect(await spans(['joinAdjacent: true'], text)).toEqual(['会员专享，请登录', '会员专享 请登录', '会员专享', '请登录', '会员专享', '请登录'])
    expect(await spans([], text)).toHaveLength(8)
  })

  it('drops with mentionAfter a match quoted in a sentence that names it, and keeps one quoted without the cue or not quoted', async () => {
    const extra = ["mentionAfter: '(?:[、，]?“[^”\\n]{0,40}”)*(?:等|的提示)'"]
    const text = [
      '网站存在“会员专享”“请登录”等设置',
      '弹出“本文会员专享，请登录”的提示',
      '页面写着“会员专享”',
      '会员专享”等',
      '“会员专享等',
      '“会员专享”\n等',
    ].join('\n')
    expect(await spans(extra, text)).toEqual(['会员专享', '会员专享', '会员专享', '会员专享'])
    expect(await spans([], text)).toHaveLength(8)
  })

  it('refuses joinAdjacent with a suggestion, whose matches each have their own', () => {
    expect(() => parseRuleFile(ruleText(['joinAdjacent: true', "suggestion: 'x'"]), 'paywall/test-notice.yaml')).toThrow(/cannot join matches that each have a suggestion/)
  })
})

describe('a list of alternatives', () => {
  const lineStart = '(?<=^[ \\t]*)'
  it('shares the lookbehind of alternatives in a row that open with the same one, and matches what the plain join does', () => {
    const list = [`${lineStart}分享$`, `${lineStart}打印(?=$)`, '转载', `${lineStart}收藏`, `(?<=。)${'举报'}`]
    const joined = joinAlternatives(list)
    expect(joined).toBe(`(?:${lineStart}(?:(?:分享$)|(?:打印(?=$))))|(?:转载)|(?:${lineStart}收藏)|(?:(?<=。)举报)`)
    const text = '分享\n  打印\n说分享\n转载 收藏\n收藏。举报'
    const plain = list.map((p) => `(?:${p})`).join('|')
    const all = (source: string) => [...text.matchAll(new RegExp(source, 'gmu'))].map((m) => [m.index, m[0]])
    expect(all(joined)).toEqual(all(plain))
    expect(all(joined).length).toBe(5)
  })

  it('keeps apart a lookbehind that captures, and one that guards only the first branch of an alternation', () => {
    expect(joinAlternatives(['(?<=(a))b', '(?<=(a))c'])).toBe('(?:(?<=(a))b)|(?:(?<=(a))c)')
    expect(joinAlternatives(['(?<=a)b|c', '(?<=a)d'])).toBe('(?:(?<=a)b|c)|(?:(?<=a)d)')
    expect(joinAlternatives(['(?<=[(])b', '(?<=[(])c'])).toBe('(?:(?<=[(])(?:(?:b)|(?:c)))')
    expect(joinAlternatives(['(?<=a)(b|c)', '(?<=a)\\|'])).toBe('(?:(?<=a)(?:(?:(b|c))|(?:\\|)))')
  })
})
