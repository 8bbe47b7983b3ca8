// A match quoted in a sentence that names it is mentioned, not used: a notice a text describes
// (存在“余下内容请登录后查看”等设置), a wrong form a correction note quotes (把“截止目前”统一改为
// “截至目前”, 把“按步就班”等常见错误列入校对清单). One reading of the quotes for both. A proofreading
// table's column of errors (| 错误写法 | 正确写法 |) and a list of errors each with its correction
// (自已 → 自己) cite the wrong form too.
import type { Document } from '../../core/document.js'
import type { RawFinding } from '../../core/finding.js'
import type { TextRegExp } from '../../core/user-regexp.js'
import { columnHeaderAt } from './table-columns.js'

/**
 * How a kind of mention is quoted: the quotes that open and close it, how far each may stand
 * from the span (UTF-16 code units), and what ends the search for one.
 */
export interface QuoteReading {
  readonly opens: string
  readonly closes: string
  readonly reach: number
  readonly isStop: (c: string) => boolean
}

/**
 * Prose naming a phrase: quotes up to 40 units away, searched up to a line break, or a closing
 * quote met looking back (an opening one looking on).
 */
const proseQuotes: QuoteReading = {
  opens: '“「『"',
  closes: '”」』"',
  reach: 40,
  isStop: (c) => c === '\n' || c === '\r' || c === '”' || c === '“',
}
const quoteReach = proseQuotes.reach

/** Opening and closing quote around [start, end): neither crossed by another quote or a line break, each within reach. */
export interface Quote {
  readonly open: number
  readonly close: number
}

/** The quotes around [start, end) as `reading` reads them, or undefined. */
export function quoteAround(text: string, start: number, end: number, reading: QuoteReading = proseQuotes): Quote | undefined {
  const { opens, closes, reach, isStop } = reading
  let open = start - 1
  while (open >= 0 && start - open <= reach && !opens.includes(text[open]!) && !isStop(text[open]!)) open--
  if (open < 0 || start - open > reach || !opens.includes(text[open]!)) return undefined
  let close = end
  while (close < text.length && close - end <= reach && !closes.includes(text[close]!) && !isStop(text[close]!)) close++
  if (close >= text.length || !closes.includes(text[close]!)) return undefined
  return { open, close }
}

/**
 * True when `text` quotes [start, end) and `mentionRe` (anchored) matches right after the
 * closing quote: a rule's own cue (`等`, `的提示`). Positions in UTF-16 code units of `text`.
 */
export function isQuotedMention(text: string, start: number, end: number, mentionRe: TextRegExp): boolean {
  const quote = quoteAround(text, start, end)
  return quote !== undefined && mentionRe.test(text.slice(quote.close + 1, quote.close + 1 + 2 * quoteReach))
}

/**
 * After the quote, past other quoted forms listed with it and a few words of its sentence: it
 * is to be corrected (改为, 应为) or it is an error (等常见错误, 是错别字).
 */
