// Kind `count`: a mask standing for a number, known by the measure word or unit after it
// (`集中学习**次`, `投资**万元`, `x万余条`, `****余平米`, `第*届`, `xxxx年`), reported with the
// whole number and date it is part of (`20XX年`, `2024年X月X日`); or by its shape or its table's
// column, with no unit after it (`X.X`, `| *** |` among figures).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { findMaskRuns, type MaskRun } from './shared/mask-runs.js'
import { isLineBreak, plateProvinces } from './shared/chars.js'
import { wrappedLineStart } from './shared/mask-context.js'
import { documentNumberEnd, documentNumberStart, joinDateParts, maskedIssuerStart } from './shared/number-span.js'
import { lazy, literalAlternation, text, textList, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/** Options of a count rule. */
export interface CountOptions {
  /** Measure words and units that make a mask before them a count (`次`, `万元`, `平米`). */
  readonly units: readonly string[]
  /** Words of approximation allowed between the mask and the unit (`余`, `多`). */
  readonly approximations: readonly string[]
  /** Magnitudes allowed between the mask and the unit (`万`, `亿`). */
  readonly magnitudes: readonly string[]
  /** Words that start with a unit but make the mask a name (`人民` in `××人民政府`, `项目`). */
  readonly exceptions: readonly string[]
  /** Words that make a mask right after them a number, where no unit follows (`星期X`, a weekday left blank). */
  readonly leadWords: readonly string[]
  /** Units of an ordinal only: a mask before them is a number where 第 stands before it (`第X章`), else maybe a name (`XX章`). */
  readonly ordinalUnits: readonly string[]
  /**
   * Measure words that also end names (`处`, `所`): a mask before one is a count only as the
   * object of a verb of counting in its clause, with punctuation or the line's end after
   * (`共排查隐患**处，`), not as a name (`**处处长`, `办公室XX处`).
   */
  readonly nameUnits: readonly string[]
  /** The verbs and words of counting that make a name unit a measure word (`排查`, `新建`, `共`). */
  readonly countVerbs: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    units: textList(),
    approximations: z.array(text()).default(['余', '多', '来', '几']),
    magnitudes: z.array(text()).default(['十', '百', '千', '万', '亿']),
    exceptions: z.array(text()).default([]),
    leadWords: z.array(text()).default([]),
    ordinalUnits: z.array(text()).default([]),
    nameUnits: z.array(text()).default([]),
    countVerbs: z.array(text()).default([]),
  })
})

/** Units of a date, and words of one before a mask: a date left blank (`xxxx年`, `星期X`), worded so (`count.unfilled.date`). */
/** How far before a blank a name unit's verb of counting is looked for, in UTF-16 code units: its clause and the counts listed in it before. */
const countVerbReach = 48

const dateUnits: ReadonlySet<string> = new Set(['年', '月', '日', '星期', '礼拜'])

