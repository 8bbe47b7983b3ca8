// The document properties a .docx keeps (author, last saved by, company, manager): read by the
// Word reader, reported in a release by leak/document-properties, cleared by `redact`; and the
// custom properties an office's template adds (联系人, 作者单位, 联系电话).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocxBody } from '../src/io/docx.js'
import { clearDocumentProperties, readCustomProperties, readDocumentProperties, readPropertyTexts } from '../src/io/docx-properties.js'
import { runCli } from './helpers.js'
import { customProperty, makeDocx } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const judgment = '<w:p><w:r><w:t>原告王某诉称，被告吴某欠款未还。</w:t></w:r></w:p><w:p><w:r><w:t>书记员　李娜</w:t></w:r></w:p>'

/** The findings of `check` on a .docx made of `body` and `parts`, in the run's profile. */
function check(body: string, parts: Record<string, string>, profile = 'redacted'): { ruleId: string; message: string; line: number; column: number; data?: Record<string, unknown> }[] {
  const dir = makeTempDir('docx-properties-')
  const path = join(dir, '判决书.docx')
  writeFileSync(path, makeDocx(body, parts))
  const r = runCli(['--profile', profile, '--format', 'json', '--lang', 'zh', path])
  return JSON.parse(r.stdout).files[0].findings
}

describe('readDocumentProperties', () => {
  it('reads the four fields by local name, entities decoded, spaces folded, empty ones left out', () => {
    const core = '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>民事判决书</dc:title><dc:creator> 王 建国 </dc:creator><cp:lastModifiedBy/></cp:coreProperties>'
    const app = '<Properties><TitlesOfParts><vt:vector><vt:lpstr>李强</vt:lpstr></vt:vector></TitlesOfParts><Manager>李强</Manager><Company>恒达&amp;信达有限公司</Company></Properties>'
    expect(readDocumentProperties(core, app)).toEqual([
      { field: 'creator', value: '王 建国' },
      { field: 'company', value: '恒达&信达有限公司' },
      { field: 'manager', value: '李强' },
    ])
    // A tool's own prefixes (ns0:creator) read alike.
    expect(readDocumentProperties('<ns0:coreProperties xmlns:ns0="c" xmlns:ns1="d"><ns1:creator>张三</ns1:creator></ns0:coreProperties>', undefined)).toEqual([{ field: 'creator', value: '张三' }])
  })

  it('reads what a writer types (title, subject, keywords, comments, category) apart, and the extended part\'s titles that differ from the title', () => {
    const core = '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title> 陈志远违法建设案\n处罚决定书 </dc:title><dc:creator>王建国</dc:creator><cp:keywords>违建</cp:keywords><dc:description/><cp:category>处罚</cp:category></cp:coreProperties>'
    const app = '<Properties><TitlesOfParts><vt:vector><vt:lpstr>陈志远违法建设案 处罚决定书</vt:lpstr><vt:lpstr>旧标题&amp;</vt:lpstr></vt:vector></TitlesOfParts></Properties>'
    expect(readPropertyTexts(core, app)).toEqual([
      { field: 'title', value: '陈志远违法建设案 处罚决定书' },
      { field: 'keywords', value: '违建' },
      { field: 'category', value: '处罚' },
      { field: 'title', value: '旧标题&' },
    ])
  })

  it('finds the parts by the package relationships, else by their usual names', () => {
    const withRels = makeDocx(judgment, { 'docProps/core.xml': '<dc:creator>王建国</dc:creator>', 'docProps/app.xml': '<Company>宁夏恒达科技有限公司</Company>' })
    expect(readDocxBody(withRels, 'a.docx').properties).toEqual([{ field: 'creator', value: '王建国' }, { field: 'company', value: '宁夏恒达科技有限公司' }])
    // The same parts under other names, as the relationships name them.
    const files = unzipSync(withRels)
    files['meta/c.xml'] = files['docProps/core.xml']!
    files['meta/a.xml'] = files['docProps/app.xml']!
    delete files['docProps/core.xml']
    delete files['docProps/app.xml']
    files['_rels/.rels'] = strToU8(strFromU8(files['_rels/.rels']!).replace('docProps/core.xml', '/meta/c.xml').replace('docProps/app.xml', 'meta/a.xml'))
    expect(readDocxBody(zipSync(files), 'b.docx').properties.map((p) => p.value)).toEqual(['王建国', '宁夏恒达科技有限公司'])
    // No relationship: the usual names.
    const bare = unzipSync(withRels)
    bare['_rels/.rels'] = strToU8(strFromU8(bare['_rels/.rels']!).replace(/<Relationship Id="rId[23]"[^>]*\/>/g, ''))
    expect(readDocxBody(zipSync(bare), 'c.docx').properties).toHaveLength(2)
    // Properties that are not UTF-8 are no error: the text is still read.
    const latin1 = unzipSync(withRels)
    latin1['docProps/core.xml'] = new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])
    expect(readDocxBody(zipSync(latin1), 'd.docx').properties).toEqual([{ field: 'company', value: '宁夏恒达科技有限公司' }])
  })
})

