// The `install-hook` command: a git pre-commit hook that audits the staged files.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../core/errors.js'
import { gitTopLevel } from '../io/git-index.js'
import { writeFileAtomic } from '../io/write.js'
import { writeErr } from './io.js'

/** The line that marks a hook as ours: only such a hook is replaced without `--force`. */
export const hookMarker = '# mask-audit pre-commit hook'

const binPath = fileURLToPath(new URL('../../bin/mask-audit.js', import.meta.url))

/** The hook script: runs this installation of mask-audit on the staged files. */
export function hookScript(node = process.execPath, bin = binPath): string {
  return `#!/bin/sh
${hookMarker} (written by \`mask-audit install-hook\`, which rewrites it when run again)
# Audits the staged version of each staged .txt/.md file; findings at error level stop the commit.
# Skip it once with \`git commit --no-verify\`.
exec ${shellQuote(node)} ${shellQuote(bin)} check --staged
`
}

/** Runs `install-hook`: writes `.git/hooks/pre-commit` (or the hooks path git is set to). */
export function runInstallHook(options: { force?: boolean }, cwd = process.cwd()): number {
  gitTopLevel(cwd)
  const hooksDir = resolve(cwd, execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { cwd, encoding: 'utf8' }).trim())
  const path = join(hooksDir, 'pre-commit')
  if (existsSync(path) && !readFileSync(path, 'utf8').includes(hookMarker) && !options.force) {
    throw new UsageError('a pre-commit hook is there already and mask-audit did not write it', { path }, 'add `mask-audit check --staged` to it, or pass --force to replace it')
  }
  mkdirSync(hooksDir, { recursive: true })
  writeFileAtomic(path, Buffer.from(hookScript(), 'utf8'))
  chmodSync(path, 0o755)
  writeErr(`wrote ${path}`)
  return 0
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}
