// Keeps what a run works out from the built-in rules between runs, in dist/.cache/ beside the
// rules' own cache (builtin-cache.ts): a memo of JSON values by key, valid for the build that
// wrote it (the package's version, and the size and mtime of this compiled file, which a new
// build rewrites; an installed package's files all carry one mtime). Only what the built-in
// rules hold goes there, never the words of a user's rule files, and a value read back is
// checked by its user before use. The CLI and the worker threads run this code from different
// files of the bundle: each keeps its own cache file, named after its code's, or they would
// undo each other's. Run from src/ (the tests), nothing is kept. Writing is best effort: a
// read-only install works it out on each run.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A memo that outlives the run. */
export interface BuildCache<T> {
  /** The value kept for `key`, or undefined. */
  get(key: string): T | undefined
  set(key: string, value: T): void
  /** Writes the values set in this run, if any, with those kept before. */
  save(): void
}

/** dist/.cache/, beside the compiled code (src/.cache/ from the sources, which keep nothing there). */
export const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache')

/**
 * Writes `content` as JSON to `file`, whole or not at all (a temporary file renamed over it:
 * threads and processes may write at once). Best effort: false when it could not.
 */
export function writeCacheFile(file: string, content: unknown): boolean {
  const temp = `${file}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(temp, JSON.stringify(content))
    renameSync(temp, file)
    return true
  } catch {
    rmSync(temp, { force: true })
    return false
  }
}

/** Values past this many are dropped when saving (rules of many configs): the cache starts again with this run's. */
const maxEntries = 512

/** The cache `name` of this build: its file is read on first use. */
export function buildCache<T>(name: string): BuildCache<T> {
  const self = fileURLToPath(import.meta.url)
  const isBuilt = !self.endsWith('.ts')
  const file = join(cacheDir, `${name}.${basename(self)}.json`)
  let stamp: string | undefined
  let kept: Record<string, T> | undefined
  const added: Record<string, T> = {}
  let isChanged = false
  const load = (): Record<string, T> => {
    if (kept) return kept
    kept = {}
    if (!isBuilt) return kept
    try {
      const info = statSync(self)
      const { version } = createRequire(import.meta.url)('../../package.json') as { version: string }
      stamp = `${version}:${info.size}:${info.mtimeMs}`
      const content = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: string; values?: Record<string, T> }
      if (content.stamp === stamp && content.values) kept = content.values
    } catch {
      // None yet, or unreadable: worked out anew.
    }
    return kept
  }
  return {
    get: (key) => {
      const values = load()
      return Object.hasOwn(values, key) ? values[key] : added[key]
    },
    set: (key, value) => {
      added[key] = value
      isChanged = true
    },
    save: () => {
      if (!isBuilt || !isChanged || stamp === undefined) return
      isChanged = false
      const before = load()
      const values = Object.keys(before).length + Object.keys(added).length > maxEntries ? added : { ...before, ...added }
      // Not writable: worked out on each run.
      writeCacheFile(file, { stamp, values })
    },
  }
}
