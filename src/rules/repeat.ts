// Kind `repeat`: a word typed twice (`防范防范`, `推进推进`), leaving alone the reduplication
// Chinese uses on purpose (`研究研究`, `一个一个`, `看看`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from '../config/validate.js'
import { compileMessage } from './shared/template.js'
import { lazy, zod } from './shared/options.js'
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

const schema = lazy(() => {
  const z = zod()
  return z
    .strictObject({
      minUnit: z.number().int().min(2).default(2),
      maxUnit: z.number().int().min(1).max(8).default(4),
      allow: z.array(z.string()).default([]),
      skipFirst: z.array(z.string().length(1)).default([]),
    })
    .refine((o) => o.minUnit <= o.maxUnit, { message: 'minUnit must not exceed maxUnit', path: ['minUnit'] })
})

/** The `repeat` kind. Message variables: `{text}`, `{suggestion}`. */
export const repeatKind: RuleKind<RepeatOptions> = {
  name: 'repeat',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const render = compileMessage(rule.message)
    const { minUnit, maxUnit } = rule.options
    const allow = new Set(rule.options.allow)
    const skipFirst = new Set(rule.options.skipFirst)
    // A unit of Chinese characters followed by itself, written as its first `minUnit` characters X
    // and the rest Y (XX, or XYXY), shortest first: a third faster than `(han{2,4}?)\1`.
    const han = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]'
    const rest = maxUnit > minUnit ? `|(${han}{1,${maxUnit - minUnit}}?)\\1\\2` : ''
    const repeatRe = new RegExp(`(${han}{${minUnit}})(?:\\1${rest})`, 'g')
    return (doc) => {
      const findings: RawFinding[] = []
      repeatRe.lastIndex = 0
      for (let m = repeatRe.exec(doc.text); m; m = repeatRe.exec(doc.text)) {
        const unit = m[1]! + (m[2] ?? '')
        if (allow.has(unit) || skipFirst.has(unit[0]!) || isOneCharRun(unit)) {
          repeatRe.lastIndex = m.index + 1
          continue
        }
        findings.push({ offset: m.index, length: m[0].length, message: render({ text: m[0], suggestion: unit }), suggestion: unit })
      }
      return findings
    }
  },
}

function isOneCharRun(unit: string): boolean {
  for (let i = 1; i < unit.length; i++) if (unit[i] !== unit[0]) return false
  return true
}
