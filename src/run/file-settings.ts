// Gives each file its settings: its config (nearest one up, or --config), then profile, rules
// and filters. Every command gets its rules and filters here.
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { createRequire } from 'node:module'
import type { Ignore } from 'ignore'
import { createAllowFilter } from '../core/allow-list.js'
import type { FindingFilter } from '../core/filters.js'
import type { SeverityOrOff } from '../core/finding.js'
import { createSuppressionFilter } from '../core/suppressions.js'
import { ConfigFinder, type RawConfigFile } from '../config/load.js'
import { checkRuleIds } from '../config/rule-ids.js'
import { validateConfig, type TypedConfig } from '../config/typed-config.js'
import type { AllowEntry } from '../config/schema.js'
import { localText, type Lang } from '../i18n/catalogue.js'
import { ConfigError, MaskAuditError, UsageError } from '../core/errors.js'
import { decodeBytes } from '../io/decode.js'
import { assertTokenizerInstalled, defaultTokenizer, parseTokenizerName, type TokenizerName } from '../nlp/tokenizer.js'
import { activateRules, assertUniqueIds } from '../rules/loader.js'
import { timedRules } from './rule-timing.js'
import { parseSensitiveTerms, sensitiveTermRule } from '../rules/sensitive-terms.js'
import type { Profile, RuleDef } from '../rules/types.js'
import { loadAllRules, parseCategoryFlags, parseProfile, parseRuleFlags } from './rule-set.js'
import type { FileSetup } from './workers.js'

const require = createRequire(import.meta.url)
/** picomatch and ignore load only when a config uses them: a run without one pays nothing. */
const picomatch = () => require('picomatch') as typeof import('picomatch')
const makeIgnore = (): Ignore => (require('ignore') as () => Ignore)()

/** What the command line says about rules and config; it wins over config files. */
export interface CliSettings {
  readonly profile?: string
  readonly ruleFlags: readonly string[]
  /** `--category count,placeholder` (repeatable): only rules of these categories run; wins over the config's `categories`. */
  readonly categoryFlags?: readonly string[]
  readonly ruleFiles: readonly string[]
  /** `--config FILE`: use this file for every path instead of searching. */
  readonly configPath?: string
  /** `--tokenizer`: wins over the config's `tokenizer`. */
  readonly tokenizer?: string
  /** `--sensitive-terms FILE`: added to the config's `sensitiveTerms`. */
  readonly sensitiveTermsFile?: string
  /** `--lang`: wins over the config's `lang`. */
  readonly lang?: Lang
  /** The locale's language, for a run where neither `--lang` nor the config says. */
  readonly localeLang?: Lang
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
  /** Each rule's severity for this file after profile, config, overrides, `--rule` and categories. */
  readonly severities: Readonly<Record<string, SeverityOrOff>>
  /** The categories whose rules run (`--category`, else the config's), or undefined for all. */
  readonly categories: readonly string[] | undefined
}

/** What `--print-config` prints: the settings one file is audited with. */
export interface EffectiveSettings {
  readonly path: string
  /** The config file that applies (nearest one up, or `--config`), or null. */
  readonly config: string | null
  /** The config's `overrides` that match the file, by index. */
  readonly overrides: readonly { readonly index: number; readonly files: readonly string[] }[]
  /** True when the config's `ignore` leaves the file out. */
  readonly ignored: boolean
  readonly profile: Profile
  readonly lang: Lang
  readonly tokenizer: TokenizerName
  readonly categories: readonly string[]
  /** Every rule's effective severity. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>
  readonly allow: readonly AllowEntry[]
  readonly ignore: readonly string[]
  /** The files of the extra rules (`--rules`, the config's `ruleFiles`). */
  readonly ruleFiles: readonly string[]
  /** How many sensitive terms apply (never the names). */
  readonly sensitiveTerms: number
  readonly reportUnusedSuppressions: SeverityOrOff
}

interface LoadedConfig {
  readonly path: string | undefined
  readonly dir: string
  readonly config: TypedConfig['config']
  readonly defs: RuleDef[]
  /** The extra rule files: `--rules`, then the config's `ruleFiles`. */
  readonly ruleFiles: readonly string[]
  readonly tokenizer: TokenizerName
  readonly cliSeverities: ReadonlyMap<string, SeverityOrOff>
  readonly categories: readonly string[] | undefined
  readonly isIgnored: (rel: string) => boolean
  readonly overrideMatchers: readonly ((rel: string) => boolean)[]
  /** Settings by the indices of the overrides that apply. */
  readonly settings: Map<string, Omit<FileSettings, 'isIgnored'>>
}

