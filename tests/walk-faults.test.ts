// Walking folders a hostile or broken tree: unreadable folders, symbolic link cycles.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandPaths } from '../src/io/walk.js'
import { formatText } from '../src/i18n/catalogue.js'
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
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.filter((l) => l.ruleId !== undefined)).toHaveLength(3)
    expect(lines.filter((l) => l.error !== undefined)).toEqual([{ path: join(dir, 'a', 'up'), error: `symbolic link cycle: leads back to ${dir}; not followed` }])
    expect(r.stderr.trim()).toBe(`mask-audit: ${join(dir, 'a', 'up')}: symbolic link cycle: leads back to ${dir}; not followed`)
  })
})

describe('path errors in the machine-readable reports', () => {
  it('a missing path, a link cycle and an empty folder are entries as an unreadable file is: json, jsonl, sarif, csv', () => {
    const dir = tree()
    symlinkSync('.', join(dir, 'a', 'up'))
    mkdirSync(join(dir, 'empty'))
    const args = ['a', 'b/two.txt', 'nope.txt', 'empty']
    const json = runCli([...args, '-f', 'json'], { cwd: dir })
    expect(json.code).toBe(2)
    const out = JSON.parse(json.stdout)
    const errors = out.files.filter((f: { error?: string }) => f.error !== undefined)
    expect(errors).toEqual([
      { path: join('a', 'up'), error: 'symbolic link cycle: leads back to a; not followed', findings: [] },
      { path: 'nope.txt', error: 'no such file or directory', findings: [] },
      { path: 'empty', error: expect.stringMatching(/^no files to check/), findings: [] },
    ])
    // Not counted among the files: `summary.files` counts what was audited or unreadable.
    expect(out.summary).toMatchObject({ files: 3, unreadable: 0, pathErrors: 3 })
    const jsonl = runCli([...args, '-f', 'jsonl'], { cwd: dir }).stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(jsonl.filter((l) => l.error !== undefined).map((l) => l.path)).toEqual([join('a', 'up'), 'nope.txt', 'empty'])
    const sarif = JSON.parse(runCli([...args, '-f', 'sarif'], { cwd: dir }).stdout)
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications
    expect(notes.map((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['a/up', 'nope.txt', 'empty'])
    expect(notes[1].message.text).toBe('cannot read: no such file or directory')
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false)
    expect(runCli([...args, '-f', 'csv'], { cwd: dir }).stdout).toContain('nope.txt,,,,,error,,input,no such file or directory')
  })
})

describe('what a walk leaves out, said', () => {
  it('a named pipe or a broken link in a folder is one line each, not skipped in silence', () => {
    const dir = tree()
    const made = spawnSync('mkfifo', [join(dir, 'a', 'pipe.txt')])
    symlinkSync('gone.txt', join(dir, 'b', 'dangling.txt'))
    const r = runCli([dir, '--format', 'jsonl'])
    expect(r.code).toBe(2)
    const lines = r.stderr.trim().split('\n')
    if (made.status === 0) expect(lines).toContain(`mask-audit: ${join(dir, 'a', 'pipe.txt')}: not a regular file (a named pipe) (to audit what a pipe carries, send it to --stdin)`)
    expect(lines).toContain(`mask-audit: ${join(dir, 'b', 'dangling.txt')}: broken symbolic link: its target does not exist`)
    expect(r.stdout.trim().split('\n').filter((l) => JSON.parse(l).ruleId !== undefined)).toHaveLength(3)
  })

  it('files of formats no reader reads are counted in one line at the end, by extension; other files are not', () => {
    const dir = tree()
    for (const name of ['scan.pdf', 'table.xlsx', 'photo.jpg', 'notes.csv', 'run.sh']) writeFileSync(join(dir, 'b', name), 'x')
    // A .doc is counted when it is a Word 97–2003 file; one that holds a web page or text is read (below).
    for (const name of ['old.doc', 'x.DOC']) writeFileSync(join(dir, 'b', name), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    const r = runCli([dir, '--format', 'jsonl'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('mask-audit: skipped 5 files of formats not read (.doc 2, .jpg 1, .pdf 1, .xlsx 1); Word 97–2003, WPS, PDF, spreadsheets and images need converting to .docx or text first\n')
    expect(runCli([dir, '--format', 'jsonl'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toMatch(/^mask-audit: 跳过 5 个不支持格式的文件（\.doc 2、\.jpg 1、\.pdf 1、\.xlsx 1）/)
    // Named, such a file says what it is, not "binary file".
    expect(runCli([join(dir, 'b', 'table.xlsx')]).stderr).toMatch(/table\.xlsx: spreadsheets and presentations are not supported/)
  })

  it('a .doc that holds a web page or text is walked and read; a Word 97–2003 one is counted', () => {
    const dir = tree()
    writeFileSync(join(dir, 'b', 'page.doc'), '<html><body>学习x次。</body></html>\n')
    writeFileSync(join(dir, 'b', 'plain.DOC'), '学习x次。\n')
    writeFileSync(join(dir, 'b', 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    const r = runCli(['b', '--format', 'jsonl'], { cwd: dir })
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path)).toEqual(['b/page.doc', 'b/plain.DOC', 'b/two.txt'])
    expect(r.stderr).toMatch(/^mask-audit: skipped 1 file of a format not read \(\.doc 1\)/)
  })

  it('--ignore patterns match relative to the current folder and, as before, to the folder walked; one that matches nothing is named', () => {
    const dir = tree()
    mkdirSync(join(dir, 'archive', 'plain'), { recursive: true })
    writeFileSync(join(dir, 'archive', 'plain', 'p.txt'), '学习x次。\n')
    writeFileSync(join(dir, 'archive', 'kept.txt'), '学习x次。\n')
    const paths = (args: string[]) => {
      const r = runCli(['archive', '--format', 'jsonl', ...args], { cwd: dir })
      return { paths: r.stdout.trim().split('\n').map((l) => JSON.parse(l).path as string), stderr: r.stderr }
    }
    for (const pattern of ['archive/plain/**', 'archive/plain', './archive/plain/', 'plain/**', 'plain', '**/p.txt']) {
      expect(paths(['--ignore', pattern]), pattern).toEqual({ paths: ['archive/kept.txt'], stderr: '' })
    }
    expect(paths(['--ignore', 'archive/plian/**'])).toEqual({
      paths: ['archive/kept.txt', 'archive/plain/p.txt'],
      stderr: 'mask-audit: --ignore archive/plian/** matched no file (patterns are relative to the current folder, or to the folder walked)\n',
    })
    // An ignored folder is not read at all (an archive's huge ignored subtree costs nothing), and its pattern counts as used.
    const read: string[] = []
    const spy = ((path: string, options?: unknown) => {
      read.push(path)
      return (readdirSync as (p: string, o?: unknown) => unknown)(path, options)
    }) as typeof readdirSync
    for (const pattern of ['archive/plain/**', 'plain']) {
      read.length = 0
      const result = expandPaths(['archive'], { cwd: dir, ignore: [pattern], readdirSync: spy })
      expect(result.files, pattern).toEqual([join('archive', 'kept.txt')])
      expect(result.notes, pattern).toEqual([])
      expect(read.filter((p) => p.endsWith('plain')), pattern).toEqual([])
    }
    // A glob argument is matched from the current folder too.
    expect(runCli(['**/*.txt', '--ignore', 'archive/**', '--ignore', 'a/locked/**', '--format', 'jsonl'], { cwd: dir }).stdout.trim().split('\n').map((l) => JSON.parse(l).path)).toEqual(['a/one.txt', 'b/two.txt'])
  })
})

describe('symbolic links to folders outside the tree', () => {
  function archive(): string {
    const dir = tree()
    mkdirSync(join(dir, 'outside', 'deep'), { recursive: true })
    writeFileSync(join(dir, 'outside', 'deep', 'o.txt'), '学习x次。\n')
    symlinkSync('../outside', join(dir, 'b', 'ext'))
    symlinkSync('/', join(dir, 'b', 'root'))
    symlinkSync('../a', join(dir, 'b', 'sibling'))
    symlinkSync('../outside/deep/o.txt', join(dir, 'b', 'file-link.txt'))
    return dir
  }

  it('are not followed (a link to / would walk the disk), and are named in one note; --follow-symlinks follows them', () => {
    const dir = archive()
    const walked = expandPaths(['b'], { cwd: dir, respectGitignore: false })
    // A link to a file is read wherever it points; a link to a folder outside `b` is not walked.
    expect(walked.files).toEqual([join('b', 'file-link.txt'), join('b', 'two.txt')])
    expect(walked.errors).toEqual([])
    expect(walked.notes.map((n) => formatText('en', n))).toEqual(['3 symbolic links to folders outside the folder walked not followed (b/ext, b/root, b/sibling); --follow-symlinks follows them'])
    const followed = expandPaths(['b/ext', 'b/two.txt'], { cwd: dir, respectGitignore: false, followSymlinks: true })
    expect(followed.files).toEqual([join('b', 'ext', 'deep', 'o.txt'), join('b', 'two.txt')])
    const cli = runCli(['b', '-f', 'jsonl'], { cwd: dir })
    expect(cli.code).toBe(1)
    expect(cli.stderr).toBe('mask-audit: 3 symbolic links to folders outside the folder walked not followed (b/ext, b/root, b/sibling); --follow-symlinks follows them\n')
  })

  it('a link inside the tree is followed once; the folder named may itself be a link; a glob stays in its folder', () => {
    const dir = archive()
    const both = expandPaths(['.'], { cwd: dir, respectGitignore: false })
    expect(both.files).toContain(join('a', 'one.txt'))
    expect(both.files.filter((f) => f.endsWith('one.txt'))).toHaveLength(1)
    expect(both.notes.map((n) => formatText('en', n))).toEqual(['1 symbolic link to a folder outside the folder walked not followed (b/root); --follow-symlinks follows it'])
    // Named, a link to a folder is the tree: what it holds is walked.
    expect(expandPaths(['b/ext'], { cwd: dir, respectGitignore: false }).files).toEqual([join('b', 'ext', 'deep', 'o.txt')])
    const glob = expandPaths(['b/**/*.txt'], { cwd: dir, respectGitignore: false })
    expect(glob.files.sort()).toEqual(['b/file-link.txt', 'b/two.txt'])
    const absolute = expandPaths([join(dir, 'b', '**', '*.txt')], { cwd: '/', respectGitignore: false })
    expect(absolute.files.sort()).toEqual([join(dir, 'b', 'file-link.txt'), join(dir, 'b', 'two.txt')])
  })
})

describe('one file under two names', () => {
  it('is audited once: a name repeated in another form, a link beside its target', () => {
    const dir = tree()
    symlinkSync('../../b/two.txt', join(dir, 'a', 'locked', 'link.txt'))
    const walked = expandPaths(['a', 'b'], { cwd: dir }).files
    // The target's own name is kept, in its place; the link is dropped.
    expect(walked).toEqual([join('a', 'locked', 'hidden.txt'), join('a', 'one.txt'), join('b', 'two.txt')])
    expect(expandPaths(['a/one.txt', './a/one.txt', join(dir, 'a', 'one.txt')], { cwd: dir }).files).toEqual(['a/one.txt'])
    const r = runCli(['a/one.txt', './a/one.txt', '-f', 'jsonl'], { cwd: dir })
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
  })

  it('two files with the same text under different names are both audited', () => {
    const dir = tree()
    writeFileSync(join(dir, 'b', 'copy.txt'), '学习x次。\n')
    expect(expandPaths(['b'], { cwd: dir }).files).toEqual([join('b', 'copy.txt'), join('b', 'two.txt')])
  })
})
