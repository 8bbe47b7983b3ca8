// Finds the identifiers a break splits: a line break inside a number (the hard wraps of
// pdftotext: `公民身份号码6403021956⏎09080225`), a tab or U+3000 IDEOGRAPHIC SPACE between its
// groups (Word text, cells), Markdown emphasis markers between its digits
// (`640381**19920101**0841` renders as the whole number, its birth date in bold). A break is
// read through only where the joined characters prove an identifier: an ID number's or a credit
// code's check character (an ID's label and division code), or a card's label before it with
// its Luhn digit; a mobile number only after a phone's label that governs it, its pieces making
// exactly a mobile's shape. Arbitrary numbers on two lines or in two cells stay apart.
import type { Region } from '../../../core/document.js'
import { hasValidCreditCode, passesLuhn } from './checksums.js'
import { afterLastWord, labelBefore } from './labels.js'
import { isCuedIdNumber, isIdNumber, type NumberContext } from './numbers.js'
import { recordLabelRe } from './record-labels.js'
import { nextRun, unitTable } from './runs.js'
import type { IdentifierHit } from './types.js'

/** A piece of text between two parts of one identifier; `isMarker` for emphasis markers, which are not the identifier's. */
interface Break extends Region {
  readonly isMarker: boolean
}

/** A run of letters and digits on either side of a break. */
interface Segment extends Region {
  readonly value: string
}

/** Characters before or after a joined run that make it part of something longer (`ABC-`, a mask, a decimal). */
const openBeforeRe = /[*\uFF0A\u00D7_@.+\-/]/
const openAfterRe = /[*\uFF0A\u00D7@]/

/**
 * The identifiers of `text` split by breaks (line breaks, cell gaps, the emphasis markers
 * `markers` between digits), each spanning its parts and the breaks between, with the markers
 * inside it. Offsets in UTF-16 code units.
 */
export function findJoinedIdentifiers(text: string, context: NumberContext, markers: readonly Region[] = []): IdentifierHit[] {
  const breaks = [...findBreaks(text), ...markers.map((m) => ({ ...m, isMarker: true }))].sort((a, b) => a.start - b.start)
  const hits: IdentifierHit[] = []
  if (breaks.length === 0) return hits
  for (let k = 0; k < breaks.length; ) {
    // A chain of segments, one break between each two (`640381**19920101**0841`).
    const chain: Segment[] = [segmentBefore(text, breaks[k]!.start)]
    const inside: Break[] = []
    let next = k
    for (; next < breaks.length && breaks[next]!.start === chain[chain.length - 1]!.end; next++) {
      inside.push(breaks[next]!)
      chain.push(segmentAfter(text, breaks[next]!.end))
    }
    k = Math.max(next, k + 1)
    hits.push(...joinChain(text, chain, inside, context))
  }
  return hits
}

/**
 * The units of a joined identifier and its breaks: letters, digits, line breaks, tabs, U+3000.
 * The shortest is a card of 16 digits and one break, 17 units: runs shorter hold none (a mobile
 * number split so proves too little by its shape: {@link findSplitMobiles} reads it from its label).
 */
const joinUnits = unitTable([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x0a, 0x0a], [0x0d, 0x0d], [0x09, 0x09], [0x3000, 0x3000])
const minJoined = 17
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/** Line breaks (LF, CRLF), and single tabs or U+3000, with a letter or digit on each side. */
function findBreaks(text: string): Break[] {
  const breaks: Break[] = []
  for (let run = nextRun(text, 0, minJoined, joinUnits); run; run = nextRun(text, run[1], minJoined, joinUnits)) {
    for (let i = run[0] + 1; i < run[1] - 1; i++) {
      const c = text.charCodeAt(i)
      if (isAlnum(c) || !isAlnum(text.charCodeAt(i - 1))) continue
      const end = c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1
      if ((c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3000) && isAlnum(text.charCodeAt(end))) breaks.push({ start: i, end, isMarker: false })
    }
  }
  return breaks
}

function segmentBefore(text: string, end: number): Segment {
  let start = end
  while (start > 0 && isAlnum(text.charCodeAt(start - 1))) start--
  return { start, end, value: text.slice(start, end) }
}

function segmentAfter(text: string, start: number): Segment {
  let end = start
  while (end < text.length && isAlnum(text.charCodeAt(end))) end++
  return { start, end, value: text.slice(start, end) }
}

/** The identifiers that consecutive segments of a chain make, two segments or more each, left to right. */
function joinChain(text: string, chain: readonly Segment[], inside: readonly Break[], context: NumberContext): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let i = 0; i < chain.length - 1; i++) {
    if (i === 0 && openBeforeRe.test(text.charAt(chain[0]!.start - 1))) continue
    let joined = chain[i]!.value
    for (let j = i + 1; j < chain.length && joined.length < 19; j++) {
      joined += chain[j]!.value
      const end = chain[j]!.end
      if (j === chain.length - 1 && (openAfterRe.test(text.charAt(end)) || /^\.\d/.test(text.slice(end, end + 2)))) continue
      const kind = kindOf(text, chain[i]!.start, joined, context)
      if (!kind) continue
      const markers = inside.slice(i, j).filter((b) => b.isMarker).map(({ start, end }) => ({ start, end }))
      hits.push({ start: chain[i]!.start, end, kind, ...(markers.length > 0 && { markers }) })
      i = j
      break
    }
  }
  return hits
}

