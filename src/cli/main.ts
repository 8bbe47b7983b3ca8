// The command line: commander wiring, error reporting and exit codes.
// Imported, and bundled into dist/bundle/main.cjs with its compiled code in the launcher's cache.
import { localCommanderError } from './commander-errors.js'
import { Command, CommanderError, Option } from 'commander'
import { MaskAuditError } from '../core/errors.js'
import { formats } from '../report/index.js'
import { runCheck, type CheckOptions } from './check.js'
import type { RedactOptions } from './redact.js'
import { tokenizerNames } from '../nlp/tokenizer.js'
import { writeErr, writeErrRaw, writeOut } from './io.js'
import { renderRuleDetails, renderRuleList, type RulesHere } from './rules-command.js'
import { toolVersion } from './version.js'
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { assertNoCommandTypo } from './command-typo.js'
import { argvLang, parseLangOption, processLocaleLang } from './lang.js'
import { addLangOption, addRuleSelection, collect } from './rule-options.js'
import { registerWorkflowCommands } from './workflow-commands.js'
import { localHelp } from './local-help.js'
import { onFirstTempFile, removeTempFiles } from '../io/write.js'

import { isCodeCacheable } from '../run/v8-flags.js'
import { auditedTextCount } from '../core/audit.js'

/**
 * What the code this run compiled is worth to the launcher's cache (bin/code-cache.js): none
 * under changed V8 flags, which the next run would reject; partial when no text was audited
 * in this thread (`--help`, `rules`, a batch in workers), so the rules' code is missing.
 */
export function codeCacheWorth(): 'none' | 'partial' | 'complete' {
  if (!isCodeCacheable()) return 'none'
  return auditedTextCount() > 0 ? 'complete' : 'partial'
}

interface RulesOptions {
  readonly json?: boolean
  readonly lang?: string
  readonly rules: string[]
  readonly config?: string
  readonly profile?: string
  readonly rule: string[]
  readonly category: string[]
}

/** The rules a check of a file in the current folder would know (built-in, --rules, the config's), with their severities there. */
async function rulesInEffect(options: RulesOptions): Promise<RulesHere & { lang: Lang; categories: readonly string[] | undefined }> {
  const { rulesKnownIn } = await import('../run/file-settings.js')
  const lang = parseLangOption(options.lang)
  return rulesKnownIn(process.cwd(), { profile: options.profile, ruleFlags: options.rule, categoryFlags: options.category, ruleFiles: options.rules, ...(options.config !== undefined && { configPath: options.config }), ...(lang && { lang }), localeLang: processLocaleLang() })
}

/** An option whose choices are matched in any case (`--format JSON`), keeping commander's own message for a value that is none of them. */
function caseless(option: Option): Option {
  const choose = option.parseArg!
  return option.argParser((value: string, previous: unknown) => choose(value.toLowerCase(), previous))
}

