// The .docx and .html readers: what text rules see, where offsets point, and the per-file errors.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditFiles } from '../src/run/audit-loop.js'
import type { FileResult } from '../src/report/types.js'
import { bodyParagraphs, docxToText, readDocxBody } from '../src/io/docx.js'
import { formatNumber } from '../src/io/docx-notes.js'
import { DocxMarks } from '../src/io/docx-hidden.js'
import { mapDocxBody } from '../src/io/docx-body-map.js'
import { htmlToText } from '../src/io/html.js'
import { readDocument } from '../src/io/read-document.js'
import { activateRules } from '../src/rules/loader.js'
import { builtinRules, runCli } from './helpers.js'
import { makeDocx, note, paragraph, table } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const rules = activateRules(builtinRules, 'draft')
/** The start of an OLE compound file, as Word 97–2003 writes a .doc. */
const oleFile = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
const gbk = (text: string) => iconv.encode(text, 'gb18030')
/** Bytes as quoted-printable text: every byte past ASCII, and `=`, as `=XX`. */
const qp = (bytes: Uint8Array) => Buffer.from([...bytes].map((b) => (b > 0x7e || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join(''), 'latin1')
let dir: string

async function auditOne(path: string): Promise<FileResult> {
  for await (const result of auditFiles([path], rules)) return result
  throw new Error('no result')
}

beforeAll(() => {
  dir = makeTempDir('readers-')
})

describe('docx reader', () => {
  it('joins runs, reads table cells, one paragraph per line', () => {
    const body = paragraph('二〇二三年工作总结') + paragraph('全年集中学习', '*', '*', '次，发展', 'x名党员。') + table('单位', '***市统计局') + paragraph('完')
    expect(docxToText(makeDocx(body), 'a.docx')).toBe('二〇二三年工作总结\n全年集中学习**次，发展x名党员。\n单位\n***市统计局\n完')
  })

  it('leaves out deleted revisions, field codes and fallbacks; keeps tabs and breaks inside the paragraph', () => {
    const xml = '<w:body><w:p><w:r><w:t>甲</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙 &amp; 丁</w:t></w:r>'
      + '<mc:AlternateContent><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:body>'
    expect(bodyParagraphs(xml)).toEqual(['甲\t乙\u2028丙 & 丁框'])
    // The same text when the reader also follows table cells, as it does for every file.
    expect(bodyParagraphs(xml, { places: [] })).toEqual(['甲\t乙\u2028丙 & 丁框'])
  })

  it('leaves out hidden runs and text moved away, and notes them with deletions, comments and placeholders', () => {
    const body = '<w:p><w:r><w:t>原告</w:t></w:r><w:del w:id="1"><w:r><w:delText>司马</w:delText></w:r><w:r><w:delText>浩然</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>司马某</w:t></w:r></w:ins></w:p>'
      + '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>被告吴某</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:rPr><w:vanish/></w:rPr><w:t>吴建国</w:t></w:r><w:moveFrom w:id="3"><w:r><w:t>证人张秀兰</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>未到庭</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>单位：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处</w:t></w:r><w:r><w:t>输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    const read = readDocxBody(makeDocx(body, { 'comments.xml': '<w:comment w:id="7" w:author="书记员"><w:p><w:r><w:t>核对身份</w:t></w:r></w:p><w:p><w:r><w:t>吴建国</w:t></w:r></w:p></w:comment>' }), 'a.docx')
    expect(read.text).toBe('原告司马某\n被告吴某未到庭\n单位：单击或点击此处输入文字。')
    expect(read.hidden).toEqual([
      { kind: 'deletion', text: '司马浩然', offset: 2, length: 0 },
      { kind: 'comment', text: '核对身份 吴建国', offset: 6, length: 4 },
      { kind: 'hidden', text: '吴建国', offset: 10, length: 0 },
      { kind: 'move', text: '证人张秀兰', offset: 10, length: 0 },
    ])
    expect(read.placeholders).toEqual([{ start: 17, end: 29 }])
    // The map `annotate` anchors comments with reads the same text.
    expect(mapDocxBody(`<w:body>${body}</w:body>`).map((p) => p.text)).toEqual(read.text.split('\n'))
  })

  it('reads the footnotes, endnotes, headers and footers after the body, naming each finding\'s part', async () => {
    const path = join(dir, 'parts.docx')
    const separators = note('w:footnote', -1, paragraph(''), 'separator') + note('w:footnote', 0, paragraph(''), 'continuationSeparator')
    writeFileSync(path, makeDocx(paragraph('正文第一段。'), {
      'footnotes.xml': separators + note('w:footnote', 1, paragraph('数据来源：市统计局。')) + note('w:footnote', 2, paragraph('全年集中学习**次。')),
      'endnotes.xml': note('w:endnote', 1, paragraph('尾注：发展x名预备党员。')),
      'header1.xml': paragraph('***市统计局'),
      // A second section repeating the first header, and an empty first-page header: read once, and not at all.
      'header2.xml': paragraph('***市统计局'),
      'header3.xml': paragraph(''),
      'footer1.xml': paragraph('第', '1', '页'),
    }))
    const result = await auditOne(path)
    expect(result.error).toBeUndefined()
    const findings = result.findings.map((f) => [f.line, f.text, f.part?.kind, f.part?.number])
    expect(findings).toEqual([
      [3, '**次', 'footnote', 2],
      [4, 'x名', 'endnote', 1],
      [5, '***', 'header', 1],
    ])
    const zh = runCli([path, '--lang', 'zh'])
    expect(zh.stdout).toMatch(/脚注2 第7字\s+错误/)
    expect(zh.stdout).toMatch(/页眉第1字\s+错误/)
    expect(zh.stdout).toMatch(/尾注i 第6字\s+错误/)
    // Word's endnotes are numbered i, ii, iii unless the document sets another format.
    expect(runCli([path, '--lang', 'en']).stdout).toMatch(/endnote i, char 6\s+error/)
  })

  it('reports findings at paragraph and column, the stylish output naming the paragraph', async () => {
    const path = join(dir, 'report.docx')
    writeFileSync(path, makeDocx(paragraph('标题') + paragraph('年内组织集体学习', 'x', '次。')))
    const result = await auditOne(path)
    expect(result.error).toBeUndefined()
    expect(result.format).toBe('docx')
    const f = result.findings.find((x) => x.ruleId === 'count/unfilled')!
    expect(f).toMatchObject({ line: 2, column: 9, text: 'x次', offset: 3 + 8 })
    const r = runCli([path, '--lang', 'en'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/paragraph 2, char 9\s+error/)
    const zh = runCli([path, '--lang', 'zh'])
    expect(zh.stdout).toMatch(/第2段第9字\s+错误/)
  })

  it('names a table cell as Word users find it, in stylish and JSON', () => {
    const path = join(dir, 'table.docx')
    writeFileSync(path, makeDocx(paragraph('标题') + table('负责人', '集中学习**次')))
    expect(runCli([path, '--lang', 'zh']).stdout).toMatch(/表1 第1行第2列\s+错误/)
    const finding = JSON.parse(runCli([path, '--format', 'json']).stdout).files[0].findings[0]
    expect(finding).toMatchObject({ line: 3, text: '**次', cell: { table: 1, row: 1, column: 2 } })
  })

  it('counts the paragraphs outside tables only, so a paragraph after a table is found where a reader counts it', async () => {
    const path = join(dir, 'after-table.docx')
    writeFileSync(path, makeDocx(paragraph('标题') + table('', '完成**小区改造', '') + table('甲', '乙') + paragraph('') + paragraph('抄送：区政府办，', '**街道办事处。')))
    const result = await auditOne(path)
    const f = result.findings.find((x) => x.ruleId === 'placeholder/mask' && x.line === 8)!
    expect(f).toMatchObject({ line: 8, column: 9, paragraph: 3 })
    expect(result.findings.find((x) => x.line === 3)).toMatchObject({ cell: { table: 1, row: 1, column: 2 } })
    expect(result.findings.find((x) => x.line === 3)!.paragraph).toBeUndefined()
    expect(runCli([path, '--lang', 'zh']).stdout).toMatch(/第3段第9字\s+错误/)
  })

  it('reads a soft line break (w:br) as a break inside the paragraph, which a formulation is read across', async () => {
    const path = join(dir, 'soft-break.docx')
    const br = '<w:r><w:br/></w:r>'
    writeFileSync(path, makeDocx(paragraph('坚持以新时代中国特').replace('</w:p>', `${br}</w:p>`).replace(/<\/w:p>$/, '') + '<w:r><w:t>社会主义思想武装头脑。</w:t></w:r></w:p>'
      + paragraph('主要指标如下：').replace('</w:p>', `${br}<w:r><w:t>社会消费品零售总额</w:t></w:r></w:p>`)))
    expect(docxToText(readFileSync(path), path)).toBe('坚持以新时代中国特\u2028社会主义思想武装头脑。\n主要指标如下：\u2028社会消费品零售总额')
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.ruleId, f.offset, f.length])).toEqual([['typo/formulation', 6, 8]])
  })

  it("reads an underlined run of spaces as the fill-in line Word shows, and no other spaces", async () => {
    const run = (text: string, u?: string) => `<w:r><w:rPr>${u === undefined ? '' : `<w:u w:val="${u}"/>`}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`
    const p = (...runs: string[]) => `<w:p><w:pPr><w:rPr><w:u w:val="single"/></w:rPr></w:pPr>${runs.join('')}</w:p>`
    const body = p(run('全年参加学习'), run('      ', 'single'), run('次，撰写报告'), run('    ', 'thick'), run('篇。'))
      + p(run('网站'), run(' ', 'single'), run('栏目，'), run('  ', 'none'), run('共'), run('  '), run('人，'), run('四川 统计', 'single'))
    const path = join(dir, 'fill-in.docx')
    writeFileSync(path, makeDocx(body))
    expect(docxToText(readFileSync(path), path)).toBe('全年参加学习______次，撰写报告____篇。\n网站_栏目，  共  人，四川 统计')
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.ruleId, f.text])).toEqual([['count/unfilled', '______次'], ['count/unfilled', '____篇']])
  })

  it('reads underlined tabs as the fill-in line Word draws, unless the run shows text before them', async () => {
    const tabs = (n: number, u: boolean, text = '') => `<w:r><w:rPr>${u ? '<w:u w:val="single"/>' : ''}</w:rPr>${text && `<w:t>${text}</w:t>`}${'<w:tab/>'.repeat(n)}</w:r>`
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
    const body = `<w:p>${run('审核：')}${tabs(2, true)}${run('　编辑：')}${tabs(2, false)}</w:p><w:p>${run('姓名：')}${tabs(1, true, '张三')}${run('。')}</w:p>`
    const path = join(dir, 'tab-lines.docx')
    writeFileSync(path, makeDocx(body))
    expect(docxToText(readFileSync(path), path)).toBe('审核：__　编辑：\t\t\n姓名：张三\t。')
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.ruleId, f.text])).toEqual([['placeholder/mask', '__']])
  })

  it('leaves out text a style hides (character or paragraph style, along basedOn), as the run itself may, unless the run shows it', async () => {
    const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>'
      + '<w:style w:type="character" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style>'
      + '<w:style w:type="character" w:styleId="RedNote"><w:basedOn w:val="Note"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style>'
      + '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Note"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Draft"><w:rPr><w:vanish/></w:rPr></w:style>'
    const run = (text: string, props = '') => `<w:r>${props && `<w:rPr>${props}</w:rPr>`}<w:t>${text}</w:t></w:r>`
    const body = `<w:p>${run('请选派1名人员参加。')}${run('【批：写**人】', '<w:rStyle w:val="RedNote"/>')}${run('共**人', '<w:rStyle w:val="Shown"/>')}</w:p>`
      + `<w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr>${run('隐藏段落**次')}${run('但此处显示', '<w:vanish w:val="0"/>')}</w:p>`
      + `<w:p>${run('正文**名')}</w:p>`
    const path = join(dir, 'style-hidden.docx')
    writeFileSync(path, makeDocx(body, { 'styles.xml': styles }))
    const read = readDocxBody(readFileSync(path), path)
    expect(read.text).toBe('请选派1名人员参加。共**人\n但此处显示\n正文**名')
    expect(read.hidden.map((h) => h.text)).toEqual(['【批：写**人】', '隐藏段落**次'])
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.ruleId, f.text])).toEqual([['count/unfilled', '**人'], ['count/unfilled', '**名']])
  })

  it('reads the one branch of alternate content Word shows: the first Choice it knows, else the Fallback, nested blocks alike', () => {
    const r = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`
    const block = (...branches: string[]) => `<mc:AlternateContent>${branches.join('')}</mc:AlternateContent>`
    const choice = (requires: string, content: string) => `<mc:Choice Requires="${requires}">${content}</mc:Choice>`
    const fallback = (content: string) => `<mc:Fallback>${content}</mc:Fallback>`
    const xml = `<w:body><w:p>${r('甲')}${block(choice('wps', r('框')), fallback(r('框')))}</w:p>`
      // A Choice no reader knows: the Fallback is what Word shows, its deletion noted once.
      + `<w:p>${r('乙')}${block(choice('wpsCustomData', r('新版')), fallback(`${r('旧版')}<w:del><w:r><w:delText>删</w:delText></w:r></w:del>`))}</w:p>`
      // Two Choices Word knows: only the first; a block nested in it chooses on its own.
      + `<w:p>${block(choice('wpg', `${r('外')}${block(choice('xyz', r('不读')), fallback(r('内')))}`), choice('wps', r('第二')), fallback(r('备')))}</w:p>`
      + `<w:p>${block(choice('wps w14', r('丙')))}${block(choice('foo', r('丁')))}</w:p></w:body>`
    const marks = new DocxMarks()
    expect(bodyParagraphs(xml, { marks })).toEqual(['甲框', '乙旧版', '外内', '丙'])
    expect(marks.resolve([0, 3, 7, 10], new Map()).hidden).toEqual([{ kind: 'deletion', text: '删', offset: 6, length: 0 }])
    // The map that anchors comments and redaction reads the same text.
    expect(mapDocxBody(xml).map((p) => p.text)).toEqual(['甲框', '乙旧版', '外内', '丙'])
  })

  it('numbers footnotes and endnotes as Word shows them: in the order the body refers to them, not by id; an endnote in lower-case Roman', () => {
    const ref = (element: string, id: number, custom = false) => `<w:r><w:${element} w:id="${id}"${custom ? ' w:customMarkFollows="1"' : ''}/></w:r>`
    const body = `<w:p><w:r><w:t>依据统计法</w:t></w:r>${ref('footnoteReference', 5)}<w:r><w:t>举办培训</w:t></w:r>${ref('footnoteReference', 2)}${ref('endnoteReference', 3)}${ref('footnoteReference', 7, true)}</w:p>`
    const separators = note('w:footnote', -1, paragraph(''), 'separator') + note('w:footnote', 0, paragraph(''), 'continuationSeparator')
    const read = readDocxBody(makeDocx(body, {
      'footnotes.xml': separators + note('w:footnote', 2, paragraph('教材统一印制。')) + note('w:footnote', 5, paragraph('授课人：XXX。') + paragraph('第二段')) + note('w:footnote', 7, paragraph('自定义标记')),
      'endnotes.xml': note('w:endnote', 1, paragraph('未引用')) + note('w:endnote', 3, paragraph('尾注甲')),
    }), 'a.docx')
    expect(read.text.split('\n')).toEqual(['依据统计法举办培训', '授课人：XXX。', '第二段', '教材统一印制。', '自定义标记', '尾注甲', '未引用'])
    expect(read.parts.slice(1)).toEqual([
      { kind: 'footnote', number: 1 },
      { kind: 'footnote', number: 1 },
      { kind: 'footnote', number: 2 },
      // A custom mark that is no text (a symbol) is named by the paragraph that refers to it.
      { kind: 'footnote', number: 1, at: { paragraph: 1 } },
      { kind: 'endnote', number: 1, label: 'i' },
      { kind: 'endnote', number: 2, label: 'ii' },
    ])
  })

  it('numbers notes again in each section where the section or the document says so, in the format set, and names a custom mark', async () => {
    const ref = (id: number) => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`
    const sectionEnd = (props: string) => `<w:pPr><w:sectPr>${props}</w:sectPr></w:pPr>`
    const restart = '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
    const body = `<w:p><w:r><w:t>第一节甲</w:t></w:r>${ref(1)}<w:r><w:t>乙</w:t></w:r>${ref(2)}</w:p>`
      + `<w:p>${sectionEnd(restart)}<w:r><w:t>第一节末</w:t></w:r>${ref(3)}</w:p>`
      // A revision's record of the section's properties before is no section.
      + `<w:p><w:pPr><w:pPrChange w:id="9"><w:pPr><w:sectPr/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>第二节</w:t></w:r>${ref(4)}<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r><w:r><w:t>后</w:t></w:r>${ref(6)}</w:p>`
      + `<w:p>${sectionEnd('<w:footnotePr><w:numFmt w:val="chineseCounting"/><w:numRestart w:val="eachSect"/></w:footnotePr>')}</w:p>`
      + `<w:p><w:r><w:t>第三节</w:t></w:r>${ref(7)}</w:p><w:sectPr><w:footnotePr><w:pos w:val="pageBottom"/></w:footnotePr></w:sectPr>`
    const notes = [1, 2, 3, 4, 5, 6, 7].map((id) => note('w:footnote', id, paragraph(`注${id}`))).join('')
    const settings = '<w:footnotePr><w:numFmt w:val="decimalEnclosedCircle"/><w:footnote w:id="-1"/></w:footnotePr>'
    const read = readDocxBody(makeDocx(body, { 'footnotes.xml': notes, 'settings.xml': settings }), 'a.docx')
    expect(read.text.split('\n').slice(5)).toEqual(['注1', '注2', '注3', '注4', '注5', '注6', '注7'])
    expect(read.parts.slice(5)).toEqual([
      { kind: 'footnote', number: 1, section: 1, label: '①' },
      { kind: 'footnote', number: 2, section: 1, label: '②' },
      { kind: 'footnote', number: 3, section: 1, label: '③' },
      { kind: 'footnote', number: 1, section: 2, label: '一' },
      { kind: 'footnote', number: 5, mark: '*' },
      { kind: 'footnote', number: 2, section: 2, label: '二' },
      // The last section numbers on from the one before (continuous, the document's).
      { kind: 'footnote', number: 3, label: '③' },
    ])
    // The document's start number.
    const started = readDocxBody(makeDocx(`<w:p><w:r><w:t>甲</w:t></w:r>${ref(1)}${ref(2)}</w:p>`, { 'footnotes.xml': notes, 'settings.xml': '<w:footnotePr><w:numStart w:val="3"/></w:footnotePr>' }), 'b.docx')
    expect(started.parts.slice(1, 3)).toEqual([{ kind: 'footnote', number: 3 }, { kind: 'footnote', number: 4 }])
    const path = join(dir, 'note-sections.docx')
    writeFileSync(path, makeDocx(body.replace('第三节', '第三节全年学习**次'), { 'footnotes.xml': notes.replace('注4', '全年学习**次').replace('注5', '走访x户').replace('注3', '发展x名党员'), 'settings.xml': settings }))
    const zh = runCli([path, '--lang', 'zh']).stdout
    expect(zh).toMatch(/第1节脚注③ 第3字\s+错误/)
    expect(zh).toMatch(/第2节脚注一 第5字\s+错误/)
    expect(zh).toMatch(/脚注“\*” 第3字\s+错误/)
    expect(runCli([path, '--lang', 'en']).stdout).toMatch(/footnote 一 of section 2, char 5\s+error/)
  })

  it('names a note by the paragraph that refers to it where numbering restarts on each page, which only a layout knows', () => {
    const ref = (id: number) => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`
    const body = `<w:p><w:r><w:t>甲</w:t></w:r>${ref(1)}</w:p>` + table('表格') + `<w:p><w:r><w:t>乙</w:t></w:r>${ref(2)}${ref(3)}</w:p>`
    const notes = [1, 2, 3].map((id) => note('w:footnote', id, paragraph(`注${id}`))).join('')
    const read = readDocxBody(makeDocx(body, { 'footnotes.xml': notes, 'settings.xml': '<w:footnotePr><w:numRestart w:val="eachPage"/></w:footnotePr>' }), 'a.docx')
    expect(read.parts.slice(3)).toEqual([{ kind: 'footnote', number: 1, at: { paragraph: 1 } }, { kind: 'footnote', number: 1, at: { paragraph: 2 } }, { kind: 'footnote', number: 2, at: { paragraph: 2 } }])
  })

  it('writes a note\'s number in Word\'s formats', () => {
    const cases: [string, number[], string[]][] = [
      ['decimal', [1, 12], ['1', '12']],
      ['lowerRoman', [1, 4, 9, 14, 40], ['i', 'iv', 'ix', 'xiv', 'xl']],
      ['upperRoman', [3, 1994], ['III', 'MCMXCIV']],
      ['lowerLetter', [1, 26, 27, 53], ['a', 'z', 'aa', 'aaa']],
      ['upperLetter', [2, 28], ['B', 'BB']],
      ['chineseCounting', [1, 10, 11, 20, 21, 100, 105, 110, 1010], ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十', '一千零一十']],
      ['ideographDigital', [10, 205], ['一〇', '二〇五']],
      ['ideographTraditional', [1, 10, 11], ['甲', '癸', '11']],
      ['decimalEnclosedCircle', [1, 20, 21], ['①', '⑳', '21']],
      ['decimalEnclosedParen', [1], ['⑴']],
      ['decimalFullWidth', [12], ['１２']],
      ['chicago', [1, 2, 4, 5, 9], ['*', '†', '§', '**', '***']],
      ['hebrew1', [3], ['3']],
    ]
    for (const [format, numbers, shown] of cases) expect(numbers.map((n) => formatNumber(n, format))).toEqual(shown)
  })

  it('names a corrupt, an encrypted and a non-Word archive, each as a per-file error', async () => {
    const corrupt = join(dir, 'corrupt.docx')
    writeFileSync(corrupt, makeDocx(paragraph('好')).slice(0, 200))
    expect((await auditOne(corrupt)).error).toMatch(/^corrupt \.docx: not a readable zip archive/)
    const encrypted = join(dir, 'encrypted.docx')
    writeFileSync(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))
    expect((await auditOne(encrypted)).error).toMatch(/encrypted \(password-protected\) \.docx/)
    const other = join(dir, 'other.docx')
    writeFileSync(other, zipSync({ 'content.xml': strToU8('<x/>') }))
    expect((await auditOne(other)).error).toMatch(/not a Word document: the archive has no word\/document\.xml/)
  })

  it('refuses an archive whose body would inflate beyond the bound, before inflating it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 })
    expect(bomb.byteLength).toBeLessThan(64 * 1024)
    expect(() => docxToText(bomb, 'bomb.docx', { maxInflatedBytes: 1024 * 1024 })).toThrow(/would inflate to 4194304 bytes \(the limit is 1048576\); possibly a zip bomb/)
  })

  it('refuses .doc and .pdf with how to convert them', async () => {
    for (const [name, hint] of [['old.doc', /soffice --headless --convert-to docx/], ['scan.pdf', /pdftotext/]] as const) {
      const path = join(dir, name)
      writeFileSync(path, name.endsWith('.doc') ? oleFile : 'x')
      await expect(readDocument(path)).rejects.toThrow(/is not supported/)
      const r = runCli([path])
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toMatch(hint)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('finds the main part by the package relationship (word/document2.xml, as Word Online saves it), else by its content type, and reads the parts its relationships name', async () => {
    const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    const packageRels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>'
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
    const bodyRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId7', 'header', 'header1.xml')}${rel('rId8', 'header', 'header2.xml')}${rel('rId9', 'header', 'header3.xml')}${rel('rId10', 'footnotes', 'notes/fn.xml')}${rel('rId11', 'hyperlink', 'http://x.cn/a.xml').replace('/>', ' TargetMode="External"/>')}</Relationships>`
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    const sectPr = '<w:sectPr><w:headerReference w:type="even" r:id="rId7"/><w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" r:id="rId9"/><w:titlePg/></w:sectPr>'
    const part = (root: string, content: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?><${root} ${ns}>${content}</${root}>`)
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8(types),
      '_rels/.rels': strToU8(packageRels),
      'word/_rels/document2.xml.rels': strToU8(bodyRels),
      'word/document2.xml': part('w:document', `<w:body>${paragraph('全年集中学习', '**', '次。')}${sectPr}</w:body>`),
      'word/header1.xml': part('w:hdr', paragraph('**县农业农村局')),
      'word/header2.xml': part('w:hdr', paragraph('***县统计局')),
      // The first page's header repeats every page's: read once, named as every page's.
      'word/header3.xml': part('w:hdr', paragraph('***县统计局')),
      'word/notes/fn.xml': part('w:footnotes', note('w:footnote', 1, paragraph('来源：xx县统计年鉴'))),
      // Named by no relationship: Word does not show it.
      'word/header9.xml': part('w:hdr', paragraph('发展x名党员')),
    }
    const path = join(dir, 'online.docx')
    writeFileSync(path, zipSync(files))
    const read = readDocxBody(readFileSync(path), path)
    expect(read.text).toBe('全年集中学习**次。\n来源：xx县统计年鉴\n***县统计局\n**县农业农村局')
    expect(read.parts).toEqual([undefined, { kind: 'footnote', number: 1 }, { kind: 'header', number: 1 }, { kind: 'header', number: 2, type: 'even' }])
    const zh = runCli([path, '--lang', 'zh', '--rule', 'leak/mask-length=off']).stdout
    expect(zh).toMatch(/第1段第7字\s+错误/)
    expect(zh).toMatch(/(?<!数页)页眉第1字\s+错误\s+“\*\*\*”/)
    expect(zh).toMatch(/偶数页页眉第1字\s+错误\s+“\*\*”/)
    expect(runCli([path, '--lang', 'en', '--rule', 'leak/mask-length=off']).stdout).toMatch(/even-page header, char 1\s+error/)
    // Without the package's relationships, [Content_Types].xml names the main part.
    const { '_rels/.rels': _, ...withoutRels } = files
    expect(docxToText(zipSync(withoutRels), path).split('\n')[0]).toBe('全年集中学习**次。')
  })

  it('reads a text box once (not its VML copy), names its paragraphs 文本框N, and counts the body paragraphs around it as Word does', async () => {
    const box = (...ps: string[]) => `<w:txbxContent>${ps.map((p) => paragraph(p)).join('')}</w:txbxContent>`
    const holder = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('成都市**区发展和改革局', '文件')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box('成都市**区发展和改革局', '文件')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
    const body = paragraph('标题') + holder + paragraph('全年集中学习', '**', '次。') + table('甲', '乙') + paragraph('发展x名党员。')
    const path = join(dir, 'text-box.docx')
    writeFileSync(path, makeDocx(body))
    const read = readDocxBody(readFileSync(path), path)
    expect(read.text).toBe('标题\n成都市**区发展和改革局\n文件\n\n全年集中学习**次。\n甲\n乙\n发展x名党员。')
    expect(read.textBoxes).toEqual([undefined, 1, 1, undefined, undefined, undefined, undefined, undefined])
    // The map `annotate` anchors comments with reads the same lines: no empty line for the VML copy's paragraphs.
    expect(mapDocxBody(`<w:body>${body}</w:body>`).map((p) => p.text)).toEqual(read.text.split('\n'))
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.text, f.textBox, f.paragraph])).toEqual([['**', 1, undefined], ['**次', undefined, 3], ['x名', undefined, 4]])
    expect(runCli([path, '--lang', 'zh']).stdout).toMatch(/文本框1 第4字\s+错误[\s\S]*第3段第7字\s+错误[\s\S]*第4段第3字\s+错误/)
  })

  it('names a nested table\'s cell inside the cell holding it, and numbers only the outer tables', async () => {
    const nested = `<w:tbl><w:tr><w:tc>${paragraph('发布时间')}</w:tc><w:tc>${paragraph('2025年1月x日')}</w:tc></w:tr></w:tbl>`
    const outer = `<w:tbl><w:tr><w:tc>${paragraph('指标')}</w:tc><w:tc>${paragraph('说明')}${nested}${paragraph('')}</w:tc></w:tr></w:tbl>`
    const path = join(dir, 'nested-table.docx')
    writeFileSync(path, makeDocx(paragraph('标题') + outer + table('合计', '**项')))
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.text, f.cell])).toEqual([
      ['2025年1月x日', { table: 1, row: 1, column: 2, inner: { table: 1, row: 1, column: 2 } }],
      ['**项', { table: 2, row: 1, column: 2 }],
    ])
    const zh = runCli([path, '--lang', 'zh']).stdout
    expect(zh).toMatch(/表1 第1行第2列 内表 第1行第2列\s+错误/)
    expect(zh).toMatch(/表2 第1行第2列\s+错误/)
    expect(runCli([path, '--lang', 'en']).stdout).toMatch(/table 1, row 1, cell 2, inner table, row 1, cell 2\s+error/)
  })

  it("leaves Word's page numbers (PAGE, NUMPAGES field results) to Word: a footer's 第 1 页 共 3 页 is no scraped page", async () => {
    const simple = (instr: string, result: string) => `<w:fldSimple w:instr="${instr}"><w:r><w:t>${result}</w:t></w:r></w:fldSimple>`
    const run = (inner: string) => `<w:r>${inner}</w:r>`
    const complex = (instr: string, result: string) => run('<w:fldChar w:fldCharType="begin"/>') + run(`<w:instrText xml:space="preserve"> ${instr.slice(0, 3)}</w:instrText>`) + run(`<w:instrText>${instr.slice(3)} </w:instrText>`) + run('<w:fldChar w:fldCharType="separate"/>') + run(`<w:t>${result}</w:t>`) + run('<w:fldChar w:fldCharType="end"/>')
    const footer = `<w:p>${run('<w:t xml:space="preserve">第 </w:t>')}${simple(' PAGE \\* MERGEFORMAT ', '1')}${run('<w:t xml:space="preserve"> 页 共 </w:t>')}${complex('NUMPAGES', '3')}${run('<w:t xml:space="preserve"> 页</w:t>')}</w:p>`
    // The same line typed in the body (a web page's, pasted) is still reported; a DATE field's result is read as any text.
    const body = paragraph('第 2 页 共 9 页') + `<w:p>${run('<w:t>落款日期：</w:t>')}${complex('DATE \\@ "yyyy年M月d日"', '2025年1月x日')}</w:p>`
    const path = join(dir, 'page-fields.docx')
    writeFileSync(path, makeDocx(body, { 'footer1.xml': footer }))
    const read = readDocxBody(readFileSync(path), path)
    expect(read.text.split('\n')[2]).toBe('第 1 页 共 3 页')
    expect(read.pageNumbers).toEqual([{ start: read.text.lastIndexOf('1'), end: read.text.lastIndexOf('1') + 1 }, { start: read.text.lastIndexOf('3'), end: read.text.lastIndexOf('3') + 1 }])
    const result = await auditOne(path)
    expect(result.findings.map((f) => [f.ruleId, f.text, f.part?.kind])).toEqual([['paywall/residue', '第 2 页 共 9 页', undefined], ['count/unfilled', '2025年1月x日', undefined]])
  })

  it('reads a non-breaking hyphen (w:noBreakHyphen) as the hyphen Word shows, so a landline written with one is found', () => {
    const body = '<w:p><w:r><w:t>原告王某某，住广东省深圳市福田区，联系电话：0755</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>83456789，标准GB 2760</w:t><w:noBreakHyphen/><w:t>2024</w:t></w:r></w:p>'
    const path = join(dir, 'no-break-hyphen.docx')
    writeFileSync(path, makeDocx(body))
    const text = '原告王某某，住广东省深圳市福田区，联系电话：0755-83456789，标准GB 2760-2024'
    expect(docxToText(readFileSync(path), path)).toBe(text)
    expect(mapDocxBody(`<w:body>${body}</w:body>`).map((p) => p.text)).toEqual([text])
    const findings = JSON.parse(runCli([path, '--profile', 'redacted', '--format', 'json']).stdout).files[0].findings
    expect(findings.map((f: { ruleId: string; text: string }) => [f.ruleId, f.text])).toEqual([['leak/identifier', '0755-83456789']])
  })
})

describe('a Word name on what is no Word file', () => {
  const findingsOf = async (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    const result = await auditOne(path)
    return { error: result.error, format: result.format, found: result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.text}`) }
  }

  it('reads a .doc by what it holds: a .docx package as Word, a web page (a BOM first, or not) as HTML, text as text', async () => {
    expect(await findingsOf('word.doc', makeDocx(paragraph('全年学习**次。')))).toEqual({ error: undefined, format: 'docx', found: ['1:5 count/unfilled **次'] })
    expect(await findingsOf('page.doc', '<html><head><meta charset="utf-8"></head>\n<body><p>全年学习<span>x</span>次。</p></body></html>\n')).toEqual({ error: undefined, format: 'html', found: ['2:20 count/unfilled x次'] })
    expect((await findingsOf('bom.doc', '\uFEFF<!DOCTYPE html>\n<html><body>全年学习**次。</body></html>\n')).format).toBe('html')
    expect((await findingsOf('utf16.doc', Buffer.from('\uFEFF<html><body>全年学习**次。</body></html>', 'utf16le'))).found).toEqual(['1:17 count/unfilled **次'])
    expect(await findingsOf('plain.doc', '全年学习**次。\n')).toEqual({ error: undefined, format: 'text', found: ['1:5 count/unfilled **次'] })
    // A page whose text has a tag name in it is no page: plain text stays text.
    expect((await findingsOf('note.doc', '说明：<html> 标签写法\n')).format).toBe('text')
  })

  it('reads the page of a MIME web archive saved as .doc (Word\'s single file web page): quoted-printable, its declared charset', async () => {
    const gb = Buffer.concat([Buffer.from('<html xmlns:v=3D"urn:schemas-microsoft-com:vml">\r\n<body><p class=3DMsoNormal>'), qp(gbk('全年学习<span>x</span>次，截止目前完成')), Buffer.from('=\r\n。</p></body></html>\r\n'.replace('。', '=A1=A3'))])
    const archive = Buffer.concat([
      Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary="----=_NextPart_01D7.C3D4"\r\n\r\nThis document is a Single File Web Page.\r\n\r\n------=_NextPart_01D7.C3D4\r\nContent-Location: file:///C:/x/a.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n'),
      gb,
      Buffer.from('\r\n------=_NextPart_01D7.C3D4\r\nContent-Type: text/xml\r\n\r\n<xml/>\r\n------=_NextPart_01D7.C3D4--\r\n'),
    ])
    const read = await findingsOf('web.doc', archive)
    expect(read.format).toBe('html')
    expect(read.found).toEqual(['2:36 count/unfilled x次', '2:46 typo/misused-word 截止目前'])
    expect((await findingsOf('empty-web.doc', 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n')).error).toBe('a MIME web archive with no web page (no text/html part) in it')
  })

  it('keeps refusing a Word 97–2003 file (OLE), and names an RTF, a PDF or a zip that is no Word file under a .doc name', async () => {
    expect((await findingsOf('real.doc', oleFile)).error).toMatch(/^Word 97–2003 \.doc is not supported \(convert it to \.docx/)
    expect((await findingsOf('rich.doc', '{\\rtf1\\ansi 全年学习**次}')).error).toMatch(/^a \.doc that holds an RTF document: not supported/)
    expect((await findingsOf('scan.doc', '%PDF-1.4\n')).error).toMatch(/^a \.doc that holds a PDF: not supported \(.*pdftotext/)
    expect((await findingsOf('sheet.doc', zipSync({ 'xl/workbook.xml': strToU8('<x/>') }))).error).toMatch(/^a \.doc that is a zip archive but no Word document/)
    expect((await findingsOf('binary.doc', Buffer.from([0x31, 0xbe, 0, 0, 0, 0xab]))).error).toMatch(/^Word 97–2003 \.doc is not supported/)
  })

  it('refuses a .docx that is no zip package saying what it holds; an OLE one keeps its message', async () => {
    expect((await findingsOf('page.docx', '<html><body>全年学习**次</body></html>')).error).toBe('not a Word .docx file (a zip package): it holds a web page (HTML) (give it the extension of what it holds (.html, .txt), or save it again as .docx in Word or WPS)')
    expect((await findingsOf('rich.docx', '{\\rtf1 x}')).error).toMatch(/^not a Word \.docx file \(a zip package\): it holds an RTF document/)
    expect((await findingsOf('plain.docx', '全年学习**次')).error).toMatch(/it holds plain text/)
    expect((await findingsOf('old.docx', oleFile)).error).toMatch(/encrypted \(password-protected\) \.docx, or a Word 97–2003 file renamed \.docx/)
  })

  it('--fix, redact and fill leave a .doc as it is, whatever it holds', () => {
    const path = join(dir, 'fix.doc')
    writeFileSync(path, '截止目前完成。\n')
    const fixed = runCli([path, '--fix'])
    expect(fixed.stderr).toContain('fix.doc: not fixed: a .doc file is read by what it holds')
    expect(readFileSync(path, 'utf8')).toBe('截止目前完成。\n')
    const old = join(dir, 'old-redact.doc')
    writeFileSync(old, oleFile)
    expect(runCli(['redact', old, '-o', join(dir, 'r.txt')]).stderr).toMatch(/old-redact\.doc: Word 97–2003 \.doc is not supported/)
  })
})

describe('html reader', () => {
  it('drops tags, scripts, styles and comments, decodes entities, keeps the lines of the source', () => {
    const html = '<html><head><title>总结</title>\n<style>p{x:1}\n</style><script>var s="**次"</script></head>\n<body><p class="a"\n id="b">全年&nbsp;学习<b>**</b>次&#x3002;</p><!-- 注释\n --><p>发展*</p><p>名</p></body></html>\n'
    const { text } = htmlToText(html)
    expect(text.split('\n')).toHaveLength(html.split('\n').length)
    expect(text).toBe('总结\n\n\n\n全年\u00a0学习**次。\n发展* 名\n')
  })

  it('finds a mask split from its unit by inline tags, not one across paragraphs, nor in code or scripts', async () => {
    const path = join(dir, 'page.html')
    writeFileSync(path, '<!doctype html>\n<p>年内组织集体学习<span style="color:red">x</span>次。</p>\n<p>发展*</p><p>名党员</p>\n<p><code>**次</code></p><script>"**次"</script>\n')
    const result = await auditOne(path)
    expect(result.error).toBeUndefined()
    const found = result.findings.map((f) => [f.line, f.ruleId, f.text])
    expect(found).toEqual([[2, 'count/unfilled', 'x次']])
  })

  it('reports the columns of the HTML file, past tags and entities, with the caret still on the extracted context', async () => {
    const path = join(dir, 'columns.html')
    const lines = ['<p>全年集中学习**次。</p>', '<section style="color:red"><span>发展<strong>*</strong>名党员&nbsp;&nbsp;投资**万元</span></section>']
    writeFileSync(path, lines.join('\n') + '\n')
    const result = await auditOne(path)
    const found = result.findings.map((f) => ({ at: `${f.line}:${f.column}-${f.endColumn}`, text: f.text, start: f.contextStart }))
    // Each column is where the finding's text stands in the file's line.
    for (const f of result.findings) expect(lines[f.line - 1]!.slice(f.column - 1).replace(/<[^>]*>/g, '').startsWith(f.text)).toBe(true)
    expect(found).toEqual([
      { at: '1:10-13', text: '**次', start: 6 },
      { at: '2:44-55', text: '*名', start: 2 },
      { at: '2:71-75', text: '**万元', start: 10 },
    ])
  })

  it('reads a GB18030 page', async () => {
    const iconv = (await import('iconv-lite')).default
    const path = join(dir, 'gbk.htm')
    writeFileSync(path, iconv.encode('<meta charset="gbk"><p>年内组织集体学习x次。年内组织集体学习，发展党员若干名，开展主题党日活动多次。</p>', 'gb18030'))
    const result = await auditOne(path)
    expect(result.encoding).toBe('gb18030')
    expect(result.findings.map((f) => f.text)).toContain('x次')
  })
})

describe('CMS tags written as comments', () => {
  it('keeps a paid-content tag comment of an HTML page or a Markdown copy where rules read it, at its source column, and drops a page-break comment (invisible markup)', async () => {
    const page = join(dir, 'paid.html')
    writeFileSync(page, '<p>全年新增就业6820人。</p>\n<p>正文</p><!--paidbegin-->\n<!-- 普通注释 paidbegin -->\n<!-- paid content -->\n<!-- pagebreak -->\n')
    const html = await auditOne(page)
    expect(html.findings.map((f) => [f.line, f.column, f.ruleId, f.text])).toEqual([[2, 10, 'paywall/unpaired', '<!--paidbegin-->']])
    const copy = join(dir, 'paid.md')
    writeFileSync(copy, '正文一段。\n\n<!--paidbegin-->\n\n付费段落。<!-- paid_end -->\n\n<!-- 备注：paidbegin -->\n\n<!-- pagebreak -->\n\n末段。\n')
    const md = await auditOne(copy)
    expect(md.findings.map((f) => [f.line, f.ruleId, f.text])).toEqual([[3, 'paywall/tag', '<!--paidbegin-->'], [5, 'paywall/tag', '<!-- paid_end -->']])
  })
})

describe('html reader and inline suppressions', () => {
  it('keeps mask-audit directive comments on their line, so they suppress the next line', async () => {
    const path = join(dir, 'suppressed.html')
    writeFileSync(path, '<p>全年学习x次。</p>\n<!-- mask-audit-disable-next-line count/unfilled -- 原文如此 -->\n<p>发展*名党员。</p>\n<!-- 普通注释 x次 -->\n')
    const raw = await auditOne(path)
    expect(raw.findings.map((f) => [f.line, f.text])).toEqual([[1, 'x次'], [3, '*名']])
    const r = runCli([path, '--format', 'json'], { cwd: dir })
    const result = JSON.parse(r.stdout).files[0]
    expect(result.findings.map((f: { line: number; ruleId: string; text: string }) => [f.line, f.ruleId, f.text])).toEqual([[1, 'count/unfilled', 'x次']])
    expect(htmlToText('<!-- mask-audit-disable -->a<!-- other -->').text).toBe('<!-- mask-audit-disable -->a')
  })
})
