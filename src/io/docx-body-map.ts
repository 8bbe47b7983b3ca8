// Maps the text the .docx reader produces back to where it sits in a part's XML (the main
// part, a header, the notes), so a span of the decoded text (UTF-16 code units) can be anchored
// in the XML: for comments and for redaction.
import { Parser } from 'htmlparser2'
import { ignoredDocxElements, docxLineSeparator, isUnderline, nonBreakingHyphenText, textOfRun, textOfTab } from './docx.js'
import { AlternateContent } from './docx-alternate.js'
import { noHiddenStyles, RunVisibility, type HiddenStyles } from './docx-styles.js'

/** A `w:r` run: its raw open tag and properties, copied when the run is split in two. */
export interface RunRef {
  /** Raw index of `<w:r` and just past `</w:r>`. */
  readonly openStart: number
  closeEnd: number
  /** The run's open tag and its `w:rPr` element, verbatim. */
  readonly openTag: string
  rPr: string
  /** Raw start of the run's first child after `w:rPr`, and end of its last child. */
  firstChildStart: number
  lastChildEnd: number
  /**
   * The outermost tracked insertion (`w:ins`, `w:moveTo`) the run is in, and the raw index just
   * past its end (set when it closes); undefined outside one.
   */
  readonly revision: { end: number } | undefined
}

/** A piece of a paragraph's text and the XML it came from. */
export interface BodyPiece {
  /** A chunk of a `w:t`'s text, or a mark element that stands for a character (`<w:tab/>`). */
  readonly kind: 'text' | 'mark'
  /** UTF-16 offset of the piece inside its paragraph's text. */
  readonly start: number
  readonly text: string
  /** Raw range of the piece: characters of a `w:t` (an entity is one chunk), or the whole mark. */
  readonly rawStart: number
  readonly rawEnd: number
  /** True when the raw range is the text itself, one raw character a UTF-16 unit. */
  readonly isPlain: boolean
  /** Raw range of the element holding the piece, tags included: its `w:t`, or the mark. */
  readonly tagStart: number
  tagEnd: number
  /** Raw range of the whole text of the piece's `w:t` (the mark's own range for a mark). */
  readonly textStart: number
  textEnd: number
  /** Whether the `w:t` keeps its spaces (`xml:space="preserve"`); true for marks. */
  readonly hasPreserve: boolean
  readonly run: RunRef | undefined
}

/** A comment range mark (`w:commentRangeStart`, `w:commentRangeEnd`) and the UTF-16 offset inside its paragraph's text where it stands. */
export interface CommentMark {
  readonly id: string
  readonly isStart: boolean
  readonly at: number
}

/** A paragraph of the body: its text as the reader gives it, and the pieces of that text. */
export interface BodyParagraph {
  readonly text: string
  readonly pieces: readonly BodyPiece[]
  /** The comment range marks inside the paragraph, in document order. */
  readonly commentMarks: readonly CommentMark[]
  /** Raw index just inside the paragraph: after `<w:p>` or after its `w:pPr`. */
  readonly insideStart: number
}

interface OpenParagraph {
  parts: string[]
  length: number
  pieces: BodyPiece[]
  commentMarks: CommentMark[]
  insideStart: number
}

/**
 * The paragraphs of a part (`word/document.xml`, a header, the notes) in the reader's order (a
 * nested paragraph, in a text box, before the one holding it), each with the raw positions of
 * its text. `text` of each paragraph equals what {@link import('./docx.js').bodyParagraphs}
 * gives.
 */
