// Options as people type them: language tags and locales, a format in capitals, a category of rules.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { localeLang, langOfSetting, langOfTag } from '../src/i18n/lang.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

let file: string

beforeAll(() => {
  file = join(makeTempDir('cli-options-'), 'blank.txt')
  writeFileSync(file, '年内组织集体学习x次。\n')
})

describe('language', () => {
  it('reads a language or locale tag of zh or en in any form, and nothing else', () => {
    for (const tag of ['zh', 'ZH', 'zh-CN', 'zh_CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh-Hant-TW', 'zh@pinyin']) expect(langOfTag(tag), tag).toBe('zh')
    for (const tag of ['en', 'EN', 'en-US', 'en_GB.UTF-8']) expect(langOfTag(tag), tag).toBe('en')
    for (const tag of ['fr', 'cn', 'zhx', '', 'chinese', 'z']) expect(langOfTag(tag), tag).toBeUndefined()
  })

  it('--lang zh-CN words the findings in Chinese; an unknown language is still refused', () => {
    expect(runCli([file, '--lang', 'zh-CN']).stdout).toContain('中的数字未填写')
    expect(runCli([file, '--lang=zh_CN']).stdout).toContain('中的数字未填写')
    const fr = runCli([file, '--lang', 'fr'])
    expect(fr.code).toBe(2)
    expect(fr.stderr).toBe('mask-audit: unknown language "fr" (one of: zh, en)\n')
  })

  it('--lang before the command is the command’s as after it: its help, its findings, its messages; not a path', () => {
    for (const args of [['--lang', 'zh', 'check', '--help'], ['check', '--help', '--lang', 'zh'], ['--lang=zh', 'check', '--help']]) {
      const r = runCli(args)
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout, args.join(' ')).toMatch(/^用法： mask-audit check /)
    }
    for (const args of [['--lang', 'zh', 'check', file], ['--lang', 'zh', file], [file, '--lang', 'zh'], ['check', file, '--lang', 'zh']]) {
      const r = runCli(args)
      expect(r.stdout, args.join(' ')).toContain('中的数字未填写')
      expect(r.stderr, args.join(' ')).toBe('')
    }
    for (const command of ['redact', 'fill', 'blanks', 'annotate', 'rules', 'init']) expect(runCli(['--lang', 'zh', command, '--help']).stdout, command).toMatch(new RegExp(`^用法： mask-audit ${command} `))
    expect(runCli(['--lang', 'zh', 'blanks', file]).stdout).toMatch(/^编号,规则,行,列/)
    expect(runCli(['--lang', 'zh', 'rules']).stdout).toContain('量词或单位前的数字')
    // The header too: the words around the option values (draft, redacted, error) are Chinese.
    expect(runCli(['--lang', 'zh', 'rules']).stdout.split('\n')[0]).toMatch(/^id +draft +redacted +此处（draft） +说明$/)
    expect(runCli(['--lang', 'fr', 'rules']).stderr).toBe('mask-audit: unknown language "fr" (one of: zh, en)\n')
  })

  it('a setting may name the language as people write it (cn, 中文), in --lang and in the config; the locale may not', () => {
    for (const name of ['cn', 'CN', 'chinese', '中文', '简体中文']) expect(langOfSetting(name), name).toBe('zh')
    for (const name of ['english', '英文']) expect(langOfSetting(name), name).toBe('en')
    expect(langOfSetting('fr')).toBeUndefined()
    for (const name of ['constructor', '__proto__', 'toString']) expect(langOfSetting(name), name).toBeUndefined()
    expect(localeLang({ LANG: 'cn' })).toBe('en')
    expect(runCli([file, '--lang', 'cn']).stdout).toContain('中的数字未填写')
    const dir = makeTempDir('cli-options-lang-')
    writeFileSync(join(dir, '.mask-auditrc.yaml'), 'lang: cn\n')
    writeFileSync(join(dir, 'blank.txt'), '年内组织集体学习x次。\n')
    expect(runCli([join(dir, 'blank.txt')], { cwd: dir }).stdout).toContain('中的数字未填写')
    writeFileSync(join(dir, '.mask-auditrc.yaml'), 'lang: fr\n')
    expect(runCli([join(dir, 'blank.txt')], { cwd: dir }).stderr.trim()).toBe('mask-audit: .mask-auditrc.yaml:1:7: lang: unknown value "fr" (one of: zh, en)')
  })

  it('LANGUAGE, a list by preference, wins over LANG as in gettext, except under the C locale', () => {
    expect(localeLang({ LANGUAGE: 'zh_CN:en', LANG: 'en_US.UTF-8' })).toBe('zh')
    expect(localeLang({ LANGUAGE: 'fr:zh_CN', LANG: 'C.UTF-8' })).toBe('zh')
    expect(localeLang({ LANGUAGE: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(localeLang({ LANGUAGE: 'zh_CN', LANG: 'C' })).toBe('en')
    expect(localeLang({ LANGUAGE: 'zh_CN' })).toBe('en')
    expect(localeLang({ LANGUAGE: 'fr', LANG: 'zh_CN.UTF-8' })).toBe('zh')
    expect(runCli([file], { env: { LANGUAGE: 'zh_CN:en' } }).stdout).toContain('中的数字未填写')
  })
})

describe('format and rule selection', () => {
  it('--format JSON is json; an unknown format is refused with the choices', () => {
    const r = runCli([file, '--format', 'JSON'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).summary.errors).toBe(1)
    const xml = runCli([file, '--format', 'xml'])
    expect(xml.code).toBe(2)
    expect(xml.stderr).toMatch(/argument 'xml' is invalid\. Allowed choices are stylish, json/)
  })

  it('rules --category leak lists the leak rules only; a named rule is shown whatever its category', () => {
    const listed = JSON.parse(runCli(['rules', '--category', 'leak', '--json']).stdout) as { id: string; category: string }[]
    expect(listed.length).toBeGreaterThan(0)
    expect(new Set(listed.map((r) => r.category))).toEqual(new Set(['leak']))
    expect(JSON.parse(runCli(['rules', '--json']).stdout).length).toBeGreaterThan(listed.length)
    expect(runCli(['rules', 'count/unfilled', '--category', 'leak']).code).toBe(0)
  })
})
