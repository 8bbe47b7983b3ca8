import { describe, expect, it } from 'vitest'
import { firstUnitSearch, firstUnitsOf } from '../src/rules/shared/regex-first-units.js'
import { builtinRulesDir, loadRuleDir } from '../src/rules/loader.js'

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
  })

  it('gives up when a match may be empty, begin anywhere, or the syntax is not bounded', () => {
    expect(marked('a?')).toBeUndefined()
    expect(marked('[^a]b')).toBeUndefined()
    expect(marked('\\p{Script=Han}{1,2}ICP', 'u')).toBeUndefined()
    expect(marked('paid', 'i')).toBeUndefined()
    expect(marked('\\1(a)')).toBeUndefined()
    expect(marked('a)')).toBeUndefined()
  })
})

describe('firstUnitSearch', () => {
  it('finds what the regex finds, on random text', () => {
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
        const search = firstUnitSearch(new RegExp(source, flags))
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
})
