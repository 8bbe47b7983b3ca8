// Expands the paths and globs of the command line into the files to audit: directories are
// walked for text files, `.gitignore` is honoured, every path keeps the form it was given in.
import { localText, type LocalText } from '../i18n/catalogue.js'
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import type { Ignore } from 'ignore'
import { InputError } from '../core/errors.js'
import { readableExtensions, sniffedExtensions, unsupportedFormats } from './readers.js'
import { contentKind, isReadableKind, readHead } from './content-kind.js'
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
  /**
   * False with `--no-error-on-unmatched-pattern` (ESLint's flag): a folder with nothing to
   * audit, a glob matching no file, or files all left out by .gitignore are a note, not an
   * error, so a nightly run over a drop folder that is sometimes empty exits 0. A path that
   * does not exist is an error all the same.
   */
  readonly errorOnUnmatched?: boolean
  /**
   * True with `--follow-symlinks`: a symbolic link to a folder outside the tree walked (the
   * folder named, or a glob's folder) is followed. Without it, as ripgrep without `-L`, such a
   * link is not walked (an archive holding a link to `/` would walk the disk) and is named in a
   * note; a link within the tree is followed, its files audited once. A file named, or a link
   * to a file, is read wherever it points.
   */
  readonly followSymlinks?: boolean
  /** Lists a folder (`fs.readdirSync`); tests put a failing one in. */
  readonly readdirSync?: typeof readdirSync
}

/** The files to audit, in a stable order, the arguments that named nothing, and notes for stderr. */
export interface WalkResult {
  readonly files: string[]
  readonly errors: InputError[]
  /**
   * What the walk left out that a user would want to know of: files of formats no reader reads
   * (`.doc`, `.pdf`, `.xlsx`, `.jpg`: one line, counted by extension), `--ignore` patterns that
   * matched no file.
   */
  readonly notes: LocalText[]
  /**
   * For each file a folder's walk found, its path relative to that folder, with `/`: what
   * `--shard` hashes, so that machines naming one tree differently (`/data/archive`,
   * `/mnt/nas/archive`, `.`) split it alike. Files named or matched by a glob have none.
   */
  readonly shardKeys: ReadonlyMap<string, string>
}

const alwaysIgnored = ['**/node_modules/**', '**/.git/**']

const require = createRequire(import.meta.url)
/** fast-glob, picomatch and ignore are loaded only when a directory or glob is walked: one named file needs none. */
const fastGlob = () => require('fast-glob') as typeof import('fast-glob')
const picomatch = () => require('picomatch') as typeof import('picomatch')
const makeIgnore = (): Ignore => (require('ignore') as () => Ignore)()

