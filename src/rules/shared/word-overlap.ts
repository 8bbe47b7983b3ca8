// Two words that share a stretch of text (`宁夏大学|大学生`, `经营主体|主体责任`): a word seen
// twice that is no word typed twice. Asked of the tokenizer around each repeat found only.
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan, isWordChar } from './chars.js'

/** Characters of context on each side that the segmenter sees around a repeat. */
const overlapWindow = 8

/**
 * Bound characters that make a noun of the word they follow (网格员, 网格长, 组织者, 能手): the
 * segmenter tags them apart (员/zg, 长/a) where its dictionary lacks the compound.
 */
const nounSuffixes = new Set([...'员长者手师生'])

/**
 * True when a repeat of `length` UTF-16 code units, first copy at `first` and second at
 * `second` (past a line break when they differ by more than `length`), is two words that
 * overlap, not one typed twice:
 * - the first copy ends a longer word (`宁夏大学|大学生`, `党组织|组织建设`) that is no verb
 *   phrase (the dictionary lists `确保安全`, `推进改革`: `确保安全安全运行` is a typo), and the
 *   second is no adjective standing alone (`粮食安全安全底线` is a typo);
 * - or a noun closes a noun phrase (`经营主体`, `第3网格`) and starts a compound (`主体责任`,
 *   `网格员`, `公司章程`). A verb, adverb or attribute before it (`落实主体主体责任`,
 *   `首要政治政治任务`) leaves no noun phrase for the first copy to close: a typo.
 */
export function isWordOverlap(tokenizer: Tokenizer, text: string, first: number, second: number, length: number): boolean {
  const before = first > 0 ? text.charCodeAt(first - 1) : -1
  // A noun phrase needs something before its noun; after a digit (`第3网格`) no word runs on.
  const isHanBefore = isHan(before)
  if (!isHanBefore && !isWordChar(before)) return false
  const tagged = tagAround(tokenizer, text, first, second, length)
  return (isHanBefore && endsLongerWord(tokenizer, tagged, length)) || isCompoundAfterNounPhrase(tagged, length)
}

/** Tokens around a repeat with the line break between its copies (if any) left out, and where the first copy starts among them. */
interface Tagged {
  readonly window: string
  readonly tokens: readonly Token[]
  /** Start of the first copy in `window`. */
  readonly at: number
}

function tagAround(tokenizer: Tokenizer, text: string, first: number, second: number, length: number): Tagged {
  const start = Math.max(0, first - overlapWindow)
  const window = text.slice(start, first + length) + text.slice(second, second + length + overlapWindow)
  return { window, tokens: tokenizer.tag(window), at: first - start }
}

/**
 * True when a word runs over the start of the first copy from before it, is no verb phrase, and
 * the second copy starts a word of its own: not an adjective standing alone, which modifies
 * what follows it (`粮食安全|安全|底线`, `食品安全|安全|防线`): the writer meant `粮食安全底线`,
 * an attribute before its noun, and typed the head of `粮食安全` twice; no reading takes it twice.
 */
function endsLongerWord(tokenizer: Tokenizer, { window, tokens, at }: Tagged, length: number): boolean {
  const word = tokens.find((t) => t.start < at && t.end > at)
  if (!word) return false
  const second = tokens.find((t) => t.start === at + length)
  if (second && second.end === at + 2 * length && isAdjective(second.tag)) return false
  const head = tokenizer.tag(window.slice(word.start, at))
  return !isVerbLike(head[head.length - 1]!.tag)
}

/** True when the first copy is a noun that closes a noun phrase and the second starts a compound noun. */
function isCompoundAfterNounPhrase({ tokens, at }: Tagged, length: number): boolean {
  const k = tokens.findIndex((t) => t.start === at)
  const before = tokens[k - 1]
  const firstCopy = tokens[k]
  const secondCopy = tokens[k + 1]
  if (!before || !firstCopy || !secondCopy || firstCopy.end !== at + length || !isNoun(firstCopy.tag)) return false
  if (!isModifierOfNoun(before.tag)) return false
  // The segmenter's own compound (`经济指标`, `公司章程`), or the noun and a word or suffix after it.
  if (secondCopy.end > at + 2 * length) return isNoun(secondCopy.tag)
  const after = tokens[k + 2]
  return after !== undefined && after.start === secondCopy.end && (isNoun(after.tag) || nounSuffixes.has(after.word))
}

function isNoun(tag: string): boolean {
  return tag.startsWith('n') || tag === 'zg' || tag === 'k'
}

/**
 * What may stand before a noun inside its noun phrase: a noun, a name, a verb used as a noun
 * (`经营`), a number (`第3`). Not an adjective: the dictionary tags verbs so (落实/a).
 */
function isModifierOfNoun(tag: string): boolean {
  return tag.startsWith('n') || tag === 'vn' || tag === 'm' || tag === 'j' || tag === 'x'
}

/** Adjectives, and the nouns jieba tags as adjectives too (安全/an, 稳定/a). */
function isAdjective(tag: string): boolean {
  return tag === 'a' || tag === 'an'
}

/** Verbs, adverbs and attributes: a phrase they head ends no noun the next word may share. */
function isVerbLike(tag: string): boolean {
  return tag === 'v' || tag === 'vd' || tag === 'd' || tag === 'ad' || tag === 'b' || tag === 'p'
}
