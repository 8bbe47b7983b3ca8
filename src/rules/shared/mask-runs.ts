// Finds the masks and blanks of a Document as documents write them, shared by the count,
// mask and leak kinds (computed once per document): runs of mask symbols in Chinese text, a
// lone symbol where it is certain, masked digits of a number, fields bounded by punctuation,
// empty brackets and spaced blanks.
import type { Document, DocumentFormat } from '../../core/document.js'
import { isHan, isWordChar } from './chars.js'
import { findEmphasisMarkers } from './mask-emphasis.js'
import { isTemplateWording } from './mask-mentions.js'
import { findFormSections, hasSigningPlace, isFormField, isHandSigned, isSigningBlockDate } from './form-sections.js'
import { isInFigureColumn } from './table-columns.js'
import { startsIssuerCode } from './number-span.js'
import { triggerScan } from './trigger-scan.js'
import {
  isFieldBoundary,
  isFootnoteStar,
  isInsideBookTitle,
  isLegendSymbol,
  isLetterSymbolInSeries,
  legendAt,
  type LegendKind,
  isLineEdge,
  isNamePosition,
  isSignature,
  isWrappedBlank,
  lineEdge,
  neighbourAfter,
  neighbourBefore,
  startsLetterTerm,
  startsNameWord,
} from './mask-context.js'

/**
 * How a mask is written: `star` (`*`, U+FF0A), `letter` (`x`, `X`, their full-width forms,
 * U+00D7 `×`), `shape` (U+25CB `○`, U+3007 `〇`, U+25A1 `□`, U+25B3 `△`), `line` (two or more `_` or U+FF3F
 * `＿`, a line to write on), `bracket` (brackets or quotes holding only spaces: `（  ）`,
 * `“　　”`) or `space` (two or more U+3000 IDEOGRAPHIC SPACE inside a line: `共　　人`; or U+00A0
 * NO-BREAK SPACE, which a web page writes as `&nbsp;` where ordinary spaces would collapse:
 * `培训&nbsp;&nbsp;次`, `<u>&nbsp;&nbsp;&nbsp;&nbsp;</u>次`, a blank as Word's HTML export writes it).
 */
export type MaskKind = 'star' | 'letter' | 'shape' | 'line' | 'bracket' | 'space'

/**
 * What a run stands for: `mask`, a word or name taken out (a placeholder, or a count when a
 * unit follows); `count`, only a number, reported when a measure word or unit follows (a
 * lone `*` in `发展*名`, the masked digits of `20XX年`, the spaced blank of `共　　人`).
 */
export type MaskRole = 'mask' | 'count'

/** One mask, [start, end) in UTF-16 code units. */
export interface MaskRun {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: MaskKind
  readonly role: MaskRole
  /** Where the number the mask belongs to starts: `2` of `20XX年`, `二` of `二〇XX年`; else `start`. */
  readonly numberStart: number
  /**
   * A count that is a whole figure left blank, by its shape (`X.X`, `**.*`, a table cell's
   * `3X500`) or by its place (`***` in a column of figures): reported with no unit after it.
   */
  readonly isNumberBlank: boolean
}

/**
 * The runs {@link nextRun} finds, as one regex: the shared pass lists where they can begin
 * from it. One type per alternative in {@link runTypes}: its characters, and the shortest run
 * it takes. {@link kindOf} tells the kinds apart by the first character. Latin letters and `×`
 * make separate runs: a mask is written with one of them, while `x×(1+a%)` is a formula.
 */
export const maskRunSource = '[*\\uFF0A]+|[xX\\uFF58\\uFF38]+|\\u00D7+|[\\u25CB\\u3007\\u25A1\\u25B3]+|[_\\uFF3F]{2,}|[\\u3000\\u00A0]{2,}|[（【(“「][ \\u3000\\u00A0]*[）】)”」]'
const positionsIn = triggerScan.positions(maskRunSource, '', { keep: true })
const runTypes: readonly { readonly chars: string; readonly minLength: number }[] = [
  { chars: '*\uFF0A', minLength: 1 },
  { chars: 'xX\uFF58\uFF38', minLength: 1 },
  { chars: '\u00D7', minLength: 1 },
  { chars: '\u25CB\u3007\u25A1\u25B3', minLength: 1 },
  { chars: '_\uFF3F', minLength: 2 },
  { chars: '\u3000\u00A0', minLength: 2 },
]
/** Per UTF-16 unit, 1 + the index of the run type it makes, or {@link bracketType} for an opening bracket; 0 for none. */
const typeOfUnit = new Uint8Array(0x10000)
const bracketType = runTypes.length + 1
runTypes.forEach(({ chars }, i) => {
  for (const c of chars) typeOfUnit[c.charCodeAt(0)] = i + 1
})
for (const c of '（【(“「') typeOfUnit[c.charCodeAt(0)] = bracketType
/** Per UTF-16 unit: 1 for what may stand inside an empty bracket pair, 2 for what closes one. */
const bracketPartOfUnit = new Uint8Array(0x10000)
for (const c of ' \u3000\u00A0') bracketPartOfUnit[c.charCodeAt(0)] = 1
for (const c of '）】)”」') bracketPartOfUnit[c.charCodeAt(0)] = 2

/**
 * The brackets of a blank, each with the one that closes it: full-width round and square
 * brackets may be empty (`共（）人`), ASCII brackets and quotes must hold a space (`f()`, `“”`).
 */
const blankBrackets: Readonly<Record<string, { readonly close: string; readonly mayBeEmpty: boolean }>> = {
  '（': { close: '）', mayBeEmpty: true },
  '【': { close: '】', mayBeEmpty: true },
  '(': { close: ')', mayBeEmpty: false },
  '“': { close: '”', mayBeEmpty: false },
  '「': { close: '」', mayBeEmpty: false },
}
/** The letters after the point of a decimal blank (`X.X%`). */
const fractionRe = /^[xX\uFF58\uFF38\u00D7]+/
/** The stars after the point of a decimal blank (`**.**亿元`). */
const starFractionRe = /^[*\uFF0A]+/
/** Chinese numerals: `○` among them is a zero typed with the wrong circle (`二○二三年`). */
const numeralBeforeZeroRe = /[〇零一二三四五六七八九十百千万○]/
const digitAfterZeroRe = /[〇零一二三四五六七八九○]/
/** Digits of a year written in Chinese (`二〇` of `二〇XX年`), as UTF-16 units: read before most runs, where a character string per test cost more. */
const chineseDigitUnits: ReadonlySet<number> = new Set(Array.from('〇○零一二三四五六七八九', (c) => c.charCodeAt(0)))
/** Longer runs of squares are a form's boxes, one per digit (`邮政编码□□□□□□`), not a name. */
const maxShapeMask = 4

function kindOf(code: number): MaskKind {
  if (code === 0x2a || code === 0xff0a) return 'star'
  if (code === 0x25cb || code === 0x3007 || code === 0x25a1 || code === 0x25b3) return 'shape'
  if (code === 0x5f || code === 0xff3f) return 'line'
  if (code === 0x3000 || code === 0xa0) return 'space'
  if (code === 0x78 || code === 0x58 || code === 0xff58 || code === 0xff38 || code === 0xd7) return 'letter'
  return 'bracket'
}

/** The masks of `doc` in document order, outside skipped regions and emphasis markers. */
export function findMaskRuns(doc: Document): readonly MaskRun[] {
  return doc.derive('maskRuns', scanMaskRuns)
}

interface Candidate {
  readonly start: number
  readonly end: number
  readonly kind: MaskKind
}

