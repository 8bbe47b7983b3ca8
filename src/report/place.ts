// Where a finding is, as a reader of the source names it: `12:5` in a text file; in a .docx,
// the paragraph or the table cell (`表2 第3行第1列`), since Word shows no line numbers.
import type { TableCell } from '../core/document.js'
import type { Finding } from '../core/finding.js'
import { formatMessage } from '../i18n/catalogue.js'

/** The languages places are named in. */
export type PlaceLanguage = 'zh' | 'en'

/**
 * A finding's place: `line:column`, or in a .docx its paragraph (`第6段第12字` /
 * `paragraph 6, char 12`, counting the paragraphs outside tables and text boxes), table cell
 * (`表2 第3行第1列` / `table 2, row 3, cell 1`), text box (`文本框1 第3字`), note, header or
 * footer (`脚注2 第5字` / `footnote 2, char 5`, `页眉第3字` / `header, char 3`, `偶数页页眉第1字`).
 */
export function placeOf(f: Finding, isDocx: boolean, lang: PlaceLanguage): string {
  if (!isDocx) return `${f.line}:${f.column}`
  const cell = f.cell
  if (cell) return cellPlace(cell, lang)
  const part = f.part
  if (part) return formatMessage(lang, `place.${part.kind}${part.type ? `.${part.type}` : ''}`, { number: part.number, column: f.column })
  if (f.textBox !== undefined) return formatMessage(lang, 'place.textbox', { number: f.textBox, column: f.column })
  return formatMessage(lang, 'place.paragraph', { line: f.paragraph ?? f.line, column: f.column })
}

/** A table cell's place; a nested table's cell follows the cell it is in (`表2 第4行第2列 内表 第2行第2列`). */
function cellPlace(cell: TableCell, lang: PlaceLanguage): string {
  const places = [formatMessage(lang, 'place.cell', { table: cell.table, row: cell.row, column: cell.column })]
  for (let inner = cell.inner; inner; inner = inner.inner) {
    places.push(formatMessage(lang, inner.table === 1 ? 'place.cell.inner' : 'place.cell.inner-nth', { table: inner.table, row: inner.row, column: inner.column }))
  }
  return places.join(lang === 'zh' ? ' ' : ', ')
}
