// Reads the parts of a .docx the reader needs, and no others: the main part (named by the
// package's relationships), the comments, notes, headers, footers, styles and settings its relationships name,
// and the package's document properties (core, extended, custom); refuses an encrypted, corrupt or oversized package with a typed error.
import { strFromU8, unzipSync } from 'fflate'
import type { DocxPartKind } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { localText } from '../i18n/catalogue.js'
import { contentTypesPart, hyperlinkTargetsOfPart, mainPartOf, relationshipsOfPart, relsPartOf, usualMainPart, type PartText } from './docx-package.js'
import { propertyPartsOf } from './docx-properties.js'

/**
 * The most the parts read may inflate to, together. A 300-page report is a few MB of XML; more
 * than this is a zip bomb or not a report, and is refused before anything is inflated.
 */
export const maxInflatedBytes = 128 * 1024 * 1024
/** The other parts whose text Word shows, by name, for a package whose main part has no relationships: notes, headers and footers (`header2.xml`). */
const otherPartRe = /^(footnotes|endnotes|header|footer)(\d*)\.xml$/
/** The relationship types (last segment) of the parts read besides the main one, and what each holds. */
const partKinds: Readonly<Record<string, DocxPartKind | 'comments' | 'styles' | 'settings'>> = { footnotes: 'footnote', endnotes: 'endnote', header: 'header', footer: 'footer', comments: 'comments', styles: 'styles', settings: 'settings' }

/** A part read besides the main one: what it holds, its relationship's id (undefined when found by name), and its XML. */
export interface OtherPart {
  readonly kind: DocxPartKind | 'comments'
  readonly name: string
  readonly id: string | undefined
  readonly xml: string
}

/** The XML of the main part and of the others read. */
export interface DocxPartsXml {
  /** The main part's name (`word/document.xml`) and XML. */
  readonly mainName: string
  readonly main: string
  readonly comments: string | undefined
  /** The styles part (`word/styles.xml`), which may hide text by style; undefined when missing. */
  readonly styles: string | undefined
  /** The settings part (`word/settings.xml`), which numbers the notes; undefined when missing. */
  readonly settings: string | undefined
  readonly others: readonly OtherPart[]
  /** The document properties' parts (`docProps/core.xml`, `docProps/app.xml`, `docProps/custom.xml`), undefined when missing or not UTF-8. */
  readonly core: string | undefined
  readonly app: string | undefined
  readonly custom: string | undefined
  /** The targets of the hyperlinks of the main part and of the others read, by part and relationship id. */
  readonly hyperlinks: ReadonlyMap<string, ReadonlyMap<string, string>>
}

/**
 * The XML of the main part and of the parts its relationships name that the reader reads;
 * throws InputError for a file that cannot be read. The relationships are inflated first (they
 * are small), so that only the parts read are inflated.
 */
export function readPartsXml(bytes: Uint8Array, path: string, bound: number): DocxPartsXml {
  if (isCompoundFile(bytes)) {
    throw new InputError(localText('error.docx-encrypted'), { path }, localText('error.docx-encrypted.hint'))
  }
  if (isZipEncrypted(bytes)) {
    throw new InputError(localText('error.docx-zip-encrypted'), { path }, localText('error.docx-zip-encrypted.hint'))
  }
  const budget = { declared: 0 }
  const index = unzipBounded(bytes, path, bound, budget, (name) => name === contentTypesPart || /(?:^|\/)_rels\/[^/]*\.rels$/.test(name))
  const read: PartText = (name) => (index[name] ? strFromU8(index[name]) : undefined)
  const main = mainPartOf(read)
  const roleOf = partsToRead(read, main)
  const properties = propertyPartsOf(read)
  const files = unzipBounded(bytes, path, bound, budget, (name) => name === main || roleOf(name) !== undefined || name === properties.core || name === properties.app || name === properties.custom)
  if (!files[main]) throw new InputError(localText('error.docx-no-body', { part: main }), { path }, localText('error.docx-no-body.hint'))
  const decode = (name: string, part: Uint8Array) => {
    try {
      return utf8.decode(part)
    } catch {
      throw new InputError(localText('error.docx-bad-utf8', { part: name }), { path })
    }
  }
  const others: OtherPart[] = []
  let comments: string | undefined
  let styles: string | undefined
  let settings: string | undefined
  for (const [name, part] of Object.entries(files)) {
    const role = name === main ? undefined : roleOf(name)
    if (!role) continue
    const { kind, id } = role
    if (kind === 'comments') comments ??= decode(name, part)
    else if (kind === 'styles') styles ??= decode(name, part)
    else if (kind === 'settings') settings ??= utf8Lenient(part)
    else others.push({ kind, name, id, xml: decode(name, part) })
  }
  // The properties are not the text: a part of them that is not UTF-8 is left unread, not an error.
  const lenient = (name: string) => (files[name] && name !== main ? utf8Lenient(files[name]) : undefined)
  const hyperlinks = new Map([main, ...others.map((o) => o.name)].map((name) => [name, hyperlinkTargetsOfPart(read, name)]))
  return { mainName: main, main: decode(main, files[main]), comments, styles, settings, others, core: lenient(properties.core), app: lenient(properties.app), custom: lenient(properties.custom), hyperlinks }
}

