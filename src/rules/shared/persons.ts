// Finds personal names next to a title (张三同志, 书记李四, 李四局长): the title words are found
// first, and only their clauses are tagged, so a text without titles never loads the tokenizer.
import type { Document } from '../../core/document.js'
import { getGazetteer } from '../../nlp/gazetteer.js'
import { commonWordsTaggedAsNames, personTitles, signatureLabels, surnameLength, wordLikeGivenNames } from '../../nlp/person-names.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { literalAlternation } from './options.js'
import { tokensAround, tokensNear } from './token-window.js'
import { literalsIn } from './trigger-scan.js'
import { isNameDot, isTransliterationChar, transliteratedNameLength } from './transliterated-names.js'
import { isSuffixOfMaskedPlace } from './pseudonyms.js'

/** A name next to a title: the name's span [start, end) in UTF-16 code units, and the title. */
export interface PersonMention {
  readonly start: number
  readonly end: number
  readonly title: string
}

/** Tags the tagger gives personal names; `x` is a word it does not know (张三, 王丽). */
const nameTagRe = /^(?:nr|nrfg|nrt|x)$/
const titleRe = new RegExp(literalAlternation(personTitles), 'g')
/**
 * A signature's label and what stands between it and the name: a colon, spaces, maybe the
 * writer's unit first (`述职人：郸城县统计局　杨志远`, a unit ending in an organ word and spaces).
 */
const signatureRe = new RegExp(`(${literalAlternation(signatureLabels)})[ \\t\\u3000]*[：:][ \\t\\u3000]*(?:[\\u4e00-\\u9fff]{1,20}?(?:局|委|办|厅|院|所|队|站|中心|部|处|科|室|公司)[ \\t\\u3000]+)?`, 'y')
/** Where the labels stand, listed by the pass the pattern rules share: most texts hold none. */
const signatureLabelsIn = literalsIn(signatureLabels, { keep: true })

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
    const before = nameBefore(tokens, at)
    for (const name of [before && !isUnitOfTitle(doc.text.slice(before.start, before.end), title.word) ? before : undefined, nameAfter(tokens, after)]) {
      if (name && !isSuffixOfMaskedPlace(doc.text, name.start)) found.set(name.start, { start: name.start, end: name.end, title: title.word })
    }
  }
  for (const hit of signatureLabelsIn(doc)) {
    signatureRe.lastIndex = hit.begin
    const m = signatureRe.exec(doc.text)
    if (!m) continue
    const name = personNameAt(doc, tokenizer, m.index + m[0].length)
    if (name && !found.has(name.start)) found.set(name.start, { start: name.start, end: name.end, title: m[1]! })
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}

/** The suffixes of administrative units a title may begin with (县委书记, 市长, 镇党委书记). */
const unitSuffixRe = /^[省市州盟县区旗镇乡村]/

/**
 * The word before a title is the unit the post belongs to, not a person: an organ whose last
 * character begins the title (宣传部部长, 财政局局长, 卫生院院长), or a place's short name that
 * the title's first character completes (兰考县委书记 is 兰考县's, 延吉市长 is 延吉市's).
 */
function isUnitOfTitle(word: string, title: string): boolean {
  if (word.length >= 2 && title.startsWith(word.charAt(word.length - 1))) return true
  const suffix = unitSuffixRe.exec(title)?.[0]
  return suffix !== undefined && getGazetteer().unitsByShortName(word).some((unit) => unit.name === word + suffix)
}

/**
 * A visit to a province after a title, written with its one-character abbreviation (总书记来川视察,
 * 到黔调研, 赴藏考察): 来 and 到 are verbs here, not a surname; the title reads a name only where
 * a name can stand.
 */
const visitRe = /^[来到赴][京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台蒙]$/

/** Characters of numbers: a name's third character is none of them (局长王强一行, 市长李明三次). */
const numeralRe = /^[〇零一二三四五六七八九十百千万亿两几半]$/