function scanMaskRuns(doc: Document): MaskRun[] {
  const found = findCandidates(doc)
  const gaps = [...findDateGaps(doc, found), ...findCountGaps(doc, found)]
  const candidates = gaps.length === 0 ? found : [...found, ...gaps].sort((a, b) => a.start - b.start)
  // Pair emphasis markers first: the opener of `**300亿元**` touches a digit, and left alone
  // its closer would look like a mask.
  const isMarker = findEmphasisMarkers(doc, candidates)
  const runs: MaskRun[] = []
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!
    if (isMarker[i]) continue
    const open = isMarker[i - 1] ? candidates[i - 1]! : undefined
    const close = isMarker[i + 1] ? candidates[i + 1]! : undefined
    if (open && close && open.end === c.start && close.start === c.end && open.end - open.start === close.end - close.start) {
      const judged = judgeEmphasized(doc, c, open, close)
      if (judged) runs.push({ start: open.start, end: close.end, kind: c.kind, text: doc.text.slice(open.start, close.end), role: judged.role, numberStart: judged.numberStart, isNumberBlank: judged.isNumberBlank === true })
      continue
    }
    const judged = open || close ? judgeBesideMarkers(doc, c, open, close) : judge(doc.text, doc.format, c)
    if (judged) runs.push({ start: c.start, end: c.end, kind: c.kind, text: doc.text.slice(c.start, c.end), role: judged.role, numberStart: judged.numberStart, isNumberBlank: judged.isNumberBlank === true })
  }
  return withFigureCells(doc, withoutFormFields(doc, withoutMentions(doc.text, withoutLegends(doc.text, promoteLoneSymbols(doc.text, runs)))))
}

/**
 * Masks quoted as the template wording a text talks about (`存在“XX单位”“**万元”等模板内容未填写`)
 * are no blanks of its own. After the lone symbols are promoted: a mention still shows the
 * document's habit of masking.
 */
function withoutMentions(text: string, runs: MaskRun[]): MaskRun[] {
  return runs.some((run) => isTemplateWording(text, run.start, run.end)) ? runs.filter((run) => !isTemplateWording(text, run.start, run.end)) : runs
}

/** The symbols that mask a figure in a table's cell (`***`, `XX`, `××`, `○○`). */
const figureMaskKinds: ReadonlySet<MaskKind> = new Set(['star', 'letter', 'shape'])

/**
 * A mask alone in a table's cell, in a column of figures (`| 预算单价（万元） |` … `| *** |`,
 * `| 行政处罚 | XX |` under counts): a figure left blank, a count with no unit written after it.
 * A column of names or words keeps its masks (`| 姓名 |` … `| *** |`).
 */
function withFigureCells(doc: Document, runs: MaskRun[]): MaskRun[] {
  const text = doc.text
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!
    if (run.role !== 'mask' || !figureMaskKinds.has(run.kind) || run.numberStart !== run.start || !isAloneInCell(text, run)) continue
    if (isInFigureColumn(doc, run.start, run.end)) runs[i] = { ...run, role: 'count', isNumberBlank: true }
  }
  return runs
}

/** The kinds of blank a form gives its reader to write on: a line, spaces, empty brackets. */
const fieldKinds: ReadonlySet<MaskKind> = new Set(['line', 'space', 'bracket'])

/**
 * True for a blank left to write on (a line, spaces, empty brackets): room for a value, which
 * hides no name; spaces also align a table's columns (`保障类别　　所在社区`).
 */
export function isFieldKind(kind: MaskKind): boolean {
  return fieldKinds.has(kind)
}

/**
 * The fields of a form for readers to fill, attached (`附件2 参训人员回执`: `姓　　名：　　　`,
 * `填报日期：　　年　　月　　日`) or sent as its own file, are theirs to write on, not the writer's facts left blank; so are
 * the spaces left to sign and date by hand anywhere (`签名：　　　年　　月　　日`, a contract's
 * `代表人：　　　` with `日期：2025年　月　日` under it). A mask of
 * symbols there (`哈尔滨市XX区`), a line to write on after a signing label (`（签字）：＿＿＿`), are
 * still the writer's.
 */
function withoutFormFields(doc: Document, runs: MaskRun[]): MaskRun[] {
  const sections = findFormSections(doc)
  const maySign = hasSigningPlace(doc.text)
  if (sections.length === 0 && !maySign) return runs
  return runs.filter((run) => {
    if (!fieldKinds.has(run.kind)) return true
    if (maySign && run.kind === 'space' && (isHandSigned(doc.text, run.start, run.end) || isSigningBlockDate(doc, run.start))) return false
    return sections.length === 0 || !isFormField(doc, run.start, run.end)
  })
}

/** How far around an emphasized mask its neighbours are read: as far as any test of {@link judge} looks. */
const emphasisReach = 80

/**
 * A mask that is the whole of an emphasis (`经典原著**XX**本`, `| **XX** |`): judged as if the
 * markers were not written, then reported with them, so its unit is found past the closer.
 */
function judgeEmphasized(doc: Document, c: Candidate, open: Candidate, close: Candidate): Judgement | undefined {
  const text = doc.text
  const from = Math.max(0, open.start - emphasisReach)
  const local = text.slice(from, open.start) + text.slice(c.start, c.end) + text.slice(close.end, close.end + emphasisReach)
  const start = open.start - from
  const judged = judge(local, doc.format, { start, end: start + c.end - c.start, kind: c.kind })
  if (!judged) return undefined
  return { role: judged.role, numberStart: judged.numberStart >= start ? open.start : from + judged.numberStart }
}

/**
 * A mask beside an emphasis marker but not wrapped in a pair (`**记录：**＿＿＿`, `**记录：** ×××`,
 * `＿＿＿**（签字）**`): judged as the reader sees it, the touching markers not written.
 */
function judgeBesideMarkers(doc: Document, c: Candidate, open: Candidate | undefined, close: Candidate | undefined): Judgement | undefined {
  const text = doc.text
  const isOpenBeside = open !== undefined && isOnlySpaces(text, open.end, c.start)
  const isCloseBeside = close !== undefined && isOnlySpaces(text, c.end, close.start)
  if (!isOpenBeside && !isCloseBeside) return judge(text, doc.format, c)
  const cut = isOpenBeside ? open!.start : c.start
  const from = Math.max(0, cut - emphasisReach)
  const head = text.slice(from, cut) + (isOpenBeside ? text.slice(open!.end, c.start) : '')
  const tail = isCloseBeside ? text.slice(c.end, close!.start) + text.slice(close!.end, close!.end + emphasisReach) : text.slice(c.end, c.end + emphasisReach)
  const local = head + text.slice(c.start, c.end) + tail
  const start = head.length
  const judged = judge(local, doc.format, { start, end: start + c.end - c.start, kind: c.kind })
  if (!judged) return undefined
  // Digits before a marker are another number's (`**12**X`): the mask's number starts with it.
  return { role: judged.role, numberStart: judged.numberStart >= start || isOpenBeside ? c.start : from + judged.numberStart }
}

/** Only ASCII or ideographic spaces in [start, end), on one line. */
function isOnlySpaces(text: string, start: number, end: number): boolean {
  if (start > end || end - start > 2) return false
  for (let i = start; i < end; i++) if (!isGapSpace(text.charCodeAt(i))) return false
  return true
}

/**
 * A legend's symbols explain a mask, they are none (`注：表中“***”表示数据不公开`); and a table
 * cell holding only the symbol a legend says is withheld data is held back on purpose, as the
 * legend says. A footnote mark's legend (`**表示快报数`, `*、**、***分别表示在10%、5%和1%的水平上显著`)
 * marks the figures the stars end (`| 21*** |`); it leaves a cell holding only the mark
 * without its figure: a blank. Elsewhere the same symbol is still a mask (`***市统计局`).
 */
function withoutLegends(text: string, runs: MaskRun[]): MaskRun[] {
  let legends: Map<string, LegendKind> | undefined
  for (const run of runs) {
    if (run.role !== 'mask') continue
    const kind = legendAt(text, run.start, run.end)
    if (kind !== undefined && legends?.get(run.text) !== 'withheld') (legends ??= new Map()).set(run.text, kind)
  }
  if (!legends) return runs
  return runs.filter((run) => {
    const kind = legends.get(run.text)
    return kind === undefined || !(isLegendSymbol(text, run.start, run.end) || (kind === 'withheld' && isAloneInCell(text, run)) || (kind === 'mark' && isMarkOfFigure(text, run)))
  })
}

/** Stars right after a figure's digits, no unit after them (`| 21*** |`, `1200**，`): a mark set beside it. */
function isMarkOfFigure(text: string, run: MaskRun): boolean {
  return run.kind === 'star' && run.numberStart < run.start && !isHan(text.charCodeAt(run.end))
}

/** Only punctuation, a tab or a line's edge on both sides of the run: a table cell's whole value. */
function isAloneInCell(text: string, run: MaskRun): boolean {
  return isFieldBoundary(neighbourBefore(text, run.start)) && isFieldBoundary(neighbourAfter(text, run.end))
}

