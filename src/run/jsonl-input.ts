// `--input jsonl`: documents as JSON lines on stdin (one object a line, with a text and an id
// field), so the binary runs under Hadoop Streaming, Spark's pipe() or `parallel --pipe`.
import { localText, textIn } from '../i18n/catalogue.js'
import type { Readable } from 'node:stream'
import { auditDocument } from '../core/audit.js'
import { Document } from '../core/document.js'
import { UsageError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import { maxFileBytes } from '../io/read-document.js'
import type { FileResult } from '../core/result.js'
import type { ActiveRule } from '../rules/types.js'

/** Which fields of each line hold the text and the id. */
export interface JsonlFields {
  readonly textField: string
  readonly idField: string
  /** Longest line read, in bytes (a file's limit by default); a longer one is skipped with an error. */
  readonly maxLineBytes?: number
}

/** Validates `--input`. */
export function parseInputFormat(raw: string): 'jsonl' {
  if (raw !== 'jsonl') throw new UsageError(`--input "${raw}": expected jsonl`, {}, 'files are read from the paths given; --input jsonl reads JSON lines from stdin')
  return raw
}

/**
 * Audits each line of `input` as a plain-text document and yields one result per non-blank
 * line, in order. A line that is not an object with a string text and a string or number id
 * becomes an error result named `<stdin>:LINE`; the stream goes on. Lines are read one at a
 * time, so input of any size streams through.
 */
export async function* auditJsonlLines(input: Readable, rules: readonly ActiveRule[], filters: readonly FindingFilter[], fields: JsonlFields): AsyncGenerator<FileResult> {
  let lineNumber = 0
  const limit = fields.maxLineBytes ?? maxFileBytes
  for await (const line of splitLines(input, limit)) {
    lineNumber++
    const where = `<stdin>:${lineNumber}`
    if (typeof line !== 'string') {
      const message = localText('error.jsonl-line-too-long', { bytes: line.bytes, limit })
      yield { path: where, error: textIn('en', message), errorText: { message }, findings: [] }
      continue
    }
    if (line.trim() === '') continue
    const parsed = parseLine(line, fields)
    if (typeof parsed === 'string') {
      yield { path: where, error: parsed, findings: [] }
      continue
    }
    const doc = new Document(parsed.text, { path: String(parsed.id), encoding: 'utf-8', format: 'text' })
    yield { ...auditDocument(doc, rules, filters), id: parsed.id }
  }
}

/**
 * The lines of `input` (split at LF, a CR before it dropped), decoded as UTF-8. A line longer
 * than `limit` bytes is never held: its bytes are counted and dropped, and it comes out as
 * `{ bytes }`, so one giant line costs no memory and the lines after it are still read.
 */
export async function* splitLines(input: AsyncIterable<Buffer | string>, limit: number): AsyncGenerator<string | { bytes: number }> {
  let pieces: Buffer[] = []
  let size = 0
  let isTooLong = false
  const take = (piece: Buffer) => {
    size += piece.length
    if (size > limit) isTooLong = true
    if (isTooLong) pieces = []
    else if (piece.length > 0) pieces.push(piece)
  }
  // A stream saved on Windows (PowerShell's Out-File, Excel) opens with a byte order mark: not part of the first record.
  let isFirst = true
  const finish = (): string | { bytes: number } => {
    let line: string | { bytes: number } = isTooLong ? { bytes: size } : Buffer.concat(pieces, size).toString('utf8').replace(/\r$/, '')
    if (isFirst && typeof line === 'string' && line.startsWith('\ufeff')) line = line.slice(1)
    isFirst = false
    pieces = []
    size = 0
    isTooLong = false
    return line
  }
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    let from = 0
    for (let nl = bytes.indexOf(0x0a); nl >= 0; nl = bytes.indexOf(0x0a, from)) {
      take(bytes.subarray(from, nl))
      from = nl + 1
      yield finish()
    }
    take(bytes.subarray(from))
  }
  if (size > 0 || isTooLong) yield finish()
}

/** The text and id of one line, or why it cannot be read. */
function parseLine(line: string, fields: JsonlFields): { text: string; id: string | number } | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return `invalid JSON (${error instanceof Error ? error.message : String(error)})`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const record = value as Record<string, unknown>
  const id = record[fields.idField]
  const text = record[fields.textField]
  if (typeof id !== 'string' && typeof id !== 'number') return `no "${fields.idField}" field (a string or a number)`
  if (typeof text !== 'string') return `no "${fields.textField}" field (a string) in the document with ${fields.idField} ${JSON.stringify(id)}`
  return { text, id }
}
