// Property-based tests of the readers and the rules: random text and random bytes never crash a
// reader or a rule, and every finding's offset, length, text, line, column and context agree
// with the decoded text. Inputs are biased toward what the tool reads: Chinese report prose,
// masks, blanks, paywall tags, mixed line endings and byte order marks.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDocument, spanStartInContext } from '../src/core/engine.js'
import { MaskAuditError } from '../src/core/errors.js'
import type { Finding } from '../src/core/finding.js'
import type { Document } from '../src/core/document.js'
import { decodeBytes } from '../src/io/decode.js'
import { docxToText } from '../src/io/docx.js'
import { documentFromText } from '../src/io/read-document.js'
import { activateRules } from '../src/rules/loader.js'
import { builtinRules } from './helpers.js'

/** Modest, so the suite stays within seconds on a loaded machine; a failure prints its seed to replay. */
const numRuns = 150
const rulesByProfile = { draft: activateRules(builtinRules, 'draft'), redacted: activateRules(builtinRules, 'redacted') }

/** Pieces of real report text, the masks and blanks the rules look for, and what breaks positions. */
const fragments = [
  '全年', '开展', '集中学习', '次', '名', '项', '个', '家', '万元', '党员', '同志', '张建国', '王秀英', '李某', '大王庄村', '红旗嘎查', '惠农区', '石嘴山市',
  '宁夏回族自治区', '统计局', '第三小学', '分行', '党的十二大', '二十大', '截止', '目前', '的的', '2023年', '二〇二三年', '20２3', '（四）', '(四）',
  '*', '**', '＊＊', 'x', 'X', 'xx', '×', '○○', '□□', '___', '某某', 'XXX', '[姓名]', '（此处填写）', '##paidbegin##', '##paidend##', '$$paidbegin$$',
  '##pagebreak##', '，', '。', '、', '；', '：', '“', '”', '"', '(', ')', '《', '》', '—', '-', ' ', '\t', '\u3000', '\n', '\r\n', '\r', '\u2028',
  '\uFEFF', '\u200B', '😀', '\uD800', '0', '12', '３', '#', '# 标题\n', '> ', '`', '```\n', '<p>', '</p>', '&amp;', '<!--', '-->', '<script>', '[链接](http://x)',
]
const reportText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) }), { maxLength: 80 })
  .map((parts) => parts.join(''))
const path = fc.constantFrom('a.txt', 'a.md', 'a.html')
const profile = fc.constantFrom('draft' as const, 'redacted' as const)

/** Where each line starts, computed here on its own: a line ends at LF, CRLF or a lone CR. */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1)
  }
  return starts
}

function positionOf(starts: readonly number[], offset: number): [number, number] {
  let line = 1
  while (line < starts.length && starts[line]! <= offset) line++
  return [line, offset - starts[line - 1]! + 1]
}

/**
 * Every finding agrees with the document's text; its columns with the text's lines, or, for
 * text extracted from markup (HTML), lie inside the source's line (`source`).
 */
function expectConsistent(doc: Document, findings: readonly Finding[], source: string): void {
  const text = doc.text
  const starts = lineStartsOf(text)
  const sourceLines = source.split(/\r\n|\r|\n/)
  for (const f of findings) {
    expect(f.ruleId, f.message).not.toMatch(/^internal\//)
    expect(Number.isInteger(f.offset) && Number.isInteger(f.length) && f.offset >= 0 && f.length >= 0).toBe(true)
    expect(f.offset + f.length).toBeLessThanOrEqual(text.length)
    expect(f.text).toBe(text.slice(f.offset, f.offset + f.length))
    if (doc.sourceOffsets) {
      expect([f.line, f.endLine]).toEqual([positionOf(starts, f.offset)[0], positionOf(starts, f.offset + f.length)[0]])
      expect(f.column).toBeGreaterThanOrEqual(1)
      expect(f.column).toBeLessThanOrEqual(sourceLines[f.line - 1]!.length + 1)
      expect(f.endColumn).toBeLessThanOrEqual(sourceLines[f.endLine - 1]!.length + 1)
      if (f.line === f.endLine) expect(f.endColumn).toBeGreaterThanOrEqual(f.column)
    } else {
      expect([f.line, f.column]).toEqual(positionOf(starts, f.offset))
      expect([f.endLine, f.endColumn]).toEqual(positionOf(starts, f.offset + f.length))
    }
    if (f.line === f.endLine && f.length > 0) {
      const at = spanStartInContext(f)
      expect(f.context.slice(at, at + f.text.length)).toBe(f.text)
    }
    if (f.fix) expect(f.fix.offset + f.fix.length).toBeLessThanOrEqual(text.length)
  }
}

describe('properties of readers and rules', () => {
  it('random report text: no rule throws, every finding agrees with the text', async () => {
    await fc.assert(
      fc.asyncProperty(reportText, path, profile, async (text, name, p) => {
        const doc = await documentFromText(text, name)
        expectConsistent(doc, checkDocument(doc, rulesByProfile[p]), text)
      }),
      { numRuns },
    )
  })

  it('the random inputs are not vacuous: they reach the rules of every kind of problem', async () => {
    // A fixed sample of the same inputs, so that this holds on every run: in the random runs above,
    // a category the fragments reach rarely (a leak needs a mask and a name together) can miss.
    const seen = new Set<string>()
    for (const [text, name, p] of fc.sample(fc.tuple(reportText, path, profile), { numRuns, seed: 20261203 })) {
      for (const f of checkDocument(await documentFromText(text, name), rulesByProfile[p])) seen.add(f.category)
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['count', 'leak', 'paywall', 'placeholder', 'typo']))
  })

  it('random bytes: decoding fails only with an InputError, and what decodes audits cleanly', async () => {
    const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff])
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), reportText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))))
    await fc.assert(
      fc.asyncProperty(prefix, bytes, path, async (head, body, name) => {
        const all = new Uint8Array([...head, ...body])
        let decoded
        try {
          decoded = decodeBytes(all, name)
        } catch (error) {
          expect(error).toBeInstanceOf(MaskAuditError)
          return
        }
        const doc = await documentFromText(decoded.text, name, decoded.encoding, decoded.hasBom)
        expectConsistent(doc, checkDocument(doc, rulesByProfile.draft), decoded.text)
      }),
      { numRuns },
    )
  })

  it('random bytes as a .docx: an InputError, never a crash', () => {
    const zipLike = fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]))
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), zipLike), (bytes) => {
        try {
          docxToText(bytes, 'a.docx')
        } catch (error) {
          expect(error).toBeInstanceOf(MaskAuditError)
        }
      }),
      { numRuns: numRuns * 2 },
    )
  })
})
