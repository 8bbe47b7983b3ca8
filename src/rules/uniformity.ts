// Kind `uniformity`: masks of different lengths for the same slot (`***市` and `**市`): a mask's
// length tells the length of the name it hides, so one mask should serve all.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { findMaskSlots, type MaskSlot } from './shared/mask-slots.js'
import { lazy, textList, zod } from './shared/options.js'
import type { Profile, RuleKind } from './types.js'

/** Options of a uniformity rule. */
export interface UniformityOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Words after a mask that make it a name slot; masks before the same word are the same slot. */
  readonly slotWords: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ onlyWhenMasked: onlyWhenMaskedSchema(), slotWords: textList() })
})

/** The `uniformity` kind. Message variables: `{text}` (the odd mask), `{uniform}`, `{word}`. */
export const uniformityKind: RuleKind<UniformityOptions> = {
  name: 'uniformity',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
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
          // Only the length tells anything: `xx` and `XX`, `**` and `xx` hide names as well.
          if (shownLength(run.text) === shownLength(uniform)) continue
          findings.push({
            offset: run.start,
            length: run.end - run.start,
            args: { text: run.text, uniform, word },
            suggestion: uniform,
            data: { uniformMask: uniform },
          })
        }
      }
      return findings
    }
  },
}

/** The mask of the length used most for a slot; on a tie, the longest (it hides the most). */
export function mostUsedMask(slots: readonly MaskSlot[]): string {
  const counts = new Map<number, { text: string; count: number }>()
  for (const { run } of slots) {
    const length = shownLength(run.text)
    const entry = counts.get(length) ?? { text: run.text, count: 0 }
    entry.count++
    counts.set(length, entry)
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || shownLength(b.text) - shownLength(a.text))[0]!.text
}

/** The length a mask shows: Markdown's escaped `\*\*\*` shows as `***`, three long. */
function shownLength(mask: string): number {
  return mask.includes('\\') ? mask.replace(/\\(?=[*\uFF0A_])/g, '').length : mask.length
}
