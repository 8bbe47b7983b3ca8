// Kind `formulation`: near misses of fixed official formulations, one character dropped,
// added or changed (`中国特社会主义`, `中国特色社会主意` for `中国特色社会主义`).
import { distance } from 'fastest-levenshtein'
import { z } from 'zod'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from '../config/validate.js'
import { isHan } from './shared/chars.js'
import { text } from './shared/options.js'
import { formatMessage } from './shared/template.js'
import type { RuleKind } from './types.js'

/** Options of a formulation rule. */
export interface FormulationOptions {
  /** The fixed formulations, each with where it is defined. */
  readonly phrases: readonly { readonly phrase: string; readonly source: string }[]
  /** Correct phrases that lie one edit from a formulation (`社会主义核心价值体系`). */
  readonly allow: readonly string[]
  /** Shorter formulations are not matched fuzzily: one edit of four characters is another word. */
  readonly minLength: number
}

const schema = z.strictObject({
  phrases: z.array(z.strictObject({ phrase: text, source: text })).min(1),
  allow: z.array(text).default([]),
  minLength: z.number().int().min(4).default(7),
})

/** Length of the anchors searched for: a near miss keeps its head or its tail intact. */
const anchorLength = 3

/** The `formulation` kind. Message variables: `{text}`, `{suggestion}`, `{source}`. */
export const formulationKind: RuleKind<FormulationOptions> = {
  name: 'formulation',
  parseOptions: (raw, at) => parseWithSchema(schema, raw, at),
  compile(rule) {
    const phrases = rule.options.phrases.filter((p) => p.phrase.length >= rule.options.minLength)
    const known = [...rule.options.allow, ...rule.options.phrases.map((p) => p.phrase)]
    return (doc) => {
      const found = new Map<number, RawFinding>()
      for (const { phrase, source } of phrases) {
        for (const [start, end] of nearMisses(doc.text, phrase)) {
          if (found.has(start) || known.some((k) => isCoveredBy(doc.text, start, end, k))) continue
          const miss = doc.text.slice(start, end)
          const message = formatMessage(rule.message, { text: miss, suggestion: phrase, source })
          found.set(start, { offset: start, length: end - start, message, suggestion: phrase, data: { source } })
        }
      }
      return dropContained([...found.values()])
    }
  },
}

/** Spans of `text` one edit away from `phrase`, found from its head or tail anchor. */
function* nearMisses(text: string, phrase: string): Generator<[number, number]> {
  const head = phrase.slice(0, anchorLength)
  const tail = phrase.slice(-anchorLength)
  const n = phrase.length
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    if (text.startsWith(phrase, i)) continue
    const span = bestWindow(text, phrase, [[i, i + n - 1], [i, i + n], [i, i + n + 1]])
    if (span) yield span
  }
  for (let j = text.indexOf(tail); j >= 0; j = text.indexOf(tail, j + 1)) {
    const end = j + anchorLength
    if (text.startsWith(phrase, end - n)) continue
    const span = bestWindow(text, phrase, [[end - n + 1, end], [end - n, end], [end - n - 1, end]])
    if (span) yield span
  }
}

function bestWindow(text: string, phrase: string, windows: [number, number][]): [number, number] | undefined {
  for (const [start, end] of windows) {
    if (start < 0 || end > text.length || !isAllHan(text, start, end)) continue
    if (distance(text.slice(start, end), phrase) === 1) return [start, end]
  }
  return undefined
}

function isAllHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHan(text.charCodeAt(i))) return false
  return true
}

/** True when a correct phrase `known` stands in the text over the whole span [start, end). */
function isCoveredBy(text: string, start: number, end: number, known: string): boolean {
  for (let i = text.lastIndexOf(known, end - 1); i >= 0 && i + known.length > start - known.length; i = text.lastIndexOf(known, i - 1)) {
    if (i <= start && i + known.length >= end) return true
    if (i === 0) break
  }
  return false
}

/** A miss of `中国特色社会主义` inside a miss of the longer `习近平新时代…思想` is reported once, as the longer. */
function dropContained(findings: RawFinding[]): RawFinding[] {
  const byLength = [...findings].sort((a, b) => b.length - a.length)
  const kept: RawFinding[] = []
  for (const f of byLength) {
    if (!kept.some((k) => k.offset <= f.offset && f.offset + f.length <= k.offset + k.length)) kept.push(f)
  }
  return kept
}
