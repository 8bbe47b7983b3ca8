// Finds the runs of mask characters in a Document that stand where Chinese text expects a
// word or a number, shared by the count and mask kinds (computed once per document).
import type { Document } from '../../core/document.js'
import { isHan, isLineBreak, isSpace, isWordChar } from './chars.js'

/**
 * How a mask is written: `star` (`*`, U+FF0A), `letter` (`x`, `X`, their full-width forms,
 * U+00D7 `×`), `shape` (U+25CB `○`, U+25A1 `□`: `○○县`, `□家`) or `line` (two or more `_` or
 * U+FF3F `＿`, a template's blank to write on: `学习____次`).
 */
export type MaskKind = 'star' | 'letter' | 'shape' | 'line'

/** One run of mask characters, [start, end) in UTF-16 code units. */
export interface MaskRun {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: MaskKind
}

/** One alternative per kind; {@link kindOf} tells them apart by the first character. */
const maskRunRe = /[*\uFF0A]+|[xX\uFF58\uFF38\u00D7]+|[\u25CB\u25A1]+|[_\uFF3F]{2,}/g
/** The letters after the point of a decimal blank (`X.X%`). */
const fractionRe = /^[xX\uFF58\uFF38\u00D7]+/

function kindOf(code: number): MaskKind {
  if (code === 0x2a || code === 0xff0a) return 'star'
  if (code === 0x25cb || code === 0x25a1) return 'shape'
  if (code === 0x5f || code === 0xff3f) return 'line'
  return 'letter'
}
/**
 * Chinese numerals: `○` after one (`二○二三年`, `一百○五`) or before a digit (`○八年`) is a zero
 * typed with the wrong circle. A magnitude after the run is a count's (`□□万元`).
 */
const numeralBeforeZeroRe = /[〇零一二三四五六七八九十百千万○]/
const digitAfterZeroRe = /[〇零一二三四五六七八九○]/
/** Longer runs of squares are a form's boxes, one per digit (`邮政编码□□□□□□`), not a name. */
const maxShapeMask = 4
/** Clause punctuation that real emphasis in Chinese rarely spans: ，、；,; and line breaks. */
const clausePunctRe = /[，、；,;\r\n]/
/** The commonest measure words: a star run right before one stands for a number, not markup. */
const countWordRe = /^[次名个项篇份家元年月日人户条张期届批场]$/
/** The longest emphasis a report would bold or italicise between paired markers. */
const maxEmphasisLength = 40

/** The mask runs of `doc`, outside skipped regions and Markdown-style emphasis markers. */
export function findMaskRuns(doc: Document): readonly MaskRun[] {
  return doc.derive('maskRuns', scanMaskRuns)
}

function scanMaskRuns(doc: Document): MaskRun[] {
  const text = doc.text
  const runs: MaskRun[] = []
  const standsAlone: boolean[] = []
  maskRunRe.lastIndex = 0
  for (let m = maskRunRe.exec(text); m; m = maskRunRe.exec(text)) {
    const start = m.index
    let end = start + m[0].length
    const kind = kindOf(text.charCodeAt(start))
    // A decimal blank is one run: `增长X.X%`, `xx.x亿元`.
    if (kind === 'letter' && text.charCodeAt(end) === 0x2e /* . */) {
      const fraction = fractionRe.exec(text.slice(end + 1, end + 9))
      if (fraction) end += 1 + fraction[0].length
    }
    maskRunRe.lastIndex = end
    if (doc.isSkipped(start, end - start)) continue
    runs.push({ start, end, text: text.slice(start, end), kind })
    standsAlone.push(standsInChineseText(text, start, end) && (kind !== 'shape' || isShapeMask(text, start, end)))
  }
  // Pair emphasis markers first: the opener of `**300亿元**` touches a digit, and left alone
  // its closer would look like a mask.
  const isMarker = findEmphasisMarkers(text, runs)
  return runs.filter((_, i) => standsAlone[i] && !isMarker[i])
}

/**
 * A mask touches Chinese text on one side and a word character on neither: `发展*名`, `“**国调`,
 * `xxxx年`, but not `x86`, `3*4`, `7*24小时`, `*.txt`, `XXL`, `* 列表`.
 */