/** One-character nouns that follow a name without being part of it (王刚家, 李明等, 张伟处). */
const notThirdCharRe = /^[家等们处时方面里上下内外前后中]$/

/** Tags of a word that cannot be a given name: verbs, prepositions, particles, conjunctions, adverbs, pronouns. */
const notGivenNameTagRe = /^(?:v|p|u|c|d|r|m|q|f|t|w)/

/** The name ending right before the title at `at`: one word (李四), or a surname the tagger split off (张/q 海军/n). */
function nameBefore(tokens: readonly Token[], at: number): Span | undefined {
  const last = tokens[at - 1]
  if (!last) return undefined
  const name = nameIn(last)
  if (name) {
    if (name.end !== last.end) return undefined
    // A surname the tagger split off before a two-character word it took for a name (刘/nr 高明/nr 同志): the name is all three.
    const before = tokens[at - 2]
    return before && last.word.length === 2 && before.end === last.start && isSplitName(before, last) ? { start: before.start, end: last.end } : name
  }
  const surname = tokens[at - 2]
  return surname && isSplitName(surname, last) ? { start: surname.start, end: last.end } : undefined
}

/** The name starting right after the title at `at`. */
function nameAfter(tokens: readonly Token[], at: number): Span | undefined {
  const first = tokens[at + 1]
  if (!first) return undefined
  const name = nameIn(first, tokens[at]?.word)
  if (name && visitRe.test(first.word)) return undefined
  if (name) {
    // The tagger took two characters of a three-character name for a word (张贴/nr 文/n of
    // 副镇长张贴文, 金光/nr 日/m of 市长金光日: a character it read as a date's is no numeral).
    const third = tokens[at + 2]
    return name === first && isThirdCharacter(first, third) ? { start: first.start, end: third!.end } : name
  }
  const given = tokens[at + 2]
  return given && isSplitName(first, given) ? { start: first.start, end: given.end } : undefined
}

interface Span {
  readonly start: number
  readonly end: number
}

/**
 * True when the tagger took two characters of a three-character name for a word and left the
 * third apart (张贴/nr 文/n of 副镇长张贴文, 向东/nr 明/a of 其子向东明, 金光/nr 日/m of 市长金光日:
 * a character it read as a date's is no numeral): a surname and one character, then one
 * character that may end a name and is no noun that follows one (家, 等, 处).
 */
function isThirdCharacter(first: Token, third: Token | undefined): boolean {
  return first.word.length === 2 && surnameLength(first.word) === 1 && third !== undefined && third.start === first.end && third.word.length === 1 && isHan(third.word.charCodeAt(0)) && (/^(?:n|ng|nr|x|a|ag)$/.test(third.tag) || (third.tag === 'm' && !numeralRe.test(third.word))) && !notThirdCharRe.test(third.word)
}

/**
 * Tags a split-off surname may carry: the tagger reads 张 as a measure word (张/q 海军/n), but a
 * preposition or conjunction (由张局长, 和刘主任) is the word before a title, not a surname.
 */
const notSurnameTagRe = /^(?:v|p|u|c|d|r|f|t|w)/

/**
 * Tags of a given name the tagger reads as a name of its own (海燕/nr, 志强/nrfg, 永福/nz): after a
 * surname it reads as a verb (符/v of 符合, 管/v, 解/v), they make the pair a name all the same.
 */
const givenNameTagRe = /^(?:nr|nrfg|nrt|nz)$/

/**
 * The short name of an organ, or its last character (监委, 纪委, 编办, 人大, 妇联): after a unit's suffix
 * that is also a surname (区 of 区监委, 区编办), the unit's organ, not a given name.
 */
const organWordEndRe = /(?:[委办局厅]|人大|政协|政府|法院|妇联|侨联|残联|文联|科协|工会)$/

