// Dates a document for the rules that check what era it writes in (typo/congress): the year
// its title states, else the earliest year what it cites allows, else the year it mentions most.
import { formatText, localText, type LocalText } from '../../i18n/catalogue.js'
import type { Document } from '../../core/document.js'
import { inferDocumentEra, type DocumentEra, type EraTerm } from './document-era.js'
import { inferDocumentYear } from './document-year.js'

/** How the document was dated: an exact year, or the earliest year its content allows. */
export interface Dating {
  readonly year: number
  readonly isLowerBound: boolean
  /** True when the year is only the one the text mentions most: the text may be a year off. */
  readonly isGuess: boolean
  readonly vars: Readonly<Record<string, string | number | LocalText>>
  readonly data: Readonly<Record<string, unknown>>
}

/**
 * Dates the document. A year in the title is a statement and wins; else the terms the text
 * cites give the earliest year it can be from, which beats a year it merely mentions most
 * when that is earlier (a history paragraph's 1982年 does not make a text citing 二十大 old).
 */
export function dateDocument(doc: Document, eras: readonly EraTerm[]): Dating | undefined {
  const written = inferDocumentYear(doc)
  // Only terms later than a year the text mentions can overrule it; nothing overrules a title.
  const era = eras.length > 0 && !written?.isFromTitle ? inferDocumentEra(doc.text, eras, written?.year) : undefined
  if (era) {
    const evidence = describeEvidence(era)
    return {
      year: era.from,
      isLowerBound: true,
      isGuess: false,
      vars: { year: era.from, evidence },
      data: { earliestYear: era.from, yearInferredFrom: formatText('en', evidence) },
    }
  }
  if (!written) return undefined
  return { year: written.year, isLowerBound: false, isGuess: !written.isFromTitle, vars: { year: written.year, how: written.how }, data: { documentYear: written.year, yearInferredFrom: formatText('en', written.how) } }
}

/** The evidence as a message quotes it: `二十大 (2022 on) and 十四五 (2020 on)`, in the run's language. */
function describeEvidence(era: DocumentEra): LocalText {
  const [first, second] = era.evidence.map((t) => localText('typo.congress.evidence', { term: t.term, from: t.from }))
  return second ? localText('typo.congress.evidence.two', { first: first!, second }) : first!
}
