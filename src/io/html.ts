// Turns HTML into the text a reader sees: tags, comments, scripts and styles removed,
// entities decoded, and every line break of the source kept so line numbers match the file.
import { Parser } from 'htmlparser2'
import type { Region, SourceOffsets } from '../core/document.js'
import type { Reader } from './readers.js'
import { isCmsTagComment } from './cms-tags.js'

/** The HTML reader: the text a browser shows, line for line with the source. */
export const htmlReader: Reader = {
  fromText: (text) => htmlToText(text),
}

/** Text content of an HTML page and the regions of it rules must skip (code). */
export interface HtmlText {
  /** The text content; its lines are the source's lines. Offsets in UTF-16 code units. */
  readonly text: string
  readonly skipped: Region[]
  /** Where each piece of the text stands in the HTML source: findings report the file's columns. */
  readonly sourceOffsets: SourceOffsets
}

/** Elements whose content is not prose: dropped, only their line breaks kept. */
const hiddenElements = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'object', 'iframe'])
/** Elements whose text is kept but is code, not prose: rules skip it, as in Markdown. */
const codeElements = new Set(['code', 'kbd', 'samp'])
/**
 * Elements that separate text: without a separator `<p>发展*</p><p>名…</p>` would read as
 * one run. A space is used, not a line break, so lines stay the source's lines; table cells
 * are separated by a tab, a cell's edge as the mask rules read it (`<td>×××</td><td>***</td>`).
 */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
])
const cellElements = new Set(['td', 'th'])
const lineBreakRe = /\r\n|\r|\n/g
const endsWithLineBreakRe = /[\r\n]$/
/** Comments holding this are directives to mask-audit and are kept. */
const directiveMarker = 'mask-audit-'
const endsWithSpaceRe = /\s$/
const startsWithSpaceRe = /^\s/

/**
 * Extracts the text of `html`. The source's line breaks are all kept (markup spanning lines
 * leaves its breaks), so line N of the result is line N of the file; offsets count the text
 * without markup, and `sourceOffsets` maps them back to the file's columns.
 */
export function htmlToText(html: string): HtmlText {
  const out: string[] = []
  let length = 0
  let consumed = 0
  let hiddenDepth = 0
  let codeDepth = 0
  let codeStart = 0
  let separator: '' | ' ' | '\t' = ''
  const skipped: Region[] = []
  const textStarts: number[] = []
  const sourceStarts: number[] = []
  const sourceLengths: number[] = []
  /** Appends `s`, which stands at [sourceStart, sourceStart + sourceLength) of the source. */
  const push = (s: string, sourceStart: number, sourceLength: number) => {
    textStarts.push(length)
    sourceStarts.push(sourceStart)
    sourceLengths.push(sourceLength)
    out.push(s)
    length += s.length
  }
  const keepLineBreaks = (from: number, to: number) => {
    for (const m of html.slice(from, to).matchAll(lineBreakRe)) push(m[0], from + m.index, m[0].length)
  }
  const separate = (name: string) => {
    if (cellElements.has(name)) separator = '\t'
    else if (separator === '' && blockElements.has(name)) separator = ' '
  }
  const parser: Parser = new Parser(
    {
      ontext(data) {
        const start = parser.startIndex
        keepLineBreaks(consumed, start)
        consumed = parser.endIndex + 1
        if (hiddenDepth > 0) return keepLineBreaks(start, consumed)
        const last = out[out.length - 1] ?? ''
        // A separator stands where the markup before the text ends.
        if (separator === '\t' && length > 0 && !endsWithLineBreakRe.test(last) && !startsWithSpaceRe.test(data)) push('\t', start, 0)
        else if (separator === ' ' && length > 0 && !endsWithSpaceRe.test(last) && !startsWithSpaceRe.test(data)) push(' ', start, 0)
        separator = ''
        push(data, start, consumed - start)
      },
      oncomment(data) {
        // Suppression directives (`<!-- mask-audit-disable-next-line -->`) stay in the text,
        // skipped, so the suppression filter finds them on their line; a CMS's paid-content tag
        // (`<!--paidbegin-->`) stays as rules read it, at its source position, since it marks
        // where the page was cut; other comments go.
        if (hiddenDepth > 0) return
        const isDirective = data.includes(directiveMarker)
        if (!isDirective && !isCmsTagComment(data)) return
        const start = parser.startIndex
        keepLineBreaks(consumed, start)
        consumed = parser.endIndex + 1
        if (isDirective) skipped.push({ start: length, end: length + consumed - start })
        push(html.slice(start, consumed), start, consumed - start)
      },
      onopentag(name) {
        if (hiddenElements.has(name)) hiddenDepth++
        if (codeElements.has(name) && codeDepth++ === 0) codeStart = length
        separate(name)
      },
      onclosetag(name) {
        if (hiddenElements.has(name) && hiddenDepth > 0) hiddenDepth--
        if (codeElements.has(name) && codeDepth > 0 && --codeDepth === 0) skipped.push({ start: codeStart, end: length })
        separate(name)
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  keepLineBreaks(consumed, html.length)
  if (codeDepth > 0) skipped.push({ start: codeStart, end: length })
  const sourceLineStarts = [0]
  for (const m of html.matchAll(lineBreakRe)) sourceLineStarts.push(m.index + m[0].length)
  const sourceOffsets = { textStarts: Int32Array.from(textStarts), sourceStarts: Int32Array.from(sourceStarts), sourceLengths: Int32Array.from(sourceLengths), sourceLineStarts: Int32Array.from(sourceLineStarts) }
  return { text: out.join(''), skipped, sourceOffsets }
}
