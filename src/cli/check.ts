// The `check` command: audit files, print a report, map the outcome to an exit code.
import { readStreamBytes } from '../io/read-stream.js'
import { UsageError } from '../core/errors.js'
import type { FileResult } from '../core/result.js'
import { createReporter } from '../report/index.js'
import { SummaryTally } from '../report/summary.js'
import type { Summary } from '../report/types.js'
import { auditJsonlLines, parseInputFormat } from '../run/jsonl-input.js'
import { CheckWorkflow, type WorkflowOptions } from '../run/check-workflow.js'
import { parseBatchFlags, type BatchFlags } from './batch.js'
import { writeErr, writeOut } from './io.js'
import { toolVersion } from './version.js'

/** Options of `check`, as commander parses them. */
export interface CheckOptions extends WorkflowOptions, BatchFlags {
  readonly format: string
  readonly profile?: string
  readonly rule: string[]
  readonly rules: string[]
  readonly maxWarnings?: string
  readonly quiet?: boolean
  readonly color?: boolean
  readonly stdin?: boolean
  readonly stdinFilename?: string
  readonly ignore: string[]
  readonly gitignore: boolean
  readonly tokenizer?: string
  readonly sensitiveTerms?: string
  readonly redactOutput?: boolean
  readonly input?: string
  readonly textField: string
  readonly idField: string
}

/** Runs `check` and returns the exit code. */
export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings)
  if (options.quiet && maxWarnings !== undefined) throw new UsageError('--quiet drops the warnings that --max-warnings would count', {}, 'use one or the other')
  const batch = parseBatchFlags(options)
  const input = options.input === undefined ? undefined : parseInputFormat(options.input)
  // JSON lines in, JSON lines out, unless another format than the default is asked for.
  const format = input === 'jsonl' && options.format === 'stylish' ? 'jsonl' : options.format
  const reporterOptions = { color: options.color ?? shouldColor(), toolVersion }
  const workflow = new CheckWorkflow(options, { note: writeErr, out: writeOut, readStdin: (path) => readStreamBytes(process.stdin, path) })
  const reporter = workflow.isDryRun ? { begin: () => '', file: () => '', end: () => '' } : await createReporter(format, reporterOptions)
  const filters = workflow.filters
  const tally = new SummaryTally()
  let hasInputError = false
  const emit = (result: FileResult) => {
    tally.add(result)
    if (result.error !== undefined) {
      hasInputError = true
      writeErr(`${result.path}: ${result.error}`)
    } else if (result.notice !== undefined) writeErr(`${result.path}: ${result.notice}`)
    writeOut(reporter.file(result))
  }

  writeOut(reporter.begin())
  const inputError = (error: { format(): string }) => {
    hasInputError = true
    tally.addPathError()
    writeErr(error.format())
  }
  if (input === 'jsonl') {
    if (paths.length || options.stdin) throw new UsageError('--input jsonl reads standard input and takes no paths')
    if (batch.shard) throw new UsageError('--shard splits files; split JSON lines before they reach mask-audit', {}, 'e.g. parallel --pipe')
    const settings = await workflow.settingsFor('<stdin>')
    for await (const result of auditJsonlLines(process.stdin, settings.rules, [...settings.filters, ...filters], options)) emit(result)
  } else await workflow.run(paths, filters, { emit, inputError }, { ...batch, render: { format, options: reporterOptions } })
  const summary = tally.summary
  writeOut(reporter.end(summary))
  workflow.finish()
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    writeErr(`${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} found, more than --max-warnings ${maxWarnings}`)
  }
  return exitCode(summary, hasInputError, maxWarnings)
}

/** 2 when an input failed, 1 for error findings or too many warnings, else 0. */
export function exitCode(summary: Summary, hasInputError: boolean, maxWarnings: number | undefined): number {
  if (hasInputError || summary.unreadable > 0) return 2
  if (summary.errors > 0) return 1
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return 1
  return 0
}

function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings "${raw}": expected a whole number`)
  return Number(raw)
}

function shouldColor(): boolean {
  if (process.env.NO_COLOR) return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return process.stdout.isTTY === true
}
