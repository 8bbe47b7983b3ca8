// Expands the paths and globs of the command line into the files to audit: directories are
// walked for text files, `.gitignore` is honoured, every path keeps the form it was given in.
import { localText } from '../i18n/catalogue.js'
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Ignore } from 'ignore'
import { InputError } from '../core/errors.js'
import { readableExtensions } from './readers.js'
import { describeErrno } from './errno.js'

/** Extensions of the files a directory walk picks up: every format a reader is registered for. */
export const defaultExtensions: readonly string[] = readableExtensions

/** What to walk and what to leave out. */
export interface WalkOptions {
  readonly extensions?: readonly string[]
  /** Extra glob patterns to leave out (`--ignore`, config `ignore`). */
  readonly ignore?: readonly string[]
  readonly respectGitignore?: boolean
  readonly cwd?: string
  /** Lists a folder (`fs.readdirSync`); tests put a failing one in. */
  readonly readdirSync?: typeof readdirSync
}

/** The files to audit, in a stable order, and the arguments that named nothing. */
export interface WalkResult {
  readonly files: string[]
  readonly errors: InputError[]
}

const alwaysIgnored = ['**/node_modules/**', '**/.git/**']

const require = createRequire(import.meta.url)
/** fast-glob and ignore are loaded only when a directory or glob is walked: one named file needs neither. */
const fastGlob = () => require('fast-glob') as typeof import('fast-glob')
const makeIgnore = (): Ignore => (require('ignore') as () => Ignore)()

