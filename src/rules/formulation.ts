// Kind `formulation`: near misses of fixed official formulations, one character dropped,
// added or changed (`中国特社会主义`, `中国特色社会主意` for `中国特色社会主义`), or a word changed
// for a homophone (`社会注意思想`), also across a line break inside a wrapped paragraph. Short
// formulations are matched only by the slips that make no word (`高质量量发展`, `两个维户`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, literalAlternation, text, zod } from './shared/options.js'
import { isPhraseAt, isPhraseText, isSameChar } from './shared/phrase-text.js'
import { triggerScan, type Search } from './shared/trigger-scan.js'
import { readAcross, wrappedBreaks } from './shared/wrapped-lines.js'
import { indexHomophones, indexReadings, isDropBeforePunctuation, isHomophoneSwap, isInnerDoubling, isInnerDrop, isInnerWordDrop, isQuotedSubstitution, isWordDoubling, type Homophones } from './shared/slips.js'
import type { RuleKind } from './types.js'

/** Options of a formulation rule. */
export interface FormulationOptions {
  /**
   * The fixed formulations, each with where it is defined. `isFuzzy` matches one shorter than
   * `minLength` fuzzily all the same: no correct phrase lies one edit from it (`两不愁三保障`).
   */
  readonly phrases: readonly { readonly phrase: string; readonly source: string; readonly isFuzzy?: boolean }[]
  /** Correct phrases that lie one edit from a formulation (`社会主义核心价值体系`). */
  readonly allow: readonly string[]
  /**
   * Shorter formulations are not matched by any one edit (one edit of four characters is another
   * word), only by slips: an inner character typed twice or dropped, or one changed for a homophone.
   */
  readonly minLength: number
  /** Characters an input method offers for one another, a group each (`化华话画`): the homophones a slip picks. */
  readonly homophones: readonly string[]
  /**
   * The characters of the formulations by their reading, tones aside, each with the common
   * characters read alike (`li: 理力立利历…`): what a pinyin input method offers for it. Homophones
   * as `homophones` are, a polyphone under each of its readings.
   */
  readonly readings: Readonly<Record<string, string>>
  /**
   * Characters read nearly alike (`识思`, s/sh merged), a group each: a slip only inside quotes
   * where a numbered formulation is named (“四个意思”); unquoted, the word is common (这句话有四个意思).
   */
  readonly nearHomophones: readonly string[]
  /**
   * Characters that look alike (`任往`, `干千`), a group each: one typed or recognised for another
   * inside a short formulation (主体责往, 以学促千), which gives the right text whatever the cause.
   */
  readonly lookalikes: readonly string[]
  /** Characters whose insertion is a free variant (`的`): a window that is the phrase plus one of them is correct. */
  readonly ignoreInserted: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    phrases: z.array(z.strictObject({ phrase: text(), source: text(), isFuzzy: z.boolean().optional() })).min(1),
    allow: z.array(text()).default([]),
    minLength: z.number().int().min(4).default(7),
    ignoreInserted: z.array(z.string().length(1)).default([]),
    homophones: z.array(text()).default([]),
    readings: z.record(z.string().regex(/^[a-zü]+(?:\/[a-zü]+)*$/, 'is no syllable of pinyin (or two joined by /)'), text()).default({}),
    nearHomophones: z.array(text()).default([]),
    lookalikes: z.array(text()).default([]),
  })
    .refine(({ homophones, nearHomophones }) => isEachListedOnce([...homophones, ...nearHomophones]), { message: 'a character is listed twice', path: ['homophones'] })
    .refine(({ lookalikes }) => isEachListedOnce(lookalikes), { message: 'a character is listed twice', path: ['lookalikes'] })
})

function isEachListedOnce(groups: readonly string[]): boolean {
  const all = [...groups.join('')]
  return new Set(all).size === all.length
}

/** Length of the anchors searched for: a near miss keeps its head or its tail intact. */
const anchorLength = 3
/**
 * The head anchor of a short formulation under six characters: a drop from its middle (高质|发展)
 * or a homophone in its third character (两个维户) leaves only two intact. Its tail anchor, and
 * both of a longer one, are three long: two-character tails (发展, 维护) are found too often.
 */
const strictAnchorLength = 2
const strictShortBelow = 6

