// Writes edited copies of a Word .docx: the filled copy (`mask-audit fill`), each value put in
// the runs that hold its blank, and the redacted copy (`mask-audit redact`): each leaked name is replaced
// inside the runs that hold it, so the formatting stays, in the body and in the headers,
// footers and notes alike; what the page does not show but the file keeps is taken out, as
// Word's "accept all changes" and "delete all comments" do (docx-review.ts); the
// document properties that name people (author, last saved by, company, manager, a custom
// property named 联系人 or 作者单位) or may (title, subject, keywords, comments, category) are
// cleared, as 文档检查器 clears them; a picture's alt text and name, a link's address and the
// other custom properties' values (联系电话) take their edits. The rest of the package is copied as it was.
import { strFromU8, strToU8 } from 'fflate'
import { lastAtOrBefore } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { readDocxBody, type DocxBody, type LineSource } from './docx.js'
import { withFileTextsEdited, withLinkTargetsEdited } from './docx-file-text.js'
import { mapDocxBody, type BodyPiece } from './docx-body-map.js'
import { hiddenStylesOfPackage, type HiddenStyles } from './docx-styles.js'
import { removeReviewParts, withoutReview } from './docx-review.js'
import { withBranchesFollowing } from './docx-alternate.js'
import { escapeXml } from './docx-package.js'
import { mainPartOf, partTextOf, relationshipsOfPart, unzipPackage, zipPackage } from './docx-package.js'
import { clearDocumentProperties, propertyPartsOf, withCustomPropertiesEdited } from './docx-properties.js'

/** A replacement of the decoded text (UTF-16 code units; the body's paragraphs joined by `\n`). */
export interface TextEdit {
  readonly offset: number
  readonly length: number
  readonly replacement: string
}

/** What {@link redactDocx} did. */
export interface DocxRedaction extends DocxEdit {
  /** What the page did not show, taken out; `properties`: the document properties cleared that held a value. */
  readonly removed: { readonly revisions: number; readonly comments: number; readonly hidden: number; readonly properties: number }
}

/** The parts whose text Word shows, where revisions, comment marks and hidden runs may stand. */
const textPartRe = /^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/

/** What {@link editDocx} did: the copy, and how many edits it made and could not make. */
export interface DocxEdit {
  readonly bytes: Uint8Array
  /** Edits made (in every part that shows the text edited). */
  readonly applied: number
  /** Edits it could not make: across paragraphs, or in no part's text. */
  readonly notApplied: number
  /** The edits made, of those given. */
  readonly appliedEdits: ReadonlySet<TextEdit>
}

/**
 * The bytes of a copy of `docx` with `edits` of its decoded text made in the runs that hold
 * them (`mask-audit fill`): each run keeps its formatting, a span over several runs takes the
 * replacement in its first, and the rest of the package (tracked changes, comments, hidden
 * text, properties) is copied as it was. `body`: the package read already ({@link readDocxBody}),
 * for a caller that edits one file more than once. Throws InputError when the package cannot be read.
 */
export function editDocx(docx: Uint8Array, edits: readonly TextEdit[], path: string, body?: DocxBody): DocxEdit {
  const files = unzipPackage(docx, path)
  const applied = editTextParts(body ?? readBody(docx, files, path), files, edits)
  return { bytes: zipPackage(files), applied: applied.size, notApplied: edits.length - applied.size, appliedEdits: applied }
}

/** The bytes of a redacted copy of `docx`; throws InputError when the package cannot be read. */
export function redactDocx(docx: Uint8Array, edits: readonly TextEdit[], path: string): DocxRedaction {
  const files = unzipPackage(docx, path)
  const read = partTextOf(files)
  const bodyPart = mainPartOf(read)
  // The parts whose text Word shows: the main part and the notes, headers and footers it names (or that bear their usual names).
  const textParts = new Set([bodyPart, ...relationshipsOfPart(read, bodyPart).filter((r) => /^(?:header|footer|footnotes|endnotes)$/.test(r.type)).map((r) => r.target)])
  const body = readBody(docx, files, path)
  const applied = editTextParts(body, files, edits)
  for (const edit of editFileTexts(body, files, edits, textParts)) applied.add(edit)
  const removed = { revisions: 0, comments: 0, hidden: 0, properties: clearProperties(files) }
  const hiddenStyles = hiddenStylesOfPackage(files)
  for (const name of Object.keys(files)) {
    if (!textParts.has(name) && !textPartRe.test(name)) continue
    const cleaned = withoutReview(strFromU8(files[name]!), hiddenStyles)
    removed.revisions += cleaned.revisions
    removed.hidden += cleaned.hidden
    files[name] = strToU8(cleaned.xml)
  }
  removed.comments = removeReviewParts(files, bodyPart)
  return { bytes: zipPackage(files), applied: applied.size, notApplied: edits.length - applied.size, appliedEdits: applied, removed }
}

