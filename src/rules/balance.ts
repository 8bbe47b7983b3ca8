// Kind `balance`: tags that come in begin/end pairs (`##paidbegin##` … `##paidend##`); a begin
// with no end means the text may be cut off, an end with no begin that its start is missing.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, regexSource, text, zod } from './shared/options.js'
import { formatMessage } from './shared/template.js'
import type { RuleKind } from './types.js'
import { compileRegExp } from '../core/user-regexp.js'

/** Options of a balance rule. */
export interface BalanceOptions {
  readonly open: string
  readonly close: string
  /** Message for an end tag with no begin before it; the rule's `message` is for a begin with no end. */
  readonly unopenedMessage: string
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ open: regexSource('i'), close: regexSource('i'), unopenedMessage: text() })
})

/** The `balance` kind. Message variables: `{text}`. */
export const balanceKind: RuleKind<BalanceOptions> = {
  name: 'balance',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  patternsOf: (o) => [
    { keyPath: ['open'], source: o.open, flags: 'i' },
    { keyPath: ['close'], source: o.close, flags: 'i' },
  ],
  compile(rule) {
    const tagRe = compileRegExp(`(${rule.options.open})|(?:${rule.options.close})`, 'gi', rule.isBuiltin === true)
    return (doc) => {
      const open: { offset: number; text: string }[] = []
      const findings: RawFinding[] = []
      tagRe.lastIndex = 0
      for (let m = tagRe.exec(doc.text); m; m = tagRe.exec(doc.text)) {
        if (m[1] !== undefined) open.push({ offset: m.index, text: m[0] })
        else if (!open.pop()) findings.push(unpaired(m.index, m[0], rule.options.unopenedMessage))
      }
      for (const tag of open) findings.push(unpaired(tag.offset, tag.text, rule.message))
      return findings
    }
  },
}

function unpaired(offset: number, tag: string, template: string): RawFinding {
  return { offset, length: tag.length, message: formatMessage(template, { text: tag }) }
}
