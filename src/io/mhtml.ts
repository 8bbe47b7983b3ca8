// The web page inside a MIME web archive (Word's and WPS's "single file web page", which web
// systems also save as `.doc`): the first `text/html` part, its transfer encoding undone
// (quoted-printable, base64) and its charset decoded. The HTML reader reads what this returns.
import { localText } from '../i18n/catalogue.js'
import { InputError } from '../core/errors.js'
import { decodeDeclared, type Decoded } from './decode.js'

interface Part {
  readonly headers: ReadonlyMap<string, string>
  /** The part's body, one character a byte. */
  readonly body: string
}

/**
 * The page of the MIME web archive `bytes`: its first `text/html` part, decoded. Line numbers
 * then count the page's lines, not the archive's. Throws InputError naming `path` when the
 * archive holds no page.
 */
export function mhtmlPage(bytes: Uint8Array, path: string): Decoded {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '')
  const page = findPage(splitPart(raw))
  if (page === undefined) throw new InputError(localText('error.mhtml-no-page'), { path })
  const charset = parameterOf(page.headers.get('content-type') ?? '', 'charset')
  return decodeDeclared(bodyBytes(page), charset, path)
}

/** The first `text/html` part of `part`, looking into multipart bodies (a `multipart/related` archive). */
function findPage(part: Part): Part | undefined {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase()
  if (type.startsWith('text/html')) return part
  if (!type.startsWith('multipart/')) return undefined
  const boundary = parameterOf(part.headers.get('content-type')!, 'boundary')
  if (boundary === undefined) return undefined
  for (const piece of part.body.split(`--${boundary}`).slice(1)) {
    if (piece.startsWith('--')) break
    const found = findPage(splitPart(piece.replace(/^\r?\n/, '')))
    if (found) return found
  }
  return undefined
}

/** A part's header fields (names in lower case, folded lines joined) and its body, split at the first blank line. */
function splitPart(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text)
  const head = end ? text.slice(0, end.index) : text
  const body = end ? text.slice(end.index + end[0].length) : ''
  const headers = new Map<string, string>()
  for (const field of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = field.indexOf(':')
    if (colon > 0) headers.set(field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim())
  }
  return { headers, body }
}

/** A parameter of a header field's value (`charset` of `text/html; charset="gb2312"`), unquoted. */
function parameterOf(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return match ? (match[1] ?? match[2]) : undefined
}

/** The part's body with its transfer encoding undone: quoted-printable, base64, or as it is. */
function bodyBytes(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase()
  if (encoding === 'base64') return Buffer.from(part.body, 'base64')
  if (encoding !== 'quoted-printable') return Buffer.from(part.body, 'latin1')
  // `=` at a line's end joins it to the next (a soft break); `=XX` is the byte XX.
  const joined = part.body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(joined, 'latin1')
}
