// `--input jsonl`: documents as JSON lines on stdin (one object a line, with a text and an id
// field), so the binary runs under Hadoop Streaming, Spark's pipe() or `parallel --pipe`.
import type { Readable } from 'node:stream'
import { auditDocument } from '../core/audit.js'
import { Document } from '../core/document.js'
import { UsageError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import type { FileResult } from '../core/result.js'
import type { ActiveRule } from '../rules/types.js'

/** Which fields of each line hold the text and the id. */
export interface JsonlFields {
  readonly textField: string
  readonly idField: string
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
  const { createInterface } = await import('node:readline')
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++
    if (line.trim() === '') continue
    const parsed = parseLine(line, fields)
    const where = `<stdin>:${lineNumber}`
    if (typeof parsed === 'string') {
      yield { path: where, error: parsed, findings: [] }
      continue
    }
    const doc = new Document(parsed.text, { path: String(parsed.id), encoding: 'utf-8', format: 'text' })
    yield { ...auditDocument(doc, rules, filters), id: parsed.id }
  }
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
