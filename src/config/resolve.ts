// Resolves each file's settings: its config (nearest one up, or --config), then profile, rules and filters.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Ignore } from 'ignore'
import { createAllowFilter } from '../core/allow-list.js'
import type { FileSetup, FindingFilter } from '../core/audit.js'
import type { Region } from '../core/document.js'
import { ConfigError } from '../core/errors.js'
import type { SeverityOrOff } from '../core/finding.js'
import { createSuppressionFilter } from '../core/suppressions.js'
import { formatOf } from '../io/read-document.js'
import { activateRules } from '../rules/loader.js'
import type { Profile, RuleDef } from '../rules/types.js'
import { loadAllRules, parseProfile, parseRuleFlags } from '../cli/rules-setup.js'
import { ConfigFinder, type RawConfigFile } from './load.js'
import { configSchema, type Config } from './schema.js'
import { formatKeyPath, parseWithSchema } from './validate.js'
import { checkRuleIds } from './rule-ids.js'

const require = createRequire(import.meta.url)
/** Glob and ignore matchers load only when a config uses them: a run without one pays nothing. */
const fastGlob = () => require('fast-glob') as typeof import('fast-glob')
const picomatch = () => require('picomatch') as typeof import('picomatch')
const makeIgnore = (): Ignore => (require('ignore') as () => Ignore)()

/** What the command line says about rules and config; it wins over config files. */
export interface CliSettings {
  readonly profile?: string
  readonly ruleFlags: readonly string[]
  readonly ruleFiles: readonly string[]
  /** `--config FILE`: use this file for every path instead of searching. */
  readonly configPath?: string
}

/** Everything needed to audit one file. */
export interface FileSettings extends FileSetup {
  /** True when the config's `ignore` leaves the file out. */
  readonly isIgnored: boolean
  /** The config file that applies, if any. */
  readonly configPath: string | undefined
  readonly profile: Profile
  /** Every rule definition known for this file (on or off). */
  readonly defs: readonly RuleDef[]
}

interface LoadedConfig {
  readonly path: string | undefined
  readonly dir: string
  readonly config: Config
  readonly defs: RuleDef[]
  readonly cliSeverities: ReadonlyMap<string, SeverityOrOff>
  readonly isIgnored: (rel: string) => boolean
  readonly overrideMatchers: readonly ((rel: string) => boolean)[]
  /** Settings by the indices of the overrides that apply. */
  readonly settings: Map<string, Omit<FileSettings, 'isIgnored'>>
}

type MarkdownModule = typeof import('../io/markdown.js')

/** Finds, validates and caches configs, and gives each file its settings. */
export class SettingsResolver {
  private readonly finder = new ConfigFinder()
  private readonly loaded = new Map<string, LoadedConfig>()
  private readonly cliProfile: Profile | undefined
  private markdown: MarkdownModule | undefined

  constructor(private readonly cli: CliSettings) {
    this.cliProfile = cli.profile === undefined ? undefined : parseProfile(cli.profile)
  }

  /** The settings of the file at `path` (which need not exist: `--stdin-filename`). */
  async forPath(path: string): Promise<FileSettings> {
    const abs = resolve(path)
    if (formatOf(path) === 'markdown') this.markdown ??= await import('../io/markdown.js')
    const loaded = await this.configFor(dirname(abs))
    const rel = relative(loaded.dir, abs).split(sep).join('/')
    const matched = loaded.overrideMatchers.flatMap((isMatch, i) => (isMatch(rel) ? [i] : []))
    const key = matched.join(',')
    let settings = loaded.settings.get(key)
    if (!settings) loaded.settings.set(key, (settings = this.build(loaded, matched)))
    return { ...settings, isIgnored: loaded.isIgnored(rel) }
  }

  private async configFor(dir: string): Promise<LoadedConfig> {
    const raw = this.cli.configPath !== undefined ? await this.finder.load(this.cli.configPath) : await this.finder.search(dir)
    const key = raw?.path ?? ''
    let loaded = this.loaded.get(key)
    if (!loaded) this.loaded.set(key, (loaded = this.validate(raw)))
    return loaded
  }

  private validate(raw: RawConfigFile | undefined): LoadedConfig {
    const config = raw ? parseWithSchema(configSchema(), raw.data, raw.source, raw.basePath) : {}
    const dir = raw ? dirname(raw.path) : process.cwd()
    const configRuleFiles = raw ? resolveRuleFiles(config.ruleFiles ?? [], dir, raw) : []
    const defs = loadAllRules([...this.cli.ruleFiles, ...configRuleFiles])
    if (raw) checkRuleIds(config, defs, raw)
    const ig = config.ignore?.length ? makeIgnore().add(config.ignore) : undefined
    return {
      path: raw?.source.path,
      dir,
      config,
      defs,
      cliSeverities: parseRuleFlags(this.cli.ruleFlags, defs),
      isIgnored: (rel) => ig !== undefined && rel !== '' && !rel.startsWith('../') && !isAbsolute(rel) && ig.ignores(rel),
      overrideMatchers: (config.overrides ?? []).map((o) => picomatch()(o.files, { dot: true })),
      settings: new Map(),
    }
  }

  private build(loaded: LoadedConfig, matched: readonly number[]): Omit<FileSettings, 'isIgnored'> {
    const { config, defs } = loaded
    const overrides = matched.map((i) => config.overrides![i]!)
    const profile = this.cliProfile ?? overrides.reduce<Profile | undefined>((p, o) => o.profile ?? p, undefined) ?? config.profile ?? 'draft'
    const severities = new Map<string, SeverityOrOff>([...Object.entries(config.rules ?? {}), ...overrides.flatMap((o) => Object.entries(o.rules ?? {})), ...loaded.cliSeverities])
    const allow = [...(config.allow ?? []), ...overrides.flatMap((o) => o.allow ?? [])]
    const filters: FindingFilter[] = allow.length ? [createAllowFilter(allow)] : []
    const markdownHtmlRegions = (text: string): readonly Region[] => this.markdown?.markdownHtmlRegions(text) ?? []
    filters.push(createSuppressionFilter({ knownIds: defs.map((d) => d.id), unusedSeverity: config.reportUnusedSuppressions ?? 'warning', markdownHtmlRegions }))
    return { rules: activateRules(defs, profile, severities), filters, configPath: loaded.path, profile, defs }
  }
}

/** `ruleFiles` entries are paths or globs relative to the config file. */
function resolveRuleFiles(entries: readonly string[], dir: string, raw: RawConfigFile): string[] {
  return entries.flatMap((entry, i) => {
    const abs = resolve(dir, entry)
    const fg = fastGlob()
    const found = fg.isDynamicPattern(entry) ? fg.sync(entry, { cwd: dir, absolute: true, onlyFiles: true }).sort() : existsSync(abs) ? [abs] : []
    if (found.length === 0) {
      const keyPath = [...raw.basePath, 'ruleFiles', i]
      throw new ConfigError(`no rule file at "${entry}"`, { path: raw.source.path, ...raw.source.locate?.(keyPath), keyPath: formatKeyPath(keyPath) })
    }
    return found
  })
}
