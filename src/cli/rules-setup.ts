// Loads the rule set for a run: built-in rules, profile, and severity overrides.
import { UsageError } from '../core/errors.js'
import type { SeverityOrOff } from '../core/finding.js'
import { suggestName } from '../config/validate.js'
import { loadBuiltinRules } from '../rules/builtin-cache.js'
import { activateRules, assertUniqueIds, loadRuleFiles } from '../rules/loader.js'
import { assertTokenizerInstalled, defaultTokenizer, parseTokenizerName } from '../nlp/tokenizer.js'
import { sensitiveTermRule } from '../rules/sensitive-terms.js'
import { profiles, type ActiveRule, type Profile, type RuleDef } from '../rules/types.js'

/** What decides the active rules. */
export interface RuleSetup {
  readonly profile: string
  /** `ID=severity` strings from `--rule`. */
  readonly ruleFlags: readonly string[]
  readonly extraRuleFiles?: readonly string[]
  /** The tokenizer of the leak rules (`jieba`, `nodejieba`): config `tokenizer`, `--tokenizer`. */
  readonly tokenizer?: string
  /** Names that must never appear (config `sensitiveTerms`, `--sensitive-terms`), and where they came from. */
  readonly sensitiveTerms?: { readonly terms: readonly string[]; readonly source: string }
}

/** Loads every rule definition: built-in plus extra files. */
export function loadAllRules(extraRuleFiles: readonly string[] = []): RuleDef[] {
  const defs = [...loadBuiltinRules(), ...loadRuleFiles(extraRuleFiles)]
  assertUniqueIds(defs)
  return defs
}

/** Validates a profile name. */
export function parseProfile(name: string): Profile {
  if ((profiles as readonly string[]).includes(name)) return name as Profile
  const near = suggestName(name, profiles)
  throw new UsageError(`unknown profile "${name}"`, {}, near ? `did you mean "${near}"?` : `profiles: ${profiles.join(', ')}`)
}

/** Parses `--rule ID=severity` flags against the known rule ids. */
export function parseRuleFlags(flags: readonly string[], defs: readonly RuleDef[]): Map<string, SeverityOrOff> {
  const ids = defs.map((d) => d.id)
  const overrides = new Map<string, SeverityOrOff>()
  for (const flag of flags) {
    const m = /^([^=]+)=(error|warning|info|off)$/.exec(flag)
    if (!m) throw new UsageError(`--rule "${flag}": expected ID=off|info|warning|error`)
    const id = m[1]!
    if (!ids.includes(id)) {
      const near = suggestName(id, ids)
      throw new UsageError(`--rule: unknown rule "${id}"`, {}, near ? `did you mean "${near}"?` : 'see `mask-audit rules`')
    }
    overrides.set(id, m[2] as SeverityOrOff)
  }
  return overrides
}

/** Loads, validates and compiles the rules for a run. */
export function setUpRules(setup: RuleSetup): { defs: RuleDef[]; active: ActiveRule[]; profile: Profile } {
  const profile = parseProfile(setup.profile)
  const defs = loadAllRules(setup.extraRuleFiles)
  if (setup.sensitiveTerms) {
    defs.push(sensitiveTermRule(setup.sensitiveTerms.terms, setup.sensitiveTerms.source))
    assertUniqueIds(defs)
  }
  const tokenizer = setup.tokenizer === undefined ? defaultTokenizer : parseTokenizerName(setup.tokenizer)
  assertTokenizerInstalled(tokenizer)
  const overrides = parseRuleFlags(setup.ruleFlags, defs)
  return { defs, active: activateRules(defs, profile, overrides, { tokenizer }), profile }
}
