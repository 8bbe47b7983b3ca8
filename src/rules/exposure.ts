// Kind `exposure`: a name masked in one place and spelled out in another (`***市统计局` here,
// `石嘴山市统计局` there; `数说xx展望` and `数说额济纳展望`): the mask hides nothing.
import { lowerBound } from '../core/sorted.js'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getTokenizer, type Tokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { FirstCharIndex } from './shared/first-char-index.js'
import type { Document } from '../core/document.js'
import { findMaskRuns, type MaskRun } from './shared/mask-runs.js'
import { tokensNear } from './shared/token-window.js'
import { findMaskSlots, hanAfter, hanBefore } from './shared/mask-slots.js'
import { lazy, textList, zod } from './shared/options.js'
import { adjacentRuns, findPlaces } from './shared/places.js'
import type { Profile, RuleKind } from './types.js'

/** Options of an exposure rule. */
export interface ExposureOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Words that end a masked name (`市`, `调查队`): a place named before the same words is the same slot. */
  readonly slotWords: readonly string[]
  /** Han characters of context that must match on both sides for a name of any kind. */
  readonly minContext: number
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ onlyWhenMasked: onlyWhenMaskedSchema(), slotWords: textList(), minContext: z.number().int().min(4).default(6) })
})

/** Particles and prepositions next to a mask make its context a phrase any word fits (`交给xx的`). */
const particleRe = /[的地得了着过和与及或在是为对把被将向从给等之]/
/** Names longer than this are not taken for what a mask stands for. */
const maxNameLength = 8

/** The `exposure` kind. Message variables: `{text}` (the name), `{mask}` (the masked form). */
export const exposureKind: RuleKind<ExposureOptions> = {
  name: 'exposure',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const { slotWords, minContext, onlyWhenMasked } = rule.options
    const tokenizer = getTokenizer(settings.tokenizer)
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked)) return []
      const found = new Map<number, RawFinding>()
      const report = (start: number, nameEnd: number, end: number, mask: string) => {
        if (found.has(start)) return
        const text = doc.text.slice(start, end)
        found.set(start, { offset: start, length: end - start, args: { text, mask }, data: { names: [text], mask, redact: { offset: start, length: nameEnd - start } } })
      }
      const slots = findMaskSlots(doc, slotWords)
      if (slots.length > 0) {
        // Places whose suffix and following words are those of a masked slot: 石嘴山|市统计局
        // and ***|市统计局. A run of places (达来呼布镇东风社区) is reported whole.
        for (const run of adjacentRuns(findPlaces(doc, tokenizer))) {
          const first = run[0]!
          const last = run[run.length - 1]!
          // The words after compared whole (`**区人民政府`, not `**区人民政`), as the message quotes them.
          const slot = slots.find((s) => s.after.length >= 3 && doc.text.startsWith(s.after, last.maskEnd) && doc.text.startsWith(wholeWordsAfter(doc, tokenizer, s.run, s.after.length), last.maskEnd))
          if (slot) report(first.start, last.maskEnd, last.maskEnd + slot.word.length, slot.run.text + wholeWordsAfter(doc, tokenizer, slot.run, slot.after.length))
        }
      }
      for (const { start, nameEnd, mask } of sameContextNames(doc, tokenizer, findMaskRuns(doc), minContext)) report(start, nameEnd, nameEnd, mask)
      return [...found.values()]
    }
  },
}

/** The words before masks, searched for in each document in turn (tables reused). */
const contextIndex = new FirstCharIndex([])