/** The `count` kind. Message variables: `{text}`, `{unit}`, `{mask}`. */
export const countKind: RuleKind<CountOptions> = {
  name: 'count',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const { units, approximations, magnitudes, exceptions, leadWords, ordinalUnits, nameUnits, countVerbs } = rule.options
    const approx = approximations.length ? `(?:${literalAlternation(approximations)})?` : ''
    const magnitude = magnitudes.length ? `(?:${literalAlternation(magnitudes)})*?` : ''
    // Sticky: tried exactly at the end of each mask run. Longest unit first (`万元` before `万`).
    const notName = exceptions.length ? `(?!${literalAlternation(exceptions)})` : ''
    const tailRe = new RegExp(`${notName}${approx}${magnitude}${approx}(${literalAlternation(units)})`, 'y')
    // Most runs are followed by no unit: one table read turns them away before the regex of a
    // hundred alternatives is tried. Its match opens with an approximation, a magnitude or a
    // unit (the exceptions only look ahead): the table is made from those words, not by
    // parsing the regex (2 ms of a run on one small file).
    const firsts = firstUnitsOfWords([approximations, magnitudes, units])
    const ordinalRe = ordinalUnits.length ? new RegExp(`${notName}(${literalAlternation(ordinalUnits)})`, 'y') : undefined
    const nameUnitRe = nameUnits.length && countVerbs.length ? new RegExp(`(${literalAlternation(nameUnits)})(?=$|[\\r\\n，。、；！？,;])`, 'y') : undefined
    // The verb's clause, maybe carried on by counts of the same units before (`发现错别字3处，标点错误**处`).
    const clause = '[^，。、；：！？,;:\\s]{0,8}'
    const countedBefore = `(?:[0-9０-９零一二两三四五六七八九十百千]+|[*＊xXｘＸ×_＿ \\u3000]+)(?:${literalAlternation(nameUnits)})[，、；,;]`
    const countVerbRe = new RegExp(`(?:${literalAlternation(countVerbs)})${clause}(?:${countedBefore}${clause})*$`)
    /** The unit after a run that only some contexts make one: after 第, or after a verb of counting. */
    const unitInContext = (text: string, run: MaskRun, tail: number): RegExpExecArray | null => {
      if (ordinalRe && text.charCodeAt(run.numberStart - 1) === 0x7b2c /* 第 */) {
        ordinalRe.lastIndex = tail
        const m = ordinalRe.exec(text)
        if (m) return m
      }
      if (!nameUnitRe || run.numberStart !== run.start || isPlaceWord(text.charCodeAt(run.start - 1))) return null
      nameUnitRe.lastIndex = tail
      const m = nameUnitRe.exec(text)
      return m && countVerbRe.test(text.slice(Math.max(0, run.start - countVerbReach), run.start)) ? m : null
    }
    const dateMessageId = `${rule.messageId}.date`
    return (doc) => {
      const findings: RawFinding[] = []
      // The end of the last document number reported: its serial's mask is in it (`〔20××〕×号`).
      let covered = 0
      for (const run of findMaskRuns(doc)) {
        if (run.start < covered) continue
        // A number set off by spaces (`工坊 X 家`) has its unit after one space too.
        // A blank closing a hard-wrapped line has its unit on the next (`完成　　　\n万元`).
        const tail = isSpacedNumber(doc.text, run) ? run.end + 1 : run.kind === 'space' && run.role === 'count' && isLineBreak(doc.text.charCodeAt(run.end)) ? wrappedLineStart(doc.text, run.end) : run.end
        tailRe.lastIndex = tail
        const m = (firsts[doc.text.charCodeAt(tail)] === 1 ? tailRe.exec(doc.text) : null) ?? unitInContext(doc.text, run, tail)
        const mask = doc.text.slice(run.numberStart, run.end)
        // A house's number after its street (`***路**号`) is part of an address, masked as a name is.
        if (m && m[1] === '号' && isStreetEnd(doc.text.charCodeAt(run.start - 1))) continue
        // So is the serial of a certificate (`不动产权第****号`) or a plate (`藏A·*****号`): an identifier, masked or left to copy, never a count.
        if (m && m[1] === '号' && isIdentifierSerial(doc.text, run.numberStart)) continue
        if (m) {
          // A document number's serial takes its year along (`〔2025〕X号`).
          // An ordinal is one blank with its 第 (`第X季度`, `第×批次`), as a year with its digits.
          const offset = m[1] === '号' ? documentNumberStart(doc.text, run.numberStart) : doc.text.charCodeAt(run.numberStart - 1) === 0x7b2c /* 第 */ ? run.numberStart - 1 : run.numberStart
          findings.push({ offset, length: tail - offset + m[0].length, data: { unit: m[1]!, mask } })
          continue
        }
        const numberEnd = documentNumberEnd(doc.text, run.numberStart, run.end)
        if (numberEnd >= 0) {
          const offset = maskedIssuerStart(doc.text, run.numberStart - 1)
          findings.push({ offset, length: numberEnd - offset, data: { unit: '号', mask } })
          covered = numberEnd
          continue
        }
        const lead = leadWords.length > 0 && run.numberStart === run.start && endsLeadNumber(doc.text, run.end) ? leadWords.find((word) => doc.text.startsWith(word, run.start - word.length)) : undefined
        if (lead !== undefined) findings.push({ offset: run.start - lead.length, length: run.end - run.start + lead.length, data: { unit: lead, mask: run.text } })
        // A figure left blank whole, its unit elsewhere (a table's header, the next figure's).
        else if (run.isNumberBlank) findings.push({ offset: run.numberStart, length: run.end - run.numberStart, data: { unit: '', mask } })
      }
      // Each finding written out field by field: spreading one per finding (tens of thousands
      // on the bench corpus) cost most of this rule's own time.
      const joined = joinDateParts(doc.text, findings)
      for (let i = 0; i < joined.length; i++) {
        const { offset, length, data } = joined[i]!
        const unit = String(data!.unit)
        const args = { text: doc.text.slice(offset, offset + length), unit, mask: String(data!.mask) }
        joined[i] = dateUnits.has(unit) && !isNumberOfDays(doc.text, offset, length, unit) ? { offset, length, data, messageId: dateMessageId, args } : { offset, length, data, args }
      }
      return joined
    }
  },
}

