// The sarif, csv and github reports: valid SARIF 2.1.0 with stable fingerprints, CSV a
// spreadsheet reads, workflow commands GitHub parses.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv-draft-04'
import { beforeAll, describe, expect, it } from 'vitest'
import { csvCell } from '../src/report/csv.js'
import { escapeProperty } from '../src/report/github.js'
import { artifactUri, fingerprintKey } from '../src/report/sarif.js'
import { repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

// The SARIF 2.1.0 schema as shipped by Microsoft's @microsoft/jest-sarif package (MIT),
// lib/schemas/sarif-2.1.0-rtm.5.json, kept here because tests run without network.
const sarifSchema = JSON.parse(readFileSync(join(repoRoot, 'tests/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
const seed = 'fixtures/draft/seed-002-branch-secretary-report.txt'
let dir: string

beforeAll(() => {
  dir = makeTempDir('reports-')
  writeFileSync(join(dir, 'data.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
})

function jsonOf(args: string[]) {
  return JSON.parse(runCli([...args, '--format', 'json']).stdout)
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with every finding and the unreadable file', () => {
    const r = runCli(['fixtures/', join(dir, 'data.bin'), '--format', 'sarif'])
    expect(r.code).toBe(2)
    const sarif = JSON.parse(r.stdout)
    // The schema's language pattern is not valid with the `u` flag, so Ajv must not add it.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema)
    const isValid = validate(sarif)
    expect(validate.errors ?? []).toEqual([])
    expect(isValid).toBe(true)
    // The validator does reject what breaks the schema.
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...sarif.runs[0].results[0], level: 'fatal' }] }] })).toBe(false)
    const json = jsonOf(['fixtures/', join(dir, 'data.bin')])
    const run = sarif.runs[0]
    expect(run.results).toHaveLength(json.summary.findings)
    expect(run.invocations[0].executionSuccessful).toBe(false)
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/binary file/)
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('count/unfilled')
    const first = run.results[0]
    const f = json.files.find((x: { findings: unknown[] }) => x.findings.length > 0).findings[0]
    expect(first).toMatchObject({ ruleId: f.ruleId, message: { text: f.message } })
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.offset, charLength: f.length })
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\//)
  })

  it('describes its rules in the chosen language and carries the safe fixes, valid SARIF 2.1.0', () => {
    writeFileSync(join(dir, 'fixable.txt'), '我们截止目前完成了(四）项任务。\n正文##paidbegin##付费内容##paidend##\n全年学习**次。\n')
    const sarif = JSON.parse(runCli([join(dir, 'fixable.txt'), '--format', 'sarif', '--lang', 'zh']).stdout)
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema)
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
    const run = sarif.runs[0]
    expect(run.language).toBe('zh-CN')
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'typo/misused-word')
    expect(rule.shortDescription.text).toBe('公文中常见的错别字和误用词（截止目前应为截至目前、规模以工业）')
    expect(rule.shortDescription.markdown).toContain('`截止目前`')
    expect(rule.help.text).toMatch(/按建议改正/)
    expect(rule.fullDescription.text).toContain('。按建议改正')
    expect(rule.properties).toEqual({ category: 'typo', messageId: 'typo.misused-word' })
    const byRule = (id: string) => run.results.filter((r: { ruleId: string }) => r.ruleId === id)
    const [word] = byRule('typo/misused-word')
    expect(word.properties.messageId).toBe('typo.misused-word')
    expect(word.fixes).toEqual([
      {
        description: { text: '将“截止目前”改为“截至目前”' },
        artifactChanges: [{ artifactLocation: { uri: word.locations[0].physicalLocation.artifactLocation.uri }, replacements: [{ deletedRegion: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 7, charOffset: 2, charLength: 4 }, insertedContent: { text: '截至目前' } }] }],
      },
    ])
    expect(byRule('paywall/tag').map((r: { fixes: { description: { text: string } }[] }) => r.fixes[0]!.description.text)).toEqual(['删除“##paidbegin##”', '删除“##paidend##”'])
    // No safe fix, no `fixes`: a count cannot be guessed.
    expect(byRule('count/unfilled')[0].fixes).toBeUndefined()
    const en = JSON.parse(runCli([join(dir, 'fixable.txt'), '--format', 'sarif', '--lang', 'en']).stdout).runs[0]
    expect(en.tool.driver.rules.find((r: { id: string }) => r.id === 'typo/misused-word').help.text).toMatch(/^Replace the word with the suggestion/)
    expect(en.results.find((r: { ruleId: string }) => r.ruleId === 'typo/misused-word').fixes[0].description.text).toBe('replace 截止目前 with 截至目前')
  })

  it('keeps fingerprints when lines are added above the findings', () => {
    const text = readFileSync(join(repoRoot, seed), 'utf8')
    writeFileSync(join(dir, 'report.txt'), text)
    const before = JSON.parse(runCli([join(dir, 'report.txt'), '--format', 'sarif']).stdout).runs[0].results
    writeFileSync(join(dir, 'report.txt'), '新增的第一段。\n\n' + text)
    const after = JSON.parse(runCli([join(dir, 'report.txt'), '--format', 'sarif']).stdout).runs[0].results
    const prints = (rs: { partialFingerprints: Record<string, string> }[]) => rs.map((x) => x.partialFingerprints[fingerprintKey])
    expect(after.length).toBe(before.length)
    expect(prints(after)).toEqual(prints(before))
    expect(new Set(prints(before)).size).toBe(before.length)
    expect(after[0].locations[0].physicalLocation.region.startLine).toBe(before[0].locations[0].physicalLocation.region.startLine + 2)
  })

  it('writes relative paths as relative URIs, percent-encoded', () => {
    expect(artifactUri('归档/2023 总结.txt')).toBe('%E5%BD%92%E6%A1%A3/2023%20%E6%80%BB%E7%BB%93.txt')
    expect(artifactUri('/tmp/a b.txt')).toBe('file:///tmp/a%20b.txt')
  })
})