function utf8Lenient(part: Uint8Array): string | undefined {
  try {
    return utf8.decode(part)
  } catch {
    return undefined
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** What a part read besides the main one holds, and the id of the relationship that names it. */
type PartRole = { readonly kind: DocxPartKind | 'comments' | 'styles' | 'settings'; readonly id: string | undefined }

/**
 * The role of each part the reader reads besides the main one, by name, undefined for the
 * others: the parts the main part's relationships name; those of the usual names in its folder
 * when it has no relationships part.
 */
function partsToRead(read: PartText, main: string): (name: string) => PartRole | undefined {
  if (read(relsPartOf(main)) !== undefined) {
    const wanted = new Map<string, PartRole>()
    for (const r of relationshipsOfPart(read, main)) {
      const kind = partKinds[r.type]
      if (kind && !wanted.has(r.target)) wanted.set(r.target, { kind, id: r.id })
    }
    return (name) => wanted.get(name)
  }
  const folder = main.slice(0, main.lastIndexOf('/') + 1)
  return (name) => {
    if (!name.startsWith(folder)) return undefined
    const rest = name.slice(folder.length)
    if (rest === 'comments.xml') return { kind: 'comments', id: undefined }
    if (rest === 'styles.xml') return { kind: 'styles', id: undefined }
    if (rest === 'settings.xml') return { kind: 'settings', id: undefined }
    const m = otherPartRe.exec(rest)
    const kind = m ? partKinds[m[1]!] : undefined
    return kind ? { kind, id: undefined } : undefined
  }
}

/** Inflates the entries `isWanted` accepts, counting their declared sizes against `bound` across calls; InputError past it. */
function unzipBounded(bytes: Uint8Array, path: string, bound: number, budget: { declared: number }, isWanted: (name: string) => boolean): Record<string, Uint8Array> {
  let files: Record<string, Uint8Array>
  try {
    // The filter sees sizes from the central directory before anything is inflated; fflate
    // inflates into a buffer of the declared size, so a lying header cannot make it grow.
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (!isWanted(entry.name)) return false
        budget.declared += entry.originalSize
        return budget.declared <= bound
      },
    })
  } catch (error) {
    throw new InputError(localText('error.docx-corrupt', { reason: error instanceof Error ? error.message : String(error) }), { path })
  }
  if (budget.declared > bound) throw new InputError(localText('error.docx-bomb', { part: usualMainPart, size: budget.declared, limit: bound }), { path })
  return files
}

/**
 * True when an entry of the zip's central directory has general-purpose bit 0 set (traditional
 * PKWARE or AES encryption): inflating it would fail with a misleading "invalid distance".
 * A zip whose directory cannot be found is left for the unzipper to report.
 */
export function isZipEncrypted(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory: 22 bytes plus a comment of at most 65,535, at the end of the file.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return false
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return false
    if ((view.getUint16(at + 8, true) & 1) !== 0) return true
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return false
}

/** An OLE compound file (magic D0 CF 11 E0): what Word writes for encrypted files and for .doc. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
}