/** The `formulation` kind. Message variables: `{text}`, `{suggestion}`, `{source}`. */
export const formulationKind: RuleKind<FormulationOptions> = {
  name: 'formulation',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const { minLength, ignoreInserted } = rule.options
    const phrases = rule.options.phrases.map((p) => ({ ...p, isStrict: p.phrase.length < minLength && p.isFuzzy !== true }))
    const known = [...rule.options.allow, ...rule.options.phrases.map((p) => p.phrase)]
    const anchors = indexAnchors(phrases)
    const { readings } = rule.options
    const homophones = indexReadings(readings, indexHomophones(rule.options.homophones), rule.options.homophones.length)
    const nearGroups = [...rule.options.homophones, ...rule.options.nearHomophones]
    const readAlike = indexReadings(readings, indexHomophones(nearGroups), nearGroups.length)
    const tests = { slip: slipTest(homophones, readAlike, indexHomophones(rule.options.lookalikes)), edit: editTest(homophones) }
    const anchorRe = new RegExp(literalAlternation([...anchors.keys()]), 'g')
    // One search for every anchor, in the pass the pattern rules share (V8 scans an alternation
    // of a hundred literals slowly); overlapping anchors are found by stepping one past each match.
    const searchIn = triggerScan.search(anchorRe, { keep: rule.isBuiltin === true })
    /** Spans in `text` one edit from a phrase, each with the phrase it misses. */
    const missesIn = (text: string, search: Search) => {
      const found = new Map<number, Miss>()
      for (let m = search(text, 0); m; m = search(text, m.index + 1)) {
        for (const { phrase, source, isHead, isStrict, length } of anchors.get(m[0])!) {
          const span = nearMissAt(text, phrase, m.index, length, isHead, isStrict ? tests.slip : tests.edit)
          // Of two misses from one start, the longer (不忘出心、牢记使命 over 不忘出心): it names the whole formulation.
          const earlier = found.get(span?.[0] ?? -1)
          if (!span || (earlier && earlier.end >= span[1]) || known.some((k) => isCoveredBy(text, span[0], span[1], k))) continue
          if (isFreeInsertion(text.slice(span[0], span[1]), phrase, ignoreInserted)) continue
          found.set(span[0], { start: span[0], end: span[1], phrase, source })
        }
      }
      return [...found.values()]
    }
    // Around a line break the few characters of a window are searched on their own.
    const longest = Math.max(0, ...phrases.map((p) => p.phrase.length)) + 1
    const windowRe = new RegExp(anchorRe.source, 'g')
    const windowSearch: Search = (text, from) => {
      windowRe.lastIndex = from
      return windowRe.exec(text)
    }
    return (doc) => {
      const text = doc.text
      const misses = missesIn(text, searchIn(doc)).filter((miss) => !goesOnAcrossBreak(text, miss, known))
      // A formulation broken by a hard line break inside a wrapped paragraph (`中国特⏎社会主义`,
      // text a PDF extractor wrapped): read across the break, kept where the miss spans it.
      // Across the wrapped breaks near it, too: a PDF extractor's short line (`新时⏎代中国特⏎社会主义`).
      // Lines of any length: a narrow column's (16 characters and less) break a formulation too, and
      // the formulation found across the break is the evidence the paragraph goes on.
      const breaks = [...wrappedBreaks(text, { isAnyLength: true })]
      for (let i = 0; i < breaks.length; i++) {
        const { joined, offsets, at } = readAcross(text, breaks, i, longest)
        for (const miss of missesIn(joined, windowSearch)) {
          if (miss.start < at && miss.end > at) misses.push({ ...miss, start: offsets[miss.start]!, end: offsets[miss.end - 1]! + 1 })
        }
      }
      return dropContained(misses.map((miss) => findingOf(text, miss)))
    }
  },
}

/** Line break before or after a span: LF, CRLF or a .docx soft break (U+2028 LINE SEPARATOR). */
const breakAfterRe = /^(?:\r?\n|\u2028)/
const breakBeforeRe = /(?:\r?\n|\u2028)$/

/**
 * True when a miss that ends or starts a line is a correct phrase the line break cuts in two
 * (`以习近平同志为核心的党中⏎央`): what is left on the line is one character short.
 */
