// The gazetteer of Chinese administrative divisions (rules/leak/gazetteer-*.tsv.gz, built by
// scripts/build-gazetteer.mjs): finds the unit names that end at a place in a text. The units
// above villages are read from their binary table (gazetteer-table.ts), the villages from
// their text files, one bucket at a time as names need them.
import { lowerBound } from '../core/sorted.js'
import { localText } from '../i18n/catalogue.js'
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { sharedFile } from '../core/shared-tables.js'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '../core/errors.js'
import { villageBucketCount, villageBucketOf, type EntryOffsets, type IndexText, type VillageBucket } from './village-store.js'
import { buildUnitTable, decodeUnitTable, levelByCodeLength, stampOfUnitTable, uncommonLevelShift, unitsStamp, type Level, type UnitTable } from './gazetteer-table.js'

export type { Level } from './gazetteer-table.js'

/** One administrative unit: its statistical division code and normalised name. */
export interface Unit {
  readonly code: string
  readonly name: string
  readonly level: Level
}

/** A name of the gazetteer and the units that bear it (namesakes in other places). */
export interface NameEntry {
  readonly name: string
  readonly units: readonly Unit[]
  /** The name without its suffix is a common word (红旗村, 幸福社区): a weak sign of a place. */
  readonly isGeneric: boolean
}

/** Where the shipped gazetteer files are. */
export const gazetteerDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules', 'leak')
/** The units file, and its binary table that the build writes (from dist/<dir>/ and src/nlp/ alike). */
export const unitsFile = join(gazetteerDir, 'gazetteer-units.tsv.gz')
export const unitTableFile = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'data', 'gazetteer-units.bin')

/** Code prefix lengths of the levels above a unit, top first. */
const ancestorLengths = [2, 4, 6, 9]

/** Packs a range [lo, hi) of entries into one number: lo * rangeScale + hi (an index has fewer entries). */
const rangeScale = 0x400000

/**
 * Names sorted by their characters read backwards, so that walking back from the end of a
 * candidate narrows a range of entries one character at a time. Entries stay in the decoded
 * file text; an entry is parsed only when it matches.
 */
class ReversedNameIndex {
  private readonly starts: Int32Array
  private readonly tabs: Int32Array
  private readonly parsed = new Map<number, NameEntry>()
  /** Ranges of entries by the last two code units of their names; see {@link rangeOfEnding}. */
  private readonly endings = new Map<number, number>()

  constructor(
    private readonly text: IndexText,
    private readonly toUnit: (code: string, name: string) => Unit,
    offsets: EntryOffsets,
  ) {
    this.starts = offsets.starts
    this.tabs = offsets.tabs
  }

  /**
   * The entries whose names end at `end` in `text` and are at least `minLength` long, longest
   * first. Only characters for which `isNameChar` holds are walked over.
   */
  endingAt(text: string, end: number, minLength: number, isNameChar: (code: number) => boolean): NameEntry[] {
    const found: NameEntry[] = []
    let lo = 0
    let hi = this.starts.length
    let k = 0
    if (minLength >= 2) {
      // No name shorter than two characters is wanted: the range of the last two is looked up.
      if (end < 2) return found
      const last = text.charCodeAt(end - 1)
      const beforeLast = text.charCodeAt(end - 2)
      if (!isNameChar(last) || !isNameChar(beforeLast)) return found
      const range = this.rangeOfEnding(beforeLast, last)
      lo = Math.floor(range / rangeScale)
      hi = range % rangeScale
      k = 2
    }
    for (; ; k++) {
      // [lo, hi) holds the names that end with the last k characters before `end`; the
      // shortest sorts first, so a name of exactly k characters is at lo.
      if (k >= minLength && lo < hi && this.lengthOf(lo) === k) found.push(this.entry(lo))
      if (lo >= hi || end - 1 - k < 0) break
      const c = text.charCodeAt(end - 1 - k)
      if (!isNameChar(c)) break
      const from = this.lowerBound(lo, hi, k, c)
      hi = this.lowerBound(from, hi, k, c + 1)
      lo = from
    }
    return found.reverse()
  }

