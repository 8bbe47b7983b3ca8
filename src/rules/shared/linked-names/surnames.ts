// The masked persons' surnames: where each starts a name in clear, and the mask the document
// writes them with (某 or 某某).
import type { Document } from '../../../core/document.js'
import { isHan } from '../chars.js'
import { FirstCharIndex } from '../first-char-index.js'
import { maskLengthOf } from '../person-masks.js'
import { findPseudonyms } from '../pseudonyms.js'
import { maskedGivenRe } from './chars.js'

/** The masked surnames, searched for in each document in turn (tables reused). */
const surnameIndex = new FirstCharIndex([])

/**
 * Where each of `surnames` starts a name in clear (a Han character follows, not a mask), by
 * surname, each by offset. One pass over the text for all: a search per surname read it once
 * per surname (~10 in a document that masks persons).
 */
export function sameSurnameStarts(text: string, surnames: Iterable<string>): Map<string, number[]> {
  const starts = new Map<string, number[]>()
  for (const surname of surnames) starts.set(surname, [])
  if (starts.size === 0) return starts
  for (const hit of surnameIndex.reload(starts.keys()).matches(text)) {
    if (isHan(text.charCodeAt(hit.end)) && !maskedGivenRe.test(text.charAt(hit.end))) starts.get(hit.keyword)!.push(hit.begin)
  }
  return starts
}

/** The pseudonym form the document uses most for persons (`某` or `某某`), to mask a linked name the same way. */
export function personMaskOf(doc: Document): string {
  let single = 0
  let double = 0
  // The mask's characters counted, not the ordinal after them (司马某甲 is masked with one 某; 李×× with two).
  for (const p of findPseudonyms(doc)) if (p.kind === 'person' && p.form === 'surname') (maskLengthOf(doc.text.slice(p.start + p.name!.length, p.end)) === 2 ? double++ : single++)
  return double > single ? '某某' : '某'
}