describe('leak/document-properties', () => {
  it('reports the fields that name someone once, at the first line, each value with its fields', () => {
    const findings = check(judgment, { 'docProps/core.xml': '<dc:creator>王建国</dc:creator><cp:lastModifiedBy>王建国</cp:lastModifiedBy>', 'docProps/app.xml': '<Company>宁夏恒达科技有限公司</Company><Manager>Administrator</Manager>' })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ ruleId: 'leak/document-properties', line: 1, column: 1, data: { names: ['王建国', '宁夏恒达科技有限公司'], fields: ['creator', 'lastModifiedBy', 'company'] } })
    expect(findings[0]!.message).toBe('文件属性中仍留有作者和最后一次保存者“王建国”、单位“宁夏恒达科技有限公司”：打开文件的人在“文件 → 信息 → 属性”中即可读到')
  })

  it('is off in drafts', () => {
    expect(check(judgment, { 'docProps/core.xml': '<dc:creator>王建国</dc:creator>' }, 'draft')).toEqual([])
  })

  it.each([
    ['Administrator', 'User', 'Microsoft Office 用户', '微软中国'],
    ['微软用户', 'WPS Office', 'Windows 用户', 'Sky123.Org'],
    ['WPS_1589012345', 'DESKTOP-7F3K2L1', 'Lenovo', '雨林木风'],
    ['USER', 'admin', 'Microsoft Corporation', '1'],
  ])('is silent for what an installation writes by itself: %s, %s, %s, %s', (creator, last, company, manager) => {
    expect(check(judgment, { 'docProps/core.xml': `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${last}</cp:lastModifiedBy>`, 'docProps/app.xml': `<Company>${company}</Company><Manager>${manager}</Manager>` })).toEqual([])
  })

  it('is silent for the issuer: a court, a procuratorate, an agency that names its units', () => {
    expect(check(judgment, { 'docProps/app.xml': '<Company>北京市海淀区人民法院</Company>' })).toEqual([])
    expect(check(judgment, { 'docProps/app.xml': '<Company>宁夏回族自治区人民检察院</Company>' })).toEqual([])
    const report = '<w:p><w:r><w:t>2023年全市统计工作总结</w:t></w:r></w:p>'
    expect(check(report, { 'docProps/app.xml': '<Company>张掖市统计局</Company><Manager>办公室</Manager>' })).toEqual([])
    // The same agency in a notice that masks its own unit is the name it hides.
    const masked = '<w:p><w:r><w:t>***市统计局关于2023年统计执法检查情况的通报</w:t></w:r></w:p>'
    expect(check(masked, { 'docProps/app.xml': '<Company>张掖市统计局</Company>' }).map((f) => f.data?.names)).toEqual([['张掖市统计局']])
  })

  it('is silent for the clerk the page names and for a mask, not for a masked party named in clear on the page too', () => {
    expect(check(judgment, { 'docProps/core.xml': '<dc:creator>李娜</dc:creator><cp:lastModifiedBy>王某</cp:lastModifiedBy>' })).toEqual([])
    const leaky = `${judgment}<w:p><w:r><w:t>借条载明借款人吴建华。</w:t></w:r></w:p>`
    expect(check(leaky, { 'docProps/core.xml': '<dc:creator>吴建华</dc:creator>' }).filter((f) => f.ruleId === 'leak/document-properties')).toHaveLength(1)
  })
})

