// Reads what is staged in git (the index), not the working tree: for `--staged` and pre-commit.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { relative, resolve, sep } from 'node:path'
import type { Document } from '../core/document.js'
import { InputError, UsageError } from '../core/errors.js'
import { documentFromBytes, maxFileBytes } from './read-document.js'

// child_process is required on use: loading it costs every `check` a few milliseconds.
const require = createRequire(import.meta.url)
const childProcess = (): typeof import('node:child_process') => require('node:child_process') as typeof import('node:child_process')

/** The top folder of the git work tree holding `cwd`; UsageError when there is none. */
export function gitTopLevel(cwd = process.cwd()): string {
  try {
    return childProcess().execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch {
    throw new UsageError(localText('error.not-git'), {}, localText('error.not-git.hint'))
  }
}

/**
 * Paths (relative to `cwd`) of the files added, copied, modified or renamed in the index,
 * limited to `pathspecs` when given. Deleted files have nothing to check.
 */
export function stagedPaths(pathspecs: readonly string[], cwd = process.cwd()): string[] {
  const top = gitTopLevel(cwd)
  const out = childProcess().execFileSync('git', ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--', ...pathspecs], { cwd, maxBuffer: 256 * 1024 * 1024 })
  return out
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((p) => relative(cwd, resolve(top, p)).split(sep).join('/'))
}

/** Reads the staged blob of `path` (relative to the working directory) into a Document, with the reader of its extension. */
export async function readStagedDocument(path: string): Promise<Document> {
  return documentFromBytes(await readStagedBytes(path), path)
}

/** The staged blob of `path` (relative to the working directory). */
export async function readStagedBytes(path: string): Promise<Uint8Array> {
  let bytes: Buffer
  try {
    bytes = await new Promise<Buffer>((resolveBytes, reject) => {
      childProcess().execFile('git', ['show', `:./${path.split(sep).join('/')}`], { encoding: 'buffer', maxBuffer: maxFileBytes }, (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolveBytes(stdout)))
    })
  } catch (error) {
    const reason = ((error as { stderr?: Buffer }).stderr?.toString('utf8').trim().split('\n')[0] ?? '') || String(error)
    throw new InputError(localText('error.cannot-read-staged', { reason }), { path })
  }
  return bytes
}
