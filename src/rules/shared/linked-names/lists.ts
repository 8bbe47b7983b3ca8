// Names in clear among masked ones: an item of a `、` list of pseudonyms (王某某、张建华、李某), a
// cell of a table's column of masked persons (`4 王秀兰 …` below `1 马某某 …`).
import type { Document } from '../../../core/document.js'
import { surnameLength } from '../../../nlp/person-names.js'
import { isHan } from '../chars.js'
import type { Pseudonym } from '../pseudonyms.js'
import { clauseBreakRe } from './chars.js'

/**
 * Starts of the items of a `、` list that holds `p` (王某某、张建华、李某), up to ten on each side.
 * `covered`: 1 where a pseudonym stands.
 */
export function listNeighbours(text: string, p: Pseudonym, covered: Uint8Array): number[] {
  const starts: number[] = []
  // Items may share a tail (王某某家庭、李建设家庭; 张某某同志、…).
  const tail = itemTailRe.exec(text.slice(p.end, p.end + 3))![0].length
  for (let at = p.end + tail, n = 0; text.charAt(at) === '、' && n < 10; n++) {
    starts.push(at + 1)
    at = itemEnd(text, at + 1)
  }
  for (let at = p.start, n = 0; text.charAt(at - 1) === '、' && n < 10; n++) {
    const start = itemStart(text, at - 1, covered)
    starts.push(start)
    at = start
  }
  return starts
}

/** What separates the cells of a table row written as text: a tab, a bar, a run of spaces. */
const cellSeparatorRe = /[\t|｜]+[ \u3000]*|[ \u3000]+/g
/**
 * What separates the cells of a row written with bars (a Markdown table: `| 3 | 覃建国 | … |`):
 * the bars alone, with the spaces around them; a space inside a cell is its text (`GB 4287—2012`).
 */
const barSeparatorRe = /[ \t\u3000]*[|｜]+[ \t\u3000]*/g
/** Two bars make a row written with bars. */
const barRowRe = /[|｜][^|｜]*[|｜]/

/** A cell of a row: [start, end) of its text. */
interface Cell {
  readonly start: number
  readonly end: number
}

/** The cells of the line [start, end), as {@link barSeparatorRe} divides a row written with bars and {@link cellSeparatorRe} any other. */
function cellsOf(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = []
  let from = start
  const line = text.slice(start, end)
  const separatorRe = barRowRe.test(line) ? barSeparatorRe : cellSeparatorRe
  separatorRe.lastIndex = 0
  for (let m = separatorRe.exec(line); m; m = separatorRe.exec(line)) {
    if (start + m.index > from) cells.push({ start: from, end: start + m.index })
    from = start + m.index + m[0].length
  }
  if (end > from) cells.push({ start: from, end })
  return cells
}

/** Longer lines are prose, not a table's row: they are not divided into cells. */
const maxRowLength = 400

/** Where a cell stands: its table (a .docx table's number, or for rows written as text their number of cells), row and column. */
interface CellPlace {
  readonly table: string
  readonly row: number
  readonly column: number
}

/**
 * The cells of the tables of `doc`, line by line: a .docx table's cell is a paragraph the reader
 * marks with its place; a row written as text is a line of three cells or more (a 公示 list:
 * `1 马某某 640324********1234 4`), whose shape (number of cells) stands for its table.
 */
class TableLines {
  private readonly cells = new Map<number, Cell[]>()

  constructor(private readonly doc: Document) {}

  /** The cells of line `line` (1-based) that may stand in a table's column, each with its place. */
  cellsOf(line: number): { cell: Cell; place: CellPlace }[] {
    const { text, lineStarts, cells: places } = this.doc
    const start = lineStarts[line - 1]!
    let end = line < lineStarts.length ? lineStarts[line]! - 1 : text.length
    if (text.charAt(end - 1) === '\r') end--
    const place = places[line - 1]
    if (place) {
      const paragraph = text.slice(start, end)
      const from = start + paragraph.length - paragraph.trimStart().length
      // A nested table is a table of its own: its key names the cells it is nested in.
      let table = `d${place.table}`
      let cell = place
      for (; cell.inner; cell = cell.inner) table += `.${cell.row}.${cell.column}.${cell.inner.table}`
      return [{ cell: { start: from, end: from + paragraph.trim().length }, place: { table, row: cell.row, column: cell.column } }]
    }
    if (end - start > maxRowLength) return []
    let cells = this.cells.get(line)
    if (!cells) this.cells.set(line, (cells = cellsOf(text, start, end)))
    const count = cells.length
    return count < 3 ? [] : cells.map((cell, column) => ({ cell, place: { table: `t${count}`, row: line, column } }))
  }
}

