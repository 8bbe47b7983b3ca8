// How a document masks its identifiers (`139****0021`, `640302********0517`, all `*`), learnt
// from the ones it has masked, and the masked form of a new one written the same way.
import { allowedInClear, type IdentifierClass, type IdentifierHit } from './types.js'

/** How identifiers of one class are masked: digits kept at each end, or all of them masked. */
export interface MaskConvention {
  readonly head: number
  readonly tail: number
  readonly char: string
}

/**
 * What `redact` writes when the document shows no convention of its own: the usual forms of
 * Chinese publications, each within what {@link allowedInClear} accepts.
 */
export const defaultConventions: Readonly<Record<'id' | 'mobile' | 'card' | 'landline', Omit<MaskConvention, 'char'>>> = {
  id: { head: 6, tail: 4 },
  mobile: { head: 3, tail: 4 },
  card: { head: 4, tail: 4 },
  landline: { head: 4, tail: 0 },
}
const defaultChar = '*'
/** Digits, and the final X of an ID number: the characters a mask stands for. */
const maskableRe = /[0-9\uFF10-\uFF19Xx\uFF38\uFF58*\uFF0A\u00D7]/
/** A digit, ASCII or full-width. */
const digitRe = /[0-9\uFF10-\uFF19]/

/**
 * The convention per class from the document's masked identifiers (the commonest shape of a
 * class wins), plus fully masked values after a label (`身份证号码：******************`), which
 * a caller finds. The mask character is the one the document uses most.
 */
export function inferConventions(masked: readonly IdentifierHit[], fullyMasked: ReadonlyMap<IdentifierClass, string>): (kind: IdentifierClass) => MaskConvention {
  const counts = new Map<string, number>()
  const chars = new Map<string, number>()
  for (const hit of masked) {
    if (!hit.mask) continue
    const key = `${hit.kind}\u0000${hit.mask.head}\u0000${hit.mask.tail}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    chars.set(hit.mask.char, (chars.get(hit.mask.char) ?? 0) + 1)
  }
  for (const char of fullyMasked.values()) chars.set(char, (chars.get(char) ?? 0) + 1)
  const char = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? defaultChar
  const best = new Map<IdentifierClass, { head: number; tail: number; count: number }>()
  for (const [key, count] of counts) {
    const [kind, head, tail] = key.split('\u0000') as [IdentifierClass, string, string]
    if ((best.get(kind)?.count ?? 0) < count) best.set(kind, { head: Number(head), tail: Number(tail), count })
  }
  return (kind) => {
    if (fullyMasked.has(kind)) return { head: 0, tail: 0, char }
    const fallback = kind in defaultConventions ? defaultConventions[kind as keyof typeof defaultConventions] : { head: 0, tail: 0 }
    const seen = best.get(kind)
    const allowed = allowedInClear[kind] ?? { head: 0, tail: 0 }
    // A document that keeps too much is no convention to copy.
    const isAllowed = seen !== undefined && seen.head <= allowed.head && seen.tail <= allowed.tail
    const { head, tail } = isAllowed ? seen : fallback
    return { head, tail, char }
  }
}

/** The masked form of one identifier's text, written in `convention`. */
export function maskIdentifier(value: string, kind: IdentifierClass, convention: MaskConvention): string {
  const { char } = convention
  switch (kind) {
    case 'plate':
      // The province and office letter name a city, as a county does: kept.
      return value.slice(0, 2) + value.slice(2).replace(/[A-Z0-9\uFF21-\uFF3A\uFF10-\uFF19]/g, char)
    case 'email': {
      const at = value.indexOf('@')
      return value.charAt(0) + char.repeat(3) + value.slice(at)
    }
    case 'credit':
    case 'qq':
    case 'wechat':
    case 'medical':
    case 'social':
    case 'parcel':
    case 'vehicle':
    case 'account':
    case 'alias':
    case 'record':
    case 'registration':
    case 'handle':
      // A line break inside (a code wrapped across lines) stays: the lines stay the document's.
      return value.replace(/[^\r\n]/g, char)
    case 'ip':
      // The dots and colons stay: the masked value still reads as an address (IPv6's hex digits too).
      return value.replace(value.includes(':') ? /[0-9A-Fa-f]/g : /[0-9]/g, char)
    case 'device':
      // A MAC address keeps its colons, as an IP address its dots.
      return value.replace(/[0-9A-Za-z]/g, char)
    case 'class':
      // As the documents that mask classes write them: `××级××班`.
      return value.replace(/^[0-9]+([级届]).*班$/, `${char.repeat(2)}$1${char.repeat(2)}班`)
    case 'property':
      // The registry's place and year name no one: the certificate's serial number does.
      return value.replace(/[0-9０-９]+(?=[ \u3000]*号$)/, (digits) => char.repeat(digits.length))
    case 'landline': {
      // The area code names a city, as a county does: at most it is kept, never the local number's start.
      const areaEnd = value.search(/[-－ \u00A0\u2000-\u200A\u202F\u205F\t\u3000）)]/)
      const areaDigits = areaEnd < 0 ? 0 : [...value.slice(0, areaEnd)].filter((c) => maskableRe.test(c)).length
      return maskDigits(value, { ...convention, head: Math.min(convention.head, areaDigits) })
    }
    case 'id':
      // A Hong Kong identity card's number (`A123456(3)`) or an old permanent-residence card's
      // (`USA310087090901`) opens with letters: its ends name no county, so it is masked whole.
      if (/^[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/.test(value)) return value.replace(/[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, char)
      return maskDigits(value, convention)
    default:
      return maskDigits(value, convention)
  }
}

/**
 * Masks every digit of `value` but the first `head` and last `tail`; separators stay. Of a value
 * already partly masked, only the clear digits at each end are kept (`6401812009031106**` becomes
 * `640181************`: the `06` before the final mask would be left in the middle).
 */
function maskDigits(value: string, { head, tail, char }: MaskConvention): string {
  const chars = [...value].filter((c) => maskableRe.test(c))
  // A final X after a digit is an ID number's check character, in clear; any other X is a mask.
  const hasCheckX = chars.length > 1 && /[Xx\uFF38\uFF58]/.test(chars[chars.length - 1]!) && digitRe.test(chars[chars.length - 2]!)
  const clear = chars.map((c, i) => digitRe.test(c) || (hasCheckX && i === chars.length - 1))
  let lead = 0
  while (lead < clear.length && clear[lead]) lead++
  let trail = 0
  while (trail < clear.length && clear[clear.length - 1 - trail]) trail++
  const keepHead = Math.min(head, lead)
  const keepTail = Math.min(tail, trail)
  let index = 0
  let out = ''
  for (const c of value) {
    if (!maskableRe.test(c)) out += c
    else out += index < keepHead || index >= chars.length - keepTail ? c : char
    if (maskableRe.test(c)) index++
  }
  return out
}
