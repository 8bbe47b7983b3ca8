// Infers the year a report was written in, from its title or the years it mentions.
import type { Document } from '../../core/document.js'
import { localText, type LocalText } from '../../i18n/catalogue.js'
import { lineWhere } from '../../core/place.js'

/** The inferred year and how it was found, to be quoted in messages. */
export interface DocumentYear {
  readonly year: number
  readonly how: LocalText
  /** True when a title line gave the year (a statement), false when it is the year mentioned most (a guess). */
  readonly isFromTitle: boolean
}

const yearRe = /(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年/g
/** A title is one of the first lines, short and without sentence punctuation. */
const titleLines = 3
const maxTitleLength = 60

/** The document's year, or undefined when it names no year. Computed once per document. */
export function inferDocumentYear(doc: Document): DocumentYear | undefined {
  return doc.derive('documentYear', computeYear)
}

function computeYear(doc: Document): DocumentYear | undefined {
  const fromTitle = yearFromTitle(doc)
  if (fromTitle) return fromTitle
  const counts = new Map<number, number>()
  yearRe.lastIndex = 0
  for (let m = yearRe.exec(doc.text); m; m = yearRe.exec(doc.text)) {
    const year = Number(m[1])
    counts.set(year, (counts.get(year) ?? 0) + 1)
  }
  let best: [number, number] | undefined
  for (const entry of counts) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry
  }
  if (!best) return undefined
  // Of years mentioned as often as each other (1978, 1992, 2025 once each), the latest: the
  // message says so rather than calling it the one mentioned most.
  const isTie = [...counts].some(([year, count]) => count === best[1] && year !== best[0])
  const how = isTie ? localText('typo.congress.year-latest', { year: best[0], count: best[1] }) : localText('typo.congress.year-most', { year: best[0], count: best[1] })
  return { year: best[0], how, isFromTitle: false }
}

function yearFromTitle(doc: Document): DocumentYear | undefined {
  let seen = 0
  for (let line = 1; line <= doc.lineStarts.length && seen < titleLines; line++) {
    const text = doc.lineText(line).trim()
    if (!text) continue
    seen++
    if (text.length > maxTitleLength || /[。；，]/.test(text)) continue
    const m = /((?:19|20)[0-9]{2})\s*年/.exec(text)
    if (m) return { year: Number(m[1]), how: localText('typo.congress.year-title', { where: lineWhere(doc, line), year: m[1]! }), isFromTitle: true }
  }
  return undefined
}
