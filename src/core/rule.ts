// What the engine needs of a rule: an id and category to report, an optional claim, the
// severity of the run, its words and the run's language, and a check. Rule kinds and their
// definitions live in rules/, above.
import type { Lang } from '../i18n/catalogue.js'
import type { InlineMessage } from '../i18n/finding-message.js'
import type { Document } from './document.js'
import type { RawFinding, Severity } from './finding.js'

/** A rule the engine can run on a Document. */
export interface EngineRule {
  readonly def: {
    readonly id: string
    readonly category: string
    /** Overlapping findings of rules that claim the same group are reported once: highest rank wins. */
    readonly claim?: { readonly group: string; readonly rank: number }
    /** The id of the rule's message in the catalogues (`count.unfilled`). */
    readonly messageId: string
    /** The rule file's own message, when it carries one. */
    readonly message?: InlineMessage
  }
  readonly severity: Severity
  /**
   * Run only to claim its spans, never reported: a rule turned off that outranks an active rule
   * of its claim group (`count/unfilled` off, `placeholder/mask` on). Turning a rule off silences
   * what it finds; it does not hand its spans to the rule it outranks.
   */
  readonly claimOnly?: boolean
  /** The run's settings the engine reads: the language findings are worded in. */
  readonly settings: { readonly lang: Lang }
  readonly check: (doc: Document) => RawFinding[]
}
