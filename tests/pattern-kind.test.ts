// The pattern kind's options beyond the regex: matches joined across punctuation, quoted mentions dropped.
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/core/engine.js'
import { documentFromText } from '../src/io/read-document.js'
import { activateRules, parseRuleFile } from '../src/rules/loader.js'

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
