import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { FirstCharIndex } from '../src/rules/shared/first-char-index.js'
import { literalAlternation } from '../src/rules/shared/options.js'
import { literalsIn, opensWithLiteral, TriggerScan, type Search } from '../src/rules/shared/trigger-scan.js'
import { randomTextOf } from './support/random-text.js'

/** Every match as `index:text`, non-empty matches stepped over as pattern.ts does. */
function allMatches(search: Search, text: string, within?: { whole: string; offset: number }): string[] {
  const out: string[] = []
  for (let m = search(text, 0, within); m; m = search(text, m.index + Math.max(m[0].length, 1), within)) out.push(`${m.index}:${m[0]}:${JSON.stringify(m.slice(1))}`)
  return out
}

describe('TriggerScan', () => {
  it('lists the positions whose unit recurs 2, 3 or 4 units on, as reading the text unit by unit does', () => {
    const pick = randomTextOf('甲乙丙丁，a𠀀', 23)
    const scan = new TriggerScan(0)
    scan.search(/的的/g)
    const recurrencesIn = scan.recurrences()
    for (const length of [0, 1, 2, 3, 4, 5, 6, 50, 400]) {
      for (let round = 0; round < 10; round++) {
        const text = pick(length)
        const expected: number[] = []
        for (let i = 0; i < text.length; i++) if ([2, 3, 4].some((d) => i + d < text.length && text[i] === text[i + d])) expected.push(i)
        const doc = new Document(text, { path: 'random.txt', encoding: 'utf-8' })
        expect([...recurrencesIn(doc)!], text).toEqual(expected)
      }
    }
  })

  // From the first document, or (1,500) building the tables within the rounds.
  it.each([0, 1500])('finds what each regex of one pass finds, on random text, the tables built after %i units', (textBefore) => {
    const sources = ['(?<![目有])的的(?!确)', '(?:…+|\\.{3,})?[ \\t]*(?:全文|本文)共?\\d+字', '(?<=^|[ \\t])(?:VIP|会员)(?=[ \\t]*$)', '[—-](?<=\\p{Script=Han}[—-])(?=[项个])', '𠀀+字|[𠀀-𠀂]', '\\p{Script=Han}{2}字', '(全文|本文)共?(\\d+)字|\\p{Script=Han}{1,2}(VIP)(会员)?|的(的)|(?<=^|[ \\t])\\p{Script=Han}']
    const alphabet = '的有目确…. \t\n全文本共12字VIP会员—-项个𠀀𠀁'
    const pick = randomTextOf(alphabet, 11)
    const scan = new TriggerScan(textBefore)
    const regexes = sources.flatMap((source) => ['gu', 'gmu'].map((flags) => new RegExp(source, flags)))
    const searches = regexes.map((re) => scan.search(new RegExp(re.source, re.flags)))
    for (let round = 0; round < 30; round++) {
      const text = pick(400)
      const doc = new Document(text, { path: 'random.txt', encoding: 'utf-8' })
      regexes.forEach((re, i) => {
        const plain: Search = (t, from) => {
          re.lastIndex = from
          return re.exec(t)
        }
        const search = searches[i]!(doc)
        expect(allMatches(search, text), re.source).toEqual(allMatches(plain, text))
        // A line of the text, searched at the positions listed in the whole: the same as the line alone.
        const line = text.slice(50, 350)
        expect(allMatches(search, line, { whole: text, offset: 50 }), re.source).toEqual(allMatches(plain, line))
      })
    }
  })

  it.each([0, 1500])('searches the lines a filter picks as V8 does, reading their positions itself, after %i units', (textBefore) => {
    const sources = ['(?<![目有])的的(?!确)', '(?:…+|\\.{3,})?[ \\t]*(?:全文|本文)共?\\d+字', '(?<=^|[ \\t])(?:VIP|会员)(?=[ \\t]*$)', '𠀀+字|[𠀀-𠀂]', '(全文|本文)共?(\\d+)字|\\p{Script=Han}{1,2}(VIP)(会员)?|的(的)|(?<=^|[ \\t])\\p{Script=Han}', '\\p{Script=Han}{2}(字)|本字(字)?|文(章)']
    const pick = randomTextOf('的有目确…. \t\n全文本共12字VIP会员𠀀𠀁章', 17)
    const scan = new TriggerScan(textBefore)
    const regexes = sources.flatMap((source) => ['gu', 'gmu'].map((flags) => new RegExp(source, flags)))
    const searches = regexes.map((re) => scan.lineSearch(new RegExp(re.source, re.flags)))
    for (let round = 0; round < 30; round++) {
      const text = pick(400)
      regexes.forEach((re, i) => {
        const plain: Search = (t, from) => {
          re.lastIndex = from
          return re.exec(t)
        }
        for (const [start, end] of [[0, 400], [37, 211], [390, 400]] as const) {
          const line = text.slice(start, end)
          expect(allMatches(searches[i]!, line, { whole: text, offset: start }), re.source).toEqual(allMatches(plain, line))
        }
      })
    }
  })

  it('keeps what its tables learn of each regex in a build cache, and a later pass reads it there', () => {
    const values = new Map<string, unknown>()
    let saves = 0
    const cache = { get: (key: string) => values.get(key) as never, set: (key: string, value: unknown) => void values.set(key, value), save: () => void saves++ }
    const sources = [/(?<![目有])的的(?!确)/g, /全文(\d)|(本)文|\p{Script=Han}{2}(字)|(字)/gu, /\p{Script=Han}字/gu]
    const text = '目的的确，的的，全文1本文 本字字 字'
    const doc = () => new Document(text, { path: 'a.txt', encoding: 'utf-8' })
    const first = new TriggerScan(0, cache)
    const searches = sources.map((re) => first.search(re, { keep: true }))
    // A regex of a user's rule file is analysed anew each run: its words are not written out.
    const userSearch = first.search(/用户词|自定义/g)
    const expected = searches.map((search) => allMatches(search(doc()), text))
    expect(allMatches(userSearch(doc()), text)).toEqual([])
    expect(saves).toBe(1)
    // One per regex: null for the one that no pair or unit bounds, a cut for the one bounded before its third alternative.
    expect([...values.values()].map((v) => (v === null ? null : 'cut' in (v as object) ? 'cut' : 'bounded'))).toEqual(['bounded', 'cut', null])
    const again = new TriggerScan(0, cache)
    const searchesAgain = sources.map((re) => again.search(re, { keep: true }))
    expect(searchesAgain.map((search) => allMatches(search(doc()), text))).toEqual(expected)
    // What the cache says is what the pass uses: told that 的的 begins nowhere, it finds none.
    const key = [...values.keys()][0]!
    values.set(key, { pairSlots: [], singleUnits: [] })
    expect(allMatches(new TriggerScan(0, cache).search(sources[0]!, { keep: true })(doc()), text)).toEqual([])
    // A value that is no analysis (a damaged file) is analysed anew.
    values.set(key, { pairSlots: 'x', singleUnits: [] })
    expect(allMatches(new TriggerScan(0, cache).search(sources[0]!, { keep: true })(doc()), text)).toEqual(expected[0])
  })

  it('splits a regex at its first alternative that is not bounded', () => {
    const scan = new TriggerScan(0)
    const search = scan.search(/全文(\d)|(本)文|\p{Script=Han}{2}(字)|(字)/gu)
    const text = '全文1 本文 本字字 字'
    expect(allMatches(search(new Document(text, { path: 'a.txt', encoding: 'utf-8' })), text)).toEqual(['0:全文1:["1",null,null,null]', '4:本文:[null,"本",null,null]', '7:本字字:[null,null,"字",null]', '11:字:[null,null,null,"字"]'])
    expect(scan.positions('全文(\\d)|\\p{Script=Han}{2}字', 'u')(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))).toBeUndefined()
  })

  it('splits a regex whose unbounded alternative comes first or amid bounded ones; at a tie the order of the alternatives decides', () => {
    const scan = new TriggerScan(0)
    const search = scan.search(/\p{Script=Han}{2}(字)|本字(字)?|文(章)|\p{Script=Han}(号)/gu)
    const text = '本字字 文章 京号'
    // 本字字: both sides begin at 0, the unbounded first alternative wins; 京号 only the rest finds.
    expect(allMatches(search(new Document(text, { path: 'a.txt', encoding: 'utf-8' })), text)).toEqual(['0:本字字:["字",null,null,null]', '4:文章:[null,null,"章",null]', '7:京号:[null,null,null,"号"]'])
  })

  it('lists nothing for a regex whose pairs are not bounded: it scans alone', () => {
    const scan = new TriggerScan(0)
    const re = /\p{Script=Han}{1,2}ICP备/gu
    const text = '宁ICP备，京ICP备'
    const search = scan.search(re)(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))
    expect(allMatches(search, text)).toEqual(['0:宁ICP备:[]', '6:京ICP备:[]'])
  })

  it("lists where a lexicon's words can begin: its hits there are all its hits", () => {
    const words = ['截止目前', '再接再励', '截止', '止目', '目前为止', '前', '再接']
    const index = new FirstCharIndex(words)
    const scan = new TriggerScan(0)
    const positionsIn = scan.positions(literalAlternation(words), '')
    const alphabet = '截止目前再接励为，'
    const pick = randomTextOf(alphabet, 3)
    for (let round = 0; round < 30; round++) {
      const text = pick(300)
      const positions = positionsIn(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))
      expect(positions).toBeDefined()
      expect(index.matchesAt(text, positions!)).toEqual(index.matches(text))
    }
  })

  it('keeps apart literal sets that differ only in where a newline splits a literal', () => {
    const scan = new TriggerScan(0)
    const joined = scan.literalPositions(['错字\n别字'])
    const split = scan.literalPositions(['错字', '别字'])
    const doc = new Document('这里有错字，那里有别字。', { path: 'a.txt', encoding: 'utf-8' })
    expect([...split(doc)!]).toEqual([3, 9])
    expect([...joined(doc)!]).toEqual([3])
  })

  it('gives each of 62 regexes its own positions (two words of bits), and the 63rd scans alone', () => {
    const scan = new TriggerScan(0)
    // Literal sets of one two-character word each, chosen so that some share a first character.
    const words = Array.from({ length: 63 }, (_, k) => String.fromCharCode(0x4e00 + (k % 7), 0x4e80 + k))
    const searches = words.map((word) => scan.literalPositions([word]))
    const text = [...words].reverse().join('，') + '。' + words.join('')
    const doc = new Document(text, { path: 'a.txt', encoding: 'utf-8' })
    words.forEach((word, k) => {
      const expected: number[] = []
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) expected.push(i)
      if (k < 62) expect([...searches[k]!(doc)!], word).toEqual(expected)
      else expect(searches[k]!(doc)).toBeUndefined()
    })
  })

  it('finds a literal set through the shared pass as its index alone does, before and once the pass has tables', () => {
    const words = ['宁夏', '石嘴山', '中卫', '卫', '父亲', '其妻']
    const index = new FirstCharIndex(words)
    const wordsIn = literalsIn(words)
    const pick = randomTextOf('宁夏石嘴山中卫父亲其妻子，的', 29)
    // 40,000 units a document: the pass builds its tables after the second.
    for (let round = 0; round < 4; round++) {
      const text = pick(40_000)
      expect(wordsIn(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))).toEqual(index.matches(text))
    }
  })
})

