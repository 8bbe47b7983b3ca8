// Runs the active rules over a Document and turns their raw findings into Findings.
import type { EngineRule } from './rule.js'
import { formatMessage } from '../i18n/catalogue.js'
import { findingMessage } from '../i18n/finding-message.js'
import type { Document } from './document.js'
import { compareFindings, type Finding, type RawFinding } from './finding.js'

/** UTF-16 code units of context kept on each side of a finding, within its line. */
const contextRadius = 20

/** The id of the finding that stands for a rule that threw. */
export const ruleErrorId = 'internal/rule-error'

/**
 * Runs every rule on `doc`. Findings in skipped regions are dropped, overlapping findings of
 * rules that claim the same group are reported once (highest rank), and the result is sorted
 * by position. A rule that throws yields one `internal/rule-error` finding instead.
 */
export function checkDocument(doc: Document, rules: readonly EngineRule[]): Finding[] {
  const found: { rule: EngineRule; raw: RawFinding }[] = []
  const failures: Finding[] = []
  for (const rule of rules) {
    let raws: RawFinding[]
    try {
      raws = rule.check(doc)
    } catch (error) {
      failures.push(ruleErrorFinding(doc, rule, error))
      continue
    }
    for (const raw of raws) if (!doc.isSkipped(raw.offset, raw.length)) found.push({ rule, raw })
  }
  const kept = resolveClaims(found)
  const findings = dropRepeats(kept.map(({ rule, raw }) => toFinding(doc, rule, raw)).sort(compareFindings))
  // Rule failures all carry one id at one place: they are not repeats of each other. Without
  // any, the findings are sorted already (a copy and a sort of 100,000s saved on a corpus).
  return failures.length === 0 ? findings : [...failures, ...findings].sort(compareFindings)
}

/**
 * Drops the lower-ranked of overlapping findings that claim the same group. The names a
 * dropped finding held (`data.names`) pass to the one that won, as `data.overlapped`: the
 * winner's context still shows them, and `--redact-output` must mask them there too.
 */
function resolveClaims(found: { rule: EngineRule; raw: RawFinding }[]): typeof found {
  // Sweep in offset order: only findings whose spans overlap are compared.
  const claimed = found.filter((f) => f.rule.def.claim).sort((a, b) => a.raw.offset - b.raw.offset)
  const losers = new Set<RawFinding>()
  const overlapped = new Map<RawFinding, Set<string>>()
  for (let i = 0; i < claimed.length; i++) {
    const a = claimed[i]!
    const aEnd = a.raw.offset + Math.max(a.raw.length, 1)
    for (let j = i + 1; j < claimed.length && claimed[j]!.raw.offset < aEnd; j++) {
      const b = claimed[j]!
      const ca = a.rule.def.claim!
      const cb = b.rule.def.claim!
      if (ca.group !== cb.group || ca.rank === cb.rank) continue
      const [winner, loser] = ca.rank < cb.rank ? [b.raw, a.raw] : [a.raw, b.raw]
      losers.add(loser)
      for (const name of namesOf(loser)) overlapped.set(winner, (overlapped.get(winner) ?? new Set()).add(name))
    }
  }
  if (losers.size === 0) return found
  return found
    .filter((f) => !losers.has(f.raw))
    .map((f) => {
      const names = overlapped.get(f.raw)
      if (!names) return f
      const own = new Set(namesOf(f.raw))
      const more = [...names].filter((n) => !own.has(n))
      return more.length ? { ...f, raw: { ...f.raw, data: { ...f.raw.data, overlapped: more } } } : f
    })
}

/** The names a raw finding holds (`data.names`), as leak rules give them. */
export function namesOf(raw: Pick<RawFinding, 'data'>): string[] {
  const names = raw.data?.names
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && n.length > 0) : []
}

/** The same rule on the same span once: sorted by position and rule id, repeats are neighbours. */
function dropRepeats(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => {
    const prev = sorted[i - 1]
    return prev === undefined || prev.offset !== f.offset || prev.length !== f.length || prev.ruleId !== f.ruleId
  })
}

function toFinding(doc: Document, rule: EngineRule, raw: RawFinding): Finding {
  // Line numbers without Position objects: most spans end on the line they start on.
  const starts = doc.lineStarts
  const line = doc.lineAt(raw.offset)
  const endOffset = raw.offset + raw.length
  const endLine = endOffset < (starts[line] ?? Infinity) ? line : doc.lineAt(endOffset)
  const messageId = raw.messageId ?? rule.def.messageId
  const finding: Finding = {
    ruleId: rule.def.id,
    category: rule.def.category,
    severity: rule.severity,
    messageId,
    message: findingMessage(rule.def, rule.settings.lang, messageId, raw.args),
    line,
    column: raw.offset - starts[line - 1]! + 1,
    endLine,
    endColumn: endOffset - starts[endLine - 1]! + 1,
    offset: raw.offset,
    length: raw.length,
    text: doc.text.slice(raw.offset, raw.offset + raw.length),
    context: contextAround(doc, raw.offset, raw.length, line),
    suggestion: raw.suggestion,
    fix: raw.fix ?? null,
    data: raw.data,
  }
  const cell = doc.cells[line - 1]
  return cell ? { ...finding, cell } : finding
}

const ellipsis = '...'

/** The text around a span, clipped to its line; `...` marks a cut. Offsets in UTF-16 code units. */
export function contextAround(doc: Document, offset: number, length: number, line = doc.lineAt(offset)): string {
  const w = contextWindow(doc, offset, length, line)
  return (w.isCutBefore ? ellipsis : '') + doc.text.slice(w.from, w.to) + (w.isCutAfter ? ellipsis : '')
}

/** The part of the text a context shows, [from, to) in UTF-16 code units, and whether `...` marks a cut on each side. */
export interface ContextWindow {
  readonly from: number
  readonly to: number
  readonly isCutBefore: boolean
  readonly isCutAfter: boolean
}

/** The window of text {@link contextAround} shows around a span. */
export function contextWindow(doc: Document, offset: number, length: number, line = doc.lineAt(offset)): ContextWindow {
  const text = doc.text
  const lineStart = doc.lineStarts[line - 1]!
  let lineEnd = doc.lineStarts[line] ?? text.length
  while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 0x0a || text.charCodeAt(lineEnd - 1) === 0x0d)) lineEnd--
  const from = Math.max(lineStart, offset - contextRadius)
  const to = Math.min(lineEnd, offset + length + contextRadius)
  return { from, to, isCutBefore: from > lineStart, isCutAfter: to < lineEnd }
}

/**
 * Where a finding's span starts inside its `context` string, in UTF-16 code units: as the
 * column puts it, unless redaction changed the text before it (`contextStart`).
 */
export function spanStartInContext(finding: { readonly column: number; readonly contextStart?: number }): number {
  if (finding.contextStart !== undefined) return finding.contextStart
  const from = Math.max(0, finding.column - 1 - contextRadius)
  return (from > 0 ? ellipsis.length : 0) + finding.column - 1 - from
}

function ruleErrorFinding(doc: Document, rule: EngineRule, error: unknown): Finding {
  const messageId = 'internal.rule-error'
  const message = formatMessage(rule.settings.lang, messageId, { rule: rule.def.id, error: error instanceof Error ? error.message : String(error) })
  return {
    ruleId: ruleErrorId,
    category: 'internal',
    severity: 'error',
    messageId,
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: 0,
    length: 0,
    text: '',
    context: doc.lineText(1).slice(0, contextRadius * 2),
    fix: null,
  }
}
