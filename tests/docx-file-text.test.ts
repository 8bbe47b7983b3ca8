// The texts a .docx keeps beside its pages (document properties a writer types, a picture's alt
// text and name, a link's address and screen tip): read as lines after the page, audited in a
// release as its own text and not in a draft, masked or cleared by `redact`; and the places
// messages name in a .docx (第N段, not a line a Word user cannot count).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocxBody } from '../src/io/docx.js'
import { redactDocx } from '../src/io/docx-redact.js'
import { runCli } from './helpers.js'
import { makeDocx, paragraph, table } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const dir = makeTempDir('docx-file-text-')

/** A picture as Word 2010 writes it inline: its properties (`wp:docPr`) and the picture's own copy of them (`pic:cNvPr`). */
function picture(descr: string, name: string): string {
  const props = `name="${name}"${descr ? ` descr="${descr}"` : ''}`
  return `<w:r><w:drawing><wp:inline><wp:docPr id="1" ${props}/><a:graphic><a:graphicData><pic:pic><pic:nvPicPr><pic:cNvPr id="0" ${props}/></pic:nvPicPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

/** A .docx of `body` whose main part has the hyperlinks `links` (relationship id → target), with the given properties. */
function docxWith(body: string, links: Readonly<Record<string, string>> = {}, parts: Readonly<Record<string, string>> = {}): Uint8Array {
  const files = unzipSync(makeDocx(body, parts))
  const rels = Object.entries(links).map(([id, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`)
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`)
  return zipSync(files)
}

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
}

const decision = paragraph('当事人：杨某某，男，住贺兰县***镇***村。') + paragraph('经查，当事人未取得食品经营许可从事食品经营活动。')
const leakyBody = decision
  + `<w:p>${run('营业执照照片如下：')}${picture('杨建军营业执照正本', '杨建军营业执照.png')}</w:p>`
  + table('联系人', `电子邮箱`).replace('<w:t xml:space="preserve">电子邮箱</w:t>', '</w:t></w:r><w:hyperlink r:id="rId9" w:tooltip="杨建军的邮箱"><w:r><w:t>电子邮箱</w:t></w:r></w:hyperlink><w:r><w:t>')
  + `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:13609510072@139.com" \\o "手机邮箱" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('备用邮箱')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
const leakyParts = { 'docProps/core.xml': '<dc:title>杨建军无证经营案</dc:title><dc:subject>行政处罚</dc:subject><dc:creator>Administrator</dc:creator>' }
const leaky = () => docxWith(leakyBody, { rId9: 'mailto:yangjianjun1979@163.com' }, leakyParts)

