// The conventions of ESLint, Vale and gitleaks that users reach for, one test each.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './helpers.js'
import { readComments } from './support/docx-anchors.js'
import { makeDocx, paragraph } from './support/docx.js'
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

describe('a rule turned off that outranks another of its claim group', () => {
  it('silences its spans: the blank it would report does not come back from the rule it outranks', () => {
    write('claims.txt', '集中学习**次，***市统计局召开会议。\n')
    const ids = (args: string[]) => findingsOf(runCli(['claims.txt', '--format', 'jsonl', ...args], { cwd: dir }).stdout).map(([id]) => id)
    expect(ids([])).toEqual(['count/unfilled', 'placeholder/mask'])
    expect(ids(['--rule', 'count/unfilled=off'])).toEqual(['placeholder/mask'])
    expect(ids(['--rule', 'count=off', '--jobs', '2'])).toEqual(['placeholder/mask'])
    expect(ids(['--category', 'placeholder'])).toEqual(['placeholder/mask'])
    // The rule it outranks off too: nothing to claim for, nothing reported.
    expect(ids(['--rule', 'count=off', '--rule', 'placeholder=off'])).toEqual([])
  })
})

describe('--category', () => {
  it('runs only the rules of the listed categories, on the command line and in the config', () => {
    const ids = (args: string[]) => findingsOf(runCli(['a.txt', '--format', 'jsonl', ...args], { cwd: dir }).stdout).map(([id]) => id)
    expect(ids(['--category', 'count,placeholder'])).toEqual(['count/unfilled', 'placeholder/mask'])
    expect(ids(['--category', 'typo'])).toEqual(['typo/misused-word'])
    write('.mask-auditrc.yaml', 'categories: [placeholder]\nrules:\n  placeholder/mask: warn\n')
    // With count off, 「**次」 stays count's (silent); the other mask is reported at the config's severity.
    expect(findingsOf(runCli(['a.txt', '--format', 'jsonl'], { cwd: dir }).stdout)).toEqual([['placeholder/mask', 'warning']])
    // The command line wins over the config; --rule CATEGORY=off still works beside it.
    expect(ids(['--category', 'count,typo', '--rule', 'typo=off'])).toEqual(['count/unfilled'])
  })

  it('names an unknown category with a close match, on the command line and in the config', () => {
    expect(runCli(['a.txt', '--category', 'count,placeholdr'], { cwd: dir }).stderr.trim()).toBe('mask-audit: --category: unknown category "placeholdr" (did you mean "placeholder"?)')
    write('.mask-auditrc.yaml', 'categories:\n  - typos\n')
    const r = runCli(['a.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('categories[0]')
    expect(r.stderr).toContain('unknown category "typos"')
    expect(r.stderr).toContain('did you mean "typo"?')
  })

  it('applies to annotate as to check', () => {
    const input = join(dir, 'b.docx')
    writeFileSync(input, makeDocx(paragraph('全年集中学习**次。') + paragraph('国家统计局**调查队开展工作。')))
    const output = join(dir, 'b.reviewed.docx')
    expect(runCli(['annotate', input, '-o', output, '--category', 'count'], { cwd: dir }).code).toBe(1)
    const only = findingsOf(runCli([input, '--format', 'jsonl', '--category', 'count'], { cwd: dir }).stdout)
    expect(only.map(([id]) => id)).toEqual(['count/unfilled'])
    expect(readComments(readFileSync(output)).map((c) => c.anchored)).toEqual(['**次'])
  })
})

describe('--print-config', () => {
  it('prints the settings a file would be audited with, as JSON, and audits nothing', () => {
    write('.mask-auditrc.yaml', 'categories: [count, typo]\nrules:\n  typo/misused-word: info\nallow: [XX村]\nignore: [old/]\noverrides:\n  - files: ["archive/**"]\n    profile: redacted\n    allow: [某某]\n')
    const r = runCli(['--print-config', 'archive/b.txt', '--rule', 'count=warn'], { cwd: dir })
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout) as Record<string, unknown> & { rules: Record<string, string> }
    expect(s).toMatchObject({ path: 'archive/b.txt', config: '.mask-auditrc.yaml', overrides: [{ index: 0, files: ['archive/**'] }], ignored: false, profile: 'redacted', lang: 'en', categories: ['count', 'typo'], ignore: ['old/'], sensitiveTerms: 0 })
    expect(s.allow).toEqual([{ text: 'XX村' }, { text: '某某' }])
    // The command line over the config over the profile's defaults; categories not listed are off.
    expect(s.rules['count/unfilled']).toBe('warning')
    expect(s.rules['typo/misused-word']).toBe('info')
    expect(s.rules['placeholder/mask']).toBe('off')
    expect(s.rules['leak/person']).toBe('off')
    const plain = JSON.parse(runCli(['--print-config', 'a.txt', '--profile', 'draft'], { cwd: dir }).stdout) as { profile: string; overrides: unknown[]; ignored: boolean }
    expect(plain).toMatchObject({ profile: 'draft', overrides: [], ignored: false })
    expect(JSON.parse(runCli(['--print-config', 'old/c.txt'], { cwd: dir }).stdout)).toMatchObject({ ignored: true })
  })

  it('takes no paths to audit beside it', () => {
    const r = runCli(['--print-config', 'a.txt', 'a.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
  })
})

describe('rules', () => {
  it('shows the severity the config here and --rule set, beside the defaults per profile', () => {
    write('.mask-auditrc.yaml', 'profile: redacted\ncategories: [count, placeholder, typo]\nrules:\n  typo/misused-word: error\n')
    const table = runCli(['rules', '--rule', 'count=warn'], { cwd: dir }).stdout
    expect(table.split('\n')[0]).toMatch(/^id\s+draft\s+redacted\s+here \(redacted\)\s+summary$/)
    expect(table).toMatch(/count\/unfilled\s+error\s+info\s+warning\s/)
    expect(table).toMatch(/typo\/misused-word\s+warning\s+warning\s+error\s/)
    expect(table).toMatch(/leak\/person\s+\w+\s+error\s+off\s/)
    type Row = { id: string; severity: { draft: string; redacted: string }; effective: string; profile: string }
    const rows = JSON.parse(runCli(['rules', '--json', '--profile', 'draft'], { cwd: dir }).stdout) as Row[]
    const row = (id: string) => rows.find((r) => r.id === id)!
    expect(row('count/unfilled')).toMatchObject({ severity: { draft: 'error', redacted: 'info' }, effective: 'error', profile: 'draft' })
    expect(row('typo/misused-word').effective).toBe('error')
    expect(row('leak/person').effective).toBe('off')
    expect(row('placeholder/mask').effective).toBe('error')
  })
})
