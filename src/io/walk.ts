// Expands the paths and globs of the command line into the files to audit: directories are
// walked for text files, `.gitignore` is honoured, every path keeps the form it was given in.
import { localText } from '../i18n/catalogue.js'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Ignore } from 'ignore'
import { InputError } from '../core/errors.js'
import { readableExtensions } from './readers.js'

/** Extensions of the files a directory walk picks up: every format a reader is registered for. */
export const defaultExtensions: readonly string[] = readableExtensions

/** What to walk and what to leave out. */
export interface WalkOptions {
  readonly extensions?: readonly string[]
  /** Extra glob patterns to leave out (`--ignore`, config `ignore`). */
  readonly ignore?: readonly string[]
  readonly respectGitignore?: boolean
  readonly cwd?: string
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
      found = fastGlob().sync(`**/${extGlob}`, { cwd: abs, ignore: [...alwaysIgnored, ...(options.ignore ?? [])], dot: false, caseSensitiveMatch: false }).map((f) => join(arg, f))
      if (found.length === 0) errors.push(new InputError(localText('error.no-files-in-dir', { extensions: extensions.map((e) => '.' + e) }), { path: arg }))
    } else if (fastGlob().isDynamicPattern(arg)) {
      found = fastGlob().sync(arg, { cwd, ignore: [...alwaysIgnored, ...(options.ignore ?? [])], onlyFiles: true })
      if (found.length === 0) errors.push(new InputError(localText('error.no-glob-match'), { path: arg }))
    } else {
      errors.push(new InputError(localText('error.no-such-file'), { path: arg }))
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
