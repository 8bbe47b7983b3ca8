// The message catalogues: both languages hold every id with the same placeholders, every
// rule and every id the code names has its words, and the language is chosen as documented.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogues, fillTemplate, formatMessage, langs } from '../src/i18n/catalogue.js'
import { findingMessage } from '../src/i18n/finding-message.js'
import { localeLang } from '../src/i18n/lang.js'
import { sensitiveTermRule } from '../src/rules/sensitive-terms.js'
import { builtinRules, checkText, repoRoot, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const placeholdersOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
/** CJK Unified Ideographs: a Chinese message holds at least one. */
const hanRe = /\p{Script=Han}/u

describe('catalogues', () => {
  it.each(langs)('%s holds every id of the other catalogues', (lang) => {
    for (const other of langs) {
      const missing = Object.keys(catalogues[other]).filter((id) => !(id in catalogues[lang]))
      expect(missing, `ids of ${other} missing in ${lang}`).toEqual([])
    }
  })

  it('gives each id the same placeholders in every language', () => {
    const differ = Object.keys(catalogues.en).filter((id) => JSON.stringify(placeholdersOf(catalogues.en[id]!)) !== JSON.stringify(placeholdersOf(catalogues.zh[id] ?? '')))
    expect(differ).toEqual([])
  })

  it('has no empty entry, and writes Chinese in the Chinese catalogue', () => {
    for (const lang of langs) expect(Object.entries(catalogues[lang]).filter(([, t]) => t.trim() === '').map(([id]) => id)).toEqual([])
    // Separators and placeholders-only entries aside, a Chinese entry that holds no Han character is an untranslated one.
    const exempt = new Set(['list.separator', 'clause.separator', 'tally.infos'])
    const untranslated = Object.entries(catalogues.zh).filter(([id, t]) => !exempt.has(id) && !hanRe.test(t) && t === catalogues.en[id])
    expect(untranslated).toEqual([])
  })

  it('words every built-in rule, with a summary and help, in both languages', () => {
    const defs = [...builtinRules, sensitiveTermRule(['某某'], 'test')]
    for (const def of defs) {
      const key = def.id.replace('/', '.')
      for (const lang of langs) {
        expect(catalogues[lang][def.messageId], `${def.messageId} in ${lang}`).toBeDefined()
        expect(catalogues[lang][`rule.${key}.summary`], `summary of ${def.id} in ${lang}`).toBeDefined()
        expect(catalogues[lang][`rule.${key}.help`], `help of ${def.id} in ${lang}`).toBeDefined()
      }
    }
  })

  it('holds every message id the code names', () => {
    const named = new Set<string>()
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (path.endsWith('.ts')) {
          const source = readFileSync(path, 'utf8')
          for (const m of source.matchAll(/(?:localText|formatMessage|say)\((?:[a-z.]+, )?'([a-z0-9.-]+)'/g)) named.add(m[1]!)
          for (const m of source.matchAll(/`\$\{rule\.messageId\}\.([a-z-]+)`/g)) named.add(`*.${m[1]}`)
        }
      }
    }
    walk(join(repoRoot, 'src'))
    expect(named.size).toBeGreaterThan(30)
    const variants = [...named].filter((id) => id.startsWith('*.')).map((id) => id.slice(1))
    const missing = [...named].filter((id) => !id.startsWith('*.') && !(id in catalogues.en))
    expect(missing).toEqual([])
    // A variant of a rule's message (`${rule.messageId}.unopened`) exists for some rule.
    for (const suffix of variants) expect(Object.keys(catalogues.en).some((id) => id.endsWith(suffix)), suffix).toBe(true)
  })
})

