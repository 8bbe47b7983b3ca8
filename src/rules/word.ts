// Kind `word`: what the Word reader found in a .docx that its text alone does not tell. A
// content control still showing its placeholder is a template's prompt whatever it says
// (`单击或点击此处输入文字。`, `请输入单位名称`); tracked deletions, comments and hidden runs are
// in the file for anyone who opens it, though the page does not show them: in a release,
// the name a tracked change masked (`司马浩然` → `司马某`) is still there.
import type { HiddenContent, HiddenKind } from '../core/document.js'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/** Options of a word rule. */
export interface WordOptions {
  /** `placeholder`: each span a content control shows as its placeholder; `hidden`: what the file holds unseen, once per kind. */
  readonly report: 'placeholder' | 'hidden'
}

const schema = lazy(() => zod().strictObject({ report: zod().enum(['placeholder', 'hidden']) }))

/** The most of a hidden text quoted in a message. */
const sampleLength = 20

/**
 * The `word` kind. Message variables: `{text}`; for `hidden`, `{count}` (how many of the
 * kind the file holds) and `{sample}` (the first, cut short), under a variant per kind
 * (`.deletion`, `.comment`, `.hidden`).
 */
export const wordKind: RuleKind<WordOptions> = {
  name: 'word',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    if (rule.options.report === 'placeholder') {
      return (doc) => doc.placeholders.map((r) => ({ offset: r.start, length: r.end - r.start, args: { text: doc.text.slice(r.start, r.end) } }))
    }
    return (doc) => hiddenFindings(doc.hidden, doc.text, rule.messageId)
  },
}

/**
 * One finding per kind of hidden content, at its first: where it stands (a comment: the text
 * it is anchored on), or, when that is no span, the line it stands in.
 */
function hiddenFindings(hidden: readonly HiddenContent[], text: string, messageId: string): RawFinding[] {
  const byKind = new Map<HiddenKind, HiddenContent[]>()
  for (const h of hidden) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), h])
  const findings: RawFinding[] = []
  for (const [kind, all] of byKind) {
    const first = all[0]!
    const span = first.length > 0 ? { offset: first.offset, length: first.length } : lineAround(text, first.offset)
    findings.push({ ...span, messageId: `${messageId}.${kind}`, args: { count: all.length, sample: sampleOf(first.text), text: text.slice(span.offset, span.offset + span.length) } })
  }
  return findings.sort((a, b) => a.offset - b.offset)
}

/** The line holding `offset`, without its leading spaces: a place a reader can see, as hidden content has no span of its own. */
function lineAround(text: string, offset: number): { offset: number; length: number } {
  let start = text.lastIndexOf('\n', offset - 1) + 1
  let end = text.indexOf('\n', offset)
  if (end < 0) end = text.length
  while (start < end && /\s/.test(text[start]!)) start++
  return { offset: start, length: end - start }
}

function sampleOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > sampleLength ? `${flat.slice(0, sampleLength)}…` : flat
}
