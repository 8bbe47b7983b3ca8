// Registers the workflow commands (init, blanks, fill, annotate, install-hook) with commander; each is
// loaded only when run, so `check` does not pay for their dependencies at start-up.
import type { Command } from 'commander'
import type { AnnotateOptions } from './annotate.js'
import type { BlanksOptions } from './blanks.js'
import type { FillOptions } from './fill.js'
import { addRuleSelection, collect } from './rule-options.js'


/** Adds the workflow commands to `program`; each action reports its exit code through `setExit`. */
export function registerWorkflowCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a commented starter config (.mask-auditrc.yaml) in the current folder')
    .option('--force', 'replace an existing .mask-auditrc.yaml')
    .action(async (options: { force?: boolean }) => setExit((await import('./init.js')).runInit(options)))

  program
    .command('blanks')
    .description('list every count blank and placeholder of a file as a CSV sheet with an empty value column')
    .argument('<file>', 'the draft')
    .option('-o, --out <sheet>', 'write the sheet here (CSV, UTF-8 with BOM); stdout when left out')
    .option('-c, --config <file>', 'use this config file instead of looking for one')
    .option('--rules <file>', 'load an extra rule file (repeatable)', collect, [])
    .action(async (file: string, options: BlanksOptions) => setExit(await (await import('./blanks.js')).runBlanks(file, options)))

  program
    .command('fill')
    .description('write a copy of a file with its blanks filled from a sheet made by `blanks`')
    .argument('<file>', 'the draft')
    .requiredOption('--values <sheet>', 'the filled-in sheet')
    .requiredOption('-o, --output <file>', 'where to write the filled document (may be the draft itself)')
    .option('--allow-partial', 'fill what matches and has a value; leave the other blanks')
    .option('-c, --config <file>', 'use this config file instead of looking for one')
    .option('--rules <file>', 'load an extra rule file (repeatable)', collect, [])
    .action(async (file: string, options: FillOptions) => setExit(await (await import('./fill.js')).runFill(file, options)))

  const annotate = program
    .command('annotate')
    .description('write a copy of a Word .docx with a comment (批注) on every finding; the original is not touched')
    .argument('<file>', 'the .docx to review')
    .option('-o, --output <file>', 'where to write the annotated copy (.docx)')
  addRuleSelection(annotate, 'comments')
  annotate.action(async (file: string, options: AnnotateOptions) => setExit(await (await import('./annotate.js')).runAnnotate(file, options)))

  program
    .command('install-hook')
    .description('write a git pre-commit hook that runs `mask-audit check --staged`')
    .option('--force', 'replace a pre-commit hook that mask-audit did not write')
    .action(async (options: { force?: boolean }) => setExit((await import('./install-hook.js')).runInstallHook(options)))
}
