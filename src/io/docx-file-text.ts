// The texts a .docx keeps beside its pages that anyone who opens the file reads: a picture's
// alt text (`wp:docPr descr`, which Word shows in its alt-text pane and reads to screen readers,
// and older Word filled from the file's name), title and name; a link's address (a hyperlink's
// target, one hover away: `mailto:yangjianjun1979@163.com` behind the words 电子邮箱) and screen
// tip. Noted while a part is read, then read as lines after the page text, where the rules of a
// release audit them as the document's own text; `redact` masks them where they stand.
import type { DocxFileTextField } from '../core/document.js'
import type { OpenParagraph } from './docx-hidden.js'
import { decodeXmlAttribute, escapeXmlText, isHyperlink, relationshipOfTag, relationshipTagRe } from './docx-package.js'

/** A text of a picture or a link, where it stands: the paragraph it is in (undefined outside one). */
export interface FileTextNote {
  readonly kind: 'picture' | 'link'
  /** Which picture or link of the part it is, counting from 1 in document order. */
  readonly number: number
  readonly field: DocxFileTextField
  /** The text, or for a hyperlink's address, undefined until its relationship names it. */
  readonly value: string | undefined
  /** For a hyperlink (`w:hyperlink r:id`): the relationship whose target is its address. */
  readonly relationship?: string
  readonly paragraph: OpenParagraph | undefined
}

/**
 * A name Word, WPS or LibreOffice gives a drawing by itself (`图片 1`, `文本框 2`, `Picture 3`,
 * `Image1`): no one's. A name not of this shape (`杨建军营业执照.png`) was given by a person or
 * is the inserted file's.
 */
const generatedNameRe = /^(?:图片|图像|图表|文本框|矩形|椭圆|组合|画布|直接连接符|直线|箭头|形状|对象|艺术字|墨迹|Picture|Image|Graphic|Graphics|Text ?Box|Rectangle|Oval|Group|Canvas|Shape|Object|Chart|Frame|WordArt|Straight Connector|Straight Arrow Connector|Line|AutoShape|Ink)\s*_?\d*$/i

/** The attributes that hold a drawing's texts, by the element's kind: DrawingML's properties (`wp:docPr`, `pic:cNvPr`) and VML's shapes. */
const drawingFields: readonly (readonly [string, DocxFileTextField])[] = [['descr', 'descr'], ['title', 'title'], ['name', 'name']]
const vmlFields: readonly (readonly [string, DocxFileTextField])[] = [['alt', 'descr'], ['o:title', 'title']]

/** A HYPERLINK field's address (not a bookmark's, `\l`) and its screen tip (`\o`). */
const hyperlinkFieldRe = /^\s*HYPERLINK\s+(?!\\l)(?:\\[a-km-z]\s+)*"([^"]*)"/i
const screenTipRe = /\\o\s+"([^"]*)"/i