export function mapDocxBody(xml: string, hiddenStyles: HiddenStyles = noHiddenStyles): BodyParagraph[] {
  const done: BodyParagraph[] = []
  const open: OpenParagraph[] = []
  const runs: RunRef[] = []
  let ignoredDepth = 0
  const alternates = new AlternateContent()
  let rPrStart = -1
  let text: { tagStart: number; textStart: number; hasPreserve: boolean } | undefined
  let elementOfMark = -1
  let isUnderlined = false
  const visibility = new RunVisibility(hiddenStyles)
  let runHasText = false
  // A note's separator (`w:type="separator"`) is no note: the reader reads none of its paragraphs.
  let isSeparatorNote = false
  // The tracked insertions open around this point.
  const revisions: { end: number }[] = []
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        elementOfMark = -1
        const run = runs[runs.length - 1]
        if (run && ignoredDepth === 0 && name !== 'w:rpr' && rPrStart < 0 && run.firstChildStart < 0) run.firstChildStart = parser.startIndex
        if (ignoredDepth === 0 && name === 'w:rpr' && run && run.firstChildStart < 0) rPrStart = parser.startIndex
        if (name === 'w:r') {
          isUnderlined = false
          visibility.openRun()
          runHasText = false
        } else if (name === 'w:u' && runs.length > 0) isUnderlined = isUnderline(attributes)
        else if (name === 'w:vanish' && runs.length > 0) visibility.vanish(attributes)
        else if (name === 'w:rstyle' && runs.length > 0) visibility.characterStyle(attributes)
        else if (name === 'w:pstyle' && ignoredDepth <= 1) visibility.paragraphStyle(attributes)
        if (ignoredDocxElements.has(name) || alternates.open(name, attributes)) ignoredDepth++
        else if ((name === 'w:footnote' || name === 'w:endnote') && attributes['w:type'] !== undefined && attributes['w:type'] !== 'normal') {
          isSeparatorNote = true
          ignoredDepth++
        } else if (name === 'w:p' && ignoredDepth === 0) {
          open.push({ parts: [], length: 0, pieces: [], commentMarks: [], insideStart: parser.endIndex + 1 })
          visibility.openParagraph()
        }
        else if ((name === 'w:commentrangestart' || name === 'w:commentrangeend') && attributes['w:id'] !== undefined && ignoredDepth === 0) {
          const paragraph = open[open.length - 1]
          paragraph?.commentMarks.push({ id: attributes['w:id'], isStart: name === 'w:commentrangestart', at: paragraph.length })
        } else if (name === 'w:r') runs.push({ openStart: parser.startIndex, closeEnd: -1, openTag: xml.slice(parser.startIndex, parser.endIndex + 1), rPr: '', firstChildStart: -1, lastChildEnd: -1, revision: revisions[0] })
        else if ((name === 'w:ins' || name === 'w:moveto') && ignoredDepth === 0) revisions.push({ end: -1 })
        else if (name === 'w:t') text = { tagStart: parser.startIndex, textStart: parser.endIndex + 1, hasPreserve: /xml:space\s*=\s*["']preserve["']/.test(xml.slice(parser.startIndex, parser.endIndex + 1)) }
        else if (name === 'w:tab' || name === 'w:ptab') markAt(runs.length > 0 && !visibility.isHidden ? textOfTab(isUnderlined, runHasText) : '\t')
        else if (name === 'w:br' || name === 'w:cr') markAt(docxLineSeparator)
        else if (name === 'w:nobreakhyphen') markAt(nonBreakingHyphenText)
      },
      ontext(data) {
        // A hidden run (`w:vanish`) is not read: the reader leaves it out.
        if (!text || ignoredDepth > 0 || visibility.isHidden) return
        const rawStart = parser.startIndex
        const rawEnd = parser.endIndex + 1
        const isPlain = rawEnd - rawStart === data.length && xml.slice(rawStart, rawEnd) === data
        // A fill-in line's spaces read as `_` (same length): its raw characters still map one to one.
        if (/[^ ]/.test(data)) runHasText = true
        append(textOfRun(data, isUnderlined), { kind: 'text', rawStart, rawEnd, isPlain, tagStart: text.tagStart, tagEnd: -1, textStart: text.textStart, textEnd: -1, hasPreserve: text.hasPreserve, run: runs[runs.length - 1] })
      },
      onclosetag(name) {
        const end = parser.endIndex + 1
        const paragraph = open[open.length - 1]
        if ((name === 'w:ins' || name === 'w:moveto') && ignoredDepth === 0) {
          const revision = revisions.pop()
          if (revision) revision.end = end
        }
        // Only the paragraph's own properties: not those of a paragraph in what is ignored (a text box's VML copy).
        if (name === 'w:ppr' && ignoredDepth === 1 && paragraph && paragraph.pieces.length === 0) paragraph.insideStart = end
        if (ignoredDocxElements.has(name) || alternates.close(name)) ignoredDepth--
        else if ((name === 'w:footnote' || name === 'w:endnote') && isSeparatorNote) {
          isSeparatorNote = false
          ignoredDepth--
        } else if (name === 'w:t' && text) {
          const textEnd = parser.startIndex
          finishElements(paragraph, (p) => p.tagStart === text!.tagStart, end, textEnd)
          text = undefined
        } else if (name === 'w:r') {
          const run = runs.pop()
          if (run) run.closeEnd = end
        } else if (name === 'w:p' && ignoredDepth === 0) {
          visibility.closeParagraph()
          const p = open.pop()
          if (p) done.push({ text: p.parts.join(''), pieces: p.pieces, commentMarks: p.commentMarks, insideStart: p.insideStart })
        }
        if (name === 'w:rpr' && rPrStart >= 0) {
          const run = runs[runs.length - 1]
          if (run) run.rPr = xml.slice(rPrStart, end)
          rPrStart = -1
        }
        const run = runs[runs.length - 1]
        if (run && ignoredDepth === 0 && name !== 'w:rpr' && name !== 'w:r' && rPrStart < 0) run.lastChildEnd = end
        if (elementOfMark >= 0) finishElements(paragraph, (p) => p.tagStart === elementOfMark, end, end)
        elementOfMark = -1
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )

  function append(s: string, where: Omit<BodyPiece, 'start' | 'text'>): void {
    const paragraph = open[open.length - 1]
    if (ignoredDepth > 0 || !paragraph) return
    paragraph.pieces.push({ start: paragraph.length, text: s, ...where })
    paragraph.parts.push(s)
    paragraph.length += s.length
  }
  function markAt(s: string): void {
    elementOfMark = parser.startIndex
    const start = parser.startIndex
    const end = parser.endIndex + 1
    append(s, { kind: 'mark', rawStart: start, rawEnd: end, isPlain: false, tagStart: start, tagEnd: end, textStart: start, textEnd: end, hasPreserve: true, run: runs[runs.length - 1] })
  }
  parser.end(xml)
  return done
}

/** Sets where the element of the last pieces ends (the chunks of a `w:t`, or a mark): known at its close tag. */
function finishElements(paragraph: OpenParagraph | undefined, isOfElement: (p: BodyPiece) => boolean, tagEnd: number, textEnd: number): void {
  if (!paragraph) return
  for (let i = paragraph.pieces.length - 1; i >= 0; i--) {
    const piece = paragraph.pieces[i]!
    if (!isOfElement(piece)) break
    piece.tagEnd = tagEnd
    piece.textEnd = textEnd
  }
}
