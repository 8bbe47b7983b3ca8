// `mask-audit redact` and `--redact-output`, through the built CLI on real files.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeBytes } from '../src/io/decode.js'
import { repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const fixtureDir = join(repoRoot, 'fixtures', 'redacted')
const fixtures = readdirSync(fixtureDir).filter((n) => n.endsWith('.txt')).map((n) => join(fixtureDir, n))
const seeds = readdirSync(join(repoRoot, 'fixtures', 'draft')).filter((n) => n.startsWith('seed-')).filter((n) => n.endsWith('.txt')).map((n) => join(repoRoot, 'fixtures', 'draft', n))
let dir: string

beforeAll(() => {
  dir = makeTempDir('redact-')
})

interface JsonFinding {
  ruleId: string
  category: string
  text: string
  data?: { names?: string[]; redact?: unknown }
}

function leakFindings(path: string, extra: string[] = []): JsonFinding[] {
  const r = runCli(['--profile', 'redacted', '--format', 'json', ...extra, path])
  expect(r.code === 0 || r.code === 1).toBe(true)
  return (JSON.parse(r.stdout).files[0].findings as JsonFinding[]).filter((f) => f.category === 'leak')
}

/** The part of a report's output that belongs to the file at `path`. */
function outputOf(stdout: string, format: string, path: string, paths: readonly string[]): string {
  if (format === 'json') return JSON.stringify((JSON.parse(stdout) as { files: { path: string }[] }).files.find((f) => f.path === path))
  if (format === 'jsonl') return stdout.split('\n').filter((line) => line.includes(JSON.stringify(path))).join('\n')
  const lines = stdout.split('\n')
  const start = lines.indexOf(path)
  if (start < 0) return ''
  let end = start + 1
  while (end < lines.length && !paths.includes(lines[end]!)) end++
  return lines.slice(start, end).join('\n')
}

describe('--redact-output', () => {
  // Per file: a name one document leaks (银川市 in a work report that masks its city) may be
  // public on purpose in another (the seat of a court), and is masked only where it leaks.
  it.each(['stylish', 'json', 'jsonl'])('never prints a leaked name in %s output', (format) => {
    const all = [...fixtures, ...seeds]
    const clear = JSON.parse(runCli(['--profile', 'redacted', '--format', 'json', ...all]).stdout) as { files: { path: string; findings: JsonFinding[] }[] }
    const r = runCli(['--profile', 'redacted', '--format', format, '--redact-output', ...all])
    expect(r.stdout.length).toBeGreaterThan(0)
    let count = 0
    for (const file of clear.files) {
      const names = new Set(file.findings.filter((f) => f.category === 'leak').flatMap((f) => f.data?.names ?? []))
      count += names.size
      const output = outputOf(r.stdout, format, file.path, clear.files.map((f) => f.path))
      for (const name of names) expect(output, `${file.path}: ${name}`).not.toContain(name)
    }
    expect(count).toBeGreaterThan(20)
  })

  it('keeps the finding count and masks every name with one fixed mask, whatever its length', () => {
    const path = join(repoRoot, 'fixtures/draft/seed-001-city-bureau-summary.txt')
    const clear = JSON.parse(runCli(['--profile', 'redacted', '--format', 'json', path]).stdout).files[0].findings
    const masked = JSON.parse(runCli(['--profile', 'redacted', '--format', 'json', '--redact-output', path]).stdout).files[0].findings
    expect(masked).toHaveLength(clear.length)
    for (const f of masked.filter((f: JsonFinding) => f.ruleId === 'leak/place')) expect(f.text).toBe('***')
    expect(JSON.stringify(masked)).not.toMatch(/＊|"code"|"units"/)
  })

  describe('names cut by the context window or claimed by another finding', () => {
    // 张建国 starts the line; the count finding's context window (20 characters each side) starts at 建.
    const line1 = '张建国同志指出，一二三四五六七八九全年学习**次。'
    // The sensitive term 王庄 wins over the place 大王庄村 (higher claim rank): the place must not show around it.
    const line2 = '在大王庄村调研时，要求大王庄村的王庄小组做好工作。'
    let file: string
    let terms: string
    beforeAll(() => {
      file = join(dir, 'cut.txt')
      terms = join(dir, 'terms.txt')
      writeFileSync(file, `${line1}\n${line2}\n`)
      writeFileSync(terms, '王庄\n')
    })

    it('the clear output shows what must be hidden (the test is not vacuous)', () => {
      const r = runCli(['--profile', 'redacted', '--format', 'jsonl', '--sensitive-terms', terms, file])
      const found = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonFinding & { context: string; data?: { overlapped?: string[] } })
      expect(found.find((f) => f.ruleId === 'count/unfilled')!.context).toMatch(/^\.\.\.建国同志/)
      expect(found.find((f) => f.ruleId === 'leak/sensitive-term')!.data?.overlapped).toContain('大王庄村')
    })

    it.each(['stylish', 'json', 'jsonl', 'sarif', 'csv', 'github', 'html'])('%s: no name, nor part of one, in clear', (format) => {
      const r = runCli(['--profile', 'redacted', '--format', format, '--redact-output', '--sensitive-terms', terms, file])
      expect(r.code).toBe(1)
      for (const part of ['张建', '建国', '王庄', '庄村', '大王']) expect(r.stdout, part).not.toContain(part)
      expect(r.stdout).toContain('***')
      expect(r.stdout).not.toContain('＊')
    })

    it('stylish carets stay under the masked span', () => {
      const r = runCli(['--profile', 'redacted', '--redact-output', '--sensitive-terms', terms, file])
      const lines = r.stdout.split('\n')
      const at = lines.findIndex((l) => l.includes('count/unfilled'))
      expect(lines[at + 1]).toContain('...***同志指出')
      const caret = lines[at + 2]!.indexOf('^')
      const widthTo = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
      expect(caret).toBe(widthTo(lines[at + 1]!.slice(0, lines[at + 1]!.indexOf('**次'))))
    })
  })
})