/** A surname (欧阳, or one character) followed by a one- or two-character word that may be a given name. */
function isSplitName(surname: Token, given: Token): boolean {
  if (isTitleWord(given.word) || (unitSuffixRe.test(surname.word) && organWordEndRe.test(given.word))) return false
  const isSurnameTag = !notSurnameTagRe.test(surname.tag) || (surname.tag === 'v' && givenNameTagRe.test(given.tag)) || isFunctionSurnameBeforeName(surname, given)
  if (surnameLength(surname.word) !== surname.word.length || surname.word.length > 2 || !isSurnameTag || !isAllHan(given.word) || sideWordRe.test(surname.word + given.word)) return false
  return given.word.length <= 2 && (!notGivenNameTagRe.test(given.tag) || wordLikeGivenNames.has(given.word)) && !notGivenStartRe.test(given.word)
}

/**
 * Surnames that are also words of grammar: prepositions, conjunctions, adverbs and verbs the
 * tagger reads them as (于/p, 向/p, 和/c, 曾/d, 将/d, 代/v, 查/v, 解/v). 于 and 曾 are among the
 * forty most common surnames.
 */
const functionSurnameCharRe = /^[由于向和与将把对从为以因同在给被让经据及跟曾代查解]$/

/**
 * A function-word surname the tagger read as its word (曾/d, 于/p) before a given name the
 * dictionary holds as a personal name of two characters (秀英/nr, 海涛/nr): `其妻曾秀英`, `证人于海涛`.
 * Not before one character it tags so, a surname of its own (李奶奶和/c 宋/nr 总), the words it
 * tags as names that are common words (查明/nr), nor any other word (曾/d 主动/b, 于/p 现场/n,
 * 和/c 平安/a): there it is the word of grammar.
 */
function isFunctionSurnameBeforeName(surname: Token, given: Token): boolean {
  return functionSurnameCharRe.test(surname.word) && given.word.length === 2 && personalNameTagRe.test(given.tag) && !commonWordsTaggedAsNames.has(given.word)
}

