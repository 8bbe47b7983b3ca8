// Truncation notices and page chrome: spans and lines found through the pattern kind's line
// filter, severities per profile, and the messages.
import { describe, expect, it } from 'vitest'
import { checkText } from './helpers.js'

const page = [
  '前三季度全市经济运行稳中有进',
  '发布时间：2023-10-27 来源：市统计局 浏览次数：2318',
  '一、工业生产持续恢复。规模以上工业增加值增长6.8%……（全文共4800字，余下内容请登录后查看）',
  '具体数据请登录国家统计局网站查询。',
  '分享到：微信 微博',
].join('\n')

describe('paywall notices', () => {
  it('reports the notice as its own span, on its own line, and says the text is incomplete', async () => {
    const findings = await checkText(page, { only: ['paywall/truncated', 'paywall/residue'] })
    expect(findings.map((f) => [f.line, f.column, f.ruleId, f.severity, f.text])).toEqual([
      [2, 1, 'paywall/residue', 'info', '发布时间：2023-10-27 来源：市统计局 浏览次数：2318'],
      [3, 27, 'paywall/truncated', 'error', '……（全文共4800字，余下内容请登录后查看）'],
      [5, 1, 'paywall/residue', 'info', '分享到：微信 微博'],
    ])
    expect(findings[1]!.offset).toBe(page.indexOf('……（全文'))
    expect(findings[1]!.message).toContain('incomplete')
  })

  it('keeps a truncation an error and chrome info in the redacted profile', async () => {
    const findings = await checkText(page, { profile: 'redacted' })
    const paywall = findings.filter((f) => f.category === 'paywall')
    expect(paywall.map((f) => [f.ruleId, f.severity])).toEqual([
      ['paywall/residue', 'info'],
      ['paywall/truncated', 'error'],
      ['paywall/residue', 'info'],
    ])
  })

  it('reports one finding where a word count and a login wall make one notice', async () => {
    const findings = await checkText('……（全文共4800字，余下内容请登录后查看）')
    expect(findings.filter((f) => f.category === 'paywall').map((f) => f.text)).toEqual(['……（全文共4800字，余下内容请登录后查看）'])
  })
})
