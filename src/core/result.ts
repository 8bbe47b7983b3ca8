// What auditing one file yields: its findings, or why it could not be read. Reporters render it.
import type { DocumentFormat } from './document.js'
import type { Finding } from './finding.js'
import type { LocalText } from '../i18n/catalogue.js'

/** Why a file could not be read, as catalogue messages, so a reporter words it in the run's language. */
export interface ErrorText {
  readonly message: string | LocalText
  readonly hint?: string | LocalText
}

/** What was found in one file, or why it could not be read. */
export interface FileResult {
  readonly path: string
  readonly encoding?: string
  /** Set when the file could not be read or decoded; `findings` is then empty. */
  readonly error?: string
  /** `error` as catalogue messages, when it came from a typed error: reporters word it with `fileError`. */
  readonly errorText?: ErrorText
  /** Something worth a line on stderr that is not an error (`empty file`). */
  readonly notice?: string | LocalText
  readonly findings: readonly Finding[]
  /** How the file was read; for `docx`, lines are paragraphs. */
  readonly format?: DocumentFormat
  /** Size of the file in bytes, when read from disk (progress, throughput). */
  readonly bytes?: number
  /** The document's id when it came from `--input jsonl`, as the input line gave it. */
  readonly id?: string | number
  /**
   * Set when a worker thread has already rendered this result for the run's reporter
   * (`--jobs`), so thousands of findings need not be copied between threads: `findings` is
   * then empty and `prerendered.counts` holds their totals. Anything that must change what
   * is printed (redaction) has to be a FindingFilter with a spec, which runs before rendering.
   */
  readonly prerendered?: Prerendered
}

/** Totals of one file's findings. */
export interface FindingCounts {
  readonly findings: number
  readonly errors: number
  readonly warnings: number
  readonly infos: number
  readonly byCategory: Readonly<Record<string, number>>
  readonly byRule: Readonly<Record<string, number>>
}

/** A result already rendered by {@link FileRenderer}, with the totals of its findings. */
export interface Prerendered {
  /**
   * The rendered text as UTF-8, encoded by the worker: bytes move between threads without a
   * copy, where 60 MB of strings had to be rebuilt, and collected, on the main thread.
   */
  readonly bytes: Uint8Array
  readonly counts: FindingCounts
}
