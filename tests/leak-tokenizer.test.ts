// The tokenizer seam: both backends on the same inputs, lazy loading, and a clear error when
// the optional nodejieba is missing.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, symlinkSync, cpSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditFiles } from '../src/run/audit-loop.js'
import { getTokenizer, tokenizerNames } from '../src/nlp/tokenizer.js'
import { activateRules } from '../src/rules/loader.js'
import { builtinRules, repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const inputs = [
  '积极协调然而特集团投资万元为包抓外西河村拓建村级活动场所',
  '年内组织党员干部到惠农中街社区协助开展环境整治',
  '为解决结对帮扶的巴苏木昂嘎查存在的居民生活垃圾点少',
  '习近平总书记视察宁夏重要讲话，隆重庆祝建党节，推动幸福建设',
  '由局长刘志强主持，党组书记张建华同志讲话；林庄村党总支书记 张振华',
  '与中国工商银行石嘴山分行、北京大学第一医院、惠农区第三小学座谈',
  'ASCII words, 123 数字 and　全角空格\n第二行',
]

describe.each(tokenizerNames)('tokenizer %s', (name) => {
  it('covers the text with words whose offsets point at them', () => {
    for (const text of inputs) {
      const tokens = getTokenizer(name).tag(text)
      expect(tokens.map((t) => t.word).join('')).toBe(text)
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word)
    }
  })

  it('tags names the leak rules rely on', () => {
    const tag = (text: string, word: string) => getTokenizer(name).tag(text).find((t) => t.word === word)?.tag
    expect(tag('与中国工商银行座谈', '中国工商银行')).toBe('nt')
    expect(tag('由局长刘志强主持', '刘志强')).toBe('nr')
    expect(tag('习近平总书记视察宁夏重要讲话', '宁夏')).toBe('ns')
  })
})

describe('both backends', () => {
  it('agree on dictionary words; only their guesses at unknown words may differ', () => {
    // Both use jieba's dictionary; for unknown strings their HMMs may cut differently
    // (林庄村/x against 林/ng 庄/nr 村/zg), which is why the finders never rely on one cut.
    const known = (name: (typeof tokenizerNames)[number], text: string) => getTokenizer(name).tag(text).filter((t) => t.word.length > 1 && t.tag !== 'x')
    for (const text of inputs) {
      const other = new Set(known('nodejieba', text).map((t) => `${t.start}:${t.word}/${t.tag}`))
      const shared = known('jieba', text).filter((t) => other.has(`${t.start}:${t.word}/${t.tag}`))
      expect(shared.length).toBeGreaterThanOrEqual(known('jieba', text).length - 1)
    }
  })

  it('give the same findings on every leak fixture', async () => {
    const dir = join(repoRoot, 'fixtures', 'redacted')
    const paths = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => join(dir, n))
    const run = async (tokenizer: (typeof tokenizerNames)[number]) => {
      const rules = activateRules(builtinRules, 'redacted', new Map(), { tokenizer })
      const lines: string[] = []
      for await (const result of auditFiles(paths, rules)) for (const f of result.findings) lines.push(`${result.path}:${f.offset} ${f.ruleId} ${f.text}`)
      return lines
    }
    const jieba = await run('jieba')
    expect(jieba.filter((l) => l.includes(' leak/')).length).toBeGreaterThan(10)
    expect(await run('nodejieba')).toEqual(jieba)
  })
})

describe('lazy loading', () => {
  // A fresh process: the tokenizer and the village file are shared by everything in one.
  const probe = (text: string) =>
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', `
        import { Document } from './dist/core/document.js'
        import { checkDocument } from './dist/core/engine.js'
        import { activateRules, builtinRulesDir, loadRuleDir } from './dist/rules/loader.js'
        import { getTokenizer } from './dist/nlp/tokenizer.js'
        import { getGazetteer } from './dist/nlp/gazetteer.js'
        const doc = new Document(${JSON.stringify(text)}, { path: 'x.txt', encoding: 'utf-8' })
        const findings = checkDocument(doc, activateRules(loadRuleDir(builtinRulesDir), 'redacted'))
        console.log(JSON.stringify({ findings: findings.length, tokenizer: getTokenizer().isLoaded, villages: getGazetteer().hasLoadedVillages }))
      `], { cwd: repoRoot, encoding: 'utf8' }),
    ) as { findings: number; tokenizer: boolean; villages: boolean }

  it('never loads the tokenizer or the village file for a text with nothing to ask them', () => {
    expect(probe('全年开展集中学习12次，撰写统计分析46篇，***项工作全部完成。')).toMatchObject({ tokenizer: false, villages: false })
  })

  it('loads them once a candidate needs them', () => {
    expect(probe('***市统计局党组书记张建华同志带队到外西河村调研。')).toMatchObject({ tokenizer: true, villages: true })
  })
})

describe('nodejieba missing', () => {
  it('is one clear line and exit code 2, not a failure inside a rule', () => {
    // A copy of the package whose node_modules holds everything but nodejieba.
    const dir = makeTempDir('no-nodejieba-')
    for (const entry of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true })
    mkdirSync(join(dir, 'node_modules'))
    for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
      if (entry !== 'nodejieba' && entry !== '.bin') symlinkSync(join(repoRoot, 'node_modules', entry), join(dir, 'node_modules', entry))
    }
    const args = ['--tokenizer', 'nodejieba', '--profile', 'redacted', join(repoRoot, 'fixtures/redacted/clean.txt')]
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'mask-audit.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: tokenizer: tokenizer "nodejieba" is not installed (run `npm install nodejieba` (it compiles with node-gyp), or use the default tokenizer "jieba")')
    expect(runCli(args).code).toBe(0)
  })
})
