import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pairSlot } from '../src/rules/shared/first-char-index.js'
import { firstPairsOf, firstUnitsOf } from '../src/rules/shared/regex-first-units.js'
import { builtinRulesDir, loadRuleDir } from '../src/rules/loader.js'
import { literalAlternation } from '../src/rules/shared/options.js'

/** The units a table marks, as a string. */
function marked(source: string, flags = ''): string | undefined {
  const table = firstUnitsOf(source, flags)
  if (!table) return undefined
  let s = ''
  for (let u = 0; u < table.length; u++) if (table[u]) s += String.fromCharCode(u)
  return s
}

describe('firstUnitsOf', () => {
  it('marks what begins a match past lookarounds, optional parts and alternatives', () => {
    expect(marked('(?<![目有])的的(?!确)')).toBe('的')
    expect(marked('(?:…+|\\.{3,})?[ \\t\\u3000]*(?:全文|本文)')).toBe('\t .…\u3000全本')
    expect(marked('(?<=^[ \\t]*)(?:VIP|会员)', 'm')).toBe('V会')
    expect(marked('[a-c]x|\\d{2}y')).toBe('0123456789abc')
    expect(marked('(?<name>甲)?乙{0,2}丙')).toBe('丙乙甲')
    expect(marked('\\x41|\\u0042|\\cC|\\0|[\\b]|\\n', '')).toBe('\0\x03\b\nAB')
  })

  it('marks the lead surrogate of an astral character or range', () => {
    expect(marked('𠀀', 'u')).toBe('\ud840')
    expect(marked('[𠀀-𪛟a]', 'u')).toBe(`a${String.fromCharCode(...Array.from({ length: 0xd869 - 0xd840 + 1 }, (_, i) => 0xd840 + i))}`)
    expect(marked('[\\u{FFFF}-\\u{10400}]', 'u')).toBe('\ud800\ud801\uffff')
    expect(marked('\\ud83d\\ude00', 'u')).toBe('\ud83d')
  })

  it('gives up when a match may be empty, begin anywhere, or the syntax is not bounded', () => {
    expect(marked('a?')).toBeUndefined()
    expect(marked('[^a]b')).toBeUndefined()
    expect(marked('\\p{Script=Han}{1,2}ICP', 'u')).toBeUndefined()
    expect(marked('paid', 'i')).toBeUndefined()
    expect(marked('\\1(a)')).toBeUndefined()
    expect(marked('a)')).toBeUndefined()
    expect(marked('(?i:a)b')).toBeUndefined()
    expect(marked('[\\w&&\\d]', 'v')).toBeUndefined()
  })
})

/** The pairs of `text`'s positions that firstPairsOf lets pass, as `ab` strings (`a` alone for a single). */
function passing(source: string, flags: string, text: string): string[] | undefined {
  const firsts = firstPairsOf(source, flags)
  if (!firsts) return undefined
  const out: string[] = []
  for (let i = 0; i < text.length; i++) {
    if (firsts.singleUnits.includes(text.charCodeAt(i))) out.push(text[i]!)
    else if (i + 1 < text.length && firsts.pairSlots.includes(pairSlot(text.charCodeAt(i), text.charCodeAt(i + 1)))) out.push(text.slice(i, i + 2))
  }
  return out
}

