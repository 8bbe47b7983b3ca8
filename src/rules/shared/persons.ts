// Finds personal names next to a title (张三同志, 书记李四, 李四局长): the title words are found
// first, and only their clauses are tagged, so a text without titles never loads the tokenizer.
import type { Document } from '../../core/document.js'
import { commonWordsTaggedAsNames, personTitles, surnameLength } from '../../nlp/person-names.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { literalAlternation } from './options.js'
import { tokensAround, tokensNear } from './token-window.js'
import { isNameDot, transliteratedNameLength } from './transliterated-names.js'

/** A name next to a title: the name's span [start, end) in UTF-16 code units, and the title. */
export interface PersonMention {
  readonly start: number
  readonly end: number
  readonly title: string
}

/** Tags the tagger gives personal names; `x` is a word it does not know (张三, 王丽). */
const nameTagRe = /^(?:nr|nrfg|nrt|x)$/
const titleRe = new RegExp(literalAlternation(personTitles), 'g')

/** Names next to titles in `doc`, sorted; computed once per document and tokenizer. */
export function findPersons(doc: Document, tokenizer: Tokenizer): readonly PersonMention[] {
  return doc.derive(`persons:${tokenizer.name}`, () => scanPersons(doc, tokenizer))
}

function scanPersons(doc: Document, tokenizer: Tokenizer): PersonMention[] {
  const found = new Map<number, PersonMention>()
  titleRe.lastIndex = 0
  for (let m = titleRe.exec(doc.text); m; m = titleRe.exec(doc.text)) {
    // Titles overlap (`支书` and `书记` in 党总支书记): each start is tried.
    titleRe.lastIndex = m.index + 1
    const tokens = tokensAround(doc, tokenizer, m.index, m.index + m[0].length)
    const at = tokens.findIndex((t) => t.start <= m!.index && m!.index < t.end)
    const title = tokens[at]
    // The title must end its token: `书记` in `党组书记`, not `主任` inside `主任务`.
    if (!title || title.end !== m.index + m[0].length) continue
    // A space may stand between a title and the name after it (`党总支书记 张振华` in a heading).
    const after = tokens[at + 1] !== undefined && /^\s+$/.test(tokens[at + 1]!.word) ? at + 1 : at
    for (const name of [nameBefore(tokens, at), nameAfter(tokens, after)]) {
      if (name) found.set(name.start, { start: name.start, end: name.end, title: title.word })
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}

/** Tags of a word that cannot be a given name: verbs, prepositions, particles, conjunctions, adverbs, pronouns. */
const notGivenNameTagRe = /^(?:v|p|u|c|d|r|m|q|f|t|w)/

/** The name ending right before the title at `at`: one word (李四), or a surname the tagger split off (张/q 海军/n). */
function nameBefore(tokens: readonly Token[], at: number): Span | undefined {
  const last = tokens[at - 1]
  if (!last) return undefined
  if (isPersonName(last)) return last
  const surname = tokens[at - 2]
  return surname && isSplitName(surname, last) ? { start: surname.start, end: last.end } : undefined
}

/** The name starting right after the title at `at`. */
function nameAfter(tokens: readonly Token[], at: number): Span | undefined {
  const first = tokens[at + 1]
  if (!first) return undefined
  if (isPersonName(first)) return first
  const given = tokens[at + 2]
  return given && isSplitName(first, given) ? { start: first.start, end: given.end } : undefined
}

interface Span {
  readonly start: number
  readonly end: number
}

/**
 * Tags a split-off surname may carry: the tagger reads 张 as a measure word (张/q 海军/n), but a
 * preposition or conjunction (由张局长, 和刘主任) is the word before a title, not a surname.
 */
const notSurnameTagRe = /^(?:v|p|u|c|d|r|f|t|w)/

/** A one-character surname followed by a one- or two-character word that may be a given name. */
function isSplitName(surname: Token, given: Token): boolean {
  if (isTitleWord(given.word)) return false
  if (surname.word.length !== 1 || surnameLength(surname.word) !== 1 || notSurnameTagRe.test(surname.tag) || !isAllHan(given.word)) return false
  return given.word.length <= 2 && !notGivenNameTagRe.test(given.tag)
}

function isAllHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isHan(word.charCodeAt(i))) return false
  return word.length > 0
}

/**
 * Prepositions and conjunctions that are also surnames: glued to a surname before a title they
 * are `由` + `王局长` (a surname and a title name no one), not a person called 由王.
 */
const functionSurnameRe = /^[由向和与对给请让被把从在为跟同及经据以将]/

/**
 * First characters of an organ or a title (局, 处, 科, 委): after a preposition-surname they start
 * the next word (`由局长牵头` tagged 由局/x 长), not a given name.
 */
const organCharRe = /^[局处科委厅部院所队站办组股室]$/

