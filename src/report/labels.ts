// Words the reporters share, in a run's language: severities, an unreadable file's error.
import type { Severity } from '../core/finding.js'
import { withHint } from '../core/errors.js'
import { formatMessage, textIn, type Lang } from '../i18n/catalogue.js'
import type { FileResult } from './types.js'

/** `error`, `warning`, `info`, or `错误`, `警告`, `提示`. */
export function severityWord(severity: Severity, lang: Lang): string {
  return formatMessage(lang, `severity.${severity}`)
}

/** Why the file could not be read, in `lang` when the error came with catalogue messages. */
export function fileError(result: FileResult, lang: Lang): string {
  const text = result.errorText
  if (text === undefined) return result.error ?? ''
  return withHint(lang, textIn(lang, text.message), text.hint === undefined ? '' : textIn(lang, text.hint))
}
