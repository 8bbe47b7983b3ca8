// The fill-in sheet of `blanks` and `fill`: CSV in UTF-8 with a BOM, so spreadsheets show Chinese.
import { localText, type Lang } from '../i18n/catalogue.js'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { Blank, SheetRow } from '../core/blanks.js'
import { InputError } from '../core/errors.js'
import { decodeBytes } from './decode.js'

/** The sheet's columns, in order; each must be there when it is read back. */
export const sheetColumns = ['id', 'rule', 'line', 'column', 'blank', 'context', 'value'] as const
/**
 * The place column, after `rule`, in a .docx's sheet only: there `line` counts every
 * paragraph of the text read (cells, text boxes, notes), and the place says it as Word's reader
 * finds it (`第6段第12字`, `表1 第4行第4列`). Read back or not, it is not checked.
 */
const placeColumn = 'place'
type SheetColumn = (typeof sheetColumns)[number] | typeof placeColumn

/** The header of each column in each language; a sheet is read back under either. */
const headers: Readonly<Record<Lang, Readonly<Record<SheetColumn, string>>>> = {
  en: { id: 'id', rule: 'rule', place: 'place', line: 'line', column: 'column', blank: 'blank', context: 'context', value: 'value' },
  zh: { id: '编号', rule: '规则', place: '位置', line: '行', column: '列', blank: '空白', context: '上下文', value: '填写值' },
}

/** Cells a spreadsheet would run as a formula start with one of these (CSV injection). */
const formulaStartRe = /^[=+\-@\t\r]/
/** A cell protected on writing: the quote that was put before a formula character. */
const protectedRe = /^'(?=[=+\-@\t\r])/

/** The sheet's text: a header in `lang`, one row per blank, an empty `value` column; a place column when `hasPlace` (a .docx). */
export function renderSheet(blanks: readonly Blank[], lang: Lang, hasPlace = false): string {
  const columns: readonly SheetColumn[] = hasPlace ? ['id', 'rule', placeColumn, 'line', 'column', 'blank', 'context', 'value'] : sheetColumns
  const cell = (b: Blank, c: SheetColumn): string => {
    if (c === 'id') return b.id
    if (c === 'rule') return b.ruleId
    if (c === 'place') return protect(b.place ?? '')
    if (c === 'line' || c === 'column') return String(b[c])
    return c === 'value' ? '' : protect(c === 'blank' ? b.text : b.context)
  }
  const rows = blanks.map((b) => columns.map((c) => cell(b, c)))
  return stringify([columns.map((c) => headers[lang][c]), ...rows], { bom: true, record_delimiter: 'windows' })
}

/** The column a header names, in either language. */
function columnOf(header: string): SheetColumn | undefined {
  const name = header.trim()
  return ([...sheetColumns, placeColumn] as const).find((c) => headers.en[c] === name || headers.zh[c] === name)
}

/**
 * Reads a sheet back. It is decoded like any input (UTF-8 with or without BOM, UTF-16,
 * GB18030), since spreadsheet programs save CSV in the system's encoding.
 */
export function readSheet(path: string): SheetRow[] {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(code === 'ENOENT' ? localText('error.no-such-file.short') : localText('error.cannot-read', { reason: code ?? String(error) }), { path })
  }
  const { text } = decodeBytes(bytes, path)
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    // Headers in either language become the column names; an unknown header keeps its own.
    records = parse(text, { columns: (header: string[]) => header.map((h) => columnOf(h) ?? h), bom: true, skip_empty_lines: true, info: true, trim: false })
  } catch (error) {
    throw new InputError(localText('error.not-csv', { reason: (error as Error).message }), { path })
  }
  const header = records[0] ? Object.keys(records[0].record) : []
  const missing = sheetColumns.filter((c) => !header.includes(c))
  if (records.length > 0 && missing.length) throw new InputError(localText('error.sheet-columns', { columns: missing.map((c) => `"${headers.en[c]}"/"${headers.zh[c]}"`) }), { path, line: 1 }, localText('error.sheet-columns.hint'))
  return records.map(({ record, info }) => ({
    lineNumber: info.lines,
    id: record.id ?? '',
    rule: record.rule ?? '',
    line: record.line ?? '',
    column: record.column ?? '',
    blank: unprotect(record.blank ?? ''),
    context: unprotect(record.context ?? ''),
    value: record.value ?? '',
  }))
}

function protect(cell: string): string {
  return formulaStartRe.test(cell) ? `'${cell}` : cell
}

function unprotect(cell: string): string {
  return cell.replace(protectedRe, '')
}
