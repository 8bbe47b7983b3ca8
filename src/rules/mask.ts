// Kind `mask`: a mask left where a name or word belongs (`国家统计局**调查队`, `***市统计局`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { findMaskRuns } from './shared/mask-runs.js'
import { lazy, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/** Options of a mask rule. */
export interface MaskOptions {
  /**
   * The shortest run reported. A lone `*` or `X` between Chinese characters is too often
   * something else (`X光`, a footnote star) to call a mask by itself.
   */
  readonly minLength: number
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ minLength: z.number().int().min(1).default(2) })
})

/** The `mask` kind. Message variables: `{text}`. */
export const maskKind: RuleKind<MaskOptions> = {
  name: 'mask',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    return (doc) => {
      const findings: RawFinding[] = []
      for (const run of findMaskRuns(doc)) {
        if (run.end - run.start < rule.options.minLength) continue
        findings.push({ offset: run.start, length: run.end - run.start, args: { text: run.text } })
      }
      return findings
    }
  },
}
