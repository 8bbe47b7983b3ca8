// The `install-hook` command: a git pre-commit hook that audits the staged files.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UsageError } from '../core/errors.js'
import { gitTopLevel } from '../io/git-index.js'
import { writeFileAtomic } from '../io/write.js'
import { writeErr } from './io.js'

/** The line that marks a hook as ours: only such a hook is replaced without `--force`. */
export const hookMarker = '# mask-audit pre-commit hook'

/**
 * The hook script. It names no path of this machine, so it works for every clone: git runs
 * hooks from the top of the work tree, where the repository's own mask-audit is
 * `node_modules/.bin/mask-audit` (a dev dependency); failing that, the one on PATH. Either
 * starts with the `node` found on PATH.
 */
export function hookScript(): string {
  return `#!/bin/sh
${hookMarker} (written by \`mask-audit install-hook\`, which rewrites it when run again)
# Audits the staged version of each staged .txt/.md/.html/.docx file; findings at error level
# stop the commit. Skip it once with \`git commit --no-verify\`.
if [ -x node_modules/.bin/mask-audit ]; then
  exec node_modules/.bin/mask-audit check --staged
elif command -v mask-audit >/dev/null 2>&1; then
  exec mask-audit check --staged
fi
echo 'mask-audit pre-commit hook: mask-audit is not installed here; run \`npm install --save-dev mask-audit\`, or skip the check once with \`git commit --no-verify\`' >&2
exit 1
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