function standsInChineseText(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1
  const after = end < text.length ? text.charCodeAt(end) : -1
  if (isWordChar(before) || isWordChar(after)) return false
  if (after === 0x2e /* . */ && isWordChar(text.charCodeAt(end + 1))) return false
  return isHan(before) || isHan(after)
}

/**
 * A circle or square stands for something when two to four are written (`○○县`, `□□镇`), or
 * one right after Chinese text (`共有□家`); one alone is a bullet or a check box (`□是 □否`),
 * more are a form's digit boxes. Circles among Chinese numerals are zeros (`二○○八年`).
 */
function isShapeMask(text: string, start: number, end: number): boolean {
  if (numeralBeforeZeroRe.test(text.charAt(start - 1)) || digitAfterZeroRe.test(text.charAt(end))) return false
  const length = end - start
  return length <= maxShapeMask && (length >= 2 || isHan(text.charCodeAt(start - 1)))
}

/**
 * Star runs that pair like Markdown emphasis on one line (`**重点**`, `*斜体*`) are markup,
 * in Markdown and in text exported from it, not masks. A pair is emphasis when both markers have the same length, the text between is
 * short, does not start or end with a space and spans no clause punctuation: masks in a
 * sentence (`发展*名预备党员，转正*名`) are separated by commas.
 */
function findEmphasisMarkers(text: string, runs: readonly MaskRun[]): boolean[] {
  const isMarker = new Array<boolean>(runs.length).fill(false)
  // Only star and underscore runs can be markers (`**重点**`, `__重点__`); an x inside a word
  // between them (`**Excel**`) is no run to pair.
  for (const kind of ['star', 'line'] as const) {
    const markers = runs.flatMap((run, i) => (run.kind === kind ? [i] : []))
    for (let k = 0; k + 1 < markers.length; k++) {
      const open = runs[markers[k]!]!
      const close = runs[markers[k + 1]!]!
      if (open.text.length !== close.text.length || !isEmphasisContent(text, open, close)) continue
      // Markdown takes `__` for emphasis only at a word's edge: `位于__省__市` is two blanks.
      if (kind === 'line' && isWordOrHan(text.charCodeAt(open.start - 1))) continue
      isMarker[markers[k]!] = true
      isMarker[markers[k + 1]!] = true
      k++
    }
  }
  return isMarker
}

function isWordOrHan(code: number): boolean {
  return isHan(code) || isWordChar(code)
}

function isEmphasisContent(text: string, open: MaskRun, close: MaskRun): boolean {
  const inner = text.slice(open.end, close.start)
  if (inner.length === 0 || inner.length > maxEmphasisLength) return false
  if (isSpace(inner.charCodeAt(0)) || isSpace(inner.charCodeAt(inner.length - 1))) return false
  if (clausePunctRe.test(inner) || isLineBreak(inner.charCodeAt(0)) || !isBalanced(inner)) return false
  // A closer right before a measure word is a count blank (`统计局**调查队全年学习**次`).
  if (countWordRe.test(text.charAt(close.end))) return false
  // The same word after both runs is one masked name said twice (`引导**国调系统…在**国调事业`).
  const word = text.slice(open.end, open.end + 2)
  if (isHan(word.charCodeAt(0)) && isHan(word.charCodeAt(1)) && text.startsWith(word, close.end)) return false
  // `***` glued into words on both sides reads as masks (`***市统计局和***县`): bold italics
  // rarely needs it.
  if (open.text.length >= 3 && isHan(text.charCodeAt(open.start - 1)) && isHan(text.charCodeAt(close.end))) return false
  return true
}

const openers = '《“（「【‘'
const closers = '》”）」】’'

/** True when the brackets and quotes in `inner` pair up: emphasis does not cross `》《` or `”“`. */
function isBalanced(inner: string): boolean {
  const stack: number[] = []
  for (const ch of inner) {
    const open = openers.indexOf(ch)
    if (open >= 0) stack.push(open)
    else {
      const close = closers.indexOf(ch)
      if (close >= 0 && stack.pop() !== close) return false
    }
  }
  return stack.length === 0
}
