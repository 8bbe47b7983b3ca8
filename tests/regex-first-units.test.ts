import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { firstUnitSearch, firstUnitsOf } from '../src/rules/shared/regex-first-units.js'
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

/** Every match as `index:text`, by a `g` regex from `lastIndex` and by the search, non-empty matches stepped over as pattern.ts does. */
function allMatches(search: (text: string, from: number) => RegExpExecArray | null, text: string): string[] {
  const out: string[] = []
  for (let m = search(text, 0); m; m = search(text, m.index + Math.max(m[0].length, 1))) out.push(`${m.index}:${m[0]}`)
  return out
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

describe('firstUnitSearch', () => {
  // From the first search, or (1,500) switching to the table within the rounds.
  it.each([0, 1500])('finds what the regex finds, on random text, the table read after %i units', (scanFirst) => {
    const sources = ['(?<![目有])的的(?!确)', '(?:…+|\\.{3,})?[ \\t]*(?:全文|本文)共?\\d+字', '(?<=^|[ \\t])(?:VIP|会员)(?=[ \\t]*$)', '[—-](?<=\\p{Script=Han}[—-])(?=[项个])']
    const alphabet = '的有目确…. \t\n全文本共12字VIP会员—-项个𠀀'
    let seed = 11
    const pick = (n: number) => {
      let s = ''
      for (let i = 0; i < n; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
        s += [...alphabet][(seed >>> 16) % [...alphabet].length]
      }
      return s
    }
    for (const source of sources) {
      for (const flags of ['gu', 'gmu']) {
        const re = new RegExp(source, flags)
        const search = firstUnitSearch(new RegExp(source, flags), scanFirst)
        for (let round = 0; round < 30; round++) {
          const text = pick(400)
          const plain = (t: string, from: number) => {
            re.lastIndex = from
            return re.exec(t)
          }
          expect(allMatches(search, text)).toEqual(allMatches(plain, text))
          // A line of a longer text, its table read in the whole: the same as the line alone.
          const line = text.slice(50, 350)
          expect(allMatches((t, from) => search(t, from, { whole: text, offset: 50 }), line)).toEqual(allMatches(plain, line))
        }
      }
    }
  })

  it('bounds the line filters and patterns of the built-in pattern rules that have a line filter', () => {
    for (const rule of loadRuleDir(builtinRulesDir)) {
      const options = rule.options as { pattern?: string; lineFilter?: string; flags?: string }
      if (options.lineFilter === undefined) continue
      expect(firstUnitsOf(options.lineFilter, options.flags ?? ''), rule.id).toBeDefined()
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
      const re = new RegExp(source, flags.replace(/[gy]/g, '') + 'g')
      for (const text of samples) {
        // Every position a match begins at: the next search starts one code point on.
        for (let m = re.exec(text); m; re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1), m = re.exec(text)) {
          expect(table[text.charCodeAt(m.index)], `${id} /${source}/ at ${JSON.stringify(text.slice(m.index, m.index + 10))}`).toBe(1)
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
