// What a file holds by its first bytes, for the names that do not say it: web systems and WPS
// save web pages and .docx packages as `.doc`, and a `.docx` may be an RTF file or a page.
import { closeSync, openSync, readSync } from 'node:fs'
import { localText, type LocalText } from '../i18n/catalogue.js'

/** What a file's first bytes show it to be. */
export type ContentKind = 'zip' | 'ole' | 'pdf' | 'rtf' | 'mhtml' | 'html' | 'text' | 'binary'

/** How many bytes {@link contentKind} reads: a page's first tag comes after a few comments at most. */
export const sniffBytes = 4096

/**
 * A web page: after a BOM, white space and comments, its doctype, `<html`, `<head>` or a
 * `<meta>` (Word's export starts `<html xmlns:v=…>`; an XML declaration may come first).
 */
const htmlStartRe = /^(?:\s|<!--[^]*?-->|<\?xml[^>]*\?>)*<(?:!doctype\s+html|html|head|meta)[\s>/]/i
/** A MIME message's header block (Word's "single file web page", `.mht`): a `MIME-Version` field before the first blank line. */
const mimeHeadRe = /^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?MIME-Version:/i

/**
 * What `head` (a file's first bytes, up to {@link sniffBytes}) holds: a zip archive (a .docx
 * package), an OLE compound file (Word 97–2003 .doc, or an encrypted .docx), a PDF, an RTF
 * document, a MIME web archive, a web page, other text, or binary data (a NUL byte).
 */
export function contentKind(head: Uint8Array): ContentKind {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole'
  const text = headText(head)
  if (text.startsWith('%PDF-')) return 'pdf'
  if (text.startsWith('{\\rtf')) return 'rtf'
  if (mimeHeadRe.test(text)) return 'mhtml'
  if (htmlStartRe.test(text)) return 'html'
  return text.includes('\u0000') ? 'binary' : 'text'
}

/** The first bytes of the file at `path` (up to {@link sniffBytes}); empty when it cannot be read (the reader will say why). */
export function readHead(path: string): Uint8Array {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const head = Buffer.alloc(sniffBytes)
    return head.subarray(0, readSync(fd, head, 0, head.length, 0))
  } catch {
    return new Uint8Array(0)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** True for what a reader reads whatever the file is named: a zip (read as .docx), a web page, a MIME web archive, text. */
export function isReadableKind(kind: ContentKind): boolean {
  return kind === 'zip' || kind === 'html' || kind === 'mhtml' || kind === 'text'
}

/** The kind in words, for a message: `a web page (HTML)`. */
export function kindName(kind: ContentKind): LocalText {
  return localText(`content-kind.${kind}`)
}

/** The head as text enough to test its start: UTF-16 (by its BOM) decoded, else one character a byte; a UTF-8 BOM dropped. */
function headText(head: Uint8Array): string {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2, bytes.length - (bytes.length % 2)).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
    return swapped.swap16().toString('utf16le')
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  return bytes.subarray(start).toString('latin1')
}
