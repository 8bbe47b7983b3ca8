// Kind `congress`: a party congress ordinal that cannot be the one a report of its year
// studies (`学习宣传党的十二大精神` in a 2023 report is `二十大`), nor a plenum of the Central
// Committee it elected (`学习贯彻党的十八届三中全会精神` in 2025 is `二十届`). The year comes from
// the title, else from what the text cites (二十大, 十四五 date it), else from the years it mentions.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { formatChineseOrdinal, ordinalBefore, parseChineseOrdinal } from './shared/chinese-ordinal.js'
import type { EraTerm } from './shared/document-era.js'
import { dateDocument, type Dating } from './shared/document-dating.js'
import { planForm, stalePlanAt } from './shared/five-year-plans.js'
import { lazy, literalAlternation, text, textList, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/** Options of a congress rule. */
export interface CongressOptions {
  /** Year of each congress, in order: `years[0]` is the first (一大, 1921). */
  readonly years: readonly number[]
  /** Words after `N大` that make it the congress being studied now (`精神`, `报告`). */
  readonly after: readonly string[]
  /**
   * Words after `N大` or a plenum that make it the one studied now only after a study verb in
   * its clause (落实党的十二届三中全会部署, 贯彻…决定): alone they may name what a past one did.
   */
  readonly afterStudied: readonly string[]
  /** Terms that date a text from a year on, for texts whose year is not written. */
  readonly eras: readonly EraTerm[]
  /** Words before `N大`, in its clause, that make it studied as current (`学习贯彻`): required when only the era dates the text. */
  readonly studiedAfter: readonly string[]
  /** The year each five-year plan began, 一五 (1953) first: a plan a sentence makes the year's own (`今年是“十三五”规划收官之年`) must cover it. */
  readonly plans: readonly number[]
  /**
   * The year each plenum of a Central Committee was held, 一中 first, by the congress that elected
   * it: a plenum suggested must have been held by the report's year (二十届三中全会 was 2024). Empty:
   * any plenum of the current committee is suggested.
   */
  readonly plenums: readonly { readonly term: number; readonly years: readonly number[] }[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    years: z.array(z.number().int().min(1900).max(2200)).min(1).refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]!), 'must increase'),
    after: textList(),
    afterStudied: textList().default([]),
    eras: z.array(z.strictObject({ term: text(), from: z.number().int().min(1900).max(2200) })).default([]),
    studiedAfter: textList(),
    plans: z.array(z.number().int().min(1900).max(2200)).refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]!), 'must increase').default([]),
    plenums: z
      .array(z.strictObject({ term: z.number().int().min(1), years: z.array(z.number().int().min(1900).max(2200)).min(1).max(9).refine((ys) => ys.every((y, i) => i === 0 || y >= ys[i - 1]!), 'must not decrease') }))
      .default([]),
  })
})

/** Words after `N大报告` that cite what it said: 提出, 指出, 首次 (`十八大报告提出的目标`). */
const citedAfterRe = /^(?:上的)?报告(?:中)?(?:首次)?(?:提出|指出|强调|明确|作出|确立|部署)/

/** After `部署`, `决定`: what a past one laid down, cited (`十八届三中全会决定提出的…`). */
const citedWordAfterRe = /^(?:中)?(?:提出|指出|明确|确立|确定|以来)/

/** The long form of `N大` after its ordinal: `第二十次全国代表大会`. */
const longFormTail = '次全国代表大会'
/** What names the party's congress in the long form; other bodies hold congresses so numbered (中国妇女第十三次全国代表大会). */
const longFormOwnerRe = /(?:中国共产党|中共|党的)$/

/**
 * A plenum of the Central Committee a congress elected, after its ordinal: `届三中全会`, also
 * listed with another (`届二中、三中全会`). Committee N holds its plenums until congress N+1.
 */
const plenumForm = '届(?:[一二三四五六七]中、)*[一二三四五六七]中全会'

/**
 * Other congresses or plenums listed after `N大` before the spirit word they share
 * (`十二大和二十届三中全会精神`, `十九大、十九届历次全会精神`): the same study holds the first.
 */
const listedWithForm = `(?:(?:和|、|以及|及|与)(?:党的)?[一二三四五六七八九十]+(?:大|届(?:[一二三四五六七]中、)*[一二三四五六七]中全会|届历次全会))*`

/** How far before `N大` a study verb is looked for, in UTF-16 code units, within its clause. */
const studyWindow = 16

