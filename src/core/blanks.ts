// The blanks of a draft (count blanks and placeholder masks) and the plan to fill them with values.
import { traitsOf } from './categories.js'
import { InputError } from './errors.js'
import type { Finding, Fix } from './finding.js'

/** A blank to fill: a finding of a blank category, numbered from 1 in document order. */
export interface Blank {
  readonly id: string
  readonly ruleId: string
  readonly category: string
  readonly line: number
  readonly column: number
  /** The matched text (`**次`); for counts the value replaces the mask only, keeping the unit. */
  readonly text: string
  readonly context: string
  /** The span a value replaces, UTF-16 code units. */
  readonly offset: number
  readonly length: number
}

/** One row of a filled-in sheet; `lineNumber` is the row's line in the sheet file. */
export interface SheetRow {
  readonly lineNumber: number
  readonly id: string
  readonly rule: string
  readonly line: string
  readonly column: string
  readonly blank: string
  readonly context: string
  readonly value: string
}

/** Counts: Arabic digits (half or full width, with `,` or `.`), or Chinese numerals (`三`, `二十`). */
const countValueRe = /^(?:[0-9\uFF10-\uFF19]+(?:[.,\uFF0C\uFF0E][0-9\uFF10-\uFF19]+)*|[零〇一二两三四五六七八九十百千万亿]+)$/

/** The blanks among `findings`, in document order. */
export function blanksOf(findings: readonly Finding[]): Blank[] {
  return findings
    .filter((f) => traitsOf(f.category).blankValue !== undefined)
    .map((f, i) => {
      const mask = typeof f.data?.mask === 'string' && f.text.startsWith(f.data.mask) ? f.data.mask : f.text
      return { id: String(i + 1), ruleId: f.ruleId, category: f.category, line: f.line, column: f.column, text: f.text, context: f.context, offset: f.offset, length: mask.length }
    })
}

/** True when `value` can stand for a count. */
export function isCountValue(value: string): boolean {
  return countValueRe.test(value)
}

/** The replacements to make, and a note for each row or blank left as it was. */
export interface FillPlan {
  readonly fixes: Fix[]
  readonly notes: string[]
}

/**
 * Matches the sheet's rows to the document's blanks by id and checks that each still names
 * the same blank at the same place. Without `isPartial`, any mismatch, missing row or empty
 * value is an InputError naming the sheet row; with it, those rows are left out with a note.
 * A count whose value is not a number is always an error.
 */
export function planFill(blanks: readonly Blank[], rows: readonly SheetRow[], sheetPath: string, isPartial: boolean): FillPlan {
  const byId = new Map(blanks.map((b) => [b.id, b]))
  const seen = new Set<string>()
  const fixes: Fix[] = []
  const notes: string[] = []
  const refuse = (row: SheetRow | undefined, message: string, hint: string) => {
    if (!isPartial) throw new InputError(message, { path: sheetPath, ...(row && { line: row.lineNumber }) }, hint)
    notes.push(`${sheetPath}${row ? `:${row.lineNumber}` : ''}: ${message}; left as it is`)
  }
  for (const row of rows) {
    const blank = byId.get(row.id.trim())
    const problem = blank ? mismatch(blank, row) : `id "${row.id}" is not a blank of the document`
    if (seen.has(row.id.trim())) throw new InputError(`id "${row.id}" appears twice`, { path: sheetPath, line: row.lineNumber })
    seen.add(row.id.trim())
    if (problem !== undefined || !blank) {
      refuse(row, `${problem}: the text changed since the sheet was made`, 'run `mask-audit blanks` again, or pass --allow-partial')
      continue
    }
    const value = row.value.trim()
    if (value === '') refuse(row, `no value for ${blank.text} at ${blank.line}:${blank.column}`, 'fill it in, or pass --allow-partial to leave it')
    else if (traitsOf(blank.category).blankValue === 'count' && !isCountValue(value)) throw new InputError(`"${value}" is not a number, but ${blank.text} at ${blank.line}:${blank.column} is a count`, { path: sheetPath, line: row.lineNumber }, 'write digits (12) or Chinese numerals (十二)')
    else fixes.push({ offset: blank.offset, length: blank.length, replacement: value })
  }
  for (const b of blanks) if (!seen.has(b.id)) refuse(undefined, `no row for blank ${b.id} (${b.text} at ${b.line}:${b.column})`, 'run `mask-audit blanks` again, or pass --allow-partial')
  return { fixes, notes }
}

function mismatch(blank: Blank, row: SheetRow): string | undefined {
  if (row.rule.trim() !== blank.ruleId) return `row ${row.id} is rule ${row.rule}, the document has ${blank.ruleId} there`
  if (row.line.trim() !== String(blank.line) || row.column.trim() !== String(blank.column)) return `row ${row.id} is at ${row.line}:${row.column}, the blank is at ${blank.line}:${blank.column}`
  if (row.blank !== blank.text || row.context !== blank.context) return `row ${row.id} reads "${row.blank}" in "${row.context}", the document "${blank.text}" in "${blank.context}"`
  return undefined
}