/**
 * Where a date is left blank with one space or a few ASCII ones, which elsewhere are no blank:
 * a date's part, the spaces, the part after it (`3月　日`, `2024年  月  日`, `（星期　）`), and
 * the last day of a range after 至 (`4月　日至　日`, `4月10日至　日`).
 * Listed by the shared pass at the pairs that begin them (a part and a space), a few a text.
 */
const dateGapSource = '[年月期拜至到～~][ \\u00A0\\u3000]+[月日号）)]'
const dateGapPositionsIn = triggerScan.positions(dateGapSource, '', { keep: true })
const dateGapRe = new RegExp(dateGapSource, 'g')
/** The part a date's gap may come between: the part before it, and those that may follow. */
const dateGapNext: Readonly<Record<string, RegExp>> = { 年: /^月$/, 月: /^[日号]$/, 期: /^[）)]$/, 拜: /^[）)]$/, 至: /^[日号]$/, 到: /^[日号]$/, '～': /^[日号]$/, '~': /^[日号]$/ }

/** The gaps of blank dates in `doc` that the runs do not hold (a single U+3000, ASCII spaces), as candidates. */
function findDateGaps(doc: Document, runs: readonly Candidate[]): Candidate[] {
  const text = doc.text
  const found: Candidate[] = []
  const tryAt = (part: number) => {
    let end = part + 1
    while (isGapSpace(text.charCodeAt(end))) end++
    if (end === part + 1 || !isDateGap(text, part, end)) return
    if (doc.isSkipped(part + 1, end - part - 1) || runs.some((r) => r.start === part + 1)) return
    found.push({ start: part + 1, end, kind: 'space' })
  }
  const positions = dateGapPositionsIn(doc)
  if (positions) for (const at of positions) tryAt(at)
  else {
    dateGapRe.lastIndex = 0
    // Matches overlap (`年 月 日`: the second begins at the first's 月): go on from the next unit.
    for (let m = dateGapRe.exec(text); m; m = dateGapRe.exec(text)) {
      tryAt(m.index)
      dateGapRe.lastIndex = m.index + 1
    }
  }
  return found
}

/**
 * A number left blank with one space before its measure word or unit, where two are a run
 * already: `集中学习　次`, `经营户 家`, `不少于　次`, a quantity's label and its unit
 * (`实到人数：　人`); or padded with ASCII spaces, as a word processor's user types a blank
 * (`收入达到    万元`, `共发展   名党员`). Listed by the shared pass at the pairs of a space and a
 * unit's first character; a letter-spaced title (`会　议　次　数`), a table's header (`项目　次数`:
 * the unit starts a word) and a plain-text table's columns (`户数   人口`) are no blank.
 */
const countGapSource = '[ \\u3000]{1,2}(?:[次家个名人项件篇份期场批户座条元天台辆套届盏%％]|万|亿)'
const countGapPositionsIn = triggerScan.positions(countGapSource, '', { keep: true })
const countGapRe = new RegExp(countGapSource, 'g')
/** The unit after a count's gap, and what may follow it: no Han character, or one that ends a count's phrase. */
const countGapUnitRe = /^(?:万元|亿元|万人|万|亿|[次家个名人项件篇份期场批户座条元天台辆套届盏%％])(?:$|[^\u4e00-\u9fff]|[的以上左右余多])/
/** Words a unit ends that PDF text splits with a space (`年 份`, `省 份`): no blank between their halves. */
const splitWordRe = /^(?:[年月省股身部成备]份)$/
/** Chinese numerals and magnitudes: a count's number ends in one (`两`, `十`, `万`). */
const numeralBeforeGapRe = /[〇零一二两三四五六七八九十百千万亿几]/
/** The most ASCII spaces a writer pads a blank with; more align a plain-text table. */
const maxPaddedGap = 12
/** A word of a table's cell after the unit, then the next column's gap: the line is a table's (`户数   人口`). */
const cellThenColumnRe = /^[^\s\u3000，。；、,.;：:]{1,6}(?:\t| {2,}|\u3000)/

function findCountGaps(doc: Document, runs: readonly Candidate[]): Candidate[] {
  const text = doc.text
  const found: Candidate[] = []
  // Positions come in order; a gap is tried once, from its first space.
  let tried = 0
  const tryAt = (at: number) => {
    if (at < tried) return
    let start = at
    while (isGapSpace(text.charCodeAt(start - 1))) start--
    let end = at
    while (isGapSpace(text.charCodeAt(end))) end++
    tried = end
    const length = end - start
    const isOneSpace = length === 1 || (length === 2 && text.charCodeAt(start) === 0x20 && text.charCodeAt(start + 1) === 0x20)
    const isGap = isOneSpace ? isOneSpaceGap(text, start, end) : isPaddedGap(text, start, end)
    if (!isGap || splitWordRe.test(text.charAt(start - 1) + text.charAt(end))) return
    // A number written before the space is no blank, only spaced (`一式两 份`, `3万 元`).
    if (numeralBeforeGapRe.test(text.charAt(start - 1))) return
    if (doc.isSkipped(start, length) || runs.some((r) => r.start === start)) return
    found.push({ start, end, kind: 'space' })
  }
  const positions = countGapPositionsIn(doc)
  if (positions) for (const at of positions) tryAt(at)
  else {
    countGapRe.lastIndex = 0
    for (let m = countGapRe.exec(text); m; m = countGapRe.exec(text)) tryAt(m.index)
  }
  return found
}

/** One space between a word or a quantity's label and a unit that ends the count's phrase (`学习　次`, `人数：　人`), or after a total's word. */
function isOneSpaceGap(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1)
  if (before === 0x3001 /* 、 */) return isListedCountGap(text, start, end)
  if (before === 0xff1a /* ： */ || before === 0x3a) return quantityLabelRe.test(text.charAt(start - 2)) && countGapUnitRe.test(text.slice(end, end + 4))
  if (!isHan(before) || isGapSpace(text.charCodeAt(start - 2))) return false
  return countGapUnitRe.test(text.slice(end, end + 4)) || isAfterTotal(text, start, end)
}

/**
 * Three or more ASCII spaces between a word and a unit that ends the count's phrase
 * (`达到    万元，`), or opens its noun in a sentence or after a total's word (`共发展   名党员`),
 * where no other column follows on the line. A unit opening a noun after spaces elsewhere
 * starts a word of a line laid out with spaces (`李明   人事科`, a poem's `往事   人生如梦`).
 */
function isPaddedGap(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) === 0x3001 /* 、 */) return end - start <= maxPaddedGap && isListedCountGap(text, start, end)
  if (end - start < 3 || end - start > maxPaddedGap || !isHan(text.charCodeAt(start - 1)) || isGapSpace(text.charCodeAt(start - 2))) return false
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x20) return false
  if (countGapUnitRe.test(text.slice(end, end + 4))) return true
  if (!unitAfterTotalRe.test(text.slice(end, end + 3)) || cellThenColumnRe.test(text.slice(end, end + 12))) return false
  return totalInClauseRe.test(text.slice(Math.max(0, start - 8), start)) || isOnSentenceLine(text, start)
}

/**
 * A count of a list after its enumeration comma, the count before it a number or a blank with
 * its unit (`共　　户、　　人`, `共12户、　　人`, `（　　）个、　　名`): a unit that ends a count's
 * phrase follows the gap. After a word the comma lists words (`党员、　　群众`).
 */
function isListedCountGap(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start - 1) === 0x3001 && countBeforeCommaRe.test(text.slice(Math.max(0, start - 5), start)) && countGapUnitRe.test(text.slice(end, end + 4))
}

/** A count's number or blank, its magnitude and unit, then `、`: `12户、`, `　　人次、`, `（　）万元、`. */
const countBeforeCommaRe = /[0-9０-９〇零一二两三四五六七八九十百千几 \u00A0\u3000xX×*＊_＿）)][万亿千]?(?:人次|[次家个名人项件篇份期场批户座条元天台辆套届盏%％])、$/

