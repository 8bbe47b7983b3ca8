// The contract between the audit and the reporters: per-file results in, text out.
import type { FileResult } from '../core/result.js'
import type { Chunks } from './chunks.js'
import type { Lang } from '../i18n/catalogue.js'

export type { FileResult, FindingCounts, Prerendered } from '../core/result.js'

/** Text for stdout: a string, or UTF-8 bytes already encoded; a list is written in order. */
export type Output = string | Uint8Array | readonly (string | Uint8Array)[]

/**
 * The part of a reporter's `file()` that depends on the result alone, so a worker thread can
 * run it; `file()` adds what depends on the run (separators). The text comes in pieces, so
 * a file with millions of findings never has to fit in one string.
 */
export type FileRenderer = (result: FileResult) => Chunks

/** Totals over a run. */
export interface Summary {
  readonly files: number
  readonly findings: number
  readonly errors: number
  readonly warnings: number
  readonly infos: number
  /** Files not audited: unreadable or undecodable, or under a config that is invalid. */
  readonly unreadable: number
  /**
   * Paths that gave no file to audit: named on the command line and missing, an empty folder, a
   * glob matching nothing; or met in a walk, a folder that cannot be read, a symbolic link cycle.
   * Each is also an entry of the report, as an unreadable file is (`path` and `error`).
   */
  readonly pathErrors: number
  readonly byCategory: Readonly<Record<string, number>>
}

/**
 * A reporter renders results as they come, so a batch of any size streams through it.
 * Each method returns text for stdout ('' for nothing); reporters never write themselves.
 */
export interface Reporter {
  begin(): string
  file(result: FileResult): Output
  end(summary: Summary): string
}

/** What a report may say about the run itself (the html report's header). */
export interface RunInfo {
  /** When the run started, ISO 8601. */
  readonly startedAt: string
  readonly profile?: string
  /** The paths and globs of the command line. */
  readonly paths: readonly string[]
}

/** Options every reporter may use; plain data, so worker threads can receive them. */
export interface ReporterOptions {
  readonly color: boolean
  readonly toolVersion: string
  /** The language of labels, summaries and error texts (findings arrive worded already). */
  readonly lang: Lang
  readonly run?: RunInfo
}
