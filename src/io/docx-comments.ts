// Writes a copy of a .docx with a Word comment (批注) on given spans of its text: the body XML
// gets comment range marks (splitting runs where a span starts or ends inside one), and the
// comments part, its relationship and its content type are added or extended. Everything else
// in the package, existing comments and tracked changes included, is kept as it was.
import { strFromU8, strToU8 } from 'fflate'
import { lastAtOrBefore } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { mapDocxBody, type BodyParagraph, type BodyPiece } from './docx-body-map.js'
import { hiddenStylesOfPackage } from './docx-styles.js'
import { ensureCommentStyles, type CommentStyleIds } from './docx-comment-styles.js'
import { contentTypesPart, escapeXml, mainPartOf, partOfRelationship, partTextOf, relsPartOf, unzipPackage, zipPackage } from './docx-package.js'
import { readComments } from './docx-hidden.js'

/** A comment to add: a span of the decoded text (UTF-16 code units, paragraphs joined by `\n`) and its paragraphs. */
export interface DocxComment {
  readonly offset: number
  readonly length: number
  /** The comment's text, one entry a paragraph. */
  readonly paragraphs: readonly string[]
}

/** Who and when, written on every comment. */
export interface CommentAuthor {
  readonly author: string
  readonly initials: string
  /** ISO 8601, e.g. `2026-12-02T05:00:00Z`. */
  readonly date: string
}

const commentsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const commentsContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const wordNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/**
 * The bytes of a copy of `docx` with one comment per entry of `comments`, anchored on its
 * span, in Word's comment styles. A comment the package holds already (same author and
 * initials, same text, same span: a copy annotated before) is not added again. Gives the
 * copy and how many comments it added. Throws InputError when the package cannot be read.
 */
export function addDocxComments(docx: Uint8Array, comments: readonly DocxComment[], who: CommentAuthor, path: string): { bytes: Uint8Array; added: number } {
  const files = unzipPackage(docx, path)
  const bodyPart = mainPartOf(partTextOf(files))
  const bodyBytes = files[bodyPart]
  if (!bodyBytes) throw new InputError(`not a Word document: the archive has no ${bodyPart}`, { path })
  const xml = strFromU8(bodyBytes)
  const commentsPath = findCommentsPart(files, bodyPart)
  const existing = files[commentsPath] ? strFromU8(files[commentsPath]) : undefined
  const paragraphs = mapDocxBody(xml, hiddenStylesOfPackage(files))
  const written = existing ? writtenComments(existing, paragraphs) : new Set<string>()
  const fresh = comments.filter((c) => !written.has(commentKey(who.author, who.initials, c.paragraphs, c.offset, c.offset + c.length)))
  if (fresh.length === 0) return { bytes: docx, added: 0 }
  let nextId = Math.max(maxId(xml), existing ? maxId(existing) : -1) + 1
  const anchors = fresh.map((c) => ({ ...c, id: nextId++ }))
  const styles = ensureCommentStyles(files)
  files[bodyPart] = strToU8(insertRanges(xml, paragraphs, anchors, styles))
  files[commentsPath] = strToU8(withComments(existing, anchors, who, styles))
  if (!existing) registerCommentsPart(files, bodyPart, commentsPath)
  return { bytes: zipPackage(files), added: anchors.length }
}

/** What makes two comments the same: who wrote them, their text and the span they are on. */
function commentKey(author: string, initials: string, paragraphs: readonly string[], start: number, end: number): string {
  return JSON.stringify([author, initials, paragraphs, start, end])
}

/** The key of every comment of the comments part whose range marks are in the body. */
function writtenComments(commentsXml: string, paragraphs: readonly BodyParagraph[]): Set<string> {
  const spans = new Map<string, { start?: number; end?: number }>()
  let offset = 0
  for (const p of paragraphs) {
    for (const mark of p.commentMarks) {
      const span = spans.get(mark.id) ?? {}
      if (mark.isStart) span.start = offset + mark.at
      else span.end = offset + mark.at
      spans.set(mark.id, span)
    }
    offset += p.text.length + 1
  }
  const keys = new Set<string>()
  for (const c of readComments(commentsXml)) {
    const span = spans.get(c.id)
    if (span?.start !== undefined && span.end !== undefined) keys.add(commentKey(c.author, c.initials, c.paragraphs, span.start, span.end))
  }
  return keys
}

/** The largest `w:id` in a part, or -1: comment ids must not collide with any mark's id. */
function maxId(xml: string): number {
  let max = -1
  for (const m of xml.matchAll(/\bw:id="(-?\d+)"/g)) max = Math.max(max, Number(m[1]))
  return max
}

/** Where the package keeps its comments: the target of the main part's comments relationship, else `comments.xml` beside it. */
function findCommentsPart(files: Record<string, Uint8Array>, bodyPart: string): string {
  return partOfRelationship(files, commentsType, `${folderOf(bodyPart)}comments.xml`)
}

/** The folder of a part, with its slash: `word/` for `word/document.xml`. */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1)
}