describe('clearDocumentProperties', () => {
  it('empties the author, the last to save and what a writer types (title, subject, keywords, comments, category), takes out company and manager, and counts those that held a value', () => {
    const core = '<cp:coreProperties><dc:title>陈志远违法建设案</dc:title><dc:subject/><dc:creator>王建国</dc:creator><cp:keywords>陈志远</cp:keywords><cp:lastModifiedBy/><dc:description>当事人陈志远</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">2024-12-18T02:11:00Z</dcterms:created></cp:coreProperties>'
    const app = '<Properties><Template>Normal.dotm</Template><Manager></Manager><Company>宁夏恒达科技有限公司</Company><Application>Microsoft Office Word</Application><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>陈志远违法建设案</vt:lpstr></vt:vector></TitlesOfParts></Properties>'
    const out = clearDocumentProperties(core, app)
    expect(out.core).toBe('<cp:coreProperties><dc:title></dc:title><dc:subject></dc:subject><dc:creator></dc:creator><cp:keywords></cp:keywords><cp:lastModifiedBy></cp:lastModifiedBy><dc:description></dc:description><dcterms:created xsi:type="dcterms:W3CDTF">2024-12-18T02:11:00Z</dcterms:created></cp:coreProperties>')
    expect(out.app).toBe('<Properties><Template>Normal.dotm</Template><Application>Microsoft Office Word</Application><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr></vt:lpstr></vt:vector></TitlesOfParts></Properties>')
    expect(out.cleared).toBe(6)
    expect(clearDocumentProperties(undefined, undefined)).toEqual({ core: undefined, app: undefined, cleared: 0 })
  })
})

/** The custom properties a government office's template adds, and those WPS and Microsoft 365 add by themselves. */
const templateCustom = customProperty(2, '作者单位', '宁夏恒达科技有限公司') + customProperty(3, '联系人', '王建国') + customProperty(4, '审核人', '李娜') + customProperty(5, '联系电话', '13995171234')
  + customProperty(6, '密级', '公开') + customProperty(7, '页数', '3', 'i4') + customProperty(8, 'KSOProductBuildVer', '2052-11.1.0.12763') + customProperty(9, 'ICV', 'A1B2C3D4E5F6478899AABBCCDDEEFF00_13')
  + customProperty(10, 'MSIP_Label_1f3e_Name', 'Confidential') + customProperty(11, '_AuthorEmail', 'wangjianguo@163.com') + customProperty(12, '拟稿人', '  ')

