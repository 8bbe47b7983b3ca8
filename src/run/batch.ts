// The batch part of a check: the shard's share of the files, workers started ahead, and the
// audit loop with the run's progress display around it.
import type { Document } from '../core/document.js'
import type { FindingFilter } from '../core/filters.js'
import type { FileResult } from '../core/result.js'
import type { ActiveRule } from '../rules/types.js'
import { auditFiles } from './audit-loop.js'
import { selectShard, type Shard } from './shard.js'
import { warmUpWorkers, type FileSetup, type RenderSpec, type WarmWorkers } from './workers.js'

/** How a display follows a batch (the progress line of the command line). */
export interface BatchProgress {
  /** Called before a result is emitted, so the display can make room for what it prints. */
  beforeEmit(result: FileResult): void
  update(result: FileResult): void
  finish(): void
}

/** The batch options, validated. */
export interface BatchPlan {
  readonly jobs: number
  readonly shard: Shard | undefined
  /** The output format, which workers render results for. */
  readonly render?: RenderSpec
  /** Starts the display of a batch of `total` files; none when left out. */
  readonly progress?: (total: number) => BatchProgress
}

/** This machine's share of `files` under `--shard` (by `keyOf` each, see selectShard); all of them without it. */
export function selectFiles(files: string[], plan: BatchPlan | undefined, keyOf?: (path: string) => string): string[] {
  return plan?.shard ? selectShard(files, plan.shard, keyOf) : files
}

/** Starts the workers a large batch of `files` will use, while settings are still being resolved. */
export function warmUpBatch(files: readonly string[], plan: BatchPlan | undefined): WarmWorkers | undefined {
  return plan ? warmUpWorkers(files, plan.jobs, plan.render) : undefined
}

/**
 * Audits `files` with `plan.jobs` threads, passing each result to `emit` in order, with the
 * progress display around it. `how.read` replaces reading from disk (the git index for
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
  const progress = plan?.progress?.(files.length)
  try {
    for await (const result of auditFiles(files, rules, filters, { jobs: plan?.jobs ?? 1, render: plan?.render, warm: how.warm, ...(how.read && { read: how.read }) })) {
      progress?.beforeEmit(result)
      emit(result)
      progress?.update(result)
    }
  } finally {
    progress?.finish()
  }
}
