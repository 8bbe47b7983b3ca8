// Validates a found config file into a typed Config, with its rule files resolved to paths.
import { localText } from '../i18n/catalogue.js'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '../core/errors.js'
import { formatKeyPath, parseWithSchema } from '../rules/shared/validate.js'
import type { RawConfigFile } from './load.js'
import { configSchema, type Config } from './schema.js'

const require = createRequire(import.meta.url)
/** fast-glob loads only when a config lists rule files: a run without one pays nothing. */
const fastGlob = () => require('fast-glob') as typeof import('fast-glob')

/** A config file, validated; with no file, the empty config of the current folder. */
export interface TypedConfig {
  /** The file's path as found, or undefined when there is none. */
  readonly path: string | undefined
  /** Relative paths of the config (`ignore`, `overrides[].files`) start here. */
  readonly dir: string
  readonly config: Config
  /** `ruleFiles`, resolved to absolute paths (globs expanded, sorted). */
  readonly ruleFiles: readonly string[]
  /** The raw file, to locate a key path in it for an error message. */
  readonly raw: RawConfigFile | undefined
}

/** Validates `raw` (as ConfigFinder found it); throws ConfigError naming the key path. */
export function validateConfig(raw: RawConfigFile | undefined, cwd = process.cwd()): TypedConfig {
  const config = raw ? parseWithSchema(configSchema(), raw.data, raw.source, raw.basePath) : {}
  const dir = raw ? dirname(raw.path) : cwd
  const ruleFiles = raw ? resolveRuleFiles(config.ruleFiles ?? [], dir, raw) : []
  return { path: raw?.source.path, dir, config, ruleFiles, raw }
}

/** `ruleFiles` entries are paths or globs relative to the config file. */
function resolveRuleFiles(entries: readonly string[], dir: string, raw: RawConfigFile): string[] {
  return entries.flatMap((entry, i) => {
    const abs = resolve(dir, entry)
    const fg = fastGlob()
    const found = fg.isDynamicPattern(entry) ? fg.sync(entry, { cwd: dir, absolute: true, onlyFiles: true }).sort() : existsSync(abs) ? [abs] : []
    if (found.length === 0) {
      const keyPath = [...raw.basePath, 'ruleFiles', i]
      throw new ConfigError(localText('error.no-rule-file', { entry }), { path: raw.source.path, ...raw.source.locate?.(keyPath), keyPath: formatKeyPath(keyPath) })
    }
    return found
  })
}