describe('regexes that open with a literal scan alone', () => {
  it('two Chinese characters every match begins with: V8 finds them itself, the slot goes to a regex that needs it', () => {
    expect(opensWithLiteral('部份(?![额数])')).toBe(true)
    expect(opensWithLiteral('既使(?!用)(?![^。！？；\\n]*(?:又|[也还更][使让令]))')).toBe(true)
    expect(opensWithLiteral('截止(?=[|0-9])')).toBe(true)
  })

  it('not with an alternation outside a group, a quantified second character, or a class or lookbehind first', () => {
    expect(opensWithLiteral('习近平|义思想')).toBe(false)
    expect(opensWithLiteral('部份?数')).toBe(false)
    expect(opensWithLiteral('(?<!工)人党')).toBe(false)
    expect(opensWithLiteral('[一二]全会')).toBe(false)
    expect(opensWithLiteral('部份(?:额|数)|其它')).toBe(false)
  })

  it('a built-in regex that opens with a literal takes no slot, and finds the same', () => {
    const scan = new TriggerScan(0)
    const doc = new Document('部份同志部份工作', 'a.txt')
    const search = scan.search(/部份(?!工)/g)(doc)
    expect(search(doc.text, 0)?.index).toBe(0)
    expect(search(doc.text, 1)).toBeNull()
  })
})
