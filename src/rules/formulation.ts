// Kind `formulation`: near misses of fixed official formulations, one character dropped,
// added or changed (`中国特社会主义`, `中国特色社会主意` for `中国特色社会主义`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { isHan } from './shared/chars.js'
import { lazy, literalAlternation, text, zod } from './shared/options.js'
import { triggerScan } from './shared/trigger-scan.js'
import type { RuleKind } from './types.js'

/** Options of a formulation rule. */
export interface FormulationOptions {
  /** The fixed formulations, each with where it is defined. */
  readonly phrases: readonly { readonly phrase: string; readonly source: string }[]
  /** Correct phrases that lie one edit from a formulation (`社会主义核心价值体系`). */
  readonly allow: readonly string[]
  /** Shorter formulations are not matched fuzzily: one edit of four characters is another word. */
  readonly minLength: number
  /** Characters whose insertion is a free variant (`的`): a window that is the phrase plus one of them is correct. */
  readonly ignoreInserted: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    phrases: z.array(z.strictObject({ phrase: text(), source: text() })).min(1),
    allow: z.array(text()).default([]),
    minLength: z.number().int().min(4).default(7),
    ignoreInserted: z.array(z.string().length(1)).default([]),
  })
})

/** Length of the anchors searched for: a near miss keeps its head or its tail intact. */
const anchorLength = 3

/** The `formulation` kind. Message variables: `{text}`, `{suggestion}`, `{source}`. */
export const formulationKind: RuleKind<FormulationOptions> = {
  name: 'formulation',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const phrases = rule.options.phrases.filter((p) => p.phrase.length >= rule.options.minLength)
    const known = [...rule.options.allow, ...rule.options.phrases.map((p) => p.phrase)]
    const anchors = indexAnchors(phrases)
    // One search for every anchor, in the pass the pattern rules share (V8 scans an alternation
    // of a hundred literals slowly); overlapping anchors are found by stepping one past each match.
    const searchIn = triggerScan.search(new RegExp(literalAlternation([...anchors.keys()]), 'g'), { keep: rule.isBuiltin === true })
    return (doc) => {
      const text = doc.text
      const found = new Map<number, RawFinding>()
      const search = searchIn(doc)
      for (let m = search(text, 0); m; m = search(text, m.index + 1)) {
        for (const { phrase, source, isHead } of anchors.get(m[0])!) {
          const span = nearMissAt(text, phrase, m.index, isHead)
          if (!span || found.has(span[0]) || known.some((k) => isCoveredBy(text, span[0], span[1], k))) continue
          const miss = text.slice(span[0], span[1])
          if (isFreeInsertion(miss, phrase, rule.options.ignoreInserted)) continue
          found.set(span[0], { offset: span[0], length: span[1] - span[0], args: { text: miss, suggestion: phrase, source }, suggestion: phrase, data: { source } })
        }
      }
      return dropContained([...found.values()])
    }
  },
}

interface Anchored {
  readonly phrase: string
  readonly source: string
  /** True for the phrase's first characters, false for its last. */
  readonly isHead: boolean
}

/** Each phrase under its head and tail anchors: a near miss keeps one of them intact. */
function indexAnchors(phrases: readonly { phrase: string; source: string }[]): Map<string, Anchored[]> {
  const anchors = new Map<string, Anchored[]>()
  const add = (anchor: string, entry: Anchored) => anchors.set(anchor, [...(anchors.get(anchor) ?? []), entry])
  for (const { phrase, source } of phrases) {
    add(phrase.slice(0, anchorLength), { phrase, source, isHead: true })
    add(phrase.slice(-anchorLength), { phrase, source, isHead: false })
  }
  return anchors
}

/** The span one edit from `phrase` that starts (head) or ends (tail) at the anchor found at `at`. */
function nearMissAt(text: string, phrase: string, at: number, isHead: boolean): [number, number] | undefined {
  const n = phrase.length
  if (isHead) return text.startsWith(phrase, at) ? undefined : bestWindow(text, phrase, [[at, at + n - 1], [at, at + n], [at, at + n + 1]])
  const end = at + anchorLength
  return text.startsWith(phrase, end - n) ? undefined : bestWindow(text, phrase, [[end - n + 1, end], [end - n, end], [end - n - 1, end]])
}

function bestWindow(text: string, phrase: string, windows: [number, number][]): [number, number] | undefined {
  for (const [start, end] of windows) {
    if (start < 0 || end > text.length || !isAllHan(text, start, end)) continue
    if (isOneEditAway(text, start, end, phrase)) return [start, end]
  }
  return undefined
}

/**
 * True when text[start, end) is exactly one edit (a character dropped, added or changed) from
 * `phrase`: the Levenshtein distance is 1. Compared in place, without slicing: anchors such as
 * 现代化 occur far more often than near misses, and this runs for each of them.
 */
export function isOneEditAway(text: string, start: number, end: number, phrase: string): boolean {
  const m = end - start
  const n = phrase.length
  if (Math.abs(m - n) > 1) return false
  let p = 0
  while (p < m && p < n && text.charCodeAt(start + p) === phrase.charCodeAt(p)) p++
  if (m === n && p === n) return false
  // Skip the differing character in the longer of the two (both when the lengths are equal).
  const skipText = m >= n ? 1 : 0
  const skipPhrase = n >= m ? 1 : 0
  for (let i = p + skipText, j = p + skipPhrase; i < m; i++, j++) if (text.charCodeAt(start + i) !== phrase.charCodeAt(j)) return false
  return true
}

function isAllHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHan(text.charCodeAt(i))) return false
  return true
}

/** True when a correct phrase `known` stands in the text over the whole span [start, end). */
function isCoveredBy(text: string, start: number, end: number, known: string): boolean {
  if (known.length < end - start) return false
  // Only a window around the span can hold an occurrence that covers it.
  const from = Math.max(0, end - known.length)
  const at = text.slice(from, start + known.length).indexOf(known)
  return at >= 0 && from + at <= start
}

/** True when `miss` is `phrase` with one of `free` inserted somewhere. */
function isFreeInsertion(miss: string, phrase: string, free: readonly string[]): boolean {
  if (miss.length !== phrase.length + 1) return false
  for (let i = 0; i < miss.length; i++) {
    if (free.includes(miss[i]!) && miss.slice(0, i) + miss.slice(i + 1) === phrase) return true
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
