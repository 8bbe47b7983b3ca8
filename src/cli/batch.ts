// The batch part of `check`: --jobs, --shard and the progress line around auditFiles.
import { availableParallelism } from 'node:os'
import type { Document } from '../core/document.js'
import { UsageError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import type { FileResult } from '../core/result.js'
import type { ActiveRule } from '../rules/types.js'
import { auditFiles } from '../run/audit-loop.js'
import { warmUpWorkers, type FileSetup, type RenderSpec, type WarmWorkers } from '../run/workers.js'
import { writeErrRaw } from './io.js'
import { createProgress, shouldShowProgress } from './progress.js'
import { parseShard, selectShard, type Shard } from './shard.js'

/** The batch options of `check`, as commander gives them. */
export interface BatchFlags {
  readonly jobs?: string
  readonly shard?: string
  /** False with --no-progress. */
  readonly progress?: boolean
}

/** The batch options, validated. */
export interface BatchPlan {
  readonly jobs: number
  readonly shard: Shard | undefined
  readonly isProgressWanted: boolean
  /** The output format, which workers render results for. */
  readonly render?: RenderSpec
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

/** Validates the flags before any output is written. */
export function parseBatchFlags(flags: BatchFlags): BatchPlan {
  let jobs = defaultJobs()
  if (flags.jobs !== undefined) {
    if (!wholeNumberRe.test(flags.jobs) || Number(flags.jobs) < 1) throw new UsageError(`--jobs "${flags.jobs}": expected a whole number of at least 1`)
    jobs = Number(flags.jobs)
  }
  return { jobs, shard: flags.shard === undefined ? undefined : parseShard(flags.shard), isProgressWanted: flags.progress !== false }
}

/** This machine's share of `files` under `--shard`; all of them without it. */
export function selectFiles(files: string[], plan: BatchPlan | undefined): string[] {
  return plan?.shard ? selectShard(files, plan.shard) : files
}

/** Starts the workers a large batch of `files` will use, while settings are still being resolved. */
export function warmUpBatch(files: readonly string[], plan: BatchPlan | undefined): WarmWorkers | undefined {
  return plan ? warmUpWorkers(files, plan.jobs, plan.render) : undefined
}

/**
 * Audits `files` with `plan.jobs` threads, passing each result to `emit` in order, with the
 * progress line around it. `how.read` replaces reading from disk (the git index for
 * --staged), which keeps the batch in this thread; `how.warm` are workers started ahead.
 */
export async function auditBatch(
  files: readonly string[],
  rules: readonly ActiveRule[] | ((path: string) => FileSetup),
  filters: readonly FindingFilter[],
  plan: BatchPlan | undefined,
  emit: (result: FileResult) => void,
  how: { readonly read?: (path: string) => Promise<Document>; readonly warm?: WarmWorkers } = {},
): Promise<void> {
  const isShown = shouldShowProgress({ isTTY: process.stderr.isTTY === true, env: process.env, isWanted: plan?.isProgressWanted ?? false })
  const progress = createProgress(files.length, isShown, writeErrRaw)
  try {
    for await (const result of auditFiles(files, rules, filters, { jobs: plan?.jobs ?? 1, render: plan?.render, warm: how.warm, ...(how.read && { read: how.read }) })) {
      if (writesToTerminal(result)) progress.clear()
      emit(result)
      progress.update(result)
    }
  } finally {
    progress.finish()
  }
}

/** True when emitting `result` may print on the terminal the bar is drawn on. */
function writesToTerminal(result: FileResult): boolean {
  return result.error !== undefined || result.notice !== undefined || (process.stdout.isTTY === true && (result.prerendered?.counts.findings ?? result.findings.length) > 0)
}
