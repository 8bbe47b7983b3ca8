// commander's own errors (an unknown option, a missing argument, a value not among the
// choices), which it writes in English, worded in the run's language. Only the messages
// commander writes are read; any other text passes as it is.
import { formatMessage } from '../i18n/catalogue.js'
import type { Lang } from '../i18n/catalogue.js'

/** commander's error lines, each with its message id; the groups fill {a}, {b}, {c}. */
const errorForms: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '([^']+)'$/, 'cli.error.unknown-option'],
  [/^error: unknown command '([^']+)'$/, 'cli.error.unknown-command'],
  [/^error: required option '([^']+)' not specified$/, 'cli.error.required-option'],
  [/^error: option '([^']+)' argument missing$/, 'cli.error.option-argument-missing'],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, 'cli.error.invalid-choice'],
  [/^error: missing required argument '([^']+)'$/, 'cli.error.missing-argument'],
  [/^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, 'cli.error.too-many-arguments'],
  [/^\(Did you mean (.+)\?\)$/, 'cli.error.did-you-mean'],
]

/** `text` (what commander writes to stderr) with each error line it knows worded in `lang`; English as commander wrote it. */
export function localCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text
  return text
    .split('\n')
    .map((line) => {
      for (const [form, id] of errorForms) {
        const m = form.exec(line)
        if (m) return formatMessage(lang, id, { a: m[1] ?? '', b: m[2] ?? '', c: m[3] ?? '' })
      }
      return line
    })
    .join('\n')
}
