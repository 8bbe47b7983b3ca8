// Inline suppressions in Markdown and HTML comments, and the report of those that suppress nothing.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { checkDocument } from '../src/core/engine.js'
import { createSuppressionFilter, unusedSuppressionId } from '../src/core/suppressions.js'
import { documentFromText } from '../src/io/read-document.js'
import { activateRules } from '../src/rules/loader.js'
import { builtinRules, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const rules = activateRules(builtinRules, 'draft')
const filter = createSuppressionFilter({ knownIds: builtinRules.map((d) => d.id), unusedSeverity: 'warning' })

async function audit(text: string, path = 'draft.md') {
  const doc = await documentFromText(text, path)
  return filter(checkDocument(doc, rules), doc).map((f) => `${f.line} ${f.ruleId}${f.ruleId === unusedSuppressionId ? ` ${f.message}` : ''}`)
}

describe('inline suppressions', () => {
  it('disable-next-line suppresses the named rule on the next line only', async () => {
    const text = '<!-- mask-audit-disable-next-line count/unfilled -->\n全年学习**次。\n全年学习**次。\n'
    expect(await audit(text)).toEqual(['3 count/unfilled'])
  })

  it('disable-line, several ids, and a reason after --', async () => {
    const text = '全年学习**次，国家统计局**调查队。 <!-- mask-audit-disable-line count/unfilled, placeholder/mask -- 模板示例 -->\n'
    expect(await audit(text)).toEqual([])
  })

  it('disable/enable blocks, for all rules or named ones; enable ID takes one rule back out of a block', async () => {
    const text = [
      '<!-- mask-audit-disable -->',
      '全年学习**次。截止目前。',
      '<!-- mask-audit-enable count/unfilled -->',
      '全年学习**次。截止目前。',
      '<!-- mask-audit-enable -->',
      '截止目前。',
      '<!-- mask-audit-disable typo/misused-word -->',
      '全年学习**次。截止目前。',
      '<!-- mask-audit-enable typo/misused-word -->',
      '截止目前。',
    ].join('\n')
    expect(await audit(text)).toEqual(['4 count/unfilled', '6 typo/misused-word', '8 count/unfilled', '10 typo/misused-word'])
  })

  it('reports a suppression that suppresses nothing, and a rule id that does not exist', async () => {
    const text = [
      '<!-- mask-audit-disable-next-line count/unfilled typo/misused-word -->',
      '全年学习**次。',
      '<!-- mask-audit-disable-next-line count/unfiled -->',
      '全年学习12次。',
      '<!-- mask-audit-disable -->',
      '全年学习12次。',
    ].join('\n')
    expect(await audit(text)).toEqual([
      `1 ${unusedSuppressionId} unused suppression: no typo/misused-word finding here to suppress (disable-next-line)`,
      `3 ${unusedSuppressionId} suppression names unknown rule "count/unfiled" (did you mean "count/unfilled"?)`,
      `5 ${unusedSuppressionId} unused suppression: no finding here to suppress (disable)`,
    ])
  })

  it('ignores a directive inside Markdown code, and comments in plain text', async () => {
    expect(await audit('```\n<!-- mask-audit-disable -->\n```\n全年学习**次。\n')).toEqual(['4 count/unfilled'])
    expect(await audit('<!-- mask-audit-disable -->\n全年学习**次。\n', 'draft.txt')).toEqual(['2 count/unfilled'])
  })

  it('works in HTML documents', () => {
    const text = '<p>全年学习**次。</p>\n<!-- mask-audit-disable-next-line count/unfilled -->\n<p>全年学习**次。</p>\n'
    const doc = new Document(text, { path: 'a.html', encoding: 'utf-8', format: 'html' })
    expect(filter(checkDocument(doc, rules), doc).map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 count/unfilled'])
  })

  it('is reported by the CLI as a warning that config can turn off', () => {
    const dir = makeTempDir('supp-')
    writeFileSync(join(dir, 'a.md'), '<!-- mask-audit-disable-next-line placeholder/mask -->\n全年学习12次。\n')
    const r = runCli(['a.md', '--format', 'jsonl'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ruleId: unusedSuppressionId, severity: 'warning', line: 1, column: 1 })
    writeFileSync(join(dir, '.mask-auditrc.json'), '{"reportUnusedSuppressions": "off"}')
    expect(runCli(['a.md', '--format', 'jsonl'], { cwd: dir }).stdout).toBe('')
  })
})
