// Finds organisation names ending in a suffix (然而特集团, 中国工商银行石嘴山分行,
// 惠农区第三小学): the suffixes are found first and only their clauses are tagged.
import type { Document } from '../../core/document.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { tokensAround } from './token-window.js'

/** An organisation's name [start, end) and where its suffix starts, in UTF-16 code units. */
export interface OrganizationMention {
  readonly start: number
  readonly end: number
  readonly suffixStart: number
  /** True when the tagger knows the whole name as one organisation's word (北京协和医院/nt): a well-known body. */
  readonly isKnown?: boolean
}

/** What the organisation finder is told by its rule. */
export interface OrganizationPattern {
  /** `公司|集团|...` as a RegExp source, longest first. */
  readonly suffixSource: string
  /** Phrases in which a suffix is no suffix (`集中学习`). */
  readonly notIn: readonly string[]
}

/**
 * Tags that end a name read backwards: verbs, prepositions, particles, pronouns, measure words,
 * punctuation. Not a verbal noun (vn): a company's trade often is one (恒通/nz 建设/vn 有限公司),
 * and a name still needs a proper word before it.
 */
const hardBoundaryTagRe = /^(?:v(?!n)|p|u|r|q|w|t|f)/
/** Function-word tags: before an organisation's head noun they mean the tagger split an unknown name (然而/c 特/d 集团). */
const functionTagRe = /^(?:c|d|e|y|o)$/
/** A word the tagger made of a date's unit and what follows (日向, 日到, 月起). */
const dateUnitRe = /^[年月日号时][\u4e00-\u9fff]/
/** Tags that make a name proper: places, persons, organisations, other proper nouns, unknown words. */
const properTagRe = /^(?:ns|nr|nrfg|nrt|nz|x)$/

/** Organisation names of `doc` for the given suffixes; computed once per document, tokenizer and suffix set. */
export function findOrganizations(doc: Document, tokenizer: Tokenizer, pattern: OrganizationPattern): readonly OrganizationMention[] {
  return doc.derive(`organizations:${tokenizer.name}:${pattern.suffixSource}:${pattern.notIn.join('|')}`, () => scan(doc, tokenizer, new RegExp(pattern.suffixSource, 'g'), pattern.notIn))
}

function scan(doc: Document, tokenizer: Tokenizer, suffixRe: RegExp, notIn: readonly string[]): OrganizationMention[] {
  const found: OrganizationMention[] = []
  for (let m = suffixRe.exec(doc.text); m; m = suffixRe.exec(doc.text)) {
    const suffixStart = m.index
    const end = suffixStart + m[0].length
    if (!isHan(doc.text.charCodeAt(suffixStart - 1)) || isInsidePhrase(doc.text, suffixStart, end, notIn)) continue
    const tokens = tokensAround(doc, tokenizer, suffixStart, end)
    const start = nameStart(tokens, suffixStart, end)
    if (start === undefined) continue
    const isKnown = tokens.some((t) => t.start === start && t.end === end && t.tag === 'nt')
    found.push(isKnown ? { start, end, suffixStart, isKnown } : { start, end, suffixStart })
  }
  // `中国工商银行` inside `中国工商银行石嘴山分行` is one organisation, reported as the longer.
  return found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start))
}

/** True when one of `phrases` covers [start, end) in `text`. */
export function isInsidePhrase(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  return phrases.some((p) => {
    for (let i = Math.max(0, end - p.length); i <= start; i++) if (text.startsWith(p, i)) return true
    return false
  })
}

/** Where the name ending in the suffix at [suffixStart, end) starts, or undefined when no proper name precedes it. */
function nameStart(tokens: readonly Token[], suffixStart: number, end: number): number | undefined {
  // The suffix must end a word: `集团` in `集团股份有限公司` is not where the name ends.
  const last = tokens.find((t) => t.start < end && end <= t.end)
  if (!last || last.end !== end) return undefined
  // The tagger knows the whole name (北京大学第一医院/nt); two characters before the suffix are
  // a kind of organisation, not a name (商业银行/nt, 工商银行/nt).
  if (last.tag === 'nt' && suffixStart - last.start >= 3) return last.start
  const first = tokens.findIndex((t) => t.start <= suffixStart && suffixStart < t.end)
  if (first < 0) return undefined
  // A word that runs into the suffix (集团股份 before 有限公司) is part of the name.
  const before = bodyBefore(tokens, first)
  const head = tokens[first]!
  const body = [...before, ...(head.start < suffixStart ? [before.length === 0 ? withoutGluedPreposition(head) : head] : [])]
  if (!(body.some(isProperToken) || isUnknownName(body))) return undefined
  return startAfterDescriptors(body, branchSuffixRe.test(tokens[first]!.word.slice(suffixStart - tokens[first]!.start)))
}

/**
 * A preposition the tagger glued to an unknown name after it (`对蓉兴/x 公司`, `向蓉兴/x`, `被蓉兴/x`):
 * the name starts after it. Only these, which start no trade name; 和, 与, 同 often do (和信达, 同仁).
 */
