// Finds 嘎查 (the villages of Inner Mongolia's pastoral areas) named in a text but missing from
// the gazetteer, whose names change often (巴苏木昂嘎查): the words before the suffix, read back
// to the first verb, particle or pronoun, when the tagger takes them for a name.
import type { Document } from '../../core/document.js'
import { getGazetteer } from '../../nlp/gazetteer.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { findMaskRuns } from './mask-runs.js'
import { tokensBefore } from './token-window.js'

/** Suffixes of unlisted names: 嘎查 only, as `村` and `社区` follow too many common words (文明村, 和谐社区). */
const unlistedSuffixRe = /嘎查/g
/**
 * Tags that end a name read backwards: verbs, prepositions, particles, pronouns, conjunctions,
 * numerals, measure words, adverbs, time words and punctuation (`帮扶嘎查`, `该嘎查`, `及嘎查`).
 */
const boundaryTagRe = /^(?:v|p|u|r|c|m|q|d|t|w)/
/** Tags of names: persons, places, organisations, other proper nouns, and unknown words. */
const properTagRe = /^(?:nr|ns|nt|nz|x)/

/** A name found before a suffix: [start, end) and where its suffix starts, in UTF-16 code units. */
export interface UnlistedName {
  readonly start: number
  readonly end: number
  readonly maskEnd: number
}

/** Unlisted 嘎查 names of `doc`; tags only the clauses that hold the suffix. */
export function findUnlistedVillages(doc: Document, tokenizer: Tokenizer): UnlistedName[] {
  const text = doc.text
  const found: UnlistedName[] = []
  unlistedSuffixRe.lastIndex = 0
  for (let m = unlistedSuffixRe.exec(text); m; m = unlistedSuffixRe.exec(text)) {
    const suffixStart = m.index
    if (!isHan(text.charCodeAt(suffixStart - 1)) || isAfterMask(doc, suffixStart)) continue
    const name = nameTokensBefore(tokensBefore(doc, tokenizer, suffixStart))
    if (name.length === 0) continue
    const start = name[0]!.start
    const end = suffixStart + m[0].length
    if (suffixStart - start < 2 || isListedGeneric(text, end)) continue
    found.push({ start, end, maskEnd: suffixStart })
  }
  return found
}

/** The tokens at the end of `tokens` that form a name, or none. */
function nameTokensBefore(tokens: readonly Token[]): Token[] {
  const name: Token[] = []
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!
    if (boundaryTagRe.test(token.tag) || !isHan(token.word.charCodeAt(0))) break
    name.unshift(token)
  }
  const isNameLike = name.some((t) => properTagRe.test(t.tag)) || name.filter((t) => t.word.length === 1).length >= 2
  return isNameLike ? name : []
}

/** `xx来嘎查`: a name partly masked is a masked name, not an unlisted one. */
function isAfterMask(doc: Document, at: number): boolean {
  return findMaskRuns(doc).some((run) => run.end <= at && at - run.end <= 2)
}

/** A gazetteer name that the place scan left out for being a common word stays left out. */
function isListedGeneric(text: string, end: number): boolean {
  const entry = getGazetteer().villageNamesEndingAt(text, end, 4, isHan)[0]
  return entry?.isGeneric === true
}
