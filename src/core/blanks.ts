// The blanks of a draft (count blanks and placeholder masks) and the plan to fill them with values.
import { traitsOf } from './categories.js'
import { localText, type LocalText } from '../i18n/catalogue.js'
import { InputError, InputErrors } from './errors.js'
import type { Finding, Fix } from './finding.js'

/** A blank to fill: a finding of a blank category, numbered from 1 in document order. */
export interface Blank {
  readonly id: string
  readonly ruleId: string
  readonly category: string
  readonly line: number
  readonly column: number
  /** Where a reader finds it when the line is not that (in a .docx: `第6段第12字`, `表1 第4行第4列`, `脚注1 第20字`). */
  readonly place?: string
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

/** The blanks among `findings`, in document order; `placeOf` names each one's place, where the line does not. */
export function blanksOf(findings: readonly Finding[], placeOf?: (f: Finding) => string): Blank[] {
  return findings
    .filter((f) => traitsOf(f.category).blankValue !== undefined)
    .map((f, i) => {
      // An ordinal's 第 stays (`第X季度`): the value replaces the mask after it.
      const lead = typeof f.data?.mask === 'string' && f.text.startsWith(`第${f.data.mask}`) ? 1 : 0
      const mask = typeof f.data?.mask === 'string' && f.text.startsWith(f.data.mask, lead) ? f.data.mask : f.text
      return { id: String(i + 1), ruleId: f.ruleId, category: f.category, line: f.line, column: f.column, ...(placeOf && { place: placeOf(f) }), text: f.text, context: f.context, offset: f.offset + lead, length: mask.length }
    })
}

/** True when `value` can stand for a count. */
export function isCountValue(value: string): boolean {
  return countValueRe.test(value)
}

/** The replacements to make, and a note for each row or blank left as it was. */
export interface FillPlan {
  readonly fixes: Fix[]
  /** Rows and blanks left as they were (`--allow-partial`), one error each, to be printed as notes. */
  readonly notes: InputError[]
}

/**
 * Matches the sheet's rows to the document's blanks by id and checks that each still names
 * the same blank at the same place. Every problem of the sheet is found in one pass, so a
 * writer fixes them all at once: without `isPartial`, any mismatch, missing row or empty value
 * makes the whole plan fail with every one of them ({@link InputErrors}); with it, those rows
 * are left out with a note. A count whose value is not a number, or an id given twice, always
 * fails.
 */
export function planFill(blanks: readonly Blank[], rows: readonly SheetRow[], sheetPath: string, isPartial: boolean): FillPlan {
  const byId = new Map(blanks.map((b) => [b.id, b]))
  const seen = new Set<string>()
  const fixes: Fix[] = []
  const skipped: InputError[] = []
  const fatal: InputError[] = []
  const problem = (row: SheetRow | undefined, message: LocalText, hint?: LocalText) => new InputError(message, { path: sheetPath, ...(row && { line: row.lineNumber }) }, hint)
  for (const row of rows) {
    const id = row.id.trim()
    if (seen.has(id)) {
      fatal.push(problem(row, localText('fill.id-twice', { id: row.id })))
      continue
    }
    seen.add(id)
    const blank = byId.get(id)
    const changed = blank ? mismatch(blank, row) : localText('fill.not-a-blank', { id: row.id })
    if (changed !== undefined || !blank) {
      skipped.push(problem(row, localText('fill.changed', { problem: changed! }), localText('fill.changed.hint')))
      continue
    }
    const value = row.value.trim()
    if (value === '') skipped.push(problem(row, localText('fill.no-value', { blank: blank.text, at: whereIs(blank) }), localText('fill.no-value.hint')))
    else if (traitsOf(blank.category).blankValue === 'count' && !isCountValue(value)) fatal.push(problem(row, localText('fill.not-a-number', { value, blank: blank.text, at: whereIs(blank) }), localText('fill.not-a-number.hint')))
    else fixes.push({ offset: blank.offset, length: blank.length, replacement: value })
  }
  for (const b of blanks) if (!seen.has(b.id)) skipped.push(problem(undefined, localText('fill.no-row', { id: b.id, blank: b.text, at: `${b.line}:${b.column}` }), localText('fill.changed.hint')))
  const failures = isPartial ? fatal : [...fatal, ...skipped]
  if (failures.length > 0) throw new InputErrors(failures.sort(bySheetLine))
  return { fixes, notes: skipped }
}

/** Rows in sheet order; problems with no row (a blank the sheet lacks) last. */
function bySheetLine(a: InputError, b: InputError): number {
  return (a.location.line ?? Infinity) - (b.location.line ?? Infinity)
}

function mismatch(blank: Blank, row: SheetRow): LocalText | undefined {
  if (row.rule.trim() !== blank.ruleId) return localText('fill.other-rule', { row: row.id, rule: row.rule, documentRule: blank.ruleId })
  if (row.line.trim() !== String(blank.line) || row.column.trim() !== String(blank.column)) return localText('fill.moved', { row: row.id, at: `${row.line}:${row.column}`, blankAt: `${blank.line}:${blank.column}` })
  if (row.blank !== blank.text || row.context !== blank.context) return localText('fill.other-text', { row: row.id, blank: row.blank, context: row.context, documentBlank: blank.text, documentContext: blank.context })
  return undefined
}

/** Where a note sends the writer: the blank's place in a Word file (`第2段第6字`), else line:column. */
function whereIs(blank: Blank): string {
  return blank.place ?? `${blank.line}:${blank.column}`
}
