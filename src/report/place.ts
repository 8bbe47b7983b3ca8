// Where a finding is, as a reader of the source names it: `12:5` in a text file; in a .docx,
// the paragraph or the table cell (`表2 第3行第1列`), since Word shows no line numbers.
import type { Finding } from '../core/finding.js'

/** The languages places are named in. */
export type PlaceLanguage = 'zh' | 'en'

/**
 * A finding's place: `line:column`, or in a .docx its paragraph (`第6段第12字` /
 * `paragraph 6, char 12`) or table cell (`表2 第3行第1列` / `table 2, row 3, cell 1`).
 */
export function placeOf(f: Finding, isDocx: boolean, lang: PlaceLanguage): string {
  if (!isDocx) return `${f.line}:${f.column}`
  const cell = f.cell
  if (cell) return lang === 'zh' ? `表${cell.table} 第${cell.row}行第${cell.column}列` : `table ${cell.table}, row ${cell.row}, cell ${cell.column}`
  return lang === 'zh' ? `第${f.line}段第${f.column}字` : `paragraph ${f.line}, char ${f.column}`
}
