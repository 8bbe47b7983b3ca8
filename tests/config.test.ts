// Config files found by walking up from each file, validated strictly, applied per file and per glob.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { starterConfigs } from '../src/cli/init.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const blank = '全年学习**次。\n'
const mask = '国家统计局**调查队开展工作。\n'

function write(rel: string, text: string): string {
  const path = join(dir, rel)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  return path
}

function jsonl(stdout: string): Record<string, unknown>[] {
  return stdout.trim() === '' ? [] : stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
}

beforeEach(() => {
  dir = makeTempDir('config-')
})

describe('finding the config', () => {
  it('uses the nearest config above each file', () => {
    write('.mask-auditrc.yaml', 'rules:\n  count/unfilled: "off"\n')
    write('team/.mask-auditrc.json', '{"rules": {"count/unfilled": "warning"}}')
    write('a.txt', blank)
    write('team/deep/b.txt', blank)
    const r = runCli(['.', '--format', 'jsonl'], { cwd: dir })
    expect(r.stderr).toBe('')
    // With count/unfilled off, the blank is silent: the mask rule it outranks does not take it over.
    expect(jsonl(r.stdout).map((f) => [f.path, f.ruleId, f.severity])).toEqual([['team/deep/b.txt', 'count/unfilled', 'warning']])
    expect(r.code).toBe(0)
  })

  it('reads the "mask-audit" key of package.json and ignores a package.json without it', () => {
    write('package.json', JSON.stringify({ name: 'reports', 'mask-audit': { rules: { 'count/unfilled': 'info' } } }))
    write('sub/package.json', JSON.stringify({ name: 'other' }))
    write('sub/a.txt', blank)
    const r = runCli(['sub', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(r.stdout).map((f) => f.severity)).toEqual(['info'])
    expect(r.code).toBe(0)
  })

  it('loads mask-audit.config.js (ES module default export)', () => {
    write('package.json', JSON.stringify({ name: 'reports', type: 'module' }))
    write('mask-audit.config.js', 'export default { profile: "redacted" }\n')
    write('a.txt', blank + mask)
    const r = runCli(['a.txt', '--format', 'jsonl'], { cwd: dir })
    // Under redacted, masks are expected and counts are info.
    expect(jsonl(r.stdout).map((f) => [f.ruleId, f.severity])).toEqual([['count/unfilled', 'info']])
  })

  it('takes --config FILE for every path, and lets --profile and --rule win over it', () => {
    const config = write('conf/strict.yaml', 'profile: redacted\nrules:\n  count/unfilled: error\n')
    write('a.txt', blank + mask)
    expect(jsonl(runCli(['a.txt', '--config', config, '--format', 'jsonl'], { cwd: dir }).stdout).map((f) => f.ruleId)).toEqual(['count/unfilled'])
    const drafted = runCli(['a.txt', '--config', config, '--profile', 'draft', '--rule', 'count/unfilled=info', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(drafted.stdout).map((f) => [f.ruleId, f.severity])).toEqual([
      ['count/unfilled', 'info'],
      ['placeholder/mask', 'error'],
    ])
  })

  it('applies per-glob overrides: archive/** under redacted', () => {
    write('.mask-auditrc.yaml', 'overrides:\n  - files: ["archive/**"]\n    profile: redacted\n')
    write('archive/2019/old.md', mask)
    write('drafts/new.md', mask)
    const r = runCli(['.', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(r.stdout).map((f) => f.path)).toEqual(['drafts/new.md'])
  })

  it('drops allow-listed text (strings and patterns, optionally per rule) and ignores files by glob', () => {
    write('.mask-auditrc.yaml', 'allow:\n  - "**次"\n  - { pattern: "^x+名$", rules: [count/unfilled] }\nignore:\n  - old/\n')
    write('a.txt', '全年学习**次。发展x名党员。组织**场活动。\n')
    write('old/b.txt', blank)
    const r = runCli(['.', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(r.stdout).map((f) => [f.path, f.text])).toEqual([['a.txt', '**场']])
    const named = runCli(['old/b.txt'], { cwd: dir })
    expect(named.code).toBe(0)
    expect(named.stderr.trim()).toBe('mask-audit: old/b.txt: ignored by .mask-auditrc.yaml')
  })

  it('loads a team rule file listed in ruleFiles, relative to the config', () => {
    write('rules/budget.yaml', 'id: typo/budget\nkind: lexicon\nseverity: error\nsummary: s\nmessage: "{text} should be {suggestion}"\nentries:\n  - { wrong: 预算执行率高, right: 预算执行率较高 }\nexamples: { match: [预算执行率高], noMatch: [预算] }\n')
    write('.mask-auditrc.yaml', 'ruleFiles: [rules/budget.yaml]\nrules:\n  typo/budget: warning\n')
    write('docs/a.txt', '本年度预算执行率高。\n')
    const r = runCli(['docs', '--format', 'jsonl'], { cwd: join(dir) })
    expect(jsonl(r.stdout).map((f) => [f.ruleId, f.severity])).toEqual([['typo/budget', 'warning']])
    // `rules` lists what a check here knows: the built-in rules and the config's rule files.
    const listed = JSON.parse(runCli(['rules', '--json'], { cwd: dir }).stdout) as { id: string }[]
    expect(listed.map((d) => d.id)).toContain('typo/budget')
    expect(listed.map((d) => d.id)).toContain('count/unfilled')
  })

  it('applies config and suppressions to --stdin, found from --stdin-filename', () => {
    write('docs/.mask-auditrc.yaml', 'rules:\n  placeholder/mask: "off"\n')
    const input = '<!-- mask-audit-disable-next-line count/unfilled -->\n全年学习**次。\n\n' + mask
    const r = runCli(['--stdin', '--stdin-filename', 'docs/draft.md', '--format', 'jsonl'], { cwd: dir, input })
    expect(r.stderr).toBe('')
    expect(jsonl(r.stdout)).toEqual([])
    expect(r.code).toBe(0)
  })
})

describe('config errors: one line, exit 2', () => {
  it.each([
    ['a key typo', '.mask-auditrc.yaml', 'profile: draft\nrulez:\n  count/unfilled: "off"\n', 'mask-audit: .mask-auditrc.yaml:3:3: rulez: unknown key "rulez" (did you mean "rules"?)'],
    ['an unknown rule id', '.mask-auditrc.yaml', 'rules:\n  count/unfiled: "off"\n', 'mask-audit: .mask-auditrc.yaml:2:18: rules.count/unfiled: unknown rule "count/unfiled" (did you mean "count/unfilled"?)'],
    ['a bad severity', '.mask-auditrc.yaml', 'rules:\n  count/unfilled: eror\n', 'mask-audit: .mask-auditrc.yaml:2:19: rules.count/unfilled: unknown value "eror" (did you mean "error"?)'],
    ['a nested key typo', '.mask-auditrc.yaml', 'overrides:\n  - files: archive/**\n    profle: redacted\n', 'mask-audit: .mask-auditrc.yaml:3:13: overrides[0].profle: unknown key "profle" (did you mean "profile"?)'],
    ['an unknown rule id in package.json', 'package.json', '{"mask-audit": {"rules": {"typo/congres": "off"}}}', 'mask-audit: package.json:1:43: mask-audit.rules.typo/congres: unknown rule "typo/congres" (did you mean "typo/congress"?)'],
    ['broken JSON', '.mask-auditrc.json', '{"rules": {"count/unfilled": "off",}}', /^mask-audit: \.mask-auditrc\.json:1:36: invalid JSON: /],
    ['a syntax error in an ES module config', 'mask-audit.config.mjs', 'export default { lang: "zh",, }\n', "mask-audit: mask-audit.config.mjs:1:29: cannot load config: SyntaxError: Unexpected token ','"],
    ['a syntax error in a CommonJS config', 'mask-audit.config.js', 'module.exports = {\n  lang: "zh"\n', /^mask-audit: mask-audit\.config\.js:3(:\d+)?: cannot load config: SyntaxError: Unexpected end of input$/],
    ['a syntax error in a .js config of ES module syntax outside a module package', 'mask-audit.config.js', 'export default {\n  lang: "zh",\n', /^mask-audit: mask-audit\.config\.js:3(:\d+)?: cannot load config: SyntaxError: Unexpected end of input$/],
    ['an import an ES module config cannot link', 'mask-audit.config.mjs', 'import { nope } from "node:path"\nexport default {}\n', "mask-audit: mask-audit.config.mjs: cannot load config: SyntaxError: The requested module 'node:path' does not provide an export named 'nope'"],
    ['a config that throws', 'mask-audit.config.mjs', 'throw new Error("boom")\n', 'mask-audit: mask-audit.config.mjs: cannot load config: boom'],
    ['a missing rule file', '.mask-auditrc.yaml', 'ruleFiles: [nope.yaml]\n', 'mask-audit: .mask-auditrc.yaml:1:13: ruleFiles[0]: no rule file at "nope.yaml"'],
  ])('%s', (_name, file, text, expected) => {
    write(file, text)
    write('a.txt', blank)
    const r = runCli(['a.txt'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    if (typeof expected === 'string') expect(r.stderr.trim()).toBe(expected)
    else expect(r.stderr.trim()).toMatch(expected)
  })

  it('speaks the run\'s language: keys, values and a wrong type in Chinese', () => {
    write('a.txt', blank)
    const cases: [string, string][] = [
      ['profle: draft\n', 'mask-audit: .mask-auditrc.yaml:1:9: profle: 未知的键“profle”（是否应为“profile”？）'],
      ['rules:\n  count/unfilled: warn2\n', 'mask-audit: .mask-auditrc.yaml:2:19: rules.count/unfilled: 未知的值 "warn2"（可选：off、info、warning、error）'],
      ['ignore: archive\n', 'mask-audit: .mask-auditrc.yaml:1:9: ignore: 取值有误：期望 数组，实际接收 string'],
    ]
    for (const [text, expected] of cases) {
      write('.mask-auditrc.yaml', text)
      const r = runCli(['a.txt', '--lang', 'zh'], { cwd: dir })
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toBe(expected)
    }
    const en = runCli(['a.txt', '--lang', 'en'], { cwd: dir })
    expect(en.stderr.trim()).toBe('mask-audit: .mask-auditrc.yaml:1:9: ignore: expected array, received string')
  })

  it('a JavaScript config\'s syntax error in Chinese, with its line', () => {
    write('mask-audit.config.js', 'export default {\n  lang: "zh",\n')
    write('a.txt', blank)
    const r = runCli(['a.txt', '--lang', 'zh'], { cwd: dir })
    expect(r.stderr.trim()).toMatch(/^mask-audit: mask-audit\.config\.js:3(:\d+)?: 无法加载配置：语法错误：Unexpected end of input$/)
    expect(r.stderr).not.toMatch(/require\(\)|race condition|node_modules/)
  })

  it('a missing --config file', () => {
    write('a.txt', blank)
    const r = runCli(['a.txt', '--config', 'nope.yaml'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: nope.yaml: no such config file')
  })
})

describe('a bad config in a sub-folder of an archive', () => {
  it('makes each file below it an error entry naming the config and its problem; the rest is audited; exit 2', () => {
    write('deptA/a.txt', blank)
    write('deptB/.mask-auditrc.yaml', 'rules:\n  count/unfiled: "off"\n')
    write('deptB/b.txt', blank)
    write('deptB/sub/c.txt', blank)
    write('z.txt', blank)
    const r = runCli(['.', '--format', 'json'], { cwd: dir })
    expect(r.code).toBe(2)
    const out = JSON.parse(r.stdout)
    const problem = 'not audited: its config is invalid: deptB/.mask-auditrc.yaml:2:18: rules.count/unfiled: unknown rule "count/unfiled" (did you mean "count/unfilled"?)'
    // In the walk's order, the audited files' findings around them.
    expect(out.files.map((f: { path: string; error?: string; findings: { ruleId: string }[] }) => [f.path, f.error ?? f.findings.map((x) => x.ruleId).join()])).toEqual([
      ['deptA/a.txt', 'count/unfilled'],
      ['deptB/b.txt', problem],
      ['deptB/sub/c.txt', problem],
      ['z.txt', 'count/unfilled'],
    ])
    expect(out.summary).toMatchObject({ files: 4, errors: 2, unreadable: 2 })
    expect(r.stderr.trim().split('\n')).toEqual([`mask-audit: deptB/b.txt: ${problem}`, `mask-audit: deptB/sub/c.txt: ${problem}`])
  })

  it('in the run\'s language, for a JavaScript config\'s syntax error too', () => {
    write('deptA/a.txt', blank)
    write('deptB/mask-audit.config.mjs', 'export default { lang: "zh",, }\n')
    for (let i = 0; i < 3; i++) write(`deptB/${i}/b.txt`, blank)
    const r = runCli(['.', '--format', 'jsonl', '--lang', 'zh'], { cwd: dir })
    expect(r.code).toBe(2)
    const lines = jsonl(r.stdout)
    expect(lines.map((l) => l.path)).toEqual(['deptA/a.txt', 'deptB/0/b.txt', 'deptB/1/b.txt', 'deptB/2/b.txt'])
    expect(lines[1]!.error).toBe("not audited: its config is invalid: deptB/mask-audit.config.mjs:1:29: cannot load config: SyntaxError: Unexpected token ','")
    expect(r.stderr).toContain("deptB/0/b.txt: 未审查：所用的配置文件有误：deptB/mask-audit.config.mjs:1:29：无法加载配置：语法错误：Unexpected token ','")
  })

  it('a bad config of the working folder, or named by --config, still stops the run', () => {
    write('sub/a.txt', blank)
    write('.mask-auditrc.yaml', 'rules:\n  count/unfiled: "off"\n')
    for (const lang of [[], ['--lang', 'zh']]) {
      const root = runCli(['sub', '--format', 'json', ...lang], { cwd: dir })
      expect(root.code).toBe(2)
      expect(root.stdout).toBe('')
      expect(root.stderr.trim().split('\n')).toHaveLength(1)
    }
    write('conf.yaml', 'profle: draft\n')
    const named = runCli([join(dir, 'sub'), '--config', join(dir, 'conf.yaml'), '--format', 'json'], { cwd: join(dir, 'sub') })
    expect(named.code).toBe(2)
    expect(named.stdout).toBe('')
  })
})

describe('init', () => {
  it('writes a commented starter config that changes nothing until edited, and will not overwrite it', () => {
    write('archive/old.md', mask)
    write('a.md', blank)
    const before = runCli(['.', '--format', 'jsonl'], { cwd: dir })
    const first = runCli(['init'], { cwd: dir })
    expect(first.code).toBe(0)
    const text = readFileSync(join(dir, '.mask-auditrc.yaml'), 'utf8')
    expect(text).toBe(starterConfigs.en)
    expect(text).toMatch(/^# /m)
    // Every line is a comment or blank: an active example (archive/** → redacted) would silence findings.
    expect(text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([])
    const r = runCli(['.', '--format', 'jsonl'], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(before.stdout)
    expect(jsonl(r.stdout).map((f) => f.path)).toEqual(['a.md', 'archive/old.md'])
    const again = runCli(['init'], { cwd: dir })
    expect(again.code).toBe(2)
    expect(again.stderr.trim()).toBe('mask-audit: .mask-auditrc.yaml: .mask-auditrc.yaml already configures this folder (edit it, or pass --force to write a new one)')
    expect(runCli(['init', '--force'], { cwd: dir }).code).toBe(0)
  })

  it('writes the starter config in Chinese under a Chinese locale; it validates and changes nothing', () => {
    const zhDir = join(dir, 'zh-init')
    mkdirSync(zhDir, { recursive: true })
    const r = runCli(['init'], { cwd: zhDir, env: { LANG: 'zh_CN.UTF-8' } })
    expect(r.code).toBe(0)
    expect(r.stderr.trim()).toBe('mask-audit: 已写入 .mask-auditrc.yaml')
    const text = readFileSync(join(zhDir, '.mask-auditrc.yaml'), 'utf8')
    expect(text).toBe(starterConfigs.zh)
    expect(text).toContain('#categories:')
    expect(text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([])
    writeFileSync(join(zhDir, 'a.md'), blank)
    // Its `# lang: zh` is an example: an English locale still gets English until it is uncommented.
    const check = runCli(['a.md', '--format', 'jsonl'], { cwd: zhDir })
    expect(check.stderr).toBe('')
    expect(jsonl(check.stdout)[0].message).toMatch(/not filled in/)
    expect(runCli(['init', '--lang', 'zh'], { cwd: zhDir }).stderr).toContain('已经是此目录的配置')
  })

  it('the starter configs with every example uncommented validate', () => {
    for (const [lang, starter] of Object.entries(starterConfigs)) {
      // Explanations are `# text`; settings `#key: value` and their items `#  - x`, as in sshd_config.
      const edited = starter.replace(/^#(?! \S)/gm, '')
      const sub = join(dir, `edited-${lang}`)
      mkdirSync(sub, { recursive: true })
      writeFileSync(join(sub, '.mask-auditrc.yaml'), edited)
      mkdirSync(join(sub, 'mask-audit-rules'))
      writeFileSync(join(sub, 'mask-audit-rules', 'budget.yaml'), 'id: typo/budget\nkind: lexicon\nseverity: error\nsummary: s\nmessage: "{text} should be {suggestion}"\nentries:\n  - { wrong: 预算执行率高, right: 预算执行率较高 }\nexamples: { match: [预算执行率高], noMatch: [预算] }\n')
      writeFileSync(join(sub, 'a.md'), blank)
      const r = runCli(['--print-config', 'a.md'], { cwd: sub })
      expect(r.stderr, edited).toBe('')
      expect(r.code).toBe(0)
    }
  })

  it('a config of comments only is an empty config', () => {
    write('.mask-auditrc.yaml', '# nothing\n')
    write('a.txt', blank)
    const r = runCli(['a.txt', '--format', 'jsonl'], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(jsonl(r.stdout).map((f) => f.ruleId)).toEqual(['count/unfilled'])
    write('.mask-auditrc.yaml', '# nothing\n---\n')
    expect(runCli(['a.txt', '--format', 'jsonl'], { cwd: dir }).code).toBe(1)
  })
})
