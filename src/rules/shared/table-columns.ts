// Reads the column a table's cell stands in (a Markdown row, a row of tab-separated text, a
// Word table's cell) to tell whether it holds figures: a mask alone in such a cell stands for
// a figure left blank, not a name (`| 预算单价（万元） |` … `| *** |`).
import type { Document } from '../../core/document.js'

/**
 * A figure as a table's cell holds it: a count, an amount or a rate (`1,062`, `-3.2`, `61.1%`,
 * `**17**` in bold, `12.5*` with a note's star, `0.152***` with significance stars), maybe with its unit (`350户`, `12.5万元`). Nine digits at most before the
 * point: longer ones are identifiers (a phone, an ID number), whose column's masks are no count.
 */
const figureRe = /^(?:\*\*)?[-+－＋−]?[0-9０-９]{1,3}(?:[,，]?[0-9０-９]{3}){0,2}(?:[.．][0-9０-９]+)?(?:[%％‰]|[\u4e00-\u9fff]{1,2})?(?:\*\*|[*＊]{1,3})?$/
/** Cells that say no figure is given: empty, a dash, a slash, a mask. They neither make a column one of figures nor text. */
const neutralRe = /^(?:|[-－—–/／…]+|[*＊xX×ｘＸ○〇□△_＿]+(?:[.．][*＊xX×ｘＸ]+)?)$/

/**
 * True when the cell holding [start, end) stands in a column of figures: below the header, the
 * column's other rows hold figures, more than twice as many as cells of text (a column of
 * counts may say once `28个样本小区`). Rows of text only (a header repeated in the middle of
 * tab-separated text) are read as headers.
 */
export function isInFigureColumn(doc: Document, start: number, end: number): boolean {
  const line = doc.lineAt(start)
  const values = doc.format === 'docx' ? wordColumn(doc, line) : textColumn(doc, line, start, end)
  if (values === undefined) return false
  let figures = 0
  let words = 0
  for (const value of values) {
    const cell = value.trim()
    if (figureRe.test(cell)) figures++
    else if (!neutralRe.test(cell)) words++
  }
  return figures > 2 * words
}

/** The other cells of the column of a Word table's cell at `line`, below the first row. */
function wordColumn(doc: Document, line: number): string[] | undefined {
  const cell = doc.cells[line - 1]
  if (cell === undefined || cell.inner !== undefined || cell.row === 1) return undefined
  const values: string[] = []
  const take = (i: number) => {
    const other = doc.cells[i]
    if (other === undefined || other.table !== cell.table) return false
    if (other.inner === undefined && other.column === cell.column && other.row > 1 && other.row !== cell.row) values.push(doc.lineText(i + 1))
    return true
  }
  for (let i = line - 2; i >= 0 && take(i); i--);
  for (let i = line; i < doc.cells.length && take(i); i++);
  return values
}

/** A Markdown table's rule under its header: `|---|:---:|`. */
const ruleRowRe = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/

/**
 * The first line of a Markdown table's body in the lines [first, last] of pipes: the line
 * after its rule, which has a header above it with as many cells; past `last` when none.
 */
function markdownBodyStart(doc: Document, first: number, last: number): number {
  for (let i = first + 1; i <= last; i++) {
    const rule = doc.lineText(i)
    if (ruleRowRe.test(rule) && doc.lineText(i - 1).split('|').length === rule.split('|').length) return i + 1
  }
  return last + 1
}

/** A table laid out in text: where its body starts, and its rows that hold a figure, by line. */
interface TextTable {
  /** The first line of its body, below its header (and a Markdown table's rule). */
  readonly bodyStart: number
  readonly rows: ReadonlyMap<number, readonly string[]>
}

/**
 * The other cells of the column of the cell at [start, end) in a row of a Markdown table
 * (`| a | b |`) or of tab-separated text: the rows of its table with as many cells that hold
 * a figure (a header holds none, nor a Markdown table's rule).
 */
