// The `rules` command: every rule with its id, category, severities and summary, and the
// severity it has here (after the config of the current folder and the command line).
import type { SeverityOrOff } from '../core/finding.js'
import type { Lang } from '../i18n/catalogue.js'
import { ruleSummary } from '../rules/messages.js'
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
  const here = `here (${profile})`
  const lines = [`${'id'.padEnd(idWidth)}  ${'draft'.padEnd(7)}  ${'redacted'.padEnd(8)}  ${here.padEnd(16)}  summary`]
  for (const d of defs) lines.push(`${d.id.padEnd(idWidth)}  ${d.severity.draft.padEnd(7)}  ${d.severity.redacted.padEnd(8)}  ${effective(d).padEnd(16)}  ${ruleSummary(d, lang)}`)
  return lines.join('\n') + '\n'
}
