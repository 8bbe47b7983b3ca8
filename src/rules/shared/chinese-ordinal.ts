// Chinese ordinals 一 … 九十九, as congresses and plenums are numbered (二十大, 十九届).

const digits = '一二三四五六七八九'

/** Chinese ordinal 一 … 九十九 as a number; undefined when not one. */
export function parseChineseOrdinal(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return undefined
  const [, tens, ten, units] = m
  if (!ten) return tens && !units ? digits.indexOf(tens) + 1 : undefined
  return (tens ? digits.indexOf(tens) + 1 : 1) * 10 + (units ? digits.indexOf(units) + 1 : 0)
}

/** A number 1 … 99 as a Chinese ordinal (二十, 十二). */
export function formatChineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10)
  const units = n % 10
  const unitChar = units ? digits[units - 1]! : ''
  if (tens === 0) return unitChar
  return (tens > 1 ? digits[tens - 1]! : '') + '十' + unitChar
}

/** The up to three Chinese numerals (一 … 十) right before `at`: the ordinal of `十二大`, `十三五`. */
export function ordinalBefore(text: string, at: number): string {
  let start = at
  while (start > at - 3 && start > 0 && '一二三四五六七八九十'.includes(text[start - 1]!)) start--
  return text.slice(start, at)
}
