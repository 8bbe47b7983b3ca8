// Plans the redacted copy of a document (`mask-audit redact`): every leaked name replaced by
// one uniform mask, and every mask that stands for a name made that same mask.
import { traitsOf } from './categories.js'
import type { Document, Region } from './document.js'
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

/** What the redaction of a Markdown copy asks of the Markdown parser, offsets in UTF-16 code units. */
export interface MarkdownLayout {
  /** The emphasis markers of a text: the stars and underscores the parser pairs. */
  readonly emphasisMarkers: (text: string) => readonly Region[]
  /** The code of a text, inline and in blocks. */
  readonly verbatimRegions: (text: string) => readonly Region[]
}

/** A mask the document escapes as Markdown does (`640302\*\*\*\*\*\*\*\*2368`, `\*\*\*市`): two escaped stars in a row. */
const escapedMaskRe = /(?:\\\*){2}/
/** A star not yet escaped. */
const bareStarRe = /(?<!\\)\*/g

/**
 * The plan of a Markdown copy with the `*` of its masks written `\*`, where `*` would be read as
 * emphasis: a run of stars between letters or digits may open or close it, and two masks on a
 * line pair into bold that shows no mask at all (`640302********8516，手机139****0021` renders
 * `640302` and a bold `8516，手机139`). When the document escapes its own masks, every mask is
 * written so; else the masks whose stars the copy's parse pairs into emphasis
 * (`markdown.emphasisMarkers`), again until none is: an escaped star renders as the star the
 * document writes, so the copy reads as the document does. A mask in code is written as it is
 * (code renders verbatim). An edit that escaping makes the text it replaces (the document's
 * own `\*\*\*`) is dropped.
 */
export function escapeMarkdownMasks(doc: Document, plan: RedactionPlan, markdown: MarkdownLayout): RedactionPlan {
  const { emphasisMarkers } = markdown
  if (!plan.edits.some((e) => e.replacement.includes('*'))) return plan
  // Code renders verbatim: a backslash there would show, and no star there is emphasis.
  const verbatim = markdown.verbatimRegions(doc.text)
  const starred = plan.edits.map((e) => e.replacement.includes('*') && !verbatim.some((v) => v.start <= e.offset && e.offset + e.length <= v.end))
  if (!starred.some(Boolean)) return plan
  const escapesOwn = escapedMaskRe.test(doc.text)
  const escaped = starred.map((isStarred) => isStarred && escapesOwn)
  for (let round = 0; round <= plan.edits.length; round++) {
    const { text, spans } = applyEdits(doc.text, plan.edits, escaped)
    const markers = emphasisMarkers(text)
    let changed = false
    for (let i = 0; i < spans.length; i++) {
      if (!starred[i] || escaped[i]) continue
      const span = spans[i]!
      // A star right beside the mask joins its run (`**王某某**` made `*******`): the markers are lost too.
      const touchesStar = text.charAt(span.start - 1) === '*' || text.charAt(span.end) === '*'
      if (touchesStar || markers.some((m) => m.start < span.end && span.start < m.end)) escaped[i] = changed = true
    }
    if (!changed) break
  }
  const edits = plan.edits
    .map((e, i) => (escaped[i] ? { ...e, replacement: escapeStars(e.replacement) } : e))
    .filter((e) => e.replacement !== doc.text.slice(e.offset, e.offset + e.length))
  return { text: applyEdits(doc.text, edits, []).text, edits }
}

function escapeStars(replacement: string): string {
  return replacement.replace(bareStarRe, '\\*')
}

/** `text` with `edits` applied (the escaped ones with their stars escaped), and where each edit's replacement stands in the result. */
function applyEdits(text: string, edits: readonly RedactionEdit[], escaped: readonly boolean[]): { text: string; spans: Region[] } {
  let out = ''
  let at = 0
  const spans: Region[] = []
  edits.forEach((e, i) => {
    out += text.slice(at, e.offset)
    const replacement = escaped[i] ? escapeStars(e.replacement) : e.replacement
    spans.push({ start: out.length, end: out.length + replacement.length })
    out += replacement
    at = e.offset + e.length
  })
  return { text: out + text.slice(at), spans }
}
