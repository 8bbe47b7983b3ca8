// A rule's words in a run's language: its summary and help, from the catalogues (src/i18n/), or
// from the rule file itself for a team's own rules. Findings are worded by i18n/finding-message.ts.
import { catalogues, type Lang } from '../i18n/catalogue.js'
import type { RuleDef } from './types.js'

export { hasRuleMessage } from '../i18n/finding-message.js'

/** The default message id of a rule: its id with `.` for `/` (`count/unfilled` → `count.unfilled`). */
export function defaultMessageId(ruleId: string): string {
  return ruleId.replace('/', '.')
}

/** The rule's one-line summary in `lang`: the catalogues' (`rule.<id>.summary`), else the rule file's. */
export function ruleSummary(def: Pick<RuleDef, 'id' | 'summary'>, lang: Lang): string {
  return catalogues[lang][`rule.${defaultMessageId(def.id)}.summary`] ?? def.summary
}

/** What to do about a finding of the rule, in `lang`, when the catalogues say (`rule.<id>.help`). */
export function ruleHelp(ruleId: string, lang: Lang): string | undefined {
  return catalogues[lang][`rule.${defaultMessageId(ruleId)}.help`]
}

/** The summary of a built-in rule from the catalogues in English, for rule files that leave it out. */
export function catalogueSummary(ruleId: string): string | undefined {
  return catalogues.en[`rule.${defaultMessageId(ruleId)}.summary`]
}
