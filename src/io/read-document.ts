// Reads a file into a Document: bytes, decoding, and the reader its extension registers.
import { localText, type LocalText } from '../i18n/catalogue.js'
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs'
import { extname } from 'node:path'
import { Document, type DocumentFormat } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { decodeBytes } from './decode.js'
import { readerOf, readerOfFormat, sniffedExtensions, sniffedNotRewritable, unsupportedFormats } from './readers.js'
import { contentKind, kindName, sniffBytes } from './content-kind.js'
import { describeErrno } from './errno.js'

/** Files larger than this are refused rather than read whole into memory. */
export const maxFileBytes = 256 * 1024 * 1024

/** The format a path is read as, by its extension; anything else is plain text. */
export function formatOf(path: string): DocumentFormat {
  return readerOf(path).format
}

/**
 * Why `path` cannot be written back from its decoded text, or undefined when it can. The text
 * of a .docx or an HTML file is extracted from markup, so writing it would destroy the file.
 */
export function whyNotRewritable(path: string): string | undefined {
  return sniffedExtensions.has(extname(path).toLowerCase()) ? sniffedNotRewritable : readerOf(path).notRewritable
}

/** Builds a Document from text already decoded (stdin, tests), running the reader of `format` (by default, of the path's extension). */
export async function documentFromText(text: string, path: string, encoding = 'utf-8', hasBom = false, byteLength?: number, format?: DocumentFormat): Promise<Document> {
  const entry = format === undefined ? readerOf(path) : readerOfFormat(format)
  const reader = await entry.load?.()
  // Text that is already decoded cannot be a zip archive: a `.docx` name here (stdin) reads as text.
  if (!reader?.fromText) return new Document(text, { path, encoding, hasBom, format: 'text', byteLength })
  const read = reader.fromText(text)
  return new Document(read.text, { path, encoding, hasBom, format: entry.format, skipped: read.skipped, htmlRegions: read.htmlRegions, emphasis: read.emphasis, sourceOffsets: read.sourceOffsets, byteLength })
}

/**
 * Builds a Document from a file's bytes (the working tree, the git index): a binary format
 * goes to its reader, any other is decoded (encoding detected) and read as text.
 */
export async function documentFromBytes(bytes: Uint8Array, path: string): Promise<Document> {
  refuseUnreadFormat(path)
  const format = formatByContent(path, bytes)
  if (format === 'mhtml') {
    const { mhtmlPage } = await import('./mhtml.js')
    const page = mhtmlPage(bytes, path)
    return documentFromText(page.text, path, page.encoding, page.hasBom, bytes.byteLength, 'html')
  }
  const entry = readerOfFormat(format)
  const reader = await entry.load?.()
  if (reader?.fromBytes) {
    const read = reader.fromBytes(bytes, path)
    return new Document(read.text, { path, encoding: 'utf-8', format: entry.format, skipped: read.skipped, byteLength: bytes.byteLength, cells: read.cells, parts: read.parts, textBoxes: read.textBoxes, placeholders: read.placeholders, hidden: read.hidden, properties: read.properties, pageEnd: read.pageEnd })
  }
  const { text, encoding, hasBom } = decodeBytes(bytes, path)
  return documentFromText(text, path, encoding, hasBom, bytes.byteLength, format)
}

/**
 * The format `bytes` are read as: their extension's, except where what they hold decides. A
 * `.doc` holding a .docx package is read as Word, a web page or MIME web archive as HTML, text
 * as text; a Word 97–2003 file (or other binary data) is refused as before. A `.docx` that is
 * no zip archive (nor an encrypted package, which its reader names) is refused saying what it
 * holds. Costs a look at four bytes for every other file.
 */
export function formatByContent(path: string, bytes: Uint8Array): DocumentFormat | 'mhtml' {
  const ext = extname(path).toLowerCase()
  const byName = readerOf(path).format
  if (!sniffedExtensions.has(ext) && byName !== 'docx') return byName
  const kind = contentKind(bytes.subarray(0, sniffBytes))
  if (byName === 'docx') {
    if (kind === 'zip' || kind === 'ole') return 'docx'
    throw new InputError(localText('error.docx-not-package', { what: kindName(kind) }), { path }, localText('error.docx-not-package.hint'))
  }
  if (kind === 'zip') {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/')) return 'docx'
    throw new InputError(localText('error.doc-zip-not-word'), { path }, localText('error.unsupported.doc.hint'))
  }
  if (kind === 'html' || kind === 'text') return kind
  if (kind === 'mhtml') return 'mhtml'
  if (kind === 'rtf') throw new InputError(localText('error.doc-holds', { what: kindName(kind) }), { path }, localText('error.unsupported.office.hint'))
  if (kind === 'pdf') throw new InputError(localText('error.doc-holds', { what: kindName(kind) }), { path }, localText('error.unsupported.pdf.hint'))
  throw new InputError(localText('error.unsupported.doc'), { path }, localText('error.unsupported.doc.hint'))
}

