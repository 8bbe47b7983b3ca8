// Builds small .docx files in tests (a zip with the parts Word writes), so no binary is committed.
import { strToU8, zipSync } from 'fflate'

const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
/** The package's relationships: the main document, and the properties' parts when the package has them (as Word writes them). */
const relsOf = (hasCore: boolean, hasApp: boolean, hasCustom: boolean) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
  + (hasCore ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' : '')
  + (hasApp ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' : '')
  + (hasCustom ? '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>' : '')
  + '</Relationships>'
/** The properties' parts: their root elements, with the namespaces Word declares. */
const coreRoot = 'cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
const appRoot = 'Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'
const customRoot = 'Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'

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

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

/**
 * The bytes of a .docx whose body is `bodyXml` (and an empty last section's properties, unless
 * it ends with its own `w:sectPr`), with other parts by file name under `word/` (`header1.xml`,
 * `footnotes.xml`, `settings.xml`), each given as its root element's content; and the
 * properties' parts as `docProps/core.xml`, `docProps/app.xml` and `docProps/custom.xml`, named
 * by the package's relationships.
 */
export function makeDocx(bodyXml: string, parts: Readonly<Record<string, string>> = {}): Uint8Array {
  // The last section's properties, unless the body gives its own.
  const lastSection = /<w:sectPr\b(?:(?!<\/?w:p[ >])[\s\S])*$/.test(bodyXml) ? '' : '<w:sectPr/>'
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${namespaces}><w:body>${bodyXml}${lastSection}</w:body></w:document>`
  const { 'docProps/core.xml': core, 'docProps/app.xml': app, 'docProps/custom.xml': custom, ...wordParts } = parts
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(contentTypes), '_rels/.rels': strToU8(relsOf(core !== undefined, app !== undefined, custom !== undefined)), 'word/document.xml': strToU8(document) }
  if (core !== undefined) files['docProps/core.xml'] = strToU8(`${xmlDeclaration}<${coreRoot}>${core}</cp:coreProperties>`)
  if (app !== undefined) files['docProps/app.xml'] = strToU8(`${xmlDeclaration}<${appRoot}>${app}</Properties>`)
  if (custom !== undefined) files['docProps/custom.xml'] = strToU8(`${xmlDeclaration}<${customRoot}>${custom}</Properties>`)
  for (const [name, content] of Object.entries(wordParts)) {
    const root = name.startsWith('header') ? 'w:hdr' : name.startsWith('footer') ? 'w:ftr' : name.startsWith('footnotes') ? 'w:footnotes' : name.startsWith('comments') ? 'w:comments' : name.startsWith('styles') ? 'w:styles' : name.startsWith('settings') ? 'w:settings' : 'w:endnotes'
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${namespaces}>${content}</${root}>`)
  }
  return zipSync(files)
}

/** A footnote or endnote (`w:footnote`, `w:endnote`) with its id and paragraphs; `type` for Word's separators. */
export function note(element: 'w:footnote' | 'w:endnote', id: number, content: string, type?: string): string {
  return `<${element}${type ? ` w:type="${type}"` : ''} w:id="${id}">${content}</${element}>`
}

/** The parts a rule example may give after the body, by their root element (written bare, without namespaces). */
const exampleParts: readonly (readonly [string, string])[] = [
  ['w:comments', 'comments.xml'],
  ['cp:coreProperties', 'docProps/core.xml'],
  ['Properties', 'docProps/app.xml'],
]

/**
 * A rule example written as Word XML, as the rules fed by the Word reader give theirs: the
 * body's content (`<w:p>…`), then optionally, each at most once, a comments part
 * (`<w:comments>…</w:comments>`) and the properties' parts (`<cp:coreProperties>…`,
 * `<Properties>…`). Undefined for an example of plain text.
 */
export function docxOfExample(example: string): Uint8Array | undefined {
  if (!example.startsWith('<w:')) return undefined
  const parts: Record<string, string> = {}
  let body = example
  for (const [root, name] of exampleParts) {
    const m = new RegExp(`<${root}>([\\s\\S]*?)</${root}>`).exec(body)
    if (!m) continue
    parts[name] = m[1]!
    body = body.slice(0, m.index) + body.slice(m.index + m[0].length)
  }
  return makeDocx(body, parts)
}

/** A custom document property (`docProps/custom.xml`) of text, as Word writes one: `联系人` = `王建国`. */
export function customProperty(pid: number, name: string, value: string, type = 'lpwstr'): string {
  return `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${xmlText(name)}"><vt:${type}>${xmlText(value)}</vt:${type}></property>`
}