/** True for a surname that is also a word of grammar (于, 曾, 向, 和, 代, 将, 查, 解): a name starts there only where the context expects one. */
export function isFunctionSurnameChar(char: string): boolean {
  return functionSurnameCharRe.test(char)
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

/**
 * A preposition that is also a surname, glued to the determiner after it (于本/x of `被告于本判决
 * 生效之日起`, 向该, 由此): the start of a phrase, not a two-character name.
 */
const prepositionDeterminerRe = /^[于由向和与对给请让被把从在为跟同及经据以将][本该此这那每各其]$/

/**
 * The modal verb 应 (also a surname) glued to the preposition or adverb after it, as an unknown
 * word (`当事人应自收到本决定书之日起`, 应于, 应按, 应即): the clause's duty, not a person called 应自.
 */
const modalPhraseRe = /^应[自于在向按依予当即及对从由将把以为]$/

/**
 * The adverbs 曾 (once) and 将 (will), surnames too, glued to the verb after them as an unknown
 * word (`其女曾任会计`, `其妻曾系出纳`, `其子将任`): a relative's predicate after the kinship word
 * that is its subject, not a person called 曾任. Verbs of a post, a state or a deed (任, 系, 获,
 * 受, 当, 做); a name of 曾 and one character stays one (曾毅/x, 曾丽/x).
 */
const adverbVerbRe = /^[曾将][任系获受当做]$/

/** Two to four Han characters, starting with a surname, tagged as a name or unknown word. */
function isPersonName(token: Token): boolean {
  const { word, tag } = token
  if (word.length < 2 || word.length > 4 || !nameTagRe.test(tag) || !isAllHan(word) || prepositionDeterminerRe.test(word)) return false
  if (word.length === 2 && functionSurnameRe.test(word) && (surnameLength(word.slice(1)) === 1 || tag === 'x' || organCharRe.test(word.charAt(1)))) return false
  if (word.length === 2 && tag === 'x' && (modalPhraseRe.test(word) || adverbVerbRe.test(word))) return false
  const surname = surnameLength(word)
  if (titleQualifierRe.test(word) || commonWordsTaggedAsNames.has(word)) return false
  if (surname === 0 || word.length - surname < 1 || word.length - surname > 2) return false
  // A word the tagger did not know that ends in a place's or an organ's suffix is a place (姚伏镇/x).
  if (tag === 'x' && word.length >= 3 && placeOrOrganEndRe.test(word)) return false
  if (sideWordRe.test(word)) return false
  // A surname and a form of address or a title name no one (李老师, 李姐家, 宋总说), nor does
  // one glued to a particle (应由, 小李去).
  return !notGivenStartRe.test(word.charAt(surname)) && !shortTitleWords.has(word.slice(surname))
}

/**
 * Characters that start no given name: particles, prepositions, verbs of going and saying, and
 * the forms of address said after a surname (李姐, 宋总, 李奶奶, 王哥, 张叔). Not those that
 * names also start with: 和 (和平), 为 (为民), 向 (向东), 之, 可, 应, 来, 以.
 */
const notGivenStartRe = /^[的了是在与就也都而及或等把被让给从对于其这那们个些么所已曾将该由说讲称去到第总姐哥嫂婶姨叔奶爷]/
/**
 * Last characters of a word the tagger did not know, glued to a name of two or three characters:
 * a particle, a preposition, the copula 系, the verb of a post 任 or a verb of saying (王浩在/x,
 * 孔雪说/x, 赵敏称/x, 王伟系/x, 王伟东系/x, 王浩任/x 会计): the name is the characters before.
 */
const gluedTailRe = /[在于和与的了是系任等将被把向对从跟说称讲去到也都就]$/

/**
 * Adverbs of time the tagger glues to a three-character name before the verb (胡桂英现/x 享受,
 * 李建华已/x 退休): no name of three has a fourth character.
 */
const gluedTimeAdverbRe = /[现已仍曾又还便即才再均]$/

/**
 * Adverbs the tagger glues to a two-character name, as a name or an unknown word, before the verb
 * they qualify: 后 starts the next word (李明后/nr 来/v of 李明后来, 后经, 后于), and no given
 * name ends in it; 均 and 皆 (all of them) only after a list of persons (张某、王伟均/x 承认),
 * since given names do end in 均.
 */
const gluedAdverbRe = /后$/
const gluedScopeRe = /[均皆]$/
/** What comes right before the last item of a list: its separator or a conjunction. */
const listBeforeRe = /[、和与及]$/

/**
 * The name a token holds: the token when it is one, or the characters before what the tagger
 * glued to it: a particle, the copula or a verb of saying after a name of two or three
 * characters (王浩在/x: 王浩; 王伟东系/x: 王伟东), an adverb after one of two (李明后/nr: 李明).
 * `before`: the text right before the token, where known.
 */
function nameIn(token: Token, before = ''): Span | undefined {
  const { word, tag } = token
  if (surnameLength(word) === 1) {
    const isGluedWord = tag === 'x' && ((word.length === 3 || word.length === 4) && gluedTailRe.test(word) || (word.length === 4 && gluedTimeAdverbRe.test(word)))
    const isGluedAdverb = (tag === 'x' || tag === 'nr') && word.length === 3 && (gluedAdverbRe.test(word) || (gluedScopeRe.test(word) && listBeforeRe.test(before)))
    if (isGluedWord || isGluedAdverb) {
      const cut: Token = { word: word.slice(0, -1), tag, start: token.start, end: token.end - 1 }
      return isPersonName(cut) ? cut : undefined
    }
  }
  return isPersonName(token) ? token : undefined
}

/**
 * 左 (a surname too) before a side, a direction or a part of the body: an injury's place
 * (致原告左前臂骨折, 左尺桡骨), not a name.
 */
const sideWordRe = /^左(?:侧|边|右|前|后|上|下|手|脚|腿|臂|肩|眼|耳|胸|腹|腰|膝|肘|腕|踝|足|额|颞|颈|肋|髋|尺|桡|胫|腓|肺|肾|心)/

/** The suffixes of places and organs: a word ending in one names no person (姚伏镇党委书记). */
const placeOrOrganEndRe = /[省市县区旗镇乡村组局所院委厂店司队站办]$/

/** Words of title qualifiers only (原副 of 原副书记, 常务副): no name. */
const titleQualifierRe = /^[原前副正代常务总第]+$/

/** The most code units a transliterated name is read over. */
const maxTransliteratedName = 40

/** Code units tagged on each side of a name looked up by position: the word before and after it. */
const nameReach = 6

/**
 * The personal name starting at `at`, as the tagger reads the clause: one name word (李建军/nr,
 * 张伟/x) or a surname it split off (刘/zg 文华/nz). Undefined when the words there are no name.
 *
 * `isWeak`: nothing but the surname points at a name here (a masked person's surname written
 * again), so what the tagger reads as an ordinary word is one: a surname glued to the word
 * before (任何规则, 每周支部) or read as a measure word after a numeral (一张报表), a
 * dictionary word of two characters tagged nr (张贴/nr, 杨柳/nr, 高明/nr: real two-character
 * names are words the dictionary lacks, or tags nrfg, 李强/nrfg), and two characters before
 * one more that may end the name (马志/x 刚/d of 马志刚).
 */
export function personNameAt(doc: Document, tokenizer: Tokenizer, at: number, isWeak = false): Span | undefined {
  // A transliterated name (艾力·买买提) is one name as a whole, and no part after a dot starts one;
  // a masked place's suffix (区 of ××区编办) none either.
  if (isNameDot(doc.text.charAt(at - 1)) || isSuffixOfMaskedPlace(doc.text, at)) return undefined
  const dotted = transliteratedNameLength(doc.text.slice(at, at + maxTransliteratedName))
  if (dotted > 0) return { start: at, end: dottedNameEnd(doc, tokenizer, at, at + dotted) }
  const tokens = tokensNear(doc, tokenizer, at, Math.min(doc.text.length, at + 4), nameReach)
  const i = tokens.findIndex((t) => t.start === at)
  const first = tokens[i]
  if (isWeak) return weakNameAt(doc.text, tokens, i, at, tokenizer)
  if (!first) {
    // The tagger glued the surname to the word before (法定代理/n 人周/x 建华/nz).
    // A surname that is also a word of grammar (原产权人/人于/x 现场/n) needs a given name that is one (建业, 海涛/nr).
    const glued = tokens.findIndex((t) => t.start < at && t.end === at + 1)
    const given = tokens[glued + 1]
    const surname = doc.text.charAt(at)
    const isGivenName = given !== undefined && (!functionSurnameCharRe.test(surname) || personalNameTagRe.test(given.tag) || wordLikeGivenNames.has(given.word))
    return glued >= 0 && given && isGivenName && !isTitleWord(given.word) && surnameLength(surname) === 1 && isAllHan(given.word) && given.word.length <= 2 && !notGivenNameTagRe.test(given.tag) ? { start: at, end: given.end } : undefined
  }
  const given = tokens[i + 1]
  const name = nameIn(first, doc.text.slice(Math.max(0, at - 1), at))
  if (name === first && isGluedToVerb(first, given)) return { start: first.start, end: first.end + 1 }
  // After a cue a name is expected whole: its third character the tagger left apart is its own (其子向东/nr 明/a 协助).
  if (name === first && isThirdCharacter(first, given)) return { start: first.start, end: given!.end }
  if (name) return name
  const split = given && splitGivenName(first, given)
  if (split) return { start: first.start, end: split.end }
  return nameWordGivenAt(doc.text, tokens, at, tokenizer) ?? wordLikeGivenNameAt(doc.text, at)
}

/**
 * The given name after a surname the tagger split off (刘/zg 文华/nz), as a token: the next word,
 * or that word less the particle, preposition or verb of saying the tagger glued to its end
 * (欧阳/ns 晓燕向/x of `欧阳晓燕向本院`, 晓燕称/x). Undefined when the pair is no name.
 */
function splitGivenName(surname: Token, given: Token): Token | undefined {
  if (isSplitName(surname, given) || isSplitSurnameWord(surname, given)) return given
  if (given.tag !== 'x' || given.word.length !== 3 || !gluedTailRe.test(given.word) || given.start !== surname.end) return undefined
  const cut: Token = { word: given.word.slice(0, -1), tag: given.tag, start: given.start, end: given.end - 1 }
  return isSplitName(surname, cut) || isSplitSurnameWord(surname, cut) ? cut : undefined
}

/** Tags of a word the tagger does not know or reads as a name: in a transliteration, its syllables. */
const syllableTagRe = /^(?:x|nr|nrfg|nrt|nz|ns)$/

/**
 * Where the dotted name [start, end) ends: its last part ends where the words of the clause
 * begin, at a word the tagger knows that starts with a character no transliteration uses (the
 * 共 of `古丽娜尔·托合提共同经营`, 托合/x 提/v 共同/d; 留校察看 after 买买提·艾力): the part's
 * first character stays, and a syllable read as a word (买买提/n, 提供 of 吐鲁木提供) is kept.
 */
function dottedNameEnd(doc: Document, tokenizer: Tokenizer, start: number, end: number): number {
  const lastPart = Math.max(...[...doc.text.slice(start, end)].flatMap((c, i) => (isNameDot(c) ? [start + i + 1] : [])))
  const tokens = tokensNear(doc, tokenizer, lastPart, end, nameReach)
  const cut = tokens.find((t) => t.start > lastPart && t.start < end && !syllableTagRe.test(t.tag) && !isTransliterationChar(t.word.charAt(0)))
  return cut?.start ?? end
}

/** Tags of a given name read apart from its surname: a name's, an unknown word's, an adjective's (浩然/a), a bound morpheme's (伟/zg). */
const familyGivenTagRe = /^(?:nr|nrfg|nrt|nz|x|a|ag|zg|ng)$/

/**
 * The name at `at` after a relative's cue, when it starts with the surname of the masked person
 * the cue belongs to (其子曾浩然 of 曾某某, 孙某之子孙嘉伟): the family name says a name starts
 * there even where the tagger reads the surname as a word (曾/d, once) or glues it to the cue
 * (子孙/nr 嘉伟于/x). The given name is the next word, of one or two characters, with a particle
 * or preposition it glued to it cut off; a verb, an adverb or a numeral there (曾/d 多次, 曾/d
 * 在/p, 曾/d 明确/ad) is the adverb's phrase, not a name.
 */
export function familyNameAt(doc: Document, tokenizer: Tokenizer, at: number, surname: string): Span | undefined {
  if (!doc.text.startsWith(surname, at)) return undefined
  const givenStart = at + surname.length
  const tokens = tokensNear(doc, tokenizer, at, Math.min(doc.text.length, givenStart + 3), nameReach)
  const surnameToken = tokens.find((t) => t.start <= at && t.end > at)
  const given = tokens.find((t) => t.start === givenStart)
  if (!surnameToken || surnameToken.end !== givenStart || !given || !familyGivenTagRe.test(given.tag)) return undefined
  const word = given.tag === 'x' && given.word.length === 3 && gluedTailRe.test(given.word) ? given.word.slice(0, -1) : given.word
  if (word.length > 2 || !isAllHan(word) || notGivenStartRe.test(word) || isTitleWord(word) || shortTitleWords.has(word)) return undefined
  return { start: at, end: givenStart + word.length }
}

/** Words that may follow a two-character name found by its surname alone: particles and verbs of saying. */
const afterWeakNameRe = /^(?:[的在于和与及等说称讲将被把向对从是也都就已曾又还因系为所]|[，。、；：！？）)\s]|$)/

