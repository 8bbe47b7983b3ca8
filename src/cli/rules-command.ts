// The `rules` command: every rule with its id, category, severities and summary, and the
// severity it has here (after the config of the current folder and the command line); or the
// rules named, in full: summary, what to do, examples.
import { UsageError } from '../core/errors.js'
import type { SeverityOrOff } from '../core/finding.js'
import { suggestName } from '../core/suggest-name.js'
import { formatMessage, localText, type Lang } from '../i18n/catalogue.js'
import { displayWidth } from '../report/display-width.js'
import { ruleHelp, ruleSummary } from '../rules/messages.js'
import type { Profile, RuleDef } from '../rules/types.js'

/** The rules of a run here: their definitions, and each one's effective severity under `profile`. */
export interface RulesHere {
  readonly defs: readonly RuleDef[]
  readonly profile: Profile
  readonly severities: Readonly<Record<string, SeverityOrOff>>
}

/** Renders the rule list as aligned text, or JSON when asked; summaries in `lang`. */
export function renderRuleList({ defs, profile, severities }: RulesHere, asJson: boolean, lang: Lang = 'en'): string {
  const effective = (d: RuleDef) => severities[d.id] ?? d.severity[profile]
  if (asJson) {
    const rows = defs.map((d) => ({ id: d.id, category: d.category, kind: d.kind, severity: d.severity, effective: effective(d), profile, messageId: d.messageId, summary: ruleSummary(d, lang) }))
    return JSON.stringify(rows, null, 2) + '\n'
  }
  const idWidth = Math.max(...defs.map((d) => d.id.length))
  // The profile names and severities are the values the options take: only the words around them are translated.
  const here = formatMessage(lang, 'rules.list.here', { profile })
  const lines = [`${'id'.padEnd(idWidth)}  ${'draft'.padEnd(7)}  ${'redacted'.padEnd(8)}  ${here}${' '.repeat(Math.max(1, 16 - displayWidth(here)))}  ${formatMessage(lang, 'rules.list.summary', {})}`]
  for (const d of defs) lines.push(`${d.id.padEnd(idWidth)}  ${d.severity.draft.padEnd(7)}  ${d.severity.redacted.padEnd(8)}  ${effective(d).padEnd(16)}  ${ruleSummary(d, lang)}`)
  return lines.join('\n') + '\n'
}

/**
 * The rules named by `ids`, each in full: id, category and kind, severities, summary, what to
 * do, the examples it must and must not report; as JSON when asked. Throws UsageError for an
 * unknown id, naming the closest.
 */
export function renderRuleDetails({ defs, profile, severities }: RulesHere, ids: readonly string[], asJson: boolean, lang: Lang = 'en'): string {
  const byId = new Map(defs.map((d) => [d.id, d]))
  const chosen = ids.map((id) => {
    const def = byId.get(id)
    if (def) return def
    const near = suggestName(id, [...byId.keys()])
    throw new UsageError(localText('error.unknown-rule', { rule: id }), {}, near ? localText('hint.did-you-mean', { name: near }) : localText('hint.see-rules'))
  })
  const effective = (d: RuleDef) => severities[d.id] ?? d.severity[profile]
  if (asJson) {
    const rows = chosen.map((d) => ({ id: d.id, category: d.category, kind: d.kind, severity: d.severity, effective: effective(d), profile, messageId: d.messageId, summary: ruleSummary(d, lang), help: ruleHelp(d.id, lang) ?? null, examples: d.examples }))
    return JSON.stringify(rows, null, 2) + '\n'
  }
  const field = (label: string, value = '') => `  ${formatMessage(lang, 'rules.detail.line', { label: formatMessage(lang, label), value })}`.trimEnd()
  const blocks = chosen.map((d) => {
    const severity = formatMessage(lang, 'rules.detail.severities', { draft: d.severity.draft, redacted: d.severity.redacted, profile, here: effective(d) })
    const lines = [d.id, `  ${ruleSummary(d, lang)}`, '', field('rules.detail.category', `${d.category} (${d.kind})`), field('rules.detail.severity', severity)]
    const help = ruleHelp(d.id, lang)
    if (help) lines.push(field('rules.detail.help', help))
    lines.push(field('rules.detail.match'), ...d.examples.match.map((e) => `    ${oneLine(e)}`))
    lines.push(field('rules.detail.no-match'), ...d.examples.noMatch.map((e) => `    ${oneLine(e)}`))
    return lines.join('\n')
  })
  return blocks.join('\n\n') + '\n'
}

/** An example on one line: its line breaks shown as ⏎. */
function oneLine(example: string): string {
  return example.replace(/\r?\n/g, '⏎')
}
