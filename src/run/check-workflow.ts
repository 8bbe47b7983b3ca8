// The everyday workflows of `check`: config per file, --staged, --baseline/--write-baseline, --fix.
import { basename } from 'node:path'
import { auditDocument, errorResult } from '../core/audit.js'
import { BaselineMatcher, buildBaseline } from '../core/baseline.js'
import { isInternalFinding } from '../core/categories.js'
import type { Document } from '../core/document.js'
import { ConfigError, InputError, UsageError, type MaskAuditError } from '../core/errors.js'
import { minSeverityFilter, type FindingFilter } from '../core/filters.js'
import type { Finding } from '../core/finding.js'
import { redactOutputFilter } from '../core/redact-output.js'
import type { FileResult } from '../core/result.js'
import { baselineKeyer, baselineSalt, readBaseline, writeBaseline } from '../io/baseline-file.js'
import { readStagedBytes, readStagedDocument, stagedPaths } from '../io/git-index.js'
import { documentFromBytes, readBytes, readDocument } from '../io/read-document.js'
import { readableExtensions } from '../io/readers.js'
import { expandPaths } from '../io/walk.js'
import { withoutOutput } from '../io/write.js'
import { loadRuleFiles } from '../rules/loader.js'
import { auditBatch, selectFiles, warmUpBatch, type BatchPlan } from './batch.js'
import { SettingsResolver, type EffectiveSettings, type FileSettings } from './file-settings.js'
import { fixFile } from './fix-file.js'
import type { FileSetup } from './workers.js'
import { formatMessage, formatText, localText, type Lang } from '../i18n/catalogue.js'

/** The options of `check` this module reads. */
export interface WorkflowOptions {
  readonly profile?: string
  readonly rule: string[]
  /** `--category count,placeholder`: only rules of these categories run. */
  readonly category?: string[]
  readonly rules: string[]
  readonly config?: string
  readonly stdin?: boolean
  readonly stdinFilename?: string
  readonly ignore: string[]
  readonly gitignore: boolean
  /** `--follow-symlinks`: links to folders outside the folder walked are followed. */
  readonly followSymlinks?: boolean
  /** False with `--no-error-on-unmatched-pattern`: a path that names no file to audit is a note, not an error. */
  readonly errorOnUnmatchedPattern?: boolean
  readonly staged?: boolean
  readonly baseline?: string
  readonly writeBaseline?: string
  readonly fix?: boolean
  readonly fixDryRun?: boolean
  /** `--tokenizer`: the word segmenter of the leak rules. */
  readonly tokenizer?: string
  /** `--sensitive-terms FILE`: names that must never appear. */
  readonly sensitiveTerms?: string
  /** `--quiet`: errors only. */
  readonly quiet?: boolean
  /** `--redact-output`: no leaked name in clear in any report. */
  readonly redactOutput?: boolean
  /** `--lang zh|en`: the language of messages and reports. */
  readonly lang?: Lang
  /** `-o FILE`: left out when the walk of a folder finds it, if it is an earlier report; refused if it is a document. */
  readonly outputFile?: string
}

/** Where results and batch-level errors go. */
export interface WorkflowSink {
  readonly emit: (result: FileResult) => void
  readonly inputError: (error: MaskAuditError) => void
}

/** What the workflow says besides results, and where it reads `--stdin`: the command line gives these. */
export interface WorkflowConsole {
  /** A line for stderr: a file ignored by config, a baseline written, fixes applied. */
  readonly note: (line: string) => void
  /** Text for stdout: the diff of `--fix-dry-run` (bytes where a file's lines are in its legacy encoding). */
  readonly out: (text: string | Uint8Array) => void
  /** The bytes of standard input, read as a stream, for `--stdin`; `path` names it in errors. */
  readonly readStdin: (path: string) => Promise<Uint8Array>
  /** The language of the locale, for a run where neither `--lang` nor the config says. */
  readonly localeLang: Lang
}

/** One `check` run: which files, their settings, and what happens around the audit. */
export class CheckWorkflow {
  private readonly resolver: SettingsResolver
  private readonly matcher: BaselineMatcher | undefined
  private readonly recorded = new Map<string, Finding[]>()
  private fixedFiles = 0
  private fixCount = 0
  private unwrittenFiles = 0
  /** Diffs of `--fix-dry-run` that git apply cannot apply to their files (UTF-16, Word): said after them. */
  private readOnlyDiffs = 0
  /** The walk's keys of `--shard` (paths relative to the folder walked). */
  private shardKeys: ReadonlyMap<string, string> = new Map()
  /** What the folder walk left out, said after the report (files of formats not read, unused --ignore patterns). */
  private walkNotes: string[] = []

