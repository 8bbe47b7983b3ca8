// The `check` command: audit files, print a report, map the outcome to an exit code.
import type { FindingFilter } from '../core/audit.js'
import { UsageError } from '../core/errors.js'
import { createReporter } from '../report/index.js'
import { redactLeakedNames } from '../core/redact-output.js'
import { SummaryTally } from '../report/summary.js'
import type { FileResult, Summary } from '../report/types.js'
import { writeErr, writeOut } from './io.js'
import { CheckWorkflow, type WorkflowOptions } from './check-workflow.js'
import { toolVersion } from './version.js'

/** Options of `check`, as commander parses them. */
export interface CheckOptions extends WorkflowOptions {
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
}

/** Runs `check` and returns the exit code. */
export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings)
  const workflow = new CheckWorkflow(options)
  const reporter = workflow.isDryRun ? { begin: () => '', file: () => '', end: () => '' } : await createReporter(options.format, { color: options.color ?? shouldColor(), toolVersion })
  const quiet: FindingFilter[] = options.quiet ? [(fs) => fs.filter((f) => f.severity === 'error')] : []
  const filters: FindingFilter[] = [...workflow.filters, ...quiet]
  // First, so that it sees every leak finding before --quiet drops the warnings.
  if (options.redactOutput) filters.unshift(redactLeakedNames)
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
    writeErr(error.format())
  }
  await workflow.run(paths, filters, { emit, inputError })
  const summary = tally.summary
  writeOut(reporter.end(summary))
  workflow.finish()
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
