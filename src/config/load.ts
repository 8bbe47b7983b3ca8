// Finds and reads config files with lilconfig: nearest one up from a file, or one named by --config.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { basename, isAbsolute, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { defaultLoaders, lilconfig, type LilconfigResult, type Loader } from 'lilconfig'
import { ConfigError, MaskAuditError } from '../core/errors.js'
import type { SourceRef } from '../rules/types.js'
import { parseYaml } from '../rules/shared/yaml-source.js'

const require = createRequire(import.meta.url)

/** The names a config file may have, in the order they are looked for in each folder. */
export const configFileNames: readonly string[] = ['.mask-auditrc.json', '.mask-auditrc.yaml', '.mask-auditrc.yml', 'mask-audit.config.js', 'mask-audit.config.mjs', 'package.json']

/** The key of package.json that holds a config. */
export const packageKey = 'mask-audit'

/** A config file's raw data and where its keys are, before validation. */
export interface RawConfigFile {
  readonly path: string
  readonly data: unknown
  readonly source: SourceRef
  /** Key path of the config inside the file: `['mask-audit']` for package.json. */
  readonly basePath: readonly string[]
}

/** Searches and loads config files; each file is read once. */
export class ConfigFinder {
  private readonly sources = new Map<string, SourceRef>()
  private readonly explorer

  /** Config files that failed to load, by path: lilconfig does not remember a failed search, and each folder below one searches again. */
  private readonly failed = new Map<string, unknown>()

  constructor() {
    const loadText = this.once((path, content) => this.parseText(path, content))
    const loadJs = this.once(loadModule)
    this.explorer = lilconfig(packageKey, {
      searchPlaces: [...configFileNames],
      loaders: { '.json': loadText, '.yaml': loadText, '.yml': loadText, '.js': loadJs, '.mjs': loadJs },
      packageProp: packageKey,
      // Search up to the root: a temp or CI folder outside the home folder must find its config too.
      stopDir: resolve('/'),
    })
  }

  /** The nearest config at or above `dir`, or undefined when there is none. */
  async search(dir: string): Promise<RawConfigFile | undefined> {
    const result = await this.guard(dir, () => this.explorer.search(dir))
    return result ? this.toRaw(result) : undefined
  }

  /** Loads the config file at `path` (`--config`). */
  async load(path: string): Promise<RawConfigFile> {
    const result = await this.guard(path, () => this.explorer.load(path))
    const raw = result ? this.toRaw(result) : undefined
    if (!raw) throw new ConfigError(localText('error.no-package-key', { key: packageKey }), { path })
    return raw
  }

  /** `load`, failing at once for a file that failed before (with the same error). */
  private once(load: Loader): Loader {
    return async (path, content) => {
      if (this.failed.has(path)) throw this.failed.get(path)
      try {
        return await load(path, content)
      } catch (error) {
        this.failed.set(path, error)
        throw error
      }
    }
  }

  private toRaw(result: NonNullable<LilconfigResult>): RawConfigFile | undefined {
    const isPackage = basename(result.filepath) === 'package.json'
    if (isPackage && result.config == null) return undefined
    const source = this.sources.get(result.filepath) ?? { path: displayPath(result.filepath) }
    return { path: result.filepath, data: result.isEmpty ? {} : result.config, source, basePath: isPackage ? [packageKey] : [] }
  }

  /** JSON and YAML go through the YAML parser (JSON is YAML) so that errors can point at a key. */
  private parseText(path: string, content: string): unknown {
    const text = content.replace(/^\uFEFF/, '')
    if (path.endsWith('.json')) checkJson(text, displayPath(path))
    // Most package.json files on the way up hold no config: skip loading the YAML parser for them.
    if (basename(path) === 'package.json' && !hasOwnKey(JSON.parse(text), packageKey)) return JSON.parse(text)
    const parsed = parseYaml(text, displayPath(path))
    this.sources.set(path, parsed.source)
    // A YAML file of comments only (a starter config not yet edited) is an empty document,
    // which YAML reads as null: it is an empty config, as a file of no bytes is.
    if (parsed.data === null && !path.endsWith('.json')) return {}
    return parsed.data
  }

  private async guard<T>(path: string, load: () => Promise<T>): Promise<T> {
    try {
      return await load()
    } catch (error) {
      if (error instanceof MaskAuditError) throw error
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new ConfigError(localText('error.no-config'), { path: displayPath(path) })
      throw new ConfigError(localText('error.cannot-load-config', { reason: firstLine(error) }), { path: displayPath(path) })
    }
  }
}

