// Finds mojibake: UTF-8 text that a tool decoded with a legacy codec (`鍏氬缓` for 党建 read as
// GBK, `ä¸­` for 中 read as Windows-1252). The proof is the round trip: write the run back in
// that codec and the bytes are valid UTF-8 again, spelling Chinese text.
import type { ByteTable } from './legacy-codecs.js'

/** A run of text whose codec bytes read as UTF-8; offsets in UTF-16 code units. */
export interface Stretch {
  readonly start: number
  readonly end: number
  /** What the bytes read as UTF-8: the text the run was meant to be. */
  readonly decoded: string
  /**
   * Characters of Chinese text (ideographs, CJK and full-width punctuation, quotes) in `decoded`,
   * but U+00B7 MIDDLE DOT: a name's dot is read on inside a run, yet proves nothing, since its
   * C2 B7 is GBK's 路, which text writes on its own (`一路上路过路口` is no mojibake of ·�·�·).
   */
  readonly chinese: number
  /** U+FFFD and U+FEFF in `decoded`: a replacement character or a byte order mark, read wrong. */
  readonly marks: number
  /** Characters of the text holding bytes other than ASCII. */
  readonly chars: number
  /** True when a character's bytes were cut at the end: its first bytes are in the run, the rest lost. */
  readonly isCut: boolean
}

/** True for what a Chinese text's UTF-8 holds besides ASCII (U+00B7 MIDDLE DOT of names among it): the proof that the bytes were text. */
function isChinese(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027) || cp === 0xb7
}

/**
 * Every run of `text` whose bytes in the codec of `table` are UTF-8 of at least one character
 * of Chinese text or mark, in order. A run starts at a character whose bytes open a UTF-8
 * sequence and stops at the first byte that breaks one, at a line end, or at a character the
 * codec lacks; one pass, each character read at most twice.
 */
export function findStretches(text: string, table: ByteTable): Stretch[] {
  const found: Stretch[] = []
  const openers = openersOf(table)
  for (let i = 0; i < text.length; ) {
    const opens = openers[text.charCodeAt(i)]!
    if (opens === 0 || (opens === continued && !isContinuation(table, text.charCodeAt(i + 1)))) {
      i++
      continue
    }
    const { stretch, next } = readStretch(text, i, table)
    if (stretch.end > i) found.push(stretch)
    i = next
  }
  return found
}

/** An opener whose sequence the next character's first byte must continue. */
const continued = 1
const openerTables = new WeakMap<ByteTable, Uint8Array>()

/**
 * For each UTF-16 code unit, whether it may open a run: `continued` when its bytes open a
 * sequence the next character's first byte must continue (three-byte sequences in two-byte
 * codecs, any in one-byte codecs), 2 for U+00B7's C2 B7, else 0. Most of a Chinese text fails
 * at one read of this table, or two.
 */
function openersOf(table: ByteTable): Uint8Array {
  let openers = openerTables.get(table)
  if (openers !== undefined) return openers
  openers = new Uint8Array(0x10000)
  for (let c = 0x80; c < 0x10000; c++) {
    const v = table[c]!
    const lead = v >> 8
    const trail = v & 0xff
    if (v === 0xc2b7) openers[c] = 2
    else if (v > 0xff ? lead >= 0xe0 && lead <= 0xef && trail >= 0x80 && trail <= 0xbf : v >= 0xc2 && v <= 0xef) openers[c] = continued
  }
  openerTables.set(table, openers)
  return openers
}

/** True when the character `code` (NaN past the end) starts with a UTF-8 continuation byte in the codec. */
function isContinuation(table: ByteTable, code: number): boolean {
  if (!(code >= 0)) return false
  const v = table[code]!
  const first = v > 0xff ? v >> 8 : v
  return first >= 0x80 && first <= 0xbf
}

