// `--input jsonl` against hostile input: a line past the limit is one error and the stream goes on.
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { auditJsonlLines, splitLines } from '../src/run/jsonl-input.js'
import type { FileResult } from '../src/report/types.js'
import { builtinRules } from './helpers.js'
import { activateRules } from '../src/rules/loader.js'

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

describe('splitLines', () => {
  it('splits at LF, drops the CR before it, keeps characters cut between chunks whole', async () => {
    const bytes = Buffer.from('第一行\r\n第二行\n\n末行')
    // Chunks of 2 bytes cut every Chinese character (3 bytes) in two.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 2) }, (_, i) => bytes.subarray(i * 2, i * 2 + 2))
    expect(await collect(splitLines(Readable.from(chunks), 1000))).toEqual(['第一行', '第二行', '', '末行'])
  })

  it('drops a byte order mark that opens the stream, and only there', async () => {
    const bytes = Buffer.from('\ufeff{"a":1}\n\ufeff{"b":2}\n')
    expect(await collect(splitLines(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]), 1000))).toEqual(['{"a":1}', '\ufeff{"b":2}'])
  })

  it('a line past the limit comes out as its size only, and the next lines still come', async () => {
    const long = 'x'.repeat(5000)
    const chunks = [Buffer.from('{"a":1}\n' + long.slice(0, 100)), Buffer.from(long.slice(100) + '\n{"b":2}\n'), Buffer.from(long + long)]
    expect(await collect(splitLines(Readable.from(chunks), 1000))).toEqual(['{"a":1}', { bytes: 5000 }, '{"b":2}', { bytes: 10000 }])
  })
})

describe('auditJsonlLines', () => {
  it('a too-long line is an error result naming it; the lines before and after are audited', async () => {
    const rules = activateRules(builtinRules, 'draft')
    const lines = [
      JSON.stringify({ id: 1, text: '全年学习x次。' }),
      JSON.stringify({ id: 2, text: '很长的一行'.repeat(400) }),
      JSON.stringify({ id: 3, text: '开展活动**次。' }),
    ]
    const results: FileResult[] = await collect(auditJsonlLines(Readable.from([Buffer.from(lines.join('\n') + '\n')]), rules, [], { textField: 'text', idField: 'id', maxLineBytes: 1024 }))
    expect(results.map((r) => r.id ?? r.path)).toEqual([1, '<stdin>:2', 3])
    expect(results[1]!.error).toBe(`line too long: ${Buffer.byteLength(lines[1]!)} bytes, more than the limit of 1024; skipped`)
    expect(results[0]!.findings.map((f) => f.ruleId)).toEqual(['count/unfilled'])
    expect(results[2]!.findings.map((f) => f.ruleId)).toEqual(['count/unfilled'])
  })
})
