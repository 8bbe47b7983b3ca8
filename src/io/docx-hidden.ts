// What a .docx holds beyond the text Word shows, noted while its body is read: a content
// control still showing its placeholder (visible, but a template's prompt, not the writer's
// text), and what anyone who opens the file can recover though the page does not show it:
// tracked deletions, comments and hidden runs. Each is placed in the text the reader gives.
import { Parser } from 'htmlparser2'
import type { HiddenContent, HiddenKind, Region } from '../core/document.js'

/** A paragraph being read; its line index is known when it closes. */
export interface OpenParagraph {
  length: number
  index: number
}

/** A place in the text while it is read: a paragraph and an offset inside it. */
interface Spot {
  readonly paragraph: OpenParagraph
  readonly at: number
}

interface Noted {
  readonly kind: HiddenKind
  readonly text: string
  readonly start: Spot
  readonly end?: Spot
}

/** Collects the marks while the body is parsed, then places them in the text. */
export class DocxMarks {
  private readonly placeholders: { start: Spot; end: Spot }[] = []
  private readonly pageNumbers: { start: Spot; end: Spot }[] = []
  private readonly noted: Noted[] = []
  private readonly commentStarts = new Map<string, Spot>()
  private readonly commentEnds = new Map<string, Spot>()

  /** Text appended to a paragraph while a content control shows its placeholder. */
  placeholder(paragraph: OpenParagraph, start: number, end: number): void {
    extendSpans(this.placeholders, paragraph, start, end)
  }

  /** Text appended to a paragraph as the result of a page-numbering field (`PAGE`, `NUMPAGES`). */
  pageNumber(paragraph: OpenParagraph, start: number, end: number): void {
    extendSpans(this.pageNumbers, paragraph, start, end)
  }

  /**
   * The spans of page-numbering fields' results, in the text where the paragraph of index `i`
   * starts at `startOf(i)` (undefined for a paragraph that is no line). Word writes these
   * numbers itself: `第 1 页 共 3 页` in a footer is its page numbering, not a web page's.
   */
  pageNumberRegions(startOf: (index: number) => number | undefined): Region[] {
    const regions: Region[] = []
    for (const { start, end } of this.pageNumbers) {
      const at = startOf(start.paragraph.index)
      if (at !== undefined && end.at > start.at) regions.push({ start: at + start.at, end: at + end.at })
    }
    return regions
  }

  /** A tracked deletion, text moved away (a tracked move's old place) or a hidden run, at the place in `paragraph` where it stands. */
  hidden(kind: 'deletion' | 'move' | 'hidden', text: string, paragraph: OpenParagraph | undefined): void {
    if (text.trim() === '' || !paragraph) return
    const previous = this.noted[this.noted.length - 1]
    // A deletion Word split into runs (one per formatting change) is one deletion.
    if (previous && previous.kind === kind && previous.start.paragraph === paragraph && previous.start.at === paragraph.length) {
      this.noted[this.noted.length - 1] = { ...previous, text: previous.text + text }
      return
    }
    this.noted.push({ kind, text, start: { paragraph, at: paragraph.length } })
  }

  /** A comment's range mark (`w:commentRangeStart`/`End`) or its reference, where it stands. */
  commentMark(id: string, isStart: boolean, paragraph: OpenParagraph | undefined): void {
    if (!paragraph) return
    const marks = isStart ? this.commentStarts : this.commentEnds
    if (!marks.has(id)) marks.set(id, { paragraph, at: paragraph.length })
  }

  /**
   * The placeholders' spans and the hidden content in the text whose lines start at
   * `lineStarts`, comments (by id, from {@link commentTexts}) anchored on their ranges; a
   * comment whose range is not in the body stands at the text's start.
   */
  resolve(lineStarts: readonly number[], comments: ReadonlyMap<string, string>): { placeholders: Region[]; hidden: HiddenContent[] } {
    const offsetOf = (spot: Spot) => (lineStarts[spot.paragraph.index] ?? 0) + spot.at
    const placeholders = this.placeholders.map(({ start, end }) => ({ start: offsetOf(start), end: offsetOf(end) })).filter((r) => r.end > r.start)
    const hidden: HiddenContent[] = this.noted.map((n) => ({ kind: n.kind, text: n.text, offset: offsetOf(n.start), length: 0 }))
    for (const [id, text] of comments) {
      const start = this.commentStarts.get(id) ?? this.commentEnds.get(id)
      const end = this.commentEnds.get(id)
      const offset = start ? offsetOf(start) : 0
      const length = end && start ? Math.max(0, offsetOf(end) - offset) : 0
      hidden.push({ kind: 'comment', text, offset, length })
    }
    return { placeholders, hidden: hidden.sort((a, b) => a.offset - b.offset) }
  }
}

/** Adds [start, end) of `paragraph` to `spans`, joined to the last span when it goes on from it. */
function extendSpans(spans: { start: Spot; end: Spot }[], paragraph: OpenParagraph, start: number, end: number): void {
  const last = spans[spans.length - 1]
  if (last && last.end.paragraph === paragraph && last.end.at === start) spans[spans.length - 1] = { start: last.start, end: { paragraph, at: end } }
  else spans.push({ start: { paragraph, at: start }, end: { paragraph, at: end } })
}

/** One comment of a comments part: who wrote it and the text of each of its paragraphs. */
export interface CommentEntry {
  readonly id: string
  readonly author: string
  readonly initials: string
  readonly paragraphs: string[]
}

/** The comments of a comments part (`word/comments.xml`), in order. */
export function readComments(xml: string): CommentEntry[] {
  const out: CommentEntry[] = []
  let inText = false
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:comment') out.push({ id: attributes['w:id'] ?? '', author: attributes['w:author'] ?? '', initials: attributes['w:initials'] ?? '', paragraphs: [] })
        else if (name === 'w:p') out[out.length - 1]?.paragraphs.push('')
        else if (name === 'w:t') inText = true
      },
      ontext(data) {
        const paragraphs = out[out.length - 1]?.paragraphs
        if (inText && paragraphs && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += data
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return out
}

/** The text of each comment of a comments part, by id, its paragraphs joined by spaces. */
export function commentTexts(xml: string | undefined): Map<string, string> {
  return new Map((xml === undefined ? [] : readComments(xml)).map((c) => [c.id, c.paragraphs.join(' ').trim()]))
}