describe('finding messages', () => {
  // Every example that must match, in both languages: words from the catalogue, no placeholder left.
  const cases = builtinRules.flatMap((rule) => rule.examples.match.map((example) => [rule.id, example] as const))
  it.each(langs)('are worded in %s for every rule example', async (lang) => {
    for (const [id, example] of cases) {
      const findings = (await checkText(example, { only: [id], lang })).filter((f) => f.ruleId === id)
      for (const f of findings) {
        expect(f.message, `${id} on ${example}`).not.toMatch(/\{\w+\}/)
        expect(f.message).not.toBe(f.messageId)
        if (lang === 'zh') expect(f.message, `${id} on ${example}`).toMatch(hanRe)
      }
    }
  })

  it('say what an editor would', async () => {
    const [count] = await checkText('全年开展集中学习**次。', { lang: 'zh' })
    expect(count).toMatchObject({ ruleId: 'count/unfilled', messageId: 'count.unfilled', message: '“**次”中的数字未填写' })
    const [year] = await checkText('现将本人xxxx年履行职责情况报告如下', { lang: 'zh' })
    expect(year).toMatchObject({ messageId: 'count.unfilled.date', message: '“xxxx年”中的日期未填写' })
    const [tag] = await checkText('正文##paidbegin##付费##paidend##', { lang: 'zh', only: ['paywall/tag'] })
    expect(tag?.message).toBe('“##paidbegin##”是网页付费标记，应删除')
    const [word] = await checkText('截止目前已完成', { lang: 'zh' })
    expect(word?.message).toBe('此处疑为笔误：“截止目前”应为“截至目前”')
    const [end] = await checkText('正文##paidend##', { lang: 'zh', only: ['paywall/unpaired'] })
    expect(end).toMatchObject({ messageId: 'paywall.unpaired.unopened', message: '结束标记“##paidend##”之前没有开始标记，付费部分可能缺失' })
  })

  it('join lists as each language does', async () => {
    const text = '***市统计局\n灵武市郝家桥镇开展帮扶'
    const [zh] = (await checkText(text, { lang: 'zh', profile: 'redacted' })).filter((f) => f.ruleId === 'leak/reidentification')
    const [en] = (await checkText(text, { lang: 'en', profile: 'redacted' })).filter((f) => f.ruleId === 'leak/reidentification')
    expect(zh?.message).toContain('灵武市、郝家桥镇')
    expect(en?.message).toContain('灵武市, 郝家桥镇')
  })

  it('fill English plurals', () => {
    expect(formatMessage('en', 'tally.files', { count: 1 })).toBe('1 file')
    expect(formatMessage('en', 'tally.files', { count: 2 })).toBe('2 files')
  })

  it('word a finding as formatMessage does, though its template is resolved once per rule', () => {
    const args = (count: number) => ({ count, text: 'x次', year: 2023, names: ['甲', '乙'] })
    for (const lang of langs) {
      const rule = { messageId: 'count.unfilled' }
      for (const id of Object.keys(catalogues.en)) {
        for (const count of [1, 2, 1]) expect(findingMessage(rule, lang, id, args(count)), `${lang} ${id} ${count}`).toBe(formatMessage(lang, id, args(count)))
      }
      expect(findingMessage(rule, lang, 'no.such.id', undefined)).toBe(formatMessage(lang, 'no.such.id'))
      const own = { messageId: 'team.own', message: { en: 'own {text}' } }
      expect(findingMessage(own, lang, 'team.own', args(1))).toBe(fillTemplate(lang, 'own {text}', args(1)))
      expect(findingMessage(own, lang, 'tally.files', args(1))).toBe(formatMessage(lang, 'tally.files', args(1)))
      expect(findingMessage(own, lang, 'team.variant', args(1))).toBe(fillTemplate(lang, 'own {text}', args(1)))
    }
  })
})

