// The `check` command: audit files, print a report, map the outcome to an exit code.
import { readStreamBytes } from '../io/read-stream.js'
import { UsageError, type MaskAuditError } from '../core/errors.js'
import { errorResult } from '../core/audit.js'
import type { FileResult } from '../core/result.js'
import { createReporter } from '../report/index.js'
import { SummaryTally } from '../report/summary.js'
import type { Output, Summary } from '../report/types.js'
import { auditJsonlLines, parseInputFormat } from '../run/jsonl-input.js'
import { CheckWorkflow, type WorkflowOptions } from '../run/check-workflow.js'
import { parseBatchFlags, type BatchFlags } from './batch.js'
import { AtomicOutputFile, writeErr, writeErrRaw, writeOut } from './io.js'
import { ruleTimingTable } from '../run/rule-timing.js'
import { toolVersion } from './version.js'
import { formatMessage, localText, textIn } from '../i18n/catalogue.js'
import { fileError } from '../report/labels.js'
import { refuseOutputOverInput } from '../io/write.js'
import { parseLangOption, processLocaleLang } from './lang.js'

/** Options of `check`, as commander parses them. */
export interface CheckOptions extends Omit<WorkflowOptions, 'lang'>, BatchFlags {
  /** `--lang zh|en`, as typed. */
  readonly lang?: string
  /** `--format`; undefined when not given, so the input's own format can choose (JSON lines in, JSON lines out). */
  readonly format?: string
  readonly profile?: string
  readonly rule: string[]
  readonly rules: string[]
  readonly maxWarnings?: string
  /** `--print-config FILE`: print the effective settings of FILE as JSON and audit nothing. */
  readonly printConfig?: string
  /** `-o, --output-file FILE`: the report goes there (atomically) instead of stdout. */
  readonly outputFile?: string
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
  // `-` is standard input, as for most Unix tools: `cat draft.md | mask-audit - --stdin-filename draft.md`.
  // `-o -` is standard output, as `-` is standard input: it made a file named `-`.
  if (options.outputFile === '-') return runCheck(paths, { ...options, outputFile: undefined })
  if (paths.includes('-')) {
    if (paths.length > 1) throw new UsageError(localText('error.dash-alone'))
    return runCheck([], { ...options, stdin: true })
  }
  if (options.printConfig !== undefined) return printConfig(options.printConfig, paths, options)
  if (options.quiet && options.maxWarnings !== undefined) throw new UsageError(localText('error.quiet-max-warnings'), {}, localText('error.quiet-max-warnings.hint'))
  const inputs = options.stdin || options.staged ? [] : paths
  if (options.outputFile !== undefined) refuseOutputOverInput(options.outputFile, inputs, '-o', 'action.audited')
  if (options.writeBaseline !== undefined) refuseOutputOverInput(options.writeBaseline, inputs, '--write-baseline', 'action.audited')
  const file = options.outputFile === undefined ? undefined : new AtomicOutputFile(options.outputFile)
  try {
    const code = await check(paths, options, file ? (output) => file.write(output) : writeOut)
    file?.commit()
    return code
  } catch (error) {
    file?.abort()
    throw error
  }
}

/** `--print-config FILE`, as in ESLint: the settings FILE would be audited with, as JSON; exit 0. */
async function printConfig(file: string, paths: readonly string[], options: CheckOptions): Promise<number> {
  if (paths.length) throw new UsageError(localText('error.print-config-paths'), { keyPath: '--print-config' })
  const workflow = new CheckWorkflow({ ...options, lang: parseLangOption(options.lang) }, { note: writeErr, out: writeOut, readStdin: (path) => readStreamBytes(process.stdin, path), localeLang: processLocaleLang() })
  writeOut(JSON.stringify(await workflow.describe(file), null, 2) + '\n')
  return 0
}

/** The check itself; the report (and a `--fix-dry-run` diff) goes to `out`. */
async function check(paths: string[], options: CheckOptions, out: (output: Output) => void): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings)
  const batch = parseBatchFlags(options)
  const input = options.input === undefined ? undefined : parseInputFormat(options.input)
  // JSON lines in, JSON lines out, unless a format is asked for (`--format stylish` too).
  const format = options.format ?? (input === 'jsonl' ? 'jsonl' : 'stylish')
  const run = { startedAt: runTime().toISOString(), profile: options.profile, paths: options.stdin ? [options.stdinFilename ?? '<stdin>'] : paths }
  const workflow = new CheckWorkflow({ ...options, lang: parseLangOption(options.lang) }, { note: writeErr, out, readStdin: (path) => readStreamBytes(process.stdin, path), localeLang: processLocaleLang() })
  const lang = await workflow.lang()
  if (batch.cappedFrom !== undefined) writeErr(formatMessage(lang, 'warning.jobs-capped', { asked: batch.cappedFrom, jobs: batch.jobs }))
  const reporterOptions = { color: options.color ?? shouldColor(), toolVersion, run, lang }
  const reporter = workflow.isDryRun ? { begin: () => '', file: () => '', end: () => '' } : await createReporter(format, reporterOptions)
  const filters = workflow.filters
  const tally = new SummaryTally()
  let hasInputError = false
  const emit = (result: FileResult) => {
    tally.add(result)
    if (result.error !== undefined) {
      hasInputError = true
      writeErr(`${result.path}: ${fileError(result, lang)}`)
    } else if (result.notice !== undefined) writeErr(`${result.path}: ${textIn(lang, result.notice)}`)
    out(reporter.file(result))
  }

  out(reporter.begin())
  // A path that gave nothing to audit (missing, an unreadable folder, a link cycle) is an entry
  // of the report as an unreadable file is, so a run that keeps only its JSON or SARIF still
  // names it; it counts in `pathErrors`, not among the files.
  const inputError = (error: MaskAuditError) => {
    hasInputError = true
    tally.addPathError()
    writeErr(error.format(lang))
    out(reporter.file(errorResult(error.location.path ?? '', error)))
  }
  if (input === 'jsonl') {
    if (paths.length || options.stdin) throw new UsageError('--input jsonl reads standard input and takes no paths')
    if (batch.shard) throw new UsageError('--shard splits files; split JSON lines before they reach mask-audit', {}, 'e.g. parallel --pipe')
    const settings = await workflow.settingsFor('<stdin>')
    for await (const result of auditJsonlLines(process.stdin, settings.rules, [...settings.filters, ...filters], options)) emit(result)
  } else await workflow.run(paths, filters, { emit, inputError }, { ...batch, render: { format, options: reporterOptions } })
  const summary = tally.summary
  out(reporter.end(summary))
  workflow.finish(lang)
  const timing = ruleTimingTable()
  if (timing !== undefined) writeErrRaw(timing)
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    writeErr(formatMessage(lang, 'summary.too-many-warnings', { count: summary.warnings, max: maxWarnings }))
  }
  return exitCode(summary, hasInputError || workflow.hasUnwrittenFixes, maxWarnings)
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
  if (!/^\d+$/.test(raw)) throw new UsageError(localText('error.max-warnings-number', { value: raw }))
  return Number(raw)
}

function shouldColor(): boolean {
  if (process.env.NO_COLOR) return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return process.stdout.isTTY === true
}

/**
 * When the run started, for the report's header; `SOURCE_DATE_EPOCH` (seconds, the
 * reproducible-builds convention) pins it, so two runs can give byte-identical reports.
 */
function runTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()
}
