// Tells emphasis markers (`**一、强化政治引领**`, `__重点__`) from masks among the star and
// underscore runs of a Document: by the Markdown parser's tree where there is one, and by how
// emphasis pairs on a line in text exported from Markdown.
import { mergeRegions, type Document, type EmphasisSpan, type Region } from '../../core/document.js'
import { isHan, isLineBreak, isSpace, isWordChar } from './chars.js'
import { isInsideBookTitle, measureWordLength, startsNameWord } from './mask-context.js'
import { isBoldName, startsCountWord, startsNameAfterTitle } from './emphasis-words.js'

/** A run of mask characters before it is judged, [start, end) in UTF-16 code units. */
export interface RunSpan {
  readonly start: number
  readonly end: number
  readonly kind: string
}

/** Clause and sentence punctuation that emphasis in running prose rarely spans: ，、；。！？,; */
const clausePunctRe = /[，、；。！？,;]/
/** The longest emphasis between paired markers in running prose; a heading may be longer. */
const maxEmphasisLength = 40
const maxHeadingLength = 120
/** Heading numbers that open bold headings and lead-ins: `一、`, `一是`, `（二）`, `3.`, `第一，`. */
const numberingRe = /^(?:[一二三四五六七八九十]+[、．.是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+[，、章节条部])/
/** Text wholly in quotes or title brackets. */
const quotedRe = /^(?:“[^“”]*”|《[^《》]*》|「[^「」]*」)$/
/** Punctuation that ends a bold lead-in sentence inside its markers. */
const leadInEndRe = /[，。；：！？]$/
/** What may come before a heading's opening marker on its line: indent, `#`, `>`, a list bullet. */
const headingLeadRe = /[^\S\r\n]|[#>*+\-\d.、]/
/** Emphasis does not start with closing punctuation nor end with opening punctuation. */
const closingPunct = '，。、；：！？）》”’」】'
const openingPunct = '（《“‘「【'
/** The closing bracket of each of `openingPunct`, in its order. */
const closingBrackets = '）》”’」】'
/** The same as UTF-16 code units, for {@link isBalanced}. */
const openingUnits = [...openingPunct].map((c) => c.charCodeAt(0))
const closingUnits = [...closingBrackets].map((c) => c.charCodeAt(0))

/**
 * Flags the runs of `runs` (sorted) that are emphasis markers. The parser's pairs come
 * first, each vetoed when it reads as two masks (`**调查队全年学习**次`); the runs left are
 * paired on their line as Markdown writers mean them, including bold text that the
 * CommonMark rules leave unparsed next to Chinese punctuation (`**（二）抓实，**要`).
 */
export function findEmphasisMarkers(doc: Document, runs: readonly RunSpan[]): boolean[] {
  const isMarker = new Array<boolean>(runs.length).fill(false)
  const isDecided = new Array<boolean>(runs.length).fill(false)
  if (doc.emphasis.length > 0) pairByTree(doc, runs, isMarker, isDecided)
  // Clear pairs first (`**三是**`), then lead-ins closed by their punctuation, so a mask
  // between them (`；**村党支部…；**三是**`) is not taken for an opener.
  // Line numbers by binary search once, not by walking the text between every two runs.
  const lines = runs.map((run) => (run.kind === 'star' || run.kind === 'line' ? doc.lineAt(run.start) : 0))
  for (const isLenient of [false, true]) {
    for (const kind of ['star', 'line'] as const) pairOnLines(doc.text, runs, lines, kind, isLenient, isMarker, isDecided)
  }
  return isMarker
}

function pairByTree(doc: Document, runs: readonly RunSpan[], isMarker: boolean[], isDecided: boolean[]): void {
  const covered = mergeMarkers(doc.emphasis)
  for (const span of doc.emphasis) {
    const open = runContaining(runs, span.open.start)
    const close = runContaining(runs, span.close.start)
    if (open < 0 || close < 0) continue
    const isOpenWhole = isCovered(covered, runs[open]!)
    const isCloseWhole = isCovered(covered, runs[close]!)
    if (!isOpenWhole || !isCloseWhole) {
      // A run longer than the parser's marker holds a mask (`本单位***科`): the pair is void,
      // and its whole marker may still pair on its line (`**注意：本单位***科**`).
      if (!isOpenWhole) isDecided[open] = true
      if (!isCloseWhole) isDecided[close] = true
      continue
    }
    isDecided[open] = isDecided[close] = true
    if (!isMaskPair(doc.text, runs[open]!, runs[close]!)) {
      isMarker[open] = isMarker[close] = true
      markAdjacentPairs(doc.text, runs, open, close, isMarker, isDecided)
    }
  }
}

/**
 * Two bold runs side by side (`**甲****乙**`): CommonMark's rule of three leaves the middle
 * `****` unparsed inside one strong span, yet the writer closed one run and opened the next.
 * A run of twice the span's marker between Han characters is that pair, unless a measure word
 * or a unit's name follows it, where it stands for a number or a name (`**全年学习****次**`).
 */
function markAdjacentPairs(text: string, runs: readonly RunSpan[], open: number, close: number, isMarker: boolean[], isDecided: boolean[]): void {
  const width = runs[open]!.end - runs[open]!.start
  for (let i = open + 1; i < close; i++) {
    const run = runs[i]!
    if (run.kind !== 'star' || run.end - run.start !== 2 * width || isDecided[i]) continue
    if (!isHan(text.charCodeAt(run.start - 1)) || !isHan(text.charCodeAt(run.end))) continue
    if (startsCountWord(text, run.end) || startsNameWord(text, run.end)) continue
    isMarker[i] = isDecided[i] = true
  }
}

function pairOnLines(text: string, runs: readonly RunSpan[], lines: readonly number[], kind: 'star' | 'line', isLenient: boolean, isMarker: boolean[], isDecided: boolean[]): void {
  const open: number[] = []
  for (let i = 0; i < runs.length; i++) if (runs[i]!.kind === kind && !isDecided[i] && !isMarker[i]) open.push(i)
  for (let k = 0; k < open.length; k++) {
    const a = runs[open[k]!]!
    if (isMarker[open[k]!]) continue
    // Markdown takes `__` for emphasis only at a word's edge: `位于__省__市` is two blanks; a
    // writer's bold inside a sentence (`部分社区__干部年龄结构__老化`) is read as he meant it.
    const isGlued = kind === 'line' && (isHan(text.charCodeAt(a.start - 1)) || isWordChar(text.charCodeAt(a.start - 1)))
    if (isGlued && k + 1 < open.length && isMaskInMarkers(text, a, runs[open[k + 1]!]!)) {
      // Underscores around a mask (`撰写__XX__篇`) are one blank with it, however many on the line.
      isMarker[open[k]!] = isMarker[open[k + 1]!] = true
      continue
    }
    if (isGlued && !isLonePairOnLine(open, lines, k)) continue
    for (let j = k + 1; j < open.length; j++) {
      const b = runs[open[j]!]!
      // No emphasis is longer: farther runs are not looked at, so a long line costs little.
      if (b.start - a.end > maxHeadingLength || lines[open[j]!] !== lines[open[k]!]) break
      if (isMarker[open[j]!] || b.end - b.start !== a.end - a.start) continue
      if (isGlued && !isGluedEmphasis(text, a, b)) break
      if (isEmphasisPair(text, a, b, isLenient)) {
        isMarker[open[k]!] = isMarker[open[j]!] = true
      }
      break
    }
  }
}

/** The run at `open[k]` and the next are the only undecided runs of their kind on their line: a form's line holds more blanks (`姓名__性别__年龄__`). */
function isLonePairOnLine(open: readonly number[], lines: readonly number[], k: number): boolean {
  const line = lines[open[k]!]
  return (k === 0 || lines[open[k - 1]!] !== line) && k + 1 < open.length && lines[open[k + 1]!] === line && (k + 2 >= open.length || lines[open[k + 2]!] !== line)
}

/**
 * Underscores glued into a sentence on both sides, around a phrase of Chinese words: bold
 * (`__`) or bold italics (`___`) as the writer meant them, which CommonMark leaves unparsed
 * inside words. A line to write on is another length (`____`), or U+FF3F `＿`, and stands
 * before the word it leaves blank (`位于__省__市`, `共__人`), which {@link isMaskPair} reads.
 */
function isGluedEmphasis(text: string, open: RunSpan, close: RunSpan): boolean {
  const width = open.end - open.start
  if (width > 3 || close.end - close.start !== width || text.charCodeAt(open.start) !== 0x5f || text.charCodeAt(close.start) !== 0x5f) return false
  if (!isHan(text.charCodeAt(open.start - 1)) || !isHan(text.charCodeAt(close.end))) return false
  // After a preposition a line leaves its object blank (`由___负责___落实`, `向__汇报`).
  if (objectLeadRe.test(text.charAt(open.start - 1))) return false
  const inner = text.slice(open.end, close.start)
  return inner.length >= 2 && hanPhraseRe.test(inner) && !startsNameWord(text, open.end) && !startsNameWord(text, close.end)
}

/** Two runs of the same markers, at most three, around a mask of letters or shapes and nothing else (`__XX__`, `**××**`). */
function isMaskInMarkers(text: string, open: RunSpan, close: RunSpan): boolean {
  const width = open.end - open.start
  if (width > 3 || close.end - close.start !== width || text.charCodeAt(open.start) !== text.charCodeAt(close.start)) return false
  return wholeMaskRe.test(text.slice(open.end, close.start))
}

/** Prepositions and conjunctions a name or a noun follows: a line after one is its blank. */
const objectLeadRe = /[由在向对给经将把被与和及于到至从为跟同]/
/** A phrase of Chinese words only, no punctuation, as bold in running prose holds. */
const hanPhraseRe = /^[\u4e00-\u9fff]+$/

function isEmphasisPair(text: string, open: RunSpan, close: RunSpan, isLenient: boolean): boolean {
  // The cheap test first: most star runs on a long line are far apart.
  if (close.start - open.end > maxHeadingLength) return false
  const inner = text.slice(open.end, close.start)
  if (inner.length === 0 || isSpace(inner.charCodeAt(0)) || isSpace(inner.charCodeAt(inner.length - 1))) return false
  if (closingPunct.includes(inner.charAt(0)) || openingPunct.includes(inner.charAt(inner.length - 1))) return false
  // A number's commas are no clause's (`**3,600**万元`).
  if (isEmphasizedNumber(text, open, close)) return true
  // Every test is pure: the one that rejects most pairs (masks in running prose) goes first.
  return hasEmphasisShape(text, open, close, inner, isLenient) && isBalanced(inner) && !isMaskPair(text, open, close)
}

/** True when the text between the runs reads as emphasis of its length: a heading, a lead-in, a quote, or a short phrase. */
function hasEmphasisShape(text: string, open: RunSpan, close: RunSpan, inner: string, isLenient: boolean): boolean {
  // A bold heading, or a lead-in closed by its own punctuation (`**坚持党建引领，**推动`),
  // holds clause punctuation; a mask's neighbours do not end that way.
  // Italics (`*…*`) is rare in Chinese and never so long: one star each side is held to prose's rule.
  const isBold = open.end - open.start >= 2
  if (isBold && (isHeading(text, open, close) || numberingRe.test(inner) || (isLenient && leadInEndRe.test(inner)))) return inner.length <= maxHeadingLength
  // A bold slogan or title in its quotes holds its own commas (`**“严、实、快、新”**`).
  if (isBold && quotedRe.test(inner)) return inner.length <= maxEmphasisLength
  return inner.length <= maxEmphasisLength && !clausePunctRe.test(inner)
}

/**
 * Two runs that pair like emphasis but read as masks: the closer before a measure word
 * (`**调查队全年学习**次`), the same word after both (`**国调系统…在**国调事业`), `***` glued into
 * words on both sides (`***市统计局和***县`), or both before a unit's name (`**市和**县`).
 */
function isMaskPair(text: string, open: RunSpan, close: RunSpan): boolean {
  // A bold number counts with the measure word after it (`微网格**216**个`, `**5**名`): CommonMark
  // pairs the markers (the closer follows a digit), and a mask is not written around digits.
  if (isEmphasizedNumber(text, open, close)) return false
  // A mask that is the whole of an emphasis is one blank with its markers (`学习**XX**次`).
  if (isMaskInMarkers(text, open, close)) return false
  // A bold label opening its line closes on its own punctuation (`**问：**个体户`).
  const isLabel = leadInEndRe.test(text.charAt(close.start - 1)) && isLineStart(text, open.start)
  // A measure word counts only where it stands as one, the markers not written: `学习**次`
  // leaves a number out, `**人大代表**名额` and `新**篇章**` nothing.
  if (!isLabel && startsCountWord(text, close.end) && !startsNameAfterTitle(text, text.slice(open.end, close.start), close.end)) return true
  // An opener glued to a word, or to the quote of a thing counted (`开展“国调讲堂”*期`), and
  // followed by a measure word is a count (`学习**次，国家统计局**调查队`), not before a bold name
  // (`由**张明**主持`, `原告**张某甲**`).
  if (isCountedBefore(text.charCodeAt(open.start - 1)) && startsCountWord(text, open.end, close.start) && !isBoldName(text.slice(open.end, close.start))) return true
  const word = text.slice(open.end, open.end + 2)
  if (isHan(word.charCodeAt(0)) && isHan(word.charCodeAt(1)) && text.startsWith(word, close.end)) return true
  // Three symbols glued into words on both sides, each standing where a name goes: before a
  // unit's name or after a word of place (`***市统计局和***县`, `到***社区…`). Elsewhere they are
  // bold italics (`坚持***稳中求进***工作`), which CommonMark pairs as it pairs them at a line's start.
  if (open.end - open.start >= 3 && isHan(text.charCodeAt(open.start - 1)) && isHan(text.charCodeAt(close.end))) {
    if (startsNameWord(text, open.end) || startsNameWord(text, close.end) || placeWordRe.test(text.charAt(open.start - 1))) return true
  }
  // Italics is rare in Chinese: one star before a unit's name is its mask (`*市统计局*`); so is
  // one star each side of a lone measure word after a word (`住**小区*栋*楼`): the first counts
  // the building, the second names the floor, and no writer slants a single measure word.
  if (open.end - open.start === 1 && startsNameWord(text, open.end) && !isHeading(text, open, close)) return true
  if (open.end - open.start === 1 && isHan(text.charCodeAt(open.start - 1)) && measureWordLength(text, open.end) === close.start - open.end) return true
  if (open.end - open.start === 1 && isLoneMaskCloser(text, open, close)) return true
  return startsNameWord(text, open.end) && startsNameWord(text, close.end)
}

/**
 * One star closing the pair where a lone symbol is a mask as plain text reads it: before a unit's
 * name after a preposition of place (`赴*市革命纪念馆`), or glued into words before one where the
 * pair spans a clause (`…*期，组织全体干部到基层*县`), or inside a title the pair crosses
 * (`学习《关于加强*项目管理的通知》，要求*各部门`). CommonMark pairs two such masks of a sentence
 * into italics; no writer slants a clause, and plain text reads each star alone. Italics of a
 * phrase before a word a unit's name starts stays (`*二是*部分企业`).
 */
function isLoneMaskCloser(text: string, open: RunSpan, close: RunSpan): boolean {
  if (close.end - close.start !== 1) return false
  const inner = text.slice(open.end, close.start)
  const isClause = clausePunctRe.test(inner) || !isBalanced(inner)
  if (isHan(text.charCodeAt(close.start - 1)) && startsNameWord(text, close.end) && (isClause || placeWordRe.test(text.charAt(close.start - 1)))) return true
  return !isBalanced(inner) && (isInsideBookTitle(text, open.start, open.end) || isInsideBookTitle(text, close.start, close.end))
}

/** What a count's blank may follow: a word (`学习*次`), or the closing quote of the thing counted (`“国调讲堂”*期`, `《条例》*次`). */
function isCountedBefore(code: number): boolean {
  return isHan(code) || code === 0x201d /* ” */ || code === 0x300b /* 》 */ || code === 0x300d /* 」 */
}

/** A mask of letters or shapes, whole: `XX`, `××`, `○○` (stars and lines make one run with the markers). */
const wholeMaskRe = /^(?:[xX\uFF58\uFF38]+|\u00D7+|[\u25CB\u3007\u25A1\u25B3]+)$/

/** Prepositions of place: a mask after one stands for the place's name (`到***社区`, `在***镇`). */
const placeWordRe = /[在于到至赴从]/
/** A number written in digits, maybe with decimals, thousands' commas or a percent sign: `216`, `1.2`, `3,600`, `8.6%`. */
const numberRe = /^[0-9０-９]+(?:[.．,，][0-9０-９]+)*[%％]?$/

/** The pair wraps a number and nothing else, and no digit touches its markers outside (`1**2**3` is arithmetic or masked digits). */
function isEmphasizedNumber(text: string, open: RunSpan, close: RunSpan): boolean {
  if (isWordChar(text.charCodeAt(open.start - 1)) || isWordChar(text.charCodeAt(close.end))) return false
  return close.start - open.end <= maxNumberLength && numberRe.test(text.slice(open.end, close.start))
}

/** The longest number read as a bold number: more digits are an identifier's. */
const maxNumberLength = 16

/** The run begins its line, after indent, `#`, `>` or a bullet. */
function isLineStart(text: string, at: number): boolean {
  // Walked back only over what may lead a heading, so a long line costs nothing.
  for (let i = at - 1; i >= 0; i--) {
    const ch = text.charAt(i)
    if (isLineBreak(ch.charCodeAt(0))) return true
    if (!headingLeadRe.test(ch)) return false
  }
  return true
}

/** The opener begins its line (after indent, `#`, a bullet) and the closer ends it. */
function isHeading(text: string, open: RunSpan, close: RunSpan): boolean {
  if (!isLineStart(text, open.start)) return false
  for (let i = close.end; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (isLineBreak(ch)) return true
    if (!isSpace(ch)) return false
  }
  return true
}

/** True when the brackets and quotes in `inner` pair up: emphasis does not cross `》《` or `”“`. */
function isBalanced(inner: string): boolean {
  // By code unit: the brackets are all in the BMP, and no half of a pair is one of them.
  const stack: number[] = []
  for (let i = 0; i < inner.length; i++) {
    const unit = inner.charCodeAt(i)
    const open = openingUnits.indexOf(unit)
    if (open >= 0) stack.push(open)
    else {
      const close = closingUnits.indexOf(unit)
      if (close >= 0 && stack.pop() !== close) return false
    }
  }
  return stack.length === 0
}

function mergeMarkers(spans: readonly EmphasisSpan[]): Region[] {
  return mergeRegions(spans.flatMap((s) => [s.open, s.close]))
}

/** The index of the region of `regions` (sorted, disjoint) holding `at`, or -1. */
function regionAt(regions: readonly Region[], at: number): number {
  let lo = 0
  let hi = regions.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = regions[mid]!
    if (at < r.start) hi = mid - 1
    else if (at >= r.end) lo = mid + 1
    else return mid
  }
  return -1
}

function runContaining(runs: readonly RunSpan[], at: number): number {
  return regionAt(runs, at)
}

function isCovered(covered: readonly Region[], run: RunSpan): boolean {
  const i = regionAt(covered, run.start)
  return i >= 0 && covered[i]!.end >= run.end
}
