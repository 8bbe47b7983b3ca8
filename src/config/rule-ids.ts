// Checks that every rule id a config names exists, pointing at the key with a close match.
import { localText } from '../i18n/catalogue.js'
import { ConfigError } from '../core/errors.js'
import type { RuleDef } from '../rules/types.js'
import type { RawConfigFile } from './load.js'
import type { Config } from './schema.js'
import { suggestName } from '../core/suggest-name.js'
import { formatKeyPath } from '../rules/shared/validate.js'

/** Throws a ConfigError for the first unknown rule id in `rules`, `overrides` or `allow`. */
export function checkRuleIds(config: Config, defs: readonly RuleDef[], raw: RawConfigFile): void {
  const ids = defs.map((d) => d.id)
  const check = (id: string, keyPath: (string | number)[]) => {
    if (ids.includes(id)) return
    const path = [...raw.basePath, ...keyPath]
    const near = suggestName(id, ids)
    throw new ConfigError(localText('error.unknown-rule', { rule: id }), { path: raw.source.path, ...raw.source.locate?.(path), keyPath: formatKeyPath(path) }, near ? localText('hint.did-you-mean', { name: near }) : localText('hint.see-rules'))
  }
  for (const id of Object.keys(config.rules ?? {})) check(id, ['rules', id])
  config.allow?.forEach((a, i) => a.rules?.forEach((id, j) => check(id, ['allow', i, 'rules', j])))
  config.overrides?.forEach((o, i) => {
    for (const id of Object.keys(o.rules ?? {})) check(id, ['overrides', i, 'rules', id])
    o.allow?.forEach((a, j) => a.rules?.forEach((id, k) => check(id, ['overrides', i, 'allow', j, 'rules', k])))
  })
}
