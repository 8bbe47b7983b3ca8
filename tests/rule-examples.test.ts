// Runs every rule's own examples: each `match` yields exactly one finding of that rule, each
// `noMatch` none, and a rule that throws on any example fails (tests/support/rule-tester.ts).
import { describe, expect, it } from 'vitest'
import { activateRules } from '../src/rules/loader.js'
import type { ActiveRule, RuleDef } from '../src/rules/types.js'
import { builtinRules } from './helpers.js'
import { exampleProblem } from './support/rule-tester.js'

/** The rule on its own, on even where its profile turns it off, as the examples test it. */
function ruleOf(def: RuleDef): ActiveRule {
  const severity = def.severity.draft === 'off' ? 'error' : def.severity.draft
  return activateRules([def], 'draft', new Map([[def.id, severity]]))[0]!
}

describe.each(builtinRules.map((r) => [r.id, r] as const))('%s', (_id, def) => {
  const rule = ruleOf(def)
  it.each(def.examples.match)('matches %j', async (example) => {
    expect(await exampleProblem(rule, example, 'match')).toBeUndefined()
  })
  it.each(def.examples.noMatch)('does not match %j', async (example) => {
    expect(await exampleProblem(rule, example, 'noMatch')).toBeUndefined()
  })
})

describe('the example harness', () => {
  const def = builtinRules.find((d) => d.id === 'count/unfilled')!
  const rule = ruleOf(def)

  it('fails a rule that throws, on match and noMatch examples alike', async () => {
    const throwing: ActiveRule = { ...rule, check: () => { throw new Error('index out of range') } }
    for (const example of def.examples.noMatch) expect(await exampleProblem(throwing, example, 'noMatch')).toBe('rule count/unfilled failed: index out of range')
    for (const example of def.examples.match) expect(await exampleProblem(throwing, example, 'match')).toBe('rule count/unfilled failed: index out of range')
  })

  it('fails a rule that finds nothing, too much, or leaves a placeholder in its message', async () => {
    const example = def.examples.match[0]!
    expect(await exampleProblem({ ...rule, check: () => [] }, example, 'match')).toBe('expected one finding, got 0')
    const twice: ActiveRule = { ...rule, check: (doc) => [...rule.check(doc), { offset: 0, length: 1, args: { text: 'x' } }] }
    expect(await exampleProblem(twice, example, 'match')).toMatch(/^expected one finding, got 2: /)
    expect(await exampleProblem(twice, def.examples.noMatch[0]!, 'noMatch')).toMatch(/^expected no finding, got 1:"/)
    // The kind gives no values: the catalogue's `{text}` is left in the message.
    const unfilled: ActiveRule = { ...rule, check: (doc) => rule.check(doc).map((f) => ({ ...f, args: {} })) }
    expect(await exampleProblem(unfilled, example, 'match')).toBe('the message has a placeholder left: count not filled in: {text}')
    expect(await exampleProblem(rule, example, 'match')).toBeUndefined()
  })
})
