// The engine orders, de-duplicates and resolves claims with index sorts: the findings must be
// those of the simple way (stable comparator sorts over {rule, raw} pairs), to the byte.
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { checkDocument, contextAround, namesOf, orderByOffset } from '../src/core/engine.js'
import { compareFindings, type Finding, type RawFinding } from '../src/core/finding.js'
import type { EngineRule } from '../src/core/rule.js'
import { findingMessage } from '../src/i18n/finding-message.js'

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed
  return (n) => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

type Found = { rule: EngineRule; raw: RawFinding }

/** The simple way, as the engine did it before: claims over a comparator sort, then findings sorted and repeats dropped. */
function simpleCheck(doc: Document, rules: readonly EngineRule[]): Finding[] {
  const found: Found[] = []
  for (const rule of rules) for (const raw of rule.check(doc)) if (!doc.isSkipped(raw.offset, raw.length)) found.push({ rule, raw })
  const claimed = found.filter((f) => f.rule.def.claims).sort((a, b) => a.raw.offset - b.raw.offset)
  const losers = new Set<RawFinding>()
  const overlapped = new Map<RawFinding, Set<string>>()
  for (let i = 0; i < claimed.length; i++) {
    const a = claimed[i]!
    for (let j = i + 1; j < claimed.length && claimed[j]!.raw.offset < a.raw.offset + Math.max(a.raw.length, 1); j++) {
      const b = claimed[j]!
      // The first group of a's that b claims too, at another rank, decides.
      const shared = a.rule.def.claims!.map((ca) => [ca.rank, b.rule.def.claims!.find((cb) => cb.group === ca.group)?.rank ?? ca.rank]).find(([ra, rb]) => ra !== rb)
      if (shared === undefined) continue
      const [winner, loser] = shared[0]! < shared[1]! ? [b.raw, a.raw] : [a.raw, b.raw]
      losers.add(loser)
      for (const name of namesOf(loser)) overlapped.set(winner, (overlapped.get(winner) ?? new Set()).add(name))
    }
  }
  const kept = found.filter((f) => !losers.has(f.raw)).map((f) => {
    const more = [...(overlapped.get(f.raw) ?? [])].filter((n) => !namesOf(f.raw).includes(n))
    return more.length ? { ...f, raw: { ...f.raw, data: { ...f.raw.data, overlapped: more } } } : f
  })
  const sorted = kept.map(({ rule, raw }) => simpleFinding(doc, rule, raw)).sort(compareFindings)
  return sorted.filter((f, i) => i === 0 || sorted[i - 1]!.offset !== f.offset || sorted[i - 1]!.length !== f.length || sorted[i - 1]!.ruleId !== f.ruleId)
}

function simpleFinding(doc: Document, rule: EngineRule, raw: RawFinding): Finding {
  const start = doc.positionAt(raw.offset)
  const end = doc.positionAt(raw.offset + raw.length)
  const messageId = raw.messageId ?? rule.def.messageId
  return {
    ruleId: rule.def.id, category: rule.def.category, severity: rule.severity, messageId,
    message: findingMessage(rule.def, rule.settings.lang, messageId, raw.args),
    line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset: raw.offset, length: raw.length,
    text: doc.text.slice(raw.offset, raw.offset + raw.length), context: contextAround(doc, raw.offset, raw.length),
    suggestion: raw.suggestion, fix: raw.fix ?? null, data: raw.data,
  }
}

const names = ['甲', '乙', '丙', '丁']

/** Rules with and without claims in two groups (one rule in both), some ranks equal, giving overlapping, repeated and shared raw findings. */
function randomRules(next: (n: number) => number, textLength: number): EngineRule[] {
  const ids = ['count/a', 'placeholder/b', 'leak/c', 'leak/d', 'typo/e', 'count/f']
  return ids.map((id, r) => {
    const claims = r === 4 ? undefined : r === 5 ? [{ group: 'g', rank: next(3) }, { group: 'h', rank: next(3) }] : [{ group: r % 2 ? 'g' : 'h', rank: next(3) }]
    const raws: RawFinding[] = []
    for (let k = next(40); k > 0; k--) {
      const data = next(3) ? { names: [names[next(4)]!, names[next(4)]!] } : undefined
      const raw: RawFinding = { offset: next(textLength), length: next(5), args: { text: 'x' }, ...(data && { data }) }
      raws.push(raw)
      // The same span again: a repeat, sometimes the very same object.
      if (next(6) === 0) raws.push(next(2) ? raw : { ...raw })
    }
    return { def: { id, category: id.split('/')[0]!, messageId: 'x.y', message: '{text} 在此', ...(claims && { claims }) }, severity: 'error', settings: { lang: 'zh' }, check: () => raws }
  })
}

describe('engine ordering, repeats and claims', () => {
  it('equals the simple way on random findings', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed)
      const lines = Array.from({ length: 1 + next(6) }, () => '学习'.repeat(next(30)) + ['\n', '\r\n', '\r'][next(3)])
      const text = lines.join('')
      const doc = new Document(text, { path: 'r.txt', encoding: 'utf-8', skipped: next(2) ? [{ start: next(text.length + 1), end: next(text.length + 1) }] : [] })
      const rules = randomRules(next, text.length + 1)
      expect(JSON.stringify(checkDocument(doc, rules)), `seed ${seed}`).toBe(JSON.stringify(simpleCheck(doc, rules)))
    }
  })

  it('orders by offset, ties in the order given, with exact keys or by comparison', () => {
    expect(orderByOffset([5, 3, 5, 0, 3])).toEqual([3, 1, 4, 0, 2])
    expect(orderByOffset([2 ** 50, 1, 2 ** 50, 0])).toEqual([3, 1, 0, 2])
  })
})