  /**
   * The entries whose names end with the code units `beforeLast`, `last`, as `lo * rangeScale +
   * hi`. Remembered: every candidate of the places scan starts with these two binary searches
   * over the whole index, and a text's candidates share a few thousand endings.
   */
  private rangeOfEnding(beforeLast: number, last: number): number {
    const key = beforeLast * 0x10000 + last
    let range = this.endings.get(key)
    if (range === undefined) {
      const lo1 = this.lowerBound(0, this.starts.length, 0, last)
      const hi1 = this.lowerBound(lo1, this.starts.length, 0, last + 1)
      const lo = this.lowerBound(lo1, hi1, 1, beforeLast)
      range = lo * rangeScale + this.lowerBound(lo, hi1, 1, beforeLast + 1)
      this.endings.set(key, range)
    }
    return range
  }

  private lengthOf(i: number): number {
    return this.tabs[i]! - this.starts[i]!
  }

  private nameOf(i: number): string {
    return this.text.slice(this.starts[i]!, this.tabs[i]!)
  }

  /** The code unit `k` places from the end of entry `i`'s name, or -1 past its start. */
  private charFromEnd(i: number, k: number): number {
    return this.lengthOf(i) > k ? this.text.charCodeAt(this.tabs[i]! - 1 - k) : -1
  }

  private lowerBound(lo: number, hi: number, k: number, c: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.charFromEnd(mid, k) < c) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private entry(i: number): NameEntry {
    let entry = this.parsed.get(i)
    if (!entry) {
      const name = this.nameOf(i)
      const lineEnd = this.text.indexOf('\n', this.tabs[i]!)
      const [codes = '', flags = ''] = this.text.slice(this.tabs[i]! + 1, lineEnd < 0 ? undefined : lineEnd).split('\t')
      entry = { name, units: codes.split(',').map((code) => this.toUnit(code, name)), isGeneric: flags.includes('g') }
      this.parsed.set(i, entry)
    }
    return entry
  }
}

/** The loaded gazetteer: unit names by their endings, units by code, short names. */
export class Gazetteer {
  private readonly upper: ReversedNameIndex
  private readonly villageBuckets = new Map<number, ReversedNameIndex>()
  /** Units above villages made so far, one object per code. */
  private readonly byCode = new Map<string, Unit>()
  private readonly byShortName = new Map<string, Unit[]>()
  private shortCache: Map<string, Unit[]> | undefined

  constructor(
    private readonly table: UnitTable,
    private readonly loadVillageBucket: (bucket: number) => VillageBucket,
  ) {
    this.upper = new ReversedNameIndex(table.text, (code, name) => this.internUnit(code, name), table)
  }

  /** Names of provinces, prefectures, counties and towns that end at `end` in `text`, longest first. */
  upperNamesEndingAt(text: string, end: number, minLength: number, isNameChar: (code: number) => boolean): NameEntry[] {
    return this.upper.endingAt(text, end, minLength, isNameChar)
  }

  /**
   * Names of villages and communities that end at `end` (with 村, 社区 or 嘎查). Reads the one
   * bucket of the village files that holds names with the character before this suffix.
   */
  villageNamesEndingAt(text: string, end: number, minLength: number, isNameChar: (code: number) => boolean): NameEntry[] {
    const suffixLength = text.startsWith('社区', end - 2) || text.startsWith('嘎查', end - 2) ? 2 : 1
    const key = text.charCodeAt(end - suffixLength - 1)
    if (!isNameChar(key)) return []
    const bucket = key % villageBucketCount
    let index = this.villageBuckets.get(bucket)
    if (!index) {
      const { text, offsets } = this.loadVillageBucket(bucket)
      index = new ReversedNameIndex(text, (code, name) => ({ code, name, level: 5 }), offsets)
      this.villageBuckets.set(bucket, index)
    }
    return index.endingAt(text, end, minLength, isNameChar)
  }

  /** True once a village file has been read (for the benchmark and tests). */
  get hasLoadedVillages(): boolean {
    return this.villageBuckets.size > 0
  }

  /** The unit of a code above village level. */
  unit(code: string): Unit | undefined {
    const known = this.byCode.get(code)
    if (known) return known
    const at = this.codeIndexOf(code)
    return at < 0 ? undefined : this.internUnit(code, this.entryName(this.table.codeEntries[at]!))
  }

