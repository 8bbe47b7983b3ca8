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
 * it cites none dated after `laterThan`. The evidence lists the latest-dated terms found,
 * distinct, at most two.
 *
 * Terms are looked for latest first and each at most once, and only until the answer is
 * known: a caller that holds a year asks only whether a later term is cited, which for most
 * texts is one or two scans instead of one per term.
 */
export function inferDocumentEra(text: string, terms: readonly EraTerm[], laterThan = -Infinity): DocumentEra | undefined {
  const cited = new Map<EraTerm, boolean>()
  const isCited = (t: EraTerm) => {
    let is = cited.get(t)
    if (is === undefined) cited.set(t, (is = text.includes(t.term)))
    return is
  }
  // Stable: terms of one year keep their order.
  const latestFirst = [...terms].sort((a, b) => b.from - a.from)
  const latest = latestFirst.find((t) => t.from > laterThan && isCited(t))
  if (!latest) return undefined
  const evidence: EraTerm[] = []
  for (const t of latestFirst) {
    if (evidence.length === maxEvidence) break
    // A term inside a longer one also found (新时代 inside 习近平新时代中国特色社会主义思想)
    // adds nothing: the longer one is quoted.
    if (isCited(t) && !terms.some((o) => o !== t && o.term.includes(t.term) && isCited(o))) evidence.push(t)
  }
  return { from: latest.from, evidence }
}
