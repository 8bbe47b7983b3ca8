// Reports of files with very many findings: no stack overflow, no string past V8's limit,
// nothing lost; and terminal escapes in names and text are shown, never obeyed.
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/core/finding.js'
import { chunkSize, type Chunks } from '../src/report/chunks.js'
import { createReporter } from '../src/report/index.js'
import { fileEntry, renderJsonFile } from '../src/report/json.js'
import { renderJsonlFile } from '../src/report/jsonl.js'
import { createStylishFileRenderer } from '../src/report/stylish.js'
import { plainPaint } from '../src/report/paint.js'
import { escapeControls, escapeForLine } from '../src/report/terminal-text.js'
import type { FileResult } from '../src/report/types.js'

function finding(i: number, extra: Partial<Finding> = {}): Finding {
  const text = 'x次'
  return {
    ruleId: 'count/unfilled', category: 'count', severity: 'error', message: `count not filled in: ${text}`,
    line: i + 1, column: 3, endLine: i + 1, endColumn: 5, offset: i * 10 + 2, length: 2, text, context: `学习${text}。`, fix: null, ...extra,
  }
}

function many(n: number): FileResult {
  return { path: 'big.txt', encoding: 'utf-8', findings: Array.from({ length: n }, (_, i) => finding(i)) }
}

const joined = (text: Chunks) => (typeof text === 'string' ? text : text.join(''))

describe('a file with very many findings', () => {
  it('stylish renders 150,000 findings (no Math.max spread) in bounded pieces', () => {
    const out = createStylishFileRenderer({ color: false, toolVersion: 't', lang: 'en' }, plainPaint)(many(150_000))
    expect(Array.isArray(out)).toBe(true)
    for (const part of out as string[]) expect(part.length).toBeLessThan(chunkSize * 2)
    const text = joined(out)
    expect(text.match(/count\/unfilled/g)).toHaveLength(150_000)
    expect(text).toContain('150000:3')
  })

  it('json renders piece by piece, the same text as one JSON.stringify, nothing lost', () => {
    const result = many(30_000)
    const out = renderJsonFile(result)
    expect(Array.isArray(out)).toBe(true)
    expect(joined(out)).toBe(JSON.stringify(fileEntry(result)))
    expect(JSON.parse(joined(out)).findings).toHaveLength(30_000)
  })

  it('jsonl renders one line per finding in pieces', () => {
    const out = renderJsonlFile(many(30_000))
    expect(Array.isArray(out)).toBe(true)
    expect(joined(out).split('\n').filter(Boolean)).toHaveLength(30_000)
  })

  it('every reporter hands the pieces on as a list', async () => {
    for (const format of ['json', 'jsonl', 'sarif', 'csv', 'github', 'html', 'stylish']) {
      const reporter = await createReporter(format, { color: false, toolVersion: 't', lang: 'en' })
      reporter.begin()
      const out = reporter.file(many(20_000))
      expect(Array.isArray(out), format).toBe(true)
    }
  })
})

describe('terminal escapes', () => {
  it('escapes C0 and C1 controls and bidi overrides, keeps tab and text', () => {
    expect(escapeControls('a\u001b[31mb\tc\u009bd\u202ee\r\n')).toBe('a\\x1b[31mb\tc\\x9bd\\u202ee\\x0d\\x0a')
    expect(escapeControls('学习x次')).toBe('学习x次')
  })

  it('stylish shows escapes in the file name, message and context, and the carets still line up', () => {
    const f = finding(0, { context: '\u001b[2J学习x次。', text: 'x次', column: 7, offset: 6, message: 'count not filled in: x次\u0007' })
    const out = joined(createStylishFileRenderer({ color: false, toolVersion: 't', lang: 'en' }, plainPaint)({ path: 'evil\u001b]0;pwned\u0007.txt', findings: [f] }))
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(out).toContain('evil\\x1b]0;pwned\\x07.txt')
    expect(out).toContain('\\x1b[2J学习x次。')
    const lines = out.split('\n')
    const contextLine = lines.find((l) => l.includes('[2J'))!
    const caretLine = lines[lines.indexOf(contextLine) + 1]!
    // `\x1b[2J` is 7 columns and 学习 4: the carets start under x.
    expect(caretLine.indexOf('^')).toBe(contextLine.indexOf('\\x1b') + 7 + 4)
  })

  it('stylish shows a line break inside a span as ⏎, a CRLF as one, and the carets cover it', () => {
    expect(escapeForLine('中国特\r\n社会主义\n思想\r')).toBe('中国特⏎社会主义⏎思想⏎')
    const f = finding(0, { context: '坚持中国特\r\n社会主义道路', text: '中国特\r\n社会主义', column: 3, offset: 2, message: 'broken formulation: 中国特\r\n社会主义' })
    const out = joined(createStylishFileRenderer({ color: false, toolVersion: 't', lang: 'en' }, plainPaint)({ path: 'a.txt', findings: [f] }))
    expect(out).toContain('broken formulation: 中国特⏎社会主义')
    expect(out).not.toContain('\\x0d')
    const lines = out.split('\n')
    const contextLine = lines.find((l) => l.includes('坚持'))!
    expect(contextLine.trim()).toBe('坚持中国特⏎社会主义道路')
    const caretLine = lines[lines.indexOf(contextLine) + 1]!
    expect(caretLine.trim()).toMatch(/^\^+$/)
    // 坚持 is 4 columns: the carets start under 中 and cover 中国特⏎社会主义 (7 wide characters and ⏎).
    expect(caretLine.indexOf('^')).toBe(contextLine.indexOf('坚') + 4)
    expect(caretLine.trim().length).toBe(15)
  })

  it('stylish escapes an error result naming a file', () => {
    const out = joined(createStylishFileRenderer({ color: false, toolVersion: 't', lang: 'en' }, plainPaint)({ path: 'a\u001bb.txt', error: 'no such file', findings: [] }))
    expect(out).toContain('a\\x1bb.txt')
    expect(out).not.toContain('\u001b')
  })
})
