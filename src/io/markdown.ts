// Finds the regions of a Markdown text that rules must skip: code, HTML, link targets and
// list markers. Emphasis markers are told from masks by the mask scanner, which pairs them.
import type { Nodes, Parent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { Region } from '../core/document.js'

/** Node types skipped whole: their text is not prose. */
const opaqueTypes = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'thematicBreak'])

/** Skip regions of `text` parsed as GitHub-flavoured Markdown, in UTF-16 code units. */
export function markdownSkipRegions(text: string): Region[] {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const regions: Region[] = []
  visit(tree, regions)
  return regions
}

function visit(node: Nodes, regions: Region[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  if (opaqueTypes.has(node.type)) {
    regions.push({ start, end })
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
  for (const child of parent.children) visit(child as Nodes, regions)
}

/** Spans of raw HTML (comments included) in `text`, outside code, in UTF-16 code units. */
export function markdownHtmlRegions(text: string): Region[] {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const regions: Region[] = []
  const walk = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'html' && start !== undefined && end !== undefined) regions.push({ start, end })
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes)
  }
  walk(tree)
  return regions
}
