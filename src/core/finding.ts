// The Finding record every rule produces and every reporter consumes.
import type { DocxPart, TableCell } from './document.js'
import type { MessageArgs } from '../i18n/catalogue.js'

/** How serious a finding is; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info'
export type SeverityOrOff = Severity | 'off'

/** The severities in order of weight, heaviest first. */
export const severities: readonly Severity[] = ['error', 'warning', 'info']
/** What a rule's severity may be set to (config `rules`, `--rule`, rule files), lightest first. */
export const severitiesOrOff = ['off', 'info', 'warning', 'error'] as const satisfies readonly SeverityOrOff[]

/** A replacement of `length` UTF-16 code units at `offset` of the decoded text. */
export interface Fix {
  readonly offset: number
  readonly length: number
  readonly replacement: string
}

/**
 * What a rule reports: a span of the decoded text, in UTF-16 code units, and what to say about
 * it as a catalogue message id with arguments. The engine turns it into a {@link Finding}
 * (line, column, context, severity, the message in the run's language).
 */
export interface RawFinding {
  readonly offset: number
  readonly length: number
  /** A variant of the rule's message (`paywall.unpaired.unopened`); the rule's own `messageId` when absent. */
  readonly messageId?: string
  /** The values of the message's `{name}` placeholders (`text`, `suggestion`, ...). */
  readonly args?: MessageArgs
  /** A correction a reader may apply by hand (`二十大`); not necessarily a safe automatic fix. */
  readonly suggestion?: string
  /** A safe automatic fix, applied by `--fix`. */
  readonly fix?: Fix
  /** Findings that claim the same group and overlap are reported once (count over placeholder). */
  readonly claim?: string
  /** Rule-specific evidence (inferred year, parent unit, ...), passed through to JSON. */
  readonly data?: Readonly<Record<string, unknown>>
}

/** A finding as reported: the fields of the JSON output (DESIGN.md, schemaVersion 1). */
export interface Finding {
  readonly ruleId: string
  readonly category: string
  readonly severity: Severity
  /** Stable id of the message in the catalogues (`count.unfilled`): tools match on it, not on the sentence. */
  readonly messageId: string
  /** The message in the run's language (`--lang`). */
  readonly message: string
  /** 1-based line and column; columns in UTF-16 code units. */
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  /**
   * UTF-16 code units into the decoded text (BOM removed, line endings kept); for HTML, into the
   * text extracted from it, whose lines are the file's.
   */
  readonly offset: number
  readonly length: number
  readonly text: string
  readonly context: string
  /**
   * Where `text` starts in `context`, set only when it does not follow from the column: when
   * redaction (`--redact-output`) has changed the context's length before it, or the columns
   * are the source's (HTML) while the context is the extracted text.
   */
  readonly contextStart?: number
  readonly suggestion?: string
  readonly fix: Fix | null
  readonly data?: Readonly<Record<string, unknown>>
  /** For a .docx, the table cell the finding is in (its line is then the cell's paragraph). */
  readonly cell?: TableCell
  /** For a .docx, the footnote, endnote, header or footer the finding is in, outside the body. */
  readonly part?: DocxPart
  /** For a .docx, the text box (文本框) the finding is in, counting the body's text boxes from 1. */
  readonly textBox?: number
  /**
   * For a .docx, the body paragraph outside tables the finding is in, counting those only (a
   * cell is named by `cell`): the 8th paragraph a reader sees after two tables is 8, not the
   * line of the decoded text, which counts every cell.
   */
  readonly paragraph?: number
}

/** Orders findings by position, then rule id, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.offset - b.offset || a.length - b.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}
