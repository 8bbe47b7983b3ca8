// What the engine needs of a rule: an id and category to report, optional claims, the
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
    /** Overlapping findings of rules that claim a group in common are reported once: highest rank wins. */
    readonly claims?: readonly Claim[]
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

/** A group of rules that find one span in ways of which one is reported, and the rule's rank in it. */
export interface Claim {
  readonly group: string
  readonly rank: number
}

/**
 * Which of two rules' claims wins a span both found: above 0 when `a` outranks `b` in a group
 * both claim, below 0 when `b` does, 0 when they share no group or rank alike in it. A rule may
 * claim more than one group: page residue gives way to a tag (group `paywall`) and to garbled
 * text (`garble`), which outrank nothing of each other's.
 */
export function compareClaims(a: readonly Claim[], b: readonly Claim[]): number {
  for (const ca of a) {
    const cb = b.find((c) => c.group === ca.group)
    if (cb !== undefined && cb.rank !== ca.rank) return ca.rank - cb.rank
  }
  return 0
}
