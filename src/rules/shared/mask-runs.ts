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
/** The longest emphasis a report would bold or italicise between paired markers. */
const maxEmphasisLength = 40

/** The mask runs of `doc`, outside skipped regions and Markdown-style emphasis markers. */
export function findMaskRuns(doc: Document): readonly MaskRun[] {
  return doc.derive('maskRuns', scanMaskRuns)
}

function scanMaskRuns(doc: Document): MaskRun[] {
  const text = doc.text
  const candidates: MaskRun[] = []
  maskRunRe.lastIndex = 0
  for (let m = maskRunRe.exec(text); m; m = maskRunRe.exec(text)) {
    const start = m.index
    const end = start + m[0].length
    if (!standsInChineseText(text, start, end) || doc.isSkipped(start, end - start)) continue
    candidates.push({ start, end, text: m[0], isStar: starRe.test(m[0]) })
  }
  return dropEmphasisPairs(text, candidates, doc.format === 'markdown')
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
 * in Markdown and in text exported from it,
 * not masks. A pair is emphasis when both markers have the same length, the text between is
 * short, does not start or end with a space and spans no clause punctuation: masks in a
 * sentence (`发展*名预备党员，转正*名`) are separated by commas.
 */
function dropEmphasisPairs(text: string, runs: MaskRun[], isMarkdown: boolean): MaskRun[] {
  const isMarker = new Array<boolean>(runs.length).fill(false)
  for (let i = 0; i + 1 < runs.length; i++) {
    const open = runs[i]!
    const close = runs[i + 1]!
    if (isMarker[i] || !open.isStar || !close.isStar || open.text.length !== close.text.length) continue
    if (isEmphasisContent(text, open, close, isMarkdown)) {
      isMarker[i] = true
      isMarker[i + 1] = true
      i++
    }
  }
  return runs.filter((_, i) => !isMarker[i])
}

function isEmphasisContent(text: string, open: MaskRun, close: MaskRun, isMarkdown: boolean): boolean {
  const inner = text.slice(open.end, close.start)
  if (inner.length === 0 || inner.length > maxEmphasisLength) return false
  if (isSpace(inner.charCodeAt(0)) || isSpace(inner.charCodeAt(inner.length - 1))) return false
  if (clausePunctRe.test(inner) || isLineBreak(inner.charCodeAt(0)) || !isBalanced(inner)) return false
  // Markers glued into words on both sides read as masks (`统计局**调查队全年学习**次`), not
  // emphasis: in plain text always, in Markdown for `***`, which bold italics rarely needs.
  const isGlued = isHan(text.charCodeAt(open.start - 1)) && isHan(text.charCodeAt(close.end))
  if (isGlued && (!isMarkdown || open.text.length >= 3)) return false
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
