// Builds small .docx files in tests (a zip with the parts Word writes), so no binary is committed.
import { strToU8, zipSync } from 'fflate'

const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'

/** Escapes text for XML character data. */
export const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A paragraph whose text is split into the given runs, as Word splits text at every formatting or revision change. */
export function paragraph(...runs: string[]): string {
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${xmlText(r)}</w:t></w:r>`).join('')}</w:p>`
}

/** A table with one row whose cells hold one paragraph each. */
export function table(...cells: string[]): string {
  return `<w:tbl><w:tblPr/><w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${paragraph(c)}</w:tc>`).join('')}</w:tr></w:tbl>`
}

const namespaces = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

/**
 * The bytes of a .docx whose body is `bodyXml`, with other parts by file name under `word/`
 * (`header1.xml`, `footnotes.xml`), each given as its root element's content.
 */
export function makeDocx(bodyXml: string, parts: Readonly<Record<string, string>> = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${namespaces}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(contentTypes), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(document) }
  for (const [name, content] of Object.entries(parts)) {
    const root = name.startsWith('header') ? 'w:hdr' : name.startsWith('footer') ? 'w:ftr' : name.startsWith('footnotes') ? 'w:footnotes' : name.startsWith('comments') ? 'w:comments' : 'w:endnotes'
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${namespaces}>${content}</${root}>`)
  }
  return zipSync(files)
}

/** A footnote or endnote (`w:footnote`, `w:endnote`) with its id and paragraphs; `type` for Word's separators. */
export function note(element: 'w:footnote' | 'w:endnote', id: number, content: string, type?: string): string {
  return `<${element}${type ? ` w:type="${type}"` : ''} w:id="${id}">${content}</${element}>`
}

/**
 * A rule example written as Word XML, as the rules fed by the Word reader give theirs: the
 * body's content (`<w:p>…`), then optionally a comments part (`<w:comments>…</w:comments>`).
 * Undefined for an example of plain text.
 */
export function docxOfExample(example: string): Uint8Array | undefined {
  if (!example.startsWith('<w:')) return undefined
  const comments = /<w:comments>([\s\S]*)<\/w:comments>\s*$/.exec(example)
  return comments ? makeDocx(example.slice(0, comments.index), { 'comments.xml': comments[1]! }) : makeDocx(example)
}
