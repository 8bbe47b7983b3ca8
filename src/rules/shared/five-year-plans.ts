// Five-year plans stated as the one of a year they do not cover (`今年是“十三五”规划收官之年` in a
// 2025 text, whose plan is 十四五): for typo/congress, which dates the text.
import type { RawFinding } from '../../core/finding.js'
import { localText } from '../../i18n/catalogue.js'
import { formatChineseOrdinal, ordinalBefore, parseChineseOrdinal } from './chinese-ordinal.js'
import type { Dating } from './document-dating.js'

/**
 * The source of a regex for `十三五` where a sentence makes it a year's plan (规划, 收官, 开局,
 * 关键…), from its 五: the caller searches for it with its own mentions, in the same scan, and
 * reads the ordinal backwards. `“十三五”时期`, `“十三五”以来` are periods, left alone.
 */
export const planForm = '五(?=[”’"」]?(?:规划|计划|收官|开局|起步|决胜|攻坚|关键|的))'
/**
 * What states the year the plan is of: 今年是, 本年度是, 2025年是 (也是, 正值), or a year counted
 * from the document's (明年是, 去年是). The last one before the plan, in its sentence.
 */
const yearIsRe = /(?:今年|本年度?|((?:19|20)[0-9]{2})年|(明年|来年|去年|后年|前年))(?:既是|也是|是|为|正值|恰逢)/g
/** The years a word counts from the document's year. */
const relativeYears: Readonly<Record<string, number>> = { 明年: 1, 来年: 1, 去年: -1, 后年: 2, 前年: -2 }
/** How far before the plan the statement of the year is looked for, in UTF-16 code units. */
const cueWindow = 24
/** A plan is drafted in the two years before it starts: `今年是“十五五”规划编制之年` in 2024. */
const draftingYears = 2

/**
 * The plan whose 五 is at `at` ({@link planForm}), when a sentence states it as a year's plan
 * and that year, or the document's (from `dateDoc`), lies outside the plan and its drafting.
 * `firstYears` holds the year each plan began, 一五 first; later plans follow every five years.
 * Offsets in UTF-16 code units.
 */
export function stalePlanAt(text: string, at: number, firstYears: readonly number[], dateDoc: () => Dating | undefined, messageId: string): RawFinding | undefined {
  if (firstYears.length === 0) return undefined
  const startOf = (k: number) => (k <= firstYears.length ? firstYears[k - 1]! : firstYears[firstYears.length - 1]! + 5 * (k - firstYears.length))
  const ordinal = ordinalBefore(text, at)
  const offset = at - ordinal.length
  const k = parseChineseOrdinal(ordinal)
  // Not inside a longer number (一百三十五的) or after 第.
  if (k === undefined || k > firstYears.length + 2 || /[0-9零〇百千万第]/.test(text[offset - 1] ?? '')) return undefined
  const cue = statedYear(text, offset)
  if (cue === undefined) return undefined
  const stated = typeof cue === 'number' ? cue : null
  const shift = typeof cue === 'number' ? 0 : cue.shift
  const dating = stated === null ? dateDoc() : undefined
  if (stated === null && dating === undefined) return undefined
  // A year counted from a lower bound (明年 in a text dated by what it cites) is left alone: the message could not say which.
  if (shift !== 0 && dating!.isLowerBound) return undefined
  const year = stated ?? dating!.year + shift
  const start = startOf(k)
  // The years the text can be from: the one stated, one either side of a guess, any from a lower bound on.
  const [from, to] = stated !== null ? [year, year] : dating!.isLowerBound ? [year, Infinity] : dating!.isGuess ? [year - 1, year + 1] : [year, year]
  if (to >= start - draftingYears && from <= start + 4) return undefined
  let current = 1
  while (startOf(current + 1) <= year) current++
  const suggestion = formatChineseOrdinal(current) + '五'
  const mention = ordinal + '五'
  const vars =
    stated !== null
      ? { year, how: localText('typo.congress.year-stated', { year }) }
      : shift !== 0
        ? { year, how: localText('typo.congress.year-relative', { word: (cue as { word: string }).word, how: dating!.vars.how! }) }
        : dating!.vars
  return {
    offset,
    length: mention.length,
    args: { ...vars, text: mention, suggestion },
    messageId: `${messageId}.plan${stated === null && dating!.isLowerBound ? '.era' : ''}`,
    suggestion,
    data: { ...(stated === null ? dating!.data : { documentYear: year }), ...(shift !== 0 && { statedYear: year }), planYears: [start, start + 4] },
  }
}

/**
 * The year the sentence before `offset` says the plan is of: a number for `2025年是`, a shift from
 * the document's year for `今年是` (0) or `明年是` (1), with its word; undefined when no sentence says so.
 */
function statedYear(text: string, offset: number): number | { shift: number; word: string } | undefined {
  const window = text.slice(Math.max(0, offset - cueWindow), offset)
  const sentence = window.slice(Math.max(...[...'。；！？\n'].map((c) => window.lastIndexOf(c))) + 1)
  let last: RegExpExecArray | undefined
  yearIsRe.lastIndex = 0
  for (let m = yearIsRe.exec(sentence); m; m = yearIsRe.exec(sentence)) last = m
  if (!last) return undefined
  if (last[1] !== undefined) return Number(last[1])
  return last[2] !== undefined ? { shift: relativeYears[last[2]]!, word: last[2] } : { shift: 0, word: '' }
}
