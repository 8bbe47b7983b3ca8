// What stands around a mask and tells what it is: the words that end a unit's name, the
// signs of a footnote star, the punctuation that bounds a form's field, a title's brackets.
import { isHan, isLineBreak } from './chars.js'
import { surnameLength } from '../../nlp/person-names.js'

/**
 * Administrative suffixes and organ words: they end the name of a place or a unit, so a mask
 * right before one stands for that name, however short (`*县财政局`, `x市统计局`, `*镇财政所`).
 * Tested at the mask's end; longer words share a first character with shorter ones and need
 * no order.
 */
const nameWordRe = /(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区|嘎查|苏木|局|委|办|厅|院|所|队|中心|公司|处|科|站|部|室|集团|银行|学校|医院|大学|中学|小学|党委|党组|支部|总支|政府|协会|学会)/y

/** True when a unit's name ends right at `at` (`市` in `*市统计局`). */
export function startsNameWord(text: string, at: number): boolean {
  nameWordRe.lastIndex = at
  return nameWordRe.test(text)
}

/**
 * Measure words and units a number's blank stands before (`温室XX栋`, `投资***亿元`, `XX年`): a
 * mask there stands for a number, not a name. The count rule's list is longer; this one tells
 * a number's blank from a name's mask where no unit's name follows. `人` only alone: `××人民医院`.
 */
const measureWordRe = /(?:人(?!民)|[次个名位户项家件条篇份册卷辑场期批届座栋间台辆套元万亿千百余多倍天年月日岁%％]|平方米|公里|公顷|亩|吨)/y

/** True when a measure word or unit begins at `at` (`栋` in `XX栋`). */
export function startsMeasureWord(text: string, at: number): boolean {
  measureWordRe.lastIndex = at
  return measureWordRe.test(text)
}

/** The length of the measure word or unit beginning at `at` (`栋` in `*栋*楼`), 0 where none does. */
export function measureWordLength(text: string, at: number): number {
  measureWordRe.lastIndex = at
  const m = measureWordRe.exec(text)
  return m ? m[0].length : 0
}

/**
 * A star that marks a note or a required field, not a name: before `注`, `号`, `为`
 * (`*注：`, `带*号的`, `*为必填`), or after the verb that puts it there (`带*`, `标*`, `加*`).
 */
const footnoteAfterRe = /[注号为者表]/y
const footnoteBeforeRe = /[带标加打]/y
/**
 * What a legend goes on to say of the things it marks, in the clause after their word
 * (`带*项为必填项`, `标*年份为预计数`, `加*人员须到场`): the star is the mark it explains; not
 * 为 of a span (`参加*次为期三天的培训`).
 */
const markedThingsRe = /^[^，,。；;：:！？!?\s]{0,6}?(?:为(?![期了主止])|者|须|必填|表示)/

/**
 * True when the lone star at [start, start + 1) is a footnote or required-field mark. After the
 * verb of marking a measure word makes it a number left blank (`参加*次培训`, `增加*名党员`,
 * `追加*万元`: 加 ends a verb of counting as often as it puts a mark), unless a legend's
 * words follow the thing counted (`带*项为必填项`).
 */
export function isFootnoteStar(text: string, start: number): boolean {
  footnoteAfterRe.lastIndex = start + 1
  if (footnoteAfterRe.test(text)) return true
  if (start === 0) return false
  footnoteBeforeRe.lastIndex = start - 1
  if (!footnoteBeforeRe.test(text)) return false
  const unit = measureWordLength(text, start + 1)
  return unit === 0 || markedThingsRe.test(text.slice(start + 1 + unit, start + 9 + unit))
}

/**
 * A legend explains a symbol (`注：表中“***”表示数据不公开`, `**表示涉及单个企业数据`,
 * `“×”为暂缺数据`): after the symbol, maybe its closing quote and `号`, a verb that defines it
 * and, in the same clause, a word about data. A name's mask takes the same verbs (`×××表示，`
 * someone said; `任命×××为保密员`), so the symbol must also stand where a legend starts it: at a
 * line's start, after punctuation, or after 中/凡/以/用/标/带 (`表中`, `以“***”表示`).
 */
