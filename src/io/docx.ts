// Reads the text of a Word .docx: the body's paragraphs (tables' cells included) in document
// order, runs joined, tracked deletions and field codes left out, one paragraph per line; then
// the footnotes, endnotes, headers and footers, which Word shows with the body; then, one a
// line, the texts the file keeps beside its pages (title, alt texts, links' addresses:
// docx-file-text.ts); and the document properties (author, company) the package keeps.
import { Parser } from 'htmlparser2'
import { countBodyParagraphs, docxPlaceOfLine, type DocumentProperty, type DocxPart, type DocxPartKind, type DocxPartType, type DocxPlace, type HiddenContent, type Region, type TableCell } from '../core/document.js'
import { AlternateContent } from './docx-alternate.js'
import { commentTexts, DocxMarks, type OpenParagraph } from './docx-hidden.js'
import { documentNoteProperties, nameNotes, NoteReferences } from './docx-notes.js'
import { FileTextNotes, flatText, linkAddress } from './docx-file-text.js'
import { maxInflatedBytes, readPartsXml, type DocxPartsXml, type OtherPart } from './docx-parts.js'
import { readDocumentProperties, readPropertyTexts } from './docx-properties.js'
import { hiddenStylesOf, isOn, noHiddenStyles, RunVisibility, type HiddenStyles } from './docx-styles.js'
import type { Reader } from './readers.js'

export { isZipEncrypted, maxInflatedBytes } from './docx-parts.js'
export { isOn } from './docx-styles.js'

/** The order the other parts follow the body in. */
const partOrder: readonly DocxPartKind[] = ['footnote', 'endnote', 'header', 'footer']
/** A header's or footer's order by the pages it is on: every page's first, so that a first page's identical copy is not the one named. */
const headerTypeRank: Readonly<Record<string, number>> = { default: 0, first: 1, even: 2 }
/** Stands for a line break inside a paragraph (`w:br`, `w:cr`): U+2028 LINE SEPARATOR, so lines stay paragraphs. */
export const docxLineSeparator = '\u2028'

/**
 * Stands for a non-breaking hyphen (`w:noBreakHyphen`): U+002D HYPHEN-MINUS, the hyphen Word
 * shows and writes when it saves plain text, so a phone number or a standard's number written
 * with one (`0755-83456789`, `GB 2760-2024`) reads as typed. One character: offsets keep.
 */
export const nonBreakingHyphenText = '-'

