import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/core/engine.js'
import { documentFromText } from '../src/io/read-document.js'
import { activateRules, parseRuleFile } from '../src/rules/loader.js'

/** The repeat rule as a regex, the way it was first written: the reference for the fast scan. */
function reference(text: string, minUnit: number, maxUnit: number, allow: ReadonlySet<string>): [number, number][] {
  const han = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]'
  const rest = maxUnit > minUnit ? `|(${han}{1,${maxUnit - minUnit}}?)\\1\\2` : ''
  const re = new RegExp(`(${han}{${minUnit}})(?:\\1${rest})`, 'g')
  const spans: [number, number][] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = m[1]! + (m[2] ?? '')
    if (allow.has(unit) || [...unit].every((c) => c === unit[0])) {
      re.lastIndex = m.index + 1
      continue
    }
    spans.push([m.index, m[0].length])
  }
  return spans
}

function ruleText(minUnit: number, maxUnit: number, allow: readonly string[]): string {
  return [
    'id: typo/test-repeat',
    'kind: repeat',
    'severity: warning',
    'summary: a word typed twice',
    'message: "repeated: {text}"',
    `minUnit: ${minUnit}`,
    `maxUnit: ${maxUnit}`,
    `allow: [${allow.join(', ')}]`,
    'examples:',
    '  match: [推进推进]',
    '  noMatch: [推进]',
  ].join('\n')
}

/** A deterministic pseudo-random text over a few characters, so repeats of every length occur. */
function randomText(seed: number, length: number): string {
  const alphabet = '甲乙丙丁，a'
  let s = seed
  let out = ''
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    out += alphabet[(s >>> 16) % alphabet.length]
  }
  return out
}

describe('repeat kind', () => {
  for (const [minUnit, maxUnit] of [[2, 4], [2, 2], [3, 4], [2, 6], [3, 5]] as const) {
    it(`finds what the reference regex finds with units of ${minUnit} to ${maxUnit} characters`, async () => {
      const allow = ['甲乙', '丙丁丙']
      const def = parseRuleFile(ruleText(minUnit, maxUnit, allow), 'typo/test-repeat.yaml')
      const [rule] = activateRules([def], 'draft')
      for (let seed = 1; seed <= 60; seed++) {
        const text = randomText(seed, 400)
        const doc = await documentFromText(text, 'random.txt')
        const found = checkDocument(doc, [rule!]).map((f) => [f.offset, f.length])
        expect(found, text).toEqual(reference(text, minUnit, maxUnit, new Set(allow)))
      }
    })
  }

  // The shared pass lists the candidates once more text than its threshold (64 K units) has
  // passed: long texts make most of these searched that way.
  for (const [minUnit, maxUnit] of [[2, 4], [3, 4], [2, 2]] as const) {
    it(`finds the same with units of ${minUnit} to ${maxUnit} characters where the shared pass lists the candidates`, async () => {
      const def = parseRuleFile(ruleText(minUnit, maxUnit, []), 'typo/test-repeat.yaml')
      const [rule] = activateRules([def], 'draft')
      for (let seed = 1; seed <= 30; seed++) {
        const text = randomText(seed, 5000)
        const doc = await documentFromText(text, 'random.txt')
        const found = checkDocument(doc, [rule!]).map((f) => [f.offset, f.length])
        expect(found).toEqual(reference(text, minUnit, maxUnit, new Set()))
      }
    })
  }
})