/** Imports a JavaScript config; its default export is the config. */
const loadModule: Loader = async (path, content) => {
  try {
    return await defaultLoaders['.js']!(path, content)
  } catch (error) {
    // A syntax error reaches here without its place, and an ES module's as Node's confusing
    // "cannot require() … not yet fully loaded … race condition" (lilconfig falls back to
    // require() when import() fails, and that error replaces the first). Node's own check of
    // the file names the line and column, and costs a process only when loading failed.
    const syntax = syntaxErrorOf(path, content)
    if (syntax) throw new ConfigError(localText('error.config-syntax', { reason: syntax.reason }), { path: displayPath(path), line: syntax.line, column: syntax.column })
    throw new ConfigError(localText('error.cannot-load-config', { reason: importErrorOf(path) ?? firstLine(error) }), { path: displayPath(path) })
  }
}

/**
 * The syntax error in the script or module at `path`, with its place, if any: `node --check`
 * reads it as Node would load it; a `.js` file of ES module syntax outside a `"type": "module"`
 * package passes that check however broken (Node 20 only guesses its kind when it loads it),
 * so it is checked again as a module.
 */
function syntaxErrorOf(path: string, content: string): { reason: string; line: number; column?: number } | undefined {
  return checkedSyntax(['--check', path], path) ?? (path.endsWith('.cjs') ? undefined : checkedSyntax(['--input-type=module', '--check'], '[stdin]', content))
}

/** Runs `node ARGS` (`input` on its stdin) and reads the place and text of the syntax error it prints, named `name`. */
function checkedSyntax(args: readonly string[], name: string, input?: string): { reason: string; line: number; column?: number } | undefined {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process')
  const check = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 10_000, ...(input !== undefined && { input }) })
  if (check.status === 0 || typeof check.stderr !== 'string') return undefined
  // `NAME:LINE`, the line, a caret under the column (when Node knows it), then `SyntaxError: …`.
  const lines = check.stderr.split('\n')
  const at = lines.findIndex((l) => l.startsWith(`${name}:`))
  const reason = lines.find((l) => l.startsWith('SyntaxError: '))?.slice('SyntaxError: '.length)
  if (at < 0 || reason === undefined) return undefined
  const line = Number(lines[at]!.slice(name.length + 1))
  const caret = lines[at + 2]?.indexOf('^') ?? -1
  return Number.isInteger(line) && line > 0 ? { reason, line, column: caret >= 0 ? caret + 1 : undefined } : undefined
}

/**
 * Why importing the config fails, as a fresh Node says it (a missing export, a module not
 * found, an exception it throws): the error this process got may be the one of lilconfig's
 * require() fallback, which hides the import's.
 */
function importErrorOf(path: string): string | undefined {
  // Spelt in two, as the bundle must hold no dynamic import's text (scripts/bundle.mjs checks it).
  const script = ['imp', 'ort(process.argv[1]).then('].join('') + '() => {}, (e) => { process.stderr.write(String(e && e.message !== undefined ? (e.name === "Error" ? "" : e.name + ": ") + e.message : e)); process.exitCode = 1 })'
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process')
  const run = spawnSync(process.execPath, ['-e', script, pathToFileURL(path).href], { encoding: 'utf8', timeout: 10_000 })
  return run.status === 0 || typeof run.stderr !== 'string' || run.stderr === '' ? undefined : run.stderr.split('\n')[0]!
}

/** A config path as messages show it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!
}

/** Strict JSON first: YAML would accept what JSON does not (comments, bare words). */
function checkJson(text: string, path: string): void {
  try {
    JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const at = /at position (\d+)/.exec(message)
    const offset = at ? Number(at[1]) : undefined
    const before = offset === undefined ? undefined : text.slice(0, offset).split(/\r\n|\n|\r/)
    const line = before?.length
    const column = before ? before[before.length - 1]!.length + 1 : undefined
    throw new ConfigError(localText('error.invalid-json', { reason: message.replace(/ in JSON at position.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '') }), { path, line, column })
  }
}

function hasOwnKey(data: unknown, key: string): boolean {
  return typeof data === 'object' && data !== null && Object.prototype.hasOwnProperty.call(data, key)
}
