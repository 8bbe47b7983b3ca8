// The blanks of a draft (count blanks and placeholder masks) and the plan to fill them with values.
import { traitsOf } from './categories.js'
import { slotsOf, type BlankSlot } from './blank-slots.js'
import { placeValue, type PlacementProblem } from './blank-values.js'
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
  /** The matched text (`**次`, `2024年　月　日`). */
  readonly text: string
  readonly context: string
  /** Where the text starts, UTF-16 code units. */
  readonly offset: number
  /**
   * The parts of the text a value fills, the rest kept (`**次` keeps 次, `2024年　月　日` its
   * year, 月 and 日, `〔2024〕X号` its year and 号).
   */
  readonly slots: readonly BlankSlot[]
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

/** The blanks among `findings`, in document order; `placeOf` names each one's place, where the line does not. */
export function blanksOf(findings: readonly Finding[], placeOf?: (f: Finding) => string): Blank[] {
  return findings
    .filter((f) => traitsOf(f.category).blankValue !== undefined)
    .map((f, i) => {
      const slots = slotsOf(f.text, traitsOf(f.category).blankValue === 'count', f.ruleId === 'placeholder/template-note')
      return { id: String(i + 1), ruleId: f.ruleId, category: f.category, line: f.line, column: f.column, ...(placeOf && { place: placeOf(f) }), text: f.text, context: f.context, offset: f.offset, slots }
    })
}

/** The replacements to make (one per part of each blank filled), and a note for each row or blank left as it was. */
export interface FillPlan {
  readonly fixes: Fix[]
  /** The replacements of each blank filled: a blank is filled when all of them are made. */
  readonly filled: readonly (readonly Fix[])[]
  /** Rows and blanks left as they were (`--allow-partial`), one error each, to be printed as notes. */
  readonly notes: InputError[]
}

/**
 * Matches the sheet's rows to the document's blanks by id and checks that each still names
 * the same blank at the same place. Every problem of the sheet is found in one pass, so a
 * writer fixes them all at once: without `isPartial`, any mismatch, missing row or empty value
 * makes the whole plan fail with every one of them ({@link InputErrors}); with it, those rows
 * are left out with a note. A value that fits no part of its blank (not a number where a count
 * is, one number for a date's month and day), or an id given twice, always fails.
 */
export function planFill(blanks: readonly Blank[], rows: readonly SheetRow[], sheetPath: string, isPartial: boolean): FillPlan {
  const byId = new Map(blanks.map((b) => [b.id, b]))
  const seen = new Set<string>()
  const filled: Fix[][] = []
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
    else {
      const placed = placeValue(blank.text, blank.slots, value)
      if ('problem' in placed) fatal.push(problem(row, ...refusal(blank, value, placed.problem)))
      else filled.push(fixesOf(blank, placed.values))
    }
  }
  for (const b of blanks) if (!seen.has(b.id)) skipped.push(problem(undefined, localText('fill.no-row', { id: b.id, blank: b.text, at: `${b.line}:${b.column}` }), localText('fill.changed.hint')))
  const failures = isPartial ? fatal : [...fatal, ...skipped]
  if (failures.length > 0) throw new InputErrors(failures.sort(bySheetLine))
  return { fixes: filled.flat(), filled, notes: skipped }
}

/** The edits that put `values` in the blank's parts; a label's value goes after its last character, which it keeps. */
function fixesOf(blank: Blank, values: readonly string[]): Fix[] {
  return blank.slots.map((slot, i) => {
    const value = values[i]!
    if (slot.role !== 'after') return { offset: blank.offset + slot.start, length: slot.end - slot.start, replacement: value }
    return { offset: blank.offset + slot.start - 1, length: 1, replacement: blank.text.charAt(slot.start - 1) + value }
  })
}

/** What is wrong with a value its blank cannot take, and the hint of what it can. */
function refusal(blank: Blank, value: string, why: PlacementProblem): [LocalText, LocalText] {
  if (why === 'not-a-number') return [localText('fill.not-a-number', { value, blank: blank.text, at: whereIs(blank) }), localText('fill.not-a-number.hint')]
  return [localText('fill.not-placed', { value, blank: blank.text, at: whereIs(blank), parts: partsShown(blank) }), localText(`fill.not-placed.${why}.hint`)]
}

/** The blank with its parts to fill numbered (`2024年①月②日`), so a refusal says where values go. */
function partsShown(blank: Blank): string {
  let out = ''
  let at = 0
  blank.slots.forEach((slot, i) => {
    out += blank.text.slice(at, slot.start) + String.fromCodePoint(0x2460 + i)
    at = slot.end
  })
  return out + blank.text.slice(at)
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
