// Writes the redacted copy of a Word .docx (`mask-audit redact`): each leaked name in the body
// is replaced inside the runs that hold it, so the formatting stays; and what the page does
// not show but the file keeps is taken out, as Word's "accept all changes" and "delete all
// comments" do: tracked deletions and moves, comments (with the list of their authors),
// hidden runs and formatting revisions. The rest of the package is copied as it was.
import { strFromU8, strToU8 } from 'fflate'
import { lastAtOrBefore } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { mapDocxBody, type BodyPiece } from './docx-body-map.js'
import { escapeXml } from './docx-comments.js'
import { contentTypesPart, mainPartOf, partTextOf, relationshipsOfPart, relsPartOf, unzipPackage, zipPackage } from './docx-package.js'

/** A replacement of the decoded text (UTF-16 code units; the body's paragraphs joined by `\n`). */
export interface TextEdit {
  readonly offset: number
  readonly length: number
  readonly replacement: string
}

/** What {@link redactDocx} did. */
export interface DocxRedaction {
  readonly bytes: Uint8Array
  /** Edits made in the body. */
  readonly applied: number
  /** Edits it could not make: outside the body (notes, headers, footers) or across paragraphs. */
  readonly notApplied: number
  /** What the page did not show, taken out. */
  readonly removed: { readonly revisions: number; readonly comments: number; readonly hidden: number }
}

const commentsPart = 'word/comments.xml'
/** The parts whose text Word shows, where revisions, comment marks and hidden runs may stand. */
const textPartRe = /^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/
/** Relationships (their type's last segment) of the parts that exist only for comments and revisions: the comments themselves and their authors' list. */
const reviewPartTypes: ReadonlySet<string> = new Set(['comments', 'commentsExtended', 'commentsIds', 'commentsExtensible', 'people'])

/** The bytes of a redacted copy of `docx`; throws InputError when the package cannot be read. */
export function redactDocx(docx: Uint8Array, edits: readonly TextEdit[], path: string): DocxRedaction {
  const files = unzipPackage(docx, path)
  const read = partTextOf(files)
  const bodyPart = mainPartOf(read)
  // The parts whose text Word shows: the main part and the notes, headers and footers it names (or that bear their usual names).
  const textParts = new Set([bodyPart, ...relationshipsOfPart(read, bodyPart).filter((r) => /^(?:header|footer|footnotes|endnotes)$/.test(r.type)).map((r) => r.target)])
  const body = files[bodyPart]
  if (!body) throw new InputError(`not a Word document: the archive has no ${bodyPart}`, { path })
  const { xml, applied } = replaceInBody(strFromU8(body), edits)
  files[bodyPart] = strToU8(xml)
  const removed = { revisions: 0, comments: 0, hidden: 0 }
  for (const name of Object.keys(files)) {
    if (!textParts.has(name) && !textPartRe.test(name)) continue
    const cleaned = withoutReview(strFromU8(files[name]!))
    removed.revisions += cleaned.revisions
    removed.hidden += cleaned.hidden
    files[name] = strToU8(cleaned.xml)
  }
  removed.comments = removeReviewParts(files, bodyPart)
  return { bytes: zipPackage(files), applied, notApplied: edits.length - applied, removed }
}

/** The body XML with each edit made in the `w:t` elements its span covers: the replacement in the first, the rest cut. */
function replaceInBody(xml: string, edits: readonly TextEdit[]): { xml: string; applied: number } {
  const paragraphs = mapDocxBody(xml)
  const starts: number[] = []
  let offset = 0
  for (const p of paragraphs) {
    starts.push(offset)
    offset += p.text.length + 1
  }
  // Cuts per `w:t` element (by the raw start of its text): where, inside its decoded text, and what goes there.
  const elements = new Map<number, { textStart: number; textEnd: number; pieces: BodyPiece[]; cuts: { from: number; to: number; put: string }[] }>()
  let applied = 0
  for (const edit of edits) {
    const index = lastAtOrBefore(starts, edit.offset)
    const paragraph = paragraphs[index]
    const from = edit.offset - starts[index]!
    const to = from + edit.length
    if (!paragraph || from < 0 || to > paragraph.text.length) continue
    let put = edit.replacement
    for (const piece of paragraph.pieces) {
      const end = piece.start + piece.text.length
      if (piece.kind !== 'text' || end <= from || piece.start >= to) continue
      let element = elements.get(piece.textStart)
      if (!element) {
        element = { textStart: piece.textStart, textEnd: piece.textEnd, pieces: paragraph.pieces.filter((p) => p.kind === 'text' && p.textStart === piece.textStart), cuts: [] }
        elements.set(piece.textStart, element)
      }
      const base = element.pieces[0]!.start
      element.cuts.push({ from: Math.max(from, piece.start) - base, to: Math.min(to, end) - base, put })
      put = ''
    }
    if (put === '') applied++
  }
  const replacements = [...elements.values()].map((e) => {
    const text = e.pieces.map((p) => p.text).join('')
    let out = ''
    let at = 0
    for (const cut of e.cuts.sort((a, b) => a.from - b.from)) {
      if (cut.from < at) continue
      out += text.slice(at, cut.from) + cut.put
      at = cut.to
    }
    return { start: e.textStart, end: e.textEnd, text: escapeXml(out + text.slice(at)) }
  })
  let result = ''
  let at = 0
  for (const r of replacements.sort((a, b) => a.start - b.start)) {
    result += xml.slice(at, r.start) + r.text
    at = r.end
  }
  return { xml: result + xml.slice(at), applied }
}

