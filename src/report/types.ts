// The contract between the audit and the reporters: per-file results in, text out.
import type { DocumentFormat } from '../core/document.js'
import type { Finding } from '../core/finding.js'

/** What was found in one file, or why it could not be read. */
export interface FileResult {
  readonly path: string
  readonly encoding?: string
  /** Set when the file could not be read or decoded; `findings` is then empty. */
  readonly error?: string
  /** Something worth a line on stderr that is not an error (`empty file`). */
  readonly notice?: string
  readonly findings: readonly Finding[]
  /** How the file was read; for `docx`, lines are paragraphs. */
  readonly format?: DocumentFormat
  /** Size of the file in bytes, when read from disk (progress, throughput). */
  readonly bytes?: number
  /** The document's id when it came from `--input jsonl`, as the input line gave it. */
  readonly id?: string | number
}

/** Totals over a run. */
export interface Summary {
  readonly files: number
  readonly findings: number
  readonly errors: number
  readonly warnings: number
  readonly infos: number
  /** Files that could not be read or decoded. */
  readonly unreadable: number
  readonly byCategory: Readonly<Record<string, number>>
}

/**
 * A reporter renders results as they come, so a batch of any size streams through it.
 * Each method returns text for stdout ('' for nothing); reporters never write themselves.
 */
export interface Reporter {
  begin(): string
  file(result: FileResult): string
  end(summary: Summary): string
}

/** Options every reporter may use. */
export interface ReporterOptions {
  readonly color: boolean
  readonly toolVersion: string
}