  constructor(
    private readonly options: WorkflowOptions,
    private readonly io: WorkflowConsole,
  ) {
    checkCombinations(options)
    // Read before any file: a wrong --rules path is an error even when no path names a file.
    loadRuleFiles(options.rules)
    this.resolver = new SettingsResolver({
      profile: options.profile,
      ruleFlags: options.rule,
      categoryFlags: options.category ?? [],
      ruleFiles: options.rules,
      configPath: options.config,
      tokenizer: options.tokenizer,
      sensitiveTermsFile: options.sensitiveTerms,
      lang: options.lang,
      localeLang: io.localeLang,
    })
    this.matcher = options.baseline !== undefined && options.writeBaseline === undefined ? new BaselineMatcher(readBaseline(options.baseline), baselineKeyer(options.baseline)) : undefined
  }

  /**
   * The language of the run: `--lang`, the config's `lang`, the locale's. The config of the
   * working folder is loaded first: a bad one stops the run before any output (one in a
   * sub-folder fails only the files below it).
   */
  async lang(): Promise<Lang> {
    await this.resolver.checkWorkingConfig()
    return this.resolver.runLang()
  }

  /** True when `--fix` found fixes it could not write to some file: the run exits 2, as for a file it could not read. */
  get hasUnwrittenFixes(): boolean {
    return this.unwrittenFiles > 0
  }

  /** True in `--fix-dry-run`: stdout carries the diff, not the report. */
  get isDryRun(): boolean {
    return this.options.fixDryRun === true
  }

  /**
   * The filters of the run, after each file's own: `--redact-output` first, so that it sees
   * every leak finding before `--quiet` drops the warnings; then the baseline, or the recorder
   * of `--write-baseline`; then `--quiet`.
   */
  get filters(): FindingFilter[] {
    const redact = this.options.redactOutput ? [redactOutputFilter] : []
    const quiet = this.options.quiet ? [minSeverityFilter('error')] : []
    return [...redact, ...this.baselineFilters(), ...quiet]
  }

  private baselineFilters(): FindingFilter[] {
    if (this.options.writeBaseline !== undefined) {
      const keyOf = baselineKeyer(this.options.writeBaseline)
      return [(findings, doc) => this.record(keyOf(doc.path), findings)]
    }
    return this.matcher ? [this.matcher.filter] : []
  }

  /** The settings of `path` (which need not exist), for input that is not a file (`--input jsonl`). */
  settingsFor(path: string): Promise<FileSettings> {
    return this.resolver.forPath(path)
  }

  /** The effective settings of `path` as data, for `--print-config`. */
  describe(path: string): Promise<EffectiveSettings> {
    return this.resolver.describe(path)
  }

  /** False for runs whose work or filters stay in the main thread: fixes, the git index, baselines. */
  private get canUseWorkers(): boolean {
    const o = this.options
    return !o.fix && !o.fixDryRun && !o.staged && o.baseline === undefined && o.writeBaseline === undefined
  }

  /** Audits (or fixes) every file the options name and emits one result each; `batch` gives threads, shard and progress. */
  async run(paths: readonly string[], filters: readonly FindingFilter[], sink: WorkflowSink, batch?: BatchPlan): Promise<void> {
    if (this.options.stdin) {
      if (paths.length) throw new UsageError('--stdin takes no paths')
      await this.runStdin(filters, sink)
      return
    }
    const files = selectFiles(await this.collectFiles(paths, sink), batch, (path) => this.shardKeys.get(path) ?? path)
    const warm = this.canUseWorkers ? warmUpBatch(files, batch) : undefined
    const { settings, unconfigured } = await this.settingsOf(files)
    const kept = files.filter((f) => settings.has(f) && (!settings.get(f)!.isIgnored || this.noteIgnored(f, paths, settings.get(f)!)))
    const emit = inFileOrder(files, unconfigured, sink.emit)
    const read = this.options.staged ? readStagedDocument : readDocument
    if (this.options.fix || this.options.fixDryRun) {
      const bytesOf = this.options.staged ? readStagedBytes : async (path: string) => readBytes(path)
      for (const file of kept) emit(await this.fix(file, settings.get(file)!, filters, read, bytesOf))
    } else {
      await auditBatch(kept, (p) => settings.get(p)!, filters, batch, emit, { warm, ...(this.options.staged && { read }) })
    }
    emit.flush()
  }

