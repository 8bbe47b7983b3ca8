// Document: decoded text plus a line index and the regions rules must skip.

/** The readers a Document can come from; rules may treat markup differently. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx'

/** A half-open span [start, end) of UTF-16 code units in the decoded text. */
export interface Region {
  readonly start: number
  readonly end: number
}

/** 1-based line and column; the column counts UTF-16 code units. */
export interface Position {
  readonly line: number
  readonly column: number
}

/**
 * The table cell a line of a .docx is in: 1-based table (in document order), row and cell; in
 * a table nested in that cell, `inner` is the cell of the nested table, whose `table` counts the
 * tables of the outer cell (1 for the first).
 */
export interface TableCell {
  readonly table: number
  readonly row: number
  readonly column: number
  readonly inner?: TableCell
}

/**
 * The parts of a .docx besides the body whose text Word shows (notes, headers, footers); and
 * the texts the file keeps beside its pages that anyone who opens it reads: the document
 * properties (文件 → 信息 → 属性), a picture's alt text, title or name, a link's address or
 * screen tip.
 */
export type DocxPartKind = 'footnote' | 'endnote' | 'header' | 'footer' | DocxFileTextKind

/** The texts a .docx keeps beside its pages: a document property, a picture's, a link's. */
export type DocxFileTextKind = 'property' | 'picture' | 'link'

/**
 * Which text of a document property (`title`, `subject`, `keywords`, `description`,
 * `category`, or `custom`: one an office's template adds under a name of its own, 联系电话), of a
 * picture (`descr`: its alt text, `title`, `name`) or of a link (`target`, `tooltip`) a line of
 * file text is.
 */
export type DocxFileTextField = 'title' | 'subject' | 'keywords' | 'description' | 'category' | 'custom' | 'descr' | 'name' | 'target' | 'tooltip'

/**
 * Where a line of a .docx stands, as a reader of Word finds it: a table cell, a part outside the
 * body, a text box, or a body paragraph (counting those outside tables and text boxes).
 */
export interface DocxPlace {
  readonly cell?: TableCell
  readonly part?: DocxPart
  readonly textBox?: number
  readonly paragraph?: number
}

/** Which pages a header or footer is on: every page's (`default`), the first page's, even pages'. */
export type DocxPartType = 'default' | 'first' | 'even'

/**
 * A line of a .docx outside the body: its part, and which one: the note's number, counting from
 * 1 as Word does; the header's or footer's among those of different text, and for a header or
 * footer of the first or even pages only, its `type` (absent for every page's). A line of file
 * text: its `field`; for a picture or link, which one of its part (counting from 1 in document
 * order) and `at`, the place of the paragraph it stands in; a property's number is 1, and a
 * custom property has its `name` (`联系电话`). A note's number is counted in its `section`
 * (from 1, given where the numbering restarts in each section of several), shown as its
 * `label` (`①`, `iii`, `二`) where not in Arabic digits; a note with a custom mark shows its
 * `mark` (`*`); where the numbering restarts on each page, which only a layout knows, a note is
 * named by the place of its reference (`at`) and counted among the notes referred to there.
 */
export interface DocxPart {
  readonly kind: DocxPartKind
  readonly number: number
  readonly type?: Exclude<DocxPartType, 'default'>
  readonly field?: DocxFileTextField
  readonly name?: string
  readonly section?: number
  readonly label?: string
  readonly mark?: string
  readonly at?: DocxPlace
}

/** What a .docx holds that Word does not show: a tracked deletion, text a tracked move took away (its old place), a comment, a hidden run. */
export type HiddenKind = 'deletion' | 'move' | 'comment' | 'hidden'

/**
 * Text a .docx holds but Word does not show on the page, anyone who opens the file can read:
 * where it stands in the text (a comment: the span it is anchored on; else length 0).
 */
export interface HiddenContent {
  readonly kind: HiddenKind
  readonly text: string
  readonly offset: number
  readonly length: number
}

/**
 * A field of a .docx's document properties that can name a person or a unit (Word's 文件 → 信息 →
 * 属性); `custom`: a custom property whose name says it holds one (联系人, 审核人, 作者单位).
 */
export type DocumentPropertyField = 'creator' | 'lastModifiedBy' | 'company' | 'manager' | 'custom'

