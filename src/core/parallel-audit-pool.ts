// Audits a batch with a pool of worker threads (piscina): paths go out in small batches,
// results come back and are yielded in the order of the paths, whatever the thread count.
import { Piscina } from 'piscina'
import type { FileResult } from '../report/types.js'
import type { RenderSpec, WorkerPlan, WorkerSetup, WorkerTask } from './parallel-audit.js'

/** Batches in flight per worker: enough to keep each busy, few enough to bound memory. */
const batchesPerWorker = 4
/** Most files in one task: with 4 the messages cost about a tenth of the run; 16 to 32 measured about even. */
const maxBatchFiles = 32

/** Yields one result per path, in order, audited by `jobs` worker threads. */
export async function* auditInWorkers(paths: readonly string[], plan: WorkerPlan, jobs: number, render?: RenderSpec): AsyncGenerator<FileResult> {
  const workerData: WorkerSetup = { setups: plan.setups, render }
  const pool = new Piscina({ filename: new URL('./audit-worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs, workerData })
  const batchSize = Math.max(1, Math.min(maxBatchFiles, Math.ceil(paths.length / (jobs * 32))))
  const pending: Promise<FileResult[]>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < jobs * batchesPerWorker && next < paths.length) {
      const task: WorkerTask = { paths: paths.slice(next, next + batchSize), setups: plan.setupIndex.slice(next, next + batchSize) }
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
