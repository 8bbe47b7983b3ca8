// Registers the workflow commands (init, blanks, fill, annotate, install-hook) with commander; each is
// loaded only when run, so `check` does not pay for their dependencies at start-up.
import type { Command } from 'commander'
import type { AnnotateOptions } from './annotate.js'
import type { BlanksOptions } from './blanks.js'
import type { FillOptions } from './fill.js'
import { addLangOption, addRuleSelection, collect } from './rule-options.js'


/** Adds the workflow commands to `program`, worded by `say`; each action reports its exit code through `setExit`. */
export function registerWorkflowCommands(program: Command, setExit: (code: number) => void, say: (id: string) => string): void {
  program
    .command('init')
    .description(say('cli.init'))
    .option('--force', say('cli.init.force'))
    .option('--lang <lang>', say('cli.init.lang'))
    .action(async (options: { force?: boolean; lang?: string }) => setExit((await import('./init.js')).runInit(options)))

  const blanks = program
    .command('blanks')
    .description(say('cli.blanks'))
    .argument('<file>', say('cli.draft-file'))
    .option('-o, --out <sheet>', say('cli.blanks.out'))
    .option('-c, --config <file>', say('cli.config-file'))
    .option('--rules <file>', say('cli.rules-file'), collect, [])
  addLangOption(blanks, say)
  blanks.action(async (file: string, options: BlanksOptions) => setExit(await (await import('./blanks.js')).runBlanks(file, options)))

  const fill = program
    .command('fill')
    .description(say('cli.fill'))
    .argument('<file>', say('cli.draft-file'))
    .requiredOption('--values <sheet>', say('cli.fill.values'))
    .requiredOption('-o, --output <file>', say('cli.fill.output'))
    .option('--allow-partial', say('cli.fill.allow-partial'))
    .option('-c, --config <file>', say('cli.config-file'))
    .option('--rules <file>', say('cli.rules-file'), collect, [])
  addLangOption(fill, say)
  fill.action(async (file: string, options: FillOptions) => setExit(await (await import('./fill.js')).runFill(file, options)))

  const annotate = program
    .command('annotate')
    .description(say('cli.annotate'))
    .argument('<file>', say('cli.annotate.file'))
    .option('-o, --output <file>', say('cli.annotate.output'))
  addRuleSelection(annotate, 'comments', say)
  annotate.action(async (file: string, options: AnnotateOptions) => setExit(await (await import('./annotate.js')).runAnnotate(file, options)))

  program
    .command('install-hook')
    .description(say('cli.install-hook'))
    .option('--force', say('cli.install-hook.force'))
    .action(async (options: { force?: boolean }) => setExit((await import('./install-hook.js')).runInstallHook(options)))
}