function textColumn(doc: Document, line: number, start: number, end: number): string[] | undefined {
  const row = doc.lineText(line)
  const rowStart = doc.lineStarts[line - 1]!
  const separator = row.slice(0, start - rowStart).includes('|') && row.slice(end - rowStart).includes('|') ? '|' : row.includes('\t') ? '\t' : undefined
  if (separator === undefined) return undefined
  const table = textTableAt(doc, line, separator)
  if (line < table.bodyStart) return undefined
  const width = row.split(separator).length
  const column = row.slice(0, start - rowStart).split(separator).length - 1
  const values: string[] = []
  for (const [other, cells] of table.rows) if (other !== line && cells.length === width) values.push(cells[column]!)
  return values
}

/**
 * The table of text around `line`: the lines next to it that hold `separator`. Read once per
 * table and kept for each of its lines, as a table may hold many masks.
 */
function textTableAt(doc: Document, line: number, separator: string): TextTable {
  const tables = doc.derive('textTables', () => new Map<string, TextTable>())
  const key = `${separator}${line}`
  const known = tables.get(key)
  if (known) return known
  let first = line
  while (first > 1 && doc.lineText(first - 1).includes(separator)) first--
  let last = line
  while (last < doc.lineStarts.length && doc.lineText(last + 1).includes(separator)) last++
  const rows = new Map<number, readonly string[]>()
  // A Markdown table's body is below its rule, which is under a header as wide: rows of pipes
  // without them may be lines of different tables side by side.
  const bodyStart = separator === '|' ? markdownBodyStart(doc, first, last) : first
  for (let i = bodyStart; i <= last; i++) {
    const cells = doc.lineText(i).split(separator)
    if (cells.some((c) => figureRe.test(c.trim()))) rows.set(i, cells)
  }
  const table = { bodyStart, rows }
  for (let i = first; i <= last; i++) tables.set(`${separator}${i}`, table)
  return table
}

/**
 * What separates the cells of a row written as text without bars: tabs, ideographic spaces, or
 * two spaces and more (`3　　广州市汇通建材有限公司　91440106MA59XXXXXX　…`).
 */
const textCellGapRe = /[\t\u3000][\t \u3000]*| {2,}/
/** The most rows of a table read up from a cell to its header. */
const headerReach = 60
/** Longer lines are prose, not a table's row. */
const maxRowLength = 400

/**
 * The header of the column the cell holding `at` stands in: a Word table's first row, a Markdown
 * table's row above its rule, or, for rows written as text (cells apart by tabs or wide spaces,
 * three or more), the first of the lines right above with as many cells. Undefined outside a
 * table, and for a cell of the header itself.
 */
export function columnHeaderAt(doc: Document, at: number): string | undefined {
  const line = doc.lineAt(at)
  if (doc.format === 'docx') {
    const cell = doc.cells[line - 1]
    if (cell === undefined || cell.inner !== undefined || cell.row === 1) return undefined
    for (let i = line - 2; i >= 0; i--) {
      const other = doc.cells[i]
      if (other === undefined || other.table !== cell.table) return undefined
      if (other.inner === undefined && other.row === 1 && other.column === cell.column) return doc.lineText(i + 1)
    }
    return undefined
  }
  const row = doc.lineText(line)
  if (row.length > maxRowLength) return undefined
  const before = row.slice(0, at - doc.lineStarts[line - 1]!)
  if (barRowRe.test(row)) return markdownHeader(doc, line, before.split('|').length - 1)
  const cells = textCells(row)
  if (cells.length < 3) return undefined
  const column = textCells(`${before}\u0000`).length - 1
  let header = line
  for (let i = line - 1; i >= 1 && line - i <= headerReach && textCells(doc.lineText(i)).length === cells.length; i--) header = i
  return header === line ? undefined : textCells(doc.lineText(header))[column]
}

/** A row written with bars: two of them. */
const barRowRe = /\|[^|]*\|/

/** The cells of a row written as text, apart by {@link textCellGapRe}; a line's indent is none. */
function textCells(row: string): string[] {
  const trimmed = row.trim()
  return trimmed === '' ? [] : trimmed.split(textCellGapRe)
}

/** The header's cell `column` (counted in bars before it) of the Markdown table whose body holds `line`. */
function markdownHeader(doc: Document, line: number, column: number): string | undefined {
  for (let i = line - 1; i >= 2 && line - i <= headerReach && barRowRe.test(doc.lineText(i)); i--) {
    if (ruleRowRe.test(doc.lineText(i))) return doc.lineText(i - 1).split('|')[column]?.trim()
  }
  return undefined
}
