// The identifiers a document can leak, as the scanners report them.

/** The classes of direct identifier (REAL-DOCUMENTS.md §4), as rule files name them. */
export const identifierClasses = ['id', 'credit', 'card', 'mobile', 'landline', 'plate', 'email', 'qq', 'wechat', 'property', 'medical', 'social', 'parcel', 'vehicle', 'account', 'alias', 'record', 'ip', 'device', 'class', 'registration', 'handle'] as const
export type IdentifierClass = (typeof identifierClasses)[number]

/** How a partly masked identifier is written: digits kept at the head and tail, the mask character. */
export interface MaskShape {
  /** Clear digits before the first mask character. */
  readonly head: number
  /** Clear digits (or a final check character) after the last mask character. */
  readonly tail: number
  /** Clear digits between mask characters (`640302****12**0517` has 2). */
  readonly middle: number
  /** The mask character used (`*`, `×`, `x` …). */
  readonly char: string
}

/** One identifier found in a text, [start, end) in UTF-16 code units. */
export interface IdentifierHit {
  readonly start: number
  readonly end: number
  readonly kind: IdentifierClass
  /** Set when the identifier is partly masked; absent when it stands in clear. */
  readonly mask?: MaskShape
  /** Emphasis markers inside the span (Markdown `**` between digits): not the identifier's, dropped when it is masked. */
  readonly markers?: readonly { readonly start: number; readonly end: number }[]
}

/** Digits (and the check character) an identifier of each class may keep in clear when masked. */
export const allowedInClear: Readonly<Partial<Record<IdentifierClass, { head: number; tail: number }>>> = {
  id: { head: 6, tail: 4 },
  mobile: { head: 3, tail: 4 },
  card: { head: 6, tail: 4 },
  landline: { head: 4, tail: 4 },
}

/** True when a masked identifier keeps more in clear than its class allows. */
export function keepsTooMuch(kind: IdentifierClass, mask: MaskShape): boolean {
  const allowed = allowedInClear[kind]
  return allowed !== undefined && (mask.head > allowed.head || mask.tail > allowed.tail || mask.middle > 0)
}