describe('redact', () => {
  const seed = join(repoRoot, 'fixtures/draft/seed-001-city-bureau-summary.txt')

  it('writes a GB18030, CRLF copy with no leak left, keeping the original byte for byte', () => {
    const original = iconv.encode(readFileSync(seed, 'utf8').replace(/\n/g, '\r\n'), 'gb18030')
    const input = join(dir, 'report.txt')
    const output = join(dir, 'report.redacted.txt')
    writeFileSync(input, original)
    const r = runCli(['redact', input, '-o', output])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/report\.txt: 6 names masked, 0 masks made uniform -> .*report\.redacted\.txt/)
    // In the run's language, as check speaks it: --lang, else the config's, else the locale's.
    expect(runCli(['redact', input, '-o', output, '--lang', 'zh']).stderr).toMatch(/report\.txt：遮盖姓名等 6 处，统一遮盖符 0 处，已写入 .*report\.redacted\.txt/)
    expect(runCli(['redact', input], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('redact 需要 -o 输出文件（或 --dry-run）')
    expect(readFileSync(input).equals(original)).toBe(true)
    const decoded = decodeBytes(readFileSync(output), output)
    expect(decoded.encoding).toBe('gb18030')
    expect(decoded.text.split('\r\n')).toHaveLength(readFileSync(seed, 'utf8').split('\n').length)
    expect(decoded.text).not.toMatch(/(?<!\r)\n/)
    expect(decoded.text).toContain('积极协调***集团投资**万元为包抓***村拓建')
    expect(leakFindings(output).filter((f) => f.data?.redact !== undefined)).toEqual([])
    expect(leakFindings(output).map((f) => f.ruleId)).toEqual([])
  })

  it.each([...fixtures, ...seeds])('changes nothing the second time: %s', (path) => {
    const once = join(dir, 'once.txt')
    const twice = join(dir, 'twice.txt')
    expect(runCli(['redact', path, '-o', once]).code).toBe(0)
    expect(runCli(['redact', once, '-o', twice]).code).toBe(0)
    expect(readFileSync(twice).equals(readFileSync(once))).toBe(true)
  })

  it('gives a relative a pseudonym of its own and a party named again its mask: no two persons made one', () => {
    const input = join(dir, 'pseudonyms.txt')
    const output = join(dir, 'pseudonyms.redacted.txt')
    writeFileSync(input, '被害人李某，男，2001年出生。被告钱某某，男，1975年出生。\n被害人李某受伤后，其父李建军将其送医。被告钱立明称已归还借款。\n')
    expect(runCli(['redact', input, '-o', output]).code).toBe(0)
    const text = readFileSync(output, 'utf8')
    expect(text).toContain('其父李某甲将其送医')
    expect(text).toContain('被告钱某某称已归还借款')
    expect(leakFindings(output)).toEqual([])
  })

  it('writes the masked person’s own pseudonym for a name that undoes it: one that keeps a character (张某英), a foreign party’s (约某)', () => {
    const input = join(dir, 'kept.txt')
    const output = join(dir, 'kept.redacted.txt')
    writeFileSync(input, '原告：张某英，女。被告：张某军，男。原告：约某，男，美利坚合众国国籍。\n该协议落款处有“张秀英”“张某军”签名，聘用人员为“John Michael Carter”。\n')
    expect(runCli(['redact', input, '-o', output]).code).toBe(0)
    expect(readFileSync(output, 'utf8')).toContain('落款处有“张某英”“张某军”签名，聘用人员为“约某”。')
    expect(leakFindings(output)).toEqual([])
  })

  it('makes every name mask uniform, so mask lengths tell nothing', () => {
    const path = join(fixtureDir, 'seed-001-city-bureau-summary.txt')
    const output = join(dir, 'uniform.txt')
    runCli(['redact', path, '-o', output])
    expect(leakFindings(path).some((f) => f.ruleId === 'leak/mask-length')).toBe(true)
    expect(leakFindings(output)).toEqual([])
  })

  it('writes a Markdown copy’s masks so that they render as masks: escaped where they would pair into emphasis or the document escapes its own, as they are in code', () => {
    const all = (name: string, text: string) => {
      const input = join(dir, `${name}.md`)
      const output = join(dir, `${name}.redacted.md`)
      writeFileSync(input, text)
      expect(runCli(['redact', input, '-o', output]).code).toBe(0)
      // The copy checked again holds no finding of any rule: its masks read as masks.
      expect(JSON.parse(runCli(['--profile', 'redacted', '--format', 'json', output]).stdout).files[0].findings).toEqual([])
      return readFileSync(output, 'utf8')
    }
    // Masks on a line that the parser pairs into emphasis, which would show no mask: written `\*`.
    expect(all('pairs', '被告王某某，身份证号码640302199003078516，手机13909510021，电话0951-5012345。\n')).toBe('被告王某某，身份证号码640302\\*\\*\\*\\*\\*\\*\\*\\*8516，手机139\\*\\*\\*\\*0021，电话0951-\\*\\*\\*\\*\\*\\*\\*。\n')
    // A mask alone in a table's cell pairs with nothing: written as the document writes its own; in code, verbatim.
    expect(all('cells', '| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 马某某 | 640302199003078516 | 139****0021 |\n| 苏某某 | `640302199003078516` | — |\n')).toBe(
      '| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 马某某 | 640302********8516 | 139****0021 |\n| 苏某某 | `640302********8516` | — |\n',
    )
    // A document that escapes its masks has every new one escaped, as its own are.
    expect(all('escapes', '| 姓名 | 身份证号 |\n|---|---|\n| 丁某某 | 640302\\*\\*\\*\\*\\*\\*\\*\\*2368 |\n| 马某某 | 640302199003078516 |\n')).toContain('| 马某某 | 640302\\*\\*\\*\\*\\*\\*\\*\\*8516 |')
    // The same text as plain text keeps its stars as they are.
    const txt = join(dir, 'pairs.txt')
    writeFileSync(txt, '被告王某某，身份证号码640302199003078516，手机13909510021，电话0951-5012345。\n')
    expect(runCli(['redact', txt, '-o', join(dir, 'pairs.redacted.txt')]).code).toBe(0)
    expect(readFileSync(join(dir, 'pairs.redacted.txt'), 'utf8')).toBe('被告王某某，身份证号码640302********8516，手机139****0021，电话0951-*******。\n')
  })

  it('prints a unified diff with --dry-run and writes nothing', () => {
    const output = join(dir, 'dry.txt')
    const r = runCli(['redact', seed, '-o', output, '--dry-run'])
    expect(r.code).toBe(0)
    expect(r.stdout.startsWith(`--- a/${seed}\n+++ b/${seed}\n@@ `)).toBe(true)
    expect(r.stdout).toMatch(/^-.*外西河村/m)
    expect(r.stdout).toMatch(/^\+.*\*\*\*村拓建/m)
    expect(existsSync(output)).toBe(false)
  })

  it('--dry-run prints a diff that git apply turns into the copy redact writes', () => {
    const work = join(dir, 'apply')
    mkdirSync(work, { recursive: true })
    writeFileSync(join(work, 'report.txt'), readFileSync(seed))
    const diff = runCli(['redact', 'report.txt', '--dry-run'], { cwd: work }).stdout
    expect(runCli(['redact', 'report.txt', '-o', 'public.txt'], { cwd: work }).code).toBe(0)
    writeFileSync(join(work, 'redact.diff'), diff)
    const applied = spawnSync('git', ['apply', 'redact.diff'], { cwd: work, encoding: 'utf8' })
    expect(applied.status, applied.stderr).toBe(0)
    expect(readFileSync(join(work, 'report.txt'), 'utf8')).toBe(readFileSync(join(work, 'public.txt'), 'utf8'))
  })

  it('--dry-run of a GB18030 file is in GB18030, so git apply turns it into the copy too', () => {
    const work = join(dir, 'apply-gb')
    mkdirSync(work, { recursive: true })
    writeFileSync(join(work, 'report.txt'), iconv.encode(readFileSync(seed, 'utf8'), 'gb18030'))
    const dry = spawnSync(process.execPath, [join(repoRoot, 'bin', 'mask-audit.js'), 'redact', 'report.txt', '--dry-run'], { cwd: work, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LANGUAGE: '' } })
    expect(Buffer.from(dry.stdout).toString('utf8').startsWith('# mask-audit: report.txt: GB18030 text: the lines below are in GB18030')).toBe(true)
    writeFileSync(join(work, 'redact.diff'), dry.stdout)
    expect(runCli(['redact', 'report.txt', '-o', 'public.txt'], { cwd: work }).code).toBe(0)
    const applied = spawnSync('git', ['apply', 'redact.diff'], { cwd: work, encoding: 'utf8' })
    expect(applied.status, applied.stderr).toBe(0)
    expect(readFileSync(join(work, 'report.txt')).equals(readFileSync(join(work, 'public.txt')))).toBe(true)
  })

  it('refuses to overwrite the original, and needs -o', () => {
    const same = runCli(['redact', seed, '-o', seed])
    expect(same.code).toBe(2)
    expect(same.stderr).toMatch(/is the file being redacted/)
    expect(runCli(['redact', seed]).code).toBe(2)
  })

  it('masks the user’s sensitive terms too', () => {
    const terms = join(dir, 'terms.txt')
    writeFileSync(terms, '# our partners\n统小二\n')
    const output = join(dir, 'terms-out.txt')
    expect(runCli(['redact', seed, '-o', output, '--sensitive-terms', terms]).code).toBe(0)
    expect(readFileSync(output, 'utf8')).not.toContain('统小二')
    const check = runCli(['--sensitive-terms', terms, '--format', 'jsonl', seed])
    expect(check.stdout).toContain('"ruleId":"leak/sensitive-term"')
  })

  it('uses the config file like check does: its sensitiveTerms, and the overrides of the file’s folder', () => {
    const project = makeTempDir('redact-config-')
    writeFileSync(join(project, '.mask-auditrc.yaml'), 'sensitiveTerms: [统小二]\noverrides:\n  - files: "public/**"\n    rules: { leak/sensitive-term: off }\n')
    mkdirSync(join(project, 'public'))
    const text = readFileSync(seed)
    writeFileSync(join(project, 'report.txt'), text)
    writeFileSync(join(project, 'public', 'report.txt'), text)
    const masked = runCli(['redact', join(project, 'report.txt'), '-o', join(project, 'out.txt')])
    expect(masked.code).toBe(0)
    expect(readFileSync(join(project, 'out.txt'), 'utf8')).not.toContain('统小二')
    // Under public/ the config turns the rule off, so the term is kept, as check would report nothing.
    expect(runCli(['redact', join(project, 'public', 'report.txt'), '-o', join(project, 'public-out.txt')]).code).toBe(0)
    expect(readFileSync(join(project, 'public-out.txt'), 'utf8')).toContain('统小二')
    // -c names the config to use, wherever the file is.
    const elsewhere = join(dir, 'elsewhere.txt')
    writeFileSync(elsewhere, text)
    expect(runCli(['redact', elsewhere, '-c', join(project, '.mask-auditrc.yaml'), '-o', join(dir, 'elsewhere-out.txt')]).code).toBe(0)
    expect(readFileSync(join(dir, 'elsewhere-out.txt'), 'utf8')).not.toContain('统小二')
  })
})