  /**
   * Each file's settings. A file whose config is bad (a syntax error, an unknown rule in a
   * sub-folder's `.mask-auditrc.yaml`) is not audited: it gets an error result naming the
   * config and its problem, and the rest of the archive is audited (the run exits 2). A bad
   * `--config`, or the config of the working folder, stopped the run before this.
   */
  private async settingsOf(files: readonly string[]): Promise<{ settings: Map<string, FileSettings>; unconfigured: Map<string, FileResult> }> {
    const settings = new Map<string, FileSettings>()
    const unconfigured = new Map<string, FileResult>()
    for (const file of files) {
      try {
        settings.set(file, await this.resolver.forPath(file))
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        unconfigured.set(file, errorResult(file, notAuditedFor(error)))
      }
    }
    return { settings, unconfigured }
  }

  /** After the run: write the baseline, list stale entries, report what was fixed. */
  finish(lang: Lang): void {
    for (const note of this.walkNotes) this.io.note(note)
    const target = this.options.writeBaseline
    if (target !== undefined) {
      const data = buildBaseline(this.recorded, baselineSalt(target))
      writeBaseline(target, data)
      const count = Object.values(data.files).reduce((n, es) => n + es.reduce((m, e) => m + e.count, 0), 0)
      this.io.note(`wrote ${target}: ${count} finding${count === 1 ? '' : 's'} in ${Object.keys(data.files).length} file(s) accepted`)
    }
    for (const { path, entry, missing } of this.matcher?.stale() ?? []) {
      this.io.note(`${this.options.baseline}: stale entry for ${path}: ${entry.ruleId}${entry.text !== undefined ? ` "${entry.text}"` : ''}${missing > 1 ? ` (${missing} of ${entry.count})` : ''} no longer found; rewrite with --write-baseline to prune`)
    }
    if (this.options.fix || this.options.fixDryRun) {
      const verb = this.options.fixDryRun ? 'would apply' : 'applied'
      this.io.note(`${verb} ${this.fixCount} fix${this.fixCount === 1 ? '' : 'es'} in ${this.fixedFiles} file${this.fixedFiles === 1 ? '' : 's'}`)
    }
    if (this.readOnlyDiffs > 0) this.io.note(formatMessage(lang, 'diff.not-applicable', { count: this.readOnlyDiffs }))
  }

  private record(key: string, findings: Finding[]): Finding[] {
    this.recorded.set(key, findings.filter((f) => !isInternalFinding(f)))
    return findings.filter(isInternalFinding)
  }

  private async collectFiles(paths: readonly string[], sink: WorkflowSink): Promise<string[]> {
    if (this.options.staged) {
      const extRe = new RegExp(`\\.(?:${readableExtensions.join('|')})$`, 'i')
      const staged = stagedPaths(paths).filter((p) => extRe.test(p))
      return this.withoutOutputs(staged)
    }
    if (paths.length === 0) throw new UsageError('no paths given', {}, 'try `mask-audit check .` or `mask-audit --help`')
    const { files, errors, notes, shardKeys } = expandPaths(paths, { ignore: this.options.ignore, respectGitignore: this.options.gitignore, errorOnUnmatched: this.options.errorOnUnmatchedPattern !== false, followSymlinks: this.options.followSymlinks === true })
    this.shardKeys = shardKeys
    for (const error of errors) sink.inputError(error)
    if (notes.length > 0) {
      const lang = await this.lang()
      this.walkNotes = notes.map((note) => formatText(lang, note))
    }
    return this.withoutOutputs(files)
  }

