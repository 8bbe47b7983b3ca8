// A Word part as Word leaves it after "accept all changes" and "delete all comments", and the
// package without the parts that serve comments: what `redact` does to what the page does not
// show but the file keeps (tracked deletions and moves, formatting revisions, comments with
// their authors' list, hidden runs).
import { strFromU8, strToU8 } from 'fflate'
import { contentTypesPart, partTextOf, relationshipOfTag, relationshipsOfPart, relsPartOf } from './docx-package.js'
import { isOn, noHiddenStyles, type HiddenStyles } from './docx-styles.js'

const commentsPart = 'word/comments.xml'
/** Relationships (their type's last segment) of the parts that exist only for comments and revisions: the comments themselves and their authors' list. */
const reviewPartTypes: ReadonlySet<string> = new Set(['comments', 'commentsExtended', 'commentsIds', 'commentsExtensible', 'people'])

/**
 * A part as Word leaves it after accepting every change and deleting every comment: deleted
 * and moved-away runs gone, inserted and moved-to runs kept without their marks, property
 * revisions and comment marks and references gone; and hidden runs gone. Counts what it took.
 */
export function withoutReview(xml: string, hiddenStyles: HiddenStyles = noHiddenStyles): { xml: string; revisions: number; hidden: number } {
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
  // A run (one holding no other run) whose properties hide it, or its character style, or the
  // style of the paragraph it is in (as the readers decide: docx-styles.ts).
  const isHiddenRun = (props: string, isParagraphHidden: boolean) => {
    const vanish = /<w:vanish(?:\s+w:val="([^"]*)")?\s*\/>/.exec(props)
    if (vanish) return isOn(vanish[1] === undefined ? {} : { 'w:val': vanish[1] })
    const style = /<w:rStyle\s+w:val="([^"]*)"/.exec(props)?.[1]
    return (style !== undefined && hiddenStyles.character.has(style)) || isParagraphHidden
  }
  const runRe = /<w:r\b[^>]*>((?:(?!<w:r[\s>]|<\/w:r>)[\s\S])*)<\/w:r>/g
  const withoutHiddenRuns = (part: string, isParagraphHidden: boolean) =>
    part.replace(runRe, (run, inner: string) => {
      if (!isHiddenRun(/^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner)?.[1] ?? '', isParagraphHidden)) return run
      hidden++
      return ''
    })
  if (hiddenStyles.paragraph.size === 0) xml = withoutHiddenRuns(xml, false)
  else {
    // A paragraph holding no other (a text box's are read on their own), by its style.
    xml = xml.replace(/<w:p\b[^>]*>(?:(?!<w:p[\s>]|<\/w:p>)[\s\S])*<\/w:p>/g, (paragraph) => {
      const style = /^<w:p\b[^>]*>\s*<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:pStyle\s+w:val="([^"]*)"/.exec(paragraph)?.[1]
      return withoutHiddenRuns(paragraph, style !== undefined && hiddenStyles.paragraph.has(style))
    })
    xml = withoutHiddenRuns(xml, false)
  }
  return { xml, revisions, hidden }
}

/** Takes out the comments part and the parts that serve it (its extensions, the authors' list); gives how many comments it held. */
export function removeReviewParts(files: Record<string, Uint8Array>, bodyPart: string): number {
  const review = relationshipsOfPart(partTextOf(files), bodyPart).filter((r) => reviewPartTypes.has(r.type))
  const bodyRelsPart = relsPartOf(bodyPart)
  const ids = new Set(review.map((r) => r.id))
  if (files[bodyRelsPart] && ids.size > 0) {
    files[bodyRelsPart] = strToU8(strFromU8(files[bodyRelsPart]).replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (r) => (ids.has(relationshipOfTag(r).id ?? '') ? '' : r)))
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
