// Runs the active rules over a Document and turns their raw findings into Findings.
import { compareClaims, type EngineRule } from './rule.js'
import { formatMessage } from '../i18n/catalogue.js'
import { findingMessage } from '../i18n/finding-message.js'
import type { Document } from './document.js'
import { compareFindings, type Finding, type RawFinding } from './finding.js'

/** UTF-16 code units of context kept on each side of a finding, within its line. */
const contextRadius = 20

/** The id of the finding that stands for a rule that threw. */
export const ruleErrorId = 'internal/rule-error'

/**
 * The raw findings of a document in the order the rules gave them, with the rule of each, and
 * their spans read once: raw findings come in as many shapes as there are rules, and reading a
 * property through all of them, again and again while sorting, was a slow lookup each time.
 */
interface Found {
  readonly rules: EngineRule[]
  readonly raws: RawFinding[]
  readonly offsets: number[]
  readonly lengths: number[]
}

/**
 * Runs every rule on `doc`. Findings in skipped regions are dropped, overlapping findings of
 * rules that claim the same group are reported once (highest rank), and the result is sorted
 * by position. A rule that throws yields one `internal/rule-error` finding instead.
 */
export function checkDocument(doc: Document, rules: readonly EngineRule[]): Finding[] {
  const found: Found = { rules: [], raws: [], offsets: [], lengths: [] }
  const failures: Finding[] = []
  for (const rule of rules) {
    let raws: RawFinding[]
    try {
      raws = rule.check(doc)
    } catch (error) {
      // A rule the user turned off, run only to claim its spans, reports nothing, its failure neither.
      if (!rule.claimOnly) failures.push(ruleErrorFinding(doc, rule, error))
      continue
    }
    for (const raw of raws) {
      const { offset, length } = raw
      if (doc.isSkipped(offset, length)) continue
      found.rules.push(rule)
      found.raws.push(raw)
      found.offsets.push(offset)
      found.lengths.push(length)
    }
  }
  const byOffset = orderByOffset(found.offsets)
  const losers = resolveClaims(found, byOffset)
  // What a rule run only to claim found is never reported, won or lost.
  for (let i = 0; i < found.raws.length; i++) if (found.rules[i]!.claimOnly) losers.add(found.raws[i]!)
  const findings = toFindings(doc, found, orderByPosition(found, byOffset, losers))
  // Rule failures all carry one id at one place: they are not repeats of each other. Without
  // any, the findings are sorted already.
  return failures.length === 0 ? findings : [...failures, ...findings].sort(compareFindings)
}

/**
 * The indices of `offsets` in order of offset, ties in the order given: one native sort of
 * numbers (offset and index in one key) where a comparator in JavaScript cost a call per
 * comparison, over 200,000 findings on a corpus.
 */
export function orderByOffset(offsets: readonly number[]): number[] {
  const n = offsets.length
  const scale = 2 ** Math.ceil(Math.log2(n + 1))
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const offset = offsets[i]!
    // A key must be exact: past 2^53, or for an offset that is not a whole number, compare.
    if (!(Number.isSafeInteger(offset * scale + n) && offset >= 0)) return [...offsets.keys()].sort((a, b) => offsets[a]! - offsets[b]! || a - b)
    keys[i] = offset * scale + i
  }
  keys.sort()
  const order = new Array<number>(n)
  for (let i = 0; i < n; i++) order[i] = keys[i]! % scale
  return order
}

/**
 * Drops the lower-ranked of overlapping findings that claim the same group: returns the
 * losers. The names a dropped finding held (`data.names`) pass to the one that won, as
 * `data.overlapped`: the winner's context still shows them, and `--redact-output` must mask
 * them there too.
 */
function resolveClaims(found: Found, byOffset: readonly number[]): Set<RawFinding> {
  const { rules, raws, offsets, lengths } = found
  // Sweep in offset order: only findings whose spans overlap are compared.
  const claimed = byOffset.filter((i) => rules[i]!.def.claims)
  const losers = new Set<RawFinding>()
  const overlapped = new Map<RawFinding, Set<string>>()
  for (let i = 0; i < claimed.length; i++) {
    const a = raws[claimed[i]!]!
    const ca = rules[claimed[i]!]!.def.claims!
    const aEnd = offsets[claimed[i]!]! + Math.max(lengths[claimed[i]!]!, 1)
    for (let j = i + 1; j < claimed.length && offsets[claimed[j]!]! < aEnd; j++) {
      const b = raws[claimed[j]!]!
      const order = compareClaims(ca, rules[claimed[j]!]!.def.claims!)
      if (order === 0) continue
      const [winner, loser] = order < 0 ? [b, a] : [a, b]
      losers.add(loser)
      for (const name of namesOf(loser)) overlapped.set(winner, (overlapped.get(winner) ?? new Set()).add(name))
    }
  }
  // A winner that lost to another finding in turn is dropped with its names.
  for (let i = 0; overlapped.size > 0 && i < raws.length; i++) {
    const names = overlapped.get(raws[i]!)
    if (names && !losers.has(raws[i]!)) raws[i] = withOverlapped(raws[i]!, names)
  }
  return losers
}

