// Kind `pattern`: one regular expression; each match is a finding, with an optional
// correction built from the match (`(四）` → `（四）`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { isValidRegExp, lazy, zod } from './shared/options.js'
import type { RuleKind } from './types.js'
import { compileRegExp } from '../core/user-regexp.js'
import type { Document } from '../core/document.js'
import { triggerScan, type Search, type Within } from './shared/trigger-scan.js'
import { dropMentions, isQuotedMention } from './shared/mentions.js'
import { isFormField } from './shared/form-sections.js'
import { joinAlternatives } from './shared/alternatives.js'

/** Options of a pattern rule. */
export interface PatternOptions {
  /**
   * The regular expression. A rule file may give a list of alternatives instead (one notice
   * per entry, each with its comment); they are joined into one alternation, tried in order.
   */
  readonly pattern: string
  /** Extra RegExp flags (`i`, `u`, `m`, `s`); `g` is always added. */
  readonly flags: string
  /** Replacement template (`$1`, `$<name>`) giving the suggested correction. */
  readonly suggestion?: string
  /** True when the suggestion is safe to apply without a human (`--fix`). */
  readonly fix: boolean
  /**
   * A quick regex naming what every match holds (`登录|会员|全文`). When given, the pattern is
   * tried only on the lines where it matches, so a pattern that never crosses a line and
   * opens with lookbehinds or optional parts (which the regex engine cannot skip to) costs
   * one literal scan, not one attempt per character.
   */
  readonly lineFilter?: string
  /**
   * True to report as one the matches that only punctuation or spaces part (one notice in two
   * phrases: `本文为会员专享内容，请登录后查看完整内容`). Only for a pattern without a suggestion.
   */
  readonly joinAdjacent: boolean
  /**
   * A regex tried right after the closing quote of a match that stands inside quotes on its
   * line: where it matches (`等`, `之类`, `的提示`, `字样`), the text names the notice rather
   * than holding it (存在“余下内容请登录后查看”等设置), and the match is dropped.
   */
  readonly mentionAfter?: string
  /**
   * True to leave a match alone where a note quotes it as wrong (`把“截止目前”改为“截至目前”`,
   * `“按步就班”等常见错误`): the rules that report wrong words, with the cues of shared/mentions.ts.
   */
  readonly skipMentions: boolean
  /**
   * A regex naming the matches that are a field's label with nothing after it (`联系电话：`): in a
   * form for readers to fill (shared/form-sections.ts), outside its notes, the reader writes the
   * value, and such a match is dropped. Tried on the whole match.
   */
  readonly formFieldLabel?: string
}

