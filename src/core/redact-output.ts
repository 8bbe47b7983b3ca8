// The `--redact-output` filter: no reporter may print a leaked name in clear, so every name a
// leak finding holds is masked in every finding of the document (texts, contexts, messages, data).
import { traitsOf } from './categories.js'
import type { Document } from './document.js'
import type { Finding } from './finding.js'
import type { FindingFilter } from './filters.js'

/** U+FF0A FULLWIDTH ASTERISK: as wide as a Han character, so carets under a context still line up. */
const outputMask = '\uFF0A'
/** Data keys dropped from redacted output: a division code identifies a unit as well as its name. */
const identifyingKeys = new Set(['code', 'units'])

/**
 * Masks the names found by `leak` findings wherever they appear in `findings`. A name keeps its
 * length (the JSON `length` field tells it anyway), so offsets into `context` stay right.
 */
export function redactLeakedNames(findings: Finding[], _doc: Document): Finding[] {
  const names = leakedNames(findings)
  if (names.length === 0) return findings
  const mask = (s: string) => names.reduce((out, name) => (out.includes(name) ? out.split(name).join(outputMask.repeat(name.length)) : out), s)
  return findings.map((f) => ({
    ...f,
    message: mask(f.message),
    text: mask(f.text),
    context: mask(f.context),
    ...(f.suggestion !== undefined && { suggestion: mask(f.suggestion) }),
    ...(f.data !== undefined && { data: maskData(f.data, mask) as Finding['data'] }),
  }))
}

/** Every name held by leak findings (`data.names`), longest first so that a longer name is masked whole. */
function leakedNames(findings: readonly Finding[]): string[] {
  const names = new Set<string>()
  for (const f of findings) {
    if (!traitsOf(f.category).isLeak) continue
    const listed = f.data?.names
    if (Array.isArray(listed)) for (const name of listed) if (typeof name === 'string' && name.length > 0) names.add(name)
  }
  return [...names].sort((a, b) => b.length - a.length)
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
