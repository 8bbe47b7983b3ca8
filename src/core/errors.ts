// Typed, expected failures: each becomes one line on stderr and exit code 2.

/** Where an error was found: a file, and the line/column and key path when known. */
export interface ErrorLocation {
  readonly path?: string
  readonly line?: number
  readonly column?: number
  /** Dotted key path inside a config or rule file, e.g. `rules.count/unfilled.units`. */
  readonly keyPath?: string
}

/** Base of every expected failure; `format()` gives the one-line message without the program name. */
export class MaskAuditError extends Error {
  readonly location: ErrorLocation
  readonly hint: string | undefined

  constructor(message: string, location: ErrorLocation = {}, hint?: string) {
    super(message)
    this.name = new.target.name
    this.location = location
    this.hint = hint
  }

  /** `path:line:col: keyPath: message (hint)`, leaving out the parts that are unknown. */
  format(): string {
    const { path, line, column, keyPath } = this.location
    let where = path ?? ''
    if (path !== undefined && line !== undefined) where += `:${line}` + (column !== undefined ? `:${column}` : '')
    const parts = [where, keyPath, this.message].filter((p) => p !== undefined && p !== '')
    return parts.join(': ') + (this.hint ? ` (${this.hint})` : '')
  }
}

/** Wrong words on the command line. */
export class UsageError extends MaskAuditError {}

/** A config or rule file that does not validate. */
export class ConfigError extends MaskAuditError {}

/** A file that cannot be read or decoded. */
export class InputError extends MaskAuditError {}
