// Reads the body text of a Word .docx: paragraphs (tables' cells included) in document
// order, runs joined, tracked deletions and field codes left out; one paragraph per line.
import { unzipSync } from 'fflate'
import { Parser } from 'htmlparser2'
import { InputError } from '../core/errors.js'
import type { Reader } from './readers.js'

/** The part of a .docx that holds the body. */
const bodyPart = 'word/document.xml'
/**
 * The most `word/document.xml` may inflate to. A 300-page report is a few MB of XML; more
 * than this is a zip bomb or not a report, and is refused before anything is inflated.
 */
export const maxInflatedBytes = 128 * 1024 * 1024
/** Stands for a line break inside a paragraph (`w:br`, `w:cr`): U+2028 LINE SEPARATOR, so lines stay paragraphs. */
const lineSeparator = '\u2028'

/** The Word reader: the body's paragraphs, one a line, from the zip archive's bytes. */
export const docxReader: Reader = {
  fromBytes: (bytes, path) => ({ text: docxToText(bytes, path) }),
}

/** Options of {@link docxToText}; tests lower the bound. */
export interface DocxOptions {
  readonly maxInflatedBytes?: number
}

/**
 * The paragraphs of a .docx joined by `\n`: line N is paragraph N of the body. Throws
 * InputError for an encrypted, corrupt or oversized file.
 */
export function docxToText(bytes: Uint8Array, path: string, options: DocxOptions = {}): string {
  const xml = readBodyXml(bytes, path, options.maxInflatedBytes ?? maxInflatedBytes)
  return bodyParagraphs(xml).join('\n')
}

function readBodyXml(bytes: Uint8Array, path: string, bound: number): string {
  if (isCompoundFile(bytes)) {
    throw new InputError('encrypted (password-protected) .docx, or a Word 97–2003 file renamed .docx: cannot read it', { path }, 'remove the password in Word, or save it again as .docx')
  }
  if (isZipEncrypted(bytes)) {
    throw new InputError('encrypted .docx is not supported: its parts are enciphered in the zip archive', { path }, 'remove the password in Word or WPS, or save it again as .docx')
  }
  let declared = 0
  let files: Record<string, Uint8Array>
  try {
    // The filter sees sizes from the central directory before anything is inflated; fflate
    // inflates into a buffer of the declared size, so a lying header cannot make it grow.
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== bodyPart) return false
        declared = entry.originalSize
        return entry.originalSize <= bound
      },
    })
  } catch (error) {
    throw new InputError(`corrupt .docx: not a readable zip archive (${error instanceof Error ? error.message : String(error)})`, { path })
  }
  if (declared > bound) throw new InputError(`refused: ${bodyPart} would inflate to ${declared} bytes (the limit is ${bound}); possibly a zip bomb`, { path })
  const body = files[bodyPart]
  if (!body) throw new InputError(`not a Word document: the archive has no ${bodyPart}`, { path }, 'only .docx (Office Open XML) is read; convert other formats to .docx')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new InputError(`corrupt .docx: ${bodyPart} is not valid UTF-8`, { path })
  }
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

/**
 * Elements whose content is not the visible body: deleted revisions, field codes, fallbacks
 * of alternate content, and properties (whose `w:tabs` holds tab stops, not tabs).
 */
const ignoredElements = new Set(['w:deltext', 'w:instrtext', 'w:delinstrtext', 'mc:fallback', 'w:ppr', 'w:rpr'])

/** Paragraphs (`w:p`) in document order; a paragraph nested in a text box comes before the one holding it. */
export function bodyParagraphs(xml: string): string[] {
  const paragraphs: string[] = []
  const open: string[][] = []
  let ignoredDepth = 0
  let inText = false
  const append = (s: string) => {
    if (ignoredDepth === 0) open[open.length - 1]?.push(s)
  }
  const parser = new Parser(
    {
      onopentag(name) {
        if (ignoredElements.has(name)) ignoredDepth++
        else if (name === 'w:p') open.push([])
        else if (name === 'w:t') inText = true
        else if (name === 'w:tab' || name === 'w:ptab') append('\t')
        else if (name === 'w:br' || name === 'w:cr') append(lineSeparator)
        else if (name === 'w:nobreakhyphen') append('\u2011')
      },
      ontext(text) {
        if (inText) append(text)
      },
      onclosetag(name) {
        if (ignoredElements.has(name)) ignoredDepth--
        else if (name === 'w:t') inText = false
        else if (name === 'w:p') paragraphs.push((open.pop() ?? []).join(''))
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return paragraphs
}