const legendVerbRe = /([”"’」』])?[ \u3000]*(号)?[ \u3000]*(?:分别|均)?(表示|代表|意为|系指|为)([^，,。；;：:\n]{0,24})/y
/** What a legend says a symbol stands for: held-back or missing data, a kind of figure, a level of significance. */
const legendMeaningRe = /数据|数字|数值|指标|资料|不详|不公开|不予公开|不予公布|未公开|未公布|保密|涉密|隐去|略去|省略|空缺|暂缺|缺失|无此|必填|快报|初步|核算|估计|预计|修订|未经|显著|置信|[pP] *[<＜≤]/
/** A legend's symbol, maybe escaped as Markdown writes it (`\*\*`). */
const legendSymbolSource = '(?:\\\\?[*\\uFF0A]|[xX\\uFF58\\uFF38\\u00D7\\u25CB\\u3007\\u25A1\\u25B3])+'
/** What parts a legend's listed symbols: a separator (`、`, `和`), or only the quotes around them (`“*”“**”`). */
const symbolSeparatorSource = '(?:[”"’」』]?[ \\u3000]*[、，,和及与或][ \\u3000]*[“"‘「『]?|[”"’」』][ \\u3000]*[“"‘「『])'
/** One symbol more of a listed legend, after its separator (`、**`, `和“***”`). */
const listedSymbolSource = `${symbolSeparatorSource}${legendSymbolSource}`
/** The symbols listed after the first, up to the legend's verb (`*、**、***分别表示`): one legend defines them all. */
const moreSymbolsRe = new RegExp(`(?:${listedSymbolSource})+`, 'y')
/** The symbols listed before one, back to the first (`*、` and `*、**、` before `***`). */
const symbolsBeforeRe = new RegExp(`${legendSymbolSource}(?:${listedSymbolSource})*${symbolSeparatorSource}$`)
/** The characters that separate a list's symbols, or close the quote of one before the next. */
const listSeparatorRe = /[、，,和及与或”"’」』]/
/** With a bare 为 (no quote, no 号), only words about figures: `×××为保密员` is a name. */
const figureMeaningRe = /数据|数字|数值|指标|快报|初步|核算|估计|预计|修订|未经|不详|暂缺|空缺|缺失|无此/
/**
 * What a legend says of a symbol that stands for a withheld figure, not beside one: a cell
 * holding only that symbol is held back on purpose (`**表示涉及单个企业数据，依法不予公布`).
 */
const withheldMeaningRe = /不详|不公开|不予公开|不予公布|不宜公开|未公开|未公布|保密|涉密|隐去|略去|省略|空缺|暂缺|缺失|无此|暂无|单个企业|单位数据/
/**
 * Words a speaker's clause opens with after 表示 (`***表示将全力支持`, `***表示要…`): a masked name
 * said it, no legend explains stars there.
 */
const speechOpenRe = /[将要会愿能应必可已正我对这此他她，,：:、]|希望|一定|坚决|感谢|欢迎|认为|同意|支持|赞同|非常|十分|完全|目前|今后|下一步/y
const legendOpenerRe = /[中凡以用标带]/
const legendVerbFirsts: ReadonlySet<number> = new Set(Array.from('表代意系为', (c) => c.charCodeAt(0)))
const legendQuoteRe = /[“"‘「『 \u3000]/

/**
 * What a legend says of its symbol: `withheld`, a figure held back (a cell holding only the
 * symbol is no blank), or `mark`, a footnote mark set beside a figure (`**表示快报数`,
 * `**表示含援藏共建病区床位`): a cell holding only the mark has no figure, it is a blank.
 */
export type LegendKind = 'withheld' | 'mark'

/** The kind of legend whose subject is the symbols at [start, end), or undefined where none explains them. */
export function legendAt(text: string, start: number, end: number): LegendKind | undefined {
  const verbFrom = listEnd(text, end)
  // Most masks have no defining verb within a quote, a 号, 分别 and spaces of them: skip the regex.
  let hasVerb = false
  for (let i = verbFrom; i < verbFrom + 6 && i < text.length && !hasVerb; i++) hasVerb = legendVerbFirsts.has(text.charCodeAt(i))
  if (!hasVerb) return undefined
  legendVerbRe.lastIndex = verbFrom
  const m = legendVerbRe.exec(text)
  if (!m) return undefined
  let i = listStart(text, start) - 1
  while (i >= 0 && legendQuoteRe.test(text.charAt(i))) i--
  const before = i < 0 ? lineEdge : text.charCodeAt(i)
  const isBareWei = m[3] === '为' && m[1] === undefined && m[2] === undefined
  if ((isBareWei ? figureMeaningRe : legendMeaningRe).test(m[4]!)) {
    if (!(i < 0 || isFieldBoundary(before) || legendOpenerRe.test(text.charAt(i)))) return undefined
  } else if (!isStarNote(text, start, end, m, before)) return undefined
  return withheldMeaningRe.test(legendClause(text, verbFrom + m[0].length - m[4]!.length)) ? 'withheld' : 'mark'
}

/**
 * Where the symbols listed with the one ending at `end` end (`*、**、***分别表示在10%、5%和1%的水平上显著`):
 * a legend may define several at once; `end` where no list follows.
 */
function listEnd(text: string, end: number): number {
  let i = end
  while (text.charAt(i) === ' ' || text.charAt(i) === '\u3000') i++
  if (!listSeparatorRe.test(text.charAt(i))) return end
  moreSymbolsRe.lastIndex = end
  return moreSymbolsRe.test(text) ? moreSymbolsRe.lastIndex : end
}

/** Where the list of symbols the one at `start` ends starts (`*` of `*、**、***`); `start` when it opens none. */
function listStart(text: string, start: number): number {
  let i = start - 1
  while (i >= 0 && legendQuoteRe.test(text.charAt(i))) i--
  if (i < 0 || !listSeparatorRe.test(text.charAt(i))) return start
  const before = text.slice(Math.max(0, start - listReach), start)
  const m = symbolsBeforeRe.exec(before)
  return m === null ? start : start - before.length + m.index
}

/** How far back the first of a legend's listed symbols is looked for. */
const listReach = 40

/**
 * Stars before 表示 that open a clause (a line's start, after ；。：, so after 注：) explain a
 * footnote mark whatever they say it stands for (`…快报数；**表示含援藏共建病区床位`): stars are
 * the writer's mark, and a clause does not open with a masked speaker unless he speaks
 * (`***表示，`, `***表示将…`). 代表 and a bare 为 keep their words about data (`***代表本单位`).
 */
function isStarNote(text: string, start: number, end: number, m: RegExpExecArray, before: number): boolean {
  if (m[3] !== '表示' && m[3] !== '意为' && m[3] !== '系指') return false
  // Stars, maybe escaped as Markdown writes them (`\*\*`).
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x2a && text.charCodeAt(i) !== 0xff0a /* U+FF0A FULLWIDTH ASTERISK */ && text.charCodeAt(i) !== 0x5c) return false
  if (!(before === lineEdge || isLineEdge(before) || /[；。：;:！？!?]/.test(String.fromCharCode(before)))) return false
  const meaning = m[4]!
  speechOpenRe.lastIndex = 0
  return meaning.length > 0 && !speechOpenRe.test(meaning)
}

/** The clause of a legend after its verb, to the sentence's end or the next quoted symbol's legend. */
function legendClause(text: string, from: number): string {
  let to = from
  while (to < text.length && to - from < 60 && !/[。；;\n\r“"]/.test(text.charAt(to))) to++
  return text.slice(from, to)
}

/** True when the symbols at [start, end) are the subject of a legend that explains them. */
export function isLegendSymbol(text: string, start: number, end: number): boolean {
  return legendAt(text, start, end) !== undefined
}

/** Words a lone Latin letter starts in Chinese prose: `X光`, `X射线`, `X线`, `x轴`, `X型`. */
const letterTermRe = /(?:光|射线|线|型|轴|染色体|代|档|级)/y

/** True when the lone letter before `at` starts a term (`X光`), not a name. */
export function startsLetterTerm(text: string, at: number): boolean {
  letterTermRe.lastIndex = at
  return letterTermRe.test(text)
}

/**
 * Another letter symbol of the same series in a sentence: `X` with other capitals, set off
 * as a symbol (`XY`, `XXY`, `XO`), as sex chromosomes are written beside `XX`.
 */
const seriesSymbolRe = /(?<![A-Za-z0-9\-])X{1,2}[A-WYZ][A-Z]?(?![A-Za-z0-9\-])/g
/** What ends a sentence or a line: a series is read within one. */
const sentenceEndRe = /[。！？；\n\r]/
/** How far a series' other symbol is looked for on each side, in UTF-16 code units. */
const seriesReach = 30

/**
 * True when the capitals at [start, end) (`XX`) are a symbol of a series whose other members
 * stand in the same sentence, in a parallel place (`女性为XX，男性为XY`, `XX型和XY型`): a
 * science's notation, no mask. A mask of letters has no sibling made of the same letter and
 * another; a code beside one is no sibling where it is followed otherwise (`由XX负责，XY公司`).
 */
export function isLetterSymbolInSeries(text: string, start: number, end: number): boolean {
  if (end - start > 3 || !/^X+$/.test(text.slice(start, end))) return false
  const next = text.charAt(end)
  const before = text.slice(Math.max(0, start - seriesReach), start)
  const after = text.slice(end, end + seriesReach)
  const head = before.slice(lastMatchEnd(before, sentenceEndRe))
  const cut = after.search(sentenceEndRe)
  const tail = cut < 0 ? after : after.slice(0, cut + 1)
  return hasParallelSymbol(head, next) || hasParallelSymbol(tail, next)
}

/** A series' symbol in `text` followed as the mask is: by the same character, or both by no Han one. */
function hasParallelSymbol(text: string, next: string): boolean {
  for (const m of text.matchAll(seriesSymbolRe)) {
    const after = text.charAt(m.index + m[0].length)
    if (after === next || (!isHan(after.charCodeAt(0)) && !isHan(next.charCodeAt(0)))) return true
  }
  return false
}

/** The index after the last match of `re` (one character) in `text`, 0 where none. */
function lastMatchEnd(text: string, re: RegExp): number {
  for (let i = text.length - 1; i >= 0; i--) if (re.test(text.charAt(i))) return i + 1
  return 0
}

/** How far a book title's brackets are looked for on each side of a lone mask. */
const titleReach = 60

/** True when [start, end) lies inside `《…》` on one line: a title has no footnote stars. */
export function isInsideBookTitle(text: string, start: number, end: number): boolean {
  let open = -1
  for (let i = start - 1; i >= 0 && start - i <= titleReach; i--) {
    const ch = text.charCodeAt(i)
    if (ch === 0x300a /* 《 */) {
      open = i
      break
    }
    if (ch === 0x300b /* 》 */ || isLineBreak(ch)) return false
  }
  if (open < 0) return false
  for (let i = end; i < text.length && i - end <= titleReach; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 0x300b) return true
    if (ch === 0x300a || isLineBreak(ch)) return false
  }
  return false
}

/** Opening brackets and quotes a name may follow (`“*区经验”`, `（*县）`). */
const nameOpenersRe = /[“《（「【‘(]/

/**
 * A lone symbol stands where a name would: between Chinese characters (`在*区率先`), or
 * after an opening bracket and before one (`“*区经验”`). Line starts are not: `*注`, `x轴`.
 */
export function isNamePosition(text: string, start: number, end: number): boolean {
  if (!isHan(text.charCodeAt(end))) return false
  return isHan(text.charCodeAt(start - 1)) || nameOpenersRe.test(text.charAt(start - 1))
}

/** Stands for a line's edge among the neighbours of a mask. */
export const lineEdge = -1

/**
 * The nearest character before `start` on its line, past spaces (U+0020, U+00A0, U+3000), or
 * {@link lineEdge}. A tab is no space here: it is a table cell's edge.
 */
export function neighbourBefore(text: string, start: number): number {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i)
    if (ch === 0x20 || ch === 0xa0 || ch === 0x3000) continue
    return isLineEdge(ch) ? lineEdge : ch
  }
  return lineEdge
}

/** The nearest character from `end` on its line, past spaces, or {@link lineEdge}. */
export function neighbourAfter(text: string, end: number): number {
  for (let i = end; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 0x20 || ch === 0xa0 || ch === 0x3000) continue
    return isLineEdge(ch) ? lineEdge : ch
  }
  return lineEdge
}

/** LF, CR, and U+2028 LINE SEPARATOR (a break inside a Word paragraph). */
export function isLineEdge(code: number): boolean {
  return isLineBreak(code) || code === 0x2028 || code < 0
}

/**
 * What may bound a form's field: Chinese punctuation (U+3001–U+303F, U+2010–U+2027, the
 * full-width forms' punctuation), ASCII `:,;()"'|`, a tab or a line edge. Not `/ . = + -`,
 * which put stars in paths, globs and code comments.
 */
export function isFieldBoundary(code: number): boolean {
  if (isLineEdge(code) || code === 0x09) return true
  if ((code >= 0x3001 && code <= 0x303f) || (code >= 0x2010 && code <= 0x2027)) return true
  if ((code >= 0xff01 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20) || (code >= 0xff3b && code <= 0xff40) || (code >= 0xff5b && code <= 0xff65)) return true
  return code === 0x3a || code === 0x2c || code === 0x3b || code === 0x28 || code === 0x29 || code === 0x22 || code === 0x27 || code === 0x7c
}

/** The last character of a role or a signing label: 审判员, 书记员, 人民陪审员, 局长, 主任, 经理, 负责人, 代表. */
const roleEndRe = /[员长官记任理师席表警人授志]/

/**
 * Spaces that align a signature: a role, then a name to the line's end (`人民陪审员　　张桂芝`,
 * `书记员　　何晓敏`). A name may begin with a measure word (张, 项, 万, 元), which would read
 * as a count's blank.
 */
export function isSignature(text: string, c: { readonly start: number; readonly end: number }): boolean {
  if (!roleEndRe.test(text.charAt(c.start - 1))) return false
  // The name to the line's end, maybe letter-spaced itself (`项　伟`).
  const newline = text.indexOf('\n', c.end)
  const lineEnd = newline < 0 ? text.length : newline
  if (lineEnd - c.end > 12) return false
  const rest = text.slice(c.end, lineEnd)
  const name = signatureNameRe.exec(rest)
  if (name !== null && surnameLength(name[1]!) > 0) return true
  // A name with no surname of the list (`检察官　　次旦平措`) where the line is only the post and it.
  return unlistedNameRe.test(rest) && postAloneRe.test(text.slice(Math.max(0, c.start - postReach), c.start))
}

/** A name of two to six Han characters to the line's end, as Tibetan and Uyghur names are written. */
const unlistedNameRe = /^[\u4e00-\u9fff]{2,6}[ \u3000\r]*$/
/** A post alone at its line's start, maybe indented (`检察官`, `　　人民陪审员`). */
const postAloneRe = /(?:^|[\n\u2028])[ \t\u3000]*[\u4e00-\u9fff]{2,7}$/
const postReach = 16

/** A line's rest: two to four Han characters, maybe one space between them. */
const signatureNameRe = /^([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})[ \u3000\r]*$/

/**
 * A count's unit at the start of a line of hard-wrapped text, what may follow it: the end of the
 * count's phrase, never more Chinese text (`　　万元。`, not the indent of `　　年初以来`).
 */
const wrappedUnitRe = /^(?:万元|亿元|万人|万|亿|人次|[次家个名人项件篇份期场批户座条元天台辆套种%％])(?:以上|左右|$|[^\u4e00-\u9fff\w])/

/** A line of running prose up to `at`: a sentence's punctuation in it, which a heading padded with spaces has not. */
function isInSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && !isLineBreak(text.charCodeAt(i)); i--) if (/[，。；]/.test(text.charAt(i))) return true
  return false
}

/** Where the line after the break at `at` (LF or CRLF) starts. */
export function wrappedLineStart(text: string, at: number): number {
  return text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1
}

/**
 * Spaces opening a line of hard-wrapped text (PDF extraction) where they are a blank, not an
 * indent: the line before ends mid-sentence, on a Chinese character, and a count's unit follows
 * them (`完成投资\n　　万元。`); or closing a line after Chinese text, the unit opening the next
 * (`预算支出完成　　　\n万元`).
 */
export function isWrappedBlank(text: string, c: { readonly start: number; readonly end: number }): boolean {
  if (isLineBreak(text.charCodeAt(c.end))) return isHan(text.charCodeAt(c.start - 1)) && isInSentence(text, c.start) && wrappedUnitRe.test(text.slice(wrappedLineStart(text, c.end), wrappedLineStart(text, c.end) + 4))
  let i = c.start - 1
  if (text.charCodeAt(i) !== 0x0a) return false
  if (text.charCodeAt(i - 1) === 0x0d) i--
  return isHan(text.charCodeAt(i - 1)) && wrappedUnitRe.test(text.slice(c.end, c.end + 4))
}