/** Expands `args` (files, directories, globs) into files. */
export function expandPaths(args: readonly string[], options: WalkOptions = {}): WalkResult {
  const cwd = options.cwd ?? process.cwd()
  const extensions = new Set((options.extensions ?? defaultExtensions).map((e) => '.' + e.toLowerCase()))
  const files: string[] = []
  const errors: InputError[] = []
  const unread = new Map<string, number>()
  const shardKeys = new Map<string, string>()
  const gitignore = options.respectGitignore === false ? undefined : new GitignoreCache(cwd)
  const ignore = new IgnorePatterns(options.ignore ?? [], cwd)
  const unmatchedNotes: LocalText[] = []
  const guarding = { list: options.readdirSync ?? readdirSync, followsLinksOut: options.followSymlinks === true }
  /** Symbolic links to folders outside the tree walked, not followed: said in one note. */
  const linksOutside: string[] = []
  /** An argument that named no file to audit: an error, or a note under `errorOnUnmatched: false`. */
  const unmatched = (error: InputError) => {
    if (options.errorOnUnmatched !== false) errors.push(error)
    else unmatchedNotes.push(localText('walk.unmatched', { path: error.location.path ?? '', reason: error.text }))
  }
  /** Keeps what a reader reads; counts the known formats no reader reads; folders are passed over. */
  const pick = (entries: readonly import('fast-glob').Entry[], root: string, shownRoot: string): string[] => {
    const kept: string[] = []
    for (const { path, dirent } of entries) {
      if (dirent.isDirectory()) continue
      const ext = extname(path).toLowerCase()
      if (ignore.isIgnored(path, root)) continue
      // A named pipe, socket, device or broken link goes to the reader, which says what it is.
      // A `.doc` is read when it holds what a reader reads (a .docx package, a web page, text:
      // web systems save those as .doc); a Word 97–2003 file is counted with the unread formats.
      const isRead = extensions.has(ext) || (sniffedExtensions.has(ext) && dirent.isFile() && isReadableKind(contentKind(readHead(join(root, path)))))
      if (isRead) {
        const shown = join(shownRoot, path)
        kept.push(shown)
        shardKeys.set(shown, path)
      }
      else if (dirent.isFile() && unsupportedFormats[ext] !== undefined) unread.set(ext, (unread.get(ext) ?? 0) + 1)
    }
    return kept
  }
  for (const arg of args) {
    const abs = resolve(cwd, arg)
    const info = statOrUndefined(abs) ?? brokenLinkOrUndefined(abs)
    let found: string[]
    // Anything named that is not a folder is read: a file, or a pipe (`<(zcat report.txt.gz)`).
    if (info && !info.isDirectory()) found = [arg]
    else if (info?.isDirectory()) {
      const guard = new FolderGuard(abs, arg, { ...guarding, isSkipped: (dir) => ignore.isIgnored(dir, abs) })
      const entries = fastGlob().sync('**/*', { cwd: abs, ignore: alwaysIgnored, dot: false, onlyFiles: false, objectMode: true, fs: { readdirSync: guard.readdirSync } })
      found = pick(entries, abs, arg)
      errors.push(...guard.errors)
      linksOutside.push(...guard.linksOutside)
      if (found.length === 0) unmatched(new InputError(localText('error.no-files-in-dir', { extensions: [...extensions] }), { path: arg }))
    } else if (fastGlob().isDynamicPattern(arg)) {
      // A glob whose folder does not exist (`drop/**/*.md`) matches nothing, which is said once
      // below. Its tree is the folder its pattern starts from (`/data/archive` of `/data/archive/**/*.md`).
      const base = resolve(cwd, picomatch().scan(arg).base)
      const guard = new FolderGuard(cwd, '.', { ...guarding, isSkipped: (dir) => ignore.isIgnored(dir, cwd), isMissingQuiet: true, tree: base })
      const entries = fastGlob().sync(arg, { cwd, ignore: alwaysIgnored, onlyFiles: false, objectMode: true, fs: { readdirSync: guard.readdirSync } })
      // A glob names its files itself: whatever it matches is read, whatever the extension.
      found = entries.filter((e) => !e.dirent.isDirectory() && !ignore.isIgnored(e.path, cwd)).map((e) => e.path)
      errors.push(...guard.errors)
      linksOutside.push(...guard.linksOutside)
      if (found.length === 0) unmatched(new InputError(localText('error.no-glob-match'), { path: arg }))
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
      unmatched(new InputError(localText('error.all-gitignored', { count: found.length }), { path: arg }, localText('error.all-gitignored.hint')))
    }
    files.push(...kept.sort(comparePaths))
  }
  return { files: oncePerFile(files, cwd), errors, notes: [...unmatchedNotes, ...linksOutsideNote(linksOutside), ...unreadNote(unread), ...ignore.unusedNotes()], shardKeys }
}

/**
 * Each file once: `a.txt ./a.txt`, or a symbolic link and its target in the same tree, name one
 * file, whose findings were reported twice (and whose fixes `--fix-dry-run` listed twice, a
 * diff `git apply` refuses). Compared by real path; the file keeps the first name it was met by
 * that is no link (else the first name), in its place. A path that does not resolve (a broken
 * link) stays, for the reader to say what it is.
 */
function oncePerFile(files: readonly string[], cwd: string): string[] {
  const winner = new Map<string, { index: number; isReal: boolean }>()
  files.forEach((file, index) => {
    const abs = resolve(cwd, file)
    let real: string
    try {
      real = realpathSync.native(abs)
    } catch {
      real = abs
    }
    const isReal = real === abs
    const best = winner.get(real)
    if (best === undefined || (isReal && !best.isReal)) winner.set(real, { index, isReal })
  })
  if (winner.size === files.length) return [...files]
  const kept = new Set([...winner.values()].map((w) => w.index))
  return files.filter((_, index) => kept.has(index))
}

/** One line naming the symbolic links to folders outside the tree that were not followed (the first few, then how many). */
function linksOutsideNote(links: readonly string[]): LocalText[] {
  if (links.length === 0) return []
  const shown = links.slice(0, 3)
  return [localText('walk.links-outside', { count: links.length, list: links.length > shown.length ? [...shown, '…'] : shown })]
}

/** One line counting the files of known but unread formats by extension, most first: `.doc 5, .pdf 4`. */
function unreadNote(unread: ReadonlyMap<string, number>): LocalText[] {
  if (unread.size === 0) return []
  const byCount = [...unread].sort((a, b) => b[1] - a[1] || comparePaths(a[0], b[0]))
  const count = byCount.reduce((n, [, k]) => n + k, 0)
  return [localText('walk.skipped-unsupported', { count, list: byCount.map(([ext, k]) => `${ext} ${k}`) })]
}

/**
 * The `--ignore` patterns, matched as ESLint's `--ignore-pattern` and a .gitignore at the
 * working folder are: against a path relative to the current folder (`archive/plain/**`, as
 * typed from where the command runs), and, as before, relative to the folder walked
 * (`plain/**` when walking `archive`). A pattern naming a folder (`archive/plain`) leaves out
 * everything below it. Each pattern remembers whether it left anything out, so that one
 * matching nothing (a typo, a wrong base) can be named.
 */
