// Where the output goes: -o over an input, -o naming a folder, a closed pipe, a run stopped by a signal.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const bin = join(repoRoot, 'bin', 'mask-audit.js')
const blank = '年内组织集体学习x次。\n'
let dir: string

beforeEach(() => {
  dir = makeTempDir('cli-output-')
  writeFileSync(join(dir, 'report.txt'), blank)
  writeFileSync(join(dir, 'other.txt'), blank)
})

/** The names in `dir` that look like a temp file of an atomic write. */
function tempFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp'))
}

describe('an output that is one of the inputs', () => {
  it('check -o naming an audited file is refused and the file left as it was, by any name of it', () => {
    symlinkSync('report.txt', join(dir, 'link.txt'))
    linkSync(join(dir, 'report.txt'), join(dir, 'hard.txt'))
    for (const output of ['report.txt', './report.txt', join(dir, 'report.txt'), 'link.txt', 'hard.txt']) {
      const r = runCli(['check', 'other.txt', 'report.txt', '-o', output], { cwd: dir })
      expect(r.code, output).toBe(2)
      expect(r.stderr).toBe(`mask-audit: -o ${output} is the file being audited (it would be overwritten; write to another file)\n`)
      expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(blank)
    }
    expect(tempFiles(dir)).toEqual([])
  })

  it('a file the walk of a named folder finds is refused too, before anything is written', () => {
    for (const output of ['report.txt', join(dir, 'report.txt')]) {
      const r = runCli(['check', '.', '-o', output], { cwd: dir })
      expect(r.code, output).toBe(2)
      expect(r.stderr).toBe(`mask-audit: -o ${output} is the file being audited (it would be overwritten; write to another file)\n`)
    }
    expect(runCli(['check', '.', '--write-baseline', 'other.txt'], { cwd: dir }).code).toBe(2)
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(blank)
    expect(readFileSync(join(dir, 'other.txt'), 'utf8')).toBe(blank)
    expect(tempFiles(dir)).toEqual([])
  })

  it('a report of an earlier run that the walk finds is left out and replaced, in every format', () => {
    for (const [format, name] of [['html', 'r.html'], ['stylish', 'r.txt'], ['github', 'r.txt'], ['json', 'r.txt'], ['csv', 'r.md']]) {
      for (const lang of ['en', 'zh']) {
        expect(runCli(['.', '-f', format, '--lang', lang, '-o', name], { cwd: dir }).code, format).toBe(1)
        const again = runCli(['.', '-f', 'json', '--lang', lang, '-o', name], { cwd: dir })
        expect(again.stderr, `${format} ${lang}`).toBe('')
        expect(JSON.parse(readFileSync(join(dir, name), 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['other.txt', 'report.txt'])
        // A json report is itself recognised: the third run replaces it too.
        expect(runCli(['.', '-f', format, '--lang', lang, '-o', name], { cwd: dir }).code, format).toBe(1)
        rmSync(join(dir, name))
      }
    }
    expect(tempFiles(dir)).toEqual([])
  })

  it('says so in Chinese under a Chinese locale; --write-baseline is refused too', () => {
    const r = runCli(['report.txt', '-o', 'report.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })
    expect(r.stderr).toBe('mask-audit: -o report.txt 就是正在审查的文件（写出会覆盖它，请换一个文件名）\n')
    expect(runCli(['report.txt', '--write-baseline', 'report.txt'], { cwd: dir }).code).toBe(2)
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(blank)
  })

  it('a new file, or one that only shares a name in another folder, is written', () => {
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', 'report.txt'), 'old')
    expect(runCli(['report.txt', '-o', 'out/report.txt', '--format', 'json'], { cwd: dir }).code).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).summary.errors).toBe(1)
    expect(runCli(['report.txt', '-o', 'new.json', '--format', 'json'], { cwd: dir }).code).toBe(1)
    expect(existsSync(join(dir, 'new.json'))).toBe(true)
    // A folder walked is not a file being overwritten: the report lands beside what it audits.
    expect(runCli(['.', '-o', 'walked.json', '--format', 'json'], { cwd: dir }).code).toBe(1)
  })

  it('blanks and fill refuse to write over the draft or the sheet', () => {
    expect(runCli(['blanks', 'report.txt', '-o', 'report.txt'], { cwd: dir }).stderr).toMatch(/-o report\.txt is the file being read/)
    writeFileSync(join(dir, 'sheet.csv'), 'id,rule,line,column,blank,context,value\n')
    expect(runCli(['fill', 'report.txt', '--values', 'sheet.csv', '-o', 'report.txt'], { cwd: dir }).stderr).toMatch(/-o report\.txt is the file being filled/)
    expect(runCli(['fill', 'report.txt', '--values', 'sheet.csv', '-o', 'sheet.csv'], { cwd: dir }).stderr).toMatch(/-o sheet\.csv is the file being read/)
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(blank)
  })
})

describe('-o naming what cannot be written', () => {
  it('a folder: one line, exit 2, no temp file left', () => {
    mkdirSync(join(dir, 'odir'))
    const r = runCli(['report.txt', '-o', 'odir'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('mask-audit: odir: cannot write: is a directory\n')
    expect(tempFiles(dir)).toEqual([])
    expect(readdirSync(join(dir, 'odir'))).toEqual([])
  })

  it('a missing folder: the cause in words, in the run’s language', () => {
    expect(runCli(['report.txt', '-o', 'no/such/a.json'], { cwd: dir }).stderr).toBe('mask-audit: no/such/a.json: cannot write: its folder does not exist\n')
    expect(runCli(['report.txt', '-o', 'no/such/a.json'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe('mask-audit: no/such/a.json: 无法写入：所在文件夹不存在\n')
  })
})

describe('a closed pipe', () => {
  it('stops the output but not the verdict: `| head` under pipefail still fails on error findings', () => {
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.txt`), blank)
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" check . --no-progress | head -2`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' } })
    expect(r.stdout.split('\n')).toHaveLength(3)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const clean = makeTempDir('cli-output-clean-')
    for (let i = 0; i < 400; i++) writeFileSync(join(clean, `f${i}.txt`), '全年学习12次。\n')
    const ok = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" check . --format jsonl | head -c 0`], { cwd: clean, encoding: 'utf8' })
    expect(ok.status).toBe(0)
  })
})

describe('a run stopped by a signal', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: the temp file of -o is removed, nothing is written, exit ${code}`, async () => {
      // Standard input kept open: the run waits with the report's temp file created.
      const child = spawn(process.execPath, [bin, 'check', '--stdin', '-o', 'int.json'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] })
      const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)))
      for (let i = 0; i < 200 && tempFiles(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50))
      expect(tempFiles(dir)).toHaveLength(1)
      child.kill(signal)
      expect(await exited).toBe(code)
      child.stdin.destroy()
      expect(tempFiles(dir)).toEqual([])
      expect(existsSync(join(dir, 'int.json'))).toBe(false)
    })
  }
})

describe('-o naming a device, a pipe or a link', () => {
  const canMakeFifo = spawnSync('mkfifo', ['--help']).status === 0

  it.runIf(canMakeFifo)('a named pipe is written to, not replaced: its reader gets the report', () => {
    spawnSync('mkfifo', [join(dir, 'pipe')])
    const r = spawnSync('bash', ['-c', `cat pipe > got.json & "${process.execPath}" "${bin}" check report.txt -f json -o pipe; s=$?; wait; exit $s`], { cwd: dir, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).summary.errors).toBe(1)
    expect(tempFiles(dir)).toEqual([])
  })

  it.runIf(existsSync('/dev/null'))('a link to /dev/null: the report is discarded, the link and the device stay', () => {
    symlinkSync('/dev/null', join(dir, 'null'))
    const r = runCli(['report.txt', '-f', 'json', '-o', 'null'], { cwd: dir })
    expect(r).toMatchObject({ code: 1, stderr: '' })
    expect(lstatSync(join(dir, 'null')).isSymbolicLink()).toBe(true)
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true)
    expect(tempFiles(dir)).toEqual([])
  })

  it.runIf(existsSync('/dev/fd/3'))('a process substitution `>(…)` gets the report', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" check report.txt -f json -o >(cat > got.json); s=$?; sleep 0.3; exit $s`], { cwd: dir, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).summary.errors).toBe(1)
  })

  it.runIf(existsSync('/dev/full'))('a full device: one line, exit 2, no stack trace', () => {
    symlinkSync('/dev/full', join(dir, 'full'))
    const r = runCli(['report.txt', '-f', 'json', '-o', 'full'], { cwd: dir })
    expect(r).toMatchObject({ code: 2, stderr: 'mask-audit: full: cannot write: no space left on the device\n' })
  })

  it('a symbolic link to a regular file: the target gets the report, the link stays a link', () => {
    writeFileSync(join(dir, 'target.json'), 'old')
    symlinkSync('target.json', join(dir, 'link.json'))
    expect(runCli(['report.txt', '-f', 'json', '-o', 'link.json'], { cwd: dir }).code).toBe(1)
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')).summary.errors).toBe(1)
    expect(tempFiles(dir)).toEqual([])
  })
})

describe('a long single-thread run with -o stopped by a signal', () => {
  it('SIGTERM stops the audit promptly: exit 143, no report, no temp file', async () => {
    const big = join(dir, 'big')
    mkdirSync(big)
    // Files long enough that auditing, not reading, is the work: the files read ahead are ready at each turn.
    const text = '截止目前，全年组织集体学习**次，完成各项任务。\n推动高质量发展取得新成效，群众满意度持续提升。\n'.repeat(1000)
    for (let i = 0; i < 400; i++) writeFileSync(join(big, `f${i}.txt`), text)
    const child = spawn(process.execPath, [bin, 'check', 'big', '--jobs', '1', '-f', 'json', '-o', 'r.json'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
    const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)))
    for (let i = 0; i < 400 && tempFiles(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 25))
    // Past the start (rules loaded, folder walked): the audit loop is running.
    await new Promise((r) => setTimeout(r, 1500))
    const killedAt = Date.now()
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(Date.now() - killedAt).toBeLessThan(2000)
    expect(tempFiles(dir)).toEqual([])
    expect(existsSync(join(dir, 'r.json'))).toBe(false)
  }, 60_000)
})

describe('-o -', () => {
  it('is standard output, as `-` is standard input: no file named `-`', () => {
    const r = runCli(['report.txt', '-f', 'json', '-o', '-'], { cwd: dir })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).summary.errors).toBe(1)
    expect(existsSync(join(dir, '-'))).toBe(false)
  })
})
