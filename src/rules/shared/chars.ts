// Character classes of Chinese report text, by code point.

/** CJK Unified Ideographs (U+4E00–U+9FFF), Extension A (U+3400–U+4DBF), compatibility (U+F900–U+FAFF). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
}

/** ASCII letters and digits, `_`, and their full-width forms (U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A). */
export function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  )
}

/** Space, tab and the ideographic space U+3000. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0
}

/** Line breaks: LF, CR. */
export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d
}

/** The provinces' one-character abbreviations that open a licence plate (`宁A·5K321`). */
export const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'

/**
 * The signs that write a mask and never a letter or a digit: `*`, U+FF0A `＊`, U+00D7 `×`, U+2715
 * `✕`, U+25CB `○`, U+3007 `〇`, U+25A1 `□`. As a character class's content.
 */
export const maskSigns = '*＊×✕○〇□'
/** The letters that write a mask (`XX县`, `ｘｘ`), which are also letters of a code: as a character class's content. */
export const maskLetters = 'xXｘＸ'
/** Digits written in Chinese, which 〇 belongs to as a numeral (`二〇二四年`). */
const chineseDigits = '〇零一二三四五六七八九十百千'
/**
 * One mask character in words (`××县`, `***局`, `〇〇村`), as a regex source: U+3007 `〇` only
 * outside a number written in Chinese, where it is zero (`二〇二四年`).
 */
export const maskCharSource = `(?:[${maskSigns.replace('〇', '')}${maskLetters}]|(?<![${chineseDigits}])〇+(?![${chineseDigits}]))`

/**
 * Where the line holding `at` starts, or `floor` when it starts before it: searched no further
 * back than a caller's reach (a page flattened into one line would make each search read it all).
 */
export function lineStartWithin(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1
  return floor
}

/** A line of a text, [start, end) in UTF-16 code units, its break (and a CR before it) left out. */
export interface LineSpan {
  readonly start: number
  readonly end: number
}

/**
 * The lines of `text` upwards from the one that ends at `end` (that line's text before `end`
 * first), at most `count`: a block of fields read up from a line (`户名：…⏎开户行：…⏎账号：`). None
 * starts before `floor`, where the last is cut; a line longer than `reach` is read over its last
 * `reach` units, and the next is what stands before those. Callers stop at the line that ends
 * their block.
 */
export function* linesUp(text: string, end: number, count: number, floor = 0, reach = Infinity): Generator<LineSpan> {
  for (let n = 0, lineEnd = end; n < count && lineEnd >= floor; n++) {
    const start = lineStartWithin(text, lineEnd, Math.max(floor, lineEnd - reach))
    yield { start, end: lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd }
    if (start <= floor) return
    // Past the line break before the line; a line cut at `reach` goes on right before the cut.
    lineEnd = text.charCodeAt(start - 1) === 10 ? start - 1 : start
  }
}
