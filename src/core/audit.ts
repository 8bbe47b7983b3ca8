// Audits a list of files in order: reads ahead a few files while rules run on the current one.
import type { ActiveRule } from '../rules/types.js'
import type { FileResult } from '../report/types.js'
import { readDocument } from '../io/read-document.js'
import type { Document } from './document.js'
import { checkDocument } from './engine.js'
import { MaskAuditError } from './errors.js'
import type { Finding } from './finding.js'

/** Files read ahead of the one being checked, to overlap disk and CPU. */
const readAhead = 8

/** Post-processing of one document's findings (inline disables, baseline, quiet). */
export type FindingFilter = (findings: Finding[], doc: Document) => Finding[]

/** Checks one document and applies the filters. */
export function auditDocument(doc: Document, rules: readonly ActiveRule[], filters: readonly FindingFilter[] = []): FileResult {
  let findings = checkDocument(doc, rules)
  for (const filter of filters) findings = filter(findings, doc)
  const notice = doc.text.trim() === '' ? { notice: 'empty file, nothing to check' } : {}
  return { path: doc.path, encoding: doc.encoding, findings, ...notice }
}

/** The rules and filters of one file, when they differ by file (config files, per-glob overrides). */
export interface FileSetup {
  readonly rules: readonly ActiveRule[]
  readonly filters: readonly FindingFilter[]
}

/** How `auditFiles` reads a path (the working tree by default, the git index for `--staged`). */
export interface AuditFilesOptions {
  readonly read?: (path: string) => Promise<Document>
}

/**
 * Audits `paths` and yields one result per path, in the order given; unreadable files become
 * error results. `rules` is one rule set for all files or a function giving each file its
 * setup; `filters` run after the file's own.
 */
export async function* auditFiles(paths: readonly string[], rules: readonly ActiveRule[] | ((path: string) => FileSetup), filters: readonly FindingFilter[] = [], options: AuditFilesOptions = {}): AsyncGenerator<FileResult> {
  const read = options.read ?? readDocument
  const setupOf = typeof rules === 'function' ? rules : () => ({ rules, filters: [] })
  const pending: Promise<Document | MaskAuditError>[] = []
  let next = 0
  const fill = () => {
    while (pending.length < readAhead && next < paths.length) pending.push(read(paths[next++]!).catch(asInputError))
  }
  fill()
  for (let i = 0; i < paths.length; i++) {
    const doc = await pending.shift()!
    fill()
    if (doc instanceof MaskAuditError) yield { path: paths[i]!, error: doc.message + (doc.hint ? ` (${doc.hint})` : ""), findings: [] }
    else {
      const setup = setupOf(paths[i]!)
      yield auditDocument(doc, setup.rules, [...setup.filters, ...filters])
    }
  }
}

function asInputError(error: unknown): MaskAuditError {
  if (error instanceof MaskAuditError) return error
  throw error
}