function buildProgram(setExit: (code: number) => void, lang: Lang): Command {
  const say = (id: string) => formatMessage(lang, id)
  const program = new Command('mask-audit')
    .description(say('cli.program'))
    .version(toolVersion, '-v, --version', say('cli.version'))
    .helpOption('-h, --help', say('cli.help-option'))
    .helpCommand('help [command]', say('cli.help-command'))
    .configureHelp(localHelp(lang))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut, writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `mask-audit: ${localCommanderError(s, lang)}` : localCommanderError(s, lang)) })
    .addHelpText('after', say('cli.program.after'))
  // `--lang` before the command (`mask-audit --lang zh check --help`, `--lang en rules`) is the
  // program's: without it the default command took the option and the command's name for a path.
  // Commander reads a program's option wherever it stands, so the command that runs is given it
  // (every one that prints messages takes `--lang`; install-hook prints none).
  program.option('--lang <lang>', say('cli.program.lang'))
  program.hook('preAction', (self, action) => {
    const lang: unknown = self.getOptionValue('lang')
    if (action !== self && lang !== undefined && action.options.some((o) => o.long === '--lang') && action.getOptionValue('lang') === undefined) action.setOptionValue('lang', lang)
  })

  const check = program
    .command('check', { isDefault: true })
    .description(say('cli.check'))
    .argument('[paths...]', say('cli.check.paths'))
    .addOption(caseless(new Option('-f, --format <format>', say('cli.check.format')).choices(formats)).default('stylish'))
    .option('-p, --profile <profile>', say('cli.check.profile'))
    .option('-r, --rule <id=severity>', say('cli.check.rule'), collect, [])
    .option('--category <list>', say('cli.check.category'), collect, [])
    .option('--rules <file>', say('cli.check.rules'), collect, [])
    .option('--max-warnings <n>', say('cli.check.max-warnings'))
    .option('-o, --output-file <file>', say('cli.check.output-file'))
    .option('-q, --quiet', say('cli.check.quiet'))
    .option('--ignore <glob>', say('cli.check.ignore'), collect, [])
    .option('--no-gitignore', say('cli.check.no-gitignore'))
    .option('--no-error-on-unmatched-pattern', say('cli.check.no-error-on-unmatched-pattern'))
    .option('--follow-symlinks', say('cli.check.follow-symlinks'))
    .option('--stdin', say('cli.check.stdin'))
    .option('--stdin-filename <name>', say('cli.check.stdin-filename'))
    .option('-c, --config <file>', say('cli.check.config'))
    .option('--print-config <file>', say('cli.check.print-config'))
    .option('--baseline <file>', say('cli.check.baseline'))
    .option('--write-baseline <file>', say('cli.check.write-baseline'))
    .option('--fix', say('cli.check.fix'))
    .option('--fix-dry-run', say('cli.check.fix-dry-run'))
    .option('--staged', say('cli.check.staged'))
    .addOption(new Option('--tokenizer <name>', say('cli.tokenizer')).choices(tokenizerNames))
    .option('--sensitive-terms <file>', say('cli.check.sensitive-terms'))
    .option('--redact-output', say('cli.check.redact-output'))
    .option('-j, --jobs <n>', say('cli.check.jobs'))
    .option('--shard <k/n>', say('cli.check.shard'))
    .option('--no-progress', say('cli.check.no-progress'))
    .option('--input <format>', say('cli.check.input'))
    .option('--text-field <name>', say('cli.check.text-field'), 'text')
    .option('--id-field <name>', say('cli.check.id-field'), 'id')
  addLangOption(check, say, 'cli.check.lang')
  check
    .option('--color', say('cli.check.color'))
    .option('--no-color', say('cli.check.no-color'))
    .addHelpText('after', say('cli.check.after'))
    // A format left at its default is passed as none, so `--input jsonl` can answer in JSON lines.
    .action(async (paths: string[], options: CheckOptions, command: Command) =>
      setExit(await runCheck(paths, command.getOptionValueSource('format') === 'default' ? { ...options, format: undefined } : options)))

  const redact = program
    .command('redact')
    .description(say('cli.redact'))
    .argument('<file>', say('cli.redact.file'))
    .option('-o, --output <file>', say('cli.redact.output'))
    .option('--dry-run', say('cli.redact.dry-run'))
    .option('--mask <mask>', say('cli.redact.mask'))
    .option('--rules <file>', say('cli.rules-file'), collect, [])
    .option('-c, --config <file>', say('cli.redact.config'))
    .addOption(new Option('--tokenizer <name>', say('cli.tokenizer')).choices(tokenizerNames))
    .option('--sensitive-terms <file>', say('cli.redact.sensitive-terms'))
  addLangOption(redact, say)
  redact.action(async (file: string, options: RedactOptions) => setExit(await (await import('./redact.js')).runRedact(file, options)))

  const rules = program
    .command('rules')
    .description(say('cli.rules'))
    .argument('[ids...]', say('cli.rules.ids'))
    .option('--json', say('cli.rules.json'))
  addRuleSelection(rules, 'summaries', say).action(async (ids: string[], options: RulesOptions) => {
    const { lang, categories, ...here } = await rulesInEffect(options)
    // `--category leak` lists the rules of that category only, as its help says; named ids are shown whatever their category.
    const listed = options.category.length > 0 && categories !== undefined ? { ...here, defs: here.defs.filter((d) => categories.includes(d.category)) } : here
    writeOut(ids.length > 0 ? renderRuleDetails(here, ids, options.json === true, lang) : renderRuleList(listed, options.json === true, lang))
  })

  registerWorkflowCommands(program, setExit, say)
  return program
}

/** Exit codes of a run ended by a signal: 128 + its number, as a shell reports it. */
const signalExitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const
let hasSignalCleanup = false

/**
 * Ctrl-C, SIGTERM or a closed terminal would end the process where it stands, leaving the temp
 * file of `-o` (in the report's folder) or of `--fix` (in the document's) behind: they are
 * removed first, and the run exits with 128 + the signal's number. A file being written is
 * finished first, since a handler runs between two synchronous writes, never inside one. The
 * handlers are installed before the first temp file is made, so a run that writes none (most
 * checks) keeps the default signal handling and does not pay for them.
 */
function removeTempFilesOnSignal(): void {
  if (hasSignalCleanup) return
  hasSignalCleanup = true
  onFirstTempFile(() => {
    for (const [signal, code] of Object.entries(signalExitCodes)) {
      process.once(signal, () => {
        removeTempFiles()
        process.exit(code)
      })
    }
  })
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  removeTempFilesOnSignal()
  let code = 0
  const program = buildProgram((c) => (code = c), argvLang(argv))
  try {
    assertNoCommandTypo(argv, program.commands.map((c) => c.name()))
    await program.parseAsync(argv as string[])
    return code
  } catch (error) {
    return handleError(error, argvLang(argv))
  }
}

function handleError(error: unknown, lang: Lang): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version exit 0.
    return error.exitCode === 0 ? 0 : 2
  }
  if (error instanceof MaskAuditError) {
    for (const line of error.lines(lang)) writeErr(line)
    return 2
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error)
  // The trace keeps its line breaks: written raw, not through writeErr's escaping of control characters.
  writeErrRaw(`mask-audit: ${formatMessage(lang, 'internal-error', { version: toolVersion })}\n${stack}\n`)
  return 2
}