/** {@link personNameAt} where the surname alone points at a name: see `isWeak` there. */
function weakNameAt(text: string, tokens: readonly Token[], i: number, at: number, tokenizer: Tokenizer): Span | undefined {
  const first = tokens[i]
  if (isDigitOrNumeral(text.charAt(at - 1))) return undefined
  if (!first) return nameWordGivenAt(text, tokens, at, tokenizer) ?? wordLikeGivenNameAt(text, at)
  const given = tokens[i + 1]
  let name = nameIn(first, text.slice(Math.max(0, first.start - 1), first.start))
  if (name?.end === first.end && first.word.length === 2 && first.tag === 'nr') name = undefined
  if (name === first && isGluedToVerb(first, given)) return { start: first.start, end: first.end + 1 }
  const split = !name && given && first.tag !== 'q' ? splitGivenName(first, given) : undefined
  if (split) name = { start: first.start, end: split.end }
  if (!name) return nameWordGivenAt(text, tokens, at, tokenizer) ?? wordLikeGivenNameAt(text, first.start)
  // Cut from the word the tagger glued to it (李明后/nr of 李明后来), the name ends there.
  if (name.end - name.start !== 2 || name.end < first.end || afterWeakNameRe.test(text.slice(name.end, name.end + 1))) return name
  // A known word after two characters ends the name; an unknown one may hold its third (马志/x 刚用/x).
  const next = tokens.find((t) => t.start === name!.end)
  return next !== undefined && next.word.length >= 2 && next.tag !== 'x' ? name : undefined
}