/** A total's word earlier in the clause before a gap (`共发展`, `累计培训`). */
const totalInClauseRe = /(?:^|[^公中])共[^，。；、,;\s]{0,6}$|[共合总累]计[^，。；、,;\s]{0,6}$/
/** How far along its line a sentence's punctuation is looked for around a gap, each way. */
const sentenceReach = 60

/** A sentence's punctuation on the line of the gap at `at`: the gap is in prose, not in a line laid out with spaces. */
function isOnSentenceLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= sentenceReach && !isLineEdge(text.charCodeAt(i)); i--) if (isSentencePunctuation(text.charCodeAt(i))) return true
  for (let i = at; i < text.length && i - at <= sentenceReach && !isLineEdge(text.charCodeAt(i)); i++) if (isSentencePunctuation(text.charCodeAt(i))) return true
  return false
}

/** ，。；！？ and the enumeration comma 、. */
function isSentencePunctuation(code: number): boolean {
  return code === 0xff0c || code === 0x3002 || code === 0xff1b || code === 0xff01 || code === 0xff1f || code === 0x3001
}

/** A total's word right before a gap: 共, 共计, 合计, 总计, 累计 (not 公共, 中共). */
const totalBeforeRe = /(?:^|[^公中])共$|[共合总累]计$/
/** A measure word that may begin a noun after a total's gap (`共 名党员`), not a word of its own (`人员`, `项目`). */
const unitAfterTotalRe = /^(?!人民|人员|人才|人口|人均|个人|个体|个别|项目|名单|名称|名义|次要|条例|条件|场所|期间|批示|家庭|份额|件事|[次家个名人项件篇份期场批户座条台辆套届]数)[次家个名人项件篇份期场批户座条台辆套届]/

/**
 * A gap between a total's word and a measure word that a noun follows: `全街道共 名党员参加`,
 * `共　名`. Elsewhere a unit with Chinese text after it may start a word of its own after a
 * letter-spaced title or a table's header (`项目　次数`); after 共 a number is due.
 */
function isAfterTotal(text: string, start: number, end: number): boolean {
  return totalBeforeRe.test(text.slice(Math.max(0, start - 3), start)) && unitAfterTotalRe.test(text.slice(end, end + 3))
}

/** A gap after the date's part at `part` up to `end`: the right part follows, and a number or 星期 comes before. */
function isDateGap(text: string, part: number, end: number): boolean {
  const unit = text.charAt(part)
  if (!dateGapNext[unit]?.test(text.charAt(end))) return false
  if (unit === '期') return text.charAt(part - 1) === '星'
  if (unit === '拜') return text.charAt(part - 1) === '礼'
  if (unit === '年' || unit === '月') return isAfterNumber(text, part)
  return isRangeAfterDay(text, part)
}

/** A range's word after a day written or left blank (`4月10日至`, `4月　日至`): the gap after it is the range's last day. */
function isRangeAfterDay(text: string, part: number): boolean {
  if (!/[日号]/.test(text.charAt(part - 1))) return false
  const code = text.charCodeAt(part - 2)
  return isDateDigit(code) || code === 0x3000 || code === 0x20
}

/**
 * The date's part at `part` follows a number (`3月`, `十二月`), or a year's gap after one
 * (`2024年  月`): a table's header `年　月　日` has none.
 */
function isAfterNumber(text: string, part: number): boolean {
  if (isDateDigit(text.charCodeAt(part - 1))) return true
  let i = part - 1
  while (i >= 0 && isGapSpace(text.charCodeAt(i))) i--
  return i < part - 1 && text.charAt(i) === '年' && isDateDigit(text.charCodeAt(i - 1))
}

function isDateDigit(code: number): boolean {
  return isDigit(code) || chineseDigitUnits.has(code) || code === 0x5341 /* 十 */
}

/** What may follow a decimal's masked digits: Chinese text (a unit, 个百分点) or a percent sign. */
function isNumberTail(code: number): boolean {
  return isHan(code) || code === 0x25 /* % */ || code === 0xff05 /* ％ */ || code === 0x2030 /* ‰ */
}

/** A cross named as a mark to make (`打×号`, `画×`, `标×`), not a mask: a verb of marking before it and 号 after. */
function isNamedMark(text: string, start: number): boolean {
  return /[打画划标]/.test(text.charAt(start - 1)) && text.charAt(start + 1) === '号'
}

/** A space that may leave a date's part blank: ASCII, no-break, ideographic. */
function isGapSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x3000
}

function findCandidates(doc: Document): Candidate[] {
  const text = doc.text
  const found: Candidate[] = []
  const positions = positionsIn(doc)
  let k = 0
  for (let from = 0; positions ? (k = nextRunAt(text, positions, k, from)) >= 0 : nextRun(text, from); from = foundRun.end) {
    const start = foundRun.start
    let end = foundRun.end
    const kind = kindOf(text.charCodeAt(start))
    // A decimal blank is one run: `增长X.X%`, `xx.x亿元`, `**.**亿元`, `*.*个百分点`.
    if ((kind === 'letter' || kind === 'star') && (text.charCodeAt(end) === 0x2e /* . */ || text.charCodeAt(end) === 0xff0e /* ． */)) {
      const fraction = (kind === 'letter' ? fractionRe : starFractionRe).exec(text.slice(end + 1, end + 9))
      // Stars around a point are also a glob (`*.*`): a number's unit must follow, or Chinese text
      // come before a number of three stars or more (`达*.**`; `删除*.*，` is a glob).
      const digits = fraction ? end - start + fraction[0].length : 0
      const fractionEnd = fraction ? end + 1 + fraction[0].length : end
      // Or a table's cell holds it whole (`| **.* |`).
      const isCell = digits >= 3 && isFieldBoundary(neighbourBefore(text, start)) && isFieldBoundary(neighbourAfter(text, fractionEnd))
      if (fraction && (kind === 'letter' || (digits >= 3 && isHan(text.charCodeAt(start - 1))) || isCell || isNumberTail(text.charCodeAt(fractionEnd)))) end = fractionEnd
    }
    // Masked digits inside a number (`3X500头`, `1X00人次`, `2X,XXX元`): the digits after the mask
    // are the same number's, one run with it. Not `×`, a product's sign (`4×100米`).
    else if (kind === 'letter' && text.charCodeAt(start) !== 0xd7) end = innerNumberEnd(text, start, end)
    foundRun.end = end
    if (!doc.isSkipped(start, end - start)) found.push({ start, end, kind })
  }
  return doc.format === 'markdown' ? withEscapedRuns(doc, found) : found
}

/**
 * The digits of a number after its masked ones: two to four (`X500` of `3X500头`; `3X4型` is a
 * size), or groups of three after commas (`X,XXX` of `2X,XXX元`), ending the number.
 */
const innerDigitsRe = /[0-9]{0,2}(?:,[0-9xX]{3})+(?![0-9A-Za-z])|[0-9]{2,4}(?![0-9A-Za-z.,])/y
/** More digits around the mask than a count has make an identifier (`12X3456789号`). */
const maxDigitsBefore = 3

/**
 * Where the letters at [start, end) end with the digits after them, where they stand inside a
 * number: one to three digits before, not a lone `0` (`0x100` is hexadecimal); else `end`.
 */
function innerNumberEnd(text: string, start: number, end: number): number {
  let digits = 0
  while (digits <= maxDigitsBefore && isAsciiDigit(text.charCodeAt(start - digits - 1))) digits++
  if (digits === 0 || digits > maxDigitsBefore || (digits === 1 && text.charCodeAt(start - 1) === 0x30)) return end
  innerDigitsRe.lastIndex = end
  if (!innerDigitsRe.test(text)) return end
  const after = innerDigitsRe.lastIndex
  // A relay or a size written with a letter for ×: `4X100米`, `8x50米`, `2X300毫米`: one letter, a
  // length unit, and a whole number after it (masked digits leave their zeros: `1X00米`).
  if (end - start === 1 && text.charCodeAt(end) !== 0x30 && lengthUnitRe.test(text.slice(after, after + 2))) return end
  return after
}

/** A unit of length after a number: 米, 厘米, 毫米, 公里, 千米, m, cm, mm, km (not 平方米, 米² is no relay either way). */
const lengthUnitRe = /^(?:米|厘米|毫米|公里|千米|[ckm]?m(?![A-Za-z²³]))/

