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

  it("reports the chrome of portals, news sites, blogs and document sites, each on its own span", async () => {
    const page = [
      '人民网>>地方>>正文',
      '2024年05月21日08:17 | 来源：人民网－河南频道',
      '　　会议还研究了其他事项。分享到：学习强国 微信 微博打印本页',
      '点击蓝字 关注我们',
      '分享让更多人看到',
      '返回搜狐，查看更多',
      '责任编辑：',
      '平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。',
      '本文档由豆丁网用户上传 | 第 1 页 / 共 6 页',
      '此文档下载收益归作者所有',
      '使用道具 举报',
      '笔耕不辍2019 于 2023-06-21 10:15:32 发布　阅读量1.3k　收藏 12　点赞数 5',
      '登录后才能发表评论　请文明上网，理性发言',
      '（打印此页）　（关闭窗口）',
    ].join('\n')
    const found = await checkText(page, { only: ['paywall/residue'] })
    expect(found.map((f) => [f.line, f.column, f.text])).toEqual([
      [1, 1, '人民网>>地方>>正文'],
      [2, 1, '2024年05月21日08:17 | 来源：人民网－河南频道'],
      [3, 14, '分享到：学习强国 微信 微博打印本页'],
      [4, 1, '点击蓝字 关注我们'],
      [5, 1, '分享让更多人看到'],
      [6, 1, '返回搜狐，查看更多'],
      [7, 1, '责任编辑：'],
      [8, 1, '平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。'],
      [9, 1, '本文档由豆丁网用户上传'],
      [9, 15, '第 1 页 / 共 6 页'],
      [10, 1, '此文档下载收益归作者所有'],
      [11, 1, '使用道具 举报'],
      [12, 35, '阅读量1.3k　收藏 12　点赞数 5'],
      [13, 1, '登录后才能发表评论　请文明上网，理性发言'],
      [14, 1, '（打印此页）　（关闭窗口）'],
    ])
  })

  it('keeps silent the notices that speak of sources, sharing, following, printing and copyright in prose', async () => {
    const notice = [
      '关于2023年度个人所得税综合所得汇算清缴的温馨提示',
      '　　一、预约办理。纳税人可扫描下方二维码关注“宁波税务”公众号获取更多办税指南。',
      '　　二、群众可扫描二维码关注“健康宁夏”公众号，随时查询核酸检测结果。',
      '　　三、请将申报表打印后签字，打印本页并加盖公章后报送。',
      '　　四、把好经验好做法分享给更多人，点击“我要办”即可查看办理进度。',
      '　　五、特别声明：本次招聘不收取任何费用。用户需登录后才能发表评论。',
      '　　六、办理流程：申请>>受理>>审核>>办结。全年阅读量12.6万、点赞数3000。',
      '表1　2023年主要指标',
      '来源：国家统计局',
      '资料来源：宁夏统计年鉴',
      '数据截至2024年3月，来源：国家统计局',
    ].join('\n')
    expect(await checkText(notice, { only: ['paywall/residue', 'paywall/truncated', 'paywall/tag'] })).toEqual([])
  })

  it('reads a Markdown copy: share links and a link under a bold heading are chrome; a WordPress page break is markup it does not show', async () => {
    const md = '# 心得\n\n正文。\n\n<!--more-->\n\n## 二\n\n<!--nextpage-->\n\n分享到：[微信](#) [微博](#)\n\n**推荐阅读：**[材料汇编](https://example.com/a)\n'
    const found = await checkText(md, { path: 'a.md', only: ['paywall/residue', 'paywall/tag'] })
    expect(found.map((f) => [f.line, f.column, f.ruleId, f.text])).toEqual([
      [11, 1, 'paywall/residue', '分享到：'],
      [13, 3, 'paywall/residue', '推荐阅读：'],
    ])
    // The same comments in plain text are markup left in the text.
    const text = await checkText('正文。\n<!--more-->\n正文。\n<!--nextpage-->\n[page]\n第[page]页', { only: ['paywall/tag'] })
    expect(text.map((f) => [f.line, f.text])).toEqual([[2, '<!--more-->'], [4, '<!--nextpage-->'], [5, '[page]']])
  })

  it('reads no breadcrumb in the › of Windows-1252 mojibake', async () => {
    expect(await checkText('å»å›½\n一、åŠ\u00a0å¿«å»ºè®¾', { only: ['paywall/residue'] })).toEqual([])
  })
})
