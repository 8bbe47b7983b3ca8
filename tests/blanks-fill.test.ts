// `blanks` lists what to fill as a CSV sheet; `fill` writes the filled copy, or refuses and writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import iconv from 'iconv-lite'
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeBytes } from '../src/io/decode.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'
import { makeDocx } from './support/docx.js'
import { readDocxBody } from '../src/io/docx.js'
import { strFromU8, unzipSync } from 'fflate'
import { planFill, type Blank } from '../src/core/blanks.js'
import { slotsOf } from '../src/core/blank-slots.js'
import { applyFixes } from '../src/core/fix.js'
import type { InputError } from '../src/core/errors.js'

let dir: string
const draft = '现将本人xxxx年履行职责情况报告如下。\r\n国家统计局**调查队以创建品牌为抓手。\r\n全年学习**次，发展x名党员。\r\n'
const filled = '现将本人2023年履行职责情况报告如下。\r\n国家统计局鄂尔多斯调查队以创建品牌为抓手。\r\n全年学习12次，发展三名党员。\r\n'
const values = ['2023', '鄂尔多斯', '12', '三']

beforeEach(() => {
  dir = makeTempDir('fill-')
})

function makeSheet(file = 'a.txt'): string[][] {
  const r = runCli(['blanks', file, '--out', 'sheet.csv'], { cwd: dir })
  expect(r.code).toBe(0)
  const bytes = readFileSync(join(dir, 'sheet.csv'))
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parse(bytes.toString('utf8'), { bom: true }) as string[][]
}

function saveSheet(rows: string[][], name = 'filled.csv'): void {
  writeFileSync(join(dir, name), stringify(rows, { bom: true }))
}

function withValues(rows: string[][], vals: readonly string[]): string[][] {
  return rows.map((row, i) => (i === 0 ? row : [...row.slice(0, -1), vals[i - 1] ?? '']))
}

describe('blanks', () => {
  it('lists every count blank and placeholder with id, place, text around and an empty value', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    const rows = makeSheet()
    expect(rows[0]).toEqual(['id', 'rule', 'line', 'column', 'blank', 'context', 'value'])
    expect(rows.slice(1)).toEqual([
      ['1', 'count/unfilled', '1', '5', 'xxxx年', '现将本人xxxx年履行职责情况报告如下。', ''],
      ['2', 'placeholder/mask', '2', '6', '**', '国家统计局**调查队以创建品牌为抓手。', ''],
      ['3', 'count/unfilled', '3', '5', '**次', '全年学习**次，发展x名党员。', ''],
      ['4', 'count/unfilled', '3', '11', 'x名', '全年学习**次，发展x名党员。', ''],
    ])
  })

  it('writes the headers in Chinese under a Chinese locale, and fill reads either language back', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    const r = runCli(['blanks', 'a.txt', '--out', 'sheet.csv'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })
    expect(r.stderr).toContain('4 处空白已写入 sheet.csv')
    const rows = parse(readFileSync(join(dir, 'sheet.csv'), 'utf8'), { bom: true }) as string[][]
    expect(rows[0]).toEqual(['编号', '规则', '行', '列', '空白', '上下文', '填写值'])
    saveSheet(withValues(rows, values))
    const filledRun = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })
    expect(filledRun.stderr.trim()).toBe('mask-audit: out.txt：已填写 4 处空白中的 4 处（utf-8）')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(filled)
  })

  it('keeps a cell that a spreadsheet would run as a formula inert, and reads it back', () => {
    writeFileSync(join(dir, 'a.txt'), '=**局开展调研。\n')
    const rows = makeSheet()
    expect(rows[1]![5]).toBe("'=**局开展调研。")
    saveSheet(withValues(rows, ['统计']))
    expect(runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir }).code).toBe(0)
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('=统计局开展调研。\n')
  })
})

