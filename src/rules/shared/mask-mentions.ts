// A mask the text quotes to talk about it, not one left in it: a report that criticizes
// unfilled templates quotes their wording (`存在“XX单位”“**万元”等模板内容未填写`), as a legend
// quotes the symbol it explains. The quotes are read as every mention's are (mentions.ts).
import { quoteAround, type QuoteReading } from './mentions.js'

/**
 * Template wording quoted: a short piece (16 units at most) in “”, 「」, ‘’ or "", inside its
 * clause: a comma, a sentence's end, a line, or another quote's close met looking back ends the search.
 */
const templateQuotes: QuoteReading = {
  opens: '“「‘"',
  closes: '”」’"',
  reach: 16,
  isStop: (c) => '\n\r。；！？;!?，,”」’'.includes(c),
}
/** The quote that closes each opening one. */
const closingQuote: Readonly<Record<string, string>> = { '“': '”', '「': '」', '‘': '’', '"': '"' }

/**
 * After the closing quote: more quoted wording (`“XX单位”“**万元”`, `“XX”、“**”`), then a word that
 * says the quoted text is template wording left unfilled (`字样`, `占位符`, `模板内容`, `未填写`,
 * `未替换`), right after the quotes or in the clause that 等 or 之类 opens after them.
 */
const mentionTailRe =
  /(?:[、，,和及与或]?[“「‘"][^”」’"\n]{1,16}[”」’"])*(?:(?:等|之类|一类|这类|这样)[的]?[^，。；：！？,;:\n“「]{0,8}?)?(?:字样|占位|模板内容|模板文字|模板用语|模板表述|模板语句|未填|未替换)/y

/**
 * True when the mask at [start, end) stands inside quotes that the text talks about as template
 * wording left unfilled (`“XX单位”等模板内容未填写`, `保留“XXX”字样`); a quoted blank in the
 * text's own sentence stays one (`被授予“**”称号`, `授予“　　”称号`). An empty pair of quotes
 * (`“　　”`) is its own quote.
 */
export function isTemplateWording(text: string, start: number, end: number): boolean {
  let close: number
  if (closingQuote[text.charAt(start)] !== undefined && closingQuote[text.charAt(start)] === text.charAt(end - 1)) close = end - 1
  else {
    const quote = quoteAround(text, start, end, templateQuotes)
    if (quote === undefined || closingQuote[text.charAt(quote.open)] !== text.charAt(quote.close) || quote.close - quote.open - 1 > templateQuotes.reach) return false
    close = quote.close
  }
  mentionTailRe.lastIndex = close + 1
  return mentionTailRe.test(text)
}