/** Names a new comments part in the main part's relationships and the package's content types. */
function registerCommentsPart(files: Record<string, Uint8Array>, bodyPart: string, commentsPath: string): void {
  const relsPart = relsPartOf(bodyPart)
  const rels = files[relsPart] ? strFromU8(files[relsPart]) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
  const used = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]))
  let n = used.size + 1
  while (used.has(`rId${n}`)) n++
  const folder = folderOf(bodyPart)
  const target = commentsPath.startsWith(folder) ? commentsPath.slice(folder.length) : `/${commentsPath}`
  const relationship = `<Relationship Id="rId${n}" Type="${commentsType}" Target="${target}"/>`
  files[relsPart] = strToU8(rels.replace('</Relationships>', `${relationship}</Relationships>`))
  const types = files[contentTypesPart] ? strFromU8(files[contentTypesPart]) : ''
  if (!types.includes(`PartName="/${commentsPath}"`)) {
    files[contentTypesPart] = strToU8(types.replace('</Types>', `<Override PartName="/${commentsPath}" ContentType="${commentsContentType}"/></Types>`))
  }
}

/** The comments part with the new comments appended (a new part when there was none). */
function withComments(existing: string | undefined, anchors: readonly (DocxComment & { id: number })[], who: CommentAuthor, styles: CommentStyleIds | undefined): string {
  const added = anchors.map((a) => commentXml(a, who, styles)).join('')
  if (existing && existing.includes('</w:comments>')) return existing.replace('</w:comments>', `${added}</w:comments>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${wordNs}">${added}</w:comments>`
}

function commentXml(anchor: DocxComment & { id: number }, who: CommentAuthor, styles: CommentStyleIds | undefined): string {
  const pPr = styles ? `<w:pPr><w:pStyle w:val="${styles.text}"/></w:pPr>` : ''
  const paragraphs = anchor.paragraphs.map((text, i) => {
    const ref = i === 0 ? `<w:r>${referenceRPr(styles)}<w:annotationRef/></w:r>` : ''
    return `<w:p>${pPr}${ref}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`
  })
  return `<w:comment w:id="${anchor.id}" w:author="${escapeXml(who.author)}" w:date="${who.date}" w:initials="${escapeXml(who.initials)}">${paragraphs.join('')}</w:comment>`
}


/** An insertion into the body XML: at `at`, close what is open, add the marks, reopen. */
interface Insertion {
  readonly at: number
  readonly before: string
  readonly after: string
  readonly ends: string[]
  readonly starts: string[]
}

/** The run properties of a comment's mark: Word's "annotation reference" style, when the package has styles. */
function referenceRPr(styles: CommentStyleIds | undefined): string {
  return styles ? `<w:rPr><w:rStyle w:val="${styles.reference}"/></w:rPr>` : ''
}

/** The body XML with a comment range and a reference for every anchor. */
function insertRanges(xml: string, paragraphs: readonly BodyParagraph[], anchors: readonly (DocxComment & { id: number })[], styles: CommentStyleIds | undefined): string {
  const locate = locator(paragraphs)
  const insertions = new Map<string, Insertion>()
  const at = (point: Point, edge: 'start' | 'end'): Insertion => {
    let last: Insertion | undefined
    for (const ins of insertionFor(point, edge)) {
      const key = `${ins.at}:${ins.before}:${ins.after}`
      last = insertions.get(key) ?? ins
      insertions.set(key, last)
    }
    return last!
  }
  for (const a of anchors) {
    const startMark = `<w:commentRangeStart w:id="${a.id}"/>`
    const endMark = `<w:commentRangeEnd w:id="${a.id}"/><w:r>${referenceRPr(styles)}<w:commentReference w:id="${a.id}"/></w:r>`
    const start = locate(a.offset, 'start')
    const end = a.length === 0 ? start : locate(a.offset + a.length, 'end')
    const after = referenceAfter(end)
    if (a.length === 0 && after === undefined) {
      at(start, 'start').starts.push(startMark + endMark)
      continue
    }
    if (a.length === 0) at(start, 'start').starts.push(`${startMark}<w:commentRangeEnd w:id="${a.id}"/>`)
    else at(start, 'start').starts.push(startMark)
    if (after === undefined) at(end, 'end').ends.push(endMark)
    else {
      // The reference is a run of its own, which must not be part of what it stands in: the
      // range still ends on the span, the reference follows ({@link referenceAfter}).
      if (a.length > 0) at(end, 'end').ends.push(`<w:commentRangeEnd w:id="${a.id}"/>`)
      at({ piece: undefined, at: after }, 'end').ends.push(`<w:r>${referenceRPr(styles)}<w:commentReference w:id="${a.id}"/></w:r>`)
    }
  }
  const ordered = [...insertions.values()].sort((a, b) => a.at - b.at)
  const out: string[] = []
  let last = 0
  for (const ins of ordered) {
    out.push(xml.slice(last, ins.at), ins.before, ...ins.ends, ...ins.starts, ins.after)
    last = ins.at
  }
  out.push(xml.slice(last))
  return out.join('')
}

/** A place in the body: a piece of a paragraph and a UTF-16 index inside it, or a raw index (a paragraph with no text). */
type Point = { readonly piece: BodyPiece; readonly k: number; readonly paragraph: BodyParagraph } | { readonly piece: undefined; readonly at: number }

/**
 * Where a comment's reference must go instead of just after its range's end, or undefined:
 * after a tracked insertion (`w:ins`, `w:moveTo`) that holds the point, of which a run inside
 * would be part (rejecting the insertion would take the reference and leave the comment
 * without its anchor; Word marks a comment on inserted text so); after a group of runs laid out
 * as one, which a run inside would break in two. The range's marks may stand inside either.
 */
function referenceAfter(point: Point): number | undefined {
  const group = layoutGroupEnd(point)
  const revision = point.piece?.run?.revision?.end
  if (revision === undefined || revision < 0) return group
  return Math.max(group ?? revision, revision)
}

/**
 * Where the group of runs laid out as one (`w:eastAsianLayout` with `w:combine`, 双行合一, or
 * `w:vert`, 纵横混排, and one `w:id`) that holds the point ends: just past its last run;
 * undefined outside such a group.
 */
function layoutGroupEnd(point: Point): number | undefined {
  if (!point.piece) return undefined
  const group = layoutGroupOf(point.piece.run?.rPr)
  if (group === undefined) return undefined
  let end = point.piece.run!.closeEnd
  const pieces = point.paragraph.pieces
  for (let i = pieces.indexOf(point.piece) + 1; i < pieces.length; i++) {
    const run = pieces[i]!.run
    if (!run || layoutGroupOf(run.rPr) !== group) break
    end = Math.max(end, run.closeEnd)
  }
  return end
}

/** The id of the group a run's properties lay it out in (combined or vertical), undefined when none. */
function layoutGroupOf(rPr: string | undefined): string | undefined {
  const layout = rPr === undefined ? undefined : /<w:eastAsianLayout\b[^>]*>/.exec(rPr)?.[0]
  if (!layout || !/\bw:(?:combine|vert)="(?:1|true|on)"/.test(layout)) return undefined
  return /\bw:id="([^"]*)"/.exec(layout)?.[1] ?? ''
}

