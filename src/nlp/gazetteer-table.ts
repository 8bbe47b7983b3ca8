// The gazetteer's units above villages as one binary table (dist/data/gazetteer-units.bin,
// written by `node scripts/build-gazetteer.mjs --compile` at build time): every index a run
// needs into the units file's text, as typed arrays over one buffer, so loading parses
// nothing. The units file's text is stored too, as UTF-16 code units (1.2 MB), which a run
// copies into a string where decoding UTF-8 cost ~6 ms; and a stamp of the compressed file it
// was built from (its length and gzip's trailer: the CRC-32 and length of the text), which a run
// reads from the shipped file's last bytes instead of unzipping it (5 ms), hashing it (loading
// node:crypto, 3 ms) or comparing a copy of it (300 KB, which the table held before and which
// now pays for the wider text). Indexing the 42,000 units and cutting their short names took
// ~80 ms of each process.
import { shortNameOf } from './admin-names.js'

/** 1 province, 2 prefecture, 3 county, 4 town or street, 5 village or community. */
export type Level = 1 | 2 | 3 | 4 | 5

export const levelByCodeLength: Readonly<Record<number, Level>> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 }

/** Raise when the layout or what goes into it changes: an older file is then rebuilt in memory. */
const formatVersion = 7
const magic = 0x31545a47 // 'GZT1'

/**
 * The units file (`name<TAB>codes<TAB>flags` lines sorted by the name read backwards) and
 * its indexes. Codes above village level have at most 9 digits and never start with 0, so
 * each is an Int32 whose digit count is its length.
 */
export interface UnitTable {
  /** The file text, as decoded. */
  readonly text: string
  /** Per entry (name line): where its name starts and the tab after it. */
  readonly starts: Int32Array
  readonly tabs: Int32Array
  /** Every unit code, ascending, and the entry of its name. */
  readonly codes: Int32Array
  readonly codeEntries: Int32Array
  /** Short names in the order their first unit comes in the file, their units' codes in file order. */
  readonly shortText: string
  readonly shortStarts: Int32Array
  readonly shortUnitStarts: Int32Array
  readonly shortUnitCodes: Int32Array
  /** The entry of each of those units' names. */
  readonly shortUnitEntries: Int32Array
  /** Short name indexes sorted by the short name (UTF-16 code units). */
  readonly shortSorted: Int32Array
  /**
   * Per short name, the levels of its units (bit `1 << level`), and in the next byte those of
   * its units whose name is not flagged a common word (`<< 8`): what choosing short names by
   * level asks, answered without reading the units.
   */
  readonly shortLevels: Int32Array
}

/** The byte of {@link UnitTable.shortLevels} that holds the levels of units whose short name is not a common word. */
export const uncommonLevelShift = 8

/** Builds the table from the text of gazetteer-units.tsv. */
export function buildUnitTable(text: string): UnitTable {
  const starts: number[] = []
  const tabs: number[] = []
  const units: { code: number; entry: number; name: string; level: Level; isGeneric: boolean }[] = []
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at)
    const lineEnd = newline < 0 ? text.length : newline
    const nameEnd = text.indexOf('\t', at)
    if (text.charCodeAt(at) !== 0x23 /* # */ && nameEnd > at && nameEnd < lineEnd) {
      const entry = starts.push(at) - 1
      tabs.push(nameEnd)
      const name = text.slice(at, nameEnd)
      const flagsAt = text.indexOf('\t', nameEnd + 1)
      const codesEnd = flagsAt < 0 || flagsAt > lineEnd ? lineEnd : flagsAt
      const isGeneric = codesEnd < lineEnd && text.slice(codesEnd + 1, lineEnd).includes('g')
      for (const code of text.slice(nameEnd + 1, codesEnd).split(',')) {
        const level = levelByCodeLength[code.length]
        if (!/^[1-9]\d*$/.test(code) || code.length > 9 || !level) throw new Error(`gazetteer: unexpected unit code ${code} of ${name}`)
        units.push({ code: Number(code), entry, name, level, isGeneric })
      }
    }
    at = lineEnd + 1
  }
  const byCode = [...units].sort((a, b) => a.code - b.code)
  const shortUnits = new Map<string, (typeof units)[number][]>()
  for (const unit of units) {
    const short = shortNameOf(unit.name, unit.level)
    if (short.length < 2 || short === unit.name) continue
    const list = shortUnits.get(short)
    if (list) list.push(unit)
    else shortUnits.set(short, [unit])
  }
  const shorts = [...shortUnits.keys()]
  const shortStarts = [0]
  for (const short of shorts) shortStarts.push(shortStarts[shortStarts.length - 1]! + short.length)
  const shortUnitStarts = [0]
  for (const list of shortUnits.values()) shortUnitStarts.push(shortUnitStarts[shortUnitStarts.length - 1]! + list.length)
  return {
    text,
    starts: Int32Array.from(starts),
    tabs: Int32Array.from(tabs),
    codes: Int32Array.from(byCode, (u) => u.code),
    codeEntries: Int32Array.from(byCode, (u) => u.entry),
    shortText: shorts.join(''),
    shortStarts: Int32Array.from(shortStarts),
    shortUnitStarts: Int32Array.from(shortUnitStarts),
    shortUnitCodes: Int32Array.from([...shortUnits.values()].flat(), (u) => u.code),
    shortUnitEntries: Int32Array.from([...shortUnits.values()].flat(), (u) => u.entry),
    shortSorted: Int32Array.from(shorts.keys()).sort((a, b) => (shorts[a]! < shorts[b]! ? -1 : shorts[a]! > shorts[b]! ? 1 : 0)),
    shortLevels: Int32Array.from(shortUnits.values(), (list) => list.reduce((bits, u) => bits | (1 << u.level) | (u.isGeneric ? 0 : 1 << (u.level + uncommonLevelShift)), 0)),
  }
}