const wrongAfterRe = /^(?:[、，,和及与或]?[“「『"][^”」』"\n]{0,40}[”」』"])*[^。；！？\n“「『"]{0,12}?(?:改为|改成|更正为|更改为|纠正为|应为|应是|应作|应写作|应写为|应当为|误写|误作|误用|错写|错误|错别字|别字|笔误|不规范|正确写法|正确的写法)/
/**
 * Before the quote, in its sentence: it is what was written by mistake (误写为, 不要写成), or,
 * right before it, the form set against the right one (应写作“截至”，而非“截止”). A 不是 or 并非
 * earlier in the sentence cites nothing: 这不是简单的“两个维扩”问题 quotes a slip of its own.
 */
const wrongBeforeRe = /(?:(?:误写为|误写成|误作|错写为|错写成|写错为|写成了|不要写成|不应写成|不能写成|不得写成|错误写法|错误用法|别字|错字)[^。；！？\n]{0,12}|(?:而非|而不是))$/

/**
 * True when text[offset, offset + length) stands in quotes that its sentence names as wrong:
 * followed by 改为/应为/等错误…, or after 误写为/不要写成…. Offsets in UTF-16 code units.
 */
export function isMentionedAsWrong(text: string, offset: number, length: number): boolean {
  const quote = quoteAround(text, offset, offset + length)
  if (!quote) return false
  if (wrongAfterRe.test(text.slice(quote.close + 1, quote.close + 1 + 2 * quoteReach))) return true
  return wrongBeforeRe.test(text.slice(Math.max(0, quote.open - 24), quote.open))
}

/** `findings` without the ones a note quotes as wrong ({@link isMentionedAsWrong}). */
export function dropMentions(text: string, findings: RawFinding[]): RawFinding[] {
  return findings.filter((f) => !isMentionedAsWrong(text, f.offset, f.length))
}

/**
 * A table's header over a column of wrong forms, as a whole header: 错误写法, 误用, 常见别字, 错字,
 * 不规范写法, 非推荐词形; not 正确写法, nor a header that merely holds 误 or 错 (误差, 抽样误差说明,
 * 差错率, 错峰时段), whose column's slips are the table's own.
 */
const wrongColumnRe = /^(?:(?:常见)?(?:错误|错别|别|错)字?(?:写法|用法|词形|形式|词语|词)?|误用(?:词语|写法)?|误写|(?:不规范|非推荐|不推荐)(?:写法|用法|词形|词语)?)$/
/** Han characters and the joiners inside a cited form (`党的十二大`, `截止6月底`). */
const citedFormRe = /[\p{Script=Han}0-9０-９]/u
/**
 * Between a form and its correction in a list or a table row: bars, arrows, a colon, quotes,
 * brackets, and a cue that the next form is the right one (应为, 改为, 正确写法).
 */
const toCorrectionRe = /^[\s|｜│:：→⇒➝>＞=＝\-－—–~～、，,;；“”"'‘’「」『』（）()【】[\]]*(?:(?:应为|应是|应作|应写作|应写为|改为|改成|更正为|正确的?写法(?:是|为)?|正确|规范写法|正)[\s|｜:：→>=\-—“”"'‘’「」（）()]*)?/

/** What in that gap sets a correction against its error: a bar, an arrow, a colon, a cue; a comma alone goes on with the sentence. */
const strongGapRe = /[|｜│:：→⇒➝>＞=＝\t]|\s{2}|应|改|正/

/**
 * True when the form at [offset, offset + length) is listed with its correction (`suggestion`
 * in its place) right after it, only bars, arrows or a cue between: a row of a proofreading
 * table (`| 自已 | 自己 |`), a list of errors (`记帐 → 记账`, `误写为“戊戍年”，应为戊戌年`).
 * The form is read whole: the run of Han characters and digits the span stands in.
 */
function isListedWithCorrection(text: string, offset: number, length: number, suggestion: string): boolean {
  let start = offset
  while (start > 0 && citedFormRe.test(text[start - 1]!)) start--
  let end = offset + length
  while (end < text.length && citedFormRe.test(text[end]!)) end++
  const corrected = text.slice(start, offset) + suggestion + text.slice(offset + length, end)
  const rest = text.slice(end, end + 24 + corrected.length)
  const gap = toCorrectionRe.exec(rest)![0]
  if (!strongGapRe.test(gap) || gap.includes('\n')) return false
  const after = rest.slice(gap.length)
  return after.startsWith(corrected) || (suggestion.length > 1 && after.startsWith(suggestion))
}

/** Right before a form written without quotes: it is the one written by mistake (误写为戊戍年). */
const wrongJustBeforeRe = /(?:误写为|误写成|误写作|误作|错写为|错写成|错写作|写错为|错写)了?$/

/**
 * True when the document cites the finding's text as an error rather than using it: quoted by
 * a note as wrong ({@link isMentionedAsWrong}), in a table's column headed as the errors
 * (`| 错误写法 | 正确写法 |`), listed with its correction, or right after 误写为.
 */
export function isCitedAsWrong(doc: Document, finding: RawFinding): boolean {
  const { offset, length } = finding
  const text = doc.text
  if (isMentionedAsWrong(text, offset, length)) return true
  if (wrongJustBeforeRe.test(text.slice(Math.max(0, offset - 6), offset))) return true
  if (finding.suggestion && isListedWithCorrection(text, offset, length, finding.suggestion)) return true
  const header = columnHeaderAt(doc, offset)
  // The header as it reads: spaces, emphasis and code marks around it dropped.
  return header !== undefined && wrongColumnRe.test(header.replace(/[\s\u3000*_`]/g, ''))
}

/** `findings` without the ones the document cites as errors ({@link isCitedAsWrong}). */
export function dropCitedForms(doc: Document, findings: RawFinding[]): RawFinding[] {
  return findings.length === 0 ? findings : findings.filter((f) => !isCitedAsWrong(doc, f))
}
