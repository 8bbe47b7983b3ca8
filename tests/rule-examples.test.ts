// Runs every rule's own examples: each `match` yields exactly one finding of that rule, each
// `noMatch` none.
import { describe, expect, it } from 'vitest'
import { builtinRules, checkText } from './helpers.js'

describe.each(builtinRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it.each(rule.examples.match)('matches %j', async (example) => {
    const findings = (await checkText(example, { only: [id] })).filter((f) => f.ruleId === id)
    expect(findings.map((f) => f.text)).toHaveLength(1)
  })
  it.each(rule.examples.noMatch)('does not match %j', async (example) => {
    const findings = (await checkText(example, { only: [id] })).filter((f) => f.ruleId === id)
    expect(findings.map((f) => f.text)).toEqual([])
  })
})
