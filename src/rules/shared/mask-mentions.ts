// A mask the text quotes to talk about it, not one left in it: a report that criticizes
// unfilled templates quotes their wording (`存在“XX单位”“**万元”等模板内容未填写`), as a legend
// quotes the symbol it explains.

/** The quotes a mention is written in, each with the one that closes it. */
const closingQuote: Readonly<Record<string, string>> = { '“': '”', '「': '」', '‘': '’', '"': '"' }
/** How long a quoted piece of template wording is, in UTF-16 code units, quotes left out. */
const maxQuoted = 16
/** What ends the search for a quote: a line, a sentence or a clause. */
const quoteStopRe = /[\n\r。；！？;!?，,]/

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
export function isQuotedMention(text: string, start: number, end: number): boolean {
  let close: number
  if (closingQuote[text.charAt(start)] !== undefined && closingQuote[text.charAt(start)] === text.charAt(end - 1)) close = end - 1
  else {
    const open = quoteBefore(text, start)
    if (open < 0) return false
    close = quoteAfter(text, end, closingQuote[text.charAt(open)]!)
    if (close < 0 || close - open - 1 > maxQuoted) return false
  }
  mentionTailRe.lastIndex = close + 1
  return mentionTailRe.test(text)
}

/** The opening quote of the quoted piece the mask at `start` is in, or -1. */
function quoteBefore(text: string, start: number): number {
  for (let i = start - 1; i >= 0 && start - i <= maxQuoted; i--) {
    const c = text.charAt(i)
    if (closingQuote[c] !== undefined) return i
    if (quoteStopRe.test(c) || c === '”' || c === '」' || c === '’') return -1
  }
  return -1
}

/** The quote `close` that ends the quoted piece after the mask, or -1. */
function quoteAfter(text: string, end: number, close: string): number {
  for (let i = end; i < text.length && i - end <= maxQuoted; i++) {
    const c = text.charAt(i)
    if (c === close) return i
    if (quoteStopRe.test(c)) return -1
  }
  return -1
}