/**
 * A document property a .docx keeps with its text: the author (`dc:creator`) and the last to
 * save it (`cp:lastModifiedBy`) in `docProps/core.xml`, the company and manager in
 * `docProps/app.xml`, the custom properties an office's template adds in `docProps/custom.xml`.
 * Anyone who opens the file reads them, though no page shows them.
 */
export interface DocumentProperty {
  readonly field: DocumentPropertyField
  /** For a custom property, its name (`联系人`). */
  readonly name?: string
  /** The value, trimmed; never empty. */
  readonly value: string
}

/** What a reader knows of the source beyond the text. */
export interface DocumentSource {
  readonly path: string
  readonly encoding: string
  readonly hasBom?: boolean
  readonly format?: DocumentFormat
  /** Spans the rules must not match in (code, markup), in any order, may overlap. */
  readonly skipped?: readonly Region[]
  /**
   * Spans of raw HTML in a Markdown document, found by its reader: only a comment inside one
   * is an inline directive (not one in a code block). Undefined when not known.
   */
  readonly htmlRegions?: readonly Region[]
  /** Size of the file read, in bytes, when it came from one (progress, throughput). */
  readonly byteLength?: number | undefined
  /** For a .docx, the table cell of each line (index 0 is line 1), undefined outside tables. */
  readonly cells?: readonly (TableCell | undefined)[]
  /** For a .docx, the part of each line after the body (index 0 is line 1), undefined in the body. */
  readonly parts?: readonly (DocxPart | undefined)[]
  /** For a .docx, the text box of each line of the body (index 0 is line 1, counting text boxes from 1), undefined outside them. */
  readonly textBoxes?: readonly (number | undefined)[]
  /** Emphasis the markup's parser found (Markdown `**一、强化**`): its markers are not masks. */
  readonly emphasis?: readonly EmphasisSpan[]
  /** For text extracted from markup (HTML), where it stands in the source: columns are the source's. */
  readonly sourceOffsets?: SourceOffsets
  /** For a .docx, the spans of text a content control shows as its placeholder (a template's prompt). */
  readonly placeholders?: readonly Region[]
  /** For a .docx, what the file holds that Word does not show, in document order. */
  readonly hidden?: readonly HiddenContent[]
  /** For a .docx, the document properties that hold a value, in the order of {@link DocumentPropertyField}. */
  readonly properties?: readonly DocumentProperty[]
  /**
   * For a .docx, where the text its pages show ends: the lines after it are the texts the file
   * keeps beside them (properties, alt texts, links' addresses), one a line. The text's length
   * when there are none.
   */
  readonly pageEnd?: number
}

/**
 * Where the extracted text of a markup file stands in its source, for columns a user finds in
 * an editor: pieces of text that start at `textStarts[k]` in the text start at
 * `sourceStarts[k]` in the source (ascending both); `sourceLineStarts` are the source's lines,
 * which are the text's lines. Inside a piece, text and source run alike (an entity maps to its
 * start).
 */
export interface SourceOffsets {
  readonly textStarts: Int32Array
  readonly sourceStarts: Int32Array
  readonly sourceLengths: Int32Array
  readonly sourceLineStarts: Int32Array
}

/**
 * One emphasis or strong span of parsed markup: its opening and closing markers (`**`), in
 * UTF-16 code units. Nested spans (`***加粗斜体***`) are listed one each.
 */
export interface EmphasisSpan {
  readonly open: Region
  readonly close: Region
}

/**
 * The unit every rule sees. Offsets are UTF-16 code units into `text` (BOM removed, line
 * endings kept); a line ends at LF, CRLF or a lone CR.
 */
