// Baselines: findings accepted once, matched again by a fingerprint that survives edits elsewhere.
import { createRequire } from 'node:module'
import { isInternalFinding, traitsOf } from './categories.js'
import type { FindingFilter } from './filters.js'
import type { Finding } from './finding.js'

// node:crypto is required on use, so a run without a baseline does not load it.
const require = createRequire(import.meta.url)
const createHmac: typeof import('node:crypto').createHmac = (...args) => (require('node:crypto') as typeof import('node:crypto')).createHmac(...args)

/** One accepted finding (or `count` identical ones) of a file. */
export interface BaselineEntry {
  readonly ruleId: string
  /** HMAC-SHA256 (salted) of rule id, matched text and normalized surrounding text. */
  readonly fingerprint: string
  /** The matched text, for people reading the file; left out for `leak` findings. */
  readonly text?: string
  readonly count: number
}

/** A baseline file's contents. Paths are relative to the baseline file's folder, with `/`. */
export interface BaselineData {
  readonly schemaVersion: 1
  readonly salt: string
  readonly files: Readonly<Record<string, readonly BaselineEntry[]>>
}

/** An entry no finding matched any more. */
export interface StaleEntry {
  readonly path: string
  readonly entry: BaselineEntry
  /** How many of its `count` were not found. */
  readonly missing: number
}

/** The findings whose matched text must never be written in clear (the category table says which). */
export function isSecretFinding(f: Pick<Finding, 'category'>): boolean {
  return !traitsOf(f.category).isTextKeptInBaseline
}

/**
 * The text around a finding with what edits commonly disturb taken out: the `...` of a
 * clipped context, whitespace, and width variants (NFKC), so re-wrapping a line keeps it.
 */
export function normalizeContext(context: string): string {
  return context.replace(/^\.\.\.|\.\.\.$/g, '').replace(/\s+/g, '').normalize('NFKC')
}

/** The fingerprint of a finding: no line or column, so it survives edits above it. */
export function fingerprintOf(f: Pick<Finding, 'ruleId' | 'text' | 'context'>, salt: string): string {
  return createHmac('sha256', salt).update(`${f.ruleId}\u0000${f.text}\u0000${normalizeContext(f.context)}`).digest('hex').slice(0, 32)
}

/** Builds a baseline from the findings of each file (keyed as in the file). */
export function buildBaseline(files: ReadonlyMap<string, readonly Finding[]>, salt: string): BaselineData {
  const out: Record<string, BaselineEntry[]> = {}
  for (const [path, findings] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byPrint = new Map<string, BaselineEntry>()
    for (const f of findings) {
      const fingerprint = fingerprintOf(f, salt)
      const seen = byPrint.get(fingerprint)
      byPrint.set(fingerprint, seen ? { ...seen, count: seen.count + 1 } : { ruleId: f.ruleId, fingerprint, ...(!isSecretFinding(f) && { text: f.text }), count: 1 })
    }
    if (byPrint.size) out[path] = [...byPrint.values()]
  }
  return { schemaVersion: 1, salt, files: out }
}

/** Matches findings against a baseline; remembers, per file, which entries the last audit used. */
export class BaselineMatcher {
  private readonly used = new Map<string, Map<string, number>>()

  /** `keyOf` turns a Document path into the baseline's key for it. */
  constructor(
    private readonly data: BaselineData,
    private readonly keyOf: (path: string) => string,
  ) {}

  /** Drops the findings the baseline accepts; each entry accepts at most `count` findings. */
  readonly filter: FindingFilter = (findings, doc) => {
    const key = this.keyOf(doc.path)
    const entries = this.data.files[key] ?? []
    const left = new Map(entries.map((e) => [e.fingerprint, e.count]))
    const used = new Map<string, number>()
    const kept = findings.filter((f) => {
      if (isInternalFinding(f)) return true
      const print = fingerprintOf(f, this.data.salt)
      const n = left.get(print) ?? 0
      if (n === 0) return true
      left.set(print, n - 1)
      used.set(print, (used.get(print) ?? 0) + 1)
      return false
    })
    this.used.set(key, used)
    return kept
  }

  /** Entries of the files audited so far that matched fewer findings than they count. */
  stale(): StaleEntry[] {
    const stale: StaleEntry[] = []
    for (const [path, used] of this.used) {
      for (const entry of this.data.files[path] ?? []) {
        const missing = entry.count - (used.get(entry.fingerprint) ?? 0)
        if (missing > 0) stale.push({ path, entry, missing })
      }
    }
    return stale
  }
}