describe('firstPairsOf', () => {
  it('passes the first two units of a match past lookarounds, optional parts and repeats', () => {
    expect(passing('(?<![目有])的的(?!确)', '', '的目的的确')).toEqual(['的的'])
    expect(passing('(?:…+|\\.{3,})?[ \\t]*(?:全文|本文)', '', '全部…全文 本文本…… .')).toEqual(['…全', '全文', ' 本', '本文', '……', '… '])
    expect(passing('[%％][ \\t]*的?(?:内容|正文)', 'u', '5%。6% 的内容％的')).toEqual(['% ', '％的'])
    expect(passing('a{2,}|b+', '', 'aab ab bb')).toEqual(['aa', 'b', 'b', 'b', 'b'])
  })

  it('passes the unit after a match that a lookahead ending it bounds, and a single where the lookahead may meet the end', () => {
    expect(passing('0(?<=二.)(?=[〇0]{2}年)', '', '00 0年 0〇')).toEqual(['00', '0〇'])
    expect(passing('-(?![-])(?=[项个]|$)', '', '-项 -- -')).toEqual(['-', '-', '-', '-'])
    expect(passing('-(?=[项个])|-', '', '-项 -x')).toEqual(['-', '-'])
  })

  it('passes an astral character by its two units, and one of a class that may hold one by its first', () => {
    expect(passing('𠀀a', 'u', '𠀀a𠀁a')).toEqual(['\ud840\udc00'])
    expect(passing('[𠀀𠀁]a', 'u', '𠀀a𠀁a')).toEqual(['\ud840', '\ud840'])
  })

  it('gives up where firstUnitsOf does, and where a match may be empty', () => {
    expect(firstPairsOf('a?', '')).toBeUndefined()
    expect(firstPairsOf('(?:)|a', '')).toBeUndefined()
    expect(firstPairsOf('\\p{Script=Han}{1,2}ICP', 'u')).toBeUndefined()
    expect(firstPairsOf('paid', 'i')).toBeUndefined()
    expect(firstPairsOf('(a)\\1', '')).toBeUndefined()
  })

  it('bounds the line filters and patterns of the built-in pattern rules that have a line filter', () => {
    for (const rule of loadRuleDir(builtinRulesDir)) {
      const options = rule.options as { pattern?: string; lineFilter?: string; flags?: string }
      if (options.lineFilter === undefined) continue
      expect(firstPairsOf(options.lineFilter, options.flags ?? ''), rule.id).toBeDefined()
    }
  })

  it('leaves out no unit a match of a built-in pattern begins with, in the rules\' examples and the fixtures', () => {
    const fixtureDirs = ['fixtures/draft', 'fixtures/redacted']
    const fixtures = fixtureDirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.(txt|md|html)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')))
    const rules = loadRuleDir(builtinRulesDir)
    const samples = [...fixtures, ...rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch])]
    let bounded = 0
    for (const [id, source, flags] of builtinSources(rules)) {
      const table = firstUnitsOf(source, flags)
      if (!table) continue
      bounded++
      const firsts = firstPairsOf(source, flags)
      const singleUnits = new Set(firsts?.singleUnits)
      const pairSlots = new Set(firsts?.pairSlots)
      const re = new RegExp(source, flags.replace(/[gy]/g, '') + 'g')
      for (const text of samples) {
        // Every position a match begins at: the next search starts one code point on.
        for (let m = re.exec(text); m; re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1), m = re.exec(text)) {
          const at = `${id} /${source}/ at ${JSON.stringify(text.slice(m.index, m.index + 10))}`
          expect(table[text.charCodeAt(m.index)], at).toBe(1)
          if (firsts) expect(singleUnits.has(text.charCodeAt(m.index)) || pairSlots.has(pairSlot(text.charCodeAt(m.index), text.charCodeAt(m.index + 1))), at).toBe(true)
        }
      }
    }
    expect(bounded).toBeGreaterThan(10)
  })
})

/** Each built-in regex a table is computed for: patterns and line filters (pattern.ts), the tail of a count (count.ts). */
function builtinSources(rules: ReturnType<typeof loadRuleDir>): [string, string, string][] {
  return rules.flatMap((rule): [string, string, string][] => {
    if (rule.kind === 'pattern') {
      const { pattern, lineFilter, flags } = rule.options as { pattern: string; lineFilter?: string; flags: string }
      return [[rule.id, pattern, flags], ...(lineFilter === undefined ? [] : [[rule.id, lineFilter, flags.replace('m', '')] as [string, string, string]])]
    }
    if (rule.kind === 'count') {
      const { units, approximations, magnitudes, exceptions } = rule.options as Record<'units' | 'approximations' | 'magnitudes' | 'exceptions', string[]>
      const approx = approximations.length ? `(?:${literalAlternation(approximations)})?` : ''
      const magnitude = magnitudes.length ? `(?:${literalAlternation(magnitudes)})*?` : ''
      const notName = exceptions.length ? `(?!${literalAlternation(exceptions)})` : ''
      return [[rule.id, `${notName}${approx}${magnitude}${approx}(${literalAlternation(units)})`, 'y']]
    }
    return []
  })
}