describe('choosing the language', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh')
    expect(localeLang({ LANG: 'zh_TW.Big5' })).toBe('zh')
    expect(localeLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(localeLang({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US' })).toBe('zh')
    expect(localeLang({ LANG: 'C.UTF-8' })).toBe('en')
    expect(localeLang({ LANG: 'zu_ZA' })).toBe('en')
    expect(localeLang({})).toBe('en')
  })
})

describe('the command line', () => {
  const dir = makeTempDir('i18n-')
  const draft = join(dir, 'draft.txt')
  writeFileSync(draft, '全年开展集中学习**次。\n截止目前已完成。\n')
  const zhLocale = { LANG: 'zh_CN.UTF-8' }

  it('speaks Chinese under a Chinese locale: findings and summary', () => {
    const { code, stdout } = runCli([draft], { env: zhLocale })
    expect(code).toBe(1)
    expect(stdout).toContain('错误  “**次”中的数字未填写  count/unfilled')
    expect(stdout).toContain('警告  此处疑为笔误：“截止目前”应为“截至目前”')
    expect(stdout).toContain('✖ 1 个文件中共有 2 个问题（1 个错误、1 个警告）')
  })

  it('speaks English with --lang en, whatever the locale', () => {
    const { stdout } = runCli([draft, '--lang', 'en'], { env: zhLocale })
    expect(stdout).toContain('error    count not filled in: **次')
    expect(stdout).toContain('✖ 2 problems (1 error, 1 warning) in 1 file')
  })

  it('takes the config’s lang over the locale, and --lang over both', () => {
    const project = makeTempDir('i18n-config-')
    writeFileSync(join(project, '.mask-auditrc.yaml'), 'lang: zh\n')
    writeFileSync(join(project, 'a.txt'), '全年开展集中学习**次。\n')
    expect(runCli(['a.txt'], { cwd: project }).stdout).toContain('“**次”中的数字未填写')
    expect(runCli(['a.txt', '--lang', 'en'], { cwd: project }).stdout).toContain('count not filled in: **次')
    writeFileSync(join(project, '.mask-auditrc.yaml'), 'lang: en\n')
    expect(runCli(['a.txt'], { cwd: project, env: zhLocale }).stdout).toContain('count not filled in: **次')
    writeFileSync(join(project, '.mask-auditrc.yaml'), 'lang: fr\n')
    expect(runCli(['a.txt'], { cwd: project }).code).toBe(2)
  })

  it('keeps ruleId and the JSON shape, and adds messageId', () => {
    const zh = JSON.parse(runCli([draft, '--format', 'json'], { env: zhLocale }).stdout)
    const en = JSON.parse(runCli([draft, '--format', 'json', '--lang', 'en']).stdout)
    const strip = (out: { files: { findings: Record<string, unknown>[] }[] }) => out.files[0]!.findings.map(({ message: _m, ...rest }) => rest)
    expect(strip(zh)).toEqual(strip(en))
    expect(zh.files[0].findings.map((f: { messageId: string }) => f.messageId)).toEqual(['count.unfilled', 'typo.misused-word'])
    const line = JSON.parse(runCli([draft, '--format', 'jsonl'], { env: zhLocale }).stdout.split('\n')[0]!)
    expect(line).toMatchObject({ ruleId: 'count/unfilled', messageId: 'count.unfilled', message: '“**次”中的数字未填写' })
  })

  it('writes errors, CSV headers and rule summaries in the chosen language', () => {
    const missing = runCli([join(dir, 'nowhere.txt')], { env: zhLocale })
    expect(missing.stderr).toContain('nowhere.txt: 文件或目录不存在')
    expect(runCli([draft, '--lang', 'xx']).stderr).toContain('unknown language "xx" (one of: zh, en)')
    const csv = runCli([draft, '--format', 'csv'], { env: zhLocale }).stdout
    expect(csv.split('\r\n')[0]).toBe('\ufeff文件,行,列,结束行,结束列,级别,规则,类别,问题说明,原文,上下文,建议')
    expect(runCli(['rules'], { env: zhLocale }).stdout).toMatch(/count\/unfilled\s+error\s+info\s+error\s+量词或单位前的数字/)
  })

  it('keeps a team rule’s own message, in one language or two', () => {
    const rule = join(dir, 'mine.yaml')
    writeFileSync(rule, 'id: typo/budget\nkind: lexicon\nseverity: error\nsummary: s\nmessage: { zh: "“{text}”应写作“{suggestion}”", en: "write {suggestion} for {text}" }\nentries:\n  - { wrong: 预算执行率高, right: 预算执行率较高 }\nexamples: { match: [预算执行率高], noMatch: [预算] }\n')
    writeFileSync(join(dir, 'budget.txt'), '今年预算执行率高。\n')
    expect(runCli([join(dir, 'budget.txt'), '--rules', rule], { env: zhLocale }).stdout).toContain('“预算执行率高”应写作“预算执行率较高”')
    expect(runCli([join(dir, 'budget.txt'), '--rules', rule, '--lang', 'en']).stdout).toContain('write 预算执行率较高 for 预算执行率高')
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^message:.*\n/m, ''))
    expect(runCli([join(dir, 'budget.txt'), '--rules', rule]).stderr).toMatch(/mine\.yaml:1:5: message: rule has no message/)
  })
})
