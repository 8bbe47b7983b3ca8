// --fix and --fix-dry-run: safe fixes only, written atomically in the file's own encoding.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Finding, Fix } from '../src/core/finding.js'
import { applyFixes, selectFixes } from '../src/core/fix.js'
import { decodeBytes } from '../src/io/decode.js'
import { encodeChecked } from '../src/io/write.js'
import { strFromU8, unzipSync } from 'fflate'
import { readDocxBody } from '../src/io/docx.js'
import { repoRoot, runCli } from './helpers.js'
import { makeDocx } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const draft = '2023年工作总结\n深入学习党的十二大精神，截止目前已完成(四）项。\n##paidbegin##付费正文##paidend##\n全年学习**次。\n'
const fixed = '2023年工作总结\n深入学习党的二十大精神，截至目前已完成（四）项。\n付费正文\n全年学习**次。\n'

beforeEach(() => {
  dir = makeTempDir('fix-')
})

describe('--fix', () => {
  it('applies every safe fix, reports what is left, and leaves no temp file', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    const r = runCli(['a.txt', '--fix', '--format', 'jsonl'], { cwd: dir })
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(fixed)
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).ruleId)).toEqual(['count/unfilled'])
    expect(r.stderr.trim()).toBe('mask-audit: applied 5 fixes in 1 file')
    expect(r.code).toBe(1)
    expect(readdirSync(dir)).toEqual(['a.txt'])
  })

  it('keeps a GB18030 file GB18030, with its CRLF line endings', () => {
    const path = join(dir, 'gb.txt')
    writeFileSync(path, iconv.encode(draft.replace(/\n/g, '\r\n'), 'gb18030'))
    runCli(['gb.txt', '--fix'], { cwd: dir })
    const bytes = readFileSync(path)
    expect(bytes.equals(iconv.encode(fixed.replace(/\n/g, '\r\n'), 'gb18030'))).toBe(true)
    expect(decodeBytes(bytes, path).encoding).toBe('gb18030')
  })

  it('keeps a UTF-8 BOM and UTF-16LE', () => {
    writeFileSync(join(dir, 'bom.txt'), '\uFEFF' + draft)
    writeFileSync(join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(draft, 'utf-16le')]))
    runCli(['bom.txt', 'u16.txt', '--fix'], { cwd: dir })
    expect(readFileSync(join(dir, 'bom.txt'), 'utf8')).toBe('\uFEFF' + fixed)
    expect(readFileSync(join(dir, 'u16.txt')).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(fixed, 'utf-16le')]))).toBe(true)
  })

  it('does not fix what an inline suppression covers', () => {
    writeFileSync(join(dir, 'a.md'), '<!-- mask-audit-disable-next-line typo/misused-word -->\n截止目前。\n\n截止目前。\n')
    runCli(['a.md', '--fix'], { cwd: dir })
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('<!-- mask-audit-disable-next-line typo/misused-word -->\n截止目前。\n\n截至目前。\n')
  })

  it('leaves a proofreading table and a list of errors as they are: the wrong forms are cited, not used', () => {
    const note = '# 关于规范公文用字的提示\n\n| 序号 | 错误写法 | 正确写法 |\n|---|---|---|\n| 1 | 自已 | 自己 |\n| 2 | 再接再励 | 再接再厉 |\n\n- 记帐 → 记账\n- 文中误写为“戊戍年”，应为戊戌年\n\n正文中再接再励的写法要改。\n'
    writeFileSync(join(dir, 'note.md'), note)
    runCli(['note.md', '--fix'], { cwd: dir })
    expect(readFileSync(join(dir, 'note.md'), 'utf8')).toBe(note.replace('正文中再接再励', '正文中再接再厉'))
  })

  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    const r = runCli(['a.txt', '--fix-dry-run'], { cwd: dir })
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(draft)
    expect(r.stdout).toContain('--- a/a.txt\n+++ b/a.txt\n@@ -1,4 +1,4 @@\n')
    expect(r.stdout).toContain('\n-##paidbegin##付费正文##paidend##\n')
    expect(r.stdout).toContain('\n+付费正文\n')
    expect(r.stdout).not.toContain('全年学习**次。\n+')
    expect(r.stderr.trim()).toBe('mask-audit: would apply 5 fixes in 1 file')
  })

  it('--fix-dry-run of GB18030, UTF-8 with a BOM and UTF-16 files: git apply applies what is in the files\' bytes; the UTF-16 diff says it is to read', () => {
    spawnSync('git', ['init', '-q'], { cwd: dir })
    const crlf = draft.replace(/\n/g, '\r\n')
    writeFileSync(join(dir, 'gb.txt'), iconv.encode(crlf, 'gb18030'))
    writeFileSync(join(dir, 'bom.txt'), '\uFEFF' + draft)
    writeFileSync(join(dir, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(draft, 'utf-16le')]))
    writeFileSync(join(dir, 'u8.txt'), draft)
    const dry = spawnSync(process.execPath, [join(repoRoot, 'bin', 'mask-audit.js'), '.', '--fix-dry-run'], { cwd: dir, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' } })
    const diff = Buffer.from(dry.stdout)
    // The GB18030 file's lines are its own bytes, below a comment line naming the encoding.
    expect(diff.includes(Buffer.concat([Buffer.from('# mask-audit: gb.txt: GB18030 text: the lines below are in GB18030, as the file is, so git apply applies them (to read them: iconv -f GB18030)\n--- a/gb.txt\n+++ b/gb.txt\n'), Buffer.from('@@ -1,4 +1,4 @@\n')]))).toBe(true)
    expect(diff.includes(iconv.encode('+深入学习党的二十大精神，截至目前已完成（四）项。\r\n', 'gb18030'))).toBe(true)
    expect(diff.toString('utf8')).toContain('# mask-audit: u16.txt: UTF-16LE text, shown in UTF-8 to read: git apply cannot apply this part to the file (--fix writes it in UTF-16LE)\n--- a/u16.txt\n')
    expect(dry.stderr.toString()).toContain('mask-audit: 1 of these diffs (a file in UTF-16, or a Word file) is shown to read: git apply cannot apply it to its file; --fix writes it\n')
    writeFileSync(join(dir, 'fix.diff'), diff)
    const applied = spawnSync('git', ['apply', '--exclude=u16.txt', 'fix.diff'], { cwd: dir, encoding: 'utf8' })
    expect(applied.status, applied.stderr).toBe(0)
    expect(readFileSync(join(dir, 'gb.txt')).equals(iconv.encode(fixed.replace(/\n/g, '\r\n'), 'gb18030'))).toBe(true)
    expect(readFileSync(join(dir, 'bom.txt'), 'utf8')).toBe('\uFEFF' + fixed)
    expect(readFileSync(join(dir, 'u8.txt'), 'utf8')).toBe(fixed)
  })

  it('fixes a Word file in the runs that hold each span, keeping their formatting, its tracked changes and comments; --fix-dry-run diffs its text', () => {
    const run = (text: string, props = '') => `<w:r>${props && `<w:rPr>${props}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`
    const body = `<w:p>${run('2023年工作总结')}</w:p>`
      + `<w:p>${run('深入学习党的十二大精神，截')}${run('止目前', '<w:b/>')}<w:del w:id="1" w:author="审核"><w:r><w:delText>已经</w:delText></w:r></w:del>${run('已完成(四）项。')}</w:p>`
      + `<w:p><w:commentRangeStart w:id="3"/>${run('##paidbegin##付费正文##paid')}${run('end##', '<w:i/>')}<w:commentRangeEnd w:id="3"/></w:p><w:p>${run('全年学习**次。')}</w:p>`
    const docx = makeDocx(body, { 'comments.xml': '<w:comment w:id="3" w:author="审核"><w:p><w:r><w:t>核对</w:t></w:r></w:p></w:comment>' })
    writeFileSync(join(dir, 'a.docx'), docx)
    const dry = runCli(['a.docx', '--fix-dry-run'], { cwd: dir })
    expect(readFileSync(join(dir, 'a.docx')).equals(Buffer.from(docx))).toBe(true)
    expect(dry.stdout).toContain('\n-深入学习党的十二大精神，截止目前已完成(四）项。\n-##paidbegin##付费正文##paidend##\n+深入学习党的二十大精神，截至目前已完成（四）项。\n+付费正文\n')
    expect(dry.stdout.startsWith('# mask-audit: a.docx: the text of a Word file, to read: git apply cannot apply this part to the .docx (--fix writes it)\n--- a/a.docx\n')).toBe(true)
    expect(dry.stderr.trim().split('\n')).toEqual(['mask-audit: would apply 5 fixes in 1 file', 'mask-audit: 1 of these diffs (a file in UTF-16, or a Word file) is shown to read: git apply cannot apply it to its file; --fix writes it'])
    const r = runCli(['a.docx', '--fix', '--format', 'json'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: applied 5 fixes in 1 file')
    // What is left is reported where Word shows it.
    expect(JSON.parse(r.stdout).files[0].findings.map((f: Finding) => [f.ruleId, f.text, f.paragraph])).toEqual([['count/unfilled', '**次', 4]])
    const read = readDocxBody(readFileSync(join(dir, 'a.docx')), 'a.docx')
    expect(read.text).toBe(fixed.trimEnd())
    expect(read.hidden.map((h) => [h.kind, h.text])).toEqual([['deletion', '已经'], ['comment', '核对']])
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'a.docx')))['word/document.xml']!)
    // Only what a fix changes is edited: 止 of the bold run.
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">至目前</w:t></w:r>')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('fixes a document number whose year closes with a round bracket once, into 〔…〕', () => {
    // typo/mixed-brackets must not pair the outer （ with the ) that closes 〔: its fix made 〔2024）18号）.
    writeFileSync(join(dir, 'a.txt'), '根据《通知》（云财教〔2024)18号）和（宁人社发〔2024) 27号）要求。\n')
    const r = runCli(['a.txt', '--fix', '--format', 'jsonl'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: applied 2 fixes in 1 file')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('根据《通知》（云财教〔2024〕18号）和（宁人社发〔2024〕 27号）要求。\n')
  })

  it('--fix-dry-run works on stdin; --fix refuses it', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'a.txt', '--fix-dry-run'], { cwd: dir, input: '截止目前。\n' })
    expect(r.stdout).toContain('-截止目前。\n+截至目前。\n')
    const refused = runCli(['--stdin', '--fix'], { cwd: dir, input: '截止目前。\n' })
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim()).toBe('mask-audit: --fix cannot write to standard input (use --fix-dry-run to see the diff)')
  })
})

describe('choosing and applying fixes', () => {
  const withFix = (ruleId: string, fix: Fix): Finding => ({ ruleId, category: 'typo', severity: 'warning', message: '', line: 1, column: 1, endLine: 1, endColumn: 1, offset: fix.offset, length: fix.length, text: '', context: '', fix })

  it('resolves overlapping fixes the same way whatever the order of findings', () => {
    const a = withFix('typo/b', { offset: 2, length: 4, replacement: 'AAAA' })
    const b = withFix('typo/a', { offset: 4, length: 2, replacement: 'BB' })
    const c = withFix('typo/c', { offset: 2, length: 2, replacement: 'C' })
    const d = withFix('typo/d', { offset: 6, length: 1, replacement: 'D' })
    const forward = selectFixes([a, b, c, d])
    expect(selectFixes([d, c, b, a])).toEqual(forward)
    expect(forward).toEqual([c.fix, b.fix, d.fix])
    expect(applyFixes('0123456789', forward)).toBe('01CBBD789')
  })

  it('refuses bytes that would not decode back to the same text', () => {
    expect(() => encodeChecked({ text: '截至目前 \u{1F600}', encoding: 'big5', hasBom: false }, 'a.txt')).toThrow(/not written: the result would not decode back as BIG5/)
    expect(encodeChecked({ text: '截至目前', encoding: 'gb18030', hasBom: false }, 'a.txt').equals(iconv.encode('截至目前', 'gb18030'))).toBe(true)
  })
})
