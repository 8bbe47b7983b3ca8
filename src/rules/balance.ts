// Kind `balance`: tags that come in begin/end pairs (`##paidbegin##` … `##paidend##`); a begin
// with no end means the text may be cut off, an end with no begin that its start is missing.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, regexSource, zod } from './shared/options.js'
import type { RuleKind } from './types.js'
import { compileRegExp } from '../core/user-regexp.js'

/** Options of a balance rule. */
export interface BalanceOptions {
  readonly open: string
  readonly close: string
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ open: regexSource('i'), close: regexSource('i') })
})

/**
 * The `balance` kind. Message variables: `{text}`. A begin with no end gets the rule's
 * message; an end with no begin its variant `<messageId>.unopened`.
 */
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
        else if (!open.pop()) findings.push(unpaired(m.index, m[0], `${rule.messageId}.unopened`))
      }
      for (const tag of open) findings.push(unpaired(tag.offset, tag.text))
      return findings
    }
  },
}

function unpaired(offset: number, tag: string, messageId?: string): RawFinding {
  return { offset, length: tag.length, ...(messageId !== undefined && { messageId }), args: { text: tag } }
}
