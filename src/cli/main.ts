// The command line: commander wiring, error reporting and exit codes.
import { createRequire } from 'node:module'
import type { Command as CommandType } from 'commander'
import { MaskAuditError } from '../core/errors.js'
import { formats } from '../report/index.js'
import { runCheck, type CheckOptions } from './check.js'
import type { RedactOptions } from './redact.js'
import { tokenizerNames } from '../nlp/tokenizer.js'
import { writeErr, writeErrRaw, writeOut } from './io.js'
import { renderRuleList, type RulesHere } from './rules-command.js'
import { toolVersion } from './version.js'
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { assertNoCommandTypo } from './command-typo.js'
import { argvLang, parseLangOption, processLocaleLang } from './lang.js'
import { addRuleSelection, collect } from './rule-options.js'
import { registerWorkflowCommands } from './workflow-commands.js'

// Required, not imported: commander is CommonJS, and importing it from an ES module makes Node
// scan its source for export names first (~6 ms of every run).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander')


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
async function rulesInEffect(options: RulesOptions): Promise<RulesHere & { lang: Lang }> {
  const { rulesKnownIn } = await import('../run/file-settings.js')
  const lang = parseLangOption(options.lang)
  return rulesKnownIn(process.cwd(), { profile: options.profile, ruleFlags: options.rule, categoryFlags: options.category, ruleFiles: options.rules, ...(options.config !== undefined && { configPath: options.config }), ...(lang && { lang }), localeLang: processLocaleLang() })
}

function buildProgram(setExit: (code: number) => void): CommandType {
  const program = new Command('mask-audit')
    .description('Lint Chinese report text for unfilled blanks, leftover masks, paywall residue, typos of official writing and leaked names.')
    .version(toolVersion, '-v, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut, writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `mask-audit: ${s}` : s) })
    .addHelpText('after', '\nThe default command is check: `mask-audit check --help` lists its options (formats, profiles,\nconfig, baseline, fixes, workers).')

  program
    .command('check', { isDefault: true })
    .description('audit files, directories or globs (the default command)')
    .argument('[paths...]', 'files, directories (walked for .txt/.md/.html/.docx) or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('stylish'))
    .option('-p, --profile <profile>', 'draft (about to be published, the default) or redacted (anonymized release); wins over config')
    .option('-r, --rule <id=severity>', 'set a rule to off|info|warning|error (repeatable)', collect, [])
    .option('--category <list>', 'run only the rules of these categories, e.g. count,placeholder (repeatable; wins over config)', collect, [])
    .option('--rules <file>', 'load an extra rule file, in the YAML format of rules/ (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-o, --output-file <file>', 'write the report to this file (atomically: whole or not at all) instead of stdout')
    .option('-q, --quiet', 'report errors only')
    .option('--ignore <glob>', 'leave out files matching this glob (repeatable)', collect, [])
    .option('--no-gitignore', 'also audit files that .gitignore leaves out')
    .option('--stdin', 'read the text to audit from standard input')
    .option('--stdin-filename <name>', 'the name to report for --stdin, whose extension picks the reader')
    .option('-c, --config <file>', 'use this config file for every path instead of looking for one')
    .option('--print-config <file>', 'print the settings this file would be audited with (config, profile, rules, ...) as JSON; audit nothing')
    .option('--baseline <file>', 'report only findings not accepted in this baseline; list its stale entries')
    .option('--write-baseline <file>', 'accept every current finding: write them to this baseline file')
    .option('--fix', 'apply the safe fixes and write the files back (same encoding, BOM, line endings)')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff; change nothing')
    .option('--staged', 'audit the staged versions (git index) of the staged files, for pre-commit')
    .addOption(new Option('--tokenizer <name>', 'word segmenter of the leak rules').choices(tokenizerNames))
    .option('--sensitive-terms <file>', 'names that must never appear, one a line (rule leak/sensitive-term)')
    .option('--redact-output', 'never print a leaked name in clear: leak names are masked in every report')
    .option('-j, --jobs <n>', 'worker threads for a large batch (default: one fewer than the cores, at least 1)')
    .option('--shard <k/n>', 'audit share K of N (deterministic by path), to split a batch across machines')
    .option('--no-progress', 'no progress line on stderr (it is shown only on a terminal, never under CI)')
    .option('--input <format>', 'read documents from stdin instead of files: jsonl (one JSON object a line)')
    .option('--text-field <name>', 'with --input jsonl: the field holding the text', 'text')
    .option('--id-field <name>', 'with --input jsonl: the field holding the document id', 'id')
    .option('--lang <lang>', 'language of messages and reports: zh or en (default: config lang, else the locale)')
    .option('--color', 'force colour in stylish output')
    .option('--no-color', 'no colour in stylish output')
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at error level (or too many warnings), 2 usage, config or input error.')
    .action(async (paths: string[], options: CheckOptions) => setExit(await runCheck(paths, options)))

  program
    .command('redact')
    .description('write a copy with every leaked name replaced by a uniform mask (same encoding and line endings)')
    .argument('<file>', 'the file to redact; it is never modified')
    .option('-o, --output <file>', 'where to write the redacted copy')
    .option('--dry-run', 'print a unified diff instead of writing')
    .option('--mask <mask>', 'the mask to write (default: the mask the document uses most for names, else ***)')
    .option('--rules <file>', 'load an extra rule file (repeatable)', collect, [])
    .option('-c, --config <file>', 'use this config file instead of looking for one (its sensitiveTerms, rules and overrides apply)')
    .addOption(new Option('--tokenizer <name>', 'word segmenter of the leak rules').choices(tokenizerNames))
    .option('--sensitive-terms <file>', 'names that must never appear, one a line')
    .action(async (file: string, options: RedactOptions) => setExit(await (await import('./redact.js')).runRedact(file, options)))

  const rules = program
    .command('rules')
    .description('list every rule: id, severity under each profile, the severity the config here and --rule set, summary (with the ruleFiles and sensitiveTerms of the config that applies here)')
    .option('--json', 'as JSON')
  addRuleSelection(rules, 'summaries').action(async (options: RulesOptions) => {
    const { lang, ...here } = await rulesInEffect(options)
    writeOut(renderRuleList(here, options.json === true, lang))
  })

  registerWorkflowCommands(program, setExit)
  return program
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0
  const program = buildProgram((c) => (code = c))
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
