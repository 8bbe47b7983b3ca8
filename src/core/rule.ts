// What the engine needs of a rule: an id and category to report, an optional claim, the
// severity of the run, and a check. Rule kinds and their definitions live in rules/, above.
import type { Document } from './document.js'
import type { RawFinding, Severity } from './finding.js'

/** A rule the engine can run on a Document. */
export interface EngineRule {
  readonly def: {
    readonly id: string
    readonly category: string
    /** Overlapping findings of rules that claim the same group are reported once: highest rank wins. */
    readonly claim?: { readonly group: string; readonly rank: number }
  }
  readonly severity: Severity
  readonly check: (doc: Document) => RawFinding[]
}
