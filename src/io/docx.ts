// Reads the text of a Word .docx: the body's paragraphs (tables' cells included) in document
// order, runs joined, tracked deletions and field codes left out, one paragraph per line; then
// the footnotes, endnotes, headers and footers, which Word shows with the body.
import { localText } from '../i18n/catalogue.js'
import { unzipSync } from 'fflate'
import { Parser } from 'htmlparser2'
import type { DocxPart, DocxPartKind, HiddenContent, Region, TableCell } from '../core/document.js'
import { commentTexts, DocxMarks, type OpenParagraph } from './docx-hidden.js'
import { InputError } from '../core/errors.js'
import type { Reader } from './readers.js'

/** The part of a .docx that holds the body. */
const bodyPart = 'word/document.xml'
/** The part of a .docx that holds its comments (Word and WPS name it so). */
const commentsPart = 'word/comments.xml'
/** The other parts whose text Word shows: notes, headers and footers (`header2.xml`, one per section and kind). */
const otherPartRe = /^word\/(footnotes|endnotes|header|footer)(\d*)\.xml$/
/** The order they follow the body in, and the kind each name stands for. */
const partKinds: readonly { readonly name: string; readonly kind: DocxPartKind }[] = [
  { name: 'footnotes', kind: 'footnote' },
  { name: 'endnotes', kind: 'endnote' },
  { name: 'header', kind: 'header' },
  { name: 'footer', kind: 'footer' },
]
/**
 * The most the parts read may inflate to, together. A 300-page report is a few MB of XML; more
 * than this is a zip bomb or not a report, and is refused before anything is inflated.
 */
export const maxInflatedBytes = 128 * 1024 * 1024
/** Stands for a line break inside a paragraph (`w:br`, `w:cr`): U+2028 LINE SEPARATOR, so lines stay paragraphs. */
export const docxLineSeparator = '\u2028'

/** The Word reader: the body's paragraphs, one a line, from the zip archive's bytes. */
export const docxReader: Reader = {
  fromBytes: (bytes, path) => {
    const { text, places, parts, placeholders, hidden } = readDocxBody(bytes, path)
    return {
      text,
      ...(places.some((p) => p !== undefined) && { cells: places }),
      ...(parts.length > 0 && { parts }),
      ...(placeholders.length > 0 && { placeholders }),
      ...(hidden.length > 0 && { hidden }),
    }
  },
}

/** Options of {@link docxToText}; tests lower the bound. */
export interface DocxOptions {
  readonly maxInflatedBytes?: number
}

/**
 * The paragraphs of a .docx joined by `\n`: line N is paragraph N of the body; the notes',
 * headers' and footers' paragraphs follow the body's. Throws
 * InputError for an encrypted, corrupt or oversized file.
 */
export function docxToText(bytes: Uint8Array, path: string, options: DocxOptions = {}): string {
  return readDocxBody(bytes, path, options).text
}

/** What {@link readDocxBody} reads of a .docx. */
export interface DocxBody {
  readonly text: string
  /** The table cell of each line of the body (undefined outside tables). */
  readonly places: (TableCell | undefined)[]
  /** The part of each line after the body (undefined in the body). */
  readonly parts: (DocxPart | undefined)[]
  /** The body's spans a content control shows as its placeholder. */
  readonly placeholders: Region[]
  /** The body's tracked deletions and hidden runs, and the comments, in text order. */
  readonly hidden: HiddenContent[]
}

/** The text of a .docx as {@link docxToText} gives it, where each body paragraph sits, which lines the other parts hold, and what Word hides. */
export function readDocxBody(bytes: Uint8Array, path: string, options: DocxOptions = {}): DocxBody {
  const xml = readPartsXml(bytes, path, options.maxInflatedBytes ?? maxInflatedBytes)
  const places: (TableCell | undefined)[] = []
  const marks = new DocxMarks()
  const lines = bodyParagraphs(xml.get(bodyPart)!, { places, marks })
  const parts: (DocxPart | undefined)[] = []
  for (const { name, kind } of partKinds) {
    const seen = new Set<string>()
    for (const partXml of partFilesOf(xml, name)) {
      const notes: number[] = []
      const paragraphs = bodyParagraphs(partXml, { notes })
      if (kind === 'footnote' || kind === 'endnote') {
        paragraphs.forEach((p, i) => {
          if (notes[i]! > 0) {
            parts[lines.length] = { kind, number: notes[i]! }
            lines.push(p)
          }
        })
        continue
      }
      // Each section may have its own header, most repeat the first: one copy is enough.
      const whole = paragraphs.join('\n')
      if (whole.trim() === '' || seen.has(whole)) continue
      seen.add(whole)
      for (const p of paragraphs) {
        parts[lines.length] = { kind, number: seen.size }
        lines.push(p)
      }
    }
  }
  const lineStarts: number[] = []
  let start = 0
  for (const line of lines) {
    lineStarts.push(start)
    start += line.length + 1
  }
  return { text: lines.join('\n'), places, parts, ...marks.resolve(lineStarts, commentTexts(xml.get(commentsPart))) }
}

