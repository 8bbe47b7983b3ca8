// Audits a batch with a pool of worker threads (piscina): paths go out in small batches,
// results come back and are yielded in the order of the paths, whatever the thread count.
import { Piscina } from 'piscina'
import type { FileResult } from '../core/result.js'
import type { RenderSpec, SetupSpec, WorkerPlan, WorkerSetup, WorkerTask } from './workers.js'

/** Batches in flight per worker: enough to keep each busy, few enough to bound memory. */
const batchesPerWorker = 4
/** Most files in one task: with 4 the messages cost about a tenth of the run; 16 to 32 measured about even. */
const maxBatchFiles = 32

/** Starts a pool of `jobs` workers rendering for `render`; they load their modules at once. */
export function startPool(jobs: number, render: RenderSpec | undefined): Piscina {
  const workerData: WorkerSetup = { render }
  return new Piscina({ filename: new URL('./audit-worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs, workerData })
}

/** Yields one result per path, in order, audited by the `jobs` worker threads of `pool`, which it stops at the end. */
export async function* auditInWorkers(paths: readonly string[], plan: WorkerPlan, jobs: number, pool: Piscina): AsyncGenerator<FileResult> {
  const batchSize = Math.max(1, Math.min(maxBatchFiles, Math.ceil(paths.length / (jobs * 32))))
  const pending: Promise<FileResult[]>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < jobs * batchesPerWorker && next < paths.length) {
      const setups = plan.setupIndex.slice(next, next + batchSize)
      const task: WorkerTask = { paths: paths.slice(next, next + batchSize), setups, specs: specsOfTask(setups, plan.setups) }
      const done = pool.run(task) as Promise<FileResult[]>
      // Awaited in order below; until then a failure must not count as unhandled.
      done.catch(() => undefined)
      pending.push(done)
      next += batchSize
    }
  }
  try {
    fill()
    while (pending.length > 0) {
      const results = await pending.shift()!
      fill()
      yield* results
    }
  } finally {
    await pool.destroy()
  }
}

/** The setups a task's paths use, each once. */
function specsOfTask(indices: readonly number[], setups: readonly SetupSpec[]): [number, SetupSpec][] {
  return [...new Set(indices)].map((i) => [i, setups[i]!])
}