/** `raw` with the names of the findings it won over that it does not hold itself, if any. */
function withOverlapped(raw: RawFinding, names: Set<string>): RawFinding {
  const own = new Set(namesOf(raw))
  const more = [...names].filter((n) => !own.has(n))
  return more.length ? { ...raw, data: { ...raw.data, overlapped: more } } : raw
}

/** The names a raw finding holds (`data.names`), as leak rules give them. */
export function namesOf(raw: Pick<RawFinding, 'data'>): string[] {
  const names = raw.data?.names
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && n.length > 0) : []
}

/**
 * The indices of the findings to report, in the order of {@link compareFindings} (ties in the
 * order given), without the losers of claims and without repeats: the same rule on the same
 * span once. Only findings at one offset, few, still need a comparator.
 */
function orderByPosition(found: Found, byOffset: readonly number[], losers: ReadonlySet<RawFinding>): number[] {
  const { rules, raws, offsets, lengths } = found
  const compare = (a: number, b: number) => lengths[a]! - lengths[b]! || (rules[a]!.def.id < rules[b]!.def.id ? -1 : rules[a]!.def.id > rules[b]!.def.id ? 1 : a - b)
  const kept = losers.size > 0 ? byOffset.filter((i) => !losers.has(raws[i]!)) : byOffset
  const order: number[] = []
  for (let from = 0; from < kept.length; ) {
    let to = from + 1
    while (to < kept.length && offsets[kept[to]!] === offsets[kept[from]!]) to++
    if (to - from === 1) order.push(kept[from]!)
    else for (const i of kept.slice(from, to).sort(compare)) order.push(i)
    from = to
  }
  return order.filter((i, k) => {
    const prev = order[k - 1]
    return prev === undefined || offsets[prev] !== offsets[i] || lengths[prev] !== lengths[i] || rules[prev]!.def.id !== rules[i]!.def.id
  })
}

/** Findings of the raw findings at `order`, which is by offset: lines are found by walking forward. */
function toFindings(doc: Document, found: Found, order: readonly number[]): Finding[] {
  const starts = doc.lineStarts
  const findings = new Array<Finding>(order.length)
  let line = 1
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    const offset = found.offsets[i]!
    while (line < starts.length && starts[line]! <= offset) line++
    findings[k] = toFinding(doc, found.rules[i]!, found.raws[i]!, { offset, length: found.lengths[i]!, line })
  }
  return findings
}

/** Where a raw finding is, as the engine has read it already. */
interface Span {
  readonly offset: number
  readonly length: number
  /** 1-based line of `offset`. */
  readonly line: number
}

function toFinding(doc: Document, rule: EngineRule, raw: RawFinding, { offset, length, line }: Span): Finding {
  // Line numbers without Position objects: most spans end on the line they start on.
  const starts = doc.lineStarts
  const endOffset = offset + length
  const endLine = endOffset < (starts[line] ?? Infinity) ? line : doc.lineAt(endOffset)
  const messageId = raw.messageId ?? rule.def.messageId
  const finding: Finding = {
    ruleId: rule.def.id,
    category: rule.def.category,
    severity: rule.severity,
    messageId,
    message: findingMessage(rule.def, rule.settings.lang, messageId, raw.args),
    line,
    column: offset - starts[line - 1]! + 1,
    endLine,
    endColumn: endOffset - starts[endLine - 1]! + 1,
    offset,
    length,
    text: doc.text.slice(offset, endOffset),
    context: contextAround(doc, offset, length, line),
    suggestion: raw.suggestion,
    fix: raw.fix ?? null,
    data: raw.data,
  }
  if (doc.sourceOffsets) return inSourceColumns(doc, finding)
  const cell = doc.cells[line - 1]
  if (cell) return { ...finding, cell }
  const part = doc.parts[line - 1]
  if (part) return { ...finding, part }
  const textBox = doc.textBoxes[line - 1]
  if (textBox !== undefined) return { ...finding, textBox }
  const paragraph = doc.bodyParagraphAt(line)
  return paragraph !== undefined ? { ...finding, paragraph } : finding
}

/**
 * The finding with the columns of the source file (an HTML file's, not of its extracted text),
 * which are what an editor shows; the context is the text's, so where the span starts in it is
 * kept apart (`contextStart`).
 */
function inSourceColumns(doc: Document, finding: Finding): Finding {
  return {
    ...finding,
    column: doc.columnAt(finding.offset, finding.line),
    // After its last character: the offset after it may start the next piece of markup's text.
    endColumn: finding.length === 0 ? doc.columnAt(finding.offset, finding.line) : doc.columnAt(finding.offset + finding.length - 1, doc.lineAt(finding.offset + finding.length - 1)) + 1,
    contextStart: spanStartInContext(finding),
  }
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
