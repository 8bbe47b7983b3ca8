// `mask-audit annotate`: a reviewed copy of a .docx with one Word comment per finding,
// anchored on the finding's text; the original untouched; config and profile as for check.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers.js'
import { readComments } from './support/docx-anchors.js'
import { makeDocx, note, paragraph, table } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const body = paragraph('二〇二三年工作总结')
  + paragraph('全年集中学习', '*', '*次，发展x名预备党员，深入学习党的二十大精神。')
  + table('负责人', '×××', '联系电话')
  + paragraph('国家统计局', '**调', '查队组织开展“', '**国调讲堂”活动。')

function setUp() {
  const dir = makeTempDir('annotate-')
  const input = join(dir, '总结.docx')
  writeFileSync(input, makeDocx(body))
  return { dir, input, output: join(dir, '总结.reviewed.docx') }
}

describe('annotate', () => {
  it('writes one comment per finding, anchored on its text, and leaves the original alone', () => {
    const { input, output } = setUp()
    const before = readFileSync(input)
    const run = runCli(['annotate', input, '-o', output], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } })
    expect(run.stderr).toMatch(/已在 .* 中添加 \d+ 条批注/)
    expect(run.code).toBe(1)
    expect(readFileSync(input).equals(before)).toBe(true)
    const findings = JSON.parse(runCli([input, '--format', 'json']).stdout).files[0].findings as { text: string; offset: number; message: string }[]
    expect(findings.length).toBeGreaterThanOrEqual(4)
    const comments = readComments(readFileSync(output))
    expect(comments.map((c) => [c.offset, c.anchored])).toEqual(findings.map((f) => [f.offset, f.text]))
    expect(comments.every((c) => c.author === 'mask-audit' && c.hasReference)).toBe(true)
    expect(comments[0]!.paragraphs.at(-1)).toMatch(/（错误）$/)
  })

  it('exits 0 for a draft with no error, writing the copy all the same', () => {
    const { dir } = setUp()
    const input = join(dir, '干净.docx')
    writeFileSync(input, makeDocx(paragraph('坚持自已的学习计划。')))
    const output = join(dir, '干净.reviewed.docx')
    expect(runCli(['annotate', input, '-o', output]).code).toBe(0)
    expect(readComments(readFileSync(output)).map((c) => c.anchored)).toEqual(['自已'])
  })

  it('lists the findings of headers and notes, where Word anchors no comment, in one comment at the start', () => {
    const { dir } = setUp()
    const input = join(dir, '页眉.docx')
    writeFileSync(input, makeDocx(paragraph('全年走访**户。'), { 'header1.xml': paragraph('***市统计局'), 'footnotes.xml': note('w:footnote', 1, paragraph('集中学习x次')) }))
    const output = join(dir, '页眉.reviewed.docx')
    expect(runCli(['annotate', input, '-o', output, '--lang', 'zh']).code).toBe(1)
    const comments = readComments(readFileSync(output))
    // On the document's first character, as the README says.
    expect(comments.map((c) => [c.offset, c.anchored])).toEqual([[0, '全'], [4, '**户']])
    expect(comments[0]!.paragraphs.slice(1)).toEqual([expect.stringMatching(/^脚注1 第5字：.*x次.*count\/unfilled/), expect.stringMatching(/^页眉第1字：.*\*\*\*.*placeholder\/mask/)])
  })

  it('lists a release\'s findings in the texts kept beside its pages (a title naming the party) with those of headers and notes', () => {
    const { dir } = setUp()
    const input = join(dir, '决定书.docx')
    writeFileSync(input, makeDocx(paragraph('当事人：陈某某，男。') + paragraph('经查，当事人擅自搭建彩钢房。'), { 'docProps/core.xml': '<dc:title>陈志远违法建设案</dc:title>' }))
    const output = join(dir, '决定书.reviewed.docx')
    expect(runCli(['annotate', input, '-o', output, '--lang', 'zh', '--profile', 'redacted']).code).toBe(1)
    const comments = readComments(readFileSync(output))
    expect(comments.map((c) => [c.offset, c.anchored])).toEqual([[0, '当']])
    expect(comments[0]!.paragraphs).toEqual(['正文以外（脚注、尾注、页眉、页脚、文件属性、图片、链接）有 1 个问题：', expect.stringMatching(/^文件属性“标题”第1字：“陈志远”未遮盖.*leak\/linkage/)])
  })

  it('adds nothing to a copy annotated before, and says so', () => {
    const { dir, input, output } = setUp()
    expect(runCli(['annotate', input, '-o', output]).code).toBe(1)
    const first = readComments(readFileSync(output))
    const again = join(dir, 'again.docx')
    const run = runCli(['annotate', output, '-o', again, '--lang', 'en'])
    expect(run.stderr).toMatch(new RegExp(`0 comments written to .*again\\.docx \\(${first.length} already there, not added again\\)`))
    expect(readComments(readFileSync(again)).map((c) => [c.offset, c.anchored])).toEqual(first.map((c) => [c.offset, c.anchored]))
  })

  it('applies the profile and the --rule flags as check does', () => {
    const { input, output } = setUp()
    expect(runCli(['annotate', input, '-o', output, '--rule', 'count/unfilled=off']).code).toBe(1)
    const texts = readComments(readFileSync(output)).map((c) => c.anchored)
    expect(texts).not.toContain('**次')
    expect(texts).not.toContain('x名')
    expect(texts.length).toBeGreaterThan(0)
    // The name in the table cell is a mask bounded by the cell's edges (the mask model).
    expect(texts).toContain('×××')
    expect(texts.every((t) => t === '**' || t === '×××')).toBe(true)
  })

  it('refuses to overwrite the original, a non-Word input, an output of another extension, and a missing -o', () => {
    const { dir, input } = setUp()
    expect(runCli(['annotate', input, '-o', input]).stderr).toMatch(/is the file being annotated/)
    writeFileSync(join(dir, 'a.txt'), '共**人')
    expect(runCli(['annotate', join(dir, 'a.txt'), '-o', join(dir, 'b.docx')]).stderr).toMatch(/reads Word \.docx files/)
    expect(runCli(['annotate', input, '-o', join(dir, 'b.txt')]).stderr).toMatch(/keeps its extension \(\.docx\)/)
    // A macro-enabled document or a template renamed .docx would not open in Word.
    copyFileSync(input, join(dir, 'a.docm'))
    const renamed = runCli(['annotate', join(dir, 'a.docm'), '-o', join(dir, 'b.docx')])
    expect([renamed.code, renamed.stderr]).toEqual([2, expect.stringMatching(/keeps its extension \(\.docm\)/)])
    expect(runCli(['annotate', join(dir, 'a.docm'), '-o', join(dir, 'b.docm')]).code).toBe(1)
    const missing = runCli(['annotate', input])
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/needs -o OUT\.docx/)])
  })

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))
  it('opens in LibreOffice, which keeps the comments', () => {
    if (!soffice) throw new Error('this test needs LibreOffice: apt-get install libreoffice-writer-nogui (.ci/run installs it)')
    const { dir, input, output } = setUp()
    expect(runCli(['annotate', input, '-o', output]).code).toBe(1)
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'fodt', '--outdir', dir, output], { stdio: 'pipe', timeout: 120_000 })
    const flat = readFileSync(join(dir, '总结.reviewed.fodt'), 'utf8')
    const annotations = flat.match(/<office:annotation[\s>]/g) ?? []
    expect(annotations.length).toBe(readComments(readFileSync(output)).length)
    expect(flat).toContain('mask-audit')
  }, 150_000)
})