function goesOnAcrossBreak(text: string, { start, end }: Miss, known: readonly string[]): boolean {
  const reach = Math.max(...known.map((k) => k.length))
  const after = breakAfterRe.exec(text.slice(end, end + 2))?.[0].length
  if (after !== undefined) {
    const joined = text.slice(Math.max(0, start - reach), end) + text.slice(end + after, end + after + reach)
    const at = Math.min(start, reach)
    if (known.some((k) => isCoveredBy(joined, at, at + end - start, k))) return true
  }
  const before = breakBeforeRe.exec(text.slice(Math.max(0, start - 2), start))?.[0].length
  if (before === undefined) return false
  const head = text.slice(Math.max(0, start - before - reach), start - before)
  const joined = head + text.slice(start, end + reach)
  return known.some((k) => isCoveredBy(joined, head.length, head.length + end - start, k))
}

/** A span one edit from a formulation, in UTF-16 code units of the text searched. */
interface Miss {
  readonly start: number
  readonly end: number
  readonly phrase: string
  readonly source: string
}

function findingOf(text: string, { start, end, phrase, source }: Miss): RawFinding {
  const miss = text.slice(start, end)
  return { offset: start, length: end - start, args: { text: miss, suggestion: phrase, source }, suggestion: phrase, data: { source } }
}

interface Anchored {
  readonly phrase: string
  readonly source: string
  /** True for a short formulation, matched only by slips that make no word. */
  readonly isStrict: boolean
  /** The anchor's length, in UTF-16 code units. */
  readonly length: number
  /** True for the phrase's first characters, false for its last. */
  readonly isHead: boolean
}

/** Each phrase under its head and tail anchors: a near miss keeps one of them intact. */
function indexAnchors(phrases: readonly { phrase: string; source: string; isStrict: boolean }[]): Map<string, Anchored[]> {
  const anchors = new Map<string, Anchored[]>()
  const add = (anchor: string, entry: Anchored) => anchors.set(anchor, [...(anchors.get(anchor) ?? []), entry])
  for (const { phrase, source, isStrict } of phrases) {
    const head = isStrict && phrase.length < strictShortBelow ? strictAnchorLength : anchorLength
    add(phrase.slice(0, head), { phrase, source, isStrict, length: head, isHead: true })
    add(phrase.slice(-anchorLength), { phrase, source, isStrict, length: anchorLength, isHead: false })
  }
  // The search finds one anchor where a longer one starts with a shorter (中国特, 中国): the
  // longer's entries hold the shorter's too.
  for (const [anchor, entries] of anchors) {
    const shorter = anchor.length > strictAnchorLength ? anchors.get(anchor.slice(0, strictAnchorLength)) : undefined
    if (shorter) anchors.set(anchor, [...entries, ...shorter])
  }
  return anchors
}

/** Whether text[start, end) misses `phrase`. */
type MissTest = (text: string, start: number, end: number, phrase: string) => boolean

/**
 * A long formulation: any one edit, or a word of up to two characters changed for homophones
 * (社会注意思想), typed twice (社会主义主义) or, in the longest, dropped (中国特色社会思想).
 */
function editTest(homophones: Homophones): MissTest {
  return (text, start, end, phrase) => {
    const m = end - start
    if (m === phrase.length + 2) return isWordDoubling(text, start, phrase)
    if (m === phrase.length - 2) return isInnerWordDrop(text, start, phrase)
    return isOneEditAway(text, start, end, phrase) || (m === phrase.length && isHomophoneSwap(text, start, phrase, homophones, 2))
  }
}

/**
 * The shortest formulation a word of two characters changed for homophones is looked for in:
 * three intact characters are left to anchor it (新发展历年 for 新发展理念, 理念 typed as its
 * homophone 历年); in one of four, the two left are often a phrase of their own.
 */
const minWordSwapLength = 5

/**
 * A short formulation: only a slip that makes no word: one homophone (or, in one of five or
 * more characters, a word of two typed as homophones) or one look-alike, an inner
 * character or word typed twice, a character dropped inside or before punctuation; inside quotes,
 * one changed for a character read nearly alike (`readAlike`: the homophones and the near ones).
 */