const gluedPrepositionRe = /^[对向被从把给跟][\u4e00-\u9fff]{2,}$/

/** `t` without the preposition glued to its start ({@link gluedPrepositionRe}), or `t` itself. */
function withoutGluedPreposition(t: Token): Token {
  return t.tag === 'x' && gluedPrepositionRe.test(t.word) ? { ...t, word: t.word.slice(1), start: t.start + 1 } : t
}

/** The suffixes of a branch, whose parent's name stands before its place (人保财险盐城市分公司, 气象局盐城分局). */
const branchSuffixRe = /^(?:分公司|支公司|分行|支行|分局|分院|分校)/

/** A token that names a place: a place's tag, or a county's or a town's name the tagger read as a noun (亭湖区/n, 武侯区/nr). */
function isPlaceToken(t: Token): boolean {
  return t.tag === 'ns' || (/^n/.test(t.tag) && /^[\u4e00-\u9fff]{2,6}(?:省|市|区|县|旗|州|盟|镇|乡)$/.test(t.word))
}

/**
 * Where the name in `body` starts: at its first place where only common nouns come before it
 * (`招标/n 项目/n 盐城市/ns 亭湖区/n 第二实验小学`): a school's or a company's own name begins
 * with its place, and the nouns before say what it is to the sentence (the project's owner). A
 * branch's name holds its parent's before the place (`平安保险/n 宁夏/ns 分公司`): read whole.
 */
function startAfterDescriptors(body: readonly Token[], isBranch: boolean): number {
  const place = body.findIndex(isPlaceToken)
  if (isBranch || place <= 0) return body[0]!.start
  for (let i = 0; i < place; i++) if (body[i]!.tag !== 'n' && body[i]!.tag !== 'vn') return body[0]!.start
  return body[place]!.start
}

/** A list's ordinal (`一是`, `四是`, `其三`, `其次`), which the tagger may read as an unknown word: it opens a clause, it names nothing. */
const enumerationRe = /^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+是?|首先|其次|再次|最后)$/

/**
 * A party's or a project's role before a name (`当事人`, `施工单位`, `项目总承包单位`, `委托人`): the
 * organisation's name starts after it, so `redact` keeps the role (`约谈了项目总承包单位***有限公司`).
 */
const roleTokenRe = /^(?:[\u4e00-\u9fff]*单位|当事人|被告人?|原告|第三人|被?申请人|被执行人|申请执行人|被?上诉人|委托人|受托人|[发分]?包人|承运人|出租人|承租人|出卖人|买受人|[中投招]标人|供应商|供货商|经销商|[甲乙丙]方)$/

/** The tokens before `first` that may belong to the name: back to a verb, preposition, pronoun, punctuation, a role or a list's ordinal. */
function bodyBefore(tokens: readonly Token[], first: number): Token[] {
  const body: Token[] = []
  for (let i = first - 1; i >= 0; i--) {
    const t = tokens[i]!
    // A direction the tagger split off a district's name after its city (深圳/ns 前/f 海星/nz of
    // 深圳前海星瀚科技有限公司): the name is read from the place on.
    if (t.tag === 'f' && t.word.length === 1 && body.length > 0 && tokens[i - 1]?.tag === 'ns' && tokens[i - 1]!.end === t.start && t.end === body[0]!.start) {
      body.unshift(t)
      continue
    }
    if (!isHan(t.word.charCodeAt(0)) || hardBoundaryTagRe.test(t.tag) || enumerationRe.test(t.word) || roleTokenRe.test(t.word)) break
    // A preposition glued to the name's first word (`执法人员/n 对蓉兴/x 公司`): the name starts after it.
    const unglued = withoutGluedPreposition(t)
    if (unglued !== t) {
      body.unshift(unglued)
      break
    }
    // Function words belong to the name only in a run straight before the head (然而特集团).
    const isFunction = functionTagRe.test(t.tag)
    if (isFunction && body.some((b) => !functionTagRe.test(b.tag))) break
    if (!isFunction && body.length > 0 && body.every((b) => functionTagRe.test(b.tag))) break
    if (t.tag === 'm' && !t.word.startsWith('第')) break
    // A date's unit glued to the word after it (26/m 日向/x): the date ends the name's words.
    if (dateUnitRe.test(t.word) && tokens[i - 1]?.tag === 'm' && tokens[i - 1]!.end === t.start) break
    body.unshift(t)
  }
  return body
}

/**
 * A token that makes a name proper: a place, person or other proper noun, an unknown word, or
 * an organisation the tagger knows by a name longer than its kind (统计局/nt is a kind).
 */
function isProperToken(t: Token): boolean {
  return properTagRe.test(t.tag) || (t.tag === 'nt' && t.word.length >= 5)
}

/** Two or more function words straight before the head: the tagger split a name it does not know. */
function isUnknownName(body: readonly Token[]): boolean {
  return body.length >= 2 && body.every((t) => functionTagRe.test(t.tag))
}