/** Determiners before a measure word that is also a surname (这张, 该张, 整张): 张 counts there. */
const determinerBeforeRe = /^[这那该此各某哪本整每]$/

/** Tags of a word the dictionary holds as a personal name. */
const personalNameTagRe = /^(?:nr|nrfg|nrt)$/

/**
 * A surname and a given name that the dictionary holds as a name of its own (秀英/nr, 玉兰/nr,
 * 海燕/nr, 淑珍/nrt, women's names of the 1930s to 1970s), which the tagger does not join to the
 * surname: it reads the surname as a measure word (张/q 秀英/nr), glues it to the word before
 * (由张/x 秀英/nr), or glues the given name's first character to the surname as a place
 * (徐海/ns 燕/nr, where 海燕 read alone is the name word).
 */
function nameWordGivenAt(text: string, tokens: readonly Token[], at: number, tokenizer: Tokenizer): Span | undefined {
  if (surnameLength(text.slice(at, at + 2)) !== 1) return undefined
  const given = tokens.find((t) => t.start === at + 1)
  if (given) {
    const surname = tokens.find((t) => t.end === at + 1)
    // Not 张 counted after a determiner or a numeral (这张/x, 两张): a sheet, not a name.
    const isCounted = determinerBeforeRe.test(text.charAt(at - 1)) || isDigitOrNumeral(text.charAt(at - 1))
    const isSurnameApart = surname !== undefined && !isCounted && ((surname.tag === 'q' && surname.start === at) || (surname.tag === 'x' && surname.word.length === 2))
    return isSurnameApart && given.word.length === 2 && personalNameTagRe.test(given.tag) ? { start: at, end: given.end } : undefined
  }
  const head = tokens.find((t) => t.start === at)
  const tail = tokens.find((t) => t.start === at + 2)
  if (head?.word.length !== 2 || tail?.word.length !== 1 || !isHan(tail.word.charCodeAt(0))) return undefined
  const alone = tokenizer.tag(text.slice(at + 1, at + 3))
  return alone.length === 1 && personalNameTagRe.test(alone[0]!.tag) ? { start: at, end: at + 3 } : undefined
}

