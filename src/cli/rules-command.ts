// The `rules` command: every rule with its id, category, severities and summary.
import type { Lang } from '../i18n/catalogue.js'
import { ruleSummary } from '../rules/messages.js'
import type { RuleDef } from '../rules/types.js'

/** Renders the rule list as aligned text, or JSON when asked; summaries in `lang`. */
export function renderRuleList(defs: readonly RuleDef[], asJson: boolean, lang: Lang = 'en'): string {
  if (asJson) {
    const rows = defs.map((d) => ({ id: d.id, category: d.category, kind: d.kind, severity: d.severity, messageId: d.messageId, summary: ruleSummary(d, lang) }))
    return JSON.stringify(rows, null, 2) + '\n'
  }
  const idWidth = Math.max(...defs.map((d) => d.id.length))
  const lines = [`${'id'.padEnd(idWidth)}  ${'draft'.padEnd(7)}  ${'redacted'.padEnd(8)}  summary`]
  for (const d of defs) lines.push(`${d.id.padEnd(idWidth)}  ${d.severity.draft.padEnd(7)}  ${d.severity.redacted.padEnd(8)}  ${ruleSummary(d, lang)}`)
  return lines.join('\n') + '\n'
}