/** The `congress` kind. Message variables: `{text}`, `{suggestion}`, `{year}`, `{how}`; the era message also `{evidence}`. */
export const congressKind: RuleKind<CongressOptions> = {
  name: 'congress',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const { years, after, afterStudied, eras } = rule.options
    // Only before 精神/报告 (`十二大产业` is no congress), maybe past others listed with it
    // (`十二大和二十届三中全会精神`). The search starts at 大 (or the long form's 次全国代表大会, a
    // plenum's 届, a plan's 五), literals the regex engine skips to quickly; the ordinal is read
    // backwards from there. One scan finds all four.
    const mentionRe = new RegExp(`(?:大|${longFormTail}(?:上的)?|${plenumForm})(?=(${listedWithForm})(${literalAlternation([...after, ...afterStudied])}))|${planForm}`, 'g')
    const onlyStudied = new Set(afterStudied.filter((w) => !after.includes(w)))
    const studiedRe = new RegExp(literalAlternation(rule.options.studiedAfter))
    // Studied after the spirit word too: `对党的十九届三中全会精神学习不够深入`.
    const studiedNextRe = new RegExp(`^(?:${literalAlternation(after)})(?:${literalAlternation(rule.options.studiedAfter)})`)
    const isStudied = (text: string, index: number, end: number) => studiedRe.test(clauseBefore(text, index)) || studiedNextRe.test(text.slice(end, end + 12))
    const mentionsIn = (text: string, dateOnce: () => Dating | undefined): RawFinding[] => {
      const findings: RawFinding[] = []
      mentionRe.lastIndex = 0
      for (let m = mentionRe.exec(text); m; m = mentionRe.exec(text)) {
        if (m[0] === '五') {
          const plan = stalePlanAt(text, m.index, rule.options.plans, dateOnce, rule.messageId)
          if (plan) findings.push(plan)
          continue
        }
        const ordinal = ordinalBefore(text, m.index)
        const isPlenum = m[0][0] === '届'
        const isLongForm = m[0] !== '大' && !isPlenum
        const index = m.index - ordinal.length - (isLongForm ? 1 : 0)
        const end = m.index + m[0].length
        // The short form not after 第 (`第十二大类`); the long form the party's own (`中国共产党第十二次全国代表大会`,
        // not `中国妇女第十三次全国代表大会`); a plenum the Central Committee's, not a local committee's (`省委十一届三中全会`).
        if (ordinal === '' || (isLongForm ? text[index] !== '第' || !longFormOwnerRe.test(text.slice(Math.max(0, index - 5), index)) : text[index - 1] === '第')) continue
        if (isPlenum && text[index - 1] === '委') continue
        const n = parseChineseOrdinal(ordinal)
        if (n === undefined) continue
        // `部署`, `决定` make it studied only with a verb of study before it (落实…部署).
        if (onlyStudied.has(m[2]!) && (!studiedRe.test(clauseBefore(text, index)) || citedWordAfterRe.test(text.slice(end + m[1]!.length + m[2]!.length, end + m[1]!.length + m[2]!.length + 4)))) continue
        // The document is dated only when it mentions a congress.
        const dating = dateOnce()
        if (dating === undefined) continue
        const current = years.filter((y) => y <= dating.year).length
        if (current === 0) continue
        // Listed before others, it shares their study: a list of past ones is history (党的十二大、十三大、十四大报告).
        if (m[1] && !isListCurrent(m[1], current)) continue
        // From a lower bound on, a later congress is possible too, up to the next one to be held.
        // The one before the current is possible in the year a congress is held, or as history;
        // a later report that studies it (学习贯彻党的十九大精神 in 2024) copied last term's text.
        const isStaleStudy = n === current - 1 && !dating.isLowerBound && dating.year > years[current - 1]! && isStudied(text, index, end)
        if (n >= current - 1 && n <= (dating.isLowerBound ? years.length + 1 : current) && !isStaleStudy) continue
        if (n <= years.length && datesHistory(text, index, years[n - 1]!, isPlenum ? (years[n] ?? years[n - 1]! + 5) : years[n - 1]!)) continue
        // A plenum is history unless studied (`党的十八届三中全会精神的指引下`, `审议通过`).
        if (isPlenum && !isStudied(text, index, end)) continue
        // What a past congress's report proposed is cited, not studied as current (`党的十八大报告提出的…目标`).
        if (n < current && citedAfterRe.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)) && !studiedRe.test(clauseBefore(text, index))) continue
        if (dating.isLowerBound && !isStudied(text, index, end)) continue
        const mention = isLongForm ? `第${ordinal}${longFormTail}` : ordinal + (isPlenum ? m[0] : '大')
        // Numerals swapped (十二 for 二十) name the congress meant, when it is one the text can
        // study: past the era's lower bound, any held since. Else the current one is the guess.
        const swapped = swappedOrdinal(ordinal, current, dating.isLowerBound ? years.length : current)
        const meant = isPlenum ? meantPlenum(m[0], swapped, current, dating) : { term: swapped ?? current, form: m[0] }
        if (meant === undefined) continue
        const suggestion = isLongForm ? `第${formatChineseOrdinal(meant.term)}${longFormTail}` : formatChineseOrdinal(meant.term) + (isPlenum ? meant.form : '大')
        const vars = { ...dating.vars, text: mention, suggestion }
        const isCertain = swapped !== undefined && meant.term === swapped && meant.form === m[0]
        findings.push({
          offset: index,
          length: mention.length,
          args: vars,
          ...((dating.isLowerBound || isPlenum) && { messageId: `${rule.messageId}${isPlenum ? '.plenum' : ''}${dating.isLowerBound ? '.era' : ''}` }),
          suggestion,
          ...(isCertain && { fix: { offset: index, length: mention.length, replacement: suggestion } }),
          data: { ...dating.data, congressYear: years[n - 1] ?? null },
        })
      }
      return findings
    }
    const plenums = new Map(rule.options.plenums.map((p) => [p.term, p.years]))
    /**
     * The plenum a report of `dating` studies in place of `form` (`届三中全会`): of the swapped
     * committee or the current one, the same plenum when it had been held by the report's year,
     * else the current committee's latest (a 2023 report: 二十届二中全会, not 二十届三中全会 of 2024).
     * Without the table's years for the committee, its same plenum, unchecked.
     */
    const meantPlenum = (form: string, swapped: number | undefined, current: number, dating: Dating) => {
      const held = (term: number, k: number) => {
        const year = plenums.get(term)?.[k - 1]
        return year !== undefined && (dating.isLowerBound || year <= dating.year)
      }
      const term = swapped ?? (dating.isLowerBound ? years.length : current)
      const listed = plenums.get(term)
      const k = Math.max(...[...form.matchAll(/([一二三四五六七])中/g)].map((p) => parseChineseOrdinal(p[1]!)!))
      if (listed === undefined || held(term, k)) return { term, form }
      if (swapped !== undefined && swapped !== current) return meantPlenum(form, undefined, current, dating)
      for (let j = Math.min(k, listed.length); j >= 1; j--) if (held(term, j)) return { term, form: `届${formatChineseOrdinal(j)}中全会` }
      return undefined
    }
    return (doc) => {
      // The document is dated only when it mentions a congress, a plenum or a plan, and once.
      let dating: Dating | null | undefined
      const dateOnce = () => (dating === undefined ? (dating = dateDocument(doc, eras) ?? null) : dating) ?? undefined
      return mentionsIn(doc.text, dateOnce)
    }
  },
}

