// Where a finding is, as a reader of the source names it: `12:5` in a text file; in a .docx,
// the paragraph or the table cell (`表2 第3行第1列`), since Word shows no line numbers.
import type { Finding } from '../core/finding.js'
import { formatMessage } from '../i18n/catalogue.js'

/** The languages places are named in. */
export type PlaceLanguage = 'zh' | 'en'

/**
 * A finding's place: `line:column`, or in a .docx its paragraph (`第6段第12字` /
 * `paragraph 6, char 12`, counting the paragraphs outside tables), table cell (`表2 第3行第1列` / `table 2, row 3, cell 1`), note, header
 * or footer (`脚注2 第5字` / `footnote 2, char 5`, `页眉第3字` / `header, char 3`).
 */
export function placeOf(f: Finding, isDocx: boolean, lang: PlaceLanguage): string {
  if (!isDocx) return `${f.line}:${f.column}`
  const cell = f.cell
  if (cell) return formatMessage(lang, 'place.cell', { table: cell.table, row: cell.row, column: cell.column })
  const part = f.part
  if (part) return formatMessage(lang, `place.${part.kind}`, { number: part.number, column: f.column })
  return formatMessage(lang, 'place.paragraph', { line: f.paragraph ?? f.line, column: f.column })
}
