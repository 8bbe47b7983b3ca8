// What counts as a mask: runs of mask characters that stand in Chinese text, not markup,
// arithmetic, file globs or Latin words.
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { documentFromText } from '../src/io/read-document.js'
import { findMaskRuns } from '../src/rules/shared/mask-runs.js'

const runsOf = async (text: string, path = 'x.txt') => findMaskRuns(await documentFromText(text, path)).map((r) => r.text)

describe('findMaskRuns', () => {
  it.each([
    ['国家统计局**调查队', ['**']],
    ['《2022年***市统计局方案》', ['***']],
    ['“**国调讲堂”', ['**']],
    ['“健康**”', ['**']],
    ['现将本人xxxx年履行职责', ['xxxx']],
    ['××市人民政府', ['××']],
    ['＊＊市和ｘｘ县', ['＊＊', 'ｘｘ']],
    ['发展*名预备党员，转正*名', ['*', '*']],
    ['《**国调系统党建考核办法》《**国调系统清单》', ['**', '**']],
    ['国家统计局**调查队全年学习**次', ['**', '**']],
    ['位于__省__市的项目', ['__', '__']],
    ['全年完成投资□□万元，走访○○万人次', ['□□', '○○']],
    ['__重点__工作', []],
    ['二○○八年以来，邮政编码□□□□□□', []],
  ])('finds the masks in %j', async (text, expected) => {
    expect(await runsOf(text)).toEqual(expected)
  })

  it.each([
    'x86 服务器',
    '3*4 方阵',
    '7*24小时',
    '见 *.txt 文件',
    '尺码XXL',
    'Excel表格',
    '* 列表项',
    '***',
    '**重点工作**要抓实',
    '*斜体*文字',
    '***重中之重***是安全',
    '3×4万元',
    'http://www.xxx.gov.cn',
  ])('finds no mask in %j', async (text) => {
    expect(await runsOf(text)).toEqual([])
  })

  it('skips Markdown code spans, fenced code and link targets', async () => {
    const md = '正文`学习**次`正文\n\n```\n发展*名党员\n```\n\n[链接](https://x.cn/**次)与**次\n'
    expect(await runsOf(md, 'a.md')).toEqual(['**'])
  })

  it.each(['a.md', 'a.txt'])('tells emphasis from masks the same way in %s', async (path) => {
    expect(await runsOf('我们要**坚持**学习', path)).toEqual([])
    expect(await runsOf('累计完成投资**300亿元**。完成**12项**任务，**Excel模板**统一', path)).toEqual([])
    expect(await runsOf('国家统计局**调查队全年学习**次', path)).toEqual(['**', '**'])
    expect(await runsOf('引导**国调系统广大党员干部在**国调事业', path)).toEqual(['**', '**'])
    expect(await runsOf('统计局***调查队和***县', path)).toEqual(['***', '***'])
  })

  it('treats the same text in a .txt file literally', async () => {
    expect(await runsOf('正文`学习**次`正文', 'a.txt')).toEqual(['**'])
  })
})

describe('Document positions', () => {
  it('maps offsets to 1-based lines and UTF-16 columns across LF, CRLF and CR', () => {
    const doc = new Document('第一行\r\n第二行\n第三行\r第四行', { path: 'x', encoding: 'utf-8' })
    expect(doc.positionAt(0)).toEqual({ line: 1, column: 1 })
    expect(doc.positionAt(5)).toEqual({ line: 2, column: 1 })
    expect(doc.positionAt(9)).toEqual({ line: 3, column: 1 })
    expect(doc.positionAt(13)).toEqual({ line: 4, column: 1 })
    expect(doc.lineText(1)).toBe('第一行')
    expect(doc.lineText(3)).toBe('第三行')
  })

  it('counts a character outside the BMP as two UTF-16 units', () => {
    const doc = new Document('𠀀学习**次', { path: 'x', encoding: 'utf-8' })
    expect(doc.text.indexOf('**')).toBe(4)
    expect(doc.positionAt(4)).toEqual({ line: 1, column: 5 })
  })

  it('merges overlapping skip regions and answers isSkipped', () => {
    const doc = new Document('0123456789', { path: 'x', encoding: 'utf-8', skipped: [{ start: 5, end: 7 }, { start: 2, end: 4 }, { start: 3, end: 6 }] })
    expect(doc.skipped).toEqual([{ start: 2, end: 7 }])
    expect(doc.isSkipped(0, 2)).toBe(false)
    expect(doc.isSkipped(1, 2)).toBe(true)
    expect(doc.isSkipped(7, 3)).toBe(false)
  })
})
