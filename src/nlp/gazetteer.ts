// The gazetteer of Chinese administrative divisions (rules/leak/gazetteer-*.tsv.gz, built by
// scripts/build-gazetteer.mjs): finds the unit names that end at a place in a text.
import { localText } from '../i18n/catalogue.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '../core/errors.js'
import { shortNameOf } from './admin-names.js'

/** 1 province, 2 prefecture, 3 county, 4 town or street, 5 village or community. */
export type Level = 1 | 2 | 3 | 4 | 5

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

/** The village files: names bucketed by the code unit before their suffix, modulo this. */
const villageBucketCount = 64

const levelByCodeLength: Readonly<Record<number, Level>> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 }
/** Code prefix lengths of the levels above a unit, top first. */
const ancestorLengths = [2, 4, 6, 9]

/**
 * Names sorted by their characters read backwards, so that walking back from the end of a
 * candidate narrows a range of entries one character at a time. Entries stay in the decoded
 * file text; an entry is parsed only when it matches.
 */
class ReversedNameIndex {
  private readonly starts: Int32Array
  private readonly tabs: Int32Array
  private readonly parsed = new Map<number, NameEntry>()

  constructor(
    private readonly text: string,
    private readonly toUnit: (code: string, name: string) => Unit,
  ) {
    const starts: number[] = []
    const tabs: number[] = []
    for (let at = 0; at < text.length; ) {
      const nl = text.indexOf('\n', at)
      const end = nl < 0 ? text.length : nl
      if (text.charCodeAt(at) !== 0x23 /* # */ && end > at) {
        starts.push(at)
        tabs.push(text.indexOf('\t', at))
      }
      at = end + 1
    }
    this.starts = Int32Array.from(starts)
    this.tabs = Int32Array.from(tabs)
  }

  /**
   * The entries whose names end at `end` in `text` and are at least `minLength` long, longest
   * first. Only characters for which `isNameChar` holds are walked over.
   */
  endingAt(text: string, end: number, minLength: number, isNameChar: (code: number) => boolean): NameEntry[] {
    const found: NameEntry[] = []
    let lo = 0
    let hi = this.starts.length
    for (let k = 0; ; k++) {
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
  private readonly byCode = new Map<string, Unit>()
  private shortCache: Map<string, Unit[]> | undefined
  /** Names of units whose short name is a common word (flag `g`). */
  private readonly commonNames = new Set<string>()

  constructor(
    unitsText: string,
    private readonly loadVillageBucket: (bucket: number) => string,
  ) {
    this.upper = new ReversedNameIndex(unitsText, (code, name) => this.internUnit(code, name))
    this.indexUnits(unitsText)
  }

  /**
   * Indexes the units above villages (about 42,000) by code, up front. The lines are read with
   * indexOf rather than split into arrays: this runs once per process, before the JIT has
   * warmed up, and the split-and-destructure loop took ~90 ms of it against ~30 ms.
   */
  private indexUnits(text: string): void {
    for (let at = 0; at < text.length; ) {
      const newline = text.indexOf('\n', at)
      const lineEnd = newline < 0 ? text.length : newline
      const nameEnd = text.indexOf('\t', at)
      if (text.charCodeAt(at) !== 0x23 /* # */ && nameEnd > at && nameEnd < lineEnd) {
        const name = text.slice(at, nameEnd)
        const flagsAt = text.indexOf('\t', nameEnd + 1)
        const codesEnd = flagsAt < 0 || flagsAt > lineEnd ? lineEnd : flagsAt
        for (let code = nameEnd + 1; code < codesEnd; ) {
          const comma = text.indexOf(',', code)
          const end = comma < 0 || comma > codesEnd ? codesEnd : comma
          this.internUnit(text.slice(code, end), name)
          code = end + 1
        }
        if (codesEnd < lineEnd && text.slice(codesEnd + 1, lineEnd).includes('g')) this.commonNames.add(name)
      }
      at = lineEnd + 1
    }
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
      index = new ReversedNameIndex(this.loadVillageBucket(bucket), (code, name) => ({ code, name, level: 5 }))
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
    return this.byCode.get(code)
  }

  /** The units containing `unit`, top (province) first; levels the data leaves out are skipped. */
  ancestors(unit: Unit): Unit[] {
    return ancestorLengths.filter((n) => n < unit.code.length).flatMap((n) => this.byCode.get(unit.code.slice(0, n)) ?? [])
  }

  /** True when the unit's short name is a common word (江山 of 江山市, 和平 of 和平区). */
  isCommonShortName(unit: Unit): boolean {
    return this.commonNames.has(unit.name)
  }

  /** The units whose short name (without suffix: 宁夏, 石嘴山, 惠农, 中街) is `short`. */
  unitsByShortName(short: string): readonly Unit[] {
    return this.shortNames().get(short) ?? []
  }

  /** Every short name of provinces, prefectures, counties and towns, at least two characters long. */
  shortNames(): ReadonlyMap<string, Unit[]> {
    if (!this.shortCache) {
      this.shortCache = new Map()
      for (const unit of this.byCode.values()) {
        const short = shortNameOf(unit.name, unit.level)
        if (short.length < 2 || short === unit.name) continue
        const list = this.shortCache.get(short)
        if (list) list.push(unit)
        else this.shortCache.set(short, [unit])
      }
    }
    return this.shortCache
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

let shared: Gazetteer | undefined

/** The gazetteer shipped in rules/leak, read on first use and shared by every rule and document. */
export function getGazetteer(): Gazetteer {
  shared ??= new Gazetteer(readGzipText(join(gazetteerDir, 'gazetteer-units.tsv.gz')), (bucket) =>
    readGzipText(join(gazetteerDir, 'gazetteer-villages', `${String(bucket).padStart(2, '0')}.tsv.gz`)),
  )
  return shared
}

function readGzipText(path: string): string {
  try {
    // zlib is required here: runs without the leak rules never load it.
    const { gunzipSync } = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')
    return gunzipSync(readFileSync(path)).toString('utf8')
  } catch (error) {
    throw new InputError(localText('error.gazetteer', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), { path }, localText('error.gazetteer.hint'))
  }
}
