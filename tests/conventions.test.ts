// The conventions of ESLint, Vale and gitleaks that users reach for, one test each.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const draft = '全年学习**次。\n国家统计局**调查队开展工作。\n截止目前已完成。\n'

function write(rel: string, text: string): string {
  const path = join(dir, rel)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  return path
}

function findingsOf(stdout: string): [string, string][] {
  return stdout.trim() === '' ? [] : stdout.trim().split('\n').map((l) => JSON.parse(l) as { ruleId: string; severity: string }).map((f) => [f.ruleId, f.severity])
}

beforeEach(() => {
  dir = makeTempDir('conventions-')
  write('a.txt', draft)
})

describe('warn', () => {
  it('means warning in a config and in a rule file', () => {
    write('.mask-auditrc.yaml', 'rules:\n  count/unfilled: warn\noverrides:\n  - files: ["*.txt"]\n    rules: { placeholder/mask: warn }\n')
    const r = runCli(['a.txt', '--format', 'jsonl'], { cwd: dir })
    expect(findingsOf(r.stdout)).toEqual([
      ['count/unfilled', 'warning'],
      ['placeholder/mask', 'warning'],
      ['typo/misused-word', 'warning'],
    ])
    write('mine.yaml', 'id: typo/budget\nkind: lexicon\nseverity: warn\nsummary: s\nmessage: "{text}"\nentries:\n  - { wrong: 已完成, right: 已经完成 }\nexamples: { match: [已完成], noMatch: [完成] }\n')
    expect(findingsOf(runCli(['a.txt', '--format', 'jsonl', '--rules', 'mine.yaml'], { cwd: dir }).stdout)).toContainEqual(['typo/budget', 'warning'])
  })
})

describe('a mistyped command', () => {
  it('is suggested, not audited as a path', () => {
    const r = runCli(['chek', 'a.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: unknown command "chek", and no file of that name (did you mean "check"?)')
    expect(r.stdout).toBe('')
  })

  it('is a path when a file of that name exists, and a missing path still says so', () => {
    write('chek', '全年学习**次。\n')
    expect(runCli(['chek', '--format', 'jsonl'], { cwd: dir }).stdout).toContain('"ruleId":"count/unfilled"')
    expect(runCli(['nowhere.txt'], { cwd: dir }).stderr).toContain('nowhere.txt: no such file or directory')
  })
})

describe('-o, --output-file', () => {
  it('writes the report to the file, whole, and nothing to stdout', () => {
    const r = runCli(['a.txt', '--format', 'json', '-o', 'report.json'], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
    expect(report.summary.findings).toBe(3)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('leaves an existing file as it was when the run fails', () => {
    write('report.json', 'before')
    const r = runCli(['a.txt', '--format', 'json', '--output-file', 'report.json', '--rule', 'typo/nothing=off'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('before')
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('--max-warnings', () => {
  it('says why the run failed', () => {
    const r = runCli(['a.txt', '--rule', 'count/unfilled=warn', '--rule', 'placeholder/mask=off', '--max-warnings', '1'], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('mask-audit: 2 warnings found, more than --max-warnings 1')
  })
})

describe('- as a path', () => {
  it('reads standard input', () => {
    const r = runCli(['-', '--format', 'jsonl', '--stdin-filename', 'draft.txt'], { cwd: dir, input: draft })
    expect(findingsOf(r.stdout).map(([id]) => id)).toEqual(['count/unfilled', 'placeholder/mask', 'typo/misused-word'])
    expect(r.stdout).toContain('"path":"draft.txt"')
    expect(runCli(['-', 'a.txt'], { cwd: dir, input: draft }).code).toBe(2)
  })
})

describe('-q', () => {
  it('hides warnings and info alike', () => {
    write('.mask-auditrc.yaml', 'rules:\n  placeholder/mask: info\n')
    const all = findingsOf(runCli(['a.txt', '--format', 'jsonl'], { cwd: dir }).stdout)
    expect(all.map(([, s]) => s).sort()).toEqual(['error', 'info', 'warning'])
    expect(findingsOf(runCli(['a.txt', '--format', 'jsonl', '-q'], { cwd: dir }).stdout)).toEqual([['count/unfilled', 'error']])
  })
})

describe('--rule CATEGORY=severity', () => {
  it('turns a whole category off or sets its severity, and takes warn', () => {
    expect(findingsOf(runCli(['a.txt', '--format', 'jsonl', '--rule', 'typo=off'], { cwd: dir }).stdout).map(([id]) => id)).toEqual(['count/unfilled', 'placeholder/mask'])
    expect(findingsOf(runCli(['a.txt', '--format', 'jsonl', '--rule', 'placeholder=warn'], { cwd: dir }).stdout)).toContainEqual(['placeholder/mask', 'warning'])
    expect(runCli(['a.txt', '--rule', 'typos=off'], { cwd: dir }).stderr.trim()).toBe('mask-audit: --rule: unknown rule "typos" (did you mean "typo"?)')
  })
})
