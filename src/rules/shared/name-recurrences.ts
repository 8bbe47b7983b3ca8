// A name found leaked once is leaked wherever the document writes it again: `法定代表人：周建国`
// is found by its cue, `当事人法定代表人周建国的询问笔录` further on by the name alone. A rule
// that reports the first only leaves the others for a redaction to miss.
import type { Document } from '../../core/document.js'
import type { Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { personNameAt } from './persons.js'

/** A span of the text, [start, end) in UTF-16 code units. */
interface Span {
  readonly start: number
  readonly end: number
}

/**
 * Han characters after a name that end it: particles, conjunctions, prepositions (周建国的,
 * 王建军在). Not the transliterations' list (shared/transliterated-names.ts): 都 and 那 end a
 * name here (王建军都…) and stand inside one there (阿不都热合曼).
 */
const endsNameRe = /^[的了是在和与就也都而及或等把被让给向从对为以于之其这那们]$/

/**
 * The other places `doc` writes the names of `found`, each with the entry it repeats: where
 * the tagger reads a name of the same extent, or, for a name of three characters or more, where
 * the characters around it cannot extend it (`周建国的询问笔录`). Two-character names (刘晨)
 * stand only where the tagger agrees: they occur inside words. A place overlapping an entry of
 * `found` is none; `isFree` rejects others the caller knows (a pseudonym, a formulation).
 */
export function nameRecurrences<T extends Span>(doc: Document, tokenizer: Tokenizer, found: readonly T[], isFree: (start: number, end: number) => boolean): [T, Span][] {
  const text = doc.text
  const byName = new Map<string, T>()
  for (const entry of found) if (!byName.has(text.slice(entry.start, entry.end))) byName.set(text.slice(entry.start, entry.end), entry)
  const taken = new Set(found.map((entry) => entry.start))
  const recurrences: [T, Span][] = []
  for (const [name, entry] of byName) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length
      if (taken.has(at) || found.some((f) => f.start < end && at < f.end) || !isFree(at, end)) continue
      if (!standsAsName(doc, tokenizer, at, end)) continue
      taken.add(at)
      recurrences.push([entry, { start: at, end }])
    }
  }
  return recurrences
}

function standsAsName(doc: Document, tokenizer: Tokenizer, start: number, end: number): boolean {
  const span = personNameAt(doc, tokenizer, start)
  if (span) return span.end === end
  const after = doc.text.charAt(end)
  return end - start >= 3 && (after === '' || !isHan(after.charCodeAt(0)) || endsNameRe.test(after))
}
