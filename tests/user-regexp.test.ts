// Patterns from users run on a linear-time engine: a catastrophic pattern cannot hang a run,
// and what that engine cannot do is refused when the rule file or config is read.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAllowFilter } from '../src/core/allow-list.js'
import type { Finding } from '../src/core/finding.js'
import { compileRegExp, whyNotLinear } from '../src/core/user-regexp.js'
import { textIn } from '../src/i18n/catalogue.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const catastrophic = '(a+)+$'
const hostile = 'a'.repeat(30_000) + 'b'

function rule(pattern: string): string {
  return `id: placeholder/team-pattern\nkind: pattern\nseverity: error\nsummary: s\nmessage: "found: {text}"\npattern: ${JSON.stringify(pattern)}\nexamples: { match: [aaa], noMatch: [b] }\n`
}

describe('the linear engine', () => {
  it('runs (a+)+$ on a long aaaa…b line to the end, finding nothing', () => {
    const re = compileRegExp(catastrophic, 'g', false)
    expect(re.exec(hostile)).toBeNull()
    expect(re.exec('xaaa')?.index).toBe(1)
  })

  it('behaves as RegExp for exec loops: UTF-16 offsets, groups, named groups, flags', () => {
    const text = '😀甲张三、乙张四\nAB'
    for (const [source, flags] of [['张(三|四)', 'g'], ['(?<who>张.)', 'g'], ['^ab$', 'gim'], ['.', 'gsu']] as const) {
      const linear = compileRegExp(source, flags, false)
      const native = new RegExp(source, flags)
      for (;;) {
        const a = linear.exec(text)
        const b = native.exec(text)
        expect(a === null, source).toBe(b === null)
        if (!a || !b) break
        expect([a.index, [...a], a.groups], source).toEqual([b.index, [...b], b.groups ? { ...b.groups } : undefined])
        expect(linear.lastIndex).toBe(native.lastIndex)
      }
    }
  })

  it('refuses lookaround and backreferences with the reason', () => {
    expect(textIn('en', whyNotLinear('(?<=县)x', '')!)).toMatch(/^is not supported .*linear-time engine \(RE2 syntax: no lookaround, no backreferences\)$/)
    expect(whyNotLinear('(a)\\1', '')).toBeDefined()
    expect(whyNotLinear('x{2,}次', 'i')).toBeUndefined()
    expect(textIn('zh', whyNotLinear('(a)\\1', '')!)).toMatch(/线性时间引擎/)
  })
})

describe('on the command line', () => {
  it('a --rules file with (a+)+$ finishes on a long line, the rest of the batch too', () => {
    const dir = makeTempDir('user-regexp-')
    writeFileSync(join(dir, 'rule.yaml'), rule(catastrophic))
    writeFileSync(join(dir, 'long.txt'), hostile + '\n')
    writeFileSync(join(dir, 'short.txt'), '学习x次。aaa')
    const r = runCli(['--rules', join(dir, 'rule.yaml'), join(dir, 'long.txt'), join(dir, 'short.txt'), '--format', 'jsonl'])
    expect(r.stderr).toBe('')
    const found = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; ruleId: string; text: string })
    expect(found.filter((f) => f.ruleId === 'placeholder/team-pattern').map((f) => [f.path.endsWith('short.txt'), f.text])).toEqual([[true, 'aaa']])
  })

  it('a --rules pattern with lookbehind is a config error naming the key', () => {
    const dir = makeTempDir('user-regexp-')
    writeFileSync(join(dir, 'rule.yaml'), rule('(?<=县)x'))
    const r = runCli(['--rules', join(dir, 'rule.yaml'), '--stdin'], { input: '' })
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/^mask-audit: .*rule\.yaml:6:\d+: pattern: is not supported \(.*\): user patterns run on a linear-time engine/)
  })

  it('a config allow pattern (a+)+$ is run on the linear engine', () => {
    const dir = makeTempDir('user-regexp-')
    writeFileSync(join(dir, '.mask-auditrc.yaml'), `allow:\n  - { pattern: ${JSON.stringify(catastrophic)} }\n`)
    writeFileSync(join(dir, 'a.txt'), '学习x次。\n')
    const r = runCli(['a.txt', '--format', 'jsonl'], { cwd: dir })
    expect(r.code).toBe(1)
    const filter = createAllowFilter([{ pattern: catastrophic }])
    const f = { ruleId: 'count/unfilled', text: hostile } as Finding
    expect(filter([f], undefined as never)).toEqual([f])
    expect(filter([{ ...f, text: 'aaaa' }], undefined as never)).toEqual([])
  })
})
