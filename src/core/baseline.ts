// Baselines: findings accepted once, matched again by a fingerprint that survives edits elsewhere.
import { createRequire } from 'node:module'
import { isInternalFinding, traitsOf } from './categories.js'
import type { FindingFilter } from './filters.js'
import { spanStartInContext } from './engine.js'
import type { Finding } from './finding.js'

// node:crypto is required on use, so a run without a baseline does not load it.
const require = createRequire(import.meta.url)
const createHmac: typeof import('node:crypto').createHmac = (...args) => (require('node:crypto') as typeof import('node:crypto')).createHmac(...args)

/** One accepted finding (or `count` identical ones) of a file. */
export interface BaselineEntry {
  readonly ruleId: string
  /** HMAC-SHA256 (salted) of rule id, matched text and normalized surrounding text. */
  readonly fingerprint: string
  /**
   * The same with only the text before the span, and only the text after it: an edit next to a
   * finding changes one side of its context, and the other side still recognises it.
   */
  readonly before?: string
  readonly after?: string
  /** The matched text, for people reading the file; only for categories that cannot hold a name. */
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
  return hmac(salt, `${f.ruleId}\u0000${f.text}\u0000${normalizeContext(f.context)}`)
}

/** The fingerprints of a finding with one side of its context each; undefined for a side that is empty. */
export function sidePrintsOf(f: Pick<Finding, 'ruleId' | 'text' | 'context' | 'column'>, salt: string): { before?: string; after?: string } {
  const at = spanStartInContext(f)
  const before = normalizeContext(f.context.slice(0, at))
  const after = normalizeContext(f.context.slice(at + f.text.length))
  return {
    ...(before !== '' && { before: hmac(salt, `${f.ruleId}\u0000${f.text}\u0000<\u0000${before}`) }),
    ...(after !== '' && { after: hmac(salt, `${f.ruleId}\u0000${f.text}\u0000>\u0000${after}`) }),
  }
}

function hmac(salt: string, text: string): string {
  return createHmac('sha256', salt).update(text).digest('hex').slice(0, 32)
}

/** Builds a baseline from the findings of each file (keyed as in the file). */
export function buildBaseline(files: ReadonlyMap<string, readonly Finding[]>, salt: string): BaselineData {
  const out: Record<string, BaselineEntry[]> = {}
  for (const [path, findings] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byPrint = new Map<string, BaselineEntry>()
    for (const f of findings) {
      const fingerprint = fingerprintOf(f, salt)
      const seen = byPrint.get(fingerprint)
      byPrint.set(fingerprint, seen ? { ...seen, count: seen.count + 1 } : { ruleId: f.ruleId, fingerprint, ...sidePrintsOf(f, salt), ...(!isSecretFinding(f) && { text: f.text }), count: 1 })
    }
    if (byPrint.size) out[path] = [...byPrint.values()]
  }
  return { schemaVersion: 1, salt, files: out }
}

/** Matches findings against a baseline; remembers, per file, how much of each entry the last audit left unused. */
export class BaselineMatcher {
  private readonly left = new Map<string, Map<BaselineEntry, number>>()

  /** `keyOf` turns a Document path into the baseline's key for it. */
  constructor(
    private readonly data: BaselineData,
    private readonly keyOf: (path: string) => string,
  ) {}

  /**
   * Drops the findings the baseline accepts; each entry accepts at most `count` findings. First
   * by the whole fingerprint; then what is left by one side of the context, so that the
   * neighbours of an edited finding stay accepted and only the edited one is new.
   */
  readonly filter: FindingFilter = (findings, doc) => {
    const key = this.keyOf(doc.path)
    const entries = this.data.files[key] ?? []
    const left = new Map(entries.map((e) => [e, e.count]))
    const byPrint = indexBy(entries, (e) => [e.fingerprint])
    const bySide = indexBy(entries, (e) => [e.before, e.after])
    const take = (candidates: readonly BaselineEntry[] | undefined) => {
      const entry = candidates?.find((e) => left.get(e)! > 0)
      if (entry) left.set(entry, left.get(entry)! - 1)
      return entry !== undefined
    }
    const salt = this.data.salt
    const open = findings.filter((f) => isInternalFinding(f) || !take(byPrint.get(fingerprintOf(f, salt))))
    const kept = open.filter((f) => {
      if (isInternalFinding(f) || bySide.size === 0) return true
      const sides = sidePrintsOf(f, salt)
      const near = (print: string | undefined) => (print === undefined ? undefined : bySide.get(print))
      return !take(near(sides.before)) && !take(near(sides.after))
    })
    this.left.set(key, left)
    return kept
  }

  /** Entries of the files audited so far that matched fewer findings than they count. */
  stale(): StaleEntry[] {
    const stale: StaleEntry[] = []
    for (const [path, left] of this.left) {
      for (const [entry, missing] of left) if (missing > 0) stale.push({ path, entry, missing })
    }
    return stale
  }
}

function indexBy(entries: readonly BaselineEntry[], keysOf: (e: BaselineEntry) => (string | undefined)[]): Map<string, BaselineEntry[]> {
  const index = new Map<string, BaselineEntry[]>()
  for (const e of entries) {
    for (const k of keysOf(e)) {
      if (k === undefined) continue
      const list = index.get(k)
      if (list) list.push(e)
      else index.set(k, [e])
    }
  }
  return index
}
