// The rule definitions of a run (built-in and extra files), its profile, and `--rule` overrides.
import { UsageError } from '../core/errors.js'
import { severitiesOrOff, type SeverityOrOff } from '../core/finding.js'
import { suggestName } from '../core/suggest-name.js'
import { loadBuiltinRules } from '../rules/builtin-cache.js'
import { assertUniqueIds, loadRuleFiles } from '../rules/loader.js'
import { profiles, type Profile, type RuleDef } from '../rules/types.js'
import { localText } from '../i18n/catalogue.js'

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

/**
 * Parses `--rule ID=severity` flags against the known rule ids. A category name stands for
 * every rule of it (`--rule typo=off`), and `warn` for `warning`, as in ESLint.
 */
export function parseRuleFlags(flags: readonly string[], defs: readonly RuleDef[]): Map<string, SeverityOrOff> {
  const ids = defs.map((d) => d.id)
  const categoriesHere: string[] = [...new Set(defs.map((d) => d.category))]
  const overrides = new Map<string, SeverityOrOff>()
  for (const flag of flags) {
    const [id, written] = splitFlag(flag)
    const severity = written === 'warn' ? 'warning' : written
    if (id === undefined || !(severitiesOrOff as readonly string[]).includes(severity!)) throw new UsageError(`--rule "${flag}": expected ID=${severitiesOrOff.join('|')}`)
    if (categoriesHere.includes(id)) {
      for (const def of defs) if (def.category === id) overrides.set(def.id, severity as SeverityOrOff)
      continue
    }
    if (!ids.includes(id)) {
      const near = suggestName(id, [...ids, ...categoriesHere])
      throw new UsageError(localText('error.unknown-rule', { rule: id }), { keyPath: '--rule' }, near ? localText('hint.did-you-mean', { name: near }) : localText('hint.see-rules'))
    }
    overrides.set(id, severity as SeverityOrOff)
  }
  return overrides
}

/** `ID=severity` split at its last `=`; the id is undefined when there is none before it. */
function splitFlag(flag: string): [string | undefined, string | undefined] {
  const at = flag.lastIndexOf('=')
  return at > 0 ? [flag.slice(0, at), flag.slice(at + 1)] : [undefined, undefined]
}
