// The identifier scans read only runs long enough to hold an identifier: they find what the
// regexes for those runs, tried at every position, find.
import { describe, expect, it } from 'vitest'
import { nextNumberRun, numberRunRe } from '../src/rules/shared/identifiers/numbers.js'
import { nextRun, unitTable } from '../src/rules/shared/identifiers/runs.js'

/** Texts of report-like pieces glued at random: Han characters, digits, masks, separators. */
function randomTexts(count: number, pieces: readonly string[]): string[] {
  let seed = 12345
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join(''))
}

describe('identifier runs', () => {
  it('finds the runs of letters and digits a regex of 18 or more finds', () => {
    const alnumRe = /[0-9A-Za-z]{18,}/g
    const units = unitTable([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a])
    const texts = [...randomTexts(400, ['统一社会信用代码', '91640100MA76', 'ABCDEFGHJK', '0123456789', '12345', 'x', '：', ' ', '号']), '', 'A'.repeat(17), 'A'.repeat(18), `中${'9'.repeat(36)}`]
    for (const text of texts) {
      const runs: number[][] = []
      for (let run = nextRun(text, 0, 18, units); run; run = nextRun(text, run[1], 18, units)) runs.push(run)
      expect(runs, text).toEqual([...text.matchAll(alnumRe)].map((m) => [m.index, m.index + m[0].length]))
    }
  })

  it('finds the number runs the number regex finds', () => {
    const texts = [
      ...randomTexts(1000, ['电话', '13912345678', '139 1234 5678', '0951-5012345', '+86 139', '+86-', '****', '＊＊', '××', 'xX', '6222 0212 3456 7890', '-', ' ', '1', '12', '.5', '@', 'a', '元', '（0951）', '2023年', '640102199001011234', '         ']),
      '', '1234567', '123456', '+8613912345678', 'a1234567', '1234567a', '3.1415926', '-------', '1 2 3 4 5 6 7',
    ]
    const globalRe = new RegExp(numberRunRe.source, 'g')
    for (const text of texts) {
      const found: [number, string][] = []
      for (let m = nextNumberRun(text, 0); m; m = nextNumberRun(text, m.index + m[0].length)) found.push([m.index, m[0]])
      expect(found, text).toEqual([...text.matchAll(globalRe)].map((m) => [m.index, m[0]]))
    }
  })
})
