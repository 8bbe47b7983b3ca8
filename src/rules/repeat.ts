// Kind `repeat`: a word typed twice (`防范防范`, `推进推进`), leaving alone the reduplication
// Chinese uses on purpose (`研究研究`, `一个一个`, `看看`), two words that overlap
// (`宁夏大学大学生`: 大学 ends one word, 大学生 starts the next) and a heading a scraper glued
// to its paragraph (`组织建设组织建设工作`: residue, not a typo to fix).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getTokenizer, type Tokenizer } from '../nlp/tokenizer.js'
import { isHan } from './shared/chars.js'
import { lazy, zod } from './shared/options.js'
import { triggerScan } from './shared/trigger-scan.js'
import { isWordOverlap } from './shared/word-overlap.js'
import { wrappedBreaks } from './shared/wrapped-lines.js'
import type { RuleKind } from './types.js'

/** Options of a repeat rule. */
export interface RepeatOptions {
  /** Shortest and longest repeated unit, in characters; single characters reduplicate too often. */
  readonly minUnit: number
  readonly maxUnit: number
  /** Words whose ABAB reduplication is correct (`研究研究`, `商量商量`). */
  readonly allow: readonly string[]
  /** Units starting with these are numeral + measure word (`一个一个`, `一步一步`). */
  readonly skipFirst: readonly string[]
  /**
   * True to leave alone two words that overlap, as the segmenter reads them: a first copy that
   * ends a longer word (`宁夏大学大学生`), or a noun closing a noun phrase before a compound it
   * starts (`经营主体主体责任`, `第3网格网格员`).
   */
  readonly skipOverlaps: boolean
  /**
   * True to leave alone a repeat of three or more characters that opens a paragraph the text
   * goes on: a heading that lost its line break (`组织建设组织建设工作`). Two-character
   * repeats there are still typos (`防范防范化解…`): headings are rarely that short.
   */
  readonly skipGluedHeadings: boolean
  /**
   * A regex of what may follow a two-character verb said twice on purpose, to soften a request
   * (`把精神学习学习、领会领会，`, `梳理梳理。`, `琢磨琢磨再说`): the punctuation that closes it, 一下,
   * 吧, 再. Such an ABAB is left alone where the segmenter reads its unit as a verb, or where
   * another ABAB stands beside it in a list (the segmenter reads 领会 as a noun). Typed twice, a
   * word runs on into what follows (`推进推进改革`, `防范防范化解`).
   */
  readonly reduplicationEnds?: string
}

const schema = lazy(() => {
  const z = zod()
  return z
    .strictObject({
      minUnit: z.number().int().min(2).default(2),
      maxUnit: z.number().int().min(1).max(8).default(4),
      allow: z.array(z.string()).default([]),
      skipFirst: z.array(z.string().length(1)).default([]),
      skipOverlaps: z.boolean().default(false),
      skipGluedHeadings: z.boolean().default(false),
      reduplicationEnds: z.string().optional(),
    })
    .refine((o) => o.minUnit <= o.maxUnit, { message: 'minUnit must not exceed maxUnit', path: ['minUnit'] })
})

/** The `repeat` kind. Message variables: `{text}`, `{suggestion}`. */
export const repeatKind: RuleKind<RepeatOptions> = {
  name: 'repeat',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const tokenizer = rule.options.skipOverlaps ? getTokenizer(settings.tokenizer) : undefined
    const isDeliberate = deliberateReduplication(rule.options.reduplicationEnds, () => getTokenizer(settings.tokenizer))
    const { minUnit, maxUnit } = rule.options
    const allow = new Set(rule.options.allow)
    const skipFirst = new Set(rule.options.skipFirst)
    const { skipGluedHeadings } = rule.options
    const candidates = maxUnit <= 4 ? candidateStartsUpTo4 : candidateStartsAnyLength
    // The shared pass lists where a unit recurs 2 to 4 places on: a superset of the candidates
    // of units up to 4 long, each checked in full below.
    const recurrencesIn = maxUnit <= 4 ? triggerScan.recurrences() : undefined
    return (doc) => {
      const text = doc.text
      const findings: RawFinding[] = []
      // Each candidate start (its first character recurs within maxUnit places) is checked in
      // full; after a reported repeat the scan goes on past it, after an allowed one at the next
      // character, as a global regex `(han{min})(?:\1|(han{1,max-min}?)\1\2)` would.
      let resumeAt = 0
      const visit = (at: number) => {
        if (at < resumeAt) return
        const length = repeatedUnitAt(text, at, minUnit, maxUnit)
        if (length === 0) return
        const unit = text.slice(at, at + length)
        if (allow.has(unit) || skipFirst.has(unit[0]!) || isOneCharRun(unit)) return
        if (skipGluedHeadings && isGluedHeading(text, at, length)) return
        if (isDeliberate(text, at, length)) return
        if (tokenizer && isWordOverlap(tokenizer, text, at, at + length, length)) return
        const span = text.slice(at, at + 2 * length)
        findings.push({ offset: at, length: span.length, args: { text: span, suggestion: unit }, suggestion: unit })
        resumeAt = at + span.length
      }
      const recurrences = recurrencesIn?.(doc)
      if (recurrences) for (let k = 0; k < recurrences.length; k++) visit(recurrences[k]!)
      else candidates(text, minUnit, maxUnit, visit)
      // A word typed twice across a hard line break (`首要政治⏎政治任务`), where the line before is
      // a wrapped paragraph's: long, ending without punctuation, and the next line no new paragraph.
      for (const { end, next } of wrappedBreaks(text)) {
        for (let length = minUnit; length <= maxUnit; length++) {
          const unit = text.slice(end - length, end)
          if (unit.length !== length || text.slice(next, next + length) !== unit || !isAllHan(unit)) continue
          if (allow.has(unit) || skipFirst.has(unit[0]!) || isOneCharRun(unit)) break
          if (tokenizer && isWordOverlap(tokenizer, text, end - length, next, length)) break
          const span = text.slice(end - length, next + length)
          findings.push({ offset: end - length, length: span.length, args: { text: span, suggestion: unit }, suggestion: unit })
          break
        }
      }
      return findings.sort((a, b) => a.offset - b.offset)
    }
  },
}

