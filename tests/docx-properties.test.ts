// The document properties a .docx keeps (author, last saved by, company, manager): read by the
// Word reader, reported in a release by leak/document-properties, cleared by `redact`.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocxBody } from '../src/io/docx.js'
import { clearDocumentProperties, readDocumentProperties, readPropertyTexts } from '../src/io/docx-properties.js'
import { runCli } from './helpers.js'
import { makeDocx } from './support/docx.js'
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
