// Plans the redacted copy of a document (`mask-audit redact`): every leaked name replaced by
// one uniform mask, and every mask that stands for a name made that same mask.
import { traitsOf } from './categories.js'
import type { Document } from './document.js'
import type { Finding } from './finding.js'

/** One replacement of the original text, in UTF-16 code units. */
export interface RedactionEdit {
  readonly offset: number
  readonly length: number
  readonly replacement: string
  /** The rule whose finding asked for it (`leak/place`), or `uniform-mask`. */
  readonly reason: string
}

/** The redacted text and the edits that made it, in text order. */
export interface RedactionPlan {
  readonly text: string
  readonly edits: readonly RedactionEdit[]
}

/** A span of the text holding a mask that stands for a name (`***` of `***市`). */
export interface NameMask {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** The mask written when a document has no name mask to copy. */
export const defaultMask = '***'

/**
 * The mask a redaction writes: the one the document uses most for names (`***` in a report that
 * writes `***市统计局`, `xx` in one that writes `xx统计局`); on a tie the longest.
 */
export function chooseUniformMask(nameMasks: readonly NameMask[]): string {
  const counts = new Map<string, number>()
  for (const m of nameMasks) counts.set(m.text, (counts.get(m.text) ?? 0) + 1)
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]
  return best ? best[0] : defaultMask
}

/**
 * Replaces the span each leak finding marks for redaction (`data.redact`: the name without its
 * suffix, so `外西河村` becomes `***村`) with `mask`, or with the `replacement` it names: an
 * identifier masked in the document's convention (`139****0021`), a linked name as the
 * document's pseudonym (`王某`); and each name mask that differs from the mask.
 * Overlapping spans are merged into the first; the result is stable: planned again on its own
 * output, nothing changes.
 */
export function planRedaction(doc: Document, findings: readonly Finding[], nameMasks: readonly NameMask[], mask: string): RedactionPlan {
  const spans: RedactionEdit[] = []
  for (const f of findings) {
    const redact = traitsOf(f.category).isLeak ? (f.data?.redact as { offset?: unknown; length?: unknown; replacement?: unknown } | undefined) : undefined
    if (redact && typeof redact.offset === 'number' && typeof redact.length === 'number' && redact.length > 0) {
      // A finding may bring its own form: an identifier as the document masks it (`139****0021`), a linked name as its pseudonym (王建国 → 王某).
      const replacement = typeof redact.replacement === 'string' && redact.replacement !== '' ? redact.replacement : mask
      spans.push({ offset: redact.offset, length: redact.length, replacement, reason: f.ruleId })
    }
  }
  for (const m of nameMasks) if (m.text !== mask) spans.push({ offset: m.start, length: m.end - m.start, replacement: mask, reason: 'uniform-mask' })
  const edits = withoutOverlaps(spans)
  let text = ''
  let at = 0
  for (const e of edits) {
    text += doc.text.slice(at, e.offset) + e.replacement
    at = e.offset + e.length
  }
  return { text: text + doc.text.slice(at), edits }
}

/** Sorted edits; one that overlaps the previous is merged into it. */
function withoutOverlaps(spans: RedactionEdit[]): RedactionEdit[] {
  const sorted = [...spans].sort((a, b) => a.offset - b.offset || b.length - a.length)
  const kept: RedactionEdit[] = []
  for (const e of sorted) {
    const last = kept[kept.length - 1]
    if (last && e.offset < last.offset + last.length) {
      const end = Math.max(last.offset + last.length, e.offset + e.length)
      kept[kept.length - 1] = { ...last, length: end - last.offset }
    } else kept.push(e)
  }
  return kept
}
