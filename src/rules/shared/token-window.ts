// Tags the clause around a span of a Document with the tokenizer, once per clause: the leak
// finders ask about a few candidates, never about the whole text (tagging runs at ~5 MB/s).
import type { Document } from '../../core/document.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'

/** Characters that end a clause: 。！？；，、：, their ASCII forms, quotes, brackets, line breaks. */
const clauseBreaks = new Set([...'。！？；，、：,;:!?“”"《》（）()【】\r\n'].map((c) => c.charCodeAt(0)))
/** The longest stretch tagged on each side of a candidate, in UTF-16 code units. */
const maxReach = 24

/** Tokens of the clause around [start, end), with offsets into the document's text. */
export function tokensAround(doc: Document, tokenizer: Tokenizer, start: number, end: number): readonly Token[] {
  return taggedSpan(doc, tokenizer, clauseStart(doc.text, start), clauseEnd(doc.text, end))
}

/**
 * Tokens of a short stretch of the clause around [start, end), `reach` code units on each side:
 * enough to tell whether a word starts there (a name after `其父`), at a fraction of the tagging.
 */
export function tokensNear(doc: Document, tokenizer: Tokenizer, start: number, end: number, reach: number): readonly Token[] {
  return taggedSpan(doc, tokenizer, clauseStart(doc.text, start, reach), clauseEnd(doc.text, end, reach))
}

/** The key of a document's windows of a tokenizer, made once (a key made per call is hashed per call). */
const windowsKeys = new Map<string, string>()
/** Windows shorter than this (a mention and two reaches) are keyed by one number. */
const maxWindow = 0x200000

/** Tokens of [from, to), tagged once per document and span, with offsets into the document's text. */
function taggedSpan(doc: Document, tokenizer: Tokenizer, from: number, to: number): readonly Token[] {
  let windowsKey = windowsKeys.get(tokenizer.name)
  if (windowsKey === undefined) windowsKeys.set(tokenizer.name, (windowsKey = `tokenWindows:${tokenizer.name}`))
  const cache = doc.derive(windowsKey, () => new Map<number | string, readonly Token[]>())
  const key = to - from < maxWindow ? from * maxWindow + (to - from) : `${from}:${to}`
  let tokens = cache.get(key)
  if (!tokens) {
    tokens = tagRemembered(tokenizer, doc.text.slice(from, to)).map((t) => ({ word: t.word, tag: t.tag, start: t.start + from, end: t.end + from }))
    cache.set(key, tokens)
  }
  return tokens
}

/**
 * Windows remembered across documents, per tokenizer. Reports of one body repeat their clauses
 * (`党组书记、局长`, `被害人李某的陈述`), and tagging is a function of the window's text alone, so a
 * window met before costs a lookup instead of a tagging. The oldest is forgotten first.
 */
const rememberedWindows = 20_000
const remembered = new WeakMap<Tokenizer, Map<string, readonly Token[]>>()

/** The tokens of `text`, offsets into `text`, tagged or remembered. */
function tagRemembered(tokenizer: Tokenizer, text: string): readonly Token[] {
  let windows = remembered.get(tokenizer)
  if (!windows) remembered.set(tokenizer, (windows = new Map()))
  let tokens = windows.get(text)
  if (!tokens) {
    tokens = tokenizer.tag(text)
    if (windows.size >= rememberedWindows) windows.delete(windows.keys().next().value!)
    windows.set(text, tokens)
  }
  return tokens
}

/** True when a token starts at `start` and a token ends at `end`: the span is whole words. */
export function isTokenAligned(tokens: readonly Token[], start: number, end: number): boolean {
  return tokens.some((t) => t.start === start) && tokens.some((t) => t.end === end)
}

function clauseStart(text: string, at: number, reach = maxReach): number {
  const limit = Math.max(0, at - reach)
  for (let i = at - 1; i >= limit; i--) if (clauseBreaks.has(text.charCodeAt(i))) return i + 1
  return limit
}

function clauseEnd(text: string, at: number, reach = maxReach): number {
  const limit = Math.min(text.length, at + reach)
  for (let i = at; i < limit; i++) if (clauseBreaks.has(text.charCodeAt(i))) return i
  return limit
}

/** Tokens of the clause part that ends at `end` (the words before a suffix, tagged without it). */
export function tokensBefore(doc: Document, tokenizer: Tokenizer, end: number): readonly Token[] {
  return taggedSpan(doc, tokenizer, clauseStart(doc.text, end), end)
}
