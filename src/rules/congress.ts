// Kind `congress`: a party congress ordinal that cannot be the one a report of its year
// studies (`学习宣传党的十二大精神` in a 2023 report is `二十大`).
import type { RawFinding } from '../core/finding.js'
import { formatText } from '../i18n/catalogue.js'
import { parseWithSchema } from './shared/validate.js'
import { inferDocumentYear, type DocumentYear } from './shared/document-year.js'
import { lazy, literalAlternation, textList, zod } from './shared/options.js'
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
    const { years, after } = rule.options
    // Only before 精神/报告 (`十二大产业` is no congress). The search starts at 大, a literal
    // the regex engine skips to quickly; the ordinal is read backwards from there.
    const mentionRe = new RegExp(`大(?=${literalAlternation(after)})`, 'g')
    return (doc) => {
      const findings: RawFinding[] = []
      const text = doc.text
      let docYear: DocumentYear | undefined
      mentionRe.lastIndex = 0
      for (let m = mentionRe.exec(text); m; m = mentionRe.exec(text)) {
        const ordinal = ordinalBefore(text, m.index)
        const index = m.index - ordinal.length
        // Not after 第 (`第十二大类`).
        if (ordinal === '' || text[index - 1] === '第') continue
        const n = parseChineseOrdinal(ordinal)
        if (n === undefined) continue
        // The year is inferred only for documents that mention a congress.
        docYear ??= inferDocumentYear(doc)
        if (!docYear) return findings
        const year = docYear.year
        const current = years.filter((y) => y <= year).length
        if (current === 0 || (n >= current - 1 && n <= current)) continue
        if (n <= years.length && datesHistory(text, index, years[n - 1]!)) continue
        const mention = ordinal + '大'
        const suggestion = formatChineseOrdinal(current) + '大'
        const vars = { text: mention, suggestion, year: docYear.year, how: docYear.how }
        const isCertain = [...ordinal].sort().join('') === [...formatChineseOrdinal(current)].sort().join('')
        findings.push({
          offset: index,
          length: mention.length,
          args: vars,
          suggestion,
          ...(isCertain && { fix: { offset: index, length: mention.length, replacement: suggestion } }),
          data: { documentYear: docYear.year, yearInferredFrom: formatText('en', docYear.how), congressYear: years[n - 1] ?? null },
        })
      }
      return findings
    }
  },
}

/** The up to three Chinese numerals (一 … 十) right before `at`. */
function ordinalBefore(text: string, at: number): string {
  let start = at
  while (start > at - 3 && start > 0 && '一二三四五六七八九十'.includes(text[start - 1]!)) start--
  return text.slice(start, at)
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