/** The text of `docx` as the reader gives it; InputError when the package has no main part. */
function readBody(docx: Uint8Array, files: Record<string, Uint8Array>, path: string): DocxBody {
  const bodyPart = mainPartOf(partTextOf(files))
  if (!files[bodyPart]) throw new InputError(`not a Word document: the archive has no ${bodyPart}`, { path })
  return readDocxBody(docx, path)
}

/** Makes `edits` of the decoded text of `body` in the parts of `files` that hold them; the edits made. */
function editTextParts({ text, lineSources }: DocxBody, files: Record<string, Uint8Array>, edits: readonly TextEdit[]): Set<TextEdit> {
  const hiddenStyles = hiddenStylesOfPackage(files)
  const applied = new Set<TextEdit>()
  for (const [part, local] of editsByPart(text, lineSources, edits)) {
    if (!files[part]) continue
    const xml = strFromU8(files[part])
    const done = replaceInPart(xml, local, hiddenStyles)
    files[part] = strToU8(withBranchesFollowing(xml, done.xml))
    for (const edit of done.applied) applied.add(edit)
  }
  return applied
}

/** An edit of one paragraph of a part: [from, to) of its text (UTF-16 code units), and the edit of the whole text it comes from. */
interface ParagraphEdit {
  readonly paragraph: number
  readonly from: number
  readonly to: number
  readonly edit: TextEdit
}

/**
 * The edits of the text as edits of the paragraphs of each part (in the order
 * {@link mapDocxBody} reads them): a line a header repeats in another header is edited in both.
 * An edit across lines is in no part.
 */
function editsByPart(text: string, sources: readonly LineSource[], edits: readonly TextEdit[]): Map<string, ParagraphEdit[]> {
  const lineStarts = [0]
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1)
  // The edits on each line, at their columns.
  const onLine = new Map<number, { from: number; to: number; edit: TextEdit }[]>()
  for (const edit of edits) {
    const line = lastAtOrBefore(lineStarts, edit.offset)
    const from = edit.offset - lineStarts[line]!
    const lineEnd = (lineStarts[line + 1] ?? text.length + 1) - 1
    if (edit.offset + edit.length > lineEnd) continue
    const here = onLine.get(line) ?? []
    onLine.set(line, here)
    here.push({ from, to: from + edit.length, edit })
  }
  const byPart = new Map<string, ParagraphEdit[]>()
  for (const { part, lineOf } of sources) {
    lineOf.forEach((line, paragraph) => {
      const here = line === undefined ? undefined : onLine.get(line)
      if (!here) return
      const ofPart = byPart.get(part) ?? []
      byPart.set(part, ofPart)
      for (const e of here) ofPart.push({ paragraph, ...e })
    })
  }
  return byPart
}

/**
 * Makes the edits of the file's texts: a picture's or link's text takes the edits of its line,
 * wherever it stands (each copy: `wp:docPr` and `pic:cNvPr`, a hyperlink's relationship in
 * any text part's relationships), and so does a custom property's value; the other document
 * properties are cleared whatever they hold ({@link clearProperties}), which makes the edits of
 * theirs. The edits made.
 */
function editFileTexts(body: DocxBody, files: Record<string, Uint8Array>, edits: readonly TextEdit[], textParts: ReadonlySet<string>): TextEdit[] {
  if (body.fileText.length === 0) return []
  const lineStarts = [0]
  for (let at = body.text.indexOf('\n'); at >= 0; at = body.text.indexOf('\n', at + 1)) lineStarts.push(at + 1)
  const byLine = new Map(body.fileText.map((f) => [f.line, f]))
  const made: TextEdit[] = []
  // The edits of each picture's and link's text, the text after them by the text before.
  const pending = new Map<string, TextEdit[]>()
  const picture = new Map<string, string>()
  const link = new Map<string, string>()
  const custom = new Map<string, string>()
  const onLine = new Map<number, TextEdit[]>()
  for (const edit of edits) {
    const line = lastAtOrBefore(lineStarts, edit.offset)
    const file = byLine.get(line)
    if (!file || edit.offset + edit.length > lineStarts[line]! + file.value.length) continue
    if (file.part.kind === 'property' && file.part.field !== 'custom') made.push(edit)
    else onLine.set(line, [...(onLine.get(line) ?? []), edit])
  }
  for (const [line, lineEdits] of onLine) {
    const file = byLine.get(line)!
    let value = file.value
    for (const edit of [...lineEdits].sort((a, b) => b.offset - a.offset)) {
      const from = edit.offset - lineStarts[line]!
      value = value.slice(0, from) + edit.replacement + value.slice(from + edit.length)
    }
    ;(file.part.kind === 'picture' ? picture : file.part.kind === 'link' ? link : custom).set(file.value, value)
    pending.set(file.value, lineEdits)
  }
  if (pending.size === 0) return made
  const done = new Set<string>()
  const customPart = propertyPartsOf(partTextOf(files)).custom
  if (custom.size > 0 && files[customPart]) files[customPart] = strToU8(withCustomPropertiesEdited(strFromU8(files[customPart]), custom, done))
  for (const name of Object.keys(files)) {
    if (textParts.has(name) || textPartRe.test(name)) files[name] = strToU8(withFileTextsEdited(strFromU8(files[name]!), { picture, link }, escapeXml, done))
    const source = /^(.*\/)?_rels\/([^/]+)\.rels$/.exec(name)
    const owner = source ? `${source[1] ?? ''}${source[2]}` : undefined
    if (owner !== undefined && (textParts.has(owner) || textPartRe.test(owner))) files[name] = strToU8(withLinkTargetsEdited(strFromU8(files[name]!), { picture, link }, escapeXml, done))
  }
  for (const [value, lineEdits] of pending) if (done.has(value)) made.push(...lineEdits)
  return made
}

