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
  return command
    .option('-p, --profile <profile>', say('cli.select.profile'))
    .option('-r, --rule <id=severity>', say('cli.select.rule'), collect, [])
    .option('--category <list>', say('cli.select.category'), collect, [])
    .option('--rules <file>', say('cli.rules-file'), collect, [])
    .option('-c, --config <file>', say('cli.config-file'))
    .option('--lang <lang>', say(langUse === 'comments' ? 'cli.select.lang.comments' : 'cli.select.lang.summaries'))
}