const stringFields = ['text', 'shortText'] as const
const arrayFields = ['starts', 'codes', 'codeEntries', 'shortStarts', 'shortUnitStarts', 'shortUnitCodes', 'shortUnitEntries', 'shortSorted', 'shortLevels'] as const

/** Bytes of a units file's stamp: its length (u32 LE), then the last 8 bytes of its gzip stream. */
export const unitsStampLength = 12

/**
 * The stamp of a gzipped units file of `size` bytes ending in `trailer` (its last 8 bytes: the
 * CRC-32 and length of the text, which gzip writes there): what a table records of the file it
 * was built from, and what a run reads of the shipped file to know the table is of it.
 */
export function unitsStamp(size: number, trailer: Uint8Array): Uint8Array {
  const stamp = new Uint8Array(unitsStampLength)
  new DataView(stamp.buffer).setUint32(0, size, true)
  stamp.set(trailer.subarray(trailer.length - 8), 4)
  return stamp
}

/**
 * The table as bytes: u32 magic, u32 format version, the stamp of the units file it was built
 * from ({@link unitsStamp}), then per field a u32 element count and the elements, each field
 * padded to 4 bytes: the string fields (the units file's text among them) as UTF-16LE code
 * units, the arrays as Int32; not the tabs of the text.
 */
export function encodeUnitTable(table: UnitTable, stamp: Uint8Array): Uint8Array {
  if (stamp.length !== unitsStampLength) throw new Error(`gazetteer: a units stamp is ${unitsStampLength} bytes`)
  const parts: Uint8Array[] = []
  const u32 = (n: number) => new Uint8Array(Uint32Array.of(n).buffer)
  const padded = (bytes: Uint8Array) => {
    const out = new Uint8Array((bytes.length + 3) & ~3)
    out.set(bytes)
    return out
  }
  parts.push(u32(magic), u32(formatVersion), stamp)
  for (const field of stringFields) {
    const s = table[field]
    const units = new Uint16Array(s.length)
    for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i)
    parts.push(u32(s.length), padded(new Uint8Array(units.buffer)))
  }
  for (const field of arrayFields) parts.push(u32(table[field].length), new Uint8Array(table[field].buffer, table[field].byteOffset, table[field].byteLength))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The stamp of the units file a table was built from, or undefined when the bytes are not a table of this format. */
export function stampOfUnitTable(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 8 + unitsStampLength || bytes.byteOffset % 4 !== 0) return undefined
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 2)
  if (head[0] !== magic || head[1] !== formatVersion) return undefined
  return bytes.subarray(8, 8 + unitsStampLength)
}

/** Reads a table from bytes made by {@link encodeUnitTable}: views over them, and the strings copied out of their code units. */
export function decodeUnitTable(bytes: Uint8Array): UnitTable {
  if (stampOfUnitTable(bytes) === undefined) throw new Error('gazetteer: not a unit table of this version')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 8 + unitsStampLength
  const fields: Record<string, unknown> = {}
  for (const field of stringFields) {
    const length = view.getUint32(at, true)
    fields[field] = Buffer.from(bytes.buffer, bytes.byteOffset + at + 4, length * 2).toString('utf16le')
    at += 4 + ((length * 2 + 3) & ~3)
  }
  for (const field of arrayFields) {
    const length = view.getUint32(at, true)
    fields[field] = new Int32Array(bytes.buffer, bytes.byteOffset + at + 4, length)
    at += 4 + length * 4
  }
  // The tab after each name: one indexOf per entry, cheaper to find than to ship (170 KB).
  const starts = fields.starts as Int32Array
  const text = fields.text as string
  fields.tabs = starts.map((start) => text.indexOf('\t', start))
  return fields as unknown as UnitTable
}