/**
 * Finds where an offset of the decoded text falls. A span's start belongs to the piece that
 * holds its first character; its end to the piece that holds its last one.
 */
function locator(paragraphs: readonly BodyParagraph[]): (offset: number, edge: 'start' | 'end') => Point {
  const starts: number[] = []
  let offset = 0
  for (const p of paragraphs) {
    starts.push(offset)
    offset += p.text.length + 1
  }
  return (target, edge) => {
    const lo = lastAtOrBefore(starts, target)
    const paragraph = paragraphs[lo]
    if (!paragraph) return { piece: undefined, at: 0 }
    const k = Math.min(target - starts[lo]!, paragraph.text.length)
    const pieces = paragraph.pieces
    if (pieces.length === 0) return { piece: undefined, at: paragraph.insideStart }
    for (const piece of pieces) {
      const end = piece.start + piece.text.length
      if (edge === 'start' ? k < end : k <= end && k > piece.start) return { piece, k: k - piece.start, paragraph }
    }
    const tail = pieces[pieces.length - 1]!
    return edge === 'start' && k >= paragraph.text.length ? { piece: tail, k: tail.text.length, paragraph } : { piece: pieces[0]!, k: 0, paragraph }
  }
}

/** Where marks go for a point, and what must be closed and reopened around them to split a run. */
function insertionFor(point: Point, edge: 'start' | 'end'): Insertion[] {
  const make = (at: number, before = '', after = ''): Insertion => ({ at, before, after, ends: [], starts: [] })
  if (!point.piece) return [make(point.at)]
  const { piece } = point
  // Inside an entity or a mark nothing can be split: a start moves before it, an end after it.
  const k = piece.isPlain || point.k === 0 || point.k >= piece.text.length ? point.k : edge === 'start' ? 0 : piece.text.length
  const isBefore = k === 0
  const isAfter = k >= piece.text.length
  const run = piece.run
  if (!run || run.closeEnd < 0) return [make(isAfter ? piece.tagEnd : piece.tagStart)]
  if (isBefore && piece.tagStart === run.firstChildStart && piece.rawStart === piece.textStart) return [make(run.openStart)]
  if (isAfter && piece.tagEnd === run.lastChildEnd && piece.rawEnd === piece.textEnd) return [make(run.closeEnd)]
  const reopen = `${run.openTag}${run.rPr}`
  if (isBefore && piece.rawStart === piece.textStart) return [make(piece.tagStart, '</w:r>', reopen)]
  if (isAfter && piece.rawEnd === piece.textEnd) return [make(piece.tagEnd, '</w:r>', reopen)]
  const at = isBefore ? piece.rawStart : isAfter ? piece.rawEnd : piece.rawStart + k
  const split = make(at, '</w:t></w:r>', `${reopen}<w:t xml:space="preserve">`)
  // The first half keeps its spaces too: `<w:t>` becomes `<w:t xml:space="preserve">`.
  return piece.hasPreserve ? [split] : [make(piece.tagStart + '<w:t'.length, ' xml:space="preserve"'), split]
}
