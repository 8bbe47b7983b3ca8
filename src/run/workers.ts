// Decides whether a batch is worth worker threads and describes what they need as data. Kept
// apart from the pool so a run on one small file loads no pool code at all.
import { statSync } from 'node:fs'
import { specsOf, type FilterSpec, type FindingFilter } from '../core/filters.js'
import type { SharedTables } from '../core/shared-tables.js'
import type { ReporterOptions } from '../report/types.js'
import type { ActiveRule } from '../rules/types.js'

/** The output format a worker renders results for, as `--format` names it. */
export interface RenderSpec {
  readonly format: string
  readonly options: ReporterOptions
}

/** The rules and filters of one file, when they differ by file (config files, per-glob overrides). */
export interface FileSetup {
  readonly rules: readonly ActiveRule[]
  readonly filters: readonly FindingFilter[]
}

/** One file setup as data: rules (compiled in the worker) and the specs of all its filters. */
export interface SetupSpec {
  readonly rules: readonly Pick<ActiveRule, 'def' | 'severity' | 'claimOnly' | 'settings'>[]
  readonly filters: readonly FilterSpec[]
}

/**
 * The largest buffer of rendered output kept for reuse: the main thread hands back those of
 * this size or less, and a worker sizes a new one from the last batch's rendering up to this.
 * A batch of huge files is rare.
 */
export const maxOutputBuffer = 16 << 20

/** What each worker receives when it starts. */
export interface WorkerSetup {
  readonly render: RenderSpec | undefined
}

/** How a batch goes to workers: the distinct setups, and which one each path uses. */
export interface WorkerPlan {
  readonly setups: readonly SetupSpec[]
  readonly setupIndex: readonly number[]
  /**
   * True when some setup runs a leak rule: the tokenizer's and gazetteer's tables are then
   * loaded once, by this thread, and shared with the workers (core/shared-tables.ts).
   */
  readonly sharesTables: boolean
}

/**
 * One task of a worker: paths with the index of their setup, and the setups they use (a few
 * KB each; a worker compiles each index once), so the pool can start before setups are known.
 */
export interface WorkerTask {
  readonly paths: readonly string[]
  readonly setups: readonly number[]
  readonly specs: readonly (readonly [number, SetupSpec])[]
  /** The read-only tables of this thread, for a worker to adopt rather than load (see {@link WorkerPlan}). */
  readonly tables?: SharedTables
  /**
   * The buffer of an earlier task's rendering, written out and handed back (transferred) for
   * this one's; the worker grows it if the rendering does not fit (see {@link maxOutputBuffer}).
   */
  readonly output?: ArrayBuffer
}

/** A pool of worker threads that can be stopped. */
export interface StoppablePool {
  destroy(): Promise<void>
}

/**
 * Workers started ahead of need, so they load while the main thread resolves each file's
 * settings. The run that started them passes them to `auditFiles`, which uses or stops them.
 */
export interface WarmWorkers {
  readonly jobs: number
  readonly pool: Promise<StoppablePool>
}

/** Starts `jobs` workers now if `paths` is a batch they will be used for; undefined otherwise. */
export function warmUpWorkers(paths: readonly string[], asked: number, render: RenderSpec | undefined): WarmWorkers | undefined {
  const jobs = jobsFor(paths, asked)
  if (jobs <= 1 || !isLargeBatch(paths)) return undefined
  return { jobs, pool: import('./worker-pool.js').then((m) => m.startPool(jobs, render)) }
}

/** The worker threads a batch of `paths` gets when `asked` are: never more than it has files. */
export function jobsFor(paths: readonly string[], asked: number): number {
  return Math.max(1, Math.min(asked, paths.length))
}

/** The pool of `warm` if it has `jobs` threads; a mismatched one is stopped. */
export async function takeWarmPool<P extends StoppablePool>(warm: WarmWorkers | undefined, jobs: number): Promise<P | undefined> {
  if (!warm) return undefined
  if (warm.jobs === jobs) return (await warm.pool) as P
  await (await warm.pool).destroy()
  return undefined
}

/**
 * Below this many bytes a batch runs in-process: starting workers and compiling the rules in
 * each costs about as much as auditing this much text in one thread.
 */
export const minBytesForWorkers = 4 * 1024 * 1024
/** Files whose sizes are sampled to estimate a batch's bytes; stat-ing a million files first would stall the start. */
const sampledFiles = 64

/**
 * The plan for auditing `paths` with `jobs` worker threads, or undefined to stay in this
 * thread: one thread asked for, a small batch, or a filter that cannot be sent as data.
 */
export function planWorkers(paths: readonly string[], setupOf: (path: string) => FileSetup, filters: readonly FindingFilter[], jobs: number): WorkerPlan | undefined {
  if (jobs <= 1 || !isLargeBatch(paths)) return undefined
  // Setups are shared objects (one per config and override set): describe each once.
  const byRules = new Map<readonly ActiveRule[], Map<readonly FindingFilter[], number>>()
  const setups: SetupSpec[] = []
  const setupIndex: number[] = []
  for (const path of paths) {
    const setup = setupOf(path)
    const byFilters = byRules.get(setup.rules) ?? new Map<readonly FindingFilter[], number>()
    byRules.set(setup.rules, byFilters)
    let index = byFilters.get(setup.filters)
    if (index === undefined) {
      const specs = specsOf([...setup.filters, ...filters])
      if (specs === undefined) return undefined
      index = setups.push({ rules: setup.rules.map(({ def, severity, claimOnly, settings }) => ({ def, severity, claimOnly, settings })), filters: specs }) - 1
      byFilters.set(setup.filters, index)
    }
    setupIndex.push(index)
  }
  return { setups, setupIndex, sharesTables: setups.some((setup) => setup.rules.some((rule) => rule.def.category === 'leak')) }
}

/** Batches judged so far: a run asks of its batch when warming workers, planning them and bounding the heap. */
const judged = new WeakMap<readonly string[], boolean>()

/** True for a batch of files worth worker threads: two or more, of {@link minBytesForWorkers} or more in all. */
export function isLargeBatch(paths: readonly string[]): boolean {
  let isLarge = judged.get(paths)
  if (isLarge === undefined) judged.set(paths, (isLarge = paths.length >= 2 && estimateBytes(paths) >= minBytesForWorkers))
  return isLarge
}

/** Total size extrapolated from the first files; unreadable ones count as empty. */
function estimateBytes(paths: readonly string[]): number {
  const sample = paths.slice(0, sampledFiles)
  let bytes = 0
  for (const path of sample) {
    try {
      bytes += statSync(path).size
    } catch {
      // Reported when the file is read; it adds no work.
    }
  }
  return (bytes / sample.length) * paths.length
}