function isDigitOrNumeral(char: string): boolean {
  return /^[0-9０-９一二两三四五六七八九十几每]$/.test(char)
}

/**
 * A surname and a given name that is also a word of the language, as names of the 1950s to
 * 1970s often are (王立新, 梁国栋, 张红旗, 李建设): the tagger reads the word (立新/d, 梁国/ns 栋),
 * and only the list tells the name. Read where a name is looked for (after a title or a cue),
 * when the name ends there: no Han character follows, or one a name stands before.
 */
function wordLikeGivenNameAt(text: string, at: number): Span | undefined {
  const surname = surnameLength(text.slice(at, at + 2))
  if (surname === 0) return undefined
  const given = text.slice(at + surname, at + surname + 2)
  if (!wordLikeGivenNames.has(given)) return undefined
  const end = at + surname + 2
  return !isHan(text.charCodeAt(end)) || nameEndRe.test(text.slice(end, end + 2)) ? { start: at, end } : undefined
}

/** What may follow a name in a clause: a title, a particle, a verb of saying or doing, whose property (王立新同志, 梁国栋出具, 于建业名下). */
const nameEndRe = /^(?:同志|书记|主任|局长|名下|[的在与和及于对向从被把将等称说讲系为因已曾也都就出到来去作签表主批提参担任是])/


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

