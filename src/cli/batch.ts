// The batch options of `check` (--jobs, --shard, --no-progress) and the progress line on stderr.
import { availableParallelism } from 'node:os'
import { UsageError } from '../core/errors.js'
import type { FileResult } from '../core/result.js'
import type { BatchPlan, BatchProgress } from '../run/batch.js'
import { parseShard } from '../run/shard.js'
import { writeErrRaw } from './io.js'
import { createProgress, shouldShowProgress } from './progress.js'
import { isTimingRules } from '../run/rule-timing.js'

/** The batch options of `check`, as commander gives them. */
export interface BatchFlags {
  readonly jobs?: string
  readonly shard?: string
  /** False with --no-progress. */
  readonly progress?: boolean
}

const wholeNumberRe = /^\d+$/

/**
 * Worker threads when `--jobs` is not given: one core fewer than the machine has, as jest does,
 * because the main thread walks, resolves settings and writes while the workers audit. On two
 * cores that is one, in this thread: measured there, two workers were slower than none (the
 * main thread and two workers share two cores, and each worker loads its own rules).
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1)
}

/**
 * The most worker threads `--jobs` starts: twice the CPUs this process may use. A worker past
 * the CPUs audits nothing sooner and loads its own rules (about 36 MB): measured on 2 cores,
 * `--jobs 16` took four times as long and as much memory as `--jobs 1`, and `--jobs 1000`
 * started 1,011 threads and filled 17.5 GB. Twice, not once, so that a machine whose CPU count
 * understates what it may run (a container's quota, I/O waits) is not second-guessed for a few.
 * A batch never gets more workers than files either (run/workers.ts).
 */
export function maxJobs(): number {
  return 2 * availableParallelism()
}

/** Validates the flags before any output is written. */
export function parseBatchFlags(flags: BatchFlags): BatchPlan & { readonly cappedFrom?: number } {
  let jobs = defaultJobs()
  let cappedFrom: number | undefined
  if (flags.jobs !== undefined) {
    if (!wholeNumberRe.test(flags.jobs) || Number(flags.jobs) < 1) throw new UsageError(`--jobs "${flags.jobs}": expected a whole number of at least 1`)
    jobs = Number(flags.jobs)
    if (jobs > maxJobs()) {
      cappedFrom = jobs
      jobs = maxJobs()
    }
  }
  const isWanted = flags.progress !== false
  // TIMING reads the clock around each rule in this thread.
  if (isTimingRules()) jobs = 1
  return { jobs, ...(cappedFrom !== undefined && { cappedFrom }), shard: flags.shard === undefined ? undefined : parseShard(flags.shard), progress: (total) => progressLine(total, isWanted) }
}

/** The progress line of a batch, on stderr when it is a terminal (see shouldShowProgress). */
function progressLine(total: number, isWanted: boolean): BatchProgress {
  const isShown = shouldShowProgress({ isTTY: process.stderr.isTTY === true, env: process.env, isWanted })
  const progress = createProgress(total, isShown, writeErrRaw)
  return {
    beforeEmit: (result) => {
      if (writesToTerminal(result)) progress.clear()
    },
    update: (result) => progress.update(result),
    finish: () => progress.finish(),
  }
}

/** True when emitting `result` may print on the terminal the bar is drawn on. */
function writesToTerminal(result: FileResult): boolean {
  return result.error !== undefined || result.notice !== undefined || (process.stdout.isTTY === true && (result.prerendered?.counts.findings ?? result.findings.length) > 0)
}