class IgnorePatterns {
  private readonly matchers: { readonly pattern: string; readonly test: (path: string) => boolean; used: boolean }[]

  constructor(
    patterns: readonly string[],
    private readonly cwd: string,
  ) {
    this.matchers = patterns.map((pattern) => {
      const bare = pattern.replace(/^\.\//, '').replace(/\/+$/, '')
      const test = picomatch()([bare, `${bare}/**`], { dot: true })
      return { pattern, test, used: false }
    })
  }

  /** True when a pattern leaves out `relPath` (relative to the folder walked, `root`), or the same file as seen from the current folder. */
  isIgnored(relPath: string, root: string): boolean {
    if (this.matchers.length === 0) return false
    const fromCwd = relative(this.cwd, resolve(root, relPath)).split(sep).join('/')
    const fromRoot = relPath.split(sep).join('/')
    let isIgnored = false
    for (const m of this.matchers) {
      if (m.test(fromRoot) || (!fromCwd.startsWith('../') && m.test(fromCwd))) {
        m.used = true
        isIgnored = true
      }
    }
    return isIgnored
  }

  /** A note for each pattern that left out no file. */
  unusedNotes(): LocalText[] {
    return this.matchers.filter((m) => !m.used).map((m) => localText('walk.ignore-unused', { pattern: m.pattern }))
  }
}

/** How a {@link FolderGuard} lists folders and which it passes over. */
interface GuardOptions {
  /** Lists a folder (`fs.readdirSync`, or a test's). */
  readonly list: typeof readdirSync
  /** True for a folder (relative to the root) an `--ignore` pattern leaves out: it is not read at all. */
  readonly isSkipped?: (relDir: string) => boolean
  /** True when a folder that does not exist is passed over without an error (a glob's folder). */
  readonly isMissingQuiet?: boolean
  /** True when links to folders outside the tree are followed (`--follow-symlinks`). */
  readonly followsLinksOut?: boolean
  /** The tree the walk stays in, when not the root (a glob's folder). */
  readonly tree?: string
}

/**
 * Lists folders for fast-glob, so that one bad folder cannot stop a walk: a folder that cannot
 * be read becomes an error naming it and counts as empty; a folder reached again through a
 * symbolic link is not walked twice, and a link that leads back into its own ancestors (a
 * cycle, which fast-glob would follow until memory runs out) is reported once. A folder whose
 * real path is outside the tree (reached through a link) is not walked, unless asked.
 */
class FolderGuard {
  readonly errors: InputError[] = []
  /** The links to folders outside the tree that were not followed, as shown. */
  readonly linksOutside: string[] = []
  private readonly walked = new Set<string>()
  private readonly realOf = new Map<string, string>()
  private realTree: string | undefined | null = null

  constructor(
    private readonly root: string,
    private readonly shownRoot: string,
    private readonly options: GuardOptions,
  ) {}

  readonly readdirSync = ((dir: string, options?: unknown) => {
    if (dir !== this.root && this.options.isSkipped?.(relative(this.root, dir))) return []
    const real = this.real(dir)
    if (real === undefined) return []
    if (!this.options.followsLinksOut && this.isOutsideTree(real)) {
      this.linksOutside.push(this.shown(dir))
      return []
    }
    if (this.walked.has(real)) {
      const ancestor = this.ancestorAt(dir, real)
      if (ancestor !== undefined) this.errors.push(new InputError(localText('error.symlink-cycle', { target: this.shown(ancestor) }), { path: this.shown(dir) }))
      return []
    }
    this.walked.add(real)
    try {
      return (this.options.list as (p: string, o?: unknown) => unknown)(dir, options)
    } catch (error) {
      this.errors.push(new InputError(localText('error.cannot-read-folder', { reason: describeErrno(error) }), { path: this.shown(dir) }))
      return []
    }
  }) as typeof readdirSync

  /** True when `real` (a folder's real path) is outside the real path of the tree: a link to `/` or to the folder above is outside too. */
  private isOutsideTree(real: string): boolean {
    if (this.realTree === null) this.realTree = this.options.tree === undefined ? this.real(this.root) : realpathOrUndefined(this.options.tree)
    const tree = this.realTree
    if (tree === undefined) return false
    return !(real === tree || tree === sep || real.startsWith(tree + sep))
  }

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
        if (!(this.options.isMissingQuiet && (error as NodeJS.ErrnoException).code === 'ENOENT')) this.errors.push(new InputError(localText('error.cannot-read-folder', { reason: describeErrno(error) }), { path: this.shown(dir) }))
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

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** A symbolic link whose target is missing or itself (named on the command line): the reader says which. */
function brokenLinkOrUndefined(path: string) {
  try {
    const info = lstatSync(path)
    return info.isSymbolicLink() ? info : undefined
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
