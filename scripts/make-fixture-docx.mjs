#!/usr/bin/env node
// Writes fixtures/draft/mask-docx-table-cells.docx: a 申报表 as Word saves it, with masks in
// table cells, runs split inside `**` and inside names (as Word splits at every formatting or
// revision change), a bold heading, a first-line indent and a tab. The .docx is committed;
// run this again after editing the content below.
//
//   node scripts/make-fixture-docx.mjs
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { strToU8, zipSync } from 'fflate'

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'draft', 'mask-docx-table-cells.docx')

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
/** A run; `bold` as Word marks it (no `**` in the text). */
const run = (text, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`
/** A tab, as Word writes one between a label and its field. */
const tab = { tab: true }
/** A paragraph of runs: strings are plain runs, `[text]` a bold one, {@link tab} a tab. */
const paragraph = (...runs) =>
  `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.map((r) => (r === tab ? '<w:r><w:tab/></w:r>' : Array.isArray(r) ? run(r[0], true) : run(r))).join('')}</w:p>`
/** A table; each row is a list of cells, each cell a list of paragraphs' run lists. */
const table = (rows) =>
  `<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>${rows
    .map((cells) => `<w:tr>${cells.map((cell) => `<w:tc><w:tcPr/>${(Array.isArray(cell) ? cell : [[cell]]).map((runs) => paragraph(...runs)).join('')}</w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`

const body = [
  paragraph(['2023年度优秀共产党员推荐审批表']),
  paragraph('推荐单位：', '*', '*', '区统计局机关党委', tab, '填报人：', tab, 'XXX'),
  table([
    ['姓名', [['×', '××']], '性别', '男'],
    ['出生年月', '19XX年X月', '民族', '汉族'],
    ['入党时间', [['20', 'XX', '年X月']], '职务', [['*', '*', '*']]],
    ['工作单位', [['*区', '统计局综合科']], '联系电话', '***'],
    ['党员人数', [['共（  ）名']], '推荐票数', 'XX票'],
  ]),
  paragraph(['一、主要事迹']),
  paragraph('\u3000\u3000该同志现任', '*', '*', '区统计局综合科科长，', '20XX年以来牵头完成经济普查清查工作，组织培训普查员', '**', '名，审核清查表', 'X.X', '万份，所在科室连续三年被评为先进科室。'),
  paragraph('\u3000\u3000该同志在', '《*区统计数据质量', '管理办法》', '起草过程中承担主要工作，提出意见建议', '1X', '条，均被采纳。'),
  paragraph(['二、审批意见']),
  table([
    ['党支部意见', [['同意推荐。'], ['支部书记（签字）：______']]],
    ['机关党委意见', [['XXX'], ['2024年X月X日']]],
  ]),
  paragraph('填表说明：', '带*号的为必填项；表中“年月”按“2024.01”格式填写。'),
  paragraph('*注：本表一式三份。'),
].join('')

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const rels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`

// A fixed modification time keeps the bytes the same from run to run.
const mtime = new Date('2024-01-01T00:00:00Z')
const zip = zipSync({ '[Content_Types].xml': strToU8(contentTypes), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(document) }, { mtime })
writeFileSync(out, zip)
console.log(`wrote ${out} (${zip.length} bytes)`)
