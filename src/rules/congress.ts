// Kind `congress`: a party congress ordinal that cannot be the one a report of its year
// studies (`学习宣传党的十二大精神` in a 2023 report is `二十大`).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from '../config/validate.js'
import { inferDocumentYear } from './shared/document-year.js'
import { lazy, literalAlternation, textList, zod } from './shared/options.js'
import { compileMessage } from './shared/template.js'
import type { RuleKind } from './types.js'

/** Options of a congress rule. */
export interface CongressOptions {
  /** Year of each congress, in order: `years[0]` is the first (一大, 1921). */
  readonly years: readonly number[]
  /** Words after `N大` that make it the congress being studied now (`精神`, `报告`). */
  readonly after: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    years: z.array(z.number().int().min(1900).max(2200)).min(1).refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]!), 'must increase'),
    after: textList(),
  })
})

const digits = '一二三四五六七八九'

/** Chinese ordinal 一 … 九十九 as a number; undefined when not one. */
export function parseChineseOrdinal(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return undefined
  const [, tens, ten, units] = m
  if (!ten) return tens && !units ? digits.indexOf(tens) + 1 : undefined
  return (tens ? digits.indexOf(tens) + 1 : 1) * 10 + (units ? digits.indexOf(units) + 1 : 0)
}

/** A number 1 … 99 as a Chinese ordinal (二十, 十二). */
export function formatChineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10)
  const units = n % 10
  const unitChar = units ? digits[units - 1]! : ''
  if (tens === 0) return unitChar
  return (tens > 1 ? digits[tens - 1]! : '') + '十' + unitChar
}

/** The `congress` kind. Message variables: `{text}`, `{suggestion}`, `{year}`, `{how}`. */
export const congressKind: RuleKind<CongressOptions> = {
  name: 'congress',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const render = compileMessage(rule.message)
    const { years, after } = rule.options
    // Not after 第 (`第十二大类`); only before 精神/报告 (`十二大产业` is no congress).
    const mentionRe = new RegExp(`([一二三四五六七八九十]{1,3})大(?=${literalAlternation(after)})`, 'g')
    return (doc) => {
      const findings: RawFinding[] = []
      const docYear = inferDocumentYear(doc)
      if (!docYear) return findings
      const current = years.filter((y) => y <= docYear.year).length
      if (current === 0) return findings
      mentionRe.lastIndex = 0
      for (let m = mentionRe.exec(doc.text); m; m = mentionRe.exec(doc.text)) {
        if (doc.text[m.index - 1] === '第') continue
        const n = parseChineseOrdinal(m[1]!)
        if (n === undefined || (n >= current - 1 && n <= current)) continue
        if (n <= years.length && datesHistory(doc.text, m.index, years[n - 1]!)) continue
        const suggestion = formatChineseOrdinal(current) + '大'
        const vars = { text: m[0], suggestion, year: docYear.year, how: docYear.how }
        const isCertain = [...m[1]!].sort().join('') === [...formatChineseOrdinal(current)].sort().join('')
        findings.push({
          offset: m.index,
          length: m[0].length,
          message: render(vars),
          suggestion,
          ...(isCertain && { fix: { offset: m.index, length: m[0].length, replacement: suggestion } }),
          data: { documentYear: docYear.year, yearInferredFrom: docYear.how, congressYear: years[n - 1] ?? null },
        })
      }
      return findings
    }
  },
}

/** True when the sentence around `offset` dates the congress (`1982年召开的党的十二大`): history. */
function datesHistory(text: string, offset: number, congressYear: number): boolean {
  const start = Math.max(text.lastIndexOf('。', offset), text.lastIndexOf('\n', offset)) + 1
  const stops = [text.indexOf('。', offset), text.indexOf('\n', offset)].filter((i) => i >= 0)
  const end = stops.length ? Math.min(...stops) : text.length
  const yearRe = /(?:19|20)[0-9]{2}/g
  for (const m of text.slice(start, end).matchAll(yearRe)) {
    if (Math.abs(Number(m[0]) - congressYear) <= 1) return true
  }
  return false
}