  /** The units containing `unit`, top (province) first; levels the data leaves out are skipped. */
  ancestors(unit: Unit): Unit[] {
    return ancestorLengths.filter((n) => n < unit.code.length).flatMap((n) => this.unit(unit.code.slice(0, n)) ?? [])
  }

  /** True when the unit's short name is a common word (江山 of 江山市, 和平 of 和平区). */
  isCommonShortName(unit: Unit): boolean {
    const at = this.codeIndexOf(unit.code)
    if (at >= 0) return this.isGenericEntry(this.table.codeEntries[at]!)
    // A unit this table does not list: its name's entry, if it has one.
    const name = unit.name
    const entry = this.upper.endingAt(name, name.length, name.length, () => true)[0]
    return entry !== undefined && entry.name === name && entry.isGeneric
  }

  /** The units whose short name (without suffix: 宁夏, 石嘴山, 惠农, 中街) is `short`. */
  unitsByShortName(short: string): readonly Unit[] {
    let units = this.byShortName.get(short)
    if (!units) {
      const i = this.shortIndexOf(short)
      units = i < 0 ? [] : this.shortUnits(i)
      this.byShortName.set(short, units)
    }
    return units
  }

  /** Every short name of provinces, prefectures, counties and towns, at least two characters long. */
  shortNames(): ReadonlyMap<string, Unit[]> {
    if (!this.shortCache) {
      this.shortCache = new Map()
      const { shortStarts, shortText } = this.table
      for (let i = 0; i + 1 < shortStarts.length; i++) this.shortCache.set(shortText.slice(shortStarts[i]!, shortStarts[i + 1]!), this.shortUnits(i))
    }
    return this.shortCache
  }

  /**
   * The short names for which `test` holds, given their length (in UTF-16 code units), the
   * levels of their units (bits `1 << level`) and the levels of those whose short name is not a
   * common word, in the order of {@link shortNames}. Reads the table's numbers only: a run that never asks for
   * every short name's units makes none of them.
   */
  shortNamesWhere(test: (length: number, levels: number, uncommonLevels: number) => boolean): string[] {
    const { shortStarts, shortText, shortLevels } = this.table
    const names: string[] = []
    for (let i = 0; i + 1 < shortStarts.length; i++) {
      const bits = shortLevels[i]!
      if (test(shortStarts[i + 1]! - shortStarts[i]!, bits & 0xff, bits >>> uncommonLevelShift)) names.push(shortText.slice(shortStarts[i]!, shortStarts[i + 1]!))
    }
    return names
  }

  /**
   * Calls `visit` with the last two code units of every short name of two characters or more,
   * and the levels of its units (bits `1 << level`): the cheap pass a table of name endings
   * needs (no string is cut out of the table).
   */
  forEachShortNameEnd(visit: (beforeLast: number, last: number, levels: number) => void): void {
    const { shortStarts, shortText, shortLevels } = this.table
    for (let i = 0; i + 1 < shortStarts.length; i++) {
      const end = shortStarts[i + 1]!
      if (end - shortStarts[i]! >= 2) visit(shortText.charCodeAt(end - 2), shortText.charCodeAt(end - 1), shortLevels[i]! & 0xff)
    }
  }