/** Markdown's escaped symbols: `\_\_\_` shows as `___`, `\*\*` as `**`. One backslashed symbol is a literal. */
const escapedRunRe = /(?:\\[*\uFF0A]){2,}|(?:\\_){2,}/g

/**
 * `found` with Markdown's escaped runs in place of the lone symbols they hold (`撰写书评\_\_\_篇`,
 * `\*\*篇`): a run, backslashes included, of the kind its symbols make.
 */
function withEscapedRuns(doc: Document, found: Candidate[]): Candidate[] {
  const text = doc.text
  if (!text.includes('\\')) return found
  const escaped: Candidate[] = []
  escapedRunRe.lastIndex = 0
  for (let m = escapedRunRe.exec(text); m; m = escapedRunRe.exec(text)) {
    if (!doc.isSkipped(m.index, m[0].length)) escaped.push({ start: m.index, end: m.index + m[0].length, kind: m[0].charAt(1) === '_' ? 'line' : 'star' })
  }
  if (escaped.length === 0) return found
  const kept = found.filter((c) => !escaped.some((e) => c.start < e.end && c.end > e.start))
  return [...kept, ...escaped].sort((a, b) => a.start - b.start)
}

/** The run {@link nextRun} found last, [start, end): one object, not one per run. */
export const foundRun = { start: 0, end: 0 }

/**
 * Finds the first run at or after `from` into {@link foundRun}; false when there is none. A
 * table read per character: V8 scans the alternation of {@link runTypes} slower, and a match
 * array per run (one every 60 characters) cost more than the run (mask runs of the bench
 * corpus: 203 ms to 159 ms).
 */
export function nextRun(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (typeOfUnit[text.charCodeAt(i)] !== 0 && isRunAt(text, i)) return true
  return false
}

/**
 * The same, trying only `positions` (ascending, where the shared pass found a run can begin)
 * from index `k` on: the index of the position of the run found, or -1.
 */
export function nextRunAt(text: string, positions: Int32Array, k: number, from: number): number {
  for (; k < positions.length; k++) if (positions[k]! >= from && isRunAt(text, positions[k]!)) return k
  return -1
}

/** True when a run begins at `i`; it goes to {@link foundRun}. */
function isRunAt(text: string, i: number): boolean {
  const n = text.length
  const type = typeOfUnit[text.charCodeAt(i)]!
  // The shared pass's hashed pairs may list a position no run can begin at.
  if (type === 0) return false
  let end = i + 1
  if (type === bracketType) {
    while (end < n && bracketPartOfUnit[text.charCodeAt(end)] === 1) end++
    if (end === n || bracketPartOfUnit[text.charCodeAt(end)] !== 2) return false
    end++
  } else {
    while (end < n && typeOfUnit[text.charCodeAt(end)] === type) end++
    if (end - i < runTypes[type - 1]!.minLength) return false
  }
  foundRun.start = i
  foundRun.end = end
  return true
}

type Judgement = Pick<MaskRun, 'role' | 'numberStart'> & { readonly isNumberBlank?: boolean }

function judge(text: string, format: DocumentFormat, c: Candidate): Judgement | undefined {
  if (c.kind === 'bracket') return isBlankBracket(text, c) ? judgeBracket(text, c) : undefined
  if (c.kind === 'space') return judgeSpaces(text, format, c)
  const before = text.charCodeAt(c.start - 1)
  const after = text.charCodeAt(c.end)
  // A list item that is only a blank (`4．XXXXXXXXXX。`, `3. ＿＿＿`): its number is the list's.
  if (isAfterListNumber(text, c)) return isHan(after) ? judgeInText(text, c) : judgeInField(text, format, c, true)
  if (isDigit(before) || isDigit(after)) return judgeInNumber(text, c, before, after)
  // A phone's number left as a line after its area code (`0451-＿＿＿＿＿＿＿＿`).
  if (c.kind === 'line' && (before === 0x2d || before === 0xff0d)) {
    const m = areaCodeBeforeRe.exec(text.slice(Math.max(0, c.start - 6), c.start))
    if (m) return { role: 'mask', numberStart: c.start - (m[1] ?? m[2])!.length }
  }
  // All of a phone's number after its area code left as letters (`电话：0951-XXXXXXX`).
  if (c.kind === 'letter' && (before === 0x2d || before === 0xff0d)) {
    const phoneStart = phoneBlankStart(text, c.start, c.end)
    if (phoneStart !== undefined && phoneStart < c.start) return { role: 'mask', numberStart: phoneStart }
  }
  // A note's star after its list number (`3.*号数据为快报数`): the note's mark, not a decimal's digit.
  if (c.kind === 'star' && c.end - c.start === 1 && isFootnoteStar(text, c.start) && isAfterListNumber(text, c, true)) return undefined
  // The decimals of a number whose units are written (`0.XX%`, `提高0.X个百分点`).
  if (isDecimalPoint(before) && isDigit(text.charCodeAt(c.start - 2)) && (c.kind === 'letter' || c.kind === 'star')) return judgeInNumber(text, c, text.charCodeAt(c.start - 2), after)
  if (isWordChar(before) || isWordChar(after)) return undefined
  if (after === 0x2e /* . */ && isWordChar(text.charCodeAt(c.end + 1))) return undefined
  if (isHan(before) || isHan(after)) return judgeInText(text, c)
  return judgeInField(text, format, c)
}

/**
 * A list's number alone before the run on its line (`4．`, `3、`, `3. `, `（2）`). An ASCII point
 * with no space after is a decimal's (`1.XX`) unless more letters follow than decimals have, or
 * the run `isMark`, a note's star (`3.*号`).
 */
const listNumberRe = /^[ \t\u3000]*(?:[0-9０-９]{1,2}(?:[．、]|\.[ \t\u3000]+|(\.))|[（(][0-9０-９]{1,2}[）)][ \t\u3000]*)$/
/** What a list's number ends with, right before the run: its point or bracket, or a space. */
const listPointUnits: ReadonlySet<number> = new Set(Array.from('．、. \t\u3000）)', (c) => c.charCodeAt(0)))
/** How far back a list's number is looked for. */
const listNumberReach = 8

function isAfterListNumber(text: string, c: Candidate, isMark = false): boolean {
  if (!listPointUnits.has(text.charCodeAt(c.start - 1))) return false
  let i = c.start
  while (i > 0 && c.start - i < listNumberReach && !isLineEdge(text.charCodeAt(i - 1))) i--
  if (i > 0 && !isLineEdge(text.charCodeAt(i - 1))) return false
  const m = listNumberRe.exec(text.slice(i, c.start))
  return m !== null && (m[1] === undefined || isMark || c.end - c.start >= 4)
}

/**
 * A decimal's digits all masked (`X.X`, `**.*`): a figure whatever follows it, even where its
 * unit is another's (`增速低于平均水平X.X和X.X个百分点`) or a table's header's (`| X.X |`). Stars
 * three at least: `*.*` is as often a glob (`删除*.*文件`). Not a run of a dotted sequence of
 * three groups or more (`***.***.**.**`, an IP address masked; `1.*.*`, a version): a decimal has
 * one point.
 */
function isDecimalBlank(text: string, c: Candidate): boolean {
  if (c.kind !== 'letter' && (c.kind !== 'star' || c.end - c.start < 4)) return false
  for (let i = c.start + 1; i < c.end - 1; i++) if (isDecimalPoint(text.charCodeAt(i))) return !isInDottedSequence(text, c)
  return false
}

/** Digits and mask symbols of a dotted sequence's groups. */
const dottedGroupRe = /[0-9０-９*＊×xXｘＸ]/

/** True when a point joins the run to one more group of digits or masks, before or after it (`***.***` of `***.***.**.**`). */
function isInDottedSequence(text: string, c: Candidate): boolean {
  const after = isDecimalPoint(text.charCodeAt(c.end)) && dottedGroupRe.test(text.charAt(c.end + 1))
  const before = isDecimalPoint(text.charCodeAt(c.start - 1)) && dottedGroupRe.test(text.charAt(c.start - 2))
  return after || before
}

/** `.` and U+FF0E FULLWIDTH FULL STOP, a decimal point as full-width text writes it. */
function isDecimalPoint(code: number): boolean {
  return code === 0x2e || code === 0xff0e
}