describe('csv', () => {
  it('starts with a BOM and a header, one row per finding, quoting what needs it', () => {
    const r = runCli([seed, join(dir, 'data.bin'), '--format', 'csv'])
    expect(r.stdout.startsWith('\ufeffpath,line,column,endLine,endColumn,severity,ruleId,category,message,text,context,suggestion\r\n')).toBe(true)
    const rows = r.stdout.slice(1).split('\r\n').filter((l) => l !== '')
    const json = jsonOf([seed])
    expect(rows).toHaveLength(1 + json.summary.findings + 1)
    expect(rows[1]).toMatch(new RegExp(`^${seed},\\d+,\\d+,\\d+,\\d+,(error|warning|info),`))
    expect(rows[rows.length - 1]).toMatch(/data\.bin,,,,,error,,input,"?binary file/)
  })

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('说"是"')).toBe('"说""是"""')
    expect(csvCell('一\n二')).toBe('"一\n二"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(12)).toBe('12')
  })
})

describe('github', () => {
  it('prints one workflow command per finding and a summary notice', () => {
    const r = runCli([seed, '--format', 'github'])
    const lines = r.stdout.trim().split('\n')
    const json = jsonOf([seed])
    expect(lines).toHaveLength(json.summary.findings + 1)
    const f = json.files[0].findings[0]
    expect(lines[0]).toBe(`::${f.severity === 'info' ? 'notice' : f.severity} file=${seed},line=${f.line},endLine=${f.endLine},col=${f.column},endColumn=${f.endColumn},title=${f.ruleId.replace(/:/g, '%3A')}::${f.message}`)
    expect(lines[lines.length - 1]).toMatch(/^::notice title=mask-audit::✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 1 file$/)
    expect(runCli([seed, '--format', 'github', '--lang', 'zh']).stdout.trim().split('\n').at(-1)).toMatch(/^::notice title=mask-audit::✖ 1 个文件中共有 \d+ 个问题/)
  })

  it('escapes what would end a property or a command', () => {
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A')
    expect(escapeProperty('a\u001b[31mb\tc\u202e.txt')).toBe('a\\x1b[31mb\tc\\u202e.txt')
  })
})

describe('html (the page itself is judged in a browser by html-report.test.ts)', () => {
  it('gives the time in the run’s time zone with its offset, and an unreadable file’s reason in the run’s language', () => {
    const env = { TZ: 'Asia/Shanghai', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 3, 15, 24, 20) / 1000) }
    const zh = runCli([join(dir, 'data.bin'), '--format', 'html', '--lang', 'zh'], { env }).stdout
    expect(zh).toContain('<dd>2026-12-03 23:24:20 UTC+08:00</dd>')
    expect(zh).toMatch(/<p class="error">无法读取：[^<a-z]*二进制/)
    const utc = runCli([join(dir, 'data.bin'), '--format', 'html', '--lang', 'en'], { env: { ...env, TZ: 'UTC' } }).stdout
    expect(utc).toContain('<dd>2026-12-03 15:24:20 UTC</dd>')
  })
})