function slipTest(homophones: Homophones, readAlike: Homophones, lookalikes: Homophones): MissTest {
  return (text, start, end, phrase) => {
    const m = end - start
    if (m === phrase.length) return isHomophoneSwap(text, start, phrase, homophones, phrase.length >= minWordSwapLength ? 2 : 1) || isHomophoneSwap(text, start, phrase, lookalikes, 1) || isQuotedSubstitution(text, start, phrase, readAlike)
    if (m === phrase.length + 2) return isWordDoubling(text, start, phrase)
    if (m === phrase.length + 1) return isInnerDoubling(text, start, phrase)
    return m === phrase.length - 1 && (isInnerDrop(text, start, phrase) || isDropBeforePunctuation(text, start, phrase))
  }
}

/** The span one edit from `phrase` that starts (head) or ends (tail) at the anchor found at `at`. */
function nearMissAt(text: string, phrase: string, at: number, anchorLength: number, isHead: boolean, isMiss: MissTest): [number, number] | undefined {
  const n = phrase.length
  // A character changed first: where the far end is also one dropped (`两不愁三保证` holds
  // `两不愁三保`), the wrong character is the likelier slip; a word of two doubled or dropped last.
  // The whole phrase may still have its last word typed again (`中国特色社会主义主义`).
  if (isHead) {
    if (isPhraseAt(text, at, phrase)) return text.startsWith(phrase.slice(-2), at + n) ? bestWindow(text, phrase, [[at, at + n + 2]], isMiss) : undefined
    return bestWindow(text, phrase, [[at, at + n], [at, at + n - 1], [at, at + n + 1], [at, at + n + 2], [at, at + n - 2]], isMiss)
  }
  const end = at + anchorLength
  if (isPhraseAt(text, end - n, phrase)) return undefined
  return bestWindow(text, phrase, [[end - n, end], [end - n + 1, end], [end - n - 1, end], [end - n - 2, end], [end - n + 2, end]], isMiss)
}

function bestWindow(text: string, phrase: string, windows: [number, number][], isMiss: MissTest): [number, number] | undefined {
  for (const [start, end] of windows) {
    // The test first: most windows differ from the phrase at once, and it reads fewer characters.
    if (start >= 0 && end <= text.length && isMiss(text, start, end, phrase) && isPhraseText(text, start, end, phrase)) return [start, end]
  }
  return undefined
}

/**
 * True when text[start, end) is exactly one edit (a character dropped, added or changed) from
 * `phrase`: the Levenshtein distance is 1. Compared in place, without slicing: anchors such as
 * 现代化 occur far more often than near misses, and this runs for each of them.
 */
export function isOneEditAway(text: string, start: number, end: number, phrase: string): boolean {
  const m = end - start
  const n = phrase.length
  if (Math.abs(m - n) > 1) return false
  let p = 0
  while (p < m && p < n && isSameChar(text.charCodeAt(start + p), phrase.charCodeAt(p))) p++
  if (m === n && p === n) return false
  // Skip the differing character in the longer of the two (both when the lengths are equal).
  const skipText = m >= n ? 1 : 0
  const skipPhrase = n >= m ? 1 : 0
  for (let i = p + skipText, j = p + skipPhrase; i < m; i++, j++) if (!isSameChar(text.charCodeAt(start + i), phrase.charCodeAt(j))) return false
  return true
}

/** True when a correct phrase `known` stands in the text over the whole span [start, end). */
function isCoveredBy(text: string, start: number, end: number, known: string): boolean {
  if (known.length < end - start) return false
  // Only a window around the span can hold an occurrence that covers it.
  const from = Math.max(0, end - known.length)
  const at = text.slice(from, start + known.length).indexOf(known)
  return at >= 0 && from + at <= start
}

/** True when `miss` is `phrase` with one of `free` inserted somewhere. */
function isFreeInsertion(miss: string, phrase: string, free: readonly string[]): boolean {
  if (miss.length !== phrase.length + 1) return false
  for (let i = 0; i < miss.length; i++) {
    if (free.includes(miss[i]!) && miss.slice(0, i) + miss.slice(i + 1) === phrase) return true
  }
  return false
}

/** A miss of `中国特色社会主义` inside a miss of the longer `习近平新时代…思想` is reported once, as the longer. */
function dropContained(findings: RawFinding[]): RawFinding[] {
  const byLength = [...findings].sort((a, b) => b.length - a.length)
  const kept: RawFinding[] = []
  for (const f of byLength) {
    if (!kept.some((k) => k.offset <= f.offset && f.offset + f.length <= k.offset + k.length)) kept.push(f)
  }
  return kept
}
