// Inline suppressions in Markdown and HTML comments, as a filter; reports those that suppress nothing.
import { suggestName } from './suggest-name.js'
import { isInternalFinding } from './categories.js'
import type { Document } from './document.js'
import { contextAround } from './engine.js'
import type { FindingFilter } from './filters.js'
import { formatMessage, type Lang, type MessageArgs } from '../i18n/catalogue.js'
import { compareFindings, type Finding, type Severity } from './finding.js'

/** The id of the finding for a suppression comment that suppressed nothing. */
export const unusedSuppressionId = 'internal/unused-suppression'

/** What the suppression filter needs to know. */
export interface SuppressionOptions {
  /** Every rule id that exists (on or off), to tell a typo from a rule that found nothing. */
  readonly knownIds: readonly string[]
  /** Severity of unused-suppression findings, or `off` not to report them. */
  readonly unusedSeverity: Severity | 'off'
  /** The language of the findings' messages; English when absent. */
  readonly lang?: Lang
}

type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable'

interface Directive {
  readonly kind: DirectiveKind
  /** Offset and length of the whole comment, UTF-16 code units. */
  readonly offset: number
  readonly length: number
  /** Rule ids named, or null for every rule. */
  readonly ids: readonly string[] | null
  readonly used: Set<string>
}

interface Range {
  readonly start: number
  readonly end: number
  readonly ids: ReadonlySet<string> | null
  /** For a block of every rule, the ids an `enable ID` took back out of it. */
  readonly except: ReadonlySet<string>
  readonly directive: Directive
}

/** A marker to find quickly whether a document has any directive at all. */
const marker = 'mask-audit-'
/** `<!-- mask-audit-KIND ids -- optional reason -->`; the longest kind is tried first. */
const directiveRe = /<!--\s*mask-audit-(disable-next-line|disable-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/g
const anyRuleKey = '*'

/** A filter applying the directives of Markdown and HTML documents; other formats pass through. */
export function createSuppressionFilter(options: SuppressionOptions): FindingFilter {
  // The spec lets worker threads build the same filter (--jobs).
  const spec = { name: 'suppressions', options: { knownIds: options.knownIds, unusedSeverity: options.unusedSeverity, lang: options.lang } }
  const filter: FindingFilter = (findings, doc) => {
    if ((doc.format !== 'markdown' && doc.format !== 'html') || !doc.text.includes(marker)) return findings
    const directives = findDirectives(doc)
    if (directives.length === 0) return findings
    const ranges = buildRanges(doc, directives)
    const kept = findings.filter((f) => isInternalFinding(f) || !suppress(f, ranges))
    if (options.unusedSeverity === 'off') return kept
    const unused = directives.flatMap((d) => unusedFindings(doc, d, options.knownIds, options.unusedSeverity as Severity, options.lang ?? 'en'))
    return [...kept, ...unused].sort(compareFindings)
  }
  return Object.assign(filter, { spec })
}

function findDirectives(doc: Document): Directive[] {
  // In Markdown, a comment inside code is text, not a directive: the reader marked the raw HTML.
  const html = doc.format === 'markdown' ? doc.htmlRegions : undefined
  const directives: Directive[] = []
  directiveRe.lastIndex = 0
  for (let m = directiveRe.exec(doc.text); m; m = directiveRe.exec(doc.text)) {
    const offset = m.index
    if (html && !html.some((r) => r.start <= offset && offset < r.end)) continue
    const names = m[2]!.split(/\s--\s/)[0]!.split(/[\s,]+/).filter(Boolean)
    directives.push({ kind: m[1] as DirectiveKind, offset, length: m[0].length, ids: names.length ? names : null, used: new Set() })
  }
  return directives
}

function buildRanges(doc: Document, directives: readonly Directive[]): Range[] {
  const ranges: Range[] = []
  let open: Range[] = []
  for (const d of directives) {
    const ids = d.ids ? new Set(d.ids) : null
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      const line = doc.lineAt(d.kind === 'disable-line' ? d.offset : d.offset + d.length) + (d.kind === 'disable-next-line' ? 1 : 0)
      const start = doc.lineStarts[line - 1]
      if (start !== undefined) ranges.push({ start, end: doc.lineStarts[line] ?? doc.text.length, ids, except: new Set(), directive: d })
    } else if (d.kind === 'disable') open.push({ start: d.offset + d.length, end: doc.text.length, ids, except: new Set(), directive: d })
    else open = closeRanges(open, ranges, d.offset, ids)
  }
  return [...ranges, ...open]
}

/** Ends the open blocks an `enable` names at `at`; a block of every rule goes on without those ids. */
function closeRanges(open: readonly Range[], closed: Range[], at: number, ids: ReadonlySet<string> | null): Range[] {
  const still: Range[] = []
  for (const r of open) {
    const isNamed = ids === null || (r.ids !== null && [...r.ids].some((id) => ids.has(id)))
    if (!isNamed && r.ids !== null) {
      still.push(r)
      continue
    }
    closed.push({ ...r, end: at })
    if (ids === null) continue
    if (r.ids === null) still.push({ ...r, start: at, except: new Set([...r.except, ...ids]) })
    else if ([...r.ids].some((id) => !ids.has(id))) still.push({ ...r, start: at, ids: new Set([...r.ids].filter((id) => !ids.has(id))) })
  }
  return still
}

function suppress(f: Finding, ranges: readonly Range[]): boolean {
  let isSuppressed = false
  for (const r of ranges) {
    if (f.offset < r.start || f.offset >= r.end) continue
    if (r.ids ? !r.ids.has(f.ruleId) : r.except.has(f.ruleId)) continue
    r.directive.used.add(r.ids ? f.ruleId : anyRuleKey)
    isSuppressed = true
  }
  return isSuppressed
}

function unusedFindings(doc: Document, d: Directive, knownIds: readonly string[], severity: Severity, lang: Lang): Finding[] {
  if (d.kind === 'enable') return []
  const report = (messageId: string, args: MessageArgs) => unusedFinding(doc, d, severity, messageId, formatMessage(lang, messageId, args))
  if (d.ids === null) return d.used.size ? [] : [report('internal.unused-suppression', { directive: d.kind })]
  return d.ids
    .filter((id) => !d.used.has(id))
    .map((id) => {
      if (knownIds.includes(id)) return report('internal.unused-suppression.rule', { rule: id, directive: d.kind })
      const near = suggestName(id, knownIds)
      return near ? report('internal.unused-suppression.unknown-near', { rule: id, near }) : report('internal.unused-suppression.unknown', { rule: id })
    })
}

function unusedFinding(doc: Document, d: Directive, severity: Severity, messageId: string, message: string): Finding {
  const start = doc.positionAt(d.offset)
  const end = doc.positionAt(d.offset + d.length)
  return {
    ruleId: unusedSuppressionId,
    category: 'internal',
    severity,
    messageId,
    message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: d.offset,
    length: d.length,
    text: doc.text.slice(d.offset, d.offset + d.length),
    context: contextAround(doc, d.offset, d.length),
    fix: null,
  }
}
