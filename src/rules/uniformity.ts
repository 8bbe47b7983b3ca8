// Kind `uniformity`: masks of different lengths or characters for the same slot (`***市` and
// `**市`): a mask's length tells the length of the name it hides, so one mask should serve all.
import { z } from 'zod'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from '../config/validate.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { findMaskSlots, type MaskSlot } from './shared/mask-slots.js'
import { textList } from './shared/options.js'
import { formatMessage } from './shared/template.js'
import type { Profile, RuleKind } from './types.js'

/** Options of a uniformity rule. */
export interface UniformityOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Words after a mask that make it a name slot; masks before the same word are the same slot. */
  readonly slotWords: readonly string[]
}

const schema = z.strictObject({ onlyWhenMasked: onlyWhenMaskedSchema, slotWords: textList })

/** The `uniformity` kind. Message variables: `{text}` (the odd mask), `{uniform}`, `{word}`. */
export const uniformityKind: RuleKind<UniformityOptions> = {
  name: 'uniformity',
  parseOptions: (raw, at) => parseWithSchema(schema, raw, at),
  compile(rule, settings) {
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, rule.options.onlyWhenMasked)) return []
      const bySlot = new Map<string, MaskSlot[]>()
      for (const slot of findMaskSlots(doc, rule.options.slotWords)) {
        const list = bySlot.get(slot.word)
        if (list) list.push(slot)
        else bySlot.set(slot.word, [slot])
      }
      const findings: RawFinding[] = []
      for (const [word, slots] of bySlot) {
        const uniform = mostUsedMask(slots)
        for (const { run } of slots) {
          if (run.text === uniform) continue
          findings.push({
            offset: run.start,
            length: run.end - run.start,
            message: formatMessage(rule.message, { text: run.text, uniform, word }),
            suggestion: uniform,
            data: { uniformMask: uniform },
          })
        }
      }
      return findings
    }
  },
}

/** The mask used most for a slot; on a tie, the longest (it hides the most). */
export function mostUsedMask(slots: readonly MaskSlot[]): string {
  const counts = new Map<string, number>()
  for (const { run } of slots) counts.set(run.text, (counts.get(run.text) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0]
}
