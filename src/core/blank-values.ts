// Puts a sheet's value into the parts of its blank: written as the blank should read
// (`2024年4月2日`, `〔2024〕16号`, `星期五`, `12次`), as its parts alone (`4月2日`, `16`, `五`, `12`),
// or as its parts in order with a separator (`4-2`, `2024-04-02`). A value that fits no way is refused.
import type { BlankSlot, SlotRole } from './blank-slots.js'

/** Counts: Arabic digits (half or full width, with `,` or `.`), or Chinese numerals (`三`, `二十`). */
const countValueRe = /^(?:[0-9\uFF10-\uFF19]+(?:[.,\uFF0C\uFF0E][0-9\uFF10-\uFF19]+)*|[零〇一二两三四五六七八九十百千万亿]+)$/
/** What separates the parts of a value written in order (`4-2`, `2024/4/2`, `4.2`, `4、2`). */
const partSeparatorRe = /[-\uFF0D/\uFF0F.\uFF0E、,\uFF0C \u3000]+/
const spaceRe = /[ \t\u3000\u00A0]/g
/** A date's unit in a blank's text: the written or masked number before it is one of the date's parts. */
const dateUnitRe = /[年月日号]/g
const chineseDigits = '〇一二三四五六七八九'

/** Why a value could not be placed, and so which hint the refusal gives. */
export type PlacementProblem = 'not-a-number' | 'date' | 'weekday' | 'parts'

/** The value of each part, in the order of the parts; or why there is none. */
export type Placement = { readonly values: readonly string[] } | { readonly problem: PlacementProblem }

/** True when `value` can stand for a count. */
export function isCountValue(value: string): boolean {
  return countValueRe.test(value)
}

/**
 * The value of each of the blank's `slots` (parts of `text`) that `value` writes. Tried in turn:
 * the value read against the blank's text, its written text around the parts optional before
 * the first part and after the last; then, for a blank of several parts, the value's parts in
 * order between separators, with the date's written parts too where they agree (`2024-4-2` for
 * `2024年　月　日`). Each part's value must suit it (a number, a month 1–12, a day 1–31, a weekday).
 */
export function placeValue(text: string, slots: readonly BlankSlot[], value: string): Placement {
  const fixed = slots.map((s, i) => text.slice(i === 0 ? 0 : slots[i - 1]!.end, s.start))
  fixed.push(text.slice(slots[slots.length - 1]!.end))
  for (const [isLeadKept, isTrailKept] of [[true, true], [false, true], [true, false], [false, false]] as const) {
    const parts = readAgainst(fixed, value, isLeadKept, isTrailKept)
    if (parts && parts.every((p, i) => suits(slots[i]!.role, p))) return { values: parts }
  }
  const inOrder = slots.length > 1 ? readInOrder(text, slots, value) : undefined
  if (inOrder) return { values: inOrder }
  return { problem: problemOf(slots) }
}

/** The parts `value` holds where it reads as the blank's text, its parts any text (lazy); undefined where it does not. */
function readAgainst(fixed: readonly string[], value: string, isLeadKept: boolean, isTrailKept: boolean): string[] | undefined {
  const last = fixed.length - 1
  const source = fixed.map((f, i) => ((i === 0 && !isLeadKept) || (i === last && !isTrailKept) ? '' : patternOf(f))).join('(.+?)')
  const m = new RegExp(`^${source}$`, 'u').exec(value)
  return m ? m.slice(1).map((p) => p.trim()) : undefined
}

/** A written part of the blank as a pattern: its spaces optional, as a writer may leave them out (`联系人：` for `联 系 人：`). */
function patternOf(fixed: string): string {
  return [...fixed.replace(spaceRe, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t\\u3000\\u00A0]*')
}

/**
 * The parts of a value written in order with separators (`4-2`), one per part of the blank, or
 * one per part of its date where the written ones agree (`2024-04-02` for `2024年　月　日`).
 * A month's or day's leading zero, as such a date writes it, is not Chinese writing: it goes.
 */
function readInOrder(text: string, slots: readonly BlankSlot[], value: string): string[] | undefined {
  const parts = value.split(partSeparatorRe).filter((p) => p !== '')
  const unpad = (p: string, role: SlotRole) => ((role === 'month' || role === 'day') && /^0[0-9]$/.test(p) ? p.slice(1) : p)
  if (parts.length === slots.length) {
    const values = parts.map((p, i) => unpad(p, slots[i]!.role))
    return values.every((p, i) => suits(slots[i]!.role, p)) ? values : undefined
  }
  const date = datePartsOf(text, slots)
  if (date.length !== parts.length || date.filter((d) => d.slot !== undefined).length !== slots.length) return undefined
  const values: string[] = []
  for (let i = 0; i < date.length; i++) {
    const d = date[i]!
    if (d.slot === undefined) {
      if (numberOf(d.written!) !== numberOf(parts[i]!)) return undefined
      continue
    }
    values.push(unpad(parts[i]!, d.slot.role))
  }
  return values.every((p, i) => suits(slots[i]!.role, p)) ? values : undefined
}

/** The parts of the date a blank holds, in order: each a part to fill or a number written (`2024` of `2024年`). */
function datePartsOf(text: string, slots: readonly BlankSlot[]): { slot?: BlankSlot; written?: string }[] {
  const parts: { slot?: BlankSlot; written?: string }[] = []
  for (const m of text.matchAll(dateUnitRe)) {
    const at = m.index
    // 号 is a date's day only after its month (`3月X号`), else a serial's (`〔2024〕X号`).
    if (m[0] === '号' && !text.slice(0, at).includes('月')) continue
    const slot = slots.find((s) => s.end === at)
    if (slot) parts.push({ slot })
    else {
      const written = /[0-9\uFF10-\uFF19〇○零一二三四五六七八九十]+$/.exec(text.slice(0, at))?.[0]
      if (written === undefined) return []
      parts.push({ written })
    }
  }
  return parts
}

/** The number a written date part stands for (`2024`, `２０２４`, `二〇二四`, `十二`), or NaN. */
function numberOf(part: string): number {
  const digits = part.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/[〇○零]/g, '0')
  if (/^[0-9]+$/.test(digits)) return Number(digits)
  if (/^[0-9一二三四五六七八九]+$/.test(digits) && !digits.includes('十')) return Number([...digits].map((c) => (/[0-9]/.test(c) ? c : String(chineseDigits.indexOf(c)))).join(''))
  const tens = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(digits)
  if (tens) return (tens[1] ? chineseDigits.indexOf(tens[1]) : 1) * 10 + (tens[2] ? chineseDigits.indexOf(tens[2]) : 0)
  return Number.NaN
}

/** True when `value` can fill a part of this role. */
function suits(role: SlotRole, value: string): boolean {
  if (value === '' || /[\r\n]/.test(value)) return false
  if (role === 'text' || role === 'after') return true
  if (role === 'weekday') return /^[一二三四五六日天]$/.test(value)
  if (!isCountValue(value)) return false
  const n = numberOf(value)
  if (role === 'month') return Number.isNaN(n) || (n >= 1 && n <= 12)
  if (role === 'day') return Number.isNaN(n) || (n >= 1 && n <= 31)
  return true
}

function problemOf(slots: readonly BlankSlot[]): PlacementProblem {
  if (slots.some((s) => s.role === 'month' || s.role === 'day')) return 'date'
  if (slots.length === 1 && slots[0]!.role === 'weekday') return 'weekday'
  if (slots.length === 1 && slots[0]!.role === 'number') return 'not-a-number'
  return 'parts'
}
