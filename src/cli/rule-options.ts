// The options that choose the rules of a run, shared by the commands that take them as
// `check` does (annotate, rules): one wording, one parser, the same short flags.
import type { Command } from 'commander'

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[]) => [...previous, value]

/**
 * Adds -p/--profile, -r/--rule, --category, --rules, -c/--config and --lang to `command`;
 * `langUse` says what the language words (`comments`, `summaries`).
 */
export function addRuleSelection(command: Command, langUse: string): Command {
  return command
    .option('-p, --profile <profile>', 'draft or redacted (default: the config\'s, else draft)')
    .option('-r, --rule <id=severity>', 'set a rule to off|info|warning|error, as check takes it (repeatable)', collect, [])
    .option('--category <list>', 'only the rules of these categories, e.g. count,placeholder (repeatable)', collect, [])
    .option('--rules <file>', 'load an extra rule file (repeatable)', collect, [])
    .option('-c, --config <file>', 'use this config file instead of looking for one')
    .option('--lang <lang>', `language of the ${langUse}: zh or en (default: the config's lang, else the locale)`)
}
