// Where a name in clear that starts as a masked one does ends: a masked minority name's kept part
// and the rest (岩温罕 of 岩某), a transliteration written without dots (古丽娜尔); and the spans
// that are no name: the later word of a Tibetan name, the head of a longer place name.
import type { Document } from '../../../core/document.js'
import type { Tokenizer } from '../../../nlp/tokenizer.js'
import { tibetanNameLength } from '../../../nlp/person-names.js'
import { isHan } from '../chars.js'
import { findPlaces } from '../places.js'
import { tokensNear } from '../token-window.js'
import { isTransliterationChar } from '../transliterated-names.js'
import { notGivenCharRe } from './chars.js'

/**
 * True when a Tibetan name runs through `at` from before it (次仁 of 罗布次仁): a Tibetan name has
 * no surname, and its later name word is no name of its own (nor the masked 次某).
 */
export function isInsideTibetanName(text: string, at: number): boolean {
  for (const back of [2, 3]) if (at >= back && tibetanNameLength(text.slice(at - back, at - back + 6)) > back) return true
  return false
}

/** A suffix of a place within reach after a name: it may end a place the name begins. */
const placeSuffixNearRe = /[村镇乡旗县市区]|嘎查|社区|苏木/
/** The most characters of a place name read after the name that begins it. */
const placeReach = 6

/**
 * True when the name is the head of a longer place name the document writes (巴音 of
 * 巴音敖包嘎查, a village named after a person as Mongolian ones are): the place's, not a person's.
 * The places are looked up only where a place's suffix follows within reach.
 */
export function isHeadOfPlace(doc: Document, tokenizer: Tokenizer, span: { start: number; end: number }): boolean {
  if (!placeSuffixNearRe.test(doc.text.slice(span.end, span.end + placeReach))) return false
  return findPlaces(doc, tokenizer).some((p) => p.start <= span.start && p.end > span.end)
}

/**
 * A name in clear that starts as a masked minority name does (岩温罕 of 岩某, 岩香): the prefix
 * and what the tagger leaves after it as one-character words or unknown words and names (岩/nr
 * 温罕/x, 岩香/x), two to four characters in all, up to a verb, a particle or punctuation. A word
 * the dictionary knows that runs past the prefix (次日/t, 次年/t, 次数/n of 次某, a Tibetan 次仁's
 * mask) is that word, not a name.
 */
export function prefixedNameAt(doc: Document, tokenizer: Tokenizer, at: number, prefix: string): { start: number; end: number } | undefined {
  const tokens = tokensNear(doc, tokenizer, at, at + 4, 8)
  let i = tokens.findIndex((t) => t.start === at)
  if (i < 0) return undefined
  let end = at
  for (; i < tokens.length; i++) {
    const t = tokens[i]!
    const isNamePart = [...t.word].every((c) => isHan(c.charCodeAt(0)) && !notGivenCharRe.test(c)) && !notNameTagRe.test(t.tag)
    if (t.end - at > 4 || !(t.end <= at + prefix.length || (isNamePart && (t.word.length === 1 || nameLikeTagRe.test(t.tag))))) break
    end = t.end
  }
  return end - at >= 2 && end >= at + prefix.length + 1 ? { start: at, end } : undefined
}

/**
 * Tags of the words of a transliterated name written without its dots: words the dictionary
 * lacks (古丽娜尔/x). Not its names (阿依古丽/nr): it tags thousands of idioms so, and only a
 * cue makes one a name ({@link cuedFourCharacterName}).
 */
const unknownWordTagRe = /^x$/

/**
 * A minority name written without dots at `at` (古丽娜尔, 热依汗古丽: 热依汗/x 古丽/x): one or two
 * words the tagger does not know, three to six characters in all, each a
 * syllable a transliteration uses. A Han name of three characters may pass as well; it is a name.
 */
export function transliteratedRunAt(doc: Document, tokenizer: Tokenizer, at: number): { start: number; end: number } | undefined {
  if (!isTransliterationChar(doc.text.charAt(at)) || !isTransliterationChar(doc.text.charAt(at + 1)) || !isTransliterationChar(doc.text.charAt(at + 2))) return undefined
  const tokens = tokensNear(doc, tokenizer, at, at + 6, 8)
  let i = tokens.findIndex((t) => t.start === at)
  if (i < 0) return undefined
  let end = at
  for (let words = 0; i < tokens.length && words < 2; i++, words++) {
    const t = tokens[i]!
    if (t.start !== end || t.end - at > 6 || !unknownWordTagRe.test(t.tag) || ![...t.word].every(isTransliterationChar)) break
    end = t.end
  }
  return end - at >= 3 ? { start: at, end } : undefined
}

/** Tags of a word the tagger does not know or reads as a name: a name's part. */
const nameLikeTagRe = /^(?:x|nr|nrfg|nrt|nz)$/

/** Tags of a word that is no part of a name: verbs, particles, prepositions, pronouns, numerals, time and place words. */
const notNameTagRe = /^(?:v|u|p|r|m|q|c|d|w|f|t)/
