// The audit loop of every command: reads each file through the reader its extension registers
// (or the given `read`), audits it with its setup, in this thread or in worker threads.
import { auditDocument, errorResult } from '../core/audit.js'
import type { Document } from '../core/document.js'
import { MaskAuditError } from '../core/errors.js'
import type { FindingFilter } from '../core/filters.js'
import type { FileResult } from '../core/result.js'
import { readDocument } from '../io/read-document.js'
import type { ActiveRule } from '../rules/types.js'
import { tuneForLargeBatch } from './v8-flags.js'
import { isLargeBatch, jobsFor, planWorkers, takeWarmPool, type FileSetup, type RenderSpec, type StoppablePool, type WarmWorkers } from './workers.js'

/** Files read ahead of the one being checked, to overlap disk and CPU. */
const readAhead = 8
/** How long the audit loop runs before it gives the event loop a turn (signals, timers). */
const turnEveryMs = 20

/** How `auditFiles` reads a path (the working tree by default, the git index for `--staged`), and with how many threads. */
export interface AuditFilesOptions {
  readonly read?: (path: string) => Promise<Document>
  /** Worker threads to use; 1 (the default) audits in this thread. Output never depends on it. */
  readonly jobs?: number
  /**
   * The run's output format: worker threads then render each result themselves and send
   * text instead of findings (`FileResult.prerendered`), unless the format needs findings.
   */
  readonly render?: RenderSpec
  /** Workers the run started ahead ({@link warmUpWorkers}): used if the batch goes to workers, else stopped. */
  readonly warm?: WarmWorkers
}

/**
 * Audits `paths` and yields one result per path, in the order given; unreadable files become
 * error results. `rules` is one rule set for all files or a function giving each file its
 * setup; `filters` run after the file's own. With `jobs` > 1 a large batch is audited by
 * worker threads when every setup can be sent to them as data.
 */
export async function* auditFiles(paths: readonly string[], rules: readonly ActiveRule[] | ((path: string) => FileSetup), filters: readonly FindingFilter[] = [], options: AuditFilesOptions = {}): AsyncGenerator<FileResult> {
  const read = options.read ?? readDocument
  const jobs = jobsFor(paths, options.jobs ?? 1)
  const setupOf = typeof rules === 'function' ? rules : () => ({ rules, filters: [] })
  if (isLargeBatch(paths)) tuneForLargeBatch()
  const plan = options.read === undefined ? planWorkers(paths, setupOf, filters, jobs) : undefined
  if (plan) {
    const { auditInWorkers, startPool } = await import('./worker-pool.js')
    const pool = (await takeWarmPool<ReturnType<typeof startPool>>(options.warm, jobs)) ?? startPool(jobs, options.render)
    yield* auditInWorkers(paths, plan, jobs, pool, (some) => auditInThread(some, read, setupOf, filters))
    return
  }
  // Workers started ahead for a batch that turned out to stay here are stopped.
  await (await takeWarmPool<StoppablePool>(options.warm, jobs))?.destroy()
  yield* auditInThread(paths, read, setupOf, filters)
}

/** Audits `paths` in this thread, reading a few files ahead of the one being checked. */
async function* auditInThread(paths: readonly string[], read: (path: string) => Promise<Document>, setupOf: (path: string) => FileSetup, filters: readonly FindingFilter[]): AsyncGenerator<FileResult> {
  const pending: Promise<Document | MaskAuditError>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < readAhead && next < paths.length) pending.push(read(paths[next++]!).catch(asInputError))
  }
  fill()
  let lastTurn = Date.now()
  for (let i = 0; i < paths.length; i++) {
    const doc = await pending.shift()!
    fill()
    // Files read ahead resolve as microtasks, which never hand the event loop a turn: a signal
    // handler (Ctrl-C while `-o` writes its temp file) would wait for the end of the run.
    if (Date.now() - lastTurn >= turnEveryMs) {
      await new Promise<void>((done) => setImmediate(done))
      lastTurn = Date.now()
    }
    if (doc instanceof MaskAuditError) yield errorResult(paths[i]!, doc)
    else {
      const setup = setupOf(paths[i]!)
      yield auditDocument(doc, setup.rules, [...setup.filters, ...filters])
    }
  }
}

/** Reads and audits one file; an unreadable file becomes a result with its `error`. */
export async function auditPath(path: string, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): Promise<FileResult> {
  const doc = await readDocument(path).catch(asInputError)
  if (doc instanceof MaskAuditError) return errorResult(path, doc)
  return auditDocument(doc, rules, filters)
}

function asInputError(error: unknown): MaskAuditError {
  if (error instanceof MaskAuditError) return error
  throw error
}