export class Document {
  readonly path: string
  readonly text: string
  readonly encoding: string
  readonly hasBom: boolean
  readonly format: DocumentFormat
  /** Sorted, merged skip regions. */
  readonly skipped: readonly Region[]
  /** Spans of raw HTML of a Markdown document, when its reader found them. */
  readonly htmlRegions: readonly Region[] | undefined
  /** Bytes of the source file, when known. */
  readonly byteLength: number | undefined
  /** For a .docx, the table cell of each line (index 0 is line 1); empty otherwise. */
  readonly cells: readonly (TableCell | undefined)[]
  /** For a .docx, the part of each line after the body (index 0 is line 1); empty otherwise. */
  readonly parts: readonly (DocxPart | undefined)[]
  /** For a .docx, the text box of each line (index 0 is line 1); empty otherwise. */
  readonly textBoxes: readonly (number | undefined)[]
  /** Emphasis spans found by the format's parser, in document order; empty for plain text. */
  readonly emphasis: readonly EmphasisSpan[]
  /** Where the text stands in the source file, when it was extracted from markup; else undefined. */
  readonly sourceOffsets: SourceOffsets | undefined
  /** For a .docx, spans a content control shows as its placeholder; empty otherwise. */
  readonly placeholders: readonly Region[]
  /** For a .docx, tracked deletions, comments and hidden runs the file holds; empty otherwise. */
  readonly hidden: readonly HiddenContent[]
  /** For a .docx, the document properties that hold a value; empty otherwise. */
  readonly properties: readonly DocumentProperty[]
  /** Where the text the pages show ends (see {@link DocumentSource.pageEnd}): the text's length but in a .docx with file text. */
  readonly pageEnd: number
  private readonly source: DocumentSource
  private pageViewCache: Document | undefined
  private lineStartsCache: number[] | undefined
  private readonly memo = new Map<string, unknown>()

  constructor(text: string, source: DocumentSource) {
    this.text = text
    this.path = source.path
    this.encoding = source.encoding
    this.hasBom = source.hasBom ?? false
    this.format = source.format ?? 'text'
    this.skipped = mergeRegions(source.skipped ?? [])
    this.htmlRegions = source.htmlRegions
    this.byteLength = source.byteLength
    this.cells = source.cells ?? []
    this.parts = source.parts ?? []
    this.textBoxes = source.textBoxes ?? []
    this.emphasis = source.emphasis ?? []
    this.sourceOffsets = source.sourceOffsets
    this.placeholders = source.placeholders ?? []
    this.hidden = source.hidden ?? []
    this.properties = source.properties ?? []
    this.pageEnd = Math.min(source.pageEnd ?? text.length, text.length)
    this.source = source
  }

  /**
   * The document as its pages show it: without the lines of file text after {@link pageEnd}
   * (the same document when it has none). Offsets and lines are the same in both: what a rule
   * finds in the view stands where it does in the whole.
   */
  pageView(): Document {
    if (this.pageEnd >= this.text.length) return this
    if (!this.pageViewCache) {
      // The line break before the file text goes with it: the page's last line ends the view.
      const end = Math.max(0, this.pageEnd - 1)
      const lines = (this.text.slice(0, end).match(/\n/g)?.length ?? 0) + 1
      const { skipped, cells, parts, textBoxes, placeholders, hidden } = this.source
      this.pageViewCache = new Document(this.text.slice(0, end), {
        ...this.source,
        pageEnd: end,
        skipped: skipped?.filter((r) => r.start < end),
        cells: cells?.slice(0, lines),
        parts: parts?.slice(0, lines),
        textBoxes: textBoxes?.slice(0, lines),
        placeholders: placeholders?.filter((r) => r.start < end),
        hidden: hidden?.filter((h) => h.offset <= end),
      })
    }
    return this.pageViewCache
  }

  /** Where line `line` (1-based) of a .docx stands as Word's reader finds it; undefined in other formats. */
  docxPlaceAt(line: number): DocxPlace | undefined {
    if (this.format !== 'docx' || line < 1 || line > this.lineStarts.length) return undefined
    return docxPlaceOfLine(this, line - 1, this.bodyParagraphNumbers())
  }

  /**
   * The 1-based column a user sees for `offset` on `line`: in the source file where the text
   * was extracted from markup (HTML: the column in the .html file), else in the text.
   */
  columnAt(offset: number, line: number): number {
    const map = this.sourceOffsets
    if (!map) return offset - this.lineStarts[line - 1]! + 1
    const k = lastAtOrBefore(map.textStarts, offset)
    const source = map.sourceStarts[k]! + Math.min(offset - map.textStarts[k]!, map.sourceLengths[k]!)
    return source - (map.sourceLineStarts[line - 1] ?? 0) + 1
  }