/**
 * Masked digits of a number: `20XX年`, `1X万人次`, `20**年`. Digits on both sides are
 * arithmetic (`3*4`, `1920×1080`, `7*24小时`), a mask before digits is a model (`x86`), and a
 * letter before the number a code (`GB2X`). One `×` after digits is a product's sign (`2×`), two
 * are digits (`20××年`). Reported only with its unit, by the count kind.
 */
function judgeInNumber(text: string, c: Candidate, before: number, after: number): Judgement | undefined {
  if (!isDigit(before) || isDigit(after) || isWordChar(after) || (text.charCodeAt(c.start) === 0xd7 && c.end - c.start < 2) || c.kind === 'shape' || c.kind === 'line') return undefined
  let numberStart = c.start
  while (numberStart > 0 && (isDigit(text.charCodeAt(numberStart - 1)) || isDecimalPoint(text.charCodeAt(numberStart - 1)))) {
    // A year has no decimals: the point before one closes a list's number (`6．202X年`).
    if (isDecimalPoint(text.charCodeAt(numberStart - 1)) && isYearAt(text, numberStart, c.end)) break
    numberStart--
  }
  if (isWordChar(text.charCodeAt(numberStart - 1))) return undefined
  // A formula's term (`y＝0.86x＋12.4`), in full-width signs as in ASCII ones.
  if (isMathSign(neighbourBefore(text, numberStart)) || isMathSign(neighbourAfter(text, c.end))) return undefined
  // Alone between punctuation, a number with masked digits (`〔20XX〕`) is a blank of its own; a
  // star there is a footnote mark (`| 12.5* |`).
  const isAlone = isFieldBoundary(neighbourBefore(text, numberStart)) && isFieldBoundary(neighbourAfter(text, c.end))
  // A phone number's digits left as letters after its label (`电话：0513-86XXXXXX`): a blank.
  const phoneStart = c.kind === 'letter' ? phoneBlankStart(text, numberStart, c.end) : undefined
  if (phoneStart !== undefined) return { role: 'mask', numberStart: phoneStart }
  // Stars after a decimal's written digits mark the figure, as one star marks a note (`12.5*`):
  // a regression's significance (`| 0.152*** |`, `-0.045**`). A figure's masked digits stand
  // before its point or in its place (`1X.X`, `**.*`, `21***`); a unit after them is a count's.
  if (c.kind === 'star' && c.end - c.start <= maxMarkStars && !isHan(after) && hasWrittenDecimals(text, numberStart, c.start)) return undefined
  // Alone in a table's cell, it is a figure left blank (`| 1X.X |`, `| 2X,XXX |`), and so is one
  // with its last digits starred (`| 21*** |`), not one star's footnote (`| 12.5* |`) nor the
  // check letter after an identifier's digits (`51010720000105442X`).
  const isFigure = c.start - numberStart <= maxFigureDigitsBefore && (c.kind === 'letter' || c.end - c.start >= 2)
  if (isAlone && isFigure && isCellEdge(neighbourBefore(text, numberStart)) && isCellEdge(neighbourAfter(text, c.end))) return { role: 'count', numberStart, isNumberBlank: true }
  return { role: isAlone && c.kind === 'letter' ? 'mask' : 'count', numberStart }
}

/** How many digits and points a figure left partly blank may show before its mask (`1,28X`, `21***`). */
const maxFigureDigitsBefore = 5

/** The most stars that mark a figure: `***` for the 1% level of significance. */
const maxMarkStars = 3

