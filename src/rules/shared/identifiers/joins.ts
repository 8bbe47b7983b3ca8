// Finds the identifiers a break splits: a line break inside a number (the hard wraps of
// pdftotext: `公民身份号码6403021956⏎09080225`), a tab or U+3000 IDEOGRAPHIC SPACE between its
// groups (Word text, cells), Markdown emphasis markers between its digits
// (`640381**19920101**0841` renders as the whole number, its birth date in bold). A break is
// read through only where the joined characters prove an identifier: an ID number's or a credit
// code's check character (an ID's label and division code), or a card's label before it with
// its Luhn digit. Arbitrary numbers on two lines or in two cells stay apart.
import type { Region } from '../../../core/document.js'
import { hasValidCreditCode, passesLuhn } from './checksums.js'
import { labelBefore } from './labels.js'
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
 * number split so is left alone: its shape proves too little, and its runs would cost a pass).
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