/** Whitespace made one space, trimmed: a text of the file read as one line. */
export function flatText(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** Collects the texts of pictures and links while a part is parsed (tag names lower case, attributes as written). */
export class FileTextNotes {
  readonly notes: FileTextNote[] = []
  private readonly count = { picture: 0, link: 0 }

  /**
   * An element opens in `paragraph`: a picture or shape (`w:drawing`, VML's `w:pict`, an OLE
   * object), its properties, a hyperlink. `isShown`: not in a branch of alternate content no
   * reader shows, whose copy of a picture is the shown one's and counts for none.
   */
  element(name: string, attributes: Readonly<Record<string, string>>, paragraph: OpenParagraph | undefined, isShown: boolean): void {
    if (name === 'w:drawing' || name === 'w:pict' || name === 'w:object') {
      if (isShown) this.count.picture++
    } else if (name === 'wp:docpr' || name.endsWith(':cnvpr')) this.attributes(drawingFields, attributes, paragraph)
    else if (name.startsWith('v:')) this.attributes(vmlFields, attributes, paragraph)
    else if (name === 'w:hyperlink') {
      if (isShown) this.count.link++
      const id = attributes['r:id']
      if (id !== undefined) this.notes.push({ kind: 'link', number: Math.max(1, this.count.link), field: 'target', value: undefined, relationship: id, paragraph })
      this.add('link', 'tooltip', attributes['w:tooltip'], paragraph)
    }
  }

  /** A field's instruction, once read: a HYPERLINK field's address and screen tip. */
  field(instruction: string, paragraph: OpenParagraph | undefined, isShown: boolean): void {
    const m = hyperlinkFieldRe.exec(instruction)
    if (!m) return
    if (isShown) this.count.link++
    this.add('link', 'target', m[1], paragraph)
    this.add('link', 'tooltip', screenTipRe.exec(instruction)?.[1], paragraph)
  }

  private attributes(fields: readonly (readonly [string, DocxFileTextField])[], attributes: Readonly<Record<string, string>>, paragraph: OpenParagraph | undefined): void {
    for (const [attribute, field] of fields) {
      const value = attributes[attribute]
      if (value !== undefined && !(field === 'name' && generatedNameRe.test(value.trim()))) this.add('picture', field, value, paragraph)
    }
  }

  private add(kind: 'picture' | 'link', field: DocxFileTextField, value: string | undefined, paragraph: OpenParagraph | undefined): void {
    if (value !== undefined && flatText(value) !== '') this.notes.push({ kind, number: Math.max(1, this.count[kind]), field, value, paragraph })
  }
}

/** A hyperlink's address as a reader sees it: percent-escapes decoded (`%E6%9D%A8` is 杨) where they decode. */
export function linkAddress(target: string): string {
  try {
    return decodeURI(target)
  } catch {
    return target
  }
}

/** Edited texts of pictures and links, each by its text before: what `redact` puts in their place. */
export interface FileTextEdits {
  readonly picture: ReadonlyMap<string, string>
  readonly link: ReadonlyMap<string, string>
}

/** The attributes of a drawing's properties and of a VML shape that hold its texts. */
const drawingTagRe = /<(?:wp:docPr|[\w]+:cNvPr|v:\w+)\b[^>]*>/g
const pictureAttributeRe = /(\s(?:descr|title|name|alt|o:title)=")([^"]*)(")/g
const hyperlinkTagRe = /<w:hyperlink\b[^>]*>/g
const tooltipAttributeRe = /(\sw:tooltip=")([^"]*)(")/g
const simpleFieldRe = /(<w:fldSimple\b[^>]*\sw:instr=")([^"]*)(")/g
/** A complex field's `w:fldChar` (its type), or a piece of its instruction (`w:instrText`, its raw text), in document order. */
const fieldTokenRe = /<w:fldChar\b[^>]*?\bw:fldCharType="(begin|separate|end)"[^>]*>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g

/**
 * A part's XML with the texts of its pictures and links edited: each attribute (alt text, title,
 * name; screen tip) and each HYPERLINK field's quoted address or tip whose text was one of the
 * edited ones takes its edit, in a field's instruction however many `w:instrText` Word split it
 * into. `done` gets the texts replaced.
 */
export function withFileTextsEdited(xml: string, edits: FileTextEdits, escape: (s: string) => string, done: Set<string>): string {
  const swap = (map: ReadonlyMap<string, string>) => (_m: string, open: string, value: string, close: string) => {
    const before = flatText(decodeXmlAttribute(value))
    const after = map.get(before)
    if (after === undefined) return open + value + close
    done.add(before)
    return open + escape(after) + close
  }
  if (edits.picture.size > 0) xml = xml.replace(drawingTagRe, (tag) => tag.replace(pictureAttributeRe, swap(edits.picture)))
  if (edits.link.size === 0) return xml
  xml = xml.replace(hyperlinkTagRe, (tag) => tag.replace(tooltipAttributeRe, swap(edits.link)))
  // A field's address or tip is a quoted string of its instruction (decoded).
  const editOf = (value: string) => {
    const before = flatText(value)
    const address = flatText(linkAddress(value))
    const after = edits.link.get(before) ?? edits.link.get(address)
    if (after !== undefined) done.add(edits.link.has(before) ? before : address)
    return after
  }
  xml = withInstructionsEdited(xml, editOf)
  // A simple field's instruction is an attribute: its quotes are written `&quot;`, as Word writes them.
  return xml.replace(simpleFieldRe, (m, open: string, instruction: string, close: string) => {
    let isEdited = false
    const edited = decodeXmlAttribute(instruction).replace(/"([^"]*)"/g, (quoted, value: string) => {
      const after = value === '' ? undefined : editOf(value)
      if (after === undefined) return quoted
      isEdited = true
      return `"${after}"`
    })
    return isEdited ? open + escape(edited) + close : m
  })
}