/** A decimal point with a written digit after it in [numberStart, end): `0.152` of `0.152***`. */
function hasWrittenDecimals(text: string, numberStart: number, end: number): boolean {
  for (let i = numberStart; i < end - 1; i++) if (isDecimalPoint(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) return true
  return false
}

/** A table cell's edge: a pipe, a tab or the line's. */
function isCellEdge(code: number): boolean {
  return code === 0x7c || code === 0x09 || isLineEdge(code)
}

/** `=`, `+`, `<`, `>` and their full-width forms (U+FF1D, U+FF0B, U+FF1C, U+FF1E), `≈`, `≤`, `≥`. */
function isMathSign(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x3c || code === 0x3e || code === 0xff1d || code === 0xff0b || code === 0xff1c || code === 0xff1e || code === 0x2248 || code === 0x2264 || code === 0x2265
}

/** Four digits and letters before 年: a year (`202X年`), which a point before does not make a decimal. */
function isYearAt(text: string, start: number, end: number): boolean {
  return end - start === 4 && text.charCodeAt(end) === 0x5e74 /* 年 */
}

/** A phone's label and area code before its number: 电话：0513-, 手机：, 传真 0951- . */
const phoneLabelBeforeRe = /(?:电话|手机|传真|热线|联系方式|座机|Tel|TEL|tel)[ \t\u3000]*[：:]?[ \t\u3000]*(0[0-9]{2,3}[-－]?|[0xX×][0-9xX×]{2,3}[-－])?$/
/**
 * A landline's area code and its hyphen, no digit before (`0593-` of `0593-28XXXXX` in a table's
 * cell), or one left blank after its 0, no word before (`0XXX-` of `0XXX-XXXXXXX`).
 */
const areaCodeBeforeRe = /(?:^|[^0-9０-９\-－])(0[0-9]{2,3}[-－])$|(?:^|[^0-9０-９A-Za-z\-－])(0[0-9xX×]{2,3}[-－])$/

/**
 * Where a phone number left partly blank starts (`0513-86XXXXXX` after `电话：`, `0593-28XXXXX`),
 * or undefined: its label or an area code with its hyphen right before, and as many digits and
 * letters as a phone has (7 to 11 after a label; 6 to 8 after an area code, as a landline's
 * local number, where a writer's blank may fall one short: `0593-28××××`).
 */
function phoneBlankStart(text: string, numberStart: number, end: number): number | undefined {
  const before = text.slice(Math.max(0, numberStart - 16), numberStart)
  const m = phoneLabelBeforeRe.exec(before) ?? areaCodeBeforeRe.exec(before)
  if (!m) return undefined
  const areaCode = m[1] ?? m[2]
  let stop = end
  while (stop < text.length && /[xX×]/.test(text.charAt(stop))) stop++
  const length = stop - numberStart
  const isLandline = areaCode !== undefined && /[-－]$/.test(areaCode)
  return length >= (isLandline ? 6 : 7) && length <= (isLandline ? 8 : 11) ? numberStart - (areaCode?.length ?? 0) : undefined
}

/**
 * A run touching Chinese text: `发展*名`, `“**国调`, `xxxx年`. Two or more symbols are a mask;
 * one is a mask where it is certain (before a unit's name, inside `《》`), else a number
 * when a unit follows, or a mask promoted by the document's own habit of masking.
 */
function judgeInText(text: string, c: Candidate): Judgement | undefined {
  if (c.kind === 'shape' && !isShapeMask(text, c.start, c.end)) return undefined
  // A note's star (`带*号的为必填项`) and a mark named (`打×号`, `画×号`) stand for no number either.
  if (c.end - c.start === 1 && ((c.kind === 'star' && isFootnoteStar(text, c.start)) || (c.kind === 'letter' && isNamedMark(text, c.start)))) return undefined
  // A science's letter symbols in series (`性染色体组成为XX，男性为XY`) are notation.
  if (c.kind === 'letter' && isLetterSymbolInSeries(text, c.start, c.end)) return undefined
  const numberStart = chineseYearStart(text, c.start)
  if (isDecimalBlank(text, c)) return { role: 'count', numberStart, isNumberBlank: true }
  if (c.end - c.start >= 2 || isCertainLoneMask(text, c)) return { role: 'mask', numberStart }
  return { role: 'count', numberStart }
}

/** A lone symbol before a unit's name (`*县财政局`) or inside a title (`《关于*项目的通知》`). */
function isCertainLoneMask(text: string, c: Candidate): boolean {
  if (c.kind === 'star' && isFootnoteStar(text, c.start)) return false
  if (c.kind === 'letter' && startsLetterTerm(text, c.end)) return false
  // Or the number of an ordinal before the thing it numbers (`第X巡察组`, `第×党支部`): a unit
  // after it makes it a count all the same (`第X次`).
  if (text.charCodeAt(c.start - 1) === 0x7b2c /* 第 */ && isHan(text.charCodeAt(c.end))) return true
  // Or before the rest of a document number's issuing code (`X财教〔2024〕18号`): the office's name.
  return startsNameWord(text, c.end) || (isHan(text.charCodeAt(c.end)) && (isInsideBookTitle(text, c.start, c.end) || startsIssuerCode(text, c.end)))
}

/** The start of a year written in Chinese digits before a mask (`二〇` of `二〇XX年`). */
function chineseYearStart(text: string, start: number): number {
  let i = start
  while (i > 0 && start - i < 4 && chineseDigitUnits.has(text.charCodeAt(i - 1))) i--
  return start - i >= 2 ? i : start
}

/**
 * A run bounded only by punctuation, a table cell's or a line's edge, or spaces before Chinese
 * text: `负责人：×××，男`, `（签字）：______`, `XXX：` as a speaker, `| *** |`. A line holding
 * only stars or underscores is a divider in text and Markdown, not in Word or a web page.
 */
function judgeInField(text: string, format: DocumentFormat, c: Candidate, isListItem = false): Judgement | undefined {
  const length = c.end - c.start
  if (isSpacedLoneLetter(text, c)) return { role: 'count', numberStart: c.start }
  if (isPercentInField(text, c)) return { role: 'count', numberStart: c.start }
  if (length < 2 || (c.kind === 'shape' && length > maxShapeMask)) return undefined
  const before = isListItem ? lineEdge : neighbourBefore(text, c.start)
  const after = neighbourAfter(text, c.end)
  // A sum's line after its currency sign (`（小写：¥______）`) is a field too.
  const isAfterCurrency = c.kind === 'line' && (before === 0xa5 || before === 0xffe5)
  if (!(isHan(before) || isFieldBoundary(before) || isAfterCurrency) || !(isHan(after) || isFieldBoundary(after))) return undefined
  const isDivider = !isListItem && (c.kind === 'star' || c.kind === 'line') && before === lineEdge && after === lineEdge
  if (isDivider && (format === 'text' || format === 'markdown')) return undefined
  if (isDecimalBlank(text, c)) return { role: 'count', numberStart: c.start, isNumberBlank: true }
  return { role: 'mask', numberStart: c.start }
}

/**
 * A percentage left blank as a field's whole value: a table cell holding `XX%` (`| 100% | XX% |`),
 * a count whose unit is the sign. One symbol only when a letter: `| *% |` is no number's habit.
 */
function isPercentInField(text: string, c: Candidate): boolean {
  const sign = text.charCodeAt(c.end)
  if (sign !== 0x25 && sign !== 0xff05) return false
  if (c.kind === 'shape' || c.kind === 'bracket' || (c.end - c.start < 2 && c.kind !== 'letter')) return false
  // Or set off from the Chinese before it by one space, as a number is (`达标率 XX%`).
  if (text.charCodeAt(c.start - 1) === 0x20 && isHan(text.charCodeAt(c.start - 2)) && text.charCodeAt(c.start) !== 0xd7) return true
  return isFieldBoundary(neighbourBefore(text, c.start)) && isFieldBoundary(neighbourAfter(text, c.end + 1))
}

/**
 * One letter set off by single spaces in Chinese text, the way a number is (`建成工坊 X 家`,
 * as `建成工坊 12 家`): a count, reported only when a unit follows. Not a letter naming a term
 * (`X 光`) nor one in a Latin phrase (`iPhone X 手机`, which has no Han before the space).
 */
function isSpacedLoneLetter(text: string, c: Candidate): boolean {
  return (
    c.kind === 'letter' &&
    c.end - c.start === 1 &&
    text.charCodeAt(c.start) !== 0xd7 &&
    text.charCodeAt(c.start - 1) === 0x20 &&
    isHan(text.charCodeAt(c.start - 2)) &&
    text.charCodeAt(c.end) === 0x20 &&
    isHan(text.charCodeAt(c.end + 1)) &&
    !startsLetterTerm(text, c.end + 1)
  )
}

/** The bracket pair matches, and holds a space where an empty pair means something else. */
function isBlankBracket(text: string, c: Candidate): boolean {
  const bracket = blankBrackets[text.charAt(c.start)]
  return bracket !== undefined && text.charAt(c.end - 1) === bracket.close && (bracket.mayBeEmpty || c.end - c.start > 2)
}

/**
 * Brackets or quotes holding only spaces: `共（  ）人`, `（    ）年度`, `“　　”`, `【  】`. A
 * call's brackets (`f（）`, `print( )`) touch a word.
 */
function judgeBracket(text: string, c: Candidate): Judgement | undefined {
  if (isWordChar(text.charCodeAt(c.start - 1)) || isWordChar(text.charCodeAt(c.end))) return undefined
  if (isQuotedPair(text, c)) return undefined
  return { role: 'mask', numberStart: c.start }
}

/** Each opening quote with the one that closes it. */
const quotePairs: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'" }

/**
 * An empty bracket pair that is the whole of a quotation names the punctuation mark, it leaves
 * nothing blank (`不用“（）”或“[]”`, as `“〔〕”` beside it): a style guide's words.
 */
function isQuotedPair(text: string, c: Candidate): boolean {
  if (c.end - c.start !== 2) return false
  const close = quotePairs[text.charAt(c.start - 1)]
  return close !== undefined && text.charAt(c.end) === close
}

/**
 * Two or more U+3000 inside a line: after a label (`姓名：　　　　`) a field to fill; between
 * Chinese text a number's blank when a unit follows (`共　　人`). At a line's start they are
 * the first-line indent, and around one character the letter spacing of a title or a label
 * (`单　　位：`, `目　　录`), except after a date's part (`2024年　　月　　日`) or a word that
 * announces a number (`共　　家`). A Latin word before them is a word too (`EBITDA为　　亿元`).
 * Not blanks: the spaces of a signature (`人民陪审员　　张桂芝`); blanks after all: those opening
 * a line of hard-wrapped plain text mid-sentence (`完成投资\n　　万元。`).
 */
function judgeSpaces(text: string, format: DocumentFormat, c: Candidate): Judgement | undefined {
  const before = c.start > 0 ? text.charCodeAt(c.start - 1) : lineEdge
  if (isLineEdge(before)) {
    if (format === 'text' && isWrappedBlank(text, c)) return { role: 'count', numberStart: c.start }
    // A date at the line's start, its year left blank (`　　年　　月　　日`): the spaces before 年 are
    // the year's, not the indent; a right-aligned date's last ones (`　　　…　　年　　月　　日`).
    if (lineStartDateRe.test(text.slice(c.end, c.end + 16))) return { role: 'count', numberStart: c.end - c.start > maxYearBlank ? c.end - 2 : c.start }
    return undefined
  }
  if (before === 0x09 || before === 0x20) return undefined
  // After a label: a field; after a quantity's label, a count when a unit follows
  // (`党员总数：　　名`), where other labels only align their value (`报告人：　　张三`).
  if (before === 0xff1a /* ： */ || before === 0x3a) {
    if (isFieldEnd(text, c.end)) return { role: 'mask', numberStart: c.start }
    // A date's year left blank after its label (`填报日期：　　年　　月　　日`), a part of the date; or
    // its month, the year not written (`住宿时间：　　月　　日至　　月　　日`).
    if (quantityLabelRe.test(text.charAt(c.start - 2)) || blankDateRe.test(text.slice(c.end, c.end + 8))) return { role: 'count', numberStart: c.start }
    return undefined
  }
  // A weekday left blank: `（星期　）`, `（星期  ）`.
  if ((before === 0x671f /* 期 */ || before === 0x62dc /* 拜 */) && isWeekdayEnd(text.charCodeAt(c.end))) return { role: 'count', numberStart: c.start }
  const after = text.charCodeAt(c.end)
  // Hard-wrapped plain text whose line broke after the blank (`预算支出完成　　　\n万元`).
  if (format === 'text' && isHan(before) && isWrappedBlank(text, c)) return { role: 'count', numberStart: c.start }
  if (!(isHan(after) || after === 0x25 || after === 0xff05)) return undefined
  if (isListedCountGap(text, c.start, c.end)) return { role: 'count', numberStart: c.start }
  // Between a field's value and the next field's label the gap separates fields (`格式：docx　　页数：6页`,
  // `单位：统计局　　人数：12人`); a unit's colon opens no field (`完成投资　　万元：其中`).
  if (startsFieldLabel(text, c.end) && !startsUnitLabel(text, c.end) && isAfterFieldValue(text, c.start) && !numberLeadRe.test(text.charAt(c.start - 1))) return undefined
  const beforeWord = text.charCodeAt(c.start - 2)
  // After a Latin word as after a Chinese one (`EBITDA为　　亿元`, `EBITDA　　亿元`); a letter alone
  // before the spaces is spaced out like a title's.
  if (isAsciiLetter(before) && isAsciiLetter(beforeWord)) return { role: 'count', numberStart: c.start }
  if (!isHan(before)) return undefined
  if (!isHan(beforeWord) && !isWordChar(beforeWord) && !isDatePart(before) && !numberLeadRe.test(text.charAt(c.start - 1))) return undefined
  if (isSignature(text, c) || isColumnGap(text, c.end)) return undefined
  return { role: 'count', numberStart: c.start }
}

/**
 * A table laid out with spaces: a unit's cell, another wide gap, then a figure
 * (`地区生产总值　　　　亿元　　　62.35`) or a dash that says there is none (`亿元　　　—　　　3.1`,
 * a value of the table, as `-` or `/` is). The spaces before the unit align columns; a count's
 * blank is followed by its phrase, not by a column of figures.
 */
const columnAfterUnitRe = /^[^\s　]{1,4}(?:	|[ 　]{2,})[ 　]*(?:[-－—+＋]?[\d０-９.．]|(?:[-－—–―─/／]{1,2}|…{1,2})(?:$|[\t\r\n]|[ 　]{2,}))/

function isColumnGap(text: string, end: number): boolean {
  return columnAfterUnitRe.test(text.slice(end, end + 16))
}

/**
 * A whole date after spaces that open its line, no year written (`年　　月　　日`, `年 3月 日至`): the
 * date ends the line or its clause. A table's header goes on to its next column (`年　月　日　摘要`).
 */
const lineStartDateRe = /^年[ \u3000\d０-９]{0,4}月[ \u3000\d０-９]{0,3}[日号][ \t\u3000]*(?:$|[\r\n，。；、）)至到—-])/
/** The most spaces read as a year's blank at a line's start, all of them; more right-align the date, and its last two are the year's. */
const maxYearBlank = 4
/** A year's unit, then its month written or left blank (or a month's, then its day): the spaces before are the year's (the month's) blank. */
const blankDateRe = /^(?:年[ \u3000\d０-９]{0,4}月|月[ \u3000\d０-９]{0,3}[日号])/
/** The last character of a label that names a quantity: `人数：`, `数量：`, `金额：`, `面积：`. */
const quantityLabelRe = /[数量额率积]/
/** Words that announce a number: a blank after one is a count even where a cell begins (`共　　家`). */
const numberLeadRe = /[共约计达近超逾第]/
/** Labels are short, maybe letter-spaced: `性别：`, `性　　别：` after a field (`姓名：　　　　性别：`). */
const nextLabelRe = /[\u4e00-\u9fff][\u4e00-\u9fff\u3000 ]{0,7}[：:]/y