/** The Word reader: the body's paragraphs, one a line, from the zip archive's bytes. */
export const docxReader: Reader = {
  fromBytes: (bytes, path) => {
    const { text, places, textBoxes, parts, placeholders, hidden, pageNumbers, properties, pageEnd } = readDocxBody(bytes, path)
    return {
      text,
      ...(pageEnd < text.length && { pageEnd }),
      ...(pageNumbers.length > 0 && { skipped: pageNumbers }),
      ...(places.some((p) => p !== undefined) && { cells: places }),
      ...(textBoxes.some((t) => t !== undefined) && { textBoxes }),
      ...(parts.length > 0 && { parts }),
      ...(placeholders.length > 0 && { placeholders }),
      ...(hidden.length > 0 && { hidden }),
      ...(properties.length > 0 && { properties }),
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
  /** The text box of each line of the body (undefined outside text boxes). */
  readonly textBoxes: (number | undefined)[]
  /** The part of each line after the body (undefined in the body). */
  readonly parts: (DocxPart | undefined)[]
  /** The body's spans a content control shows as its placeholder. */
  readonly placeholders: Region[]
  /** The body's tracked deletions and hidden runs, and the comments, in text order. */
  readonly hidden: HiddenContent[]
  /** The results of page-numbering fields, anywhere: Word's own numbers, which no rule reads. */
  readonly pageNumbers: Region[]
  /** The document properties that hold a value. */
  readonly properties: DocumentProperty[]
  /** Where the page's text ends: the lines after it are the file's texts ({@link fileText}). */
  readonly pageEnd: number
  /** The texts the file keeps beside its pages, each with its line (0-based) in the text. */
  readonly fileText: readonly (FileTextLine & { readonly line: number })[]
  /**
   * Each part read (the main one first) and the line of the text each of its paragraphs is
   * (undefined: none, as a note's separator); a header or footer that repeats another's text
   * has that one's lines, which show what it shows.
   */
  readonly lineSources: LineSource[]
}

/** A part of the package and the line each of its paragraphs (in the order {@link bodyParagraphs} gives them) is in the text. */
export interface LineSource {
  readonly part: string
  readonly lineOf: readonly (number | undefined)[]
}

/** The text of a .docx as {@link docxToText} gives it, where each body paragraph sits, which lines the other parts hold, and what Word hides. */
export function readDocxBody(bytes: Uint8Array, path: string, options: DocxOptions = {}): DocxBody {
  const docx = readPartsXml(bytes, path, options.maxInflatedBytes ?? maxInflatedBytes)
  const places: (TableCell | undefined)[] = []
  const textBoxes: (number | undefined)[] = []
  const marks = new DocxMarks()
  const references = new Map<string, string>()
  const noteReferences = new NoteReferences()
  const hiddenStyles = hiddenStylesOf(docx.styles)
  // The texts of pictures and links of each part read, by the part's name.
  const fileTexts = new Map<string, FileTextNotes>([[docx.mainName, new FileTextNotes()]])
  const lines = bodyParagraphs(docx.main, { places, textBoxes, marks, references, noteReferences, hiddenStyles, fileTexts: fileTexts.get(docx.mainName)! })
  const lineSources: LineSource[] = [{ part: docx.mainName, lineOf: lines.map((_, i) => i) }]
  const parts: (DocxPart | undefined)[] = []
  const noteSettings = documentNoteProperties(docx.settings)
  const bodyLines = { cells: places, parts: [], textBoxes }
  const bodyParagraphNumbers = countBodyParagraphs(bodyLines, lines.length)
  // Where a note is referred to, for notes numbered again on each page.
  const referredAt = (paragraph: OpenParagraph) => (paragraph.index < 0 ? undefined : docxPlaceOfLine(bodyLines, paragraph.index, bodyParagraphNumbers))
  // The marks of each other part, and the line each of its paragraphs became (undefined: none).
  const partMarks: { marks: DocxMarks; lineOf: (number | undefined)[] }[] = []
  for (const kind of partOrder) {
    // The text of each header or footer kept, and the lines it became.
    const seen = new Map<string, (number | undefined)[]>()
    for (const part of orderedParts(docx.others, kind, references)) {
      const notes: number[] = []
      const noteIds: string[] = []
      const marksOfPart = new DocxMarks()
      const textsOfPart = new FileTextNotes()
      fileTexts.set(part.name, textsOfPart)
      const paragraphs = bodyParagraphs(part.xml, { notes, noteIds, marks: marksOfPart, hiddenStyles, fileTexts: textsOfPart })
      const lineOf: (number | undefined)[] = []
      partMarks.push({ marks: marksOfPart, lineOf })
      lineSources.push({ part: part.name, lineOf })
      if (kind === 'footnote' || kind === 'endnote') {
        // The notes in the order Word numbers them, each paragraph under its note's name.
        const names = nameNotes(kind, noteIds, noteReferences, noteSettings, referredAt)
        const inNotes = paragraphs.flatMap((_, i) => (notes[i]! > 0 ? [{ i, name: names[notes[i]! - 1]! }] : []))
        for (const { i, name } of inNotes.sort((a, b) => a.name.order - b.name.order || a.i - b.i)) {
          parts[lines.length] = name.part
          lineOf[i] = lines.length
          lines.push(paragraphs[i]!)
        }
        continue
      }
      // Each section may have its own header, most repeat the first: one copy is enough.
      const whole = paragraphs.join('\n')
      if (whole.trim() === '') continue
      const shown = seen.get(whole)
      if (shown) {
        lineSources[lineSources.length - 1] = { part: part.name, lineOf: shown }
        continue
      }
      seen.set(whole, lineOf)
      paragraphs.forEach((p, i) => {
        parts[lines.length] = { kind, number: seen.size, ...(part.type !== 'default' && { type: part.type }) }
        lineOf[i] = lines.length
        lines.push(p)
      })
    }
  }
  // After the page, the texts the file keeps beside it, one a line.
  const pageLineCount = lines.length
  const pageLines = { cells: places, parts, textBoxes }
  const paragraphs = countBodyParagraphs(pageLines, lines.length)
  const fileLines = fileTextLines(docx, fileTexts, lineSources, (line) => docxPlaceOfLine(pageLines, line, paragraphs))
  for (const { value, part } of fileLines) {
    parts[lines.length] = part
    lines.push(value)
  }
  const lineStarts: number[] = []
  let start = 0
  for (const line of lines) {
    lineStarts.push(start)
    start += line.length + 1
  }
  const pageEnd = pageLineCount < lines.length ? lineStarts[pageLineCount]! : start - 1
  const pageNumbers = [marks, ...partMarks.map((p) => p.marks)].flatMap((m, k) => {
    const lineOf = k === 0 ? undefined : partMarks[k - 1]!.lineOf
    return m.pageNumberRegions((i) => {
      const line = lineOf ? lineOf[i] : i
      return line === undefined ? undefined : lineStarts[line]
    })
  })
  const properties = readDocumentProperties(docx.core, docx.app, docx.custom)
  const fileText = fileLines.map((f, k) => ({ ...f, line: pageLineCount + k }))
  return { text: lines.join('\n'), places, textBoxes, parts, pageNumbers, properties, lineSources, pageEnd, fileText, ...marks.resolve(lineStarts, commentTexts(docx.comments)) }
}

/** A line of file text: its value, and its part (`property`, `picture`, `link`) with its field. */
interface FileTextLine {
  readonly value: string
  readonly part: DocxPart
}

/**
 * The texts the file keeps beside its pages, as lines: the document properties a writer types
 * (title first) and the custom properties that name no one by their names (联系电话), then the pictures' texts and the links' in the order they stand, each text once
 * (a picture's name that repeats its alt text, a link given twice), each at the first place it
 * stands. `placeOf` gives the place of a line of the page.
 */
function fileTextLines(docx: DocxPartsXml, notesOf: ReadonlyMap<string, FileTextNotes>, sources: readonly LineSource[], placeOf: (line: number) => DocxPlace): FileTextLine[] {
  const out: FileTextLine[] = readPropertyTexts(docx.core, docx.app, docx.custom).map(({ field, value, name }) => ({ value, part: { kind: 'property', number: 1, field, ...(name !== undefined && { name }) } }))
  const seen = { picture: new Set<string>(), link: new Set<string>() }
  for (const kind of ['picture', 'link'] as const) {
    for (const { part, lineOf } of sources) {
      const links = docx.hyperlinks.get(part)
      for (const note of notesOf.get(part)?.notes ?? []) {
        if (note.kind !== kind) continue
        const raw = note.value ?? (note.relationship === undefined ? undefined : links?.get(note.relationship))
        const value = raw === undefined ? '' : flatText(kind === 'link' && note.field === 'target' ? linkAddress(raw) : raw)
        if (value === '' || seen[kind].has(value)) continue
        seen[kind].add(value)
        const line = note.paragraph === undefined || note.paragraph.index < 0 ? undefined : lineOf[note.paragraph.index]
        out.push({ value, part: { kind, number: note.number, field: note.field, ...(line !== undefined && { at: placeOf(line) }) } })
      }
    }
  }
  return out
}

/**
 * The parts of `kind`: headers and footers first on every page, then on the first, then on
 * even pages (their type from the sections' references, by relationship id), each kind in the
 * order of the numbers in their names (`header2.xml`).
 */
function orderedParts(others: readonly OtherPart[], kind: DocxPartKind, references: ReadonlyMap<string, string>): { xml: string; name: string; type: DocxPartType }[] {
  const numberOf = (name: string) => Number(/(\d*)\.xml$/.exec(name)?.[1] || 0)
  return others
    .filter((p) => p.kind === kind)
    .map((p) => ({ xml: p.xml, name: p.name, type: headerTypeOf(p.id === undefined ? undefined : references.get(p.id)) }))
    .sort((a, b) => headerTypeRank[a.type]! - headerTypeRank[b.type]! || numberOf(a.name) - numberOf(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function headerTypeOf(type: string | undefined): DocxPartType {
  return type === 'first' || type === 'even' ? type : 'default'
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

/**
 * The character a tab (`w:tab`) reads as: a tab, but in an underlined run with no text before it
 * a LOW LINE, Word's other fill-in line (Ctrl+U, then Tab: `审核：<u>⇥⇥</u>`), one character for
 * one as {@link textOfRun} reads underlined spaces. After text the underline goes on under a
 * filled value (`<u>张三⇥</u>`), which leaves nothing to fill.
 */
export function textOfTab(isUnderlined: boolean, runHasText: boolean): string {
  return isUnderlined && !runHasText ? '_' : '\t'
}

/** True for a `w:u` that draws a line: any value but `none` (a `w:u` with no value is single). */
export function isUnderline(attributes: Readonly<Record<string, string>>): boolean {
  return attributes['w:val'] !== 'none'
}

/**
 * Elements whose content is not the visible body: deleted revisions (the runs of a `w:del`,
 * their tabs and breaks with their text) and text moved away (a tracked move shows it struck
 * through at its old place), field codes, and properties (whose `w:tabs` holds tab stops, not
 * tabs). The branches of alternate content a reader does not show are not either
 * ({@link AlternateContent}).
 */
export const ignoredDocxElements: ReadonlySet<string> = new Set(['w:del', 'w:deltext', 'w:movefrom', 'w:instrtext', 'w:delinstrtext', 'w:ppr', 'w:rpr'])

/** What {@link bodyParagraphs} may note besides the paragraphs' text. */
export interface ParagraphNotes {
  /** Gets the table cell of each paragraph (undefined outside tables), index for index. */
  readonly places?: (TableCell | undefined)[]
  /** Gets the text box of each paragraph (undefined outside them), counting text boxes from 1, index for index. */
  readonly textBoxes?: (number | undefined)[]
  /**
   * In the notes' parts, gets the number of the note each paragraph is in, counting from 1 (0
   * outside notes), index for index; the separators Word keeps there as notes are left out.
   */
  readonly notes?: number[]
  /**
   * Gets the content controls showing their placeholders and what Word hides (the body's only
   * are read), and the results of page-numbering fields.
   */
  readonly marks?: DocxMarks
  /** Gets the type (`default`, `first`, `even`) of each header and footer the sections name, by relationship id. */
  readonly references?: Map<string, string>
  /** Gets the notes the body refers to, in order, and the sections' note properties. */
  readonly noteReferences?: NoteReferences
  /** In the notes' parts, gets the id of each note (the separators left out), in order: note N of {@link notes} has the Nth. */
  readonly noteIds?: string[]
  /** Gets the texts of pictures and links (alt text, address), with the paragraphs they stand in. */
  readonly fileTexts?: FileTextNotes
  /** The styles that hide their text (none when not given). */
  readonly hiddenStyles?: HiddenStyles
}

/**
 * Paragraphs (`w:p`) in document order; a paragraph nested in a text box comes before the one
 * holding it. Text Word does not show is left out: tracked deletions (and text moved away),
 * field codes, hidden runs (`w:vanish`).
 */
export function bodyParagraphs(xml: string, { places, textBoxes, notes, marks, references, noteReferences, noteIds, fileTexts, hiddenStyles = noHiddenStyles }: ParagraphNotes = {}): string[] {
  const paragraphs: string[] = []
  const open: { parts: string[]; paragraph: OpenParagraph }[] = []
  const cells = places ? new TableCells() : undefined
  let ignoredDepth = 0
  const alternates = new AlternateContent()
  let inText = false
  let inDeletedText = false
  let movedAway = 0
  let runDepth = 0
  let isUnderlined = false
  const visibility = new RunVisibility(hiddenStyles)
  // Whether the run open has shown text other than spaces (see textOfTab).
  let runHasText = false
  let note = 0
  let notesSeen = 0
  let isSeparatorNote = false
  // Content controls (`w:sdt`) open around this point, each true while it shows its placeholder.
  const controls: boolean[] = []
  let placeholderDepth = 0
  // Fields open around this point: a simple field's, and a complex field's instruction and whether its result has begun.
  const simpleFields: boolean[] = []
  const fields: { instruction: string; isResult: boolean }[] = []
  let inInstruction = false
  const isPageNumber = () => {
    const field = fields[fields.length - 1]
    return field ? field.isResult && pageFieldRe.test(field.instruction) : simpleFields[simpleFields.length - 1] === true
  }
  // The text boxes (`w:txbxContent`) open around this point, and how many were seen.
  const boxes: number[] = []
  let boxesSeen = 0
  const top = () => open[open.length - 1]
  const append = (s: string) => {
    const current = top()
    if (ignoredDepth > 0 || !current) return
    if (placeholderDepth > 0) marks?.placeholder(current.paragraph, current.paragraph.length, current.paragraph.length + s.length)
    if (isPageNumber()) marks?.pageNumber(current.paragraph, current.paragraph.length, current.paragraph.length + s.length)
    current.parts.push(s)
    current.paragraph.length += s.length
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        fileTexts?.element(name, attributes, top()?.paragraph, !alternates.isSkipping)
        noteReferences?.open(name, attributes, top()?.paragraph, ignoredDepth === 0)
        if (name === 'w:r') {
          runDepth++
          isUnderlined = false
          visibility.openRun()
          runHasText = false
        } else if (name === 'w:u' && runDepth > 0) isUnderlined = isUnderline(attributes)
        else if (name === 'w:vanish' && runDepth > 0) visibility.vanish(attributes)
        else if (name === 'w:rstyle' && runDepth > 0) visibility.characterStyle(attributes)
        else if (name === 'w:pstyle' && ignoredDepth <= 1) visibility.paragraphStyle(attributes)
        if (ignoredDocxElements.has(name)) {
          ignoredDepth++
          if (name === 'w:instrtext') inInstruction = true
          else if (name === 'w:deltext') inDeletedText = true
          else if (name === 'w:movefrom') movedAway++
        } else if (alternates.open(name, attributes)) ignoredDepth++
        else if (name === 'w:footnote' || name === 'w:endnote') {
          const type = attributes['w:type']
          isSeparatorNote = type !== undefined && type !== 'normal'
          if (isSeparatorNote) ignoredDepth++
          else {
            note = ++notesSeen
            noteIds?.push(attributes['w:id'] ?? '')
          }
        }
        // A paragraph inside what is ignored (the VML copy of a text box) is no line.
        else if (name === 'w:p' && ignoredDepth === 0) {
          open.push({ parts: [], paragraph: { length: 0, index: -1 } })
          visibility.openParagraph()
        }
        else if (name === 'w:t') inText = true
        else if (name === 'w:tab' || name === 'w:ptab') append(runDepth > 0 && !visibility.isHidden ? textOfTab(isUnderlined, runHasText) : '\t')
        else if (name === 'w:br' || name === 'w:cr') append(docxLineSeparator)
        else if (name === 'w:nobreakhyphen') append(nonBreakingHyphenText)
        else if (name === 'w:txbxcontent' && ignoredDepth === 0) boxes.push(boxes.length > 0 ? boxes[boxes.length - 1]! : ++boxesSeen)
        else if (name === 'w:sdt') controls.push(false)
        else if (name === 'w:fldsimple') {
          simpleFields.push(pageFieldRe.test(attributes['w:instr'] ?? ''))
          fileTexts?.field(attributes['w:instr'] ?? '', top()?.paragraph, !alternates.isSkipping)
        } else if (name === 'w:fldchar') {
          const field = fields[fields.length - 1]
          // The instruction is whole once its result begins, or the field ends without one.
          if (field && !field.isResult && (attributes['w:fldCharType'] === 'separate' || attributes['w:fldCharType'] === 'end')) fileTexts?.field(field.instruction, top()?.paragraph, !alternates.isSkipping)
          openField(fields, attributes['w:fldCharType'])
        }
        else if (name === 'w:showingplchdr' && controls.length > 0 && isOn(attributes)) controls[controls.length - 1] = true
        else if (name === 'w:sdtcontent' && controls[controls.length - 1]) placeholderDepth++
        else if ((name === 'w:commentrangestart' || name === 'w:commentreference') && attributes['w:id'] !== undefined && ignoredDepth === 0) marks?.commentMark(attributes['w:id'], true, top()?.paragraph)
        else if (name === 'w:commentrangeend' && attributes['w:id'] !== undefined && ignoredDepth === 0) marks?.commentMark(attributes['w:id'], false, top()?.paragraph)
        else if ((name === 'w:headerreference' || name === 'w:footerreference') && attributes['r:id'] !== undefined) references?.set(attributes['r:id'], attributes['w:type'] ?? 'default')
        else if (cells && ignoredDepth === 0) cells.open(name)
      },
      ontext(text) {
        if (inInstruction) {
          const field = fields[fields.length - 1]
          if (field && !field.isResult) field.instruction += text
          return
        }
        // Not a deletion's copy in a branch of alternate content no reader shows.
        if (inDeletedText || (inText && movedAway > 0)) {
          if (!alternates.isSkipping) marks?.hidden(movedAway > 0 ? 'move' : 'deletion', text, top()?.paragraph)
        } else if (!inText) return
        else if (!visibility.isHidden) {
          append(textOfRun(text, isUnderlined))
          if (ignoredDepth === 0) noteReferences?.text(text)
          if (/[^ ]/.test(text)) runHasText = true
        }
        else if (ignoredDepth === 0) marks?.hidden('hidden', text, top()?.paragraph)
      },
      onclosetag(name) {
        noteReferences?.close(name)
        if (name === 'w:r') runDepth--
        if (ignoredDocxElements.has(name)) {
          ignoredDepth--
          if (name === 'w:instrtext') inInstruction = false
          else if (name === 'w:deltext') inDeletedText = false
          else if (name === 'w:movefrom') movedAway--
        } else if (alternates.close(name)) ignoredDepth--
        else if (name === 'w:t') inText = false
        else if (name === 'w:p' && ignoredDepth === 0) {
          visibility.closeParagraph()
          const closing = open.pop()
          if (closing) closing.paragraph.index = paragraphs.length
          paragraphs.push(closing?.parts.join('') ?? '')
          places?.push(cells?.current())
          textBoxes?.push(boxes[boxes.length - 1])
          notes?.push(isSeparatorNote ? 0 : note)
        } else if (name === 'w:footnote' || name === 'w:endnote') {
          if (isSeparatorNote) ignoredDepth--
          isSeparatorNote = false
          note = 0
        } else if (name === 'w:sdtcontent' && controls[controls.length - 1]) placeholderDepth--
        else if (name === 'w:sdt') controls.pop()
        else if (name === 'w:fldsimple') simpleFields.pop()
        else if (name === 'w:txbxcontent' && ignoredDepth === 0) boxes.pop()
        else if (name === 'w:tbl' && ignoredDepth === 0) cells?.close()
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return paragraphs
}

/** A field whose result is a page number: the page, the document's or section's page count, a reference's page. */
const pageFieldRe = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b/i

/** Follows a complex field's `w:fldChar`: `begin` opens a field, `separate` starts its result, `end` closes it. */
function openField(fields: { instruction: string; isResult: boolean }[], type: string | undefined): void {
  if (type === 'begin') fields.push({ instruction: '', isResult: false })
  else if (type === 'separate' && fields.length > 0) fields[fields.length - 1]!.isResult = true
  else if (type === 'end') fields.pop()
}



/**
 * Follows `w:tbl`, `w:tr` and `w:tc` to name the cell a paragraph is in: tables are numbered
 * in document order, a table nested in a cell inside that cell (the first table there is 1).
 */
class TableCells {
  private tables = 0
  private readonly stack: { table: number; row: number; column: number; nested: number }[] = []

  open(name: string): void {
    const top = this.stack[this.stack.length - 1]
    if (name === 'w:tbl') this.stack.push({ table: top ? ++top.nested : ++this.tables, row: 0, column: 0, nested: 0 })
    else if (name === 'w:tr' && top) {
      top.row++
      top.column = 0
    } else if (name === 'w:tc' && top) {
      top.column++
      top.nested = 0
    }
  }

  close(): void {
    this.stack.pop()
  }

  current(): TableCell | undefined {
    let cell: TableCell | undefined
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const { table, row, column } = this.stack[i]!
      if (row === 0 || column === 0) return undefined
      cell = { table, row, column, ...(cell && { inner: cell }) }
    }
    return cell
  }
}