describe('fill', () => {
  it('writes the filled document, keeping its line endings', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    saveSheet(withValues(makeSheet(), values))
    const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stderr.trim()).toBe('mask-audit: out.txt: filled 4 of 4 blanks (utf-8)')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(filled)
    expect(runCli(['out.txt'], { cwd: dir }).code).toBe(0)
  })

  it('fills a Word draft into a Word copy, and takes --lang as blanks does', () => {
    const run = (text: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`
    writeFileSync(join(dir, 'a.docx'), makeDocx(`<w:p>${run('全年学习')}${run('**', '<w:b/>')}${run('次。')}</w:p><w:tbl><w:tr><w:tc><w:p>${run('共x名')}</w:p></w:tc></w:tr></w:tbl>`))
    const rows = makeSheet('a.docx')
    // The line counts the cell's paragraph; the place names it as Word's reader finds it.
    expect(rows.map((row) => row.slice(0, 5))).toEqual([['id', 'rule', 'place', 'line', 'column'], ['1', 'count/unfilled', 'paragraph 1, char 5', '1', '5'], ['2', 'count/unfilled', 'table 1, row 1, cell 1', '2', '2']])
    saveSheet(withValues(rows, ['12', '三']))
    expect(runCli(['fill', 'a.docx', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir }).code).toBe(2)
    const r = runCli(['fill', 'a.docx', '--values', 'filled.csv', '-o', 'out.docx', '--lang', 'zh'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: out.docx：已填写 2 处空白中的 2 处（Word 文件，格式保留）')
    expect(r.code).toBe(0)
    expect(readDocxBody(readFileSync(join(dir, 'out.docx')), 'out.docx').text).toBe('全年学习12次。\n共三名')
    expect(strFromU8(unzipSync(readFileSync(join(dir, 'out.docx')))['word/document.xml']!)).toContain('<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12</w:t>')
    // A note names the blank by its place in Word, not by a line of the text read.
    saveSheet(withValues(rows, ['12', '']))
    const partial = runCli(['fill', 'a.docx', '--values', 'filled.csv', '-o', 'out2.docx'], { cwd: dir })
    expect(partial.stderr).toContain('no value for x名 at table 1, row 1, cell 1')
  })

  it('keeps an ordinal\'s 第 and its unit, replacing the mask only', () => {
    writeFileSync(join(dir, 'a.txt'), '第X季度完成投资，第　　届运动会。\n')
    const rows = makeSheet()
    expect(rows.slice(1).map((row) => row[4])).toEqual(['第X季度', '第　　届'])
    saveSheet(withValues(rows, ['3', '五']))
    expect(runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir }).code).toBe(0)
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('第3季度完成投资，第五届运动会。\n')
  })

  it('refuses an empty value unless --allow-partial, writing nothing', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    saveSheet(withValues(makeSheet(), ['2023', '', '12', '三']))
    const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: filled.csv:3: no value for ** at 2:6 (fill it in, or pass --allow-partial to leave it)')
    expect(existsSync(join(dir, 'out.txt'))).toBe(false)
    const partial = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt', '--allow-partial'], { cwd: dir })
    expect(partial.code).toBe(0)
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(filled.replace('鄂尔多斯', '**'))
  })

  it('refuses a sheet made before the text changed', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    saveSheet(withValues(makeSheet(), values))
    writeFileSync(join(dir, 'a.txt'), draft.replace('全年学习**次，', '全年学习**次，组织**场活动，'))
    const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    // Every row that no longer matches, and the blank the sheet lacks, at once.
    expect(r.stderr.trim().split('\n')).toEqual([
      'mask-audit: filled.csv:4: row 3 reads "**次" in "全年学习**次，发展x名党员。", the document "**次" in "全年学习**次，组织**场活动，发展x名党员。": the text changed since the sheet was made (run `mask-audit blanks` again, or pass --allow-partial)',
      'mask-audit: filled.csv:5: row 4 reads "x名" in "全年学习**次，发展x名党员。", the document "**场" in "全年学习**次，组织**场活动，发展x名党员。": the text changed since the sheet was made (run `mask-audit blanks` again, or pass --allow-partial)',
      'mask-audit: filled.csv: no row for blank 5 (x名 at 3:19) (run `mask-audit blanks` again, or pass --allow-partial)',
    ])
    expect(existsSync(join(dir, 'out.txt'))).toBe(false)
    // With --allow-partial, the rows that still match are filled and the rest are named.
    const partial = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt', '--allow-partial'], { cwd: dir })
    expect(partial.code).toBe(0)
    expect(partial.stderr).toMatch(/filled\.csv:4: row 3 reads .*; left as it is/)
    expect(partial.stderr).toMatch(/filled\.csv:5: row 4 reads "x名" .* the document "\*\*场" .*; left as it is/)
    expect(partial.stderr).toContain('filled.csv: no row for blank 5 (x名 at 3:19); left as it is')
    expect(partial.stderr).toContain('out.txt: filled 2 of 5 blanks (utf-8)')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(filled.replace('12次，', '**次，组织**场活动，').replace('三名', 'x名'))
  })

  it('reports every empty or bad value at once, in the order of the sheet, in the chosen language', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    saveSheet(withValues(makeSheet(), ['', '鄂尔多斯', '十二个', '']))
    const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      'mask-audit: filled.csv:2: no value for xxxx年 at 1:5 (fill it in, or pass --allow-partial to leave it)',
      'mask-audit: filled.csv:4: "十二个" is not a number, but **次 at 3:5 is a count (write digits (12) or Chinese numerals (十二))',
      'mask-audit: filled.csv:5: no value for x名 at 3:11 (fill it in, or pass --allow-partial to leave it)',
    ])
    expect(existsSync(join(dir, 'out.txt'))).toBe(false)
    const zh = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })
    expect(zh.stderr.trim().split('\n')[1]).toBe('mask-audit: filled.csv:4: “十二个”不是数字，而 3:5 处的“**次”要填的是数目（请写阿拉伯数字（12）或汉字数字（十二））')
  })

  it('names the row of a value that is not a number where a count is expected', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    saveSheet(withValues(makeSheet(), ['2023', '鄂尔多斯', '十二个', '三']))
    for (const extra of [[], ['--allow-partial']]) {
      const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt', ...extra], { cwd: dir })
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toBe('mask-audit: filled.csv:4: "十二个" is not a number, but **次 at 3:5 is a count (write digits (12) or Chinese numerals (十二))')
    }
    expect(existsSync(join(dir, 'out.txt'))).toBe(false)
  })

  it('reads a sheet a spreadsheet saved as GB18030 without BOM', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    const rows = withValues(makeSheet(), values)
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(stringify(rows), 'gb18030'))
    expect(runCli(['fill', 'a.txt', '--values', 'gbk.csv', '-o', 'out.txt'], { cwd: dir }).code).toBe(0)
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(filled)
  })
})

describe('a GB18030 draft, fixed and filled', () => {
  it('stays GB18030 through --fix and fill', () => {
    const text = '2023年述职报告\r\n截止目前，全年学习**次，(四）国家统计局**调查队。\r\n'
    writeFileSync(join(dir, 'gb.txt'), iconv.encode(text, 'gb18030'))
    runCli(['gb.txt', '--fix'], { cwd: dir })
    const fixedBytes = readFileSync(join(dir, 'gb.txt'))
    expect(decodeBytes(fixedBytes, 'gb.txt')).toEqual({ text: '2023年述职报告\r\n截至目前，全年学习**次，（四）国家统计局**调查队。\r\n', encoding: 'gb18030', hasBom: false })
    saveSheet(withValues(makeSheet('gb.txt'), ['12', '鄂尔多斯']))
    expect(runCli(['fill', 'gb.txt', '--values', 'filled.csv', '-o', 'gb-filled.txt'], { cwd: dir }).code).toBe(0)
    const out = readFileSync(join(dir, 'gb-filled.txt'))
    expect(out.equals(iconv.encode('2023年述职报告\r\n截至目前，全年学习12次，（四）国家统计局鄂尔多斯调查队。\r\n', 'gb18030'))).toBe(true)
    expect(decodeBytes(out, 'gb-filled.txt').encoding).toBe('gb18030')
  })
})

describe('the parts of a blank', () => {
  /** The blank `text` (a count's, or a placeholder's) filled with `value` as fill would; or the problem. */
  function fillBlank(text: string, value: string, ruleId = 'count/unfilled'): string {
    const blank: Blank = { id: '1', ruleId, category: ruleId.split('/')[0]!, line: 1, column: 1, text, context: text, offset: 0, slots: slotsOf(text, ruleId.startsWith('count/'), ruleId === 'placeholder/template-note') }
    const row = { lineNumber: 2, id: '1', rule: ruleId, line: '1', column: '1', blank: text, context: text, value }
    try {
      return applyFixes(text, planFill([blank], [row], 'sheet.csv', false).fixes)
    } catch (error) {
      return `refused: ${(error as InputError).format('en')}`
    }
  }

  it.each([
    // A count keeps its unit, its 第, its magnitude and approximation.
    ['**次', '12', '12次'],
    ['**次', '12次', '12次'],
    ['第X期', '3', '第3期'],
    ['第X期', '第3期', '第3期'],
    ['x万余条', '3', '3万余条'],
    ['1X万人次', '15', '15万人次'],
    ['X.X%', '6.5', '6.5%'],
    ['0.XX%', '0.35', '0.35%'],
    ['X 家', '5', '5 家'],
    ['（  ）人', '12', '12人'],
    ['**XX**本', '8', '**8**本'],
    ['　　　\n万元', '300', '300\n万元'],
    // A weekday keeps 星期.
    ['星期　', '五', '星期五'],
    ['星期X', '星期五', '星期五'],
    // A document number keeps its year's brackets and 号; a masked year and serial are two parts.
    ['〔2024〕X号', '16', '〔2024〕16号'],
    ['〔2024〕X号', '〔2024〕16号', '〔2024〕16号'],
    ['〔2024〕X号', '16号', '〔2024〕16号'],
    ['〔20××〕×号', '〔2025〕16号', '〔2025〕16号'],
    ['〔20××〕×号', '2025-16', '〔2025〕16号'],
    ['哈X教发〔2024〕XX号', '哈市教发〔2024〕16号', '哈市教发〔2024〕16号'],
    // A code opened by its mask is the office's abbreviation, text; the serial a number.
    ['XX银发〔2024〕XX号', '京银发〔2024〕12号', '京银发〔2024〕12号'],
    ['XX银发〔2024〕XX号', '京-12', '京银发〔2024〕12号'],
    ['X组发〔2024〕X号', '冀组发〔2024〕5号', '冀组发〔2024〕5号'],
    // Padded with ASCII spaces; a month and day left blank after a label.
    ['    万元', '120', '120万元'],
    ['　　月　　日', '3-5', '3月5日'],
    // A date keeps its written parts; a value writes its blank parts, with or without the rest.
    ['2024年　月　日', '4月2日', '2024年4月2日'],
    ['2024年　月　日', '2024年4月2日', '2024年4月2日'],
    ['2024年　月　日', '4-2', '2024年4月2日'],
    ['2024年　月　日', '4.2', '2024年4月2日'],
    ['2024年　月　日', '2024-04-02', '2024年4月2日'],
    ['2024年__月', '5', '2024年5月'],
    ['__月__日', '5月20日', '5月20日'],
    ['4月　日', '15', '4月15日'],
    ['4月　日', '4月15日', '4月15日'],
    ['　日', '18日', '18日'],
    ['　　年　　月　　日', '2025-6-1', '2025年6月1日'],
    ['二〇二五年一月　日', '二十', '二〇二五年一月二十日'],
    ['20XX年', '2023', '2023年'],
  ])('%s + %s → %s', (text, value, filled) => {
    expect(fillBlank(text, value)).toBe(filled)
  })

  it.each([
    // A placeholder's quotes and a phone number's area code stay; a label takes its value after it.
    ['“　　”', '百日攻坚', '“百日攻坚”', 'placeholder/mask'],
    ['“　　”', '“百日攻坚”', '“百日攻坚”', 'placeholder/mask'],
    ['0513-86XXXXXX', '0513-86123456', '0513-86123456', 'placeholder/mask'],
    ['×××', '李明', '李明', 'placeholder/mask'],
    ['（此处填写单位名称）', '县统计局', '县统计局', 'placeholder/template-note'],
    ['联 系 人：', '王芳', '联 系 人：王芳', 'placeholder/template-note'],
    ['联 系 人：', '联系人：王芳', '联 系 人：王芳', 'placeholder/template-note'],
  ])('%s + %s → %s (%s)', (text, value, filled, ruleId) => {
    expect(fillBlank(text, value, ruleId)).toBe(filled)
  })

  it.each([
    ['2024年　月　日', '4', '"4" does not fit 2024年　月　日 at 1:1, whose parts to fill are 2024年①月②日 (write the date as it should read (4月2日, 2024年4月2日), or its parts to fill in order, split by - (4-2))'],
    ['2024年　月　日', '2025-4-2', '"2025-4-2" does not fit'],
    ['2024年　月　日', '13-2', '"13-2" does not fit'],
    ['__月__日', '12', '"12" does not fit __月__日 at 1:1, whose parts to fill are ①月②日'],
    ['星期　', '5', '"5" does not fit 星期　 at 1:1, whose parts to fill are 星期① (write the day of the week: 一 to 六, or 日 (星期五, or 五))'],
    ['哈X教发〔2024〕XX号', '16', '"16" does not fit 哈X教发〔2024〕XX号 at 1:1, whose parts to fill are 哈①教发〔2024〕②号 (write it as it should read (〔2024〕16号), or its parts to fill in order, split by -)'],
    ['〔2024〕X号', '16号文', '"16号文" is not a number, but 〔2024〕X号 at 1:1 is a count'],
  ])('refuses %s + %s', (text, value, message) => {
    expect(fillBlank(text, value)).toContain(`refused: sheet.csv:2: ${message}`)
  })
})

describe('fill keeps the text around each blank', () => {
  it('in a text file: weekday, document number, ordinal, date range and a signature date', () => {
    writeFileSync(join(dir, 'a.txt'), '会议定于9月20日（星期　）上午召开。\n宁统办发〔2024〕X号\n第X期\n定于4月　日至　日举办。\n增长X.X%。\n\n县统计局\n2024年　月　日\n')
    const rows = makeSheet()
    expect(rows.slice(1).map((row) => row[4])).toEqual(['星期　', '〔2024〕X号', '第X期', '4月　日', '　日', 'X.X%', '2024年　月　日'])
    saveSheet(withValues(rows, ['五', '16', '3', '15', '18', '6.5', '4月2日']))
    const r = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out.txt'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: out.txt: filled 7 of 7 blanks (utf-8)')
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('会议定于9月20日（星期五）上午召开。\n宁统办发〔2024〕16号\n第3期\n定于4月15日至18日举办。\n增长6.5%。\n\n县统计局\n2024年4月2日\n')
    // One number for a date's month and day is refused, and nothing is written.
    saveSheet(withValues(rows, ['五', '16', '3', '15', '18', '6.5', '4']))
    const refused = runCli(['fill', 'a.txt', '--values', 'filled.csv', '-o', 'out2.txt'], { cwd: dir })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('filled.csv:8: "4" does not fit 2024年　月　日 at 8:1')
    expect(existsSync(join(dir, 'out2.txt'))).toBe(false)
  })

  it('in a Word copy: each part in its own run, the written parts and their formatting kept', () => {
    const run = (text: string, props = '') => `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`
    const line = '<w:u w:val="single"/>'
    writeFileSync(join(dir, 'a.docx'), makeDocx(`<w:p>${run('请于')}${run('  ', line)}${run('月')}${run('  ', line)}${run('日前报送，共')}${run('**')}${run('人。')}</w:p><w:p>${run('2024年')}${run('　')}${run('月　日')}</w:p>`))
    const rows = makeSheet('a.docx')
    expect(rows.slice(1).map((row) => row[5])).toEqual(['__月__日', '**人', '2024年　月　日'])
    saveSheet(withValues(rows, ['5-20', '12', '2024年4月2日']))
    const r = runCli(['fill', 'a.docx', '--values', 'filled.csv', '-o', 'out.docx'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: out.docx: filled 3 of 3 blanks (Word file, formatting kept)')
    expect(r.code).toBe(0)
    expect(readDocxBody(readFileSync(join(dir, 'out.docx')), 'out.docx').text).toBe('请于5月20日前报送，共12人。\n2024年4月2日')
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'out.docx')))['word/document.xml']!)
    expect(xml).toContain(`<w:rPr>${line}</w:rPr><w:t xml:space="preserve">5</w:t></w:r><w:r><w:rPr></w:rPr><w:t xml:space="preserve">月</w:t>`)
    expect(xml).toContain(`<w:t xml:space="preserve">2024年</w:t></w:r><w:r><w:rPr></w:rPr><w:t xml:space="preserve">4</w:t></w:r><w:r><w:rPr></w:rPr><w:t xml:space="preserve">月2日</w:t>`)
    expect(runCli(['out.docx'], { cwd: dir }).code).toBe(0)
  })
})
