// Audits a batch with a pool of worker threads (piscina): paths go out in small batches,
// results come back and are yielded in the order of the paths, whatever the thread count.
import { Piscina } from 'piscina'
import { shareTables } from '../core/shared-tables.js'
import type { FileResult } from '../core/result.js'
import { maxOutputBuffer, type RenderSpec, type SetupSpec, type WorkerPlan, type WorkerSetup, type WorkerTask } from './workers.js'

/** Batches in flight per worker: enough to keep each busy, few enough to bound memory. */
const batchesPerWorker = 4
/**
 * Most files in one task: with 4 the messages cost about a tenth of the run; 16 to 32 measured
 * about even in time, and 16 holds half the rendered output in flight (6 MB less at the peak).
 */
const maxBatchFiles = 16

/**
 * The V8 heap of each worker, in MB. A worker's live data is small (its rules' tables, one
 * file's text and findings), but an unbounded heap fills with garbage before V8 collects, in
 * every worker: on the bench corpus two workers peaked at 390 MB against 187 for one thread.
 * Bounded so, they peak at 280 MB for about 6% more CPU (tighter, 48 MB, saved 7 MB for 12%).
 * The young generation of 4 MB rather than 8 saved 12 MB more for about 4% more CPU, once the
 * tables the workers shared and the village files left their heaps.
 * A file too large for these limits is audited again in the main thread ({@link auditInWorkers}).
 */
const workerHeapLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 }

/** Starts a pool of `jobs` workers rendering for `render`; they load their modules at once. */
export function startPool(jobs: number, render: RenderSpec | undefined): Piscina {
  const workerData: WorkerSetup = { render }
  return new Piscina({ filename: new URL('./audit-worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs, workerData, resourceLimits: workerHeapLimits })
}

/** True for the error of a task whose worker ran out of its bounded heap. */
function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

/**
 * Yields one result per path, in order, audited by the `jobs` worker threads of `pool`, which it
 * stops at the end. The paths of a task whose worker ran out of memory are audited by `auditHere`
 * (in this thread, without the workers' heap limits); the pool replaces the worker.
 *
 * A task's rendered bytes (`prerendered`) are valid until the consumer asks for the result
 * after its last: the buffer is then handed back to a worker for a later task's rendering.
 * Each buffer sent here was garbage once written out, and V8 frees such memory only at its
 * next collection, rare in this thread: on the bench corpus, 30 MB of written output sat here.
 */
export async function* auditInWorkers(
  paths: readonly string[],
  plan: WorkerPlan,
  jobs: number,
  pool: Piscina,
  auditHere: (paths: readonly string[]) => AsyncIterable<FileResult>,
): AsyncGenerator<FileResult> {
  const batchSize = Math.max(1, Math.min(maxBatchFiles, Math.ceil(paths.length / (jobs * 32))))
  const pending: { paths: readonly string[]; done: Promise<FileResult[]> }[] = []
  /** Buffers of tasks written out, to be handed back: at most one a task in flight. */
  const spare: ArrayBuffer[] = []
  const tables = plan.sharesTables ? shareTables() : undefined
  let next = 0
  const fill = () => {
    while (pending.length < jobs * batchesPerWorker && next < paths.length) {
      const setups = plan.setupIndex.slice(next, next + batchSize)
      const output = spare.pop()
      const task: WorkerTask = { paths: paths.slice(next, next + batchSize), setups, specs: specsOfTask(setups, plan.setups), ...(tables && { tables }), ...(output && { output }) }
      const done = pool.run(task, output && { transferList: [output] }) as Promise<FileResult[]>
      // Awaited in order below; until then a failure must not count as unhandled.
      done.catch(() => undefined)
      pending.push({ paths: task.paths, done })
      next += batchSize
    }
  }
  try {
    fill()
    while (pending.length > 0) {
      const task = pending.shift()!
      const results = await task.done.catch((error: unknown) => {
        if (isOutOfMemory(error)) return undefined
        throw error
      })
      fill()
      if (results) {
        yield* results
        const buffer = results[0]?.prerendered?.bytes.buffer
        if (buffer instanceof ArrayBuffer && buffer.byteLength <= maxOutputBuffer && spare.length < jobs * batchesPerWorker) spare.push(buffer)
      } else yield* auditHere(task.paths)
    }
  } finally {
    await pool.destroy()
  }
}

/** The setups a task's paths use, each once. */
function specsOfTask(indices: readonly number[], setups: readonly SetupSpec[]): [number, SetupSpec][] {
  return [...new Set(indices)].map((i) => [i, setups[i]!])
}
