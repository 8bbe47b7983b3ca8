// Decides whether a batch is worth worker threads and describes what they need as data. Kept
// apart from the pool so a run on one small file loads no pool code at all.
import { statSync } from 'node:fs'
import type { ReporterOptions } from '../report/types.js'
import type { ActiveRule, RuleDef } from '../rules/types.js'
import type { FileSetup } from './audit.js'
import { specsOf, type FilterSpec, type FindingFilter } from './filters.js'

/** The output format a worker renders results for, as `--format` names it. */
export interface RenderSpec {
  readonly format: string
  readonly options: ReporterOptions
}

/** One file setup as data: rules (compiled in the worker) and the specs of all its filters. */
export interface SetupSpec {
  readonly rules: readonly Pick<ActiveRule, 'def' | 'severity' | 'settings'>[]
  readonly filters: readonly FilterSpec[]
}

/** What each worker receives when it starts. */
export interface WorkerSetup {
  readonly render: RenderSpec | undefined
}

/** How a batch goes to workers: the distinct setups, and which one each path uses. */
export interface WorkerPlan {
  readonly setups: readonly SetupSpec[]
  readonly setupIndex: readonly number[]
}

/**
 * One task of a worker: paths with the index of their setup, and the setups they use (a few
 * KB each; a worker compiles each index once), so the pool can start before setups are known.
 */
export interface WorkerTask {
  readonly paths: readonly string[]
  readonly setups: readonly number[]
  readonly specs: readonly (readonly [number, SetupSpec])[]
}

/** A pool started ahead of need, and the settings it was started with. */
interface WarmPool {
  readonly jobs: number
  readonly pool: Promise<{ destroy(): Promise<void> }>
}
let warm: WarmPool | undefined

/**
 * Starts `jobs` workers now if `paths` is a batch they will be used for, so they load while
 * the main thread resolves each file's settings; {@link takeWarmPool} hands them over.
 */
export function warmUpWorkers(paths: readonly string[], jobs: number, render: RenderSpec | undefined): void {
  if (warm || jobs <= 1 || paths.length < 2 || estimateBytes(paths) < minBytesForWorkers) return
  warm = { jobs, pool: import('./parallel-audit-pool.js').then((m) => m.startPool(jobs, render)) }
}

/** The pool started by {@link warmUpWorkers} for `jobs` threads, if any; a mismatched one is stopped. */
export async function takeWarmPool<P>(jobs: number): Promise<P | undefined> {
  const taken = warm
  warm = undefined
  if (!taken) return undefined
  if (taken.jobs === jobs) return (await taken.pool) as P
  await (await taken.pool).destroy()
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
  if (jobs <= 1 || paths.length < 2 || estimateBytes(paths) < minBytesForWorkers) return undefined
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
      index = setups.push({ rules: setup.rules.map(({ def, severity, settings }) => ({ def, severity, settings })), filters: specs }) - 1
      byFilters.set(setup.filters, index)
    }
    setupIndex.push(index)
  }
  return { setups, setupIndex }
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