/**
 * A word of two characters the dictionary lacks whose second is a verb of saying, the copula 系
 * or the preposition 于 of a date or a place: `明称` of `钱立|明称`, `东于` of `王伟|东于2024年`,
 * `东系` of `王伟|东系初犯`.
 */
const gluedVerbRe = /^[\u4e00-\u9fff][称说讲述于系]$/

/**
 * Characters that, before 于 or a verb of saying, are the clause's adverb, time word or numeral
 * (今于, 仍于, 刚于, 现于, 首于, 一于), not a given name's last character: the tagger glues them
 * as it glues a name's (王伟/x 今于/x).
 */
const notGluedNameCharRe = /^[今仍刚复尚现自随首亲分各均又再还便并遂亦即已先曾也都就却才乃始终共同另皆正早后前中上下内外家等们处时方面里〇零一二三四五六七八九十百千万两几半]/

/**
 * The tagger glued a given name's last character to the verb after it (钱立/x 明称/x for
 * 钱立明称, 王伟/x 东于/x for 王伟东于): a two-character name followed by an unknown word that is
 * that character and 称, 说, 讲, 述, 系 or 于. A dictionary word there (供称/v, 先于/d) is a word of its own.
 */
function isGluedToVerb(name: Token, next: Token | undefined): boolean {
  return name.word.length === 2 && surnameLength(name.word) === 1 && next !== undefined && next.start === name.end && next.tag === 'x' && gluedVerbRe.test(next.word) && !notGluedNameCharRe.test(next.word)
}

/** The tagger read a surname as a word of its own (刘/zg, 王/nr) before a given name of one or two characters. */
function isSplitSurnameWord(surname: Token, given: Token): boolean {
  if (isTitleWord(given.word)) return false
  return surname.word.length === 1 && surnameLength(surname.word) === 1 && /^(?:nr|zg|x|ng|nrt|nrfg)$/.test(surname.tag) && isAllHan(given.word) && given.word.length <= 2 && (!notGivenNameTagRe.test(given.tag) || wordLikeGivenNames.has(given.word)) && !notGivenStartRe.test(given.word)
}

/** A title or a form of address after a surname (王局长, 刘主任, 张律师, 李师傅): the pair names no one. */
function isTitleWord(word: string): boolean {
  return addressWords.has(word) || personTitles.some((t) => word.endsWith(t))
}

/** Forms of address and short titles after a surname; a given part of one or two characters is tested against these alone. */
const addressWords: ReadonlySet<string> = new Set(['律师', '法官', '医生', '护士', '师傅', '大爷', '大妈', '大娘', '大叔', '大哥', '大姐', '阿姨', '奶奶', '爷爷', '叔叔', '婶婶', '姐', '哥', '某', '总', '工', '老板', '老板娘', '先生', '女士'])
/** The same for a given part of one or two characters: a title of two characters ends it only by being it. */
const shortTitleWords: ReadonlySet<string> = new Set([...addressWords, ...personTitles.filter((t) => t.length <= 2)])
