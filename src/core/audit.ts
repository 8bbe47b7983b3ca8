// Audits a list of files in order: reads ahead a few files while rules run on the current one.
import type { ActiveRule } from '../rules/types.js'
import type { FileResult } from '../report/types.js'
import { readDocument } from '../io/read-document.js'
import type { Document } from './document.js'
import { checkDocument } from './engine.js'
import { MaskAuditError } from './errors.js'
import type { FindingFilter } from './filters.js'
import { planWorkers, takeWarmPool, type RenderSpec } from './parallel-audit.js'

/** Files read ahead of the one being checked, to overlap disk and CPU. */
const readAhead = 8

export type { FindingFilter } from './filters.js'

/** Checks one document and applies the filters. */
export function auditDocument(doc: Document, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): FileResult {
  let findings = checkDocument(doc, rules)
  for (const filter of filters) findings = filter(findings, doc)
  const notice = doc.text.trim() === '' ? { notice: 'empty file, nothing to check' } : {}
  const size = doc.byteLength !== undefined ? { bytes: doc.byteLength } : {}
  return { path: doc.path, encoding: doc.encoding, findings, format: doc.format, ...size, ...notice }
}

/** The rules and filters of one file, when they differ by file (config files, per-glob overrides). */
export interface FileSetup {
  readonly rules: readonly ActiveRule[]
  readonly filters: readonly FindingFilter[]
}

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
}

/**
 * Audits `paths` and yields one result per path, in the order given; unreadable files become
 * error results. `rules` is one rule set for all files or a function giving each file its
 * setup; `filters` run after the file's own. With `jobs` > 1 a large batch is audited by
 * worker threads when every setup can be sent to them as data.
 */
export async function* auditFiles(paths: readonly string[], rules: readonly ActiveRule[] | ((path: string) => FileSetup), filters: readonly FindingFilter[] = [], options: AuditFilesOptions = {}): AsyncGenerator<FileResult> {
  const read = options.read ?? readDocument
  const setupOf = typeof rules === 'function' ? rules : () => ({ rules, filters: [] })
  const plan = options.read === undefined ? planWorkers(paths, setupOf, filters, options.jobs ?? 1) : undefined
  if (plan) {
    const { auditInWorkers } = await import('./parallel-audit-pool.js')
    yield* auditInWorkers(paths, plan, options.jobs!, options.render, await takeWarmPool(options.jobs!))
    return
  }
  // Workers started ahead for a batch that turned out to stay here are stopped.
  await (await takeWarmPool<{ destroy(): Promise<void> }>(options.jobs ?? 1))?.destroy()
  const pending: Promise<Document | MaskAuditError>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < readAhead && next < paths.length) pending.push(read(paths[next++]!).catch(asInputError))
  }
  fill()
  for (let i = 0; i < paths.length; i++) {
    const doc = await pending.shift()!
    fill()
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

function errorResult(path: string, error: MaskAuditError): FileResult {
  return { path, error: error.message + (error.hint ? ` (${error.hint})` : ''), findings: [] }
}

function asInputError(error: unknown): MaskAuditError {
  if (error instanceof MaskAuditError) return error
  throw error
}