/**
 * The cells of a table that stand in a column of pseudonyms, with a pseudonym of it: where two
 * rows or more of a table hold a masked person in one column, a name in clear in that column of
 * another row is one the masking missed (`4 王秀兰 …` below `1 马某某 …`). Only the lines of
 * masked persons are divided into cells, and the others only when a column was found.
 */
export function columnNeighbours(doc: Document, pseudonyms: readonly Pseudonym[]): [number, string][] {
  const persons = pseudonyms.filter((p) => p.kind === 'person')
  if (persons.length < 2) return []
  const lines = new TableLines(doc)
  /** Masked persons by table and column, with the rows they stand in. */
  const columns = new Map<string, { link: string; rows: Set<number> }>()
  for (const p of persons) {
    const hit = lines.cellsOf(doc.lineAt(p.start)).find(({ cell }) => cell.start === p.start && cell.end === p.end)
    if (!hit) continue
    const key = `${hit.place.table}:${hit.place.column}`
    const entry = columns.get(key) ?? { link: doc.text.slice(p.start, p.end), rows: new Set<number>() }
    entry.rows.add(hit.place.row)
    columns.set(key, entry)
  }
  const found: [number, string][] = []
  if (![...columns.values()].some((c) => c.rows.size >= 2)) return found
  for (let line = 1; line <= doc.lineStarts.length; line++) {
    for (const { cell, place } of lines.cellsOf(line)) {
      const column = columns.get(`${place.table}:${place.column}`)
      // A cell masked its own way (`吉克**`, a surname the list does not know) names no one in
      // clear; a column's label (`姓名`, `权利人`, `户主`) is none either.
      const value = doc.text.slice(cell.start, cell.end)
      if (column && column.rows.size >= 2 && !column.rows.has(place.row) && cell.end - cell.start >= 2 && cell.end - cell.start <= 4 && !maskInCellRe.test(value) && !columnLabelRe.test(value)) found.push([cell.start, column.link])
    }
  }
  return found
}

/** Symbols and 某 that mask a name, in a cell of a column of masked persons. */
const maskInCellRe = /[*＊×xXｘＸ○〇□△某]/
/** A column's label at its head: a role ending in 人, or a word of a table's header. */
const columnLabelRe = /(?:人|姓名|名称|户主|对象|成员|备注|关系)$/

/** The same tail, read backwards from a separator. */
const itemTailBeforeRe = /(?:家庭|同志|户|家|等)?$/
/** The item at `at` when it is a surname and one or two characters, then a tail, a separator or the clause's end. */
export function listItemName(text: string, at: number): { start: number; end: number } | undefined {
  const m = /^[\u4e00-\u9fff]{2,4}?(?=(?:家庭|同志|户|家|等)?(?:[、，。；：\s]|$))/.exec(text.slice(at, at + 8))
  if (!m || m[0].length > 3) return undefined
  return surnameLength(m[0]) > 0 && m[0].length > surnameLength(m[0]) ? { start: at, end: at + m[0].length } : undefined
}

/** A tail that every item of a list of people may carry. */
const itemTailRe = /^(?:家庭|同志|户|家|等)?/

function itemEnd(text: string, from: number): number {
  let i = from
  while (i < text.length && i - from < 6 && text.charAt(i) !== '、' && !clauseBreakRe.test(text.charAt(i))) i++
  return i
}

/**
 * A kinship word that opens the first item of a list read back from its separator, glued to
 * the name after it (`由被告父母高某某、冯某某`, `其岳父母郑某甲、孙某某`, `之子李强、`): the
 * persons it names follow it; 母 and 子 are surnames too, but not here.
 */
const kinshipHeadRe = /^[其之]?[岳祖外养继]?[父母子女兄弟姐妹夫妻媳婿亲]+/

/**
 * Where the item ending at the separator `sep` starts: back over Han characters, to a
 * separator, a clause's break or four characters; a pseudonym (`高某某` of `父母高某某、`) is
 * an item of its own, and a name in clear ends at it; a kinship word before the item is not
 * part of it.
 */
function itemStart(text: string, sep: number, covered: Uint8Array): number {
  let i = sep - itemTailBeforeRe.exec(text.slice(Math.max(0, sep - 2), sep))![0].length
  const end = i
  const isMasked = covered[end - 1]
  while (i > 0 && end - i < 4 && covered[i - 1] === isMasked && text.charAt(i - 1) !== '、' && !clauseBreakRe.test(text.charAt(i - 1)) && isHan(text.charCodeAt(i - 1))) i--
  const kin = isMasked === 1 ? undefined : kinshipHeadRe.exec(text.slice(i, end))
  return kin && end - i - kin[0].length >= 2 ? i + kin[0].length : i
}