/** Names standing between the same words as a mask does elsewhere (`数说|xx|展望新未` and `数说|额济纳|展望新未`). */
function* sameContextNames(doc: Document, tokenizer: Tokenizer, runs: readonly MaskRun[], minContext: number): Generator<{ start: number; nameEnd: number; mask: string }> {
  const text = doc.text
  // The context pairs of every mask, the words before each as the key: a name found between
  // the words of several masks is taken with the first of them, in the order of the masks.
  const byBefore = new Map<string, { after: string; run: MaskRun; rank: number }[]>()
  const seen = new Set<string>()
  for (const run of runs) {
    for (const [before, after] of contextPairs(hanBefore(text, run.start), hanAfter(text, run.end), minContext)) {
      const key = `${before}\u0000${after}`
      if (seen.has(key)) continue
      seen.add(key)
      const list = byBefore.get(before) ?? []
      list.push({ after, run, rank: seen.size })
      byBefore.set(before, list)
    }
  }
  if (byBefore.size === 0) return
  // One scan of the text for the words before of all masks (a regex or indexOf per pair
  // read the whole text once per pair), then the shortest name the words after follow.
  const best = new Map<number, { nameEnd: number; mask: string; rank: number }>()
  // The masks' starts in order, searched by halves: a mask inside a hit's span was looked for
  // among all of them, once per hit (quadratic in a page of thousands of masks).
  const maskStarts = Float64Array.from(runs, (r) => r.start).sort()
  for (const hit of contextIndex.reload(byBefore.keys()).matches(text)) {
    for (const { after, run, rank } of byBefore.get(hit.keyword)!) {
      const length = nameLengthBefore(text, hit.end, after)
      if (length === 0) continue
      const end = hit.end + length + after.length
      if (hasStartIn(maskStarts, hit.begin, end)) continue
      const known = best.get(hit.end)
      if (known && rank >= known.rank) continue
      // Asked of the tokenizer only here: hits are few, masks may be thousands.
      const mask = wholeWordContext(doc, tokenizer, run, hit.keyword.length, after.length, hit.end, hit.end + length)
      if (mask !== undefined) best.set(hit.end, { nameEnd: hit.end + length, mask, rank })
    }
  }
  for (const [start, { nameEnd, mask }] of [...best].sort((a, b) => a[1].rank - b[1].rank)) yield { start, nameEnd, mask }
}

/** How far around a mask its words are tagged, in UTF-16 code units: its context and the word each end may cut. */
const wordReach = 12

/**
 * The mask with its context widened to whole words (`家统计局**调查` → `国家统计局**调查队`), as the
 * message quotes it, or undefined when the name found at [nameStart, nameEnd) does not stand
 * between those same whole words: a context cut through a word matches text that shares only
 * its halves (`国家统计局党组和省调查总队` against `国家统计局**调查队`), and the "name" between is none.
 */
function wholeWordContext(doc: Document, tokenizer: Tokenizer, run: MaskRun, beforeLength: number, afterLength: number, nameStart: number, nameEnd: number): string | undefined {
  const text = doc.text
  const [from, to] = widenToWords(doc, tokenizer, run.start - beforeLength, run.start, run.end, run.end + afterLength)
  const before = text.slice(from, run.start)
  const after = text.slice(run.end, to)
  if (nameStart < before.length || !text.startsWith(before, nameStart - before.length) || !text.startsWith(after, nameEnd)) return undefined
  return before + run.text + after
}

/** The `length` characters after a mask, widened to the end of the word they cut (`区人民政` → `区人民政府`). */
function wholeWordsAfter(doc: Document, tokenizer: Tokenizer, run: MaskRun, length: number): string {
  const [, to] = widenToWords(doc, tokenizer, run.start, run.start, run.end, run.end + length)
  return doc.text.slice(run.end, to)
}

/**
 * [from, to) widened over the words that its ends cut, the words tagged around the hole
 * [holeStart, holeEnd) (a mask, or the name that fills it) not taken across it.
 */
function widenToWords(doc: Document, tokenizer: Tokenizer, from: number, holeStart: number, holeEnd: number, to: number): [number, number] {
  for (const token of tokensNear(doc, tokenizer, holeStart, holeEnd, wordReach)) {
    if (token.start < from && token.end > from && token.end <= holeStart) from = token.start
    if (token.start < to && token.end > to && token.start >= holeEnd) to = token.end
  }
  return [from, to]
}

/** True when one of `starts` (ascending) lies in [from, to). */
function hasStartIn(starts: Float64Array, from: number, to: number): boolean {
  const at = lowerBound(starts.length, (i) => starts[i]!, from)
  return at < starts.length && starts[at]! < to
}

/** Length of the shortest run of 2 to maxNameLength CJK ideographs at `start` that `after` follows, or 0. */
function nameLengthBefore(text: string, start: number, after: string): number {
  for (let length = 1; length <= maxNameLength && isBasicIdeograph(text.charCodeAt(start + length - 1)); length++) {
    if (length >= 2 && text.startsWith(after, start + length)) return length
  }
  return 0
}

/** U+4E00–U+9FFF, the range a masked name is looked for in. */
function isBasicIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff
}

/**
 * The shortest contexts around a mask with `minContext` characters in all and at least two on
 * each side (`计局|调查队以`, `统计局|调查队`, `家统计局|调查`), unless a particle touches the mask.
 */
function contextPairs(before: string, after: string, minContext: number): [string, string][] {
  if (particleRe.test(before.slice(-1)) || particleRe.test(after.charAt(0))) return []
  const pairs: [string, string][] = []
  for (let b = 2; b <= before.length; b++) {
    const a = minContext - b
    if (a >= 2 && a <= after.length) pairs.push([before.slice(-b), after.slice(0, a)])
  }
  return pairs
}