function writeDocx(name: string, bytes: Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

function findings(path: string, profile: string): { ruleId: string; text: string; line: number; part?: Record<string, unknown>; message: string }[] {
  return JSON.parse(runCli(['--profile', profile, '--format', 'json', '--lang', 'zh', path]).stdout).files[0].findings
}

describe('the texts a .docx keeps beside its pages', () => {
  it('reads the properties a writer types, then each picture\'s and link\'s texts once, after the page, each with its place', () => {
    const read = readDocxBody(leaky(), 'a.docx')
    const lines = read.text.split('\n')
    const page = lines.slice(0, 6)
    expect(page).toEqual(['当事人：杨某某，男，住贺兰县***镇***村。', '经查，当事人未取得食品经营许可从事食品经营活动。', '营业执照照片如下：', '联系人', '电子邮箱', '备用邮箱'])
    expect(read.pageEnd).toBe(page.join('\n').length + 1)
    expect(read.fileText.map((f) => [f.line, f.value, f.part])).toEqual([
      [6, '杨建军无证经营案', { kind: 'property', number: 1, field: 'title' }],
      [7, '行政处罚', { kind: 'property', number: 1, field: 'subject' }],
      // The picture's name and alt text; its own copy of them (pic:cNvPr) is not read twice.
      [8, '杨建军营业执照正本', { kind: 'picture', number: 1, field: 'descr', at: { paragraph: 3 } }],
      [9, '杨建军营业执照.png', { kind: 'picture', number: 1, field: 'name', at: { paragraph: 3 } }],
      [10, 'mailto:yangjianjun1979@163.com', { kind: 'link', number: 1, field: 'target', at: { cell: { table: 1, row: 1, column: 2 } } }],
      [11, '杨建军的邮箱', { kind: 'link', number: 1, field: 'tooltip', at: { cell: { table: 1, row: 1, column: 2 } } }],
      [12, 'mailto:13609510072@139.com', { kind: 'link', number: 2, field: 'target', at: { paragraph: 4 } }],
      [13, '手机邮箱', { kind: 'link', number: 2, field: 'tooltip', at: { paragraph: 4 } }],
    ])
    expect(read.parts.slice(6)).toEqual(read.fileText.map((f) => f.part))
  })

  it('leaves out what names no one: a name Word gives a picture by itself, a bookmark link; decodes a percent-escaped address', () => {
    const body = `<w:p>${picture('', '图片 3')}${picture('', 'Picture 12')}${picture('', '文本框 2')}</w:p>`
      + `<w:p><w:pict><v:shape id="_x0000_s1026" alt="组织架构图"><v:imagedata r:id="rId5" o:title="李强照片"/></v:shape></w:pict></w:p>`
      + `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK \\l "_Toc1" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink w:anchor="_Toc2"><w:r><w:t>目录</w:t></w:r></w:hyperlink><w:hyperlink r:id="rId3"><w:r><w:t>网站</w:t></w:r></w:hyperlink></w:p>`
    const read = readDocxBody(docxWith(body, { rId3: 'http://www.example.gov.cn/%E6%9D%8E%E5%BC%BA.html' }), 'b.docx')
    expect(read.fileText.map((f) => [f.value, f.part.field])).toEqual([['组织架构图', 'descr'], ['李强照片', 'title'], ['http://www.example.gov.cn/李强.html', 'target']])
  })

  it('audits them in a release as the document\'s text, each named where Word shows it; a draft\'s rules read the page only', () => {
    const path = writeDocx('leaky.docx', leaky())
    const found = findings(path, 'redacted')
    expect(found.map((f) => [f.ruleId, f.text, f.part?.kind, f.part?.field])).toEqual([
      ['leak/linkage', '杨建军', 'property', 'title'],
      ['leak/linkage', '杨建军', 'picture', 'descr'],
      ['leak/linkage', '杨建军', 'picture', 'name'],
      ['leak/identifier', 'yangjianjun1979@163.com', 'link', 'target'],
      ['leak/linkage', '杨建军', 'link', 'tooltip'],
      ['leak/identifier', '13609510072@139.com', 'link', 'target'],
    ])
    const zh = runCli(['--profile', 'redacted', '--lang', 'zh', path]).stdout
    expect(zh).toMatch(/文件属性“标题”第1字\s+错误/)
    expect(zh).toMatch(/第3段图片的替代文字第1字\s+错误/)
    expect(zh).toMatch(/表1 第1行第2列超链接的地址第8字\s+错误/)
    expect(runCli(['--profile', 'redacted', '--lang', 'en', path]).stdout).toMatch(/alt text of the picture in paragraph 3, char 1\s+error/)
    // A draft: the title of a template and its pictures are not its pages.
    const draft = writeDocx('draft.docx', docxWith(paragraph('全年集中学习12次。'), {}, { 'docProps/core.xml': '<dc:title>XXX同志述职报告</dc:title><cp:keywords>**次</cp:keywords>' }))
    expect(findings(draft, 'draft')).toEqual([])
    expect(findings(path, 'draft').map((f) => [f.ruleId, f.text, f.line])).toEqual([['placeholder/mask', '***', 1], ['placeholder/mask', '***', 1]])
  })

  it('is silent in a release for texts that name no one: a plain title, an agency\'s site, an alt text of its own words', () => {
    const body = decision + `<w:p>${picture('图片包含 文本 描述已自动生成', '图片 1')}</w:p><w:p><w:hyperlink r:id="rId4"><w:r><w:t>贺兰县人民政府网站</w:t></w:r></w:hyperlink></w:p>`
    const path = writeDocx('clean.docx', docxWith(body, { rId4: 'http://www.nxhl.gov.cn/' }, { 'docProps/core.xml': '<dc:title>行政处罚决定书</dc:title><cp:keywords>食品安全;无证经营</cp:keywords><dc:creator>Administrator</dc:creator>' }))
    expect(findings(path, 'redacted')).toEqual([])
  })

  it('redact clears the properties and masks each picture\'s and link\'s text in every copy of it, leaving nothing for the check of the copy', () => {
    const input = writeDocx('to-redact.docx', leaky())
    const output = join(dir, 'to-redact.public.docx')
    const r = runCli(['redact', '--lang', 'zh', input, '-o', output])
    expect(r.stderr).not.toMatch(/仍发现/)
    expect(r.code).toBe(0)
    expect(findings(output, 'redacted')).toEqual([])
    const files = unzipSync(new Uint8Array(readFileSync(output)))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml.match(/(?:descr|name)="[^"]*"/g)).toEqual(['name="杨某某营业执照.png"', 'descr="杨某某营业执照正本"', 'name="杨某某营业执照.png"', 'descr="杨某某营业执照正本"'])
    expect(xml).toContain('w:tooltip="杨某某的邮箱"')
    expect(xml).not.toContain('13609510072')
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).not.toContain('yangjianjun')
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title></dc:title>')
  })

  it('masks a field\'s address and screen tip in place however Word split its instruction into runs, and a simple field\'s written with &quot;', () => {
    const instruction = (...pieces: string[]) => pieces.map((p) => `<w:r><w:instrText xml:space="preserve">${p}</w:instrText></w:r>`).join('')
    const field = (...pieces: string[]) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${instruction(...pieces)}<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('电子邮箱')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
    const body = decision
      + `<w:p>${field(' HYPERLINK "mailto:yang', 'jianjun1979@163.com" ')}</w:p>`
      + `<w:p>${field(' HYPER', 'LINK "mailto:13609510072@139.com" \\o "杨建', '军的邮箱" ')}</w:p>`
      // The quoted address split over two paragraphs, as a pasted field may be.
      + `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>${instruction(' HYPERLINK "mailto:yjj')}</w:p><w:p>${instruction('@126.com" ')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
      + '<w:p><w:fldSimple w:instr=" HYPERLINK &quot;mailto:yang.jj@qq.com&quot; \\o &quot;杨建军&amp;同事&quot; "><w:r><w:t>备用</w:t></w:r></w:fldSimple></w:p>'
      // A field nested in another's instruction.
      + `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>${instruction(' IF 1 = 1 "')}${field(' HYPERLINK "mailto:13', '709510072@139.com"')}${instruction('" "" ')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
    const input = writeDocx('split-field.docx', makeDocx(body))
    expect(readDocxBody(readFileSync(input), 'a.docx').fileText.map((f) => f.value)).toEqual(['mailto:yangjianjun1979@163.com', 'mailto:13609510072@139.com', '杨建军的邮箱', 'mailto:yjj@126.com', 'mailto:yang.jj@qq.com', '杨建军&同事', 'mailto:13709510072@139.com'])
    const output = join(dir, 'split-field.public.docx')
    const r = runCli(['redact', '--lang', 'zh', input, '-o', output])
    expect(r.stderr).not.toMatch(/仍发现/)
    expect(r.code).toBe(0)
    expect(findings(output, 'redacted')).toEqual([])
    const copy = new Uint8Array(readFileSync(output))
    expect(readDocxBody(copy, 'b.docx').fileText.map((f) => f.value)).toEqual(['mailto:y***@163.com', 'mailto:1***@139.com', '杨某某的邮箱', 'mailto:y***@126.com', 'mailto:y***@qq.com', '杨某某&同事'])
    const xml = strFromU8(unzipSync(copy)['word/document.xml']!)
    // Each piece keeps what it held outside the quotes; the simple field's quotes stay entities.
    expect(xml.match(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g)!.slice(0, 5).map((t) => t.replace(/<[^>]*>/g, ''))).toEqual([' HYPERLINK "mailto:y***@163.com', '" ', ' HYPER', 'LINK "mailto:1***@139.com" \\o "杨某某的邮箱', '" '])
    expect(xml).not.toMatch(/13[67]09510072|yjj@|yang/)
    expect(xml).toContain('w:instr=" HYPERLINK &quot;mailto:y***@qq.com&quot; \\o &quot;杨某某&amp;同事&quot; "')
  })

  it('redactDocx makes the edits of a picture\'s text where its line says, and counts them as made', () => {
    const docx = leaky()
    const read = readDocxBody(docx, 'a.docx')
    const line = read.fileText.find((f) => f.part.field === 'descr')!
    const at = read.text.split('\n').slice(0, line.line).join('\n').length + 1
    const copy = redactDocx(docx, [{ offset: at, length: 3, replacement: '杨某某' }, { offset: read.pageEnd, length: 3, replacement: '杨某某' }], 'a.docx')
    expect(copy.applied).toBe(2)
    expect(readDocxBody(copy.bytes, 'b.docx').fileText.map((f) => f.value)).toEqual(['杨某某营业执照正本', '杨建军营业执照.png', 'mailto:yangjianjun1979@163.com', '杨建军的邮箱', 'mailto:13609510072@139.com', '手机邮箱'])
  })
})

describe('places in messages of a .docx', () => {
  it('names the paragraph (第2段), not the line of the decoded text, where a name was first linked; a text file keeps its line', () => {
    const lines = ['原告：韦某某，女，住南宁市。', '委托诉讼代理人：韦志刚（系原告之子），住南宁市。', '原告韦某某的委托诉讼代理人韦志刚到庭参加诉讼。']
    const path = writeDocx('places.docx', makeDocx(table('案号', '（2024）桂0102民初1号') + lines.map((l) => paragraph(l)).join('')))
    const found = findings(path, 'redacted').filter((f) => f.ruleId === 'leak/linkage')
    expect(found.map((f) => f.line)).toEqual([4, 5])
    expect(found[1]!.message).toContain('与第2段的姓名相同')
    const text = join(dir, 'places.txt')
    writeFileSync(text, lines.join('\n'))
    expect(findings(text, 'redacted').filter((f) => f.ruleId === 'leak/linkage')[1]!.message).toContain('与第2行的姓名相同')
  })

  it('names a header and a table cell where Word shows them', () => {
    const path = writeDocx('where.docx', makeDocx(table('2023年度工作总结') + paragraph('一年来，我认真学习贯彻党的十二大精神。')))
    const f = findings(path, 'draft').find((x) => x.ruleId === 'typo/congress')!
    expect(f.message).toContain('表1 第1行第1列标题中的2023年')
  })
})
