// The words before a number that label it (`身份证号码`, `订单号`, `办公电话`): where its phrase or
// clause starts, and which of several labels stands nearest it.

/**
 * The words before `start` in its clause: where a label stands (`卡号：`, `订单号`). With
 * `isPhrase`, the label is at most 16 characters back and also ends at a comma or 、, so that
 * a number's own label is read, not its neighbour's; else it reaches 40 characters back, over
 * a list of numbers after one label (`举报电话：0951-5012345、0951-5012346`).
 */
export function labelBefore(text: string, start: number, isPhrase = true): string {
  const window = text.slice(Math.max(0, start - (isPhrase ? 16 : 40)), start)
  for (let i = window.length - 1; i >= 0; i--) if ((isPhrase ? phraseBreakRe : clauseBreakRe).test(window[i]!)) return window.slice(i + 1)
  return window
}
const clauseBreakRe = /[\n。；;！？]/
const phraseBreakRe = /[\n。；;！？，,、]/

/**
 * What follows the last word of `re` in `label` (the words before a number), or undefined when
 * none stands there: the words between a label and its number, where a nearer label would stand.
 * `re` must not be global.
 */
export function afterLastWord(label: string, re: RegExp): string | undefined {
  if (!re.test(label)) return undefined
  // The last match starts at the last position from which the rest still matches.
  let at = label.length - 1
  while (!re.test(label.slice(at))) at--
  const m = re.exec(label.slice(at))!
  return label.slice(at + m.index + m[0].length)
}