/**
 * Calls `visit` with each position whose character recurs 2, 3 or 4 places on (within
 * [minUnit, maxUnit]). The last five characters are kept in locals, so each character is
 * read once: three times faster than the equivalent regex, which is most of this rule's cost.
 */
function candidateStartsUpTo4(text: string, minUnit: number, maxUnit: number, visit: (at: number) => void): void {
  const n = text.length
  const at2 = minUnit <= 2
  const at3 = minUnit <= 3 && maxUnit >= 3
  const at4 = maxUnit >= 4
  let c0 = text.charCodeAt(0)
  let c1 = text.charCodeAt(1)
  let c2 = text.charCodeAt(2)
  let c3 = text.charCodeAt(3)
  for (let i = 0; i + 2 * minUnit <= n; i++) {
    const c4 = i + 4 < n ? text.charCodeAt(i + 4) : -1
    if ((at2 && c0 === c2) || (at3 && c0 === c3) || (at4 && c0 === c4)) visit(i)
    c0 = c1
    c1 = c2
    c2 = c3
    c3 = c4
  }
}

/** The same for units longer than four characters (a rule file may ask for them): each position. */
function candidateStartsAnyLength(text: string, minUnit: number, _maxUnit: number, visit: (at: number) => void): void {
  for (let i = 0; i + 2 * minUnit <= text.length; i++) visit(i)
}

/**
 * Length of the shortest unit of `minUnit`…`maxUnit` Chinese characters at `at` that is
 * followed by itself, or 0.
 */
function repeatedUnitAt(text: string, at: number, minUnit: number, maxUnit: number): number {
  const first = text.charCodeAt(at)
  if (!isHan(first)) return 0
  for (let length = minUnit; length <= maxUnit && at + 2 * length <= text.length; length++) {
    if (text.charCodeAt(at + length) !== first) continue
    let k = 1
    while (k < length && text.charCodeAt(at + k) === text.charCodeAt(at + length + k) && isHan(text.charCodeAt(at + k))) k++
    if (k === length) return length
  }
  return 0
}

/** Between two ABAB reduplications listed together (`学习学习、领会领会`). */
const listJoiners = '、，,和与及'

/**
 * The test of a two-character ABAB at `at` made on purpose (see RepeatOptions.reduplicationEnds);
 * always false without `ends`. The tokenizer is asked only for the few ABABs that end so.
 */
function deliberateReduplication(ends: string | undefined, tokenizer: () => Tokenizer): (text: string, at: number, length: number) => boolean {
  if (ends === undefined) return () => false
  const endsRe = new RegExp(`^(?:${ends})`)
  return (text, at, length) => {
    const end = at + 2 * length
    if (length !== 2 || !endsRe.test(text.slice(end, end + 4))) return false
    if ((listJoiners.includes(text[end]!) && isAbabAt(text, end + 1)) || (listJoiners.includes(text[at - 1] ?? '') && isAbabAt(text, at - 5))) return true
    // Before punctuation only such a list says it is meant: 整改推进推进，确保见效 is a slip.
    if (/^\p{P}/u.test(text.slice(end, end + 1))) return false
    const tokens = tokenizer().tag(text.slice(at, at + 2))
    return tokens.length === 1 && tokens[0]!.tag === 'v'
  }
}

/** True when text[at, at + 4) is two Han characters said twice (`领会领会`), not one character four times. */
function isAbabAt(text: string, at: number): boolean {
  if (at < 0 || at + 4 > text.length) return false
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => text.charCodeAt(at + i))
  return isHan(a!) && isHan(b!) && a !== b && a === c && b === d
}

/** What may open a paragraph before its first word: indentation, a Markdown mark, a list number (`一、`, `（二）`, `3.`). */
const paragraphOpeningRe = /^[ \t\u3000]*(?:#{1,6}[ \t]*|[-*+>][ \t]*)?(?:[（(]?[一二三四五六七八九十0-9０-９]{1,3}[)）、.．][ \t\u3000]*)?$/

/** True for a repeat of three or more characters that opens its paragraph and is followed by more of it (see RepeatOptions.skipGluedHeadings). */
function isGluedHeading(text: string, at: number, length: number): boolean {
  if (length < 3 || !isHan(text.charCodeAt(at + 2 * length))) return false
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  return at - lineStart <= 12 && paragraphOpeningRe.test(text.slice(lineStart, at))
}

function isAllHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isHan(word.charCodeAt(i))) return false
  return true
}

function isOneCharRun(unit: string): boolean {
  for (let i = 1; i < unit.length; i++) if (unit[i] !== unit[0]) return false
  return true
}