  /**
   * Leaves out the outputs of the run (`-o`, `--write-baseline`) that a folder's walk (or
   * `--staged`) found: a report saved inside the folder it audits (`check archive -o
   * archive/report.html`) is no document of it, and the next night's run must neither audit
   * it nor refuse to overwrite it (a file there that is no report is still refused, see
   * {@link withoutOutput}). An output named as a path was refused before the run. Only
   * files of the output's name are compared (by real path and inode), so a walk of millions
   * costs a string compare each.
   */
  private withoutOutputs(files: string[]): string[] {
    const outputs: [string | undefined, string][] = [[this.options.outputFile, '-o'], [this.options.writeBaseline, '--write-baseline']]
    for (const [output, option] of outputs) {
      if (output === undefined) continue
      const name = basename(output)
      const same = new Set(files.filter((file) => basename(file) === name))
      if (same.size === 0) continue
      const kept = new Set(withoutOutput([...same], output, option))
      files = files.filter((file) => !same.has(file) || kept.has(file))
    }
    return files
  }

  /** A file named on the command line but ignored by config gets a note; walked ones go silently. */
  private noteIgnored(file: string, paths: readonly string[], settings: FileSettings): false {
    if (paths.includes(file)) this.io.note(`${file}: ignored by ${settings.configPath ?? 'config'}`)
    return false
  }

  private async runStdin(filters: readonly FindingFilter[], sink: WorkflowSink): Promise<void> {
    if (this.options.fix) throw new UsageError('--fix cannot write to standard input', {}, 'use --fix-dry-run to see the diff')
    const path = this.options.stdinFilename ?? '<stdin>'
    const settings = await this.resolver.forPath(path)
    if (settings.isIgnored) {
      this.io.note(`${path}: ignored by ${settings.configPath ?? 'config'}`)
      return
    }
    // Read as a file of that name would be: `--stdin-filename report.docx` is read as Word.
    const bytes = await this.io.readStdin(path)
    const doc = await documentFromBytes(bytes, path)
    if (this.options.fixDryRun) sink.emit(await this.fix(path, settings, filters, async () => doc, async () => bytes))
    else sink.emit(auditDocument(doc, settings.rules, [...settings.filters, ...filters]))
  }

  private async fix(path: string, setup: FileSetup, filters: readonly FindingFilter[], read: (path: string) => Promise<Document>, readBytes: (path: string) => Promise<Uint8Array>): Promise<FileResult> {
    const outcome = await fixFile(path, setup, filters, read, this.isDryRun, readBytes, await this.resolver.runLang())
    if (outcome.applied > 0) {
      this.fixedFiles++
      this.fixCount += outcome.applied
    }
    if (outcome.notWritten) this.unwrittenFiles++
    if (outcome.diff !== undefined) this.io.out(outcome.diff)
    if (outcome.diffApplies === false) this.readOnlyDiffs++
    return outcome.result
  }
}

/** Why a file under a bad config is not audited: the config's place and problem, in the run's language when worded. */
function notAuditedFor(error: ConfigError): InputError {
  const { path, line, column, keyPath } = error.location
  const at = path === undefined ? '' : path + (line === undefined ? '' : `:${line}` + (column === undefined ? '' : `:${column}`))
  const place = [at, keyPath].filter((p) => p !== undefined && p !== '').join(': ')
  return new InputError(localText('error.config-invalid', { place, problem: error.text }), {}, error.hintText)
}

/** An emit that is also given the results made before the audit (`early`), each in its file's place among `files`. */
interface OrderedEmit {
  (result: FileResult): void
  /** Emits the early results left (those after the last file audited). */
  flush(): void
}

/**
 * Puts the results made before the audit (files under a bad config) in their places among the
 * audited ones, so that the report keeps the walk's order; the audit emits in `files`' order.
 */
function inFileOrder(files: readonly string[], early: ReadonlyMap<string, FileResult>, emit: (result: FileResult) => void): OrderedEmit {
  const waiting = files.filter((f) => early.has(f))
  const position = new Map(files.map((f, i) => [f, i]))
  let next = 0
  const upTo = (limit: number) => {
    while (next < waiting.length && position.get(waiting[next]!)! < limit) emit(early.get(waiting[next++]!)!)
  }
  return Object.assign((result: FileResult) => {
    upTo(position.get(result.path) ?? -1)
    emit(result)
  }, { flush: () => upTo(Infinity) })
}

function checkCombinations(options: WorkflowOptions): void {
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other')
  if (options.fix && options.staged) throw new UsageError('--fix cannot change the git index', {}, 'fix the working tree with --fix, then stage it again')
  if (options.stdin && options.staged) throw new UsageError('--stdin and --staged exclude each other')
}
