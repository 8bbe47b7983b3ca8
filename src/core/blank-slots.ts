// The parts of a blank that a value fills: its masked numbers, spaces and fields (`2024年　月　日`
// has two, the month and the day). The text around them (年, 月, 日, 〔2024〕, 号, 第, 星期, a
// unit, quotes, a label) is the document's and stays as it is.

/**
 * What a part stands for, which decides what a value for it may be: a number (a count, a year,
 * a document's serial), a month, a day, a day of the week, any text (an issuer's code, a
 * placeholder's field), or the value of a label that ends the blank (`联系电话：`).
 */
export type SlotRole = 'number' | 'month' | 'day' | 'weekday' | 'text' | 'after'

/** One part to fill, [start, end) of the blank's text in UTF-16 code units; `after` is empty, at the end. */
export interface BlankSlot {
  readonly start: number
  readonly end: number
  readonly role: SlotRole
}

/**
 * Characters that mask a digit or a field (`*`, `x`, `×`, `_`, `□`, and their full-width forms).
 * 〇 and ○ are left out: they are the zero of a Chinese year (`二〇二四年`) as often as a mask.
 */
const maskCharRe = /[*\uFF0AxX\uFF58\uFF38\u00D7_\uFF3F\u25A1]/
/**
 * A number as a blank writes it, masked in whole or part: digits (half or full width), the
 * Chinese digits, mask characters, and the point or separator between them (`1X.X`, `2X,XXX`,
 * `二〇XX`). Not 十, 百, 万: a magnitude is the unit's (`1X万人次` keeps 万).
 */
const numberTokenRe = /[0-9\uFF10-\uFF19〇○零一二三四五六七八九*\uFF0AxX\uFF58\uFF38\u00D7_\uFF3F\u25A1]+(?:[.,\uFF0E\uFF0C][0-9\uFF10-\uFF19*\uFF0AxX\uFF58\uFF38\u00D7_\uFF3F\u25A1]+)*/y
/** Spaces left to write a number or a field in (no line break: a hard-wrapped blank keeps its line). */
const spaceRunRe = /[ \u3000\u00A0\t]+/y
/** Empty brackets standing for the blank as a whole (`（  ）人`, `【  】`): they go with the value. */
const bracketBlankRe = /[（(【\[［][ \u3000\u00A0_\uFF3F]*[）)】\]］]/y
/** A label whose value is missing, the blank being the label itself (`联系电话：`, `联 系 人：`). */
const labelRe = /[：:][ \t\u3000]*$/
/** A mask of letters or underscores in Markdown's bold (`**XX**`). */
const emphasisRe = /^\*\*[xX\uFF58\uFF38\u00D7_\uFF3F\u25A1]+\*\*$/
/** Han characters, which a letter mask between makes a field of a name (`哈X教发`), not a number. */
const hanRe = /[\u4e00-\u9fff]/
/** The rest of an issuing office's code, then its year's bracket (`银发〔` of `XX银发〔2024〕XX号`). */
const issuerCodeAfterRe = /^[\u4e00-\u9fff]{1,4}[〔［[]/
/** What a masked month, day or weekday is known by: the character after it, or the word before. */
const dayUnitRe = /^[日号]/
const weekdayWordRe = /(?:星期|礼拜)$/

/**
 * The parts of the blank `text` to fill; `isCount` for a count's blank (`count/unfilled`),
 * where every part is a number unless the text shows otherwise. A blank with no part found
 * (`某某`, `{{单位名称}}`, `（此处填写单位名称）`) is one part, all of it: it is all placeholder.
 */
export function slotsOf(text: string, isCount: boolean, isTemplateNote = false): BlankSlot[] {
  if (isTemplateNote) return labelRe.test(text) ? [{ start: text.length, end: text.length, role: 'after' }] : [{ start: 0, end: text.length, role: 'text' }]
  const slots: BlankSlot[] = []
  const spans: { start: number; end: number; isSpace: boolean; isMasked: boolean }[] = []
  for (let at = 0; at < text.length; ) {
    const brackets = matchAt(bracketBlankRe, text, at)
    const m = brackets ?? matchAt(numberTokenRe, text, at)
    if (m !== undefined) {
      spans.push({ start: at, end: at + m.length, isSpace: false, isMasked: brackets !== undefined || maskCharRe.test(m) })
      at += m.length
      continue
    }
    const space = matchAt(spaceRunRe, text, at)
    if (space !== undefined) {
      spans.push({ start: at, end: at + space.length, isSpace: true, isMasked: true })
      at += space.length
      continue
    }
    at++
  }
  spans.forEach((s, i) => {
    // A single space beside a number sets it off (`工坊 X 家`): it is no blank of its own.
    const isBesideNumber = s.isSpace && (spans[i - 1]?.end === s.start || spans[i + 1]?.start === s.end)
    if (!s.isMasked || isBesideNumber) return
    // Markdown's bold around a mask of letters (`**XX**本`) is the text's: the value goes inside.
    const bold = emphasisRe.test(text.slice(s.start, s.end)) ? 2 : 0
    slots.push({ start: s.start + bold, end: s.end - bold, role: roleOf(text, s.start, s.end, isCount) })
  })
  return slots.length > 0 ? slots : [{ start: 0, end: text.length, role: isCount ? 'number' : 'text' }]
}

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at
  return re.exec(text)?.[0]
}

/** What the part [start, end) of a blank stands for, read from the characters around it. */
function roleOf(text: string, start: number, end: number, isCount: boolean): SlotRole {
  if (!isCount) return 'text'
  const before = text.slice(0, start)
  const after = text.slice(end)
  if (weekdayWordRe.test(before)) return 'weekday'
  if (after.startsWith('月')) return 'month'
  if (dayUnitRe.test(after) && before.includes('月')) return 'day'
  // A mask opening a document number's issuing code (`XX银发〔2024〕XX号`): the office's abbreviation.
  if (issuerCodeAfterRe.test(after)) return 'text'
  // A letter between Han characters, not after 第: a character of an issuer's code (`哈X教发`).
  const prev = before.charAt(before.length - 1)
  if (hanRe.test(prev) && prev !== '第' && hanRe.test(after.charAt(0)) && !/^[ \u3000]/.test(text.slice(start, end))) return 'text'
  return 'number'
}
