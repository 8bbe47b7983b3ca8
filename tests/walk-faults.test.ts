// Walking folders a hostile or broken tree: unreadable folders, symbolic link cycles.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandPaths } from '../src/io/walk.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

function tree(): string {
  const dir = makeTempDir('walk-')
  mkdirSync(join(dir, 'a', 'locked'), { recursive: true })
  mkdirSync(join(dir, 'b'))
  writeFileSync(join(dir, 'a', 'one.txt'), '学习x次。\n')
  writeFileSync(join(dir, 'a', 'locked', 'hidden.txt'), '学习x次。\n')
  writeFileSync(join(dir, 'b', 'two.txt'), '学习x次。\n')
  return dir
}

/** readdirSync failing with EACCES for folders named `locked`: works as root, where chmod 000 does not stop a read. */
const lockedOut = ((path: string, options?: never) => {
  if (path.endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' })
  return readdirSync(path, options)
}) as typeof readdirSync

describe('walking folders', () => {
  it('an unreadable subfolder is one error naming it; the rest is walked', () => {
    const dir = tree()
    const { files, errors } = expandPaths([dir], { readdirSync: lockedOut, respectGitignore: false })
    expect(files).toEqual([join(dir, 'a', 'one.txt'), join(dir, 'b', 'two.txt')])
    expect(errors.map((e) => e.format())).toEqual([`${join(dir, 'a', 'locked')}: cannot read folder: permission denied`])
  })

  it('an unreadable folder under a glob is one error too', () => {
    const dir = tree()
    const { files, errors } = expandPaths(['**/*.txt'], { cwd: dir, readdirSync: lockedOut, respectGitignore: false })
    expect(files.sort()).toEqual(['a/one.txt', 'b/two.txt'])
    expect(errors.map((e) => e.format())).toEqual([`a/locked: cannot read folder: permission denied`])
  })

  it('two symbolic link cycles: each reported once, every file audited once, no hang', () => {
    const dir = tree()
    symlinkSync('..', join(dir, 'a', 'up'))
    symlinkSync('.', join(dir, 'b', 'loop'))
    const { files, errors } = expandPaths([dir], { respectGitignore: false })
    expect(files).toEqual([join(dir, 'a', 'locked', 'hidden.txt'), join(dir, 'a', 'one.txt'), join(dir, 'b', 'two.txt')])
    expect(errors.map((e) => e.format()).sort()).toEqual([
      `${join(dir, 'a', 'up')}: symbolic link cycle: leads back to ${dir}; not followed`,
      `${join(dir, 'b', 'loop')}: symbolic link cycle: leads back to ${join(dir, 'b')}; not followed`,
    ])
  })

  it('on the command line: the cycle is a one-line error, exit 2, the files are still audited', () => {
    const dir = tree()
    symlinkSync('..', join(dir, 'a', 'up'))
    const r = runCli([dir, '--format', 'jsonl'])
    expect(r.code).toBe(2)
    expect(r.stdout.trim().split('\n')).toHaveLength(3)
    expect(r.stderr.trim()).toBe(`mask-audit: ${join(dir, 'a', 'up')}: symbolic link cycle: leads back to ${dir}; not followed`)
  })
})
