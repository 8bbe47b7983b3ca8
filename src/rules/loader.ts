// Loads rule files (YAML, one rule each), validates them and compiles their checks.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../core/errors.js'
import { severitiesOrOff, type SeverityOrOff } from '../core/finding.js'
import { suggestName } from '../core/suggest-name.js'
import { parseWithSchema } from './shared/validate.js'
import { parseYaml } from './shared/yaml-source.js'
import { compileRule, ruleKinds } from './registry.js'
import { lazy, zod } from './shared/options.js'
import { whyNotLinear } from '../core/user-regexp.js'
import { defaultRuleSettings, type RuleSettings } from './settings.js'
import { categories } from '../core/categories.js'
import { localText } from '../i18n/catalogue.js'
import { catalogueSummary, defaultMessageId, hasRuleMessage } from './messages.js'
import type { ActiveRule, Profile, RuleDef, SourceRef } from './types.js'
import { compareClaims } from '../core/rule.js'

/** The rules shipped with the package: `<package>/rules`. */
export const builtinRulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules')

const commonSchema = lazy(() => {
  const z = zod()
  // `warn` is ESLint's spelling; it means `warning` here.
  const severity = z.preprocess((v) => (v === 'warn' ? 'warning' : v), z.enum(severitiesOrOff))
  const claim = z.strictObject({ group: z.string().min(1), rank: z.number().int() })
  return z.strictObject({
    id: z.string().regex(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be category/kebab-name'),
    kind: z.string(),
    severity: z.union([severity, z.strictObject({ draft: severity, redacted: severity })]),
    summary: z.string().min(1).optional(),
    messageId: z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must be dotted lowercase words, as count.unfilled').optional(),
    message: z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })]).optional(),
    claim: z.union([claim, z.array(claim).min(1)]).optional(),
    examples: z.strictObject({ match: z.array(z.string()).min(1), noMatch: z.array(z.string()).min(1) }),
  })
})
/** The keys every rule file may have; the others are the kind's options. */
const commonKeys = new Set(['id', 'kind', 'severity', 'summary', 'messageId', 'message', 'claim', 'examples'])

/**
 * Parses and validates one rule file's text. `expectedId` is checked when the path implies it.
 * Only built-in rules may use what V8's RegExp has beyond RE2 (lookaround, backreferences).
 */
export function parseRuleFile(text: string, path: string, expectedId?: string, isBuiltin = false): RuleDef {
  const { data, source } = parseYaml(text, path)
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(localText('error.rule-not-mapping'), { path })
  const raw = data as Record<string, unknown>
  const common = parseWithSchema(commonSchema(), pick(raw, (k) => commonKeys.has(k)), source)
  const category = common.id.split('/')[0]!
  if (!(categories as readonly string[]).includes(category)) {
    const near = suggestName(category, categories)
    throw new ConfigError(localText('error.unknown-category', { category }), { path, ...source.locate?.(['id']), keyPath: 'id' }, near ? localText('hint.did-you-mean', { name: near }) : localText('hint.one-of', { names: [...categories] }))
  }
  if (expectedId !== undefined && common.id !== expectedId) {
    throw new ConfigError(localText('error.id-place', { id: common.id, expected: expectedId }), { path, ...source.locate?.(['id']), keyPath: 'id' })
  }
  const kind = ruleKinds.get(common.kind)
  if (!kind) {
    const near = suggestName(common.kind, [...ruleKinds.keys()])
    throw new ConfigError(localText('error.unknown-kind', { kind: common.kind }), { path, ...source.locate?.(['kind']), keyPath: 'kind' }, near ? localText('hint.did-you-mean', { name: near }) : localText('hint.one-of', { names: [...ruleKinds.keys()] }))
  }
  const options = kind.parseOptions(pick(raw, (k) => !commonKeys.has(k)), source)
  if (!isBuiltin) {
    for (const p of kind.patternsOf?.(options) ?? []) {
      const why = whyNotLinear(p.source, p.flags)
      if (why !== undefined) throw new ConfigError(why, { path, ...source.locate?.(p.keyPath), keyPath: p.keyPath.join('.') })
    }
  }
  const sev = typeof common.severity === 'string' ? { draft: common.severity, redacted: common.severity } : common.severity
  const words = wordsOf(common, path, source)
  const { claim, ...rest } = common
  const claims = claim === undefined ? undefined : Array.isArray(claim) ? claim : [claim]
  return { ...rest, ...words, ...(claims && { claims }), category: category as RuleDef['category'], severity: sev, options, source: path, ...(isBuiltin && { isBuiltin }) }
}

