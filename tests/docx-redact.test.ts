// The redacted copy of a Word file: names replaced inside the runs that hold them (body, headers,
// footers, notes), formatting kept, what the page does not show (tracked changes, comments,
// hidden runs) taken out, and the properties that name people cleared.
import { strFromU8, unzipSync } from 'fflate'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocxBody } from '../src/io/docx.js'
import { editDocx, redactDocx } from '../src/io/docx-redact.js'
import { withoutReview } from '../src/io/docx-review.js'
import { runCli } from './helpers.js'
import { makeDocx, note } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const run = (text: string, props = '<w:b/>') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`
const body =
  `<w:p>${run('原告王')}${run('建', '<w:i/>')}${run('国诉称，被告欠款未还。')}</w:p>`
  + `<w:p><w:r><w:t>被告</w:t></w:r><w:del w:id="1" w:author="审核"><w:r><w:delText>吴建华</w:delText></w:r></w:del><w:ins w:id="2" w:author="审核"><w:r><w:t>吴某</w:t></w:r></w:ins><w:commentRangeStart w:id="5"/><w:r><w:t>辩称</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="5"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（吴建华，电话另附）</w:t></w:r><w:r><w:t>已还款&amp;结清。</w:t></w:r></w:p>`
const comments = '<w:comment w:id="5" w:author="书记员"><w:p><w:r><w:t>吴建华本人签收</w:t></w:r></w:p></w:comment>'

describe('editDocx (fill)', () => {
  it('puts a value over a blank split across runs in its first run, keeping formatting, tracked changes and comments', () => {
    const docx = makeDocx(`<w:p>${run('全年学习')}${run('*', '<w:i/>')}${run('*次，')}</w:p>${body.slice(body.indexOf('<w:p><w:r><w:t>被告'))}`, { 'comments.xml': comments })
    expect(readDocxBody(docx, 'a.docx').text.split('\n')[0]).toBe('全年学习**次，')
    const copy = editDocx(docx, [{ offset: 4, length: 2, replacement: '12' }], 'a.docx')
    expect([copy.applied, copy.notApplied]).toEqual([1, 0])
    const read = readDocxBody(copy.bytes, 'b.docx')
    expect(read.text.split('\n')[0]).toBe('全年学习12次，')
    // What the page does not show stays for the writer to accept or reject.
    expect(read.hidden.map((h) => h.kind)).toEqual(['deletion', 'comment', 'hidden'])
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    expect(xml).toContain('<w:rPr><w:i/></w:rPr><w:t xml:space="preserve">12</w:t>')
    expect(xml).toContain('<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">次，</w:t>')
    expect(xml).toMatch(/<w:del w:id="1"[^>]*><w:r><w:delText>吴建华/)
    expect(xml).toContain('<w:commentReference w:id="5"/>')
    expect(unzipSync(copy.bytes)['word/comments.xml']).toBeDefined()
  })

  it('writes into a fill-in line of underlined tabs, and over a tab or break inside a span keeps or takes it as the value says', () => {
    const underlined = (inner: string) => `<w:r><w:rPr><w:u w:val="single"/></w:rPr>${inner}</w:r>`
    const docx = makeDocx(`<w:p><w:r><w:t>审核：</w:t></w:r>${underlined('<w:tab/><w:tab/>')}<w:r><w:t xml:space="preserve">　编辑：</w:t></w:r>${underlined('<w:t xml:space="preserve">    </w:t>')}</w:p>`
      + '<w:p><w:r><w:t>学习</w:t><w:tab/><w:t>次，走访</w:t><w:br/><w:t>户</w:t></w:r></w:p>')
    const text = readDocxBody(docx, 'a.docx').text
    expect(text).toBe('审核：__　编辑：____\n学习\t次，走访\u2028户')
    const at = (s: string) => text.indexOf(s)
    const copy = editDocx(docx, [
      { offset: at('__'), length: 2, replacement: '李娜' },
      { offset: at('____'), length: 4, replacement: '王强' },
      // A value that leaves no room for the tab takes it out; one over a break that keeps it keeps it.
      { offset: at('学习\t'), length: 3, replacement: '学习12' },
      { offset: at('访\u2028户'), length: 3, replacement: '问\u2028家' },
    ], 'a.docx')
    expect([copy.applied, copy.notApplied]).toEqual([4, 0])
    expect(readDocxBody(copy.bytes, 'b.docx').text).toBe('审核：李娜　编辑：王强\n学习12次，走问\u2028家')
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    // The tabs' run keeps its underline; the break stays a break.
    expect(xml).toContain('<w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">李娜</w:t></w:r>')
    expect(xml).toContain('<w:t>学习12</w:t><w:t>次，走问</w:t><w:br/><w:t>家</w:t>')
  })

  it('fills a text box in both its versions: mc:Choice, which Word shows, and the mc:Fallback older readers show', () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`
    const holder = (choice: string, fallback: string) => `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box(choice)}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box(fallback)}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
    const docx = makeDocx(holder('报送：xx区委组织部', '报送：xx区委组织部') + holder('xx镇', '另一段文字') + holder('联系人：xx', '联系人：</w:t></w:r><w:r w:rsidR="00AB12CD"><w:t>xx'))
    const text = readDocxBody(docx, 'a.docx').text
    const edits = [...text.matchAll(/xx/g)].map((m) => ({ offset: m.index!, length: 2, replacement: '道里' }))
    const xml = strFromU8(unzipSync(editDocx(docx, edits, 'a.docx').bytes)['word/document.xml']!)
    expect(xml.match(/报送：[^<]*/g)).toEqual(['报送：道里区委组织部', '报送：道里区委组织部'])
    // A fallback that does not hold what the choice held is not the same box's copy: left as it is.
    expect(xml).toContain('<w:t>道里镇</w:t>')
    expect(xml).toContain('<w:t>另一段文字</w:t>')
    // The same text in other markup (runs split apart, revision ids) is the same box's copy.
    expect(xml.match(/联系人：[^<]*/g)).toEqual(['联系人：道里', '联系人：道里'])
  })

  it('edits the branch Word shows and makes the others follow: a Fallback shown for a Choice Word does not know, a text box in a text box', () => {
    const box = (content: string) => `<w:txbxContent><w:p>${content}</w:p></w:txbxContent>`
    const r = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`
    const block = (requires: string, choice: string, fallback: string) => `<w:r><mc:AlternateContent><mc:Choice Requires="${requires}"><w:drawing><wps:txbx>${box(choice)}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box(fallback)}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    // Unknown to Word: its Fallback is read and edited, and the Choice follows it.
    const unknown = `<w:p>${block('wpsCustomData', r('经办：xx'), r('经办：xx'))}</w:p>`
    // A box inside a box: the inner block's fallback follows its choice, the outer one's the whole.
    const nested = `<w:p>${block('wpg', `${r('外框xx')}${block('wps', r('内框xx'), r('内框xx'))}`, `${r('外框xx')}${r('内框xx')}`)}</w:p>`
    const docx = makeDocx(unknown + nested)
    const text = readDocxBody(docx, 'a.docx').text
    expect(text.split('\n')).toEqual(['经办：xx', '', '内框xx', '外框xx', ''])
    const edits = [...text.matchAll(/xx/g)].map((m) => ({ offset: m.index!, length: 2, replacement: '道里' }))
    const copy = editDocx(docx, edits, 'a.docx')
    expect(copy.applied).toBe(3)
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    expect(xml).not.toContain('xx')
    expect(readDocxBody(copy.bytes, 'b.docx').text.split('\n')).toEqual(['经办：道里', '', '内框道里', '外框道里', ''])
  })
})

describe('redactDocx', () => {
  it('replaces a name split across runs in its first run and keeps every run\'s formatting', () => {
    const docx = makeDocx(body, { 'comments.xml': comments })
    const before = readDocxBody(docx, 'a.docx')
    expect(before.text.split('\n')[0]).toBe('原告王建国诉称，被告欠款未还。')
    const copy = redactDocx(docx, [{ offset: 3, length: 2, replacement: '某' }], 'a.docx')
    expect(copy.applied).toBe(1)
    const after = readDocxBody(copy.bytes, 'b.docx')
    expect(after.text).toBe('原告王某诉称，被告欠款未还。\n被告吴某辩称已还款&结清。')
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    expect(xml).toContain('<w:rPr><w:i/></w:rPr><w:t xml:space="preserve">某</w:t>')
    expect(xml).toContain('<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">诉称，被告欠款未还。</w:t>')
    expect(xml).toContain('已还款&amp;结清。')
  })

  it('takes out tracked deletions, comments with their part, and hidden runs, and counts them', () => {
    const docx = makeDocx(body, { 'comments.xml': comments })
    expect(readDocxBody(docx, 'a.docx').hidden.map((h) => h.kind)).toEqual(['deletion', 'comment', 'hidden'])
    const copy = redactDocx(docx, [], 'a.docx')
    expect(copy.removed).toEqual({ revisions: 1, comments: 1, hidden: 1, properties: 0 })
    expect(unzipSync(copy.bytes)['word/comments.xml']).toBeUndefined()
    const read = readDocxBody(copy.bytes, 'b.docx')
    expect(read.hidden).toEqual([])
    expect(read.text).toBe(readDocxBody(docx, 'a.docx').text)
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    expect(xml).not.toMatch(/w:del\b|w:ins\b|commentRange|commentReference|vanish|吴建华/)
  })

  it('masks a number typed with a non-breaking hyphen or a tab in the text around it, the hyphen and the tab kept', () => {
    const docx = makeDocx('<w:p><w:r><w:t>联系电话：0755</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>83456789，身份证号4403041985</w:t><w:tab/><w:t>06123416。</w:t></w:r></w:p>')
    const text = readDocxBody(docx, 'a.docx').text
    expect(text).toBe('联系电话：0755-83456789，身份证号4403041985\t06123416。')
    const copy = redactDocx(docx, [{ offset: 5, length: 13, replacement: '0755-********' }, { offset: text.indexOf('4403'), length: 19, replacement: '440304****\t****3416' }], 'a.docx')
    expect(copy.applied).toBe(2)
    expect(readDocxBody(copy.bytes, 'b.docx').text).toBe('联系电话：0755-********，身份证号440304****\t****3416。')
    expect(strFromU8(unzipSync(copy.bytes)['word/document.xml']!)).toContain('<w:noBreakHyphen/></w:r><w:r><w:t>********，身份证号440304****</w:t><w:tab/><w:t>****3416。</w:t>')
  })

  it('leaves an edit across paragraphs or past the text alone, and says so', () => {
    const docx = makeDocx(body)
    const copy = redactDocx(docx, [{ offset: 10, length: 8, replacement: '***' }, { offset: 500, length: 2, replacement: '***' }], 'a.docx')
    expect(copy.applied).toBe(0)
    expect(copy.notApplied).toBe(2)
  })

  it('accepts moves and formatting revisions as Word does', () => {
    const xml = '<w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="a"/></w:rPr></w:pPr><w:moveFromRangeStart w:id="3" w:name="m"/><w:moveFrom w:id="4"><w:r><w:t>证人张秀兰</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/><w:moveTo w:id="6"><w:r><w:rPr><w:b/><w:rPrChange w:id="7" w:author="a"><w:rPr/></w:rPrChange></w:rPr><w:t>证人张某</w:t></w:r></w:moveTo></w:p>'
    const out = withoutReview(xml)
    expect(out.xml).toBe('<w:p><w:pPr><w:rPr></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>证人张某</w:t></w:r></w:p>')
    expect(out.revisions).toBe(1)
  })

  it('takes out runs a style hides (a character style, a paragraph style) with those hidden by their own properties, and edits around them', () => {
    const styles = '<w:style w:type="character" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Draft"><w:rPr><w:vanish/></w:rPr></w:style>'
    const hiddenBody = '<w:p><w:r><w:t>当事人：杨某某</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Note"/></w:rPr><w:t>（杨建军）</w:t></w:r><w:r><w:t>，男，证人王丽</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr><w:r><w:t>内部备注：杨建军</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>公开</w:t></w:r></w:p>'
    const docx = makeDocx(hiddenBody, { 'styles.xml': styles })
    const { text } = readDocxBody(docx, 'a.docx')
    expect(text).toBe('当事人：杨某某，男，证人王丽\n公开')
    const copy = redactDocx(docx, [{ offset: text.indexOf('王丽'), length: 2, replacement: '王某' }], 'a.docx')
    expect(copy.applied).toBe(1)
    expect(copy.removed.hidden).toBe(2)
    const xml = strFromU8(unzipSync(copy.bytes)['word/document.xml']!)
    expect(xml).not.toContain('杨建军')
    expect(readDocxBody(copy.bytes, 'a.docx').text).toBe('当事人：杨某某，男，证人王某\n公开')
  })
})

/** The first fault of an XML part, or undefined: tags that do not nest, a `<` or bare `&` in text. */
function xmlFault(xml: string): string | undefined {
  const open: string[] = []
  const body = xml.replace(/^<\?xml[^>]*\?>/, '')
  for (const m of body.matchAll(/<(\/?)([\w:.-]+)[^<>]*?(\/?)>|([^<]+)|(<)/g)) {
    if (m[5]) return `stray < at ${m.index}`
    if (m[4] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(m[4])) return `bare & at ${m.index}`
    } else if (m[1]) {
      if (open.pop() !== m[2]) return `</${m[2]}> closes nothing open at ${m.index}`
    } else if (!m[3]) open.push(m[2]!)
  }
  return open.length > 0 ? `<${open[open.length - 1]}> left open` : undefined
}

describe('redactDocx outside the body', () => {
  const header = '<w:p><w:r><w:t>原告王</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>建国</w:t></w:r><w:r><w:t>与被告吴某民间借贷纠纷一案</w:t></w:r></w:p>'
  const footnotes = note('w:footnote', -1, '<w:p><w:r><w:separator/></w:r></w:p>', 'separator') + note('w:footnote', 0, '<w:p><w:r><w:continuationSeparator/></w:r></w:p>', 'continuationSeparator') + note('w:footnote', 1, '<w:p><w:r><w:t>借条载明借款人王建国。</w:t></w:r></w:p>')
  const body = '<w:p><w:r><w:t>原告王某诉称，被告吴某欠款未还。</w:t></w:r></w:p><w:p><w:r><w:t>原告王某向本院提交了借条</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
  const parts = {
    'header1.xml': header,
    // The first page's header repeats every page's: the reader reads it once, the copy masks both.
    'header2.xml': header,
    'footer1.xml': '<w:p><w:r><w:t>第二页</w:t></w:r></w:p><w:p><w:r><w:t>原告王建国</w:t></w:r></w:p>',
    'footnotes.xml': footnotes,
    'docProps/core.xml': '<dc:title>民事判决书</dc:title><dc:creator>王建国</dc:creator><cp:lastModifiedBy>陈立</cp:lastModifiedBy>',
    'docProps/app.xml': '<Template>Normal.dotm</Template><Company>宁夏恒达科技有限公司</Company><Manager>李强</Manager>',
  }

  it('masks names in headers, footers and notes as in the body, each copy of a repeated header too', () => {
    const docx = makeDocx(body, parts)
    const text = readDocxBody(docx, 'a.docx').text
    const lines = text.split('\n')
    // The title follows, as the file keeps it beside the pages.
    expect(lines.slice(2)).toEqual(['借条载明借款人王建国。', '原告王建国与被告吴某民间借贷纠纷一案', '第二页', '原告王建国', '民事判决书'])
    const at = (line: number, column: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + column
    const edits = [{ offset: at(2, 7), length: 3, replacement: '王某' }, { offset: at(3, 2), length: 3, replacement: '王某' }, { offset: at(5, 2), length: 3, replacement: '王某' }, { offset: at(4, 9), length: 5, replacement: '***' }]
    const copy = redactDocx(docx, edits, 'a.docx')
    expect(copy).toMatchObject({ applied: 3, notApplied: 1 })
    const files = unzipSync(copy.bytes)
    expect(readDocxBody(copy.bytes, 'b.docx').text.split('\n').slice(2)).toEqual(['借条载明借款人王某。', '原告王某与被告吴某民间借贷纠纷一案', '第二页', '原告王某'])
    for (const name of ['word/header1.xml', 'word/header2.xml']) expect(strFromU8(files[name]!)).toContain('<w:t>原告王某</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t>')
    for (const [name, data] of Object.entries(files)) if (/\.(?:xml|rels)$/.test(name)) expect([name, xmlFault(strFromU8(data))]).toEqual([name, undefined])
  })

  it('clears the properties that name people or may (the title a clerk names after the case) and says how many', () => {
    const copy = redactDocx(makeDocx(body, parts), [], 'a.docx')
    expect(copy.removed.properties).toBe(5)
    expect(readDocxBody(copy.bytes, 'b.docx').properties).toEqual([])
    const files = unzipSync(copy.bytes)
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title></dc:title><dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>')
    expect(strFromU8(files['docProps/app.xml']!)).not.toMatch(/Company|Manager|恒达|李强/)
  })

  it('leaves a copy with no leak: `redact` then `check --profile redacted` finds nothing', () => {
    const dir = makeTempDir('redact-docx-parts-')
    const input = join(dir, '判决书.docx')
    writeFileSync(input, makeDocx(body, parts))
    const output = join(dir, '判决书.脱敏.docx')
    const r = runCli(['redact', input, '-o', output])
    expect(r.stderr).toMatch(/cleared the document properties' author, last saved by, company, manager, the custom ones that name a person or a unit \(their names kept\), title, subject, keywords, comments and category \(5 held a value\)/)
    expect(r.stderr).not.toMatch(/still found/)
    expect(r.code).toBe(0)
    const check = runCli(['--profile', 'redacted', '--format', 'json', output])
    expect(JSON.parse(check.stdout).files[0].findings).toEqual([])
  })
})

describe('redact a .docx', () => {
  it('writes a Word copy with the names masked and nothing hidden left, and refuses a text -o', () => {
    const dir = makeTempDir('redact-docx-')
    const input = join(dir, '判决书.docx')
    const judgment = '<w:p><w:r><w:t>原告王某诉称，被告吴某欠款未还。</w:t></w:r></w:p><w:p><w:r><w:t>原告王</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>建国</w:t></w:r><w:r><w:t>向本院提交了借条。</w:t></w:r></w:p>'
      + `<w:p><w:r><w:t>被告</w:t></w:r><w:del w:id="1" w:author="审核"><w:r><w:delText>吴建华</w:delText></w:r></w:del><w:ins w:id="2" w:author="审核"><w:r><w:t>吴某</w:t></w:r></w:ins><w:r><w:t>未到庭。</w:t></w:r></w:p>`
    writeFileSync(input, makeDocx(judgment))
    const output = join(dir, '判决书.脱敏.docx')
    const r = runCli(['redact', input, '-o', output])
    expect(r.stderr).toMatch(/1 name masked/)
    expect(r.stderr).toMatch(/1 tracked change, 0 comments, 0 hidden runs/)
    expect(r.code).toBe(0)
    const text = readDocxBody(readFileSync(output), 'x.docx').text
    expect(text).toBe('原告王某诉称，被告吴某欠款未还。\n原告王某向本院提交了借条。\n被告吴某未到庭。')
    const check = runCli(['--profile', 'redacted', '--format', 'json', output])
    expect(JSON.parse(check.stdout).files[0].findings).toEqual([])
    const wrong = runCli(['redact', input, '-o', join(dir, 'out.txt')])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/keeps its extension \(\.docx\)/)
  })
})
