// Decides whether a batch is worth worker threads, and what a worker is set up with. Kept
// apart from the pool so a run on one small file loads no pool code at all.
import { statSync } from 'node:fs'
import type { ReporterOptions } from '../report/types.js'
import type { ActiveRule, RuleDef } from '../rules/types.js'
import { specsOf, type FilterSpec, type FindingFilter } from './filters.js'

/** The output format a worker renders results for, as `--format` names it. */
export interface RenderSpec {
  readonly format: string
  readonly options: ReporterOptions
}

/** What each worker receives once: rules as data (compiled in the worker), filter specs, output format. */
export interface WorkerSetup {
  readonly rules: readonly { readonly def: RuleDef; readonly severity: ActiveRule['severity'] }[]
  readonly filters: readonly FilterSpec[]
  readonly render: RenderSpec | undefined
}

/**
 * Below this many bytes a batch runs in-process: starting workers and compiling the rules in
 * each costs about as much as auditing this much text in one thread.
 */
export const minBytesForWorkers = 4 * 1024 * 1024
/** Files whose sizes are sampled to estimate a batch's bytes; stat-ing a million files first would stall the start. */
const sampledFiles = 64

/** True when `paths` should be audited by `jobs` worker threads. */
export function shouldUseWorkers(paths: readonly string[], filters: readonly FindingFilter[], jobs: number): boolean {
  if (jobs <= 1 || paths.length < 2 || specsOf(filters) === undefined) return false
  return estimateBytes(paths) >= minBytesForWorkers
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

/** The setup of a worker for these rules and filters; filters must all have specs. */
export function workerSetupOf(rules: readonly ActiveRule[], filters: readonly FindingFilter[], render: RenderSpec | undefined): WorkerSetup {
  return { rules: rules.map(({ def, severity }) => ({ def, severity })), filters: specsOf(filters) ?? [], render }
}