/** The rule's message id and summary: its own, or the catalogues' for its id; a rule with neither is an error. */
function wordsOf(common: { id: string; messageId?: string; message?: RuleDef['message']; summary?: string }, path: string, source: SourceRef): { messageId: string; summary: string } {
  const messageId = common.messageId ?? defaultMessageId(common.id)
  if (!hasRuleMessage({ messageId, message: common.message })) {
    throw new ConfigError(localText('error.no-message'), { path, ...source.locate?.([common.messageId ? 'messageId' : 'id']), keyPath: common.messageId ? 'messageId' : 'message' })
  }
  const summary = common.summary ?? catalogueSummary(common.id)
  if (summary === undefined) throw new ConfigError(localText('error.no-summary'), { path, ...source.locate?.(['id']), keyPath: 'summary' }, localText('error.no-summary.hint'))
  return { messageId, summary }
}

/** The rule files under `dir`, as `<category>/<name>.yaml`, sorted. */
export function listRuleFiles(dir: string): string[] {
  const files: string[] = []
  for (const category of readdirSync(dir, { withFileTypes: true })) {
    if (!category.isDirectory()) continue
    for (const file of readdirSync(join(dir, category.name))) if (/\.ya?ml$/.test(file)) files.push(`${category.name}/${file}`)
  }
  return files.sort()
}

/** Loads every `<category>/<name>.yaml` under `dir`, sorted by id; paths are reported as `rules/<category>/<name>.yaml`. */
export function loadRuleDir(dir: string): RuleDef[] {
  return listRuleFiles(dir).map((file) => {
    const display = `${basename(dir)}/${file}`
    return parseRuleFile(readRuleText(join(dir, file), display), display, file.replace(/\.ya?ml$/, ''), dir === builtinRulesDir)
  })
}

/** Loads single rule files (a team's own rules); their ids are not tied to their paths. */
export function loadRuleFiles(paths: readonly string[]): RuleDef[] {
  return paths.map((path) => parseRuleFile(readRuleText(path, path), path))
}

function readRuleText(path: string, display: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? localText('error.no-such-file.short') : code === 'EACCES' ? localText('error.permission-denied') : code === 'EISDIR' ? localText('error.is-directory') : (code ?? String(error))
    throw new ConfigError(localText('error.cannot-read-rule-file', { reason }), { path: display })
  }
}

/** Severity overrides by rule id, from config or `--rule`. */
export type SeverityOverrides = ReadonlyMap<string, SeverityOrOff>

/** Compiles the rules that are on under `profile`, applying overrides; `settings` reach every kind's compile. */
export function activateRules(defs: readonly RuleDef[], profile: Profile, overrides: SeverityOverrides = new Map(), settings: Partial<Omit<RuleSettings, 'profile'>> = {}): ActiveRule[] {
  const runSettings: RuleSettings = { ...defaultRuleSettings(profile), ...settings }
  const active: ActiveRule[] = []
  const severityOf = (def: RuleDef) => overrides.get(def.id) ?? def.severity[profile]
  const on = defs.filter((def) => severityOf(def) !== 'off')
  for (const def of defs) {
    const sev = severityOf(def)
    if (sev !== 'off') active.push({ def, severity: sev, check: compileRule(def, runSettings), settings: runSettings })
    else if (outranksActive(def, on)) active.push({ def, severity: 'info', claimOnly: true, check: compileRule(def, runSettings), settings: runSettings })
  }
  return active
}

/** True when `def` claims a group in which an active rule ranks below it: it must still run to claim its spans. */
function outranksActive(def: RuleDef, on: readonly RuleDef[]): boolean {
  const claims = def.claims
  return claims !== undefined && on.some((other) => other.claims !== undefined && compareClaims(claims, other.claims) > 0)
}

/** Checks that ids are unique across loaded rules. */
export function assertUniqueIds(defs: readonly RuleDef[]): void {
  const seen = new Map<string, string>()
  for (const def of defs) {
    const first = seen.get(def.id)
    if (first !== undefined) throw new ConfigError(localText('error.rule-twice', { id: def.id, first }), { path: def.source })
    seen.set(def.id, def.source)
  }
}

function pick(raw: Record<string, unknown>, keep: (key: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => keep(k)))
}

