// The `--redact-output` filter: no reporter may print a leaked name in clear. Every place of
// the document where a leak finding's name stands is masked in every finding that shows it
// (text, context, message, suggestion, data), also where a context's window cuts a name in two.
import { isInternalFinding, traitsOf } from './categories.js'
import { contextWindow, namesOf } from './engine.js'
import type { Document } from './document.js'
import type { Finding } from './finding.js'
import type { FindingFilter } from './filters.js'

/** One mask for any name, whatever its length: a mask as long as the name would tell its length. */
export const outputMask = '***'
/** Data keys dropped from redacted output: a division code identifies a unit as well as its name. */
const identifyingKeys = new Set(['code', 'units'])
const ellipsis = '...'

/** A span of the document, [start, end) in UTF-16 code units. */
interface Span {
  readonly start: number
  readonly end: number
}

/**
 * Masks every name held by leak findings wherever it shows in `findings`. Offsets, lengths,
 * lines and columns stay those of the document; `contextStart` says where the (masked) text
 * now starts in its (masked) context.
 */
export function redactLeakedNames(findings: Finding[], doc: Document): Finding[] {
  const names = leakedNames(findings)
  if (names.length === 0) return findings
  const secret = secretSpans(doc.text, findings, names)
  const maskText = (s: string) => names.reduce((out, name) => (out.includes(name) ? out.split(name).join(outputMask) : out), s)
  return findings.map((f) => {
    const { context, contextStart } = isInternalFinding(f) ? { context: maskText(f.context), contextStart: 0 } : maskedContext(doc, f, secret)
    return {
      ...f,
      message: maskText(f.message),
      text: maskSpan(doc.text, f.offset, f.offset + f.length, secret),
      context,
      contextStart,
      ...(f.suggestion !== undefined && { suggestion: maskText(f.suggestion) }),
      ...(f.data !== undefined && { data: maskData(f.data, maskText) as Finding['data'] }),
    }
  })
}

/** Every name held by leak findings (`data.names`, and `data.overlapped` of findings dropped for them), longest first. */
function leakedNames(findings: readonly Finding[]): string[] {
  const names = new Set<string>()
  for (const f of findings) {
    if (!traitsOf(f.category).isLeak) continue
    for (const name of namesOf(f)) names.add(name)
    for (const name of namesOf({ data: { names: f.data?.overlapped } })) names.add(name)
  }
  return [...names].sort((a, b) => b.length - a.length)
}

/** Where the names stand in the text (every occurrence) and the spans of leak findings, merged and sorted. */
function secretSpans(text: string, findings: readonly Finding[], names: readonly string[]): Span[] {
  const spans: Span[] = []
  for (const name of names) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) spans.push({ start: at, end: at + name.length })
  for (const f of findings) if (traitsOf(f.category).isLeak && f.length > 0) spans.push({ start: f.offset, end: f.offset + f.length })
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: { start: number; end: number }[] = []
  for (const s of spans) {
    const last = merged[merged.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else merged.push({ ...s })
  }
  return merged
}

/** `text[start, end)` with each part inside a secret span replaced by one mask. */
function maskSpan(text: string, start: number, end: number, secret: readonly Span[]): string {
  let out = ''
  let at = start
  for (const s of secret) {
    if (s.end <= start) continue
    if (s.start >= end) break
    const from = Math.max(s.start, start)
    out += text.slice(at, from) + outputMask
    at = Math.min(s.end, end)
  }
  return out + text.slice(at, end)
}

/**
 * The finding's context (a window of its line, see `contextAround`) rebuilt from the document
 * with each secret span in it, whole or cut by the window, as one mask; and where the
 * finding's span now starts in it (at the mask, when a secret span runs across its start).
 */
function maskedContext(doc: Document, f: Finding, secret: readonly Span[]): { context: string; contextStart: number } {
  if (f.context === '') return { context: '', contextStart: 0 }
  const w = contextWindow(doc, f.offset, f.length, f.line)
  let out = w.isCutBefore ? ellipsis : ''
  let at = w.from
  let contextStart: number | undefined
  for (const s of secret) {
    if (s.end <= w.from) continue
    if (s.start >= w.to) break
    const from = Math.max(s.start, w.from)
    if (contextStart === undefined && f.offset <= from) contextStart = out.length + f.offset - at
    out += doc.text.slice(at, from)
    if (contextStart === undefined && f.offset < s.end) contextStart = out.length
    out += outputMask
    at = Math.min(s.end, w.to)
  }
  contextStart ??= out.length + f.offset - at
  return { context: out + doc.text.slice(at, w.to) + (w.isCutAfter ? ellipsis : ''), contextStart }
}

function maskData(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return mask(value)
  if (Array.isArray(value)) return value.map((v) => maskData(v, mask))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !identifyingKeys.has(k)).map(([k, v]) => [k, maskData(v, mask)]))
  }
  return value
}

/** `redactLeakedNames` as a filter that worker threads can rebuild from its spec. */
export const redactOutputFilter: FindingFilter = Object.assign((findings: Finding[], doc: Document) => redactLeakedNames(findings, doc), {
  spec: { name: 'redact-output' },
})