/** True when the last of the congresses or plenums listed after a mention (`和二十届三中全会`) is the current one or the one before. */
function isListCurrent(listed: string, current: number): boolean {
  const last = /([一二三四五六七八九十]+)(?:大|届[^和、及与]*)$/.exec(listed)
  const n = last ? parseChineseOrdinal(last[1]!) : undefined
  return n !== undefined && n >= current - 1
}

/** The congress from `from` to `to` whose ordinal has the numerals of `ordinal` in another order (二十 for 十二), if any. */
function swappedOrdinal(ordinal: string, from: number, to: number): number | undefined {
  const numerals = [...ordinal].sort().join('')
  for (let n = from; n <= to; n++) {
    const other = formatChineseOrdinal(n)
    if (other !== ordinal && [...other].sort().join('') === numerals) return n
  }
  return undefined
}

/** The text before `offset` back to the start of its clause, at most {@link studyWindow} units. */
function clauseBefore(text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - studyWindow), offset)
  return window.slice(Math.max(...[...'。；！？\n'].map((c) => window.lastIndexOf(c))) + 1)
}

/** Words that set a sentence in a past time told before it (当时大家学习十四大报告). */
const pastTimeRe = /当时|那时|彼时|当年|那个年代|那个时代|那些年|那一年/
/** How far back in its paragraph a sentence told in the past looks for the year of its time, in UTF-16 code units. */
const pastReach = 300

/**
 * True when the sentence around `offset` dates the congress or plenum, held `from` to `to`
 * (`1982年召开的党的十二大`): history. So does a sentence set in a past time (当时, 那个年代)
 * whose paragraph dated it before (1992年党的十四大…。…那个年代，当时大家学习十四大报告).
 */
function datesHistory(text: string, offset: number, from: number, to: number): boolean {
  const start = Math.max(text.lastIndexOf('。', offset), text.lastIndexOf('\n', offset)) + 1
  const stops = [text.indexOf('。', offset), text.indexOf('\n', offset)].filter((i) => i >= 0)
  const end = stops.length ? Math.min(...stops) : text.length
  if (holdsYearIn(text.slice(start, end), from, to)) return true
  if (!pastTimeRe.test(text.slice(start, end))) return false
  const paragraph = text.lastIndexOf('\n', start - 1) + 1
  return holdsYearIn(text.slice(Math.max(paragraph, start - pastReach), start), from, to)
}

/** True when `passage` names a year from `from` - 1 to `to` + 1. */
function holdsYearIn(passage: string, from: number, to: number): boolean {
  for (const m of passage.matchAll(/(?:19|20)[0-9]{2}/g)) {
    if (Number(m[0]) >= from - 1 && Number(m[0]) <= to + 1) return true
  }
  return false
}