  /** Offsets at which each line starts; index 0 is line 1. */
  get lineStarts(): readonly number[] {
    this.lineStartsCache ??= computeLineStarts(this.text)
    return this.lineStartsCache
  }

  /** Line and column of a UTF-16 offset, the column as {@link columnAt} gives it. */
  positionAt(offset: number): Position {
    const line = this.lineAt(offset)
    return { line, column: this.columnAt(offset, line) }
  }

  /** The 1-based line of a UTF-16 offset. */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset) + 1
  }

  /**
   * For a line of a .docx body outside tables, its paragraph counted as Word's reader sees the
   * body: paragraphs outside tables and text boxes only (empty ones included), since a table's
   * cells are named by their cell and a text box by its number. Undefined for other formats,
   * table cells, text boxes, notes, headers and footers.
   */
  bodyParagraphAt(line: number): number | undefined {
    if (this.format !== 'docx' || !isBodyParagraph(this, line - 1)) return undefined
    return this.bodyParagraphNumbers()[line - 1]
  }

  private bodyParagraphNumbers(): readonly number[] {
    return this.derive('docx.bodyParagraphs', (doc) => countBodyParagraphs(doc, doc.lineStarts.length))
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length
    const next = this.lineStarts[line] ?? this.text.length
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '')
  }

  /** True when [offset, offset+length) touches a skipped region. */
  isSkipped(offset: number, length: number): boolean {
    const end = offset + Math.max(length, 1)
    const regions = this.skipped
    let lo = 0
    let hi = regions.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (regions[mid]!.end <= offset) lo = mid + 1
      else hi = mid
    }
    const r = regions[lo]
    return r !== undefined && r.start < end
  }

  /**
   * Computes a value derived from the document once and shares it between rules (the mask
   * runs, the inferred year). `key` names the derivation.
   */
  derive<T>(key: string, compute: (doc: Document) => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T
    const value = compute(this)
    this.memo.set(key, value)
    return value
  }
}

/** The lines of a .docx by what holds each (index 0 is line 1): its table cell, its part outside the body, its text box. */
export interface DocxLines {
  readonly cells: readonly (TableCell | undefined)[]
  readonly parts: readonly (DocxPart | undefined)[]
  readonly textBoxes: readonly (number | undefined)[]
}

function isBodyParagraph(lines: DocxLines, index: number): boolean {
  return lines.cells[index] === undefined && lines.parts[index] === undefined && lines.textBoxes[index] === undefined
}

/**
 * For each of the first `count` lines (0-based) of a .docx, the number of the body paragraph it
 * is or follows, counting those outside tables, text boxes and the other parts, as Word's reader
 * counts them.
 */
export function countBodyParagraphs(lines: DocxLines, count: number): number[] {
  const counted: number[] = []
  let n = 0
  for (let i = 0; i < count; i++) counted.push(isBodyParagraph(lines, i) ? ++n : n)
  return counted
}

/**
 * Where line `index` (0-based) of a .docx stands as Word's reader finds it: its table cell, its
 * part, its text box, else its body paragraph by `paragraphs` ({@link countBodyParagraphs}).
 */
export function docxPlaceOfLine(lines: DocxLines, index: number, paragraphs: readonly number[]): DocxPlace {
  const cell = lines.cells[index]
  if (cell) return { cell }
  const part = lines.parts[index]
  if (part) return { part }
  const textBox = lines.textBoxes[index]
  if (textBox !== undefined) return { textBox }
  return { paragraph: paragraphs[index]! }
}

function computeLineStarts(text: string): number[] {
  const starts = [0]
  // indexOf finds LF fast; a lone CR (old Mac files) is rare enough to look for only when present.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    return starts
  }
  const lineBreakRe = /\r\n|\n|\r/g
  for (let m = lineBreakRe.exec(text); m; m = lineBreakRe.exec(text)) starts.push(m.index + m[0].length)
  return starts
}

/** The index of the last of the ascending `sorted` that is at most `value` (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Regions sorted by start, empty ones dropped, overlapping or touching ones merged. */
export function mergeRegions(regions: readonly Region[]): Region[] {
  const sorted = regions.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const merged: Region[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) }
    else merged.push(r)
  }
  return merged
}