  /** The index of a short name in the table, or -1. */
  private shortIndexOf(short: string): number {
    const { shortSorted, shortStarts, shortText } = this.table
    let lo = 0
    let hi = shortSorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const i = shortSorted[mid]!
      const name = shortText.slice(shortStarts[i]!, shortStarts[i + 1]!)
      if (name === short) return i
      if (name < short) lo = mid + 1
      else hi = mid
    }
    return -1
  }

  private shortUnits(i: number): Unit[] {
    const { shortUnitStarts, shortUnitCodes, shortUnitEntries } = this.table
    const units: Unit[] = []
    for (let k = shortUnitStarts[i]!; k < shortUnitStarts[i + 1]!; k++) {
      const code = String(shortUnitCodes[k]!)
      units.push(this.byCode.get(code) ?? this.internUnit(code, this.entryName(shortUnitEntries[k]!)))
    }
    return units
  }

  /** The position of a code in the table's ascending codes, or -1. */
  private codeIndexOf(code: string): number {
    if (!unitCodeRe.test(code)) return -1
    const codes = this.table.codes
    const n = Number(code)
    const at = lowerBound(codes.length, (i) => codes[i]!, n)
    return codes[at] === n ? at : -1
  }

  private entryName(entry: number): string {
    return this.table.text.slice(this.table.starts[entry]!, this.table.tabs[entry]!)
  }

  /** Flag `g` of an entry: the third field of its line. */
  private isGenericEntry(entry: number): boolean {
    const text = this.table.text
    const lineEnd = text.indexOf('\n', this.table.tabs[entry]!)
    const flagsAt = text.indexOf('\t', this.table.tabs[entry]! + 1)
    return flagsAt >= 0 && (lineEnd < 0 || flagsAt < lineEnd) && text.slice(flagsAt + 1, lineEnd < 0 ? undefined : lineEnd).includes('g')
  }

  private internUnit(code: string, name: string): Unit {
    let unit = this.byCode.get(code)
    if (!unit) {
      unit = { code, name, level: levelByCodeLength[code.length] ?? 5 }
      this.byCode.set(code, unit)
    }
    return unit
  }
}

/** A code above village level: 2 to 9 digits, never a leading 0. */
const unitCodeRe = /^[1-9]\d{1,8}$/

let shared: Gazetteer | undefined

/** The gazetteer shipped in rules/leak, read on first use and shared by every rule and document. */
export function getGazetteer(): Gazetteer {
  shared ??= new Gazetteer(loadUnitTable(), villageBucket)
  return shared
}

function villageFile(bucket: number): string {
  return join(gazetteerDir, 'gazetteer-villages', `${String(bucket).padStart(2, '0')}.tsv.gz`)
}

/** Village file `bucket`, indexed, its text outside the JavaScript heap, shared by the threads of a run (village-store.ts). */
function villageBucket(bucket: number): VillageBucket {
  return villageBucketOf(bucket, (b) => readGzipText(villageFile(b)))
}

/** The units' table from the build, read once per process: worker threads share it. */
const sharedUnitTable = sharedFile('gazetteer/units.bin', () => unitTableFile)

/**
 * The units' table from the build (dist/data/gazetteer-units.bin) when it was made from the
 * units file as it is now (it holds the file's stamp); else built from that file here, ~80 ms more.
 */
function loadUnitTable(): UnitTable {
  // Undefined when not built: made from the units file below.
  let bytes: Uint8Array | undefined = sharedUnitTable()
  // Typed arrays need aligned offsets: copied to one if the bytes were not (a Buffer's slice would not copy).
  if (bytes && bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes)
  const builtFrom = bytes && stampOfUnitTable(bytes)
  if (bytes && builtFrom && Buffer.compare(builtFrom, readUnitsStamp(unitsFile)) === 0) {
    try {
      return decodeUnitTable(bytes)
    } catch {
      // A table cut short (an interrupted copy): built from the units file below.
    }
  }
  return buildUnitTable(gunzipText(readSource(unitsFile), unitsFile))
}

/** The stamp of the gzipped units file at `path`, from its size and last 8 bytes. */
function readUnitsStamp(path: string): Uint8Array {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const size = fstatSync(fd).size
    const trailer = new Uint8Array(8)
    if (size < 8 || readSync(fd, trailer, 0, 8, size - 8) !== 8) return new Uint8Array(0)
    return unitsStamp(size, trailer)
  } catch (error) {
    throw gazetteerError(error, path)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function readSource(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    throw gazetteerError(error, path)
  }
}

function readGzipText(path: string): string {
  return gunzipText(readSource(path), path)
}

function gunzipText(bytes: Uint8Array, path: string): string {
  try {
    // zlib is required here: runs without the leak rules never load it.
    const { gunzipSync } = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')
    return gunzipSync(bytes).toString('utf8')
  } catch (error) {
    throw gazetteerError(error, path)
  }
}

function gazetteerError(error: unknown, path: string): InputError {
  return new InputError(localText('error.gazetteer', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), { path }, localText('error.gazetteer.hint'))
}