/** Finds, validates and caches configs, and gives each file its settings. */
export class SettingsResolver {
  private readonly finder = new ConfigFinder()
  /** Configs by file path ('' for none); null for one that did not validate (its error in `invalid`). */
  private readonly loaded = new Map<string, LoadedConfig | null>()
  private readonly invalid = new Map<string, ConfigError>()
  private readonly failedDirs = new Map<string, ConfigError>()
  private readonly cliProfile: Profile | undefined
  private readonly cliTerms: readonly string[]
  private readonly cliTokenizer: TokenizerName | undefined
  private lang: Lang | undefined

  constructor(private readonly cli: CliSettings) {
    this.cliProfile = cli.profile === undefined ? undefined : parseProfile(cli.profile)
    this.cliTerms = cli.sensitiveTermsFile === undefined ? [] : readSensitiveTerms(cli.sensitiveTermsFile)
    this.cliTokenizer = cli.tokenizer === undefined ? undefined : parseTokenizerName(cli.tokenizer)
  }

  /**
   * The language of the run: `--lang`, else the `lang` of the config that applies to the
   * working folder (or `--config`), else the locale's. One for the whole run, so that the
   * summary and every file's findings speak alike.
   */
  async runLang(): Promise<Lang> {
    this.lang ??= this.cli.lang ?? (await this.configFor(process.cwd())).config.lang ?? this.cli.localeLang ?? 'en'
    return this.lang
  }

  /**
   * Loads the config of the working folder (or `--config`), throwing its ConfigError: a batch
   * stops on that one, while a bad config in a sub-folder only fails the files below it.
   */
  async checkWorkingConfig(): Promise<void> {
    await this.configFor(process.cwd())
  }

  /** The settings of the file at `path` (which need not exist: `--stdin-filename`). */
  async forPath(path: string): Promise<FileSettings> {
    const lang = await this.runLang()
    const { loaded, rel, matched } = await this.locate(path)
    const key = matched.join(',')
    let settings = loaded.settings.get(key)
    if (!settings) loaded.settings.set(key, (settings = this.build(loaded, matched, lang)))
    return { ...settings, isIgnored: loaded.isIgnored(rel) }
  }

  /**
   * The effective settings of `path` as plain data, for `--print-config`: the config file and
   * the overrides that apply, and what they come to with the command line over them.
   */
  async describe(path: string): Promise<EffectiveSettings> {
    const settings = await this.forPath(path)
    const { loaded, matched } = await this.locate(path)
    const { config } = loaded
    const overrides = matched.map((i) => config.overrides![i]!)
    const terms = this.cliTerms.length + (config.sensitiveTerms?.length ?? 0)
    return {
      path,
      config: loaded.path ?? null,
      overrides: matched.map((i) => ({ index: i, files: config.overrides![i]!.files })),
      ignored: settings.isIgnored,
      profile: settings.profile,
      lang: await this.runLang(),
      tokenizer: loaded.tokenizer,
      categories: settings.categories ?? [...new Set(settings.defs.map((d) => d.category))],
      rules: settings.severities,
      allow: [...(config.allow ?? []), ...overrides.flatMap((o) => o.allow ?? [])],
      ignore: config.ignore ?? [],
      ruleFiles: loaded.ruleFiles,
      // Only their number: the names themselves must never be printed.
      sensitiveTerms: terms,
      reportUnusedSuppressions: config.reportUnusedSuppressions ?? 'warning',
    }
  }

  /** The config of `path`, the path relative to its folder, and the indices of the overrides that match. */
  private async locate(path: string): Promise<{ loaded: LoadedConfig; rel: string; matched: number[] }> {
    const abs = resolve(path)
    const loaded = await this.configFor(dirname(abs))
    const rel = relative(loaded.dir, abs).split(sep).join('/')
    return { loaded, rel, matched: loaded.overrideMatchers.flatMap((isMatch, i) => (isMatch(rel) ? [i] : [])) }
  }

  /**
   * The config of a file in `dir`, loaded and validated once. A config that fails is remembered
   * too, by folder and by file: in an archive, every file below a bad config asks again, and
   * each would parse it again (a JavaScript config's syntax check starts a process).
   */
  private async configFor(dir: string): Promise<LoadedConfig> {
    const failed = this.failedDirs.get(dir)
    if (failed) throw failed
    try {
      const raw = this.cli.configPath !== undefined ? await this.finder.load(this.cli.configPath) : await this.finder.search(dir)
      const key = raw?.path ?? ''
      let loaded = this.loaded.get(key)
      if (loaded) return loaded
      if (loaded === null) throw this.invalid.get(key)!
      this.loaded.set(key, (loaded = this.validateNamed(raw)))
      return loaded
    } catch (error) {
      if (error instanceof ConfigError) this.failedDirs.set(dir, error)
      throw error
    }
  }

