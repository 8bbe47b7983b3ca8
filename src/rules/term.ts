// Kind `term`: names that must never appear in a released document, listed by the user (config
// `sensitiveTerms`, `--sensitive-terms FILE`, see sensitive-terms.ts) or in a team's own rule file.
import { createRequire } from 'node:module'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { profileListSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { lazy, text, zod } from './shared/options.js'
import type { Profile, RuleKind } from './types.js'

type AhoCorasickModule = typeof import('@monyone/aho-corasick')
const require = createRequire(import.meta.url)

/** Options of a term rule. */
export interface TermOptions {
  /** Sensitive terms are reported in every document by default, masked or not. */
  readonly onlyWhenMasked: readonly Profile[]
  readonly terms: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    onlyWhenMasked: profileListSchema().default([]),
    terms: z.array(text()).min(1, 'must list at least one term'),
  })
})

/** The `term` kind. Message variables: `{text}`. */
export const termKind: RuleKind<TermOptions> = {
  name: 'term',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    // Required here, not imported: only runs with sensitive terms load the automaton.
    const { AhoCorasick } = require('@monyone/aho-corasick') as AhoCorasickModule
    const matcher = new AhoCorasick([...new Set(rule.options.terms)])
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, rule.options.onlyWhenMasked)) return []
      const findings: RawFinding[] = []
      for (const hit of longestFirst(matcher.matchInText(doc.text))) {
        findings.push({
          offset: hit.begin,
          length: hit.end - hit.begin,
          args: { text: hit.keyword },
          data: { names: [hit.keyword], redact: { offset: hit.begin, length: hit.end - hit.begin } },
        })
      }
      return findings
    }
  },
}

/** Overlapping hits (`张三` inside `张三丰`) are reported once, as the longest leftmost. */
function longestFirst(hits: { begin: number; end: number; keyword: string }[]): typeof hits {
  const sorted = [...hits].sort((a, b) => a.begin - b.begin || b.end - a.end)
  const kept: typeof hits = []
  for (const hit of sorted) if (kept.length === 0 || hit.begin >= kept[kept.length - 1]!.end) kept.push(hit)
  return kept
}