/**
 * A blank before 日内 with no month before it counts days, it names no date (`会后＿＿日内`);
 * `3月＿＿日内` is a date.
 */
function isNumberOfDays(text: string, offset: number, length: number, unit: string): boolean {
  if (unit !== '日' || !/^(?:以|之)?内/.test(text.slice(offset + length, offset + length + 2))) return false
  return !/[年月]/.test(text.slice(offset, offset + length)) && !/[年月]/.test(text.charAt(offset - 1))
}

/** A run written as a number between single spaces in Chinese text (`工坊 X 家`, `就业 XX 人`). */
function isSpacedNumber(text: string, run: MaskRun): boolean {
  return text.charCodeAt(run.start - 1) === 0x20 && text.charCodeAt(run.end) === 0x20 && text.charCodeAt(run.start - 2) !== 0x20 && text.charCodeAt(run.end + 1) !== 0x20
}

/**
 * True where a number after a lead word may end: not before a Han character, which would make
 * the mask a name (`上星期XX公司来人`), unless it starts a time of day (`星期X上午`).
 */
function endsLeadNumber(text: string, end: number): boolean {
  const next = text.charCodeAt(end)
  return !(next >= 0x4e00 && next <= 0x9fff) || /^[上下晚早中]/.test(text.charAt(end))
}

/** The last character of a street's name (路, 街, 巷, 弄, 道, 里), before a house's number. */
function isStreetEnd(code: number): boolean {
  return code === 0x8def /* 路 */ || code === 0x8857 /* 街 */ || code === 0x5df7 /* 巷 */ || code === 0x5f04 /* 弄 */ || code === 0x9053 /* 道 */ || code === 0x91cc /* 里 */
}

/** A plate's opening (`藏A·`, `京A`, `新A·7`) before a mask, its province, letter, separator and the characters it keeps. */
const plateOpeningRe = new RegExp(`[${plateProvinces}][A-HJ-NP-Z][·•・ \\-－]?[A-HJ-NP-Z0-9]{0,5}$`)

/**
 * True when the number starting at `numberStart` (before 号) is the serial of an identifier:
 * after 第 that follows a certificate's word (`不动产权第`, `房权证第`, `字第` of 房权证朝字第),
 * or after a licence plate's opening. Only the text just before is read.
 */
function isIdentifierSerial(text: string, numberStart: number): boolean {
  const before = text.charCodeAt(numberStart - 1)
  if (before === 0x7b2c /* 第 */) {
    const word = text.charCodeAt(numberStart - 2)
    return word === 0x6743 /* 权 */ || word === 0x8bc1 /* 证 */ || word === 0x5b57 /* 字 */
  }
  return before < 0x3000 && plateOpeningRe.test(text.slice(Math.max(0, numberStart - 9), numberStart))
}

/**
 * A preposition of place before a mask makes it the place's name (`位于XX处`, `在**所`), and a
 * verb of sending the name of the office a thing goes to (`移交XX处`, `报送**处`, `转XX所`).
 */
function isPlaceWord(code: number): boolean {
  return code === 0x5728 /* 在 */ || code === 0x4e8e /* 于 */ || code === 0x5230 /* 到 */ || code === 0x81f3 /* 至 */ || isSendingVerb(code)
}

/** 交, 送, 报, 转, 向: the last character of a verb of sending or its preposition. */
function isSendingVerb(code: number): boolean {
  return code === 0x4ea4 /* 交 */ || code === 0x9001 /* 送 */ || code === 0x62a5 /* 报 */ || code === 0x8f6c /* 转 */ || code === 0x5411 /* 向 */
}

/** 1 at the first UTF-16 code unit of each word of the lists. */
function firstUnitsOfWords(lists: readonly (readonly string[])[]): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const list of lists) for (const word of list) table[word.charCodeAt(0)] = 1
  return table
}