/**
 * What the joined characters prove: an ID number (or one mistyped after an ID's label, as
 * unbroken), a credit code, a labelled card; else undefined.
 */
function kindOf(text: string, start: number, joined: string, context: NumberContext): IdentifierHit['kind'] | undefined {
  if (joined.length === 18 && /^\d{17}[\dXx]$/.test(joined) && (isIdNumber(joined, context) || isCuedIdNumber(text, start, joined, context))) return 'id'
  if (joined.length === 18 && hasValidCreditCode(joined) && context.divisions.isKnownForOrganisation(joined.slice(2, 8))) return 'credit'
  if (!/^\d+$/.test(joined)) return undefined
  const label = labelBefore(text, start)
  if (joined.length >= 16 && joined.length <= 19 && context.cardWordRe.test(label) && !recordLabelRe.test(label) && passesLuhn(joined)) return 'card'
  return undefined
}

/**
 * The units of a split mobile number: digits, the spaces and hyphens of its groups, and its
 * break (a line break, LF or CRLF, a tab or U+3000 between cells). The shortest is 11 digits and
 * a break: only runs that long are looked into.
 */
const splitMobileUnits = unitTable([0x30, 0x39], [0x20, 0x20], [0x2d, 0x2d], [0x0a, 0x0a], [0x0d, 0x0d], [0x09, 0x09], [0x3000, 0x3000])
const minSplitMobile = 12
/** What may stand between a phone's label and its number: a colon, 为/是, spaces, 号码 (no digit, no other value). */
const phoneLabelRestRe = /^[^0-9A-Za-z，,、；;。]{0,6}$/
/** Characters right before a number's first piece or after its last that make it part of something longer. */
const beforePieceRe = /[0-9A-Za-z*\uFF0A\u00D7_@.+\-/]/
const afterPieceRe = /[0-9A-Za-z*\uFF0A\u00D7_@]/
/** A unit, a date's or a count's, after the last piece: the digits on the next line are a figure's. */
const unitAfterPieceRe = /^\s?(?:[年月日时号元万亿千百人次个件%‰]|平方|公里)/
const mobileDigitsRe = /^1[3-9]\d{9}$/
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39

/**
 * Mobile numbers a line break or a cell gap splits (`手机：138 0013⏎8000`, `联系电话1380013⏎8000`,
 * `手机\t1380013\t8000`): a phone's label governs the first piece (it stands in the piece's phrase
 * with no other value between: not a list's second number), and the two pieces together make
 * exactly a mobile number, written whole on each side of the break or grouped 3-4-4 across it.
 * Two whole numbers never join: their digits are more than one number's.
 */
export function findSplitMobiles(text: string, context: Pick<NumberContext, 'phoneWordRe'>): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let run = nextRun(text, 0, minSplitMobile, splitMobileUnits); run; run = nextRun(text, run[1], minSplitMobile, splitMobileUnits)) {
    for (let at = run[0] + 1; at < run[1] - 1; at++) {
      const c = text.charCodeAt(at)
      if (c !== 0x0a && c !== 0x09 && c !== 0x3000) continue
      const breakStart = c === 0x0a && text.charCodeAt(at - 1) === 0x0d ? at - 1 : at
      if (!isDigitCode(text.charCodeAt(breakStart - 1)) || !isDigitCode(text.charCodeAt(at + 1))) continue
      const hit = splitMobileAt(text, breakStart, at + 1, context)
      if (hit) hits.push(hit)
    }
  }
  return hits
}

/** The mobile number whose pieces end at `breakStart` and start at `breakEnd`, or undefined. */
function splitMobileAt(text: string, breakStart: number, breakEnd: number, context: Pick<NumberContext, 'phoneWordRe'>): IdentifierHit | undefined {
  // Each piece: digits grouped by single spaces or hyphens.
  let start = breakStart
  while (start > 0 && (isDigitCode(text.charCodeAt(start - 1)) || (isGroupGap(text, start - 1) && isDigitCode(text.charCodeAt(start - 2))))) start--
  let end = breakEnd
  while (end < text.length && (isDigitCode(text.charCodeAt(end)) || (isGroupGap(text, end) && isDigitCode(text.charCodeAt(end + 1))))) end++
  if (beforePieceRe.test(text.charAt(start - 1)) || afterPieceRe.test(text.charAt(end)) || /^\.\d/.test(text.slice(end, end + 2)) || unitAfterPieceRe.test(text.slice(end, end + 3))) return undefined
  const first = text.slice(start, breakStart).split(/[ -]/)
  const second = text.slice(breakEnd, end).split(/[ -]/)
  const digits = first.join('') + second.join('')
  if (!mobileDigitsRe.test(digits)) return undefined
  const groups = [...first, ...second].map((g) => g.length)
  const isGrouped = groups.length === 3 && groups[0] === 3 && groups[1] === 4 && groups[2] === 4
  if (!isGrouped && (first.length > 1 || second.length > 1)) return undefined
  const rest = afterLastWord(labelBefore(text, start), context.phoneWordRe)
  if (rest === undefined || !phoneLabelRestRe.test(rest)) return undefined
  return { start, end, kind: 'mobile' }
}

/** A single space or hyphen inside a number's piece. */
function isGroupGap(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  return c === 0x20 || c === 0x2d
}
