// --fix and the writers keep what the user has: symbolic links stay links, hard links stay
// linked, owner and mode stay; only the fixes reported are applied; no temp file is left.
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, linkSync, mkdtempSync, openSync, rmSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../src/io/write.js'
import { documentFromText } from '../src/io/read-document.js'
import { fixFile } from '../src/run/fix-file.js'
import { activateRules } from '../src/rules/loader.js'
import { textIn } from '../src/i18n/catalogue.js'
import { builtinRules, repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const draft = '2023年工作总结\n深入学习党的十二大精神，截止目前已完成。\n'
const fixed = '2023年工作总结\n深入学习党的二十大精神，截至目前已完成。\n'

beforeEach(() => {
  dir = makeTempDir('fix-integrity-')
})

describe('--fix on links', () => {
  it('edits the target of a symbolic link and keeps the link', () => {
    mkdirSync(join(dir, 'real'))
    writeFileSync(join(dir, 'real', 'a.txt'), draft)
    symlinkSync('real/a.txt', join(dir, 'link.txt'))
    const r = runCli(['link.txt', '--fix'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: applied 2 fixes in 1 file')
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(dir, 'real', 'a.txt'), 'utf8')).toBe(fixed)
    expect(readdirSync(join(dir, 'real'))).toEqual(['a.txt'])
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'real'])
  })

  it('keeps hard links linked: every name sees the fix', () => {
    writeFileSync(join(dir, 'a.txt'), draft)
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'))
    runCli(['a.txt', '--fix'], { cwd: dir })
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe(fixed)
    expect(statSync(join(dir, 'a.txt')).ino).toBe(statSync(join(dir, 'b.txt')).ino)
    expect(statSync(join(dir, 'a.txt')).nlink).toBe(2)
  })

  it('keeps mode, owner and group', () => {
    writeFileSync(join(dir, 'a.txt'), draft, { mode: 0o640 })
    const isRoot = process.getuid?.() === 0
    // As root the file can be given to another user, and must stay theirs; otherwise it stays ours.
    if (isRoot) chownSync(join(dir, 'a.txt'), 1234, 5678)
    const before = statSync(join(dir, 'a.txt'))
    runCli(['a.txt', '--fix'], { cwd: dir })
    const after = statSync(join(dir, 'a.txt'))
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(fixed)
    expect([after.mode & 0o777, after.uid, after.gid]).toEqual([0o640, before.uid, before.gid])
  })
})

describe('--fix applies exactly the fixes it reports', () => {
  it('removing a page-break tag that joins ##paid and end## into a tag does not remove that tag too', () => {
    const text = '##paidbegin##付费正文##paid##pagebreak##end##\n'
    writeFileSync(join(dir, 'a.txt'), text)
    const reported = runCli(['a.txt', '--format', 'jsonl'], { cwd: dir }).stdout.trim().split('\n').map((l) => JSON.parse(l))
    const fixable = reported.filter((f) => f.fix !== null).map((f) => f.text)
    expect(fixable).toEqual(['##pagebreak##'])
    const r = runCli(['a.txt', '--fix', '--format', 'jsonl'], { cwd: dir })
    expect(r.stderr.trim()).toBe('mask-audit: applied 1 fix in 1 file')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('##paidbegin##付费正文##paidend##\n')
    // What the one pass made fixable is reported, with its fix, for the next run.
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((f) => f.fix !== null).map((f) => f.text)).toEqual(['##paidbegin##', '##paidend##'])
  })
})

