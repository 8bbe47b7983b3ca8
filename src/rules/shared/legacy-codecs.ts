// The bytes a character had in a legacy codec (GBK, Windows-1252): what a text decoded with
// the wrong codec came from, so that the bytes can be read again as UTF-8 (shared/mojibake.ts).
import { createRequire } from 'node:module'

/** The codecs UTF-8 text is most often misread with: GBK by Chinese tools, Windows-1252 by Western ones. */
export const legacyCodecs = ['gbk', 'windows-1252'] as const
export type LegacyCodec = (typeof legacyCodecs)[number]

const require = createRequire(import.meta.url)
type Iconv = typeof import('iconv-lite')

/**
 * `bytes` decoded with `codec`. GBK by the runtime's own decoder (ICU: some milliseconds for all
 * of it), or iconv-lite where Node was built without one; Windows-1252 by iconv-lite, since
 * Node 20's decoder of that name reads ISO-8859-1 (0x80 as U+0080, not €).
 */
function decodeWith(codec: LegacyCodec, bytes: Uint8Array): string {
  // Windows-1252 reads every byte but 0x80–0x9F as the code point of its value (ASCII, then
  // Latin-1): bytes of those ranges alone need no iconv-lite, whose tables cost a run some ms.
  if (codec === 'windows-1252' && !bytes.some((b) => b >= 0x80 && b <= 0x9f)) return String.fromCharCode(...bytes)
  if (codec === 'gbk') {
    try {
      return new TextDecoder(codec).decode(bytes)
    } catch {
      // No ICU: iconv-lite below.
    }
  }
  return (require('iconv-lite') as Iconv).decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codec)
}

/**
 * A class of the characters a run of mojibake of `codec` can be proved from: those whose bytes
 * open the UTF-8 of Chinese text, E0–EF then a continuation byte (three-byte sequences:
 * ideographs, their punctuation, “”…, U+FFFD and U+FEFF among them). A text without any holds
 * none to report, and the byte table (some milliseconds to build for GBK) is never made.
 * Left out: the character of C2 B7 alone (路 in GBK, U+00B7 MIDDLE DOT once read as UTF-8),
 * which proves nothing by itself (shared/mojibake.ts); C3–E1 of Windows-1252, which open
 * Latin, Greek, Hebrew… letters (× of a mask is D7, in almost every report).
 */
export function openerClassOf(codec: LegacyCodec): RegExp {
  let re = openerClasses.get(codec)
  if (re === undefined) {
    const bytes: number[] = []
    if (codec === 'gbk') {
      for (let lead = 0xe0; lead <= 0xef; lead++) for (let trail = 0x80; trail <= 0xbf; trail++) bytes.push(lead, trail, 0x20)
    } else for (let b = 0xe2; b <= 0xef; b++) bytes.push(b, 0x20)
    re = classOfChars(decodeWith(codec, Uint8Array.from(bytes)))
    openerClasses.set(codec, re)
  }
  return re
}

const openerClasses = new Map<LegacyCodec, RegExp>()

/** A class of the characters whose bytes in `codec` are all one of `fillBytes` (烫 for 0xCC 0xCC in GBK), and others the decoder gives for them: a superset, for a quick test. */
export function fillClassOf(codec: LegacyCodec, fillBytes: readonly number[]): RegExp {
  const bytes: number[] = []
  for (const b of fillBytes) bytes.push(b, b, 0x20, b, 0x20)
  return classOfChars(decodeWith(codec, Uint8Array.from(bytes)))
}

/** A regex matching any character of the space-parted `decoded` (one-unit characters: GBK and Windows-1252 have no others) but a space and U+FFFD. */
function classOfChars(decoded: string): RegExp {
  const chars = [...new Set(decoded)].filter((c) => c !== ' ' && c !== '\ufffd')
  if (chars.length === 0) return /(?!)/
  return new RegExp(`[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`)
}

export type ByteTable = Uint16Array

const tables = new Map<LegacyCodec, ByteTable>()

/** The byte table of `codec` (see {@link ByteTable}). */
export function byteTableOf(codec: LegacyCodec): ByteTable {
  let table = tables.get(codec)
  if (table === undefined) {
    table = codec === 'gbk' ? buildGbkTable() : buildSingleByteTable(codec)
    tables.set(codec, table)
  }
  return table
}

function withAscii(): Uint16Array {
  const table = new Uint16Array(0x10000)
  for (let c = 1; c < 0x80; c++) table[c] = c
  return table
}

/**
 * GBK's two-byte characters whose bytes can stand in UTF-8 text: both bytes 0x80 or above
 * (a trail of 0x40–0x7E is an ASCII byte, which a UTF-8 character never holds). Every pair is
 * decoded in one call, each followed by a space, which no such pair holds: an unassigned pair
 * reads as U+FFFD and is left out.
 */
function buildGbkTable(): ByteTable {
  const table = withAscii()
  const bytes = new Uint8Array(0x7e * 0x7f * 3 + 0x80 * 2)
  let n = 0
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x80; trail <= 0xfe; trail++) {
      bytes[n++] = lead
      bytes[n++] = trail
      bytes[n++] = 0x20
    }
  }
  // The one byte GBK reads alone above ASCII (0x80, €), after the pairs: a pair wins a character both spell.
  for (let b = 0x80; b <= 0xff; b++) {
    bytes[n++] = b
    bytes[n++] = 0x20
  }
  const chars = decodeWith('gbk', bytes.subarray(0, n)).split(' ')
  let k = 0
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x80; trail <= 0xfe; trail++) {
      const char = chars[k++]!
      const code = char.charCodeAt(0)
      if (char.length === 1 && code !== 0xfffd && table[code] === 0) table[code] = (lead << 8) | trail
    }
  }
  for (let b = 0x80; b <= 0xff; b++) {
    const char = chars[k++]!
    const code = char.charCodeAt(0)
    if (char.length === 1 && code !== 0xfffd && table[code] === 0) table[code] = b
  }
  return table
}

/**
 * A one-byte codec's characters of 0x80–0xFF, and every C1 control (U+0080–U+009F) as the byte
 * of the same number: that is how ISO-8859-1 reads 0x80–0x9F (Python requests' default charset,
 * Node's `latin1`), and how browsers read the five bytes Windows-1252 leaves unassigned (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D). A text holds no C1 control of its own, and Windows-1252's letters of
 * those bytes (€, ‚, …) are other code points: one table reads both decodings, and a run mixing
 * them (a text passed through both) too.
 */
function buildSingleByteTable(codec: LegacyCodec): ByteTable {
  const table = withAscii()
  const bytes = new Uint8Array(0x80)
  for (let b = 0; b < 0x80; b++) bytes[b] = 0x80 + b
  const chars = decodeWith(codec, bytes)
  for (let b = 0; b < 0x80; b++) {
    const code = chars.charCodeAt(b)
    table[code === 0xfffd ? 0x80 + b : code] = 0x80 + b
  }
  for (let c = 0x80; c <= 0x9f; c++) if (table[c] === 0) table[c] = c
  return table
}
