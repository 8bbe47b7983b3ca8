// Dates a document by what it cites, for texts that write no usable year: a term that only
// exists from some year on (二十大 from 2022, 十四五 from 2020) bounds the text's year from below.

/** A term that dates a text: no text written before `from` uses it. */
export interface EraTerm {
  readonly term: string
  readonly from: number
}

/** The earliest year a text can be from, with the terms that show it, latest first. */
export interface DocumentEra {
  readonly from: number
  readonly evidence: readonly EraTerm[]
}

/** How many terms a message quotes as evidence. */
const maxEvidence = 2

/**
 * The earliest year `text` can have been written in, given the terms it cites; undefined when
 * it cites none. The evidence lists the latest-dated terms found, distinct, at most two.
 */
export function inferDocumentEra(text: string, terms: readonly EraTerm[]): DocumentEra | undefined {
  const found = terms.filter((t) => text.includes(t.term)).sort((a, b) => b.from - a.from)
  if (found.length === 0) return undefined
  // A term inside a longer one also found (新时代 inside 习近平新时代中国特色社会主义思想)
  // adds nothing: the longer one is quoted.
  const evidence = found.filter((t) => !found.some((o) => o !== t && o.term.includes(t.term)))
  return { from: found[0]!.from, evidence: evidence.slice(0, maxEvidence) }
}
