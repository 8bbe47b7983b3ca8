// Finds the regions of a Markdown text that rules must skip (code, HTML, link targets, list
// markers) and the emphasis markers its parser found, which the mask scanner leaves alone.
import type { Nodes, Parent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly'
import { gfm } from 'micromark-extension-gfm'
import type { EmphasisSpan, Region } from '../core/document.js'
import type { Reader } from './readers.js'
import { isCmsTagComment } from './cms-tags.js'

/** Node types skipped whole: their text is not prose. */
const opaqueTypes = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'thematicBreak'])

/** The Markdown reader: prose regions from one parse of the text as GitHub-flavoured Markdown. */
export const markdownReader: Reader = {
  fromText: (text) => ({ text, ...readMarkdown(text) }),
}

/** What the Markdown parser tells the rules, offsets in UTF-16 code units. */
export interface MarkdownRegions {
  /** Regions rules must skip: code, HTML, link targets, list markers. */
  readonly skipped: Region[]
  /** Spans of raw HTML (comments included, outside code). */
  readonly htmlRegions: Region[]
  /** Emphasis and strong spans (`**一、强化政治引领**`, `__重点__`), in document order. */
  readonly emphasis: EmphasisSpan[]
}

/**
 * Skip regions, raw HTML and emphasis of `text` parsed as GitHub-flavoured Markdown, emphasis
 * read the CJK-friendly way: CommonMark leaves `**（二）抓实基层组织，**推动` unparsed, because a
 * closer after Chinese punctuation must be followed by a space; Chinese writers never put one.
 */
export function readMarkdown(text: string): MarkdownRegions {
  const tree = parse(text)
  const found: MarkdownRegions = { skipped: [], htmlRegions: [], emphasis: [] }
  visit(tree, found)
  return found
}

/** The emphasis markers (`**` and `*` that the parser pairs) of a Markdown text, in document order. */
export function emphasisMarkers(text: string): Region[] {
  return readMarkdown(text).emphasis.flatMap((span) => [span.open, span.close])
}

/** The code of a Markdown text, inline and in blocks: it renders verbatim, a backslash included. */
export function verbatimRegions(text: string): Region[] {
  const found: Region[] = []
  const visitCode = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined && (node.type === 'code' || node.type === 'inlineCode')) found.push({ start, end })
    else if ('children' in node) for (const child of (node as Parent).children) visitCode(child as Nodes)
  }
  visitCode(parse(text))
  return found
}

/** The tree of `text` as GitHub-flavoured Markdown, emphasis read the CJK-friendly way. */
function parse(text: string) {
  return fromMarkdown(text, { extensions: [gfm(), cjkFriendlyExtension()], mdastExtensions: [gfmFromMarkdown()] })
}

/**
 * Inline code that holds only a number or an address (digits, Latin letters, `@ . : _ + -`,
 * spaces), a digit among them: `` `640302198506120515` `` renders verbatim, so an identifier in
 * it is published; no prose rule has words to read in it.
 */
const numberCodeRe = /^[0-9A-Za-z@.:_+\- ]*[0-9][0-9A-Za-z@.:_+\- ]*$/

function visit(node: Nodes, found: MarkdownRegions): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  if (node.type === 'inlineCode' && numberCodeRe.test(node.value)) {
    // Only the backtick fences are skipped; the fences are as long on each side.
    const fence = (end - start - node.value.length) >> 1
    if (fence > 0) found.skipped.push({ start, end: start + fence }, { start: end - fence, end })
    return
  }
  if (opaqueTypes.has(node.type)) {
    // A CMS's paid-content tag written as a comment (`<!--paidend-->`) is read: it marks a cut.
    if (node.type !== 'html' || !isCmsTagCommentNode(node.value)) found.skipped.push({ start, end })
    if (node.type === 'html') found.htmlRegions.push({ start, end })
    return
  }
  if (!('children' in node)) return
  const parent = node as Parent
  const first = parent.children[0]?.position?.start.offset
  const last = parent.children[parent.children.length - 1]?.position?.end.offset
  // A list item's bullet (`* `, `- `, `1. `) comes before its first child.
  if (node.type === 'listItem' && first !== undefined) found.skipped.push({ start, end: first })
  // A link's target (`](url "title")`) comes after its last child.
  if (node.type === 'link' && last !== undefined) found.skipped.push({ start: last, end })
  // The markers of emphasis are what lies between the node's edges and its content. The
  // tree, not a pairing of stars, decides: a bold heading holds any punctuation.
  if ((node.type === 'emphasis' || node.type === 'strong') && first !== undefined && last !== undefined) {
    found.emphasis.push({ open: { start, end: first }, close: { start: last, end } })
  }
  for (const child of parent.children) visit(child as Nodes, found)
}

const commentRe = /^<!--([\s\S]*)-->$/

/** True when raw HTML `value` is one comment whose body is a CMS tag. */
function isCmsTagCommentNode(value: string): boolean {
  const m = commentRe.exec(value.trim())
  return m !== null && isCmsTagComment(m[1]!)
}