describe('a failing write', () => {
  it('leaves no temp file and the original untouched (a full disk)', () => {
    writeFileSync(join(dir, 'a.txt'), 'old')
    const full = ((fd: number, buffer: Uint8Array, offset?: number) => {
      writeSync(fd, buffer, offset, 1)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }) as typeof writeSync
    expect(() => writeFileAtomic(join(dir, 'a.txt'), Buffer.from('new text'), { writeSync: full })).toThrow(/cannot write: no space left on the device/)
    expect(readdirSync(dir)).toEqual(['a.txt'])
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old')
  })

  it('a folder that refuses the temp file or the rename: a file that may be written is written in place', () => {
    const path = join(dir, 'a.txt')
    writeFileSync(path, 'old text')
    const inode = statSync(path).ino
    const denied = ((file: string, ...rest: unknown[]) => {
      if (file.endsWith('.tmp')) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' })
      return (openSync as (...args: unknown[]) => number)(file, ...rest)
    }) as typeof openSync
    writeFileAtomic(path, Buffer.from('new and longer text'), { openSync: denied })
    expect(readFileSync(path, 'utf8')).toBe('new and longer text')
    expect(statSync(path).ino).toBe(inode)
    writeFileAtomic(path, Buffer.from('short'), { openSync: denied })
    expect(readFileSync(path, 'utf8')).toBe('short')
    expect(readdirSync(dir)).toEqual(['a.txt'])
    // A file that does not exist yet cannot be written in place: the folder's refusal is the error.
    expect(() => writeFileAtomic(join(dir, 'new.txt'), Buffer.from('x'), { openSync: denied })).toThrow(/^cannot write: permission denied/)
  })

  it('in place, a full disk fails before the old contents are touched, and the file keeps its length', () => {
    const path = join(dir, 'a.txt')
    writeFileSync(path, 'old')
    const denied = ((file: string, ...rest: unknown[]) => {
      if (file.endsWith('.tmp')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      return (openSync as (...args: unknown[]) => number)(file, ...rest)
    }) as typeof openSync
    const full = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number) => {
      writeSync(fd, buffer, offset, 1, position)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }) as typeof writeSync
    expect(() => writeFileAtomic(path, Buffer.from('new text'), { openSync: denied, writeSync: full })).toThrow(/cannot write: no space left on the device/)
    expect(readFileSync(path, 'utf8')).toBe('old')
    linkSync(path, join(dir, 'b.txt'))
    expect(() => writeFileAtomic(path, Buffer.from('new text'), { writeSync: full })).toThrow(/cannot write in place \(the file has other hard links\): no space left on the device/)
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('old')
  })

  it.runIf(process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0)('--fix as a user who may write the file but not its folder: fixed in place', () => {
    const open = mkdtempSync(join(tmpdir(), 'mask-audit-fix-folder-ro-'))
    writeFileSync(join(open, 'c.txt'), draft)
    chmodSync(join(open, 'c.txt'), 0o666)
    chmodSync(open, 0o555)
    const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(repoRoot, 'bin', 'mask-audit.js'), 'c.txt', '--fix'], { cwd: open, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' } })
    const text = readFileSync(join(open, 'c.txt'), 'utf8')
    const left = readdirSync(open)
    rmSync(open, { recursive: true, force: true })
    expect(r.stderr.trim()).toBe('mask-audit: applied 2 fixes in 1 file')
    expect(r.status).toBe(0)
    expect(text).toBe(fixed)
    expect(left).toEqual(['c.txt'])
  })

  it('redact: an output that cannot be written is one line, exit 2, and no temp file is left', () => {
    writeFileSync(join(dir, 'report.txt'), '在大王庄村调研时，张建国同志指出要做好工作。\n')
    mkdirSync(join(dir, 'out.txt'))
    const r = runCli(['redact', 'report.txt', '-o', 'out.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr.trim()).toBe('mask-audit: out.txt: cannot write: is a directory')
    expect(readdirSync(dir).sort()).toEqual(['out.txt', 'report.txt'])
    expect(readdirSync(join(dir, 'out.txt'))).toEqual([])
  })

  it('redact refuses what it cannot read as check does: an image by what it is, a missing file in one line', () => {
    writeFileSync(join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    const image = runCli(['redact', 'scan.png', '-o', 'out.txt', '--lang', 'en'], { cwd: dir })
    const checked = runCli(['check', 'scan.png', '--lang', 'en'], { cwd: dir })
    expect(image.code).toBe(2)
    expect(image.stderr).toContain('scan.png: an image: its text cannot be read')
    expect(checked.stderr).toContain('scan.png: an image: its text cannot be read')
    const missing = runCli(['redact', 'nope.txt', '-o', 'out.txt', '--lang', 'en'], { cwd: dir })
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe('mask-audit: nope.txt: no such file')
    expect(readdirSync(dir).sort()).toEqual(['scan.png'])
  })
})

describe('--fix that cannot write the file', () => {
  it('keeps the findings of the file as found, says why the fix is missing, and marks it for exit 2', async () => {
    const path = join(dir, 'no-such-folder', 'c.txt')
    const text = '截止目前，完成任务。全年学习**次。\n'
    const doc = await documentFromText(text, path)
    const outcome = await fixFile(path, { rules: activateRules(builtinRules, 'draft'), filters: [] }, [], async () => doc, false)
    expect(outcome.notWritten).toBe(true)
    expect(outcome.applied).toBe(0)
    expect(outcome.result.error).toBeUndefined()
    expect(outcome.result.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['count/unfilled']))
    expect(outcome.result.findings.some((f) => f.fix !== undefined)).toBe(true)
    expect(textIn('en', outcome.result.notice!)).toBe('not fixed: cannot write: its folder does not exist (the file is left as it was; its findings are reported as found)')
  })

  it.runIf(process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0)('as a user who may not write it: findings reported, exit 2', () => {
    // The suites' run folder is private to root: this one must be reachable by nobody.
    const open = mkdtempSync(join(tmpdir(), 'mask-audit-fix-ro-'))
    chmodSync(open, 0o755)
    writeFileSync(join(open, 'c.txt'), '截止目前，完成任务。全年学习**次。\n')
    chmodSync(join(open, 'c.txt'), 0o444)
    const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(repoRoot, 'bin', 'mask-audit.js'), 'c.txt', '--fix', '-f', 'json'], { cwd: open, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' } })
    rmSync(open, { recursive: true, force: true })
    expect(r.status).toBe(2)
    const out = JSON.parse(r.stdout)
    expect(out.summary.errors).toBe(1)
    expect(out.files[0].error).toBeUndefined()
    expect(r.stderr).toContain('c.txt: not fixed: cannot write: permission denied')
  })
})