/** Two to four Han characters, starting with a surname, tagged as a name or unknown word. */
function isPersonName(token: Token): boolean {
  const { word, tag } = token
  if (word.length < 2 || word.length > 4 || !nameTagRe.test(tag) || !isAllHan(word)) return false
  if (word.length === 2 && functionSurnameRe.test(word) && (surnameLength(word.slice(1)) === 1 || tag === 'x' || organCharRe.test(word.charAt(1)))) return false
  const surname = surnameLength(word)
  if (titleQualifierRe.test(word) || commonWordsTaggedAsNames.has(word)) return false
  return surname > 0 && word.length - surname >= 1 && word.length - surname <= 2
}

/** Words of title qualifiers only (原副 of 原副书记, 常务副): no name. */
const titleQualifierRe = /^[原前副正代常务总第]+$/

/** The most code units a transliterated name is read over. */
const maxTransliteratedName = 40

/** Code units tagged on each side of a name looked up by position: the word before and after it. */
const nameReach = 6

/**
 * The personal name starting at `at`, as the tagger reads the clause: one name word (李建军/nr,
 * 张伟/x) or a surname it split off (刘/zg 文华/nz). Undefined when the words there are no name.
 */
export function personNameAt(doc: Document, tokenizer: Tokenizer, at: number): Span | undefined {
  // A transliterated name (艾力·买买提) is one name as a whole, and no part after a dot starts one.
  if (isNameDot(doc.text.charAt(at - 1))) return undefined
  const dotted = transliteratedNameLength(doc.text.slice(at, at + maxTransliteratedName))
  if (dotted > 0) return { start: at, end: at + dotted }
  const tokens = tokensNear(doc, tokenizer, at, Math.min(doc.text.length, at + 4), nameReach)
  const i = tokens.findIndex((t) => t.start === at)
  const first = tokens[i]
  if (!first) {
    // The tagger glued the surname to the word before (法定代理/n 人周/x 建华/nz).
    const glued = tokens.findIndex((t) => t.start < at && t.end === at + 1)
    const given = tokens[glued + 1]
    const surname = doc.text.charAt(at)
    return glued >= 0 && given && !isTitleWord(given.word) && surnameLength(surname) === 1 && isAllHan(given.word) && given.word.length <= 2 && !notGivenNameTagRe.test(given.tag) ? { start: at, end: given.end } : undefined
  }
  const given = tokens[i + 1]
  if (isPersonName(first)) return isGluedToVerb(first, given) ? { start: first.start, end: first.end + 1 } : first
  if (given && (isSplitName(first, given) || isSplitSurnameWord(first, given))) return { start: first.start, end: given.end }
  return undefined
}


/**
 * A four-character word the dictionary tags as a name (nr), starting with a surname, at `at`:
 * minority names written without a dot (阿依古丽/nr). The dictionary also tags thousands of
 * idioms so (一劳永逸/nr, 万古流芳/nr), so only a role's cue right before (其妻子阿依古丽) makes
 * one a name; a masked surname alone does not.
 */
export function cuedFourCharacterName(doc: Document, tokenizer: Tokenizer, at: number): Span | undefined {
  const token = tokensNear(doc, tokenizer, at, Math.min(doc.text.length, at + 4), nameReach).find((t) => t.start === at)
  if (!token || token.tag !== 'nr' || token.word.length !== 4 || !isAllHan(token.word) || surnameLength(token.word) !== 1) return undefined
  return { start: token.start, end: token.end }
}

/** A word of two characters the dictionary lacks whose second is a verb of saying: `明称` of `钱立|明称`. */
const gluedVerbRe = /^[\u4e00-\u9fff][称说讲述]$/

/**
 * The tagger glued a given name's last character to the verb after it (钱立/x 明称/x for
 * 钱立明称): a two-character name followed by an unknown word that is that character and 称, 说,
 * 讲 or 述. A dictionary word there (供称/v) is a verb of its own.
 */
function isGluedToVerb(name: Token, next: Token | undefined): boolean {
  return name.word.length === 2 && surnameLength(name.word) === 1 && next !== undefined && next.start === name.end && next.tag === 'x' && gluedVerbRe.test(next.word)
}

/** The tagger read a surname as a word of its own (刘/zg, 王/nr) before a given name of one or two characters. */
function isSplitSurnameWord(surname: Token, given: Token): boolean {
  if (isTitleWord(given.word)) return false
  return surname.word.length === 1 && surnameLength(surname.word) === 1 && /^(?:nr|zg|x|ng|nrt|nrfg)$/.test(surname.tag) && isAllHan(given.word) && given.word.length <= 2 && !notGivenNameTagRe.test(given.tag)
}

/** A title or a form of address after a surname (王局长, 刘主任, 张律师, 李师傅): the pair names no one. */
function isTitleWord(word: string): boolean {
  return personTitles.some((t) => word.endsWith(t)) || /^(?:律师|法官|师傅|大爷|大妈|阿姨|某|总|工|老板|先生|女士)$/.test(word)
}