const schema = lazy(() => {
  const z = zod()
  const flagsSchema = z.string().regex(/^[imsu]*$/, 'may only hold the flags i, m, s, u').default('')
  return z
    .strictObject({ pattern: z.union([z.string(), z.array(z.string()).min(1).transform(joinAlternatives)]), flags: flagsSchema, suggestion: z.string().optional(), fix: z.boolean().default(false), lineFilter: z.string().optional(), joinAdjacent: z.boolean().default(false), mentionAfter: z.string().optional(), skipMentions: z.boolean().default(false), formFieldLabel: z.string().optional() })
    .superRefine((o, ctx) => {
      if (o.lineFilter !== undefined && !isValidRegExp(o.lineFilter, o.flags)) ctx.addIssue({ code: 'custom', path: ['lineFilter'], message: 'is not a valid regular expression' })
      if (o.mentionAfter !== undefined && !isValidRegExp(o.mentionAfter, o.flags)) ctx.addIssue({ code: 'custom', path: ['mentionAfter'], message: 'is not a valid regular expression' })
      if (o.formFieldLabel !== undefined && !isValidRegExp(o.formFieldLabel, o.flags)) ctx.addIssue({ code: 'custom', path: ['formFieldLabel'], message: 'is not a valid regular expression' })
      if (!isValidRegExp(o.pattern, o.flags)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is not a valid regular expression' })
      if (o.fix && o.suggestion === undefined) ctx.addIssue({ code: 'custom', path: ['fix'], message: 'needs a suggestion to apply' })
      if (o.joinAdjacent && o.suggestion !== undefined) ctx.addIssue({ code: 'custom', path: ['joinAdjacent'], message: 'cannot join matches that each have a suggestion' })
    })
})

/** The `pattern` kind. Message variables: `{text}`, `{suggestion}`. */
export const patternKind: RuleKind<PatternOptions> = {
  name: 'pattern',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  patternsOf: (o) => [
    { keyPath: ['pattern'], source: o.pattern, flags: o.flags },
    ...(o.lineFilter === undefined ? [] : [{ keyPath: ['lineFilter'], source: o.lineFilter, flags: o.flags.replace('m', '') }]),
    ...(o.mentionAfter === undefined ? [] : [{ keyPath: ['mentionAfter'], source: o.mentionAfter, flags: o.flags }]),
    ...(o.formFieldLabel === undefined ? [] : [{ keyPath: ['formFieldLabel'], source: o.formFieldLabel, flags: o.flags }]),
  ],
  compile(rule) {
    const { pattern, flags, suggestion, fix, lineFilter, joinAdjacent, mentionAfter, skipMentions, formFieldLabel } = rule.options
    const isTrusted = rule.isBuiltin === true
    const filterIn = lineFilter === undefined ? undefined : searchOf(lineFilter, flags.replace('m', '') + 'g', isTrusted)
    // Behind a line filter the pattern reads only the lines it picks, not the whole text.
    const searchIn = searchOf(pattern, flags + 'g', isTrusted, filterIn !== undefined)
    const mentionRe = mentionAfter === undefined ? undefined : compileRegExp(`^(?:${mentionAfter})`, flags.replace('m', ''), isTrusted)
    const matchIn = (search: Search, text: string, base: number, findings: RawFinding[], within?: Within) => {
      for (let m = search(text, 0, within); m; m = search(text, m.index + Math.max(m[0].length, 1), within)) {
        if (m[0].length === 0) continue
        if (mentionRe !== undefined && isQuotedMention(text, m.index, m.index + m[0].length, mentionRe)) continue
        const offset = base + m.index
        const length = m[0].length
        const corrected = suggestion === undefined ? undefined : expandReplacement(suggestion, m)
        const args = { text: m[0], suggestion: corrected ?? '' }
        // Written out, not spread per finding: spreads cost the count rule most of its own time.
        if (corrected === undefined) findings.push({ offset, length, args })
        else if (fix) findings.push({ offset, length, args, suggestion: corrected, fix: { offset, length, replacement: corrected } })
        else findings.push({ offset, length, args, suggestion: corrected })
      }
    }
    const find = (doc: Document): RawFinding[] => {
      const findings: RawFinding[] = []
      if (!filterIn) {
        matchIn(searchIn(doc), doc.text, 0, findings)
        return findings
      }
      const filter = filterIn(doc)
      const search = searchIn(doc)
      // Each line holding a filter match once; offsets are UTF-16 code units of the whole text.
      const text = doc.text
      for (let m = filter(text, 0); m; ) {
        const start = text.lastIndexOf('\n', m.index) + 1
        const newline = text.indexOf('\n', m.index + m[0].length)
        const end = newline < 0 ? text.length : newline
        matchIn(search, text.slice(start, end), start, findings, { whole: text, offset: start })
        m = filter(text, end)
      }
      return findings
    }
    const joined = joinAdjacent ? (doc: Document) => joinedAcrossPunctuation(doc.text, find(doc)) : find
    const labelRe = formFieldLabel === undefined ? undefined : compileRegExp(`^(?:${formFieldLabel})$`, flags.replace('m', ''), isTrusted)
    const found = labelRe === undefined ? joined : (doc: Document) => withoutFormFieldLabels(doc, joined(doc), labelRe)
    return skipMentions ? (doc) => dropMentions(doc.text, found(doc)) : found
  },
}

/** `findings` without the field labels (whole matches of `labelRe`) that stand in a form for readers to fill. */
function withoutFormFieldLabels(doc: Document, findings: RawFinding[], labelRe: { test(text: string): boolean }): RawFinding[] {
  if (findings.length === 0) return findings
  return findings.filter((f) => !(labelRe.test(doc.text.slice(f.offset, f.offset + f.length)) && isFormField(doc, f.offset, f.offset + f.length)))
}

/** What may part two matches reported as one: punctuation and spaces within a line. */
const joinableGapRe = /^[，,。；;、：:！!？?…·～~—\- \t\u3000]*$/

/** `findings` (in order, without suggestions) with the ones only punctuation or spaces part joined into one. */
function joinedAcrossPunctuation(text: string, findings: readonly RawFinding[]): RawFinding[] {
  const joined: RawFinding[] = []
  for (const finding of findings) {
    const last = joined[joined.length - 1]
    const lastEnd = last === undefined ? -1 : last.offset + last.length
    if (last !== undefined && finding.offset >= lastEnd && joinableGapRe.test(text.slice(lastEnd, finding.offset))) {
      const length = finding.offset + finding.length - last.offset
      joined[joined.length - 1] = { offset: last.offset, length, args: { text: text.slice(last.offset, last.offset + length), suggestion: '' } }
    } else joined.push(finding)
  }
  return joined
}

/**
 * The search of a pattern in a Document. A built-in pattern (V8) is tried only at the positions
 * where a match can begin: those the shared pass finds in the whole text, or, for a pattern
 * behind a line filter (`inLines`), those read in the lines the filter picks. Users' patterns
 * run on their linear-time engine as they are.
 */
function searchOf(source: string, flags: string, isTrusted: boolean, inLines = false): (doc: Document) => Search {
  const re = compileRegExp(source, flags, isTrusted)
  if (re instanceof RegExp && !inLines) return triggerScan.search(re, { keep: isTrusted })
  const search: Search =
    re instanceof RegExp
      ? triggerScan.lineSearch(re, { keep: isTrusted })
      : (text, from) => {
          re.lastIndex = from
          return re.exec(text)
        }
  return () => search
}

/** Expands `$1`, `$<name>`, `$&` and `$$` of a replacement template against a match made in the whole text. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d{1,2}|<([^>]+)>)/g, (whole, token: string, name: string | undefined) => {
    if (token === '$') return '$'
    if (token === '&') return m[0]
    if (name !== undefined) return m.groups?.[name] ?? ''
    return Number(token) < m.length ? (m[Number(token)] ?? '') : whole
  })
}