/** The parts named `name` (`header` for `header1.xml`, `header2.xml`…), in the order of their numbers. */
function partFilesOf(xml: ReadonlyMap<string, string>, name: string): string[] {
  const found: [number, string][] = []
  for (const [file, text] of xml) {
    const m = otherPartRe.exec(file)
    if (m && m[1] === name) found.push([Number(m[2] || 0), text])
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, text]) => text)
}

/** The XML of the body and of the other parts found, by name; throws InputError for a file that cannot be read. */
function readPartsXml(bytes: Uint8Array, path: string, bound: number): Map<string, string> {
  if (isCompoundFile(bytes)) {
    throw new InputError(localText('error.docx-encrypted'), { path }, localText('error.docx-encrypted.hint'))
  }
  if (isZipEncrypted(bytes)) {
    throw new InputError(localText('error.docx-zip-encrypted'), { path }, localText('error.docx-zip-encrypted.hint'))
  }
  let declared = 0
  let files: Record<string, Uint8Array>
  try {
    // The filter sees sizes from the central directory before anything is inflated; fflate
    // inflates into a buffer of the declared size, so a lying header cannot make it grow.
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== bodyPart && entry.name !== commentsPart && !otherPartRe.test(entry.name)) return false
        declared += entry.originalSize
        return declared <= bound
      },
    })
  } catch (error) {
    throw new InputError(localText('error.docx-corrupt', { reason: error instanceof Error ? error.message : String(error) }), { path })
  }
  if (declared > bound) throw new InputError(localText('error.docx-bomb', { part: bodyPart, size: declared, limit: bound }), { path })
  if (!files[bodyPart]) throw new InputError(localText('error.docx-no-body', { part: bodyPart }), { path }, localText('error.docx-no-body.hint'))
  const xml = new Map<string, string>()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const [name, part] of Object.entries(files)) {
    try {
      xml.set(name, decoder.decode(part))
    } catch {
      throw new InputError(localText('error.docx-bad-utf8', { part: name }), { path })
    }
  }
  return xml
}

/**
 * True when an entry of the zip's central directory has general-purpose bit 0 set (traditional
 * PKWARE or AES encryption): inflating it would fail with a misleading "invalid distance".
 * A zip whose directory cannot be found is left for the unzipper to report.
 */
export function isZipEncrypted(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: 22 bytes plus a comment of at most 65,535, at the end of the file.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return false
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return false
    if ((view.getUint16(at + 8, true) & 1) !== 0) return true
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return false
}

/** An OLE compound file (magic D0 CF 11 E0): what Word writes for encrypted files and for .doc. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
}

/**
 * The text of a `w:t` as the reader gives it: a `w:t` of nothing but ASCII spaces in an
 * underlined run is Word's fill-in line (`学习<u>      </u>次`), read as LOW LINEs of the same
 * length, so offsets do not move and the blank reads as the `______` it shows. Any length: the
 * copy `annotate` writes may split a line into runs of one space, which must read the same.
 */
export function textOfRun(data: string, isUnderlined: boolean): string {
  return isUnderlined && /^ +$/.test(data) ? '_'.repeat(data.length) : data
}

/** True for a `w:u` that draws a line: any value but `none` (a `w:u` with no value is single). */
export function isUnderline(attributes: Readonly<Record<string, string>>): boolean {
  return attributes['w:val'] !== 'none'
}

/**
 * Elements whose content is not the visible body: deleted revisions and text moved away (a
 * tracked move shows it struck through at its old place), field codes, fallbacks of alternate
 * content, and properties (whose `w:tabs` holds tab stops, not tabs).
 */
export const ignoredDocxElements: ReadonlySet<string> = new Set(['w:deltext', 'w:movefrom', 'w:instrtext', 'w:delinstrtext', 'mc:fallback', 'w:ppr', 'w:rpr'])

/** What {@link bodyParagraphs} may note besides the paragraphs' text. */
export interface ParagraphNotes {
  /** Gets the table cell of each paragraph (undefined outside tables), index for index. */
  readonly places?: (TableCell | undefined)[]
  /**
   * In the notes' parts, gets the number of the note each paragraph is in, counting from 1 (0
   * outside notes), index for index; the separators Word keeps there as notes are left out.
   */
  readonly notes?: number[]
  /** Gets the content controls showing their placeholders and what Word hides (the body only). */
  readonly marks?: DocxMarks
}

/**
 * Paragraphs (`w:p`) in document order; a paragraph nested in a text box comes before the one
 * holding it. Text Word does not show is left out: tracked deletions (and text moved away),
 * field codes, hidden runs (`w:vanish`).
 */