describe('custom document properties (docProps/custom.xml)', () => {
  it('reads those of text by name, not those software adds by itself, nor numbers; a name that says a person or a unit is one', () => {
    expect(readCustomProperties(`<Properties>${templateCustom}</Properties>`)).toEqual([
      { name: '作者单位', value: '宁夏恒达科技有限公司', isPerson: true },
      { name: '联系人', value: '王建国', isPerson: true },
      { name: '审核人', value: '李娜', isPerson: true },
      { name: '联系电话', value: '13995171234', isPerson: false },
      { name: '密级', value: '公开', isPerson: false },
      { name: '_AuthorEmail', value: 'wangjianguo@163.com', isPerson: false },
    ])
    // Names in English, Outlook's reviewer's name, an entity in a name or a value; no part at all.
    const english = '<property pid="2" name="Checked by"><vt:lpstr>Zhang Wei</vt:lpstr></property><property pid="3" name="_AuthorEmailDisplayName"><vt:lpwstr>王 建国</vt:lpwstr></property><property pid="4" name="R&amp;D"><vt:bstr>A&amp;B</vt:bstr></property><property pid="5" name="日期"><vt:filetime>2024-05-01T00:00:00Z</vt:filetime></property>'
    expect(readCustomProperties(english).map((p) => [p.name, p.value, p.isPerson])).toEqual([['Checked by', 'Zhang Wei', true], ['_AuthorEmailDisplayName', '王 建国', true], ['R&D', 'A&B', false]])
    expect(readCustomProperties(undefined)).toEqual([])
  })

  it('reads those naming a person or a unit as document properties, the others as the file\'s texts, each with its name', () => {
    const read = readDocxBody(makeDocx(judgment, { 'docProps/core.xml': '<dc:creator>Administrator</dc:creator><dc:title>民事判决书</dc:title>', 'docProps/custom.xml': templateCustom }), 'a.docx')
    expect(read.properties).toEqual([
      { field: 'creator', value: 'Administrator' },
      { field: 'custom', name: '作者单位', value: '宁夏恒达科技有限公司' },
      { field: 'custom', name: '联系人', value: '王建国' },
      { field: 'custom', name: '审核人', value: '李娜' },
    ])
    expect(read.fileText.map((f) => [f.value, f.part])).toEqual([
      ['民事判决书', { kind: 'property', number: 1, field: 'title' }],
      ['13995171234', { kind: 'property', number: 1, field: 'custom', name: '联系电话' }],
      ['公开', { kind: 'property', number: 1, field: 'custom', name: '密级' }],
      ['wangjianguo@163.com', { kind: 'property', number: 1, field: 'custom', name: '_AuthorEmail' }],
    ])
  })

  it('are audited in a release as the others are: a person or unit by leak/document-properties, a number by its own rule, named by the property', () => {
    const findings = check(judgment, { 'docProps/custom.xml': templateCustom })
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['leak/document-properties', 1], ['leak/identifier', 3], ['leak/identifier', 5]])
    // The clerk the page names (审核人 李娜) is named on purpose.
    expect(findings[0]).toMatchObject({ data: { names: ['宁夏恒达科技有限公司', '王建国'], fields: ['custom', 'custom'], customNames: ['作者单位', '联系人'] } })
    expect(findings[0]!.message).toBe('文件属性中仍留有自定义属性中的作者单位“宁夏恒达科技有限公司”、自定义属性中的联系人“王建国”：打开文件的人在“文件 → 信息 → 属性”中即可读到')
    const dir = makeTempDir('docx-custom-')
    const path = join(dir, '判决书.docx')
    writeFileSync(path, makeDocx(judgment, { 'docProps/custom.xml': templateCustom }))
    expect(runCli(['--profile', 'redacted', '--lang', 'zh', path]).stdout).toMatch(/文件属性“联系电话”第1字\s+错误\s+手机号码未遮盖/)
    expect(runCli(['--profile', 'redacted', '--lang', 'en', path]).stdout).toMatch(/custom property 联系人 “王建国”/)
    // A draft's properties are the writer's own.
    expect(check(judgment, { 'docProps/custom.xml': templateCustom }, 'draft')).toEqual([])
    // What names no one: a template's own fields, the software's.
    expect(check(judgment, { 'docProps/custom.xml': customProperty(2, '密级', '公开') + customProperty(3, '发文字号', '宁政办发〔2024〕12号') + customProperty(4, 'KSOProductBuildVer', '2052-11.1.0.12763') + customProperty(5, '联系人', '王某') })).toEqual([])
  })

  it('clearDocumentProperties empties those naming a person or a unit and keeps their names, and counts them', () => {
    const out = clearDocumentProperties(undefined, undefined, `<Properties>${templateCustom}</Properties>`)
    expect(out.cleared).toBe(3)
    expect(readCustomProperties(out.custom)).toEqual([
      { name: '联系电话', value: '13995171234', isPerson: false },
      { name: '密级', value: '公开', isPerson: false },
      { name: '_AuthorEmail', value: 'wangjianguo@163.com', isPerson: false },
    ])
    expect(out.custom).toContain('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="联系人"><vt:lpwstr></vt:lpwstr></property>')
    expect(out.custom).toContain('name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12763</vt:lpwstr>')
  })

  it('redact clears those naming someone, masks what the audit finds in the others where it stands, and leaves a copy the audit passes', () => {
    const dir = makeTempDir('docx-custom-redact-')
    const input = join(dir, '判决书.docx')
    const output = join(dir, '判决书.public.docx')
    writeFileSync(input, makeDocx(judgment, { 'docProps/custom.xml': templateCustom }))
    const r = runCli(['redact', '--lang', 'zh', input, '-o', output])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/自定义属性中的人名和单位名（保留属性名）.*其中 3 项有值/)
    const custom = strFromU8(unzipSync(new Uint8Array(readFileSync(output)))['docProps/custom.xml']!)
    expect(readCustomProperties(custom).map((p) => [p.name, p.value])).toEqual([['联系电话', '139****1234'], ['密级', '公开'], ['_AuthorEmail', 'w***@163.com']])
    expect(custom).toContain('name="联系人"><vt:lpwstr></vt:lpwstr>')
    expect(JSON.parse(runCli(['--profile', 'redacted', '--format', 'json', output]).stdout).files[0].findings).toEqual([])
  })
})