/** Expands `args` (files, directories, globs) into files. */
export function expandPaths(args: readonly string[], options: WalkOptions = {}): WalkResult {
  const cwd = options.cwd ?? process.cwd()
  const extensions = options.extensions ?? defaultExtensions
  const files: string[] = []
  const errors: InputError[] = []
  const gitignore = options.respectGitignore === false ? undefined : new GitignoreCache(cwd)
  const extGlob = extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`
  for (const arg of args) {
    const abs = resolve(cwd, arg)
    const info = statOrUndefined(abs)
    let found: string[]
    // Anything named that is not a folder is read: a file, or a pipe (`<(zcat report.txt.gz)`).
    if (info && !info.isDirectory()) found = [arg]
    else if (info?.isDirectory()) {
      const guard = new FolderGuard(abs, arg, options.readdirSync ?? readdirSync)
      found = fastGlob()
        .sync(`**/${extGlob}`, { cwd: abs, ignore: [...alwaysIgnored, ...(options.ignore ?? [])], dot: false, caseSensitiveMatch: false, fs: { readdirSync: guard.readdirSync } })
        .map((f) => join(arg, f))
      errors.push(...guard.errors)
      if (found.length === 0) errors.push(new InputError(localText('error.no-files-in-dir', { extensions: extensions.map((e) => '.' + e) }), { path: arg }))
    } else if (fastGlob().isDynamicPattern(arg)) {
      const guard = new FolderGuard(cwd, '.', options.readdirSync ?? readdirSync)
      found = fastGlob().sync(arg, { cwd, ignore: [...alwaysIgnored, ...(options.ignore ?? [])], onlyFiles: true, fs: { readdirSync: guard.readdirSync } })
      errors.push(...guard.errors)
      if (found.length === 0) errors.push(new InputError(localText('error.no-glob-match'), { path: arg }))
    } else {
      // Node decodes argv as UTF-8: a name in GBK bytes arrives with U+FFFD in it and names nothing.
      if (arg.includes('\uFFFD')) errors.push(new InputError(localText('error.arg-not-utf8'), { path: arg }, localText('error.arg-not-utf8.hint')))
      else errors.push(new InputError(localText('error.no-such-file'), { path: arg }))
      continue
    }
    // A folder named on the command line is walked even when .gitignore leaves it out itself.
    const shouldFilter = gitignore !== undefined && info?.isDirectory() !== false && !(info?.isDirectory() && gitignore.isIgnored(abs + sep))
    const kept = shouldFilter ? found.filter((f) => !gitignore.isIgnored(resolve(cwd, f))) : found
    if (found.length > 0 && kept.length === 0) {
      errors.push(new InputError(localText('error.all-gitignored', { count: found.length }), { path: arg }, localText('error.all-gitignored.hint')))
    }
    files.push(...kept.sort(comparePaths))
  }
  return { files: [...new Set(files)], errors }
}

/**
 * Lists folders for fast-glob, so that one bad folder cannot stop a walk: a folder that cannot
 * be read becomes an error naming it and counts as empty; a folder reached again through a
 * symbolic link is not walked twice, and a link that leads back into its own ancestors (a
 * cycle, which fast-glob would follow until memory runs out) is reported once.
 */
class FolderGuard {
  readonly errors: InputError[] = []
  private readonly walked = new Set<string>()
  private readonly realOf = new Map<string, string>()

  constructor(
    private readonly root: string,
    private readonly shownRoot: string,
    private readonly list: typeof readdirSync,
  ) {}

  readonly readdirSync = ((dir: string, options?: unknown) => {
    const real = this.real(dir)
    if (real === undefined) return []
    if (this.walked.has(real)) {
      const ancestor = this.ancestorAt(dir, real)
      if (ancestor !== undefined) this.errors.push(new InputError(localText('error.symlink-cycle', { target: this.shown(ancestor) }), { path: this.shown(dir) }))
      return []
    }
    this.walked.add(real)
    try {
      return (this.list as (p: string, o?: unknown) => unknown)(dir, options)
    } catch (error) {
      this.errors.push(new InputError(localText('error.cannot-read-folder', { reason: describeErrno(error) }), { path: this.shown(dir) }))
      return []
    }
  }) as typeof readdirSync

  /** The folder above `dir` that is `real`, when `dir` lies inside itself. */
  private ancestorAt(dir: string, real: string): string | undefined {
    for (let up = dirname(dir); up.length >= this.root.length && up !== dirname(up); up = dirname(up)) if (this.real(up) === real) return up
    return this.real(this.root) === real ? this.root : undefined
  }

  private real(dir: string): string | undefined {
    let real = this.realOf.get(dir)
    if (real === undefined) {
      try {
        real = realpathSync(dir)
      } catch (error) {
        this.errors.push(new InputError(localText('error.cannot-read-folder', { reason: describeErrno(error) }), { path: this.shown(dir) }))
        return undefined
      }
      this.realOf.set(dir, real)
    }
    return real
  }

  private shown(dir: string): string {
    const rel = relative(this.root, dir)
    return rel === '' ? this.shownRoot : join(this.shownRoot, rel)
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** `.gitignore` files from a file's folder up to the repository root, read once each. */
class GitignoreCache {
  private readonly byDir = new Map<string, Ignore | null>()
  private readonly rootCache = new Map<string, string>()

  constructor(private readonly cwd: string) {}

  /** True when .gitignore leaves out `absPath`; a trailing separator marks a folder. */
  isIgnored(absPath: string): boolean {
    const isDir = absPath.endsWith(sep)
    const path = isDir ? absPath.slice(0, -1) : absPath
    const root = this.repoRoot(dirname(path))
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const ig = this.load(dir)
      const rel = relative(dir, path).split(sep).join('/') + (isDir ? '/' : '')
      if (ig && rel !== '/' && rel && ig.ignores(rel)) return true
      if (dir === root || dirname(dir) === dir) return false
    }
  }

  private load(dir: string): Ignore | null {
    let ig = this.byDir.get(dir)
    if (ig === undefined) {
      const file = join(dir, '.gitignore')
      ig = existsSync(file) ? makeIgnore().add(readFileSync(file, 'utf8')) : null
      this.byDir.set(dir, ig)
    }
    return ig
  }

  /** The nearest folder holding `.git`, or the working directory when there is none. */
  private repoRoot(dir: string): string {
    const cached = this.rootCache.get(dir)
    if (cached) return cached
    let root = resolve(this.cwd)
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, '.git'))) {
        root = d
        break
      }
      if (dirname(d) === d) break
    }
    this.rootCache.set(dir, root)
    return root
  }
}