/** A piece of a complex field's instruction: the raw range of a `w:instrText`'s text, and that text decoded. */
interface InstructionPiece {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * A part's XML with the quoted strings of each complex field's instruction edited, the
 * instruction read as one text across its `w:instrText` pieces, as the reader reads it (Word
 * splits one at any edit: `HYPERLINK "mailto:yang` | `jianjun1979@163.com" `). `editOf` gives a
 * quoted string's new text, or undefined; the new text goes into the piece that held the old
 * one's first character, the rest of the old is cut from the pieces after it, and what is
 * outside the quotes stays where it was.
 */
function withInstructionsEdited(xml: string, editOf: (value: string) => string | undefined): string {
  const fields: { pieces: InstructionPiece[]; isResult: boolean }[] = []
  const rewrites: InstructionPiece[] = []
  for (const m of xml.matchAll(fieldTokenRe)) {
    const field = fields[fields.length - 1]
    if (m[1] === 'begin') fields.push({ pieces: [], isResult: false })
    else if (m[1] !== undefined) {
      // The instruction is whole once its result begins, or the field ends without one.
      if (field && !field.isResult) rewrites.push(...instructionRewrites(field.pieces, editOf))
      if (field) field.isResult = true
      if (m[1] === 'end') fields.pop()
    } else if (field && !field.isResult) {
      const start = m.index + m[0].indexOf('>') + 1
      field.pieces.push({ start, end: start + m[2]!.length, text: decodeXmlAttribute(m[2]!) })
    }
  }
  let out = ''
  let at = 0
  // A field nested in another's instruction is whole first: its pieces may follow the outer one's.
  for (const r of rewrites.sort((a, b) => a.start - b.start)) {
    out += xml.slice(at, r.start) + escapeXmlText(r.text)
    at = r.end
  }
  return out + xml.slice(at)
}

/** The pieces of one instruction whose text its edited quoted strings change, with their new text. */
function instructionRewrites(pieces: readonly InstructionPiece[], editOf: (value: string) => string | undefined): InstructionPiece[] {
  const cuts: { from: number; to: number; put: string }[] = []
  for (const q of pieces.map((p) => p.text).join('').matchAll(/"([^"]*)"/g)) {
    const put = q[1] === '' ? undefined : editOf(q[1]!)
    if (put !== undefined) cuts.push({ from: q.index + 1, to: q.index + 1 + q[1]!.length, put })
  }
  const out: InstructionPiece[] = []
  let start = 0
  for (const piece of pieces) {
    const end = start + piece.text.length
    let text = piece.text
    // Right to left, so that the offsets of the cuts before stay.
    for (const cut of [...cuts].reverse()) {
      const from = Math.max(cut.from, start)
      const to = Math.min(cut.to, end)
      if (from < to) text = text.slice(0, from - start) + (cut.from >= start ? cut.put : '') + text.slice(to - start)
    }
    if (text !== piece.text) out.push({ ...piece, text })
    start = end
  }
  return out
}

/** A relationships part with the hyperlinks' targets edited: written as a URI again (percent-escaped) where it was one. */
export function withLinkTargetsEdited(relsXml: string, edits: FileTextEdits, escape: (s: string) => string, done: Set<string>): string {
  if (edits.link.size === 0) return relsXml
  return relsXml.replace(relationshipTagRe, (tag) => {
    const relationship = relationshipOfTag(tag)
    if (!isHyperlink(relationship)) return tag
    const raw = relationship.target
    return tag.replace(/(\sTarget=")([^"]*)(")/, (m, open: string, _value: string, close: string) => {
      const before = flatText(linkAddress(raw))
      const after = edits.link.get(before)
      if (after === undefined) return m
      done.add(before)
      return open + escape(raw === linkAddress(raw) ? after : encodeURI(after)) + close
    })
  })
}
