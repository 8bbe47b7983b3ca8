// Types shared by the rule loader, the rule kinds and the engine.
import type { Category } from '../core/categories.js'
import type { Document } from '../core/document.js'
import type { RawFinding, SeverityOrOff } from '../core/finding.js'
import type { Claim, EngineRule } from '../core/rule.js'
import type { InlineMessage } from '../i18n/finding-message.js'
import type { RuleSettings } from './settings.js'

/** The audit profiles of DESIGN.md. */
export const profiles = ['draft', 'redacted'] as const
export type Profile = (typeof profiles)[number]

/** Where a rule or option came from, for error messages. */
export interface SourceRef {
  readonly path: string
  /** Maps a key path inside the file (`['units', 2]`) to its line and column, when known. */
  readonly locate?: (keyPath: readonly (string | number)[]) => { line: number; column: number } | undefined
}

/** One rule file, validated: the common fields plus the kind's typed options. */
export interface RuleDef<O = unknown> {
  readonly id: string
  readonly category: Category
  readonly kind: string
  readonly severity: Readonly<Record<Profile, SeverityOrOff>>
  /** One line on what the rule finds, in English; `ruleSummary` gives it in a run's language. */
  readonly summary: string
  /** Id of the rule's message in the catalogues (src/i18n/); by default the id with `.` for `/`. */
  readonly messageId: string
  /**
   * A message written in the rule file itself (a team's own rules), used when the catalogues
   * lack `messageId`: one template for every language, or one per language. `{text}` and the
   * kind's `{names}` are filled in.
   */
  readonly message?: InlineMessage
  /** Overlapping findings of rules that claim a group in common are reported once: highest rank wins (`claim:` in the file, one or a list). */
  readonly claims?: readonly Claim[]
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] }
  readonly options: O
  readonly source: string
  /**
   * True for the rules shipped in `rules/`: their patterns run on V8's RegExp. Every other
   * rule file's patterns run on a linear-time engine (see `core/user-regexp.ts`).
   */
  readonly isBuiltin?: boolean
}

/** A compiled rule: a pure function of a Document. */
export type RuleCheck = (doc: Document) => RawFinding[]

/** A kind of rule: how to validate its options and turn a definition into a check. */
export interface RuleKind<O> {
  readonly name: string
  /** Validates the kind-specific keys of a rule file; throws ConfigError. */
  parseOptions(raw: Readonly<Record<string, unknown>>, at: SourceRef): O
  /** Turns a definition into a check; `settings` are the run's (profile, tokenizer, user lists). */
  compile(rule: RuleDef<O>, settings: RuleSettings): RuleCheck
  /** The regular expressions among the options, with their key paths: a user's are checked against the linear engine. */
  patternsOf?(options: O): readonly { readonly keyPath: readonly (string | number)[]; readonly source: string; readonly flags: string }[]
}

/** A rule ready to run under one profile: what the engine runs, with its whole definition. */
export interface ActiveRule extends EngineRule {
  readonly def: RuleDef
  /** What the check was compiled with (profile, tokenizer): a worker thread recompiles it from these. */
  readonly settings: RuleSettings
}
