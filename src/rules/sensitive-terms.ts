// The rule `leak/sensitive-term`, made from the user's list of names that must never appear
// (config `sensitiveTerms`, `--sensitive-terms FILE`): it exists only when the list does.
import { localText } from '../i18n/catalogue.js'
import { UsageError } from '../core/errors.js'
import type { TermOptions } from './term.js'
import type { RuleDef } from './types.js'

/** The id of the rule built from the user's sensitive terms. */
export const sensitiveTermRuleId = 'leak/sensitive-term'

/** A rule reporting every occurrence of `terms`, an error in every profile and every document. */
export function sensitiveTermRule(terms: readonly string[], source: string): RuleDef<TermOptions> {
  return {
    id: sensitiveTermRuleId,
    category: 'leak',
    kind: 'term',
    severity: { draft: 'error', redacted: 'error' },
    summary: 'A name on the user’s list of sensitive terms (`sensitiveTerms`)',
    messageId: 'leak.sensitive-term',
    claims: [{ group: 'leak', rank: 4 }],
    // Built from user data, not a rule file: its behaviour is tested in tests/leak-rules.test.ts.
    examples: { match: [...terms], noMatch: [] },
    options: { onlyWhenMasked: [], terms },
    source,
  }
}

/**
 * The terms of a list's text (decoded by the caller, as documents are: a list saved as GBK or
 * UTF-16 by Notepad reads as one in UTF-8): one a line, blank lines and lines starting with `#`
 * left out. `path` names the list in the error of an empty one.
 */
export function parseSensitiveTerms(text: string, path: string): string[] {
  const terms = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))
  if (terms.length === 0) throw new UsageError(localText('error.no-terms'), { path }, localText('error.no-terms.hint'))
  return terms
}