/** Clears the document properties that name people, as 文档检查器 does; how many held a value. */
function clearProperties(files: Record<string, Uint8Array>): number {
  const { core, app, custom } = propertyPartsOf(partTextOf(files))
  const cleared = clearDocumentProperties(files[core] && strFromU8(files[core]), files[app] && strFromU8(files[app]), files[custom] && strFromU8(files[custom]))
  if (cleared.core !== undefined) files[core] = strToU8(cleared.core)
  if (cleared.app !== undefined) files[app] = strToU8(cleared.app)
  if (cleared.custom !== undefined) files[custom] = strToU8(cleared.custom)
  return cleared.cleared
}

/**
 * A part's XML with each edit made in the elements its span covers: in the `w:t` elements, the
 * replacement in the first, the rest cut; a tab, break or non-breaking hyphen inside the span
 * (`<w:tab/>`, read as one character) kept where the replacement keeps its character at its
 * place (a mask over `0755‑83456789` or an ID number typed with a tab), else taken out, and
 * where the span holds no text at all (a fill-in line of underlined tabs), the first one turned
 * into the text. The edits made.
 */
function replaceInPart(xml: string, edits: readonly ParagraphEdit[], hiddenStyles: HiddenStyles): { xml: string; applied: TextEdit[] } {
  const paragraphs = mapDocxBody(xml, hiddenStyles)
  // Cuts per `w:t` element (by the raw start of its text): where, inside its decoded text, and what goes there.
  const elements = new Map<number, { textStart: number; textEnd: number; pieces: BodyPiece[]; cuts: { from: number; to: number; put: string }[] }>()
  // Marks replaced whole: by the raw range of their element, what goes there.
  const marks: { start: number; end: number; text: string }[] = []
  const applied: TextEdit[] = []
  for (const { paragraph: index, from, to, edit } of edits) {
    const paragraph = paragraphs[index]
    if (!paragraph || to > paragraph.text.length) continue
    const covered = paragraph.pieces.filter((p) => p.start < to && p.start + p.text.length > from)
    const { replacement } = edit
    const marksCovered = covered.filter((p) => p.kind === 'mark')
    const keepsMarks = marksCovered.length > 0 && replacement.length === to - from && marksCovered.every((p) => replacement[p.start - from] === p.text)
    let isPlaced = false
    for (const piece of covered) {
      const lo = Math.max(from, piece.start)
      const hi = Math.min(to, piece.start + piece.text.length)
      if (piece.kind === 'mark') {
        if (keepsMarks) continue
        marks.push({ start: piece.tagStart, end: piece.tagEnd, text: isPlaced || replacement === '' ? '' : `<w:t xml:space="preserve">${escapeXml(replacement)}</w:t>` })
        isPlaced = true
        continue
      }
      let element = elements.get(piece.textStart)
      if (!element) {
        element = { textStart: piece.textStart, textEnd: piece.textEnd, pieces: paragraph.pieces.filter((p) => p.kind === 'text' && p.textStart === piece.textStart), cuts: [] }
        elements.set(piece.textStart, element)
      }
      const base = element.pieces[0]!.start
      element.cuts.push({ from: lo - base, to: hi - base, put: keepsMarks ? replacement.slice(lo - from, hi - from) : isPlaced ? '' : replacement })
      isPlaced = true
    }
    if (isPlaced) applied.push(edit)
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
  for (const r of [...replacements, ...marks].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue
    result += xml.slice(at, r.start) + r.text
    at = r.end
  }
  return { xml: result + xml.slice(at), applied }
}