/** A character class body for `codes` (ascending UTF-16 code units), in ranges. */
export function classOf(codes: readonly number[]): string {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`
  let out = ''
  for (let i = 0; i < codes.length; ) {
    let j = i
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++
    out += j > i ? `${hex(codes[i]!)}-${hex(codes[j]!)}` : hex(codes[i]!)
    i = j + 1
  }
  return out
}

/**
 * The run starting at `start` (whose first byte opens a sequence), and where to look next: the
 * character that broke it, or the one after when its second byte did.
 */
function readStretch(text: string, start: number, table: ByteTable): { stretch: Stretch; next: number } {
  let need = 0
  let cp = 0
  let pending = ''
  // What the run holds up to its last whole character of Chinese text or mark.
  let decoded = ''
  let end = 0
  let chinese = 0
  let marks = 0
  let chars = 0
  let keptChars = 0
  let isCut = false
  let i = start
  let k = 0
  let bytes = 0
  // Continuation bytes still to pass over after a U+FFFD: the rest of the character it broke.
  let skip = 0
  for (; i < text.length; i++) {
    if (text.charCodeAt(i) === 0xfffd) {
      // The decoder's mark for bytes it could not read (a GBK pair Python's codec lacks, a lead
      // byte before ASCII that WHATWG's decoder takes for a four-byte start): the character they
      // belonged to is lost, the run goes on at the next character's first byte. Marks in a row
      // read as one loss: how many characters they stood for is unknown.
      if (need === 0 && end === 0) break
      decoded += pending + (pending === '' && decoded.endsWith('\ufffd') ? '' : '\ufffd')
      pending = ''
      need = 0
      end = i + 1
      keptChars = ++chars
      isCut = false
      skip = 3
      continue
    }
    const v = table[text.charCodeAt(i)]!
    if (v === 0 || v === 0x0a || v === 0x0d) break
    if (v < 0x80) {
      if (need > 0) break
      pending += text[i]
      skip = 0
      continue
    }
    chars++
    bytes = v > 0xff ? 2 : 1
    for (k = 0; k < bytes; k++) {
      const b = bytes === 2 ? (k === 0 ? v >> 8 : v & 0xff) : v
      if (need === 0 && skip > 0 && b >= 0x80 && b <= 0xbf) {
        skip--
        continue
      }
      skip = 0
      if (need === 0) {
        need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
        if (need === 0) break
        cp = b & (0x7f >> (need + 1))
        continue
      }
      if (b < 0x80 || b > 0xbf) break
      cp = (cp << 6) | (b & 0x3f)
      if (--need > 0) continue
      // Overlong forms and surrogates are no UTF-8: the run ends before them.
      const isMark = cp === 0xfffd || cp === 0xfeff
      if (!isMark && !isChinese(cp)) break
      decoded += pending + String.fromCodePoint(cp)
      pending = ''
      if (isMark) marks++
      else if (cp !== 0xb7) chinese++
      end = i + 1
      keptChars = chars
      isCut = k < bytes - 1
    }
    if (k < bytes) break
  }
  const isBrokenInside = i < text.length && k < bytes && table[text.charCodeAt(i)]! >= 0x80
  const next = isBrokenInside && k > 0 ? i + 1 : Math.max(i, start + 1)
  const stretch = { start, end, decoded, chinese, marks, chars: keptChars, isCut }
  if (need === 0 || end === 0) return { stretch, next }
  // A sequence left open: the characters holding its first bytes are the start of a character
  // whose last bytes were lost (`瀹` for the E5 AE of 容).
  const openEnd = isBrokenInside && k > 0 ? i + 1 : i
  return { stretch: { ...stretch, end: Math.max(openEnd, end), decoded: openEnd > end ? decoded + pending : decoded, isCut: true }, next }
}

/** A run of U+FFFD REPLACEMENT CHARACTER; offsets in UTF-16 code units. */
export interface ReplacementRun {
  readonly start: number
  readonly end: number
  /** The U+FFFD in the run. */
  readonly count: number
}

/**
 * Runs of at least `minCount` U+FFFD REPLACEMENT CHARACTER, each parted from the next by at most
 * `maxGap` characters but spaces and Chinese punctuation: what a UTF-8 decoder leaves of text
 * in GBK (`��ǿ���罨��` for 加强作风建设: most GBK pairs break UTF-8, a few read as a character
 * of their own), the bytes lost. One U+FFFD alone proves no such decoding: a text may quote it,
 * or a font lost one rare character.
 */
export function findReplacementRuns(text: string, minCount: number, maxGap: number): ReplacementRun[] {
  const runs: ReplacementRun[] = []
  for (let at = text.indexOf('\ufffd'); at >= 0; ) {
    let end = at + 1
    let count = 1
    for (let next = text.indexOf('\ufffd', end); next >= 0 && next - end <= maxGap && !breaksRunRe.test(text.slice(end, next)); next = text.indexOf('\ufffd', end)) {
      count++
      end = next + 1
    }
    if (count >= minCount) runs.push({ start: at, end, count })
    at = text.indexOf('\ufffd', end)
  }
  return runs
}

/** What parts two runs of replacement characters: a space or line end, Chinese punctuation, quotes. */
const breaksRunRe = /[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f\u2026]/