describe('--sensitive-terms FILE in the encodings Windows saves', () => {
  it('reads a list saved as GBK, UTF-16 (either order, with its BOM) or UTF-8 with a BOM as documents are read', () => {
    const folder = makeTempDir('terms-encodings-')
    const doc = join(folder, 'leak.txt')
    writeFileSync(doc, '被告人张伟盗窃。\n')
    const lists: [string, Buffer][] = [
      ['gbk', iconv.encode('张伟\n李明\n', 'gbk')],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('张伟\r\n李明\r\n', 'utf-16le')])],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('张伟\n', 'utf-16be')])],
      ['utf-8 bom', Buffer.from('\uFEFF张伟\n', 'utf8')],
    ]
    for (const [name, bytes] of lists) {
      const terms = join(folder, `${name}.txt`)
      writeFileSync(terms, bytes)
      const r = runCli(['--format', 'jsonl', '--sensitive-terms', terms, doc])
      expect(r.code, name).toBe(1)
      expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).text), name).toContain('张伟')
    }
  })

  it('refuses a list that is not text, as a document would be', () => {
    const folder = makeTempDir('terms-binary-')
    writeFileSync(join(folder, 'terms.bin'), Buffer.from([0x89, 0x50, 0x00, 0x01]))
    writeFileSync(join(folder, 'a.txt'), '全年学习12次。\n')
    const r = runCli(['--sensitive-terms', 'terms.bin', 'a.txt'], { cwd: folder })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^mask-audit: terms\.bin: binary file/)
  })
})
