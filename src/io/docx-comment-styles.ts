// The styles Word gives comments (批注), added to a copy's styles part when it has none: a
// 公文 template's Normal (16 pt, exact 28 pt lines) would otherwise show every comment at body size.
import { strFromU8, strToU8 } from 'fflate'
import { partOfRelationship } from './docx-package.js'

/** The style ids comments use in this package: the document's own where it has them. */
export interface CommentStyleIds {
  /** Paragraph style of a comment's text (Word's built-in "annotation text"). */
  readonly text: string
  /** Character style of the comment's mark (Word's built-in "annotation reference"). */
  readonly reference: string
}

const stylesType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles'

/**
 * Makes sure the package's styles part holds Word's comment styles, adding them (10 pt text,
 * 8 pt mark, single line spacing, no first-line indent) when missing; existing styles are not
 * touched. Returns their ids, or undefined when the package has no styles part (then Word's
 * defaults apply and the comments need none).
 */
export function ensureCommentStyles(files: Record<string, Uint8Array>): CommentStyleIds | undefined {
  const path = stylesPartOf(files)
  const bytes = files[path]
  if (!bytes) return undefined
  let xml = strFromU8(bytes)
  if (!xml.includes('</w:styles>')) return undefined
  const ids = new Set([...xml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"/g)].map((m) => m[1]!))
  const added: string[] = []
  const idOf = (name: string, wanted: string, make: (id: string) => string): string => {
    const found = styleIdNamed(xml, name)
    if (found !== undefined) return found
    let id = wanted
    for (let n = 2; ids.has(id); n++) id = `${wanted}${n}`
    ids.add(id)
    added.push(make(id))
    return id
  }
  const normal = /<w:style\b(?=[^>]*\bw:type="paragraph")(?=[^>]*\bw:default="1")[^>]*\bw:styleId="([^"]*)"/.exec(xml)?.[1]
  const basedOn = normal !== undefined ? `<w:basedOn w:val="${normal}"/>` : ''
  const text = idOf('annotation text', 'CommentText', (id) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="annotation text"/>${basedOn}<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>`)
  const reference = idOf('annotation reference', 'CommentReference', (id) => `<w:style w:type="character" w:styleId="${id}"><w:name w:val="annotation reference"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>`)
  if (added.length > 0) {
    xml = xml.replace('</w:styles>', `${added.join('')}</w:styles>`)
    files[path] = strToU8(xml)
  }
  return { text, reference }
}

/** The styles part the body's relationship names, else the usual name. */
function stylesPartOf(files: Record<string, Uint8Array>): string {
  return partOfRelationship(files, stylesType, 'word/styles.xml')
}

/** The id of the style whose `w:name` is `name` (built-in styles are known by name, whatever their id: `a4` in a Chinese Word). */
function styleIdNamed(xml: string, name: string): string | undefined {
  for (const m of xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)) {
    const nameRe = new RegExp(`<w:name\\s+w:val="${name}"\\s*/>`, 'i')
    if (nameRe.test(m[0])) return /\bw:styleId="([^"]*)"/.exec(m[0])?.[1]
  }
  return undefined
}
