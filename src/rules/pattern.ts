// Kind `pattern`: one regular expression; each match is a finding, with an optional
// correction built from the match (`(四）` → `（四）`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { isValidRegExp, lazy, zod } from './shared/options.js'
import { compileMessage } from './shared/template.js'
import type { RuleKind } from './types.js'
import { compileRegExp } from '../core/user-regexp.js'

/** Options of a pattern rule. */
export interface PatternOptions {
  readonly pattern: string
  /** Extra RegExp flags (`i`, `u`, `m`, `s`); `g` is always added. */
  readonly flags: string
  /** Replacement template (`$1`, `$<name>`) giving the suggested correction. */
  readonly suggestion?: string
  /** True when the suggestion is safe to apply without a human (`--fix`). */
  readonly fix: boolean
}

const schema = lazy(() => {
  const z = zod()
  const flagsSchema = z.string().regex(/^[imsu]*$/, 'may only hold the flags i, m, s, u').default('')
  return z
    .strictObject({ pattern: z.string(), flags: flagsSchema, suggestion: z.string().optional(), fix: z.boolean().default(false) })
    .superRefine((o, ctx) => {
      if (!isValidRegExp(o.pattern, o.flags)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is not a valid regular expression' })
      if (o.fix && o.suggestion === undefined) ctx.addIssue({ code: 'custom', path: ['fix'], message: 'needs a suggestion to apply' })
    })
})

/** The `pattern` kind. Message variables: `{text}`, `{suggestion}`. */
export const patternKind: RuleKind<PatternOptions> = {
  name: 'pattern',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  patternsOf: (o) => [{ keyPath: ['pattern'], source: o.pattern, flags: o.flags }],
  compile(rule) {
    const render = compileMessage(rule.message)
    const { pattern, flags, suggestion, fix } = rule.options
    const re = compileRegExp(pattern, flags + 'g', rule.isBuiltin === true)
    return (doc) => {
      const findings: RawFinding[] = []
      re.lastIndex = 0
      for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
        if (m[0].length === 0) {
          re.lastIndex++
          continue
        }
        const corrected = suggestion === undefined ? undefined : expandReplacement(suggestion, m)
        const message = render({ text: m[0], suggestion: corrected ?? '' })
        findings.push({
          offset: m.index,
          length: m[0].length,
          message,
          ...(corrected !== undefined && { suggestion: corrected }),
          ...(fix && corrected !== undefined && { fix: { offset: m.index, length: m[0].length, replacement: corrected } }),
        })
      }
      return findings
    }
  },
}

/** Expands `$1`, `$<name>`, `$&` and `$$` of a replacement template against a match made in the whole text. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d{1,2}|<([^>]+)>)/g, (whole, token: string, name: string | undefined) => {
    if (token === '$') return '$'
    if (token === '&') return m[0]
    if (name !== undefined) return m.groups?.[name] ?? ''
    return Number(token) < m.length ? (m[Number(token)] ?? '') : whole
  })
}
