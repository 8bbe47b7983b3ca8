// Finds the regions of a Markdown text that rules must skip: code, HTML, link targets and
// list markers. Emphasis markers are told from masks by the mask scanner, which pairs them.
import type { Nodes, Parent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { Region } from '../core/document.js'
import type { Reader } from './readers.js'

/** Node types skipped whole: their text is not prose. */
const opaqueTypes = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'thematicBreak'])

/** The Markdown reader: prose regions from one parse of the text as GitHub-flavoured Markdown. */
export const markdownReader: Reader = {
  fromText: (text) => ({ text, ...readMarkdown(text) }),
}

/**
 * Skip regions of `text` (code, HTML, link targets, list markers) and the spans of raw HTML
 * (comments included, outside code), in UTF-16 code units.
 */
export function readMarkdown(text: string): { skipped: Region[]; htmlRegions: Region[] } {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const skipped: Region[] = []
  const htmlRegions: Region[] = []
  visit(tree, skipped, htmlRegions)
  return { skipped, htmlRegions }
}

function visit(node: Nodes, regions: Region[], htmlRegions: Region[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  if (opaqueTypes.has(node.type)) {
    regions.push({ start, end })
    if (node.type === 'html') htmlRegions.push({ start, end })
    return
  }
  if (!('children' in node)) return
  const parent = node as Parent
  const first = parent.children[0]?.position?.start.offset
  const last = parent.children[parent.children.length - 1]?.position?.end.offset
  // A list item's bullet (`* `, `- `, `1. `) comes before its first child.
  if (node.type === 'listItem' && first !== undefined) regions.push({ start, end: first })
  // A link's target (`](url "title")`) comes after its last child.
  if (node.type === 'link' && last !== undefined) regions.push({ start: last, end })
  for (const child of parent.children) visit(child as Nodes, regions, htmlRegions)
}
