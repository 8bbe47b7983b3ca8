// GB18030, UTF-16 and CRLF copies of a real report give the same findings as the UTF-8 original.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditFiles } from '../src/run/audit-loop.js'
import type { Finding } from '../src/core/finding.js'
import { decodeBytes, detectionSample, encodeText } from '../src/io/decode.js'
import { readDocument } from '../src/io/read-document.js'
import { activateRules } from '../src/rules/loader.js'
import { builtinRules, repoRoot } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const seed = join(repoRoot, 'fixtures/draft/seed-002-branch-secretary-report.txt')
const original = readFileSync(seed, 'utf8')
const rules = activateRules(builtinRules, 'draft')
let dir: string

async function findingsOf(path: string): Promise<{ encoding?: string; findings: readonly Finding[] }> {
  for await (const result of auditFiles([path], rules)) return result
  throw new Error('no result')
}

const key = (f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.text}`

beforeAll(() => {
  dir = makeTempDir('enc-')
})

describe('encodings', () => {
  it.each([
    ['gb18030', 'gb18030.txt', () => iconv.encode(original, 'gb18030')],
    ['utf-16le', 'utf16le.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original, 'utf-16le')])],
    ['utf-16be', 'utf16be.txt', () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(original, 'utf-16be')])],
    ['utf-8', 'utf8bom.txt', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)])],
  ])('a %s copy gives the same findings at the same offsets', async (encoding, name, bytes) => {
    const path = join(dir, name)
    writeFileSync(path, bytes())
    const expected = await findingsOf(seed)
    const actual = await findingsOf(path)
    expect(actual.encoding).toBe(encoding)
    expect(actual.findings.map((f) => [f.offset, f.length, f.ruleId])).toEqual(expected.findings.map((f) => [f.offset, f.length, f.ruleId]))
    expect(actual.findings.length).toBeGreaterThan(40)
  })

  it('a CRLF copy gives the same findings at the same lines and columns, offsets into its own text', async () => {
    const path = join(dir, 'crlf.txt')
    const crlf = original.replace(/\n/g, '\r\n')
    writeFileSync(path, crlf)
    const expected = await findingsOf(seed)
    const actual = await findingsOf(path)
    expect(actual.findings.map(key)).toEqual(expected.findings.map(key))
    for (const f of actual.findings) expect(crlf.slice(f.offset, f.offset + f.length)).toBe(f.text)
  })

  it('round-trips each encoding byte for byte', async () => {
    for (const name of ['gb18030.txt', 'utf16le.txt', 'utf8bom.txt', 'crlf.txt']) {
      const bytes = readFileSync(join(dir, name))
      const decoded = decodeBytes(bytes, name)
      expect(encodeText(decoded).equals(bytes)).toBe(true)
    }
  })

  it('refuses binary data and undecodable bytes with a clear error', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'x.png')).toThrow(/binary file/)
    expect(() => decodeBytes(Buffer.from([0xff, 0xff, 0xff, 0x81, 0x30, 0xff]), 'x.txt')).toThrow(/cannot decode/)
  })

  it('decodes UTF-8 exactly as the WHATWG decoder does: ASCII, Chinese, astral characters, line ends', () => {
    const samples = ['plain ASCII x86 *.txt\r\n', '2023年，***市统计局\n集中学习**次', '𠀋𪚥 emoji 😀 and 中文\r', 'é ü latin-1 range', '']
    for (const sample of samples) {
      const bytes = Buffer.from(sample, 'utf8')
      expect(decodeBytes(bytes, 'x.txt')).toEqual({ text: sample, encoding: 'utf-8', hasBom: false })
      expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'x.txt')).toEqual({ text: sample, encoding: 'utf-8', hasBom: true })
    }
    // A lone surrogate encoded as UTF-8 (CESU) is not UTF-8: it goes to the legacy detector.
    expect(decodeBytes(Buffer.from([0xed, 0xa0, 0x80]), 'x.txt').encoding).not.toBe('utf-8')
  })

  it('detects the encoding of a large file from a sample of its text, and still decodes all of it', () => {
    // An ASCII preamble longer than the sample, then Chinese text: the sample starts where the text does.
    const preamble = 'header,value\n'.repeat(8000)
    const body = (original + '\n').repeat(Math.ceil(400_000 / original.length))
    for (const encoding of ['gb18030', 'big5']) {
      const text = preamble + (encoding === 'big5' ? '本院認為，被告應當償還借款。\n'.repeat(20_000) : body)
      const bytes = iconv.encode(text, encoding)
      const sample = detectionSample(bytes)
      expect(sample.length).toBeLessThanOrEqual(64 * 1024)
      expect(sample[0]).toBeGreaterThanOrEqual(0x80)
      const decoded = decodeBytes(bytes, `large.${encoding}.txt`)
      expect(decoded.encoding).toBe(encoding)
      expect(decoded.text).toBe(text)
    }
    const small = iconv.encode(original, 'gb18030')
    expect(detectionSample(small)).toBe(small)
  })

  it('reads an empty file as empty text', async () => {
    const path = join(dir, 'empty.txt')
    writeFileSync(path, '')
    const doc = await readDocument(path)
    expect(doc.text).toBe('')
    expect(doc.encoding).toBe('utf-8')
  })
})
