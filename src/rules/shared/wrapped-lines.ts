// Hard line breaks inside a paragraph wrapped by hand or by a PDF extractor: a word or phrase
// broken there (`首要政治⏎政治任务`, `中国特⏎社会主义`) is read across the break; so is a soft
// line break of a Word paragraph (`w:br`, read as U+2028 LINE SEPARATOR).
import { isHan } from './chars.js'

/** The shortest line a wrapped paragraph's is: shorter lines are headings, labels or list items. */
const minWrappedLine = 16

/** A line break inside a wrapped paragraph, offsets in UTF-16 code units. */
export interface WrappedBreak {
  /** End of the line before the break (before its CR, if any). */
  readonly end: number
  /** Start of the line after the break. */
  readonly next: number
}

/** How sure a caller must be that a line break is inside a paragraph. */
export interface WrapOptions {
  /**
   * True to take a line of any length that ends on a Chinese character and is no numbered
   * heading (`二、全面落实…`): for a caller whose own match is the evidence (a formulation is
   * never cut at a line's end, `坚定中国特⏎社会主义道路` in a narrow column), not for one that
   * reads any word across (a doubled word, a heading glued to its paragraph).
   */
  readonly isAnyLength?: boolean
}

/**
 * Each line break of `text` that falls inside a wrapped paragraph (see {@link isWrappedLine}),
 * and each soft line break (U+2028) between Chinese characters that goes on with the sentence
 * (see {@link goesOnAfterSoftBreak}), in order.
 */
export function* wrappedBreaks(text: string, options: WrapOptions = {}): Generator<WrappedBreak> {
  // Each kind of break is searched for once past the last: searching for both from every break
  // read the text to its end again for a kind it does not hold (most texts hold no U+2028).
  let lf = text.indexOf('\n')
  let ls = text.indexOf('\u2028')
  while (lf >= 0 || ls >= 0) {
    if (ls >= 0 && (lf < 0 || ls < lf)) {
      if (goesOnAfterSoftBreak(text, ls)) yield { end: ls, next: ls + 1 }
      ls = text.indexOf('\u2028', ls + 1)
      continue
    }
    const end = text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf
    if (isWrappedLine(text, end, lf + 1, options)) yield { end, next: lf + 1 }
    lf = text.indexOf('\n', lf + 1)
  }
}

/**
 * True when the soft break at `at` cuts a sentence: the paragraph is one whatever the length of
 * its lines, so only what touches the break tells. A Chinese character on both sides, no
 * punctuation before it, and no list number or label (`一、`, `全县：`) after it.
 */
function goesOnAfterSoftBreak(text: string, at: number): boolean {
  const nextStart = text.slice(at + 1, at + 9)
  return isHan(text.charCodeAt(at - 1)) && isHan(text.charCodeAt(at + 1)) && !/^[一二三四五六七八九十]+、/.test(nextStart) && !/[：:]/.test(nextStart)
}

/**
 * True when the line ending at `end` is one of a paragraph wrapped by hand: at least
 * {@link minWrappedLine} characters, ending on a Chinese character, and the line from `next`
 * starting with one (no indentation, number or mark of a new paragraph).
 */
export function isWrappedLine(text: string, end: number, next: number, options: WrapOptions = {}): boolean {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1
  // A Chinese character on each side, first: a line that ends on punctuation ends a sentence or a
  // paragraph, and most line breaks fail here, before any slice.
  if (!isHan(text.charCodeAt(end - 1)) || !isHan(text.charCodeAt(next))) return false
  if (options.isAnyLength === true) return !isNumberedHeading(text.slice(lineStart, end)) && opensSentence(text.slice(next, next + 8))
  const isShort = end - lineStart < minWrappedLine
  if (isShort && !isRunOnInto(text, lineStart)) return false
  // Prose holds a comma; a title (`…拟表彰对象的公示`) does not, unless the paragraph runs on into
  // it (`……坚持用新时⏎代中国特⏎社会主义思想`: a PDF extractor's short line, whose run-on is known
  // by now). The next line goes on with the sentence: no label (`支部书记：`) and no list number opens it.
  if (!isShort && !/[，,。；]/.test(text.slice(lineStart, end)) && !isRunOnInto(text, lineStart)) return false
  return opensSentence(text.slice(next, next + 8))
}

/** True when a line's first characters go on with a sentence: no list number (`一、`) or label (`支部书记：`) opens it. */
function opensSentence(nextStart: string): boolean {
  return !/^[一二三四五六七八九十]+、/.test(nextStart) && !/[：:]/.test(nextStart)
}

/**
 * A line that opens with a list number (`二、`, `（三）`, `1.`, `第一章`) and holds no comma nor
 * a sentence's end: a heading, not a paragraph's first line. A heading glued to its paragraph
 * (`一、加强党的建设。我们要坚定中国特`) is the paragraph's line: its text goes on past the heading.
 */
function isNumberedHeading(line: string): boolean {
  return /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|第[一二三四五六七八九十百0-9]+[章节条部分])/.test(line) && !/[，,。；;！？!?]/.test(line)
}

/**
 * True when the line before the one at `lineStart` runs on into it: a wrapped paragraph's line
 * (long, holding a comma) that ends on a Chinese character. A short line after it is the middle
 * of the paragraph, not a heading (`……完成投资⏎　　万元。全乡干部群众将再接再⏎励，……`).
 */
function isRunOnInto(text: string, lineStart: number): boolean {
  if (lineStart === 0) return false
  const end = text.charCodeAt(lineStart - 2) === 0x0d ? lineStart - 2 : lineStart - 1
  const start = text.lastIndexOf('\n', end - 1) + 1
  return end - start >= minWrappedLine && isHan(text.charCodeAt(end - 1)) && /[，,]/.test(text.slice(start, end))
}

/** Text read across the wrapped breaks around one of them, with where each of its units is in the whole text. */
export interface ReadAcross {
  readonly joined: string
  /** The offset in the whole text of each UTF-16 code unit of `joined`. */
  readonly offsets: readonly number[]
  /** Where in `joined` the break read across starts: a span holds it when it starts before and ends after. */
  readonly at: number
}

/**
 * Up to `reach` units of text on each side of `breaks[i]`, read across it and across the other
 * wrapped breaks within reach (`新时⏎代中国特⏎社会主义`: a line of four characters between two).
 * `breaks` are {@link wrappedBreaks} of `text`, in order.
 */
export function readAcross(text: string, breaks: readonly WrappedBreak[], i: number, reach: number): ReadAcross {
  const before: number[] = []
  for (let k = i, pos = breaks[i]!.end; before.length < reach && pos > 0; ) {
    if (k > 0 && pos === breaks[k - 1]!.next) pos = breaks[--k]!.end
    else if (text.charCodeAt(pos - 1) === 0x0a || text.charCodeAt(pos - 1) === 0x2028) break
    else before.push(--pos)
  }
  const after: number[] = []
  for (let k = i + 1, pos = breaks[i]!.next; after.length < reach && pos < text.length; ) {
    if (k < breaks.length && pos === breaks[k]!.end) pos = breaks[k++]!.next
    else if (text.charCodeAt(pos) === 0x0a || text.charCodeAt(pos) === 0x0d || text.charCodeAt(pos) === 0x2028) break
    else after.push(pos++)
  }
  const offsets = [...before.reverse(), ...after]
  return { joined: offsets.map((o) => text[o]).join(''), offsets, at: before.length }
}