export function bodyParagraphs(xml: string, { places, notes, marks }: ParagraphNotes = {}): string[] {
  const paragraphs: string[] = []
  const open: { parts: string[]; paragraph: OpenParagraph }[] = []
  const cells = places ? new TableCells() : undefined
  let ignoredDepth = 0
  let inText = false
  let inDeletedText = false
  let movedAway = 0
  let runDepth = 0
  let isUnderlined = false
  let isHidden = false
  let note = 0
  let notesSeen = 0
  let isSeparatorNote = false
  // Content controls (`w:sdt`) open around this point, each true while it shows its placeholder.
  const controls: boolean[] = []
  let placeholderDepth = 0
  const top = () => open[open.length - 1]
  const append = (s: string) => {
    const current = top()
    if (ignoredDepth > 0 || !current) return
    if (placeholderDepth > 0) marks?.placeholder(current.paragraph, current.paragraph.length, current.paragraph.length + s.length)
    current.parts.push(s)
    current.paragraph.length += s.length
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:r') {
          runDepth++
          isUnderlined = false
          isHidden = false
        } else if (name === 'w:u' && runDepth > 0) isUnderlined = isUnderline(attributes)
        else if (name === 'w:vanish' && runDepth > 0) isHidden = isOn(attributes)
        if (ignoredDocxElements.has(name)) {
          ignoredDepth++
          if (name === 'w:deltext') inDeletedText = true
          else if (name === 'w:movefrom') movedAway++
        } else if (name === 'w:footnote' || name === 'w:endnote') {
          const type = attributes['w:type']
          isSeparatorNote = type !== undefined && type !== 'normal'
          if (isSeparatorNote) ignoredDepth++
          else note = ++notesSeen
        }
        else if (name === 'w:p') open.push({ parts: [], paragraph: { length: 0, index: -1 } })
        else if (name === 'w:t') inText = true
        else if (name === 'w:tab' || name === 'w:ptab') append('\t')
        else if (name === 'w:br' || name === 'w:cr') append(docxLineSeparator)
        else if (name === 'w:nobreakhyphen') append('\u2011')
        else if (name === 'w:sdt') controls.push(false)
        else if (name === 'w:showingplchdr' && controls.length > 0 && isOn(attributes)) controls[controls.length - 1] = true
        else if (name === 'w:sdtcontent' && controls[controls.length - 1]) placeholderDepth++
        else if ((name === 'w:commentrangestart' || name === 'w:commentreference') && attributes['w:id'] !== undefined) marks?.commentMark(attributes['w:id'], true, top()?.paragraph)
        else if (name === 'w:commentrangeend' && attributes['w:id'] !== undefined) marks?.commentMark(attributes['w:id'], false, top()?.paragraph)
        else if (cells && ignoredDepth === 0) cells.open(name)
      },
      ontext(text) {
        // Only what is ignored for itself: not a deletion's copy in alternate content's fallback.
        if (inDeletedText || (inText && movedAway > 0)) {
          if (ignoredDepth === 1) marks?.hidden('deletion', text, top()?.paragraph)
        } else if (!inText) return
        else if (!isHidden) append(textOfRun(text, isUnderlined))
        else if (ignoredDepth === 0) marks?.hidden('hidden', text, top()?.paragraph)
      },
      onclosetag(name) {
        if (name === 'w:r') runDepth--
        if (ignoredDocxElements.has(name)) {
          ignoredDepth--
          if (name === 'w:deltext') inDeletedText = false
          else if (name === 'w:movefrom') movedAway--
        } else if (name === 'w:t') inText = false
        else if (name === 'w:p') {
          const closing = open.pop()
          if (closing) closing.paragraph.index = paragraphs.length
          paragraphs.push(closing?.parts.join('') ?? '')
          places?.push(cells?.current())
          notes?.push(isSeparatorNote ? 0 : note)
        } else if (name === 'w:footnote' || name === 'w:endnote') {
          if (isSeparatorNote) ignoredDepth--
          isSeparatorNote = false
          note = 0
        } else if (name === 'w:sdtcontent' && controls[controls.length - 1]) placeholderDepth--
        else if (name === 'w:sdt') controls.pop()
        else if (name === 'w:tbl' && ignoredDepth === 0) cells?.close()
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return paragraphs
}

/** True for an on/off property that is on: present with no value, or any value but `0`, `false`, `off`. */
export function isOn(attributes: Readonly<Record<string, string>>): boolean {
  const value = attributes['w:val']
  return value === undefined || !/^(?:0|false|off)$/i.test(value)
}

/** Follows `w:tbl`, `w:tr` and `w:tc` to name the cell a paragraph is in; a nested table names its own cell. */
class TableCells {
  private tables = 0
  private readonly stack: { table: number; row: number; column: number }[] = []

  open(name: string): void {
    const top = this.stack[this.stack.length - 1]
    if (name === 'w:tbl') this.stack.push({ table: ++this.tables, row: 0, column: 0 })
    else if (name === 'w:tr' && top) {
      top.row++
      top.column = 0
    } else if (name === 'w:tc' && top) top.column++
  }

  close(): void {
    this.stack.pop()
  }

  current(): TableCell | undefined {
    const top = this.stack[this.stack.length - 1]
    return top && top.row > 0 && top.column > 0 ? { ...top } : undefined
  }
}
