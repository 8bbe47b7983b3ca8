// Kind `lexicon`: a list of known wrong forms, each with its correction
// (`截止目前` → `截至目前`, `规模以工业` → `规模以上工业`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, text, zod } from './shared/options.js'
import { literalsIn } from './shared/trigger-scan.js'
import type { RuleKind } from './types.js'
import { wrappedBreaks } from './shared/wrapped-lines.js'
import { dropMentions } from './shared/mentions.js'

/** One wrong form and its correction. */
export interface LexiconEntry {
  readonly wrong: string
  readonly right: string
  readonly note?: string
  /** Key into the rule's `sources`: the published list the entry comes from. */
  readonly source?: string
  /**
   * Characters that, right after the form, start a word of their own: there the form straddles
   * two words and is left alone (辩别 before 人: 争辩|别人; 辨论 before 文: 分辨|论文).
   */
  readonly unlessNext?: string
}

/** Options of a lexicon rule. */
export interface LexiconOptions {
  readonly entries: readonly LexiconEntry[]
  /** The published lists entries cite, by key (`y100: 《咬文嚼字》……`). */
  readonly sources: Readonly<Record<string, string>>
  /** True when every correction is safe to apply without a human (`--fix`). */
  readonly fix: boolean
  /** True to leave a wrong form alone where a note quotes it as wrong (`把“截止目前”改为“截至目前”`). */
  readonly skipMentions: boolean
}

const schema = lazy(() => {
  const z = zod()
  const entrySchema = z.strictObject({ wrong: text(), right: z.string(), note: z.string().optional(), source: text().optional(), unlessNext: text().optional() })
  const sourcesSchema = z.record(z.string(), text()).default({})
  return z.strictObject({ entries: z.array(entrySchema).min(1), sources: sourcesSchema, fix: z.boolean().default(false), skipMentions: z.boolean().default(false) }).superRefine((o, ctx) => {
    const seen = new Set<string>()
    o.entries.forEach((e, i) => {
      if (seen.has(e.wrong)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'wrong'], message: `"${e.wrong}" is listed twice` })
      seen.add(e.wrong)
      if (e.source !== undefined && !(e.source in o.sources)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'source'], message: `"${e.source}" is not a key of sources` })
      if (e.right.includes(e.wrong)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'wrong'], message: `"${e.wrong}" is part of its own correction` })
    })
  })
})

/** The `lexicon` kind. Message variables: `{text}`, `{suggestion}`, `{note}`; an entry's source list goes in the finding's data. */
export const lexiconKind: RuleKind<LexiconOptions> = {
  name: 'lexicon',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const byWrong = new Map(rule.options.entries.map((e) => [e.wrong, e]))
    // A table of the words' first character pairs, not a regex alternation, whose cost grows
    // with every entry (90 entries: 190 ms on the bench corpus, against 50 ms for a table).
    // Tried where the words can begin, from the pass the pattern rules share.
    const wordsIn = literalsIn([...byWrong.keys()], { keep: rule.isBuiltin === true })
    return (doc) => {
      const findings: RawFinding[] = []
      let end = 0
      // Hits come by start, longest first; taking each that starts after the last one taken
      // finds what the alternation did: leftmost, longest, no overlaps.
      for (const hit of wordsIn(doc)) {
        if (hit.begin < end) continue
        const entry = byWrong.get(hit.keyword)!
        if (entry.unlessNext !== undefined && hit.end < doc.text.length && entry.unlessNext.includes(doc.text[hit.end]!)) continue
        end = hit.end
        const fix = rule.options.fix ? { fix: { offset: hit.begin, length: hit.end - hit.begin, replacement: entry.right } } : {}
        const source = entry.source === undefined ? {} : { data: { source: rule.options.sources[entry.source] ?? entry.source } }
        findings.push({ offset: hit.begin, length: hit.end - hit.begin, args: { text: hit.keyword, suggestion: entry.right, note: entry.note ?? '' }, suggestion: entry.right, ...fix, ...source })
      }
      for (const found of acrossWraps(doc.text, byWrong)) {
        const source = found.entry.source === undefined ? {} : { data: { source: rule.options.sources[found.entry.source] ?? found.entry.source } }
        findings.push({ offset: found.offset, length: found.length, args: { text: found.entry.wrong, suggestion: found.entry.right, note: found.entry.note ?? '' }, suggestion: found.entry.right, ...source })
      }
      findings.sort((a, b) => a.offset - b.offset)
      return rule.options.skipMentions ? dropMentions(doc.text, findings) : findings
    }
  },
}

/**
 * The wrong forms a hard line break inside a wrapped paragraph cuts in two (`再接再⏎励`), offsets
 * in UTF-16 code units of the whole text, the span holding the break. They carry no fix: the
 * break is the layout's, and which side holds the wrong character is the entry's to say.
 */
function* acrossWraps(text: string, byWrong: ReadonlyMap<string, LexiconEntry>): Generator<{ offset: number; length: number; entry: LexiconEntry }> {
  let longest = 0
  for (const wrong of byWrong.keys()) longest = Math.max(longest, wrong.length)
  for (const { end, next } of wrappedBreaks(text)) {
    const before = text.slice(Math.max(0, end - longest + 1), end)
    const after = text.slice(next, next + longest - 1)
    // Every split of a word between the two sides: i characters before the break, j after.
    for (let i = before.length; i >= 1; i--) {
      for (let j = Math.min(after.length, longest - i); j >= 1; j--) {
        const entry = byWrong.get(before.slice(before.length - i) + after.slice(0, j))
        if (entry !== undefined && !entry.unlessNext?.includes(after[j] ?? '')) {
          yield { offset: end - i, length: next + j - (end - i), entry }
          i = 0
          break
        }
      }
    }
  }
}
