// Typed, expected failures: each becomes one line on stderr and exit code 2.
import { formatMessage, textIn, type Lang, type LocalText } from '../i18n/catalogue.js'

/** Where an error was found: a file, and the line/column and key path when known. */
export interface ErrorLocation {
  readonly path?: string
  readonly line?: number
  readonly column?: number
  /** Dotted key path inside a config or rule file, e.g. `rules.count/unfilled.units`. */
  readonly keyPath?: string
}

/**
 * Base of every expected failure; `format()` gives the one-line message without the program
 * name. The message and hint are a catalogue id with arguments where one exists, so they can
 * be printed in the run's language; `message` (Error's) is always the English text.
 */
export class MaskAuditError extends Error {
  readonly location: ErrorLocation
  readonly text: string | LocalText
  readonly hintText: string | LocalText | undefined

  constructor(message: string | LocalText, location: ErrorLocation = {}, hint?: string | LocalText) {
    super(textIn('en', message))
    this.name = new.target.name
    this.location = location
    this.text = message
    this.hintText = hint
  }

  /** The hint in English, as `message` is. */
  get hint(): string | undefined {
    return this.hintText === undefined ? undefined : textIn('en', this.hintText)
  }

  /** Message and hint in `lang`, without the location: `no such file (hint)`. */
  describe(lang: Lang = 'en'): string {
    return withHint(lang, textIn(lang, this.text), this.hintText === undefined ? '' : textIn(lang, this.hintText))
  }

  /** The lines to print on stderr, each without the program name: this error's one. */
  lines(lang: Lang = 'en'): string[] {
    return [this.format(lang)]
  }

  /** `path:line:col: keyPath: message (hint)`, leaving out the parts that are unknown. */
  format(lang: Lang = 'en'): string {
    const { path, line, column, keyPath } = this.location
    let where = path ?? ''
    if (path !== undefined && line !== undefined) where += `:${line}` + (column !== undefined ? `:${column}` : '')
    const parts = [where, keyPath, this.describe(lang)].filter((p) => p !== undefined && p !== '')
    return parts.join(': ')
  }
}

/** `message (hint)`, or `message（hint）` in Chinese; the message alone when there is no hint. */
export function withHint(lang: Lang, message: string, hint: string): string {
  return hint ? formatMessage(lang, 'error.with-hint', { message, hint }) : message
}

/** Wrong words on the command line. */
export class UsageError extends MaskAuditError {}

/** A config or rule file that does not validate. */
export class ConfigError extends MaskAuditError {}

/** A file that cannot be read or decoded. */
export class InputError extends MaskAuditError {}

/**
 * Several input problems found at once (every bad row of a sheet), so that they can all be
 * fixed before the next try: printed one line each; `message` and `format` are the first's.
 */
export class InputErrors extends InputError {
  readonly errors: readonly MaskAuditError[]

  constructor(errors: readonly MaskAuditError[]) {
    const first = errors[0]!
    super(first.text, first.location, first.hintText)
    this.errors = errors
  }

  override lines(lang: Lang = 'en'): string[] {
    return this.errors.map((e) => e.format(lang))
  }
}
