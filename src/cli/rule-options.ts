// The options that choose the rules of a run, shared by the commands that take them as
// `check` does (annotate, rules): one wording, one parser, the same short flags.
import type { Command } from 'commander'

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[]) => [...previous, value]

/**
 * Adds -p/--profile, -r/--rule, --category, --rules, -c/--config and --lang to `command`;
 * `langUse` says what the language words (`comments`, `summaries`); `say` words the help.
 */
export function addRuleSelection(command: Command, langUse: 'comments' | 'summaries', say: (id: string) => string): Command {
  command
    .option('-p, --profile <profile>', say('cli.select.profile'))
    .option('-r, --rule <id=severity>', say('cli.select.rule'), collect, [])
    .option('--category <list>', say('cli.select.category'), collect, [])
    .option('--rules <file>', say('cli.rules-file'), collect, [])
    .option('-c, --config <file>', say('cli.config-file'))
  return addLangOption(command, say, langUse === 'comments' ? 'cli.select.lang.comments' : 'cli.select.lang.summaries')
}

/**
 * Adds `--lang <lang>` to `command`: every command that prints messages takes it (parsed by
 * `parseLangOption`), with `helpId` saying what the language words.
 */
export function addLangOption(command: Command, say: (id: string) => string, helpId = 'cli.lang'): Command {
  return command.option('--lang <lang>', say(helpId))
}