/** Reads, decodes and parses the file at `path`; every failure is an InputError naming it. */
export async function readDocument(path: string): Promise<Document> {
  refuseUnreadFormat(path)
  return documentFromBytes(readBytes(path), path)
}

/**
 * Throws the InputError of a format known but not read (`.doc`, `.pdf`, an image), which says
 * what the file is and how to convert it, before its bytes are read: every command refuses
 * such a file with the same line (redact said "binary file (NUL byte at offset 8)" of a PNG).
 */
export function refuseUnreadFormat(path: string): void {
  const ext = extname(path).toLowerCase()
  // Read by what it holds: a Word 97–2003 file is refused once its bytes are seen (formatByContent).
  if (sniffedExtensions.has(ext)) return
  const unsupported = unsupportedFormats[ext]
  if (unsupported) throw new InputError(localText(unsupported), { path }, localText(`${unsupported}.hint`))
}

/**
 * Reads a file whole. Synchronous on purpose: one open/fstat/read/close per file costs far
 * less than the promise API's separate round trips, and workers read in parallel.
 *
 * Opened with O_NONBLOCK, so that a named pipe with no writer (or a file swapped for one while
 * a batch runs) cannot block the run: only regular files are read, and the pipe of a shell's
 * process substitution (`<(zcat report.txt.gz)`, a `/dev/fd/N` path) is read to its end.
 */
export function readBytes(path: string): Uint8Array {
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
    let info = fstatSync(fd)
    if (info.isDirectory()) throw new InputError(localText('error.is-directory'), { path })
    if (info.isFIFO() && isInheritedPipe(path)) {
      // The shell holds the writing end open: a blocking reopen waits for data, not for a writer.
      closeSync(fd)
      fd = undefined
      fd = openSync(path, 'r')
      info = fstatSync(fd)
      return readToEnd(fd, path)
    }
    if (!info.isFile()) throw new InputError(localText('error.not-regular-file', { kind: fileKind(info) }), { path }, info.isFIFO() ? localText('error.not-regular-file.pipe-hint') : undefined)
    if (info.size > maxFileBytes) throw new InputError(localText('error.too-large', { size: info.size, limit: maxFileBytes }), { path })
    // A file that gives no size (/proc): read to its end, within the same limit.
    if (info.size === 0) return readToEnd(fd, path)
    // A regular file's size is known: read it straight in (readFileSync(fd) would fstat again).
    const bytes = Buffer.allocUnsafe(info.size)
    let length = 0
    for (let n = 1; n > 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, null)
    return bytes.subarray(0, length)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw inputErrorOf(error, path)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** A failed open or read in words, naming `path`. */
export function inputErrorOf(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException).code
  // Node decodes argv and folder listings as UTF-8: a name in GBK bytes turns into U+FFFD and names nothing.
  if (code === 'ENOENT' && path.includes('\uFFFD')) {
    return new InputError(localText('error.name-not-utf8'), { path }, localText('error.name-not-utf8.hint'))
  }
  if (code === 'ENOENT' && isSymbolicLink(path)) return new InputError(localText('error.broken-symlink'), { path })
  return new InputError(describeErrno(error), { path })
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/** `/dev/fd/N` and `/proc/self/fd/N`: a descriptor the shell handed down, as `<(command)` makes. */
const inheritedFdRe = /^\/(?:dev|proc\/(?:self|\d+))\/fd\/\d+$/

function isInheritedPipe(path: string): boolean {
  return inheritedFdRe.test(path)
}

function fileKind(info: Stats): LocalText {
  if (info.isFIFO()) return localText('file-kind.fifo')
  if (info.isSocket()) return localText('file-kind.socket')
  if (info.isCharacterDevice() || info.isBlockDevice()) return localText('file-kind.device')
  return localText('file-kind.other')
}

/** Reads `fd` to its end in chunks; more than maxFileBytes is refused (`/dev/zero` never ends). */
function readToEnd(fd: number, path: string): Uint8Array {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024)
    const n = readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) return Buffer.concat(chunks, total)
    total += n
    if (total > maxFileBytes) throw new InputError(localText('error.too-large-stream', { limit: maxFileBytes }), { path })
    chunks.push(chunk.subarray(0, n))
  }
}
