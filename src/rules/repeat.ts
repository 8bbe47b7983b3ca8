// Kind `repeat`: a word typed twice (`防范防范`, `推进推进`), leaving alone the reduplication
// Chinese uses on purpose (`研究研究`, `一个一个`, `看看`).
import { z } from 'zod'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from '../config/validate.js'
import { isHan } from './shared/chars.js'
import { formatMessage } from './shared/template.js'
import type { RuleKind } from './types.js'

/** Options of a repeat rule. */
export interface RepeatOptions {
  /** Shortest and longest repeated unit, in characters; single characters reduplicate too often. */
  readonly minUnit: number
  readonly maxUnit: number
  /** Words whose ABAB reduplication is correct (`研究研究`, `商量商量`). */
  readonly allow: readonly string[]
  /** Units starting with these are numeral + measure word (`一个一个`, `一步一步`). */
  readonly skipFirst: readonly string[]
}

const schema = z
  .strictObject({
    minUnit: z.number().int().min(1).default(2),
    maxUnit: z.number().int().min(1).max(8).default(4),
    allow: z.array(z.string()).default([]),
    skipFirst: z.array(z.string().length(1)).default([]),
  })
  .refine((o) => o.minUnit <= o.maxUnit, { message: 'minUnit must not exceed maxUnit', path: ['minUnit'] })

/** The `repeat` kind. Message variables: `{text}`, `{suggestion}`. */
export const repeatKind: RuleKind<RepeatOptions> = {
  name: 'repeat',
  parseOptions: (raw, at) => parseWithSchema(schema, raw, at),
  compile(rule) {
    const { minUnit, maxUnit } = rule.options
    const allow = new Set(rule.options.allow)
    const skipFirst = new Set(rule.options.skipFirst.map((c) => c.charCodeAt(0)))
    return (doc) => {
      const text = doc.text
      const findings: RawFinding[] = []
      for (let i = 0; i + 2 * minUnit <= text.length; i++) {
        const first = text.charCodeAt(i)
        if (!isHan(first) || skipFirst.has(first)) continue
        const k = repeatedUnitAt(text, i, minUnit, maxUnit)
        if (k === 0) continue
        const unit = text.slice(i, i + k)
        if (allow.has(unit) || isOneCharRun(unit)) continue
        findings.push({ offset: i, length: 2 * k, message: formatMessage(rule.message, { text: unit + unit, suggestion: unit }), suggestion: unit })
        i += 2 * k - 1
      }
      return findings
    }
  },
}

/** Length of the unit repeated right at `i` (text[i, i+k) === text[i+k, i+2k)), or 0. */
function repeatedUnitAt(text: string, i: number, minUnit: number, maxUnit: number): number {
  for (let k = minUnit; k <= maxUnit && i + 2 * k <= text.length; k++) {
    if (text.charCodeAt(i) !== text.charCodeAt(i + k)) continue
    let j = 1
    while (j < k && text.charCodeAt(i + j) === text.charCodeAt(i + k + j) && isHan(text.charCodeAt(i + j))) j++
    if (j === k) return k
  }
  return 0
}

function isOneCharRun(unit: string): boolean {
  for (let i = 1; i < unit.length; i++) if (unit[i] !== unit[0]) return false
  return true
}
