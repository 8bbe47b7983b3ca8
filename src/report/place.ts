// Where a finding is, as a reader of the source names it: `12:5` in a text file; in a .docx,
// the paragraph or the table cell (`表2 第3行第1列`), since Word shows no line numbers.
import type { Finding } from '../core/finding.js'
import { placeText } from '../core/place.js'
import { formatText } from '../i18n/catalogue.js'

/** The languages places are named in. */
export type PlaceLanguage = 'zh' | 'en'

/**
 * A finding's place: `line:column`, or in a .docx its paragraph (`第6段第12字` /
 * `paragraph 6, char 12`, counting the paragraphs outside tables and text boxes), table cell
 * (`表2 第3行第1列` / `table 2, row 3, cell 1`), text box (`文本框1 第3字`), note, header or
 * footer (`脚注2 第5字` / `footnote 2, char 5`, `页眉第3字` / `header, char 3`, `偶数页页眉第1字`),
 * or the text the file keeps beside its pages (`文件属性“标题”第1字`, `第6段图片的替代文字第1字`).
 */
export function placeOf(f: Finding, isDocx: boolean, lang: PlaceLanguage): string {
  if (!isDocx) return `${f.line}:${f.column}`
  const place = f.cell ? { cell: f.cell } : f.part ? { part: f.part } : f.textBox !== undefined ? { textBox: f.textBox } : { paragraph: f.paragraph ?? f.line }
  return formatText(lang, placeText(place, f.line, f.column))
}