/**
 * A part as Word leaves it after accepting every change and deleting every comment: deleted
 * and moved-away runs gone, inserted and moved-to runs kept without their marks, property
 * revisions and comment marks and references gone; and hidden runs gone. Counts what it took.
 */
export function withoutReview(xml: string): { xml: string; revisions: number; hidden: number } {
  let revisions = 0
  const count = (re: RegExp, replacement = '') => {
    xml = xml.replace(re, () => {
      revisions++
      return replacement
    })
  }
  // Revisions of the paragraph mark (`<w:del …/>` in its run properties) and range marks hold no text.
  xml = xml.replace(/<w:(?:del|ins|moveFrom|moveTo)\b[^>]*\/>|<w:(?:moveFrom|moveTo)Range(?:Start|End)\b[^>]*\/>/g, '')
  count(/<w:(del|moveFrom)\b[^>]*>[\s\S]*?<\/w:\1>/g)
  xml = xml.replace(/<\/?w:(?:ins|moveTo)\b[^>]*>/g, '')
  xml = xml.replace(/<w:(rPrChange|pPrChange|sectPrChange|tblPrChange|tblPrExChange|tcPrChange|trPrChange|tblGridChange|numberingChange)\b[^>]*(?:\/>|>[\s\S]*?<\/w:\1>)/g, '')
  xml = xml.replace(/<w:comment(?:RangeStart|RangeEnd)\b[^>]*\/>/g, '')
  // A run holding only a comment's reference mark (and its properties), as Word writes it.
  xml = xml.replace(/<w:r\b[^>]*>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:commentReference\b[^>]*\/><\/w:r>/g, '')
  xml = xml.replace(/<w:commentReference\b[^>]*\/>/g, '')
  let hidden = 0
  // A run (one holding no other run) whose properties hide it.
  xml = xml.replace(/<w:r\b[^>]*>((?:(?!<w:r[\s>]|<\/w:r>)[\s\S])*)<\/w:r>/g, (run, inner: string) => {
    const props = /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner)?.[1] ?? ''
    if (!/<w:vanish(?:\s+w:val="(?:1|true|on)")?\s*\/>/.test(props)) return run
    hidden++
    return ''
  })
  return { xml, revisions, hidden }
}

/** Takes out the comments part and the parts that serve it (its extensions, the authors' list); gives how many comments it held. */
function removeReviewParts(files: Record<string, Uint8Array>, bodyPart: string): number {
  const review = relationshipsOfPart(partTextOf(files), bodyPart).filter((r) => reviewPartTypes.has(r.type))
  const bodyRelsPart = relsPartOf(bodyPart)
  const ids = new Set(review.map((r) => r.id))
  if (files[bodyRelsPart] && ids.size > 0) {
    files[bodyRelsPart] = strToU8(strFromU8(files[bodyRelsPart]).replace(/<Relationship\b[^>]*\/>/g, (r) => (ids.has(/\bId="([^"]*)"/.exec(r)?.[1] ?? '') ? '' : r)))
  }
  // The usual name too, in case no relationship names it: the reader finds it by that name.
  const parts = new Set([...review.map((r) => r.target), commentsPart])
  let comments = 0
  for (const part of parts) {
    const data = files[part]
    if (!data) continue
    const xml = strFromU8(data)
    if (/<w:comments\b/.test(xml)) comments += (xml.match(/<w:comment\b/g) ?? []).length
    delete files[part]
    const types = files[contentTypesPart] ? strFromU8(files[contentTypesPart]) : ''
    files[contentTypesPart] = strToU8(types.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), ''))
  }
  return comments
}