/** A field's label of two characters or more, maybe letter-spaced, and its colon: `页数：`, `人　数：`. */
const fieldLabelRe = /[\u4e00-\u9fff][\u3000 ]*[\u4e00-\u9fff][\u4e00-\u9fff\u3000 ]{0,6}[：:]/y

/**
 * A unit of money or a counted thing with a magnitude before its colon (`万元：`, `亿元：`,
 * `万人：`): the blank's own unit, whose colon opens its breakdown (`自筹　　万元：其中…`), no label.
 */
const unitLabelRe = /[万亿千百]?[元人户吨亩][：:]/y

function startsUnitLabel(text: string, at: number): boolean {
  unitLabelRe.lastIndex = at
  return unitLabelRe.test(text)
}

function startsFieldLabel(text: string, at: number): boolean {
  fieldLabelRe.lastIndex = at
  return fieldLabelRe.test(text)
}

/** How far back a field's label is looked for before a gap: a label and a short value. */
const fieldValueReach = 40

/** A label's colon before `at` in the same field: no clause's punctuation, tab or ideographic space between. */
function isAfterFieldValue(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= fieldValueReach; i--) {
    const code = text.charCodeAt(i)
    if (code === 0xff1a /* ： */ || code === 0x3a) return true
    if (code === 0x3000 || code === 0x09 || isLineEdge(code) || code === 0x3002 /* 。 */ || code === 0xff0c /* ， */ || code === 0xff1b /* ； */) return false
  }
  return false
}

/**
 * A spaced field ends the line, meets punctuation or the next label; spaces before a value
 * (`报告人：　　张三`) only align it.
 */
function isFieldEnd(text: string, end: number): boolean {
  const after = text.charCodeAt(end)
  if (isNaN(after) || isFieldBoundary(after)) return true
  nextLabelRe.lastIndex = end
  return nextLabelRe.test(text)
}

/**
 * A circle or square stands for something when two to four are written (`○○县`, `□□镇`), or
 * one right after Chinese text (`共有□家`); one alone is a bullet or a check box (`□是 □否`),
 * more are a form's digit boxes. Circles among Chinese numerals are zeros (`二○○八年`), and
 * so is U+3007 `〇` alone, the numeral itself: a mask only two or more (`〇〇村`). Two circles
 * before 后 name a generation (`〇〇后青年`, as `00后`), not a blank.
 */
function isShapeMask(text: string, start: number, end: number): boolean {
  if (numeralBeforeZeroRe.test(text.charAt(start - 1)) || digitAfterZeroRe.test(text.charAt(end))) return false
  const length = end - start
  if (length === 2 && generationAfterRe.test(text.slice(end, end + 2)) && isZeroCircle(text.charCodeAt(start))) return false
  return length <= maxShapeMask && (length >= 2 || (isHan(text.charCodeAt(start - 1)) && text.charCodeAt(start) !== 0x3007))
}

/** 后 of a generation (`〇〇后`, `○○后的`), not a word it starts (`后勤`, `后续`, `后期`, `后备`). */
const generationAfterRe = /^后(?![勤续期备台方面者来果院门卫援盾])/

/** U+25CB `○` and U+3007 `〇`, the circles written for zero. */
function isZeroCircle(code: number): boolean {
  return code === 0x25cb || code === 0x3007
}

/**
 * A document that masks a name with a symbol masks others with the same symbol: there a lone
 * one in a name's place is a mask too (`在*区率先`, `“*城经验”`), unless it marks a note. A
 * lone Latin letter is left to the certain contexts: between Chinese words it is as often a
 * formula's variable (`其中x为解释变量`).
 */
function promoteLoneSymbols(text: string, runs: MaskRun[]): MaskRun[] {
  const habits = new Set<string>()
  for (const run of runs) {
    // A decimal blank (`X.X%`) is a number's habit, not a name's.
    if (run.role === 'mask' && (run.kind === 'star' || run.kind === 'letter' || run.kind === 'shape') && !run.text.includes('.')) habits.add(run.text.charAt(0))
  }
  if (habits.size === 0) return runs
  return runs.map((run) => {
    if (run.role !== 'count' || run.end - run.start !== 1 || run.numberStart !== run.start || !habits.has(run.text) || isLatinLetter(run.text)) return run
    if (!isNamePosition(text, run.start, run.end)) return run
    if ((run.kind === 'star' && isFootnoteStar(text, run.start)) || (run.kind === 'letter' && startsLetterTerm(text, run.end))) return run
    return { ...run, role: 'mask' }
  })
}

/** What may close a blank weekday: a closing bracket. */
function isWeekdayEnd(code: number): boolean {
  return code === 0xff09 /* ） */ || code === 0x29
}

/** 年 and 月 end a date's part: the blank after them is the next part's (`　　年　　月　　日`). */
function isDatePart(code: number): boolean {
  return code === 0x5e74 || code === 0x6708
}

/** ASCII letters only. */
function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

function isLatinLetter(s: string): boolean {
  return /^[xX\uFF58\uFF38]$/.test(s)
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** ASCII and full-width digits (U+FF10–U+FF19). */
function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
}
