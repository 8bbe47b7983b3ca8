// The command line as a user meets it: exit codes, one-line errors, formats, batches.
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, runCli } from './helpers.js'
import { displayWidth } from '../src/report/display-width.js'
import { makeDocx, paragraph } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const seed = 'fixtures/draft/seed-002-branch-secretary-report.txt'

beforeAll(() => {
  dir = makeTempDir('cli-')
  writeFileSync(join(dir, 'clean.txt'), '2023年，全年开展集中学习12次。\n')
  writeFileSync(join(dir, 'blank.txt'), '年内组织集体学习x次。\n')
  writeFileSync(join(dir, 'empty.txt'), '')
  writeFileSync(join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  mkdirSync(join(dir, 'nothing-here'))
  writeFileSync(join(dir, 'nothing-here', 'data.bin'), 'x')
  writeFileSync(join(dir, 'bad-rule.yaml'), 'id: count/mine\nkind: count\nseverity: error\nsummary: s\nmessage: m\nunits: 次\nexamples: { match: [x次], noMatch: [次] }\n')
  writeFileSync(join(dir, 'typo-rule.yaml'), 'id: count/mine\nkind: count\nseverity: eror\nsummary: s\nmessage: m\nunits: [次]\nexamples: { match: [x次], noMatch: [次] }\n')
})

describe('exit codes and errors', () => {
  it('exits 0 on a clean file', () => {
    const r = runCli([join(dir, 'clean.txt')])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('no problems')
  })

  it('exits 1 on error findings and prints them with line and column', () => {
    const r = runCli([join(dir, 'blank.txt')])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/1:9\s+error\s+count not filled in: x次\s+count\/unfilled/)
  })

  it('exits 2 with one line naming a missing path', () => {
    const r = runCli(['no/such/file.txt'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: no/such/file.txt: no such file or directory')
  })

  it('exits 2 for a directory with no text files', () => {
    const r = runCli([join(dir, 'nothing-here')])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/nothing-here: no files to check/)
  })

  it('--no-error-on-unmatched-pattern: an empty folder, a folder of unread formats, a glob matching nothing exit 0 with a note each; a missing path still exits 2', () => {
    const empty = join(dir, 'empty-drop')
    mkdirSync(empty, { recursive: true })
    const r = runCli([empty, join(dir, 'nothing-here'), join(dir, 'no-such-folder', '**', '*.md'), '--no-error-on-unmatched-pattern', '--format', 'json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 0, pathErrors: 0 })
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/empty-drop: no files to check \(looked for .*\) \(not an error under --no-error-on-unmatched-pattern\)$/),
      expect.stringMatching(/nothing-here: no files to check .*\(not an error under --no-error-on-unmatched-pattern\)$/),
      expect.stringMatching(/no-such-folder\/\*\*\/\*\.md: no files match this pattern \(not an error under --no-error-on-unmatched-pattern\)$/),
    ])
    // Alongside files, the note does not change the run's code; a missing path is an error all the same.
    expect(runCli([empty, join(dir, 'blank.txt'), '--no-error-on-unmatched-pattern']).code).toBe(1)
    expect(runCli([empty, 'no/such/file.txt', '--no-error-on-unmatched-pattern']).code).toBe(2)
    // Without the flag, the empty folder exits 2, as before.
    expect(runCli([empty]).code).toBe(2)
    expect(runCli(['check', '--help']).stdout).toContain('--no-error-on-unmatched-pattern')
    expect(runCli(['check', '--help', '--lang', 'zh']).stdout).toMatch(/--no-error-on-unmatched-pattern\s+文件夹中没有可检查的文件/)
  })

  it('reports a binary file in one line and still audits the rest of the batch', () => {
    const r = runCli([join(dir, 'image.bin'), join(dir, 'blank.txt'), '--format', 'json'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/^mask-audit: .*image\.bin: binary file \(NUL byte at offset 8\)/)
    expect(r.stderr).not.toMatch(/at .*\.js/)
    const out = JSON.parse(r.stdout)
    expect(out.files).toHaveLength(2)
    expect(out.files[0].error).toMatch(/binary file/)
    expect(out.files[1].findings[0].ruleId).toBe('count/unfilled')
  })

  it('reads a pipe named on the command line (process substitution)', () => {
    const bin = join(repoRoot, 'bin', 'mask-audit.js')
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --format json <(cat "${join(dir, 'blank.txt')}")`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['count/unfilled'])
  })

  it.runIf(existsSync('/dev/full'))('says in one line that the output cannot be written, and exits 2', () => {
    const bin = join(repoRoot, 'bin', 'mask-audit.js')
    const full = openSync('/dev/full', 'w')
    const r = spawnSync(process.execPath, [bin, join(dir, 'clean.txt')], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' })
    closeSync(full)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('mask-audit: <stdout>: cannot write the output: no space left on the device\n')
  })

  it('notes an empty file on stderr and exits 0', () => {
    const r = runCli([join(dir, 'empty.txt')])
    expect(r.code).toBe(0)
    expect(r.stderr.trim()).toMatch(/empty\.txt: empty file, nothing to check$/)
  })

  it('names the file, line, key and problem of a malformed rule file', () => {
    const r = runCli(['--rules', join(dir, 'bad-rule.yaml'), join(dir, 'clean.txt')])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/bad-rule\.yaml:6:8: units: expected array, received string$/)
    const typo = runCli(['--rules', join(dir, 'typo-rule.yaml'), join(dir, 'clean.txt')])
    expect(typo.code).toBe(2)
    expect(typo.stderr.trim().split('\n')).toHaveLength(1)
    expect(typo.stderr).toMatch(/typo-rule\.yaml:3:11: severity/)
  })

  it('reports a missing --rules file even when no path names a file to check', () => {
    const r = runCli(['--rules', join(dir, 'no-such-rule.yaml'), join(dir, 'nothing-here')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${join(dir, 'no-such-rule.yaml')}: cannot read rule file: no such file`)
  })

  it('suggests the intended rule id for a typo in --rule', () => {
    const r = runCli(['--rule', 'count/unfiled=off', join(dir, 'clean.txt')])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: --rule: unknown rule "count/unfiled" (did you mean "count/unfilled"?)')
  })

  it('turns a rule off with --rule and honours --max-warnings', () => {
    expect(runCli(['--rule', 'count/unfilled=off', join(dir, 'blank.txt')]).code).toBe(0)
    expect(runCli(['--rule', 'count/unfilled=warning', '--max-warnings', '0', join(dir, 'blank.txt')]).code).toBe(1)
    expect(runCli(['--rule', 'count/unfilled=warning', '--max-warnings', '1', join(dir, 'blank.txt')]).code).toBe(0)
  })

  it('says why --max-warnings failed the run', () => {
    const over = runCli(['--rule', 'count/unfilled=warning', '--max-warnings', '0', '--format', 'json', join(dir, 'blank.txt')])
    expect(over.code).toBe(1)
    expect(over.stderr).toBe('mask-audit: 1 warning found, more than --max-warnings 0\n')
    const within = runCli(['--rule', 'count/unfilled=warning', '--max-warnings', '1', '--format', 'json', join(dir, 'blank.txt')])
    expect(within.stderr).toBe('')
  })

  it('prints help with the exit codes', () => {
    const r = runCli(['check', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--profile')
    expect(r.stdout).toContain('Exit codes')
  })

  it('prints help in Chinese under a Chinese locale or --lang zh, wrapped by display width', () => {
    const byLocale = runCli(['check', '--help'], { env: { LANG: 'zh_CN.UTF-8', COLUMNS: '80' } })
    expect(byLocale.code).toBe(0)
    expect(byLocale.stdout).toMatch(/^用法：/)
    expect(byLocale.stdout).toContain('选项：')
    expect(byLocale.stdout).toContain('退出码')
    expect(byLocale.stdout).toContain('（可选："stylish"')
    // A Chinese character takes two columns: no line is wider than the terminal.
    for (const line of byLocale.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80)
    const byFlag = runCli(['--help', '--lang', 'zh'])
    expect(byFlag.stdout).toContain('命令：')
    expect(byFlag.stdout).toContain('显示命令的帮助')
    expect(runCli(['annotate', '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('批注的语言')
    // The empty list a repeatable option starts from is not shown as a default.
    expect(runCli(['check', '--help']).stdout).not.toContain('(default: [])')
  })
})

describe('json output', () => {
  it('follows schemaVersion 1 of DESIGN.md', () => {
    const r = runCli([seed, '--format', 'json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.schemaVersion).toBe(1)
    expect(out.tool.name).toBe('mask-audit')
    expect(out.files[0].path).toBe(seed)
    expect(out.files[0].encoding).toBe('utf-8')
    const first = out.files[0].findings[0]
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'length', 'text', 'context', 'fix']))
    expect(out.summary.findings).toBe(out.files[0].findings.length)
    expect(out.summary.byCategory.paywall).toBe(2)
    expect(out.summary.byCategory.typo).toBeGreaterThanOrEqual(6)
  })

  it('reads stdin with a file name', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'draft.md', '--format', 'jsonl'], { input: '全年学习**次。\n\n`**次` 是代码。\n' })
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ path: 'draft.md', ruleId: 'count/unfilled', line: 1, column: 5, text: '**次' })
  })

  it('reads stdin with the reader its file name registers, a .docx as Word', () => {
    const docx = Buffer.from(makeDocx(paragraph('工作总结') + paragraph('全年集中学习', '**', '次。')))
    const r = runCli(['--stdin', '--stdin-filename', 'report.docx', '--format', 'jsonl'], { input: docx })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((f) => `${f.path} ${f.line}:${f.column} ${f.text}`)).toEqual(['report.docx 2:7 **次'])
  })
})

describe('rules command', () => {
  it('lists every rule with its severities', () => {
    const r = runCli(['rules'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/count\/unfilled\s+error\s+info/)
    expect(r.stdout).toMatch(/placeholder\/mask\s+error\s+off/)
  })

  it('shows the rules named in full, and names the closest to an unknown id', () => {
    const r = runCli(['rules', 'typo/zi-ji', '--lang', 'zh'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('处理办法：改为“自己”')
    expect(r.stdout).toMatch(/会报告：\n    严格要求自已，管好身边人/)
    expect(r.stdout).toMatch(/不报告：\n    各自已经完成任务/)
    const json = JSON.parse(runCli(['rules', 'count/unfilled', '--json']).stdout)
    expect(json).toHaveLength(1)
    expect(json[0].examples.match).toContain('发展*名预备党员')
    const wrong = runCli(['rules', 'typo/zi-j'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr.trim()).toBe('mask-audit: unknown rule "typo/zi-j" (did you mean "typo/zi-ji"?)')
  })
})
