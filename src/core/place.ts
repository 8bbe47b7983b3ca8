// Where something is in a document, in words a reader of the source finds it by: a line of a
// text file (`第7行`); in a .docx, which has no lines, the paragraph, the table cell (`表2 第3行第1列`),
// the text box, the note as Word marks it (脚注1, 第2节脚注1, 尾注iii), header or footer, or the text the file keeps beside its pages (a
// document property, a picture's alt text, a link's address). Reports name a finding's place
// with its column (`第6段第12字`); messages name where else something stood (`第6段`).
import { localText, type LocalText } from '../i18n/catalogue.js'
import type { Document, DocxPart, DocxPlace, TableCell } from './document.js'

/** A place of a .docx with the column (`第6段第12字`, `paragraph 6, char 12`), as reports name a finding's place. */
export function placeText(place: DocxPlace, line: number, column: number): LocalText {
  if (place.cell) return cellText(place.cell)
  const part = place.part
  if (part) {
    if (part.kind === 'property') return localText('place.property', { field: fieldText(part), column })
    if (part.kind === 'picture' || part.kind === 'link') return localText(`place.${part.kind}`, { field: fieldText(part), at: part.at ? whereText(part.at, line) : '', column })
    if (part.kind === 'footnote' || part.kind === 'endnote') return localText(`place.${noteKey(part)}`, { ...noteArgs(part, line), column })
    return localText(`place.${part.kind}${part.type ? `.${part.type}` : ''}`, { number: part.number, column })
  }
  if (place.textBox !== undefined) return localText('place.textbox', { number: place.textBox, column })
  return localText('place.paragraph', { line: place.paragraph ?? line, column })
}

/**
 * A place of a .docx as a message names it, without a column (`第6段`, `表1 第2行第3列`; in English
 * with its preposition: `in paragraph 6`); `line` when it names nothing more.
 */
export function whereText(place: DocxPlace, line: number): LocalText {
  if (place.cell) return localText('where.cell', { cell: cellText(place.cell) })
  const part = place.part
  if (part) {
    if (part.kind === 'property') return localText('where.property', { field: fieldText(part) })
    if (part.kind === 'picture' || part.kind === 'link') return localText(`where.${part.kind}`, { field: fieldText(part), at: part.at ? whereText(part.at, line) : '' })
    if (part.kind === 'footnote' || part.kind === 'endnote') return localText(`where.${noteKey(part)}`, noteArgs(part, line))
    return localText(`where.${part.kind}${part.type ? `.${part.type}` : ''}`, { number: part.number })
  }
  if (place.textBox !== undefined) return localText('where.textbox', { number: place.textBox })
  return localText('where.paragraph', { line: place.paragraph ?? line })
}

/**
 * Where line `line` of `doc` is, as a message names another place than its finding's: the line
 * of a text file (`第7行`, `on line 7`), the place of a .docx (`第7段`, `in paragraph 7`), where a
 * Word user has no lines to count.
 */
export function lineWhere(doc: Document, line: number): LocalText {
  const place = doc.docxPlaceAt(line)
  return place ? whereText(place, line) : localText('where.line', { line })
}

/**
 * The message key of a note's name: by its custom mark (`脚注“*”`), by the place it is referred
 * to (`第5段的第1个脚注`), in its section (`第2节脚注1`), or by its number (`脚注1`, `尾注iii`).
 */
function noteKey(part: DocxPart): string {
  if (part.mark !== undefined) return `${part.kind}.mark`
  if (part.at) return `${part.kind}.at`
  return part.section === undefined ? part.kind : `${part.kind}.section`
}

function noteArgs(part: DocxPart, line: number): Record<string, string | number | LocalText> {
  return { number: part.label ?? part.number, section: part.section ?? '', mark: part.mark ?? '', at: part.at ? whereText(part.at, line) : '' }
}

/** A table cell; a nested table's cell follows the cell it is in (`表2 第4行第2列 内表 第2行第2列`). */
function cellText(cell: TableCell): LocalText {
  let text = localText('place.cell', { table: cell.table, row: cell.row, column: cell.column })
  for (let inner = cell.inner; inner; inner = inner.inner) {
    const innerText = localText(inner.table === 1 ? 'place.cell.inner' : 'place.cell.inner-nth', { table: inner.table, row: inner.row, column: inner.column })
    text = localText('place.cell.nested', { cell: text, inner: innerText })
  }
  return text
}

/** The field of a line of file text (`标题`); a custom property's own name (`联系电话`). */
function fieldText({ field, name }: DocxPart): LocalText | string {
  if (field === 'custom') return name ?? ''
  return field === undefined ? '' : localText(`place.field.${field}`)
}
