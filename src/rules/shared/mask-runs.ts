// Finds the runs of mask characters in a Document that stand where Chinese text expects a
// word or a number, shared by the count and mask kinds (computed once per document).
import type { Document } from '../../core/document.js'
import { isHan, isLineBreak, isSpace, isWordChar } from './chars.js'

/** One run of mask characters, [start, end) in UTF-16 code units. */
export interface MaskRun {
  readonly start: number
  readonly end: number
  readonly text: string
  /** True for `*` and U+FF0A FULLWIDTH ASTERISK, false for the x-like letters and U+00D7. */
  readonly isStar: boolean
}

/**
 * Mask characters: `*`, U+FF0A FULLWIDTH ASTERISK, `x`, `X`, U+FF58 FULLWIDTH LATIN SMALL
 * LETTER X, U+FF38 FULLWIDTH LATIN CAPITAL LETTER X, U+00D7 MULTIPLICATION SIGN (`××市`).
 */
const maskRunRe = /[*\uFF0A]+|[xX\uFF58\uFF38\u00D7]+/g
const starRe = /^[*\uFF0A]/
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
    const end = start + m[0].length
    if (doc.isSkipped(start, end - start)) continue
    runs.push({ start, end, text: m[0], isStar: starRe.test(m[0]) })
    standsAlone.push(standsInChineseText(text, start, end))
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
 * Star runs that pair like Markdown emphasis on one line (`**重点**`, `*斜体*`) are markup,
 * in Markdown and in text exported from it, not masks. A pair is emphasis when both markers have the same length, the text between is
 * short, does not start or end with a space and spans no clause punctuation: masks in a
 * sentence (`发展*名预备党员，转正*名`) are separated by commas.
 */
function findEmphasisMarkers(text: string, runs: readonly MaskRun[]): boolean[] {
  const isMarker = new Array<boolean>(runs.length).fill(false)
  // Only star runs can be markers; an x inside a word between them (`**Excel**`) is no run to pair.
  const stars = runs.flatMap((run, i) => (run.isStar ? [i] : []))
  for (let k = 0; k + 1 < stars.length; k++) {
    const open = runs[stars[k]!]!
    const close = runs[stars[k + 1]!]!
    if (open.text.length !== close.text.length || !isEmphasisContent(text, open, close)) continue
    isMarker[stars[k]!] = true
    isMarker[stars[k + 1]!] = true
    k++
  }
  return isMarker
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
