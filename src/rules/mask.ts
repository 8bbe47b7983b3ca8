// Kind `mask`: a mask left where a name or word belongs (`国家统计局**调查队`, `***市统计局`),
// and a template's 某某 in a draft with other blanks (`指定某某同志为负责人`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { findMaskRuns } from './shared/mask-runs.js'
import { findTemplateNames } from './shared/template-names.js'
import { lazy, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/**
 * Options of a mask rule: none. What is a mask (a lone `*` only where certain, not `X光` nor a
 * footnote star) is the shared model of `shared/mask-runs.ts`, the same for every rule.
 */
export type MaskOptions = Record<string, never>

const schema = lazy(() => zod().strictObject({}))

/** The `mask` kind. Message variables: `{text}`. */
export const maskKind: RuleKind<MaskOptions> = {
  name: 'mask',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile() {
    return (doc) => {
      const findings: RawFinding[] = []
      for (const run of findMaskRuns(doc)) {
        if (run.role !== 'mask') continue
        // A number left partly masked is reported whole (`0513-86XXXXXX`), as the count kind reports one.
        const text = doc.text.slice(run.numberStart, run.end)
        findings.push({ offset: run.numberStart, length: run.end - run.numberStart, args: { text } })
      }
      const names = findTemplateNames(doc)
      if (names.length === 0) return findings
      for (const { start, end } of names) findings.push({ offset: start, length: end - start, args: { text: doc.text.slice(start, end) } })
      return findings.sort((a, b) => a.offset - b.offset)
    }
  },
}
