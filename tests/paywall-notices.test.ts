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

  it("reads a site footer over two lines: the host above the filing numbers; an event's organisers stay silent", async () => {
    const footer = '主办单位：盐城市大丰区人民政府办公室　承办：大丰区大数据管理局\n网站标识码：3209820001　苏ICP备05021366号'
    const found = await checkText(footer, { only: ['paywall/residue'] })
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, '主办单位：盐城市大丰区人民政府办公室　承办：大丰区大数据管理局'],
      [2, '网站标识码：3209820001'],
      [2, '苏ICP备05021366号'],
    ])
    const event = '主办单位：市委宣传部　承办单位：市文联\n活动时间：2024年5月'
    expect(await checkText(event, { only: ['paywall/residue'] })).toEqual([])
  })

  it("tells a 公众号 byline from a bulletin's own sign-off line", async () => {
    const text = '来源：锦江发布　　编辑：杨雪　　审核：欧阳志远\n正文。\n编辑：欧阳丽　　　审核：司马建国　　　签发：陈光明\n（共印30份）'
    const found = await checkText(text, { only: ['paywall/residue'] })
    expect(found.map((f) => [f.line, f.text])).toEqual([[1, '来源：锦江发布　　编辑：杨雪　　审核：欧阳志远']])
  })
})