  /** {@link validate}, remembering a config that fails; an error that names no file names the config. */
  private validateNamed(raw: RawConfigFile | undefined): LoadedConfig {
    try {
      return this.validate(raw)
    } catch (error) {
      if (!(error instanceof ConfigError) || raw === undefined) throw error
      const named = error.location.path === undefined ? new ConfigError(error.text, { ...error.location, path: raw.source.path }, error.hintText) : error
      this.loaded.set(raw.path, null)
      this.invalid.set(raw.path, named)
      throw named
    }
  }

  private validate(raw: RawConfigFile | undefined): LoadedConfig {
    const { config, dir, ruleFiles } = validateConfig(raw)
    const defs = loadAllRules([...this.cli.ruleFiles, ...ruleFiles])
    const terms = [...this.cliTerms, ...(config.sensitiveTerms ?? [])]
    if (terms.length) {
      defs.push(sensitiveTermRule(terms, this.cli.sensitiveTermsFile ?? raw?.source.path ?? 'config'))
      assertUniqueIds(defs)
    }
    const tokenizer = this.cliTokenizer ?? config.tokenizer ?? defaultTokenizer
    assertTokenizerInstalled(tokenizer)
    if (raw) checkRuleIds(config, defs, raw)
    const ig = config.ignore?.length ? makeIgnore().add(config.ignore) : undefined
    return {
      path: raw?.source.path,
      dir,
      config,
      defs,
      ruleFiles: [...this.cli.ruleFiles.map((f) => resolve(f)), ...ruleFiles],
      tokenizer,
      cliSeverities: parseRuleFlags(this.cli.ruleFlags, defs),
      categories: parseCategoryFlags(this.cli.categoryFlags ?? [], defs) ?? config.categories,
      isIgnored: (rel) => ig !== undefined && rel !== '' && !rel.startsWith('../') && !isAbsolute(rel) && ig.ignores(rel),
      overrideMatchers: (config.overrides ?? []).map((o) => picomatch()(o.files, { dot: true })),
      settings: new Map(),
    }
  }

  private build(loaded: LoadedConfig, matched: readonly number[], lang: Lang): Omit<FileSettings, 'isIgnored'> {
    const { config, defs } = loaded
    const overrides = matched.map((i) => config.overrides![i]!)
    const profile = this.cliProfile ?? overrides.reduce<Profile | undefined>((p, o) => o.profile ?? p, undefined) ?? config.profile ?? 'draft'
    const set = new Map<string, SeverityOrOff>([...Object.entries(config.rules ?? {}), ...overrides.flatMap((o) => Object.entries(o.rules ?? {})), ...loaded.cliSeverities])
    // A category list keeps its own rules as set above and turns every other rule off.
    const { categories } = loaded
    const severities = new Map(defs.map((d) => [d.id, categories && !categories.includes(d.category) ? 'off' : (set.get(d.id) ?? d.severity[profile])] as const))
    const allow = [...(config.allow ?? []), ...overrides.flatMap((o) => o.allow ?? [])]
    const filters: FindingFilter[] = allow.length ? [createAllowFilter(allow)] : []
    filters.push(createSuppressionFilter({ knownIds: defs.map((d) => d.id), unusedSeverity: config.reportUnusedSuppressions ?? 'warning', lang }))
    const rules = timedRules(activateRules(defs, profile, severities, { tokenizer: loaded.tokenizer, lang }))
    return { rules, filters, configPath: loaded.path, profile, defs, severities: Object.fromEntries(severities), categories }
  }
}

/**
 * The rules a check of a file in `dir` would know (built-in, extra files, the config's), each
 * one's effective severity there (profile, config, `--rule`, categories), and the run's language.
 */
export async function rulesKnownIn(dir: string, cli: CliSettings): Promise<{ defs: readonly RuleDef[]; profile: Profile; severities: Readonly<Record<string, SeverityOrOff>>; categories: readonly string[] | undefined; lang: Lang }> {
  const resolver = new SettingsResolver(cli)
  const { defs, profile, severities, categories } = await resolver.forPath(join(dir, 'report.txt'))
  return { defs, profile, severities, categories, lang: await resolver.runLang() }
}

/**
 * Reads the list of `--sensitive-terms FILE`, decoded as a document is (UTF-8 with or without a
 * BOM, UTF-16 with a BOM, GB18030 and the other legacy encodings detected): a list saved by
 * Windows Notepad as ANSI (GBK) or "Unicode" was read as UTF-8, matched nothing, and the leak
 * gate passed.
 */
function readSensitiveTerms(path: string): string[] {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new UsageError(localText('error.cannot-read-terms', { reason: (error as NodeJS.ErrnoException).code ?? String(error) }), { path })
  }
  let text: string
  try {
    text = decodeBytes(bytes, path).text
  } catch (error) {
    if (error instanceof MaskAuditError) throw new UsageError(error.text, { path }, error.hintText)
    throw error
  }
  return parseSensitiveTerms(text, path)
}
