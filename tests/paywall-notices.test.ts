// Truncation notices and page chrome: spans and lines found through the pattern kind's line
// filter, severities per profile, and the messages.
import { describe, expect, it } from 'vitest'
import { checkText } from './helpers.js'
import { applyFixes, selectFixes } from '../src/core/fix.js'

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

  it('reads the walls of a blog page and a document site as cuts, each its own span', async () => {
    const html = [
      '<div id="content_views"><p>政务信息要突出“新”字。</p></div>',
      '<div class="hide-article-box">关注博主即可阅读全文</div>',
      '<div class="vip-box">订阅专栏 解锁全文</div>',
      '<div class="page">共3页: <a>上一页</a> <b>1</b> <a>2</a> <a>3</a> <a>下一页</a></div>',
    ].join('\n')
    const found = await checkText(html, { path: 'page.html', only: ['paywall/truncated'] })
    expect(found.map((f) => [f.line, f.column, f.messageId, f.severity, f.text])).toEqual([
      [2, 31, 'paywall.truncated', 'error', '关注博主即可阅读全文'],
      [3, 22, 'paywall.truncated', 'error', '订阅专栏 解锁全文'],
      [4, 19, 'paywall.truncated', 'error', '共3页: 上一页 1 2 3 下一页'],
    ])
    const text = '各支部要认真组织学习。\n本文档共8页，可预览2页\n下载后可查看全文\n（内容仅供VIP会员查看）\n篇幅所限，完整版请点击文末“阅读原文”查看。'
    const notices = await checkText(text, { only: ['paywall/truncated'] })
    expect(notices.map((f) => [f.line, f.column, f.text, f.fix])).toEqual([
      [2, 1, '本文档共8页，可预览2页', null],
      [3, 1, '下载后可查看全文', null],
      [4, 1, '（内容仅供VIP会员查看）', null],
      [5, 1, '篇幅所限，完整版请点击文末“阅读原文”查看', null],
    ])
  })

  it('keeps a follow prompt and a referral in prose silent as truncations', async () => {
    const prose = '　　群众可扫描二维码关注“健康宁夏”公众号，随时查询核酸检测结果。\n政策全文请关注“宁波税务”公众号后查看。\n《办法》全文请点击“阅读原文”查看。'
    expect(await checkText(prose, { only: ['paywall/truncated'] })).toEqual([])
  })

  it("reports the page breaks of Chinese CMSs as tags, each deleted by its fix", async () => {
    const text = '一、经营主体持续壮大。\n_ueditor_page_break_tag_\n二、食品安全形势稳定。\n[!--empirenews.page--]\n#p#三、知识产权#e#\n[hide=d30]隐藏[/hide]'
    const found = await checkText(text, { only: ['paywall/tag'] })
    expect(found.map((f) => [f.line, f.column, f.messageId, f.text, f.fix?.replacement])).toEqual([
      [2, 1, 'paywall.tag', '_ueditor_page_break_tag_', ''],
      [4, 1, 'paywall.tag', '[!--empirenews.page--]', ''],
      [5, 1, 'paywall.tag', '#p#三、知识产权#e#', ''],
      [6, 1, 'paywall.tag', '[hide=d30]', ''],
      [6, 13, 'paywall.tag', '[/hide]', ''],
    ])
    expect(applyFixes(text, selectFixes(found))).toBe('一、经营主体持续壮大。\n\n二、食品安全形势稳定。\n\n\n隐藏')
  })

  it('reports an escaped paid tag as a tag, and its fix never unescapes it into a live one', async () => {
    const paired = '正文&lt;!--paidbegin--&gt;付费部分&lt;!--paidend--&gt;。'
    const found = await checkText(paired, { only: ['paywall/tag', 'paywall/unpaired', 'paywall/entity'] })
    expect(found.map((f) => [f.column, f.ruleId, f.severity, f.messageId, f.text, f.fix?.replacement ?? null])).toEqual([
      [3, 'paywall/entity', 'info', 'paywall.entity.tag', '&lt;!--paidbegin--&gt;', null],
      [3, 'paywall/tag', 'error', 'paywall.tag', '&lt;!--paidbegin--&gt;', ''],
      [29, 'paywall/entity', 'info', 'paywall.entity.tag', '&lt;!--paidend--&gt;', null],
      [29, 'paywall/tag', 'error', 'paywall.tag', '&lt;!--paidend--&gt;', ''],
    ])
    expect(applyFixes(paired, selectFixes(found))).toBe('正文付费部分。')
    // Alone, it is the evidence of a cut: reported as unpaired and left in place.
    const alone = '全年新登记经营主体5.8万户。\n&lt;!--paidbegin--&gt;付费部分'
    const lone = await checkText(alone, { only: ['paywall/tag', 'paywall/unpaired', 'paywall/entity'] })
    expect(lone.map((f) => [f.ruleId, f.severity, f.text])).toEqual([
      ['paywall/entity', 'info', '&lt;!--paidbegin--&gt;'],
      ['paywall/unpaired', 'error', '&lt;!--paidbegin--&gt;'],
    ])
    expect(selectFixes(lone)).toEqual([])
  })
})
