import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinRulesDir, loadRuleDir } from '../src/rules/loader.js'

/**
 * Pieces of page chrome and prose around the words the line filters narrow down (分享 only
 * before chrome, 转载请注明, a percentage only before 内容 or 正文), to build lines where a
 * filter too narrow would miss a match.
 */
const pieces = ['分享', '分享到', '赞', '喜欢', '点赞', '收藏', '评论', ' ', '　', '\t', '(', '（', ')', '）', '12', '３', '万', 'w', 'k', '+', '|', '｜', '·', '/', '：', ':', '微信', 'QQ空间', '经验', '\r', '转载', '转载请注明', '出处', '来源', '%', '％', '剩余', '还剩', '80', '内容', '正文', '的', '未读', '全文', '，']

/** Where a line filter was narrowed for speed: the piece now, and the wider piece it was. */
const narrowed: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'paywall/residue': [
    ['分享(?=[到至：: \\t\\u00a0\\u3000(（0-9０-９万wk+)）|｜·/点赞收分评转在举打喜\\r\\n\\u2028\\u2029]|$)|', '分享|'],
    ['|转载请注明|', '|转载|'],
  ],
  'paywall/truncated': [['|[%％][ \\t\\u00a0\\u3000]*的?(?:内容|正文)|', '|[%％]|']],
}

describe('line filters of the built-in pattern rules', () => {
  it('pass, narrowed, every line holding a match that they passed wide', () => {
    const fixtureDirs = ['fixtures/draft', 'fixtures/redacted']
    const fixtures = fixtureDirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.(txt|md|html)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')))
    const rules = loadRuleDir(builtinRulesDir)
    let seed = 17
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 16) % n
    }
    const lines = [...fixtures, ...rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch])].flatMap((text) => text.split('\n'))
    for (let i = 0; i < 20000; i++) lines.push(Array.from({ length: 2 + random(8) }, () => pieces[random(pieces.length)]).join(''))
    let checked = 0
    for (const [id, pieces] of Object.entries(narrowed)) {
      const rule = rules.find((r) => r.id === id)!
      const { pattern, lineFilter, flags } = rule.options as { pattern: string; lineFilter: string; flags: string }
      let wide = lineFilter
      for (const [now, was] of pieces) {
        expect(wide, id).toContain(now)
        wide = wide.replace(now, was)
      }
      const re = new RegExp(pattern, flags)
      const filter = new RegExp(lineFilter, flags.replace('m', ''))
      const wideFilter = new RegExp(wide, flags.replace('m', ''))
      for (const line of lines) {
        if (!re.test(line) || !wideFilter.test(line)) continue
        checked++
        expect(filter.test(line), `${id}: ${JSON.stringify(line)}`).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(100)
  })
})
