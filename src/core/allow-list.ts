// The config's allow-list as a filter: findings whose matched text a team has accepted.
import { isInternalFinding } from './categories.js'
import type { FindingFilter } from './filters.js'
import { compileRegExp, type TextRegExp } from './user-regexp.js'

/** An allow-list entry as the config gives it. */
export interface AllowSpec {
  /** Exact matched text to accept. */
  readonly text?: string
  /** A regular expression over the matched text (anchor it to match the whole). */
  readonly pattern?: string
  readonly flags?: string
  /** Only for these rule ids; every rule when absent. */
  readonly rules?: readonly string[]
}

interface CompiledAllow {
  readonly text: string | undefined
  readonly re: TextRegExp | undefined
  readonly rules: ReadonlySet<string> | undefined
}

/** A filter dropping findings whose text an entry accepts; `internal/` findings are never dropped. */
export function createAllowFilter(specs: readonly AllowSpec[]): FindingFilter {
  const entries: CompiledAllow[] = specs.map((s) => ({
    text: s.text,
    // A team's pattern runs on the linear-time engine: it cannot hang a run.
    re: s.pattern === undefined ? undefined : compileRegExp(s.pattern, s.flags ?? '', false),
    rules: s.rules ? new Set(s.rules) : undefined,
  }))
  const isAllowed = (ruleId: string, text: string) =>
    entries.some((e) => (!e.rules || e.rules.has(ruleId)) && (e.text !== undefined ? e.text === text : e.re!.test(text)))
  const filter = (findings: Parameters<FindingFilter>[0]) => findings.filter((f) => isInternalFinding(f) || !isAllowed(f.ruleId, f.text))
  // The spec lets worker threads build the same filter (--jobs).
  return Object.assign(filter, { spec: { name: 'allow', options: specs } })
}
