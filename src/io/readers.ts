// The readers, registered by extension in this one table: a new format is one reader module
// and one line here. A reader module loads only when a file of its format is read, so a run on
// a .txt file never loads the Markdown, HTML or Word parsers.
import { extname } from 'node:path'
import type { DocumentFormat, DocumentProperty, DocxPart, EmphasisSpan, HiddenContent, Region, SourceOffsets, TableCell } from '../core/document.js'

/** The text rules see, and what the reader knows of its markup. Offsets in UTF-16 code units. */
export interface ReadText {
  readonly text: string
  /** Spans rules must not match in (code, markup). */
  readonly skipped?: readonly Region[]
  /** Spans of raw HTML in a Markdown document: only a comment there is an inline directive. */
  readonly htmlRegions?: readonly Region[]
  /** For a .docx, the table cell of each line (index 0 is line 1), when any line is in a table. */
  readonly cells?: readonly (TableCell | undefined)[]
  /** For a .docx, the part of each line after the body (notes, headers, footers), when it has any. */
  readonly parts?: readonly (DocxPart | undefined)[]
  /** For a .docx, the text box of each line (index 0 is line 1), when any line is in one. */
  readonly textBoxes?: readonly (number | undefined)[]
  /** Emphasis the parser found (Markdown `**一、强化**`): its markers are no masks. */
  readonly emphasis?: readonly EmphasisSpan[]
  /** For text extracted from markup, where it stands in the source (HTML). */
  readonly sourceOffsets?: SourceOffsets
  /** For a .docx, the spans a content control shows as its placeholder. */
  readonly placeholders?: readonly Region[]
  /** For a .docx, what the file holds that Word does not show. */
  readonly hidden?: readonly HiddenContent[]
  /** For a .docx, the document properties that hold a value (author, company …). */
  readonly properties?: readonly DocumentProperty[]
  /** For a .docx with texts kept beside its pages (properties, alt texts, links), where the page's text ends. */
  readonly pageEnd?: number
}

/** What a reader module exports: from decoded text, or (a binary format) from the file's bytes. */
export interface Reader {
  readonly fromText?: (text: string) => ReadText
  /** For a binary format: bytes to text, without charset decoding; throws InputError naming `path`. */
  readonly fromBytes?: (bytes: Uint8Array, path: string) => ReadText
}

/** One format: its extensions (lower case, with the dot) and how to load its reader. */
interface ReaderEntry {
  readonly format: DocumentFormat
  readonly extensions: readonly string[]
  /** Why a file of this format is not written back from its text (`--fix`, `fill`, `redact`). */
  readonly notRewritable?: string
  /** The reader module; plain text needs none. */
  readonly load?: () => Promise<Reader>
}

const readers: readonly ReaderEntry[] = [
  { format: 'text', extensions: ['.txt', '.text'] },
  { format: 'markdown', extensions: ['.md', '.markdown', '.mdx'], load: async () => (await import('./markdown.js')).markdownReader },
  {
    format: 'html',
    extensions: ['.html', '.htm', '.xhtml'],
    notRewritable: 'an HTML file is read, not written: its text is extracted from the markup',
    load: async () => (await import('./html.js')).htmlReader,
  },
  {
    format: 'docx',
    extensions: ['.docx', '.docm', '.dotx', '.dotm'],
    load: async () => (await import('./docx.js')).docxReader,
  },
]

/** Extensions of each kind of file an archive holds beside its texts, which no reader reads. */
const unreadKinds: Readonly<Record<string, readonly string[]>> = {
  'error.unsupported.doc': ['.doc', '.dot'],
  'error.unsupported.pdf': ['.pdf'],
  'error.unsupported.wps': ['.wps', '.wpt'],
  'error.unsupported.office': ['.rtf', '.odt', '.ott', '.ofd', '.pages', '.epub', '.caj'],
  'error.unsupported.sheet': ['.xls', '.xlsx', '.xlsm', '.et', '.ods', '.ppt', '.pptx', '.dps', '.odp'],
  'error.unsupported.image': ['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic'],
  'error.unsupported.archive': ['.zip', '.rar', '.7z', '.gz', '.tgz', '.bz2', '.xz', '.tar'],
}

/**
 * Formats recognised by extension but not read: the catalogue ids of what they are and how to
 * convert them (`error.unsupported.doc`, `...hint`). Named, such a file is refused with that
 * line (not "binary file"); met in a folder walk, it is counted in one line at the end.
 */
export const unsupportedFormats: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(unreadKinds).flatMap(([id, exts]) => exts.map((ext) => [ext, id])))

/**
 * Extensions whose files are read by what they hold, not by their name: web systems and WPS
 * give `.doc` to web pages (HTML, MIME web archives) and to .docx packages alike. A Word
 * 97–2003 file (an OLE compound file) is refused as a known unread format is.
 */
export const sniffedExtensions: ReadonlySet<string> = new Set(['.doc', '.dot'])

/** Why a file read by what it holds is never written back (`--fix`, `fill`, `redact`). */
export const sniffedNotRewritable = 'a .doc file is read by what it holds (a .docx package, a web page or text under that name), not written back: save it under the name of what it is'

const plainText = readers[0]!
const byExtension = new Map(readers.flatMap((entry) => entry.extensions.map((ext) => [ext, entry] as const)))

/** The reader of `path`, by its extension; anything else is plain text. */
export function readerOf(path: string): ReaderEntry {
  return byExtension.get(extname(path).toLowerCase()) ?? plainText
}

/** The reader of `format`. */
export function readerOfFormat(format: DocumentFormat): ReaderEntry {
  return readers.find((entry) => entry.format === format) ?? plainText
}

/** The extensions a directory walk picks up, without the dot: every format a reader reads. */
export const readableExtensions: readonly string[] = readers.flatMap((entry) => entry.extensions.map((ext) => ext.slice(1)))
