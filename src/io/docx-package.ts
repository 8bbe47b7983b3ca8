// The parts of a Word package and the relationships that name them: which part is the main
// document (`word/document.xml`, or `word/document2.xml` as Word Online saves it), and which
// parts its relationships name (comments, styles, notes, headers, footers); the whole package
// read and written back, for the commands that write a copy (annotate, redact).
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { InputError } from '../core/errors.js'

/** The most a whole package may inflate to: a report with its pictures, not a zip bomb. */
const maxPackageBytes = 1024 * 1024 * 1024

/** The package's relationships part, which names the main document. */
export const packageRelsPart = '_rels/.rels'
/** The package's content types, which name the main document's part too. */
export const contentTypesPart = '[Content_Types].xml'
/** The main document's usual name, taken when the package names none. */
export const usualMainPart = 'word/document.xml'

/** A relationship of a part: its id (`rId3`), the last segment of its type (`comments`, `header`) and the part it names. */
export interface Relationship {
  readonly id: string
  readonly type: string
  readonly target: string
}

/** Reads a part's text from the package, undefined when the package has no such part. */
export type PartText = (name: string) => string | undefined

/** The parts of a package held as bytes, read as text. */
export function partTextOf(files: Readonly<Record<string, Uint8Array>>): PartText {
  return (name) => (files[name] ? strFromU8(files[name]) : undefined)
}

/** The relationships part of `part`: `word/_rels/document.xml.rels` for `word/document.xml`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** The main part's content types: a document, a template, each with or without macros. */
const mainContentTypeRe = /^application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.(?:document|template)\.main|ms-word\.(?:document\.macroEnabled|template\.macroEnabledTemplate)\.main)\+xml$/

/**
 * The main document's part: the target of the package's officeDocument relationship, else the
 * part [Content_Types].xml gives a main document's type, else `word/document.xml`.
 */
export function mainPartOf(read: PartText): string {
  const byRelationship = relationshipsOf('', read(packageRelsPart)).find((r) => r.type === 'officeDocument')
  if (byRelationship) return byRelationship.target
  for (const m of (read(contentTypesPart) ?? '').matchAll(/<Override\b[^>]*>/g)) {
    const type = /\bContentType="([^"]*)"/.exec(m[0])?.[1]
    const name = /\bPartName="\/?([^"]*)"/.exec(m[0])?.[1]
    if (type && name && mainContentTypeRe.test(type)) return decodeURIComponent(name)
  }
  return usualMainPart
}

/** The internal relationships of `part` (external ones, hyperlinks, are left out), targets resolved to part names. */
export function relationshipsOfPart(read: PartText, part: string): Relationship[] {
  return relationshipsOf(part, read(relsPartOf(part)))
}

/** The targets of `part`'s hyperlinks (its external relationships of type `hyperlink`), by relationship id, as written. */
export function hyperlinkTargetsOfPart(read: PartText, part: string): Map<string, string> {
  const targets = new Map<string, string>()
  for (const m of (read(relsPartOf(part)) ?? '').matchAll(relationshipTagRe)) {
    const r = relationshipOfTag(m[0])
    if (isHyperlink(r) && r.id !== undefined) targets.set(r.id, r.target)
  }
  return targets
}

/** A `<Relationship>` element of a relationships part. */
export const relationshipTagRe = /<Relationship\b[^>]*>/g

/** What a `<Relationship>` element says: its id, its type's last segment, its target as written (entities decoded), and whether the target is outside the package. */
export interface RelationshipTag {
  readonly id: string | undefined
  readonly type: string
  readonly target: string | undefined
  readonly isExternal: boolean
}

/** The attributes of one `<Relationship>` element ({@link relationshipTagRe}). */
export function relationshipOfTag(tag: string): RelationshipTag {
  const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? ''
  const target = /\bTarget="([^"]*)"/.exec(tag)?.[1]
  return {
    id: /\bId="([^"]*)"/.exec(tag)?.[1],
    // The type's last segment: the same in the transitional and the strict namespaces.
    type: type.slice(type.lastIndexOf('/') + 1),
    target: target === undefined ? undefined : decodeXmlAttribute(target),
    isExternal: /\bTargetMode="External"/i.test(tag),
  }
}

/** True for a hyperlink's relationship: an external one of type `hyperlink`, whose target is the link's address. */
export function isHyperlink(r: RelationshipTag): r is RelationshipTag & { readonly target: string } {
  return r.isExternal && r.type === 'hyperlink' && r.target !== undefined
}

/**
 * Text as XML character data: the characters XML 1.0 forbids dropped (Word refuses a part
 * holding one), `&`, `<` and `>` escaped; quotes kept, which character data may hold (a field's
 * instruction keeps its quotes as Word wrote them).
 */
export function escapeXmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Text as XML for character data or an attribute's value: {@link escapeXmlText} and `"` escaped. */
export function escapeXml(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;')
}

/** An attribute's value as written in XML, its entities decoded (`&amp;` is `&`). */
export function decodeXmlAttribute(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16))
    if (dec !== undefined) return String.fromCodePoint(Number(dec))
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()] ?? m
  })
}

function relationshipsOf(part: string, relsXml: string | undefined): Relationship[] {
  if (relsXml === undefined) return []
  const out: Relationship[] = []
  for (const m of relsXml.matchAll(relationshipTagRe)) {
    const { id, type, target, isExternal } = relationshipOfTag(m[0])
    if (!isExternal && id !== undefined && type && target) out.push({ id, type, target: resolveTarget(part, target) })
  }
  return out
}

/** A relationship's target as a part name: absolute (`/word/x.xml`) or relative to the source part's folder (`../customXml/item1.xml`). */
function resolveTarget(source: string, target: string): string {
  const path = decodeURIComponent(target)
  const segments = path.startsWith('/') ? [] : source.split('/').slice(0, -1)
  for (const segment of path.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '.' && segment !== '') segments.push(segment)
  }
  return segments.join('/')
}

/**
 * The part the main document's relationship of `type` (its last segment: `comments`, `styles`)
 * names, else `fallback`, the usual name.
 */
export function partOfRelationship(files: Readonly<Record<string, Uint8Array>>, type: string, fallback: string): string {
  const read = partTextOf(files)
  const wanted = type.slice(type.lastIndexOf('/') + 1)
  return relationshipsOfPart(read, mainPartOf(read)).find((r) => r.type === wanted)?.target ?? fallback
}

/** Every part of a package, by name; throws InputError for a corrupt one or a zip bomb. */
export function unzipPackage(bytes: Uint8Array, path: string): Record<string, Uint8Array> {
  let total = 0
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize
        if (total > maxPackageBytes) throw new Error(`the package would inflate to more than ${maxPackageBytes} bytes`)
        return true
      },
    })
  } catch (error) {
    throw new InputError(`corrupt .docx: ${error instanceof Error ? error.message : String(error)}`, { path })
  }
}

/** The package's bytes. Media are stored, not deflated again: they are compressed already. */
export function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {}
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { level: /\.(xml|rels)$/i.test(name) ? 6 : 0 }]
  return zipSync(entries)
}
