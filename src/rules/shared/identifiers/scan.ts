// All identifiers of a text, of every class, one per span, in text order.
import type { EmphasisSpan, Region } from '../../../core/document.js'
import { findJoinedIdentifiers, findSplitMobiles } from './joins.js'
import { findNumberIdentifiers, type NumberContext } from './numbers.js'
import { findAliases, findCreditCodes, findEmails, findLabelledAccounts, findPlates, findPropertyNumbers } from './text-ids.js'
import { findDeviceIds } from './devices.js'
import { findLabelledRuns } from './labelled-runs.js'
import { findIpAddresses } from './ip-addresses.js'
import { findSchoolClasses } from './school-classes.js'
import type { IdentifierClass, IdentifierHit } from './types.js'

/** Full-width digits, letters, `＋` and `－`, as identifiers are sometimes typed in Chinese input modes. */
const fullWidthRe = /[\uFF0B\uFF0D\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/
const fullWidthGlobalRe = new RegExp(fullWidthRe.source, 'g')

/**
 * The identifiers of `text`. Where two overlap, the first found is kept: identifiers joined
 * across a break (proved by their checksum or label), those a label or a bracket after a run
 * names (a registration number whose digits may read as a first-generation ID), then numbers (checked by checksum) before
 * credit codes, labelled accounts, e-mail addresses and plates, so that a mobile number given as
 * a WeChat ID is reported once, as a mobile number. `emphasis` is the markup's (Markdown): its
 * markers next to a number are no masks.
 */
export function findIdentifiers(text: string, context: NumberContext, emphasis: readonly EmphasisSpan[] = []): IdentifierHit[] {
  // Full-width digits (０-９) and dashes are read as their ASCII forms, one code unit for one,
  // so every offset holds for the text as written.
  let read = fullWidthRe.test(text) ? text.replace(fullWidthGlobalRe, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text
  const { edges, inner } = numberMarkers(read, emphasis)
  // A marker at a number's edge (`**13909510021**`) is read as a space; one between its digits
  // stays a mask unless the digits joined through it prove an identifier.
  if (edges.length > 0) read = blanked(read, edges)
  const found = [...findJoinedIdentifiers(read, context, inner), ...findSplitMobiles(read, context), ...findLabelledRuns(read, context), ...findNumberIdentifiers(read, context), ...findCreditCodes(read, context), ...findLabelledAccounts(read), ...findEmails(read), ...findPlates(read), ...findPropertyNumbers(read), ...findAliases(read), ...findIpAddresses(read), ...findDeviceIds(read), ...findSchoolClasses(read)]
  const ranked = found.map((hit, rank) => ({ hit, rank })).sort((a, b) => a.hit.start - b.hit.start || a.rank - b.rank)
  const kept: typeof ranked = []
  for (const entry of ranked) {
    const last = kept[kept.length - 1]
    if (last && entry.hit.start < last.hit.end) {
      if (entry.rank < last.rank) kept[kept.length - 1] = entry
      continue
    }
    kept.push(entry)
  }
  return kept.map((entry) => entry.hit)
}

/** `text` with the characters of `spans` made spaces, in one pass: a copy of the text per span made a Markdown table of bold figures quadratic. */
function blanked(text: string, spans: readonly Region[]): string {
  let out = ''
  let at = 0
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(start, at)
    if (end <= from) continue
    out += text.slice(at, from) + ' '.repeat(end - from)
    at = end
  }
  return out + text.slice(at)
}

/** Characters a number is written with on each side of an emphasis marker. */
const numberCharRe = /[0-9A-Za-z]/

/**
 * The emphasis markers that touch a number: at its edge (a letter or digit on one side only),
 * or between two of its characters. A marker is taken only where the run of its character
 * there is the marker itself: a longer run of stars (`6403021990********`) holds a mask the
 * parser paired with another by chance.
 */
function numberMarkers(text: string, emphasis: readonly EmphasisSpan[]): { edges: Region[]; inner: Region[] } {
  const edges: Region[] = []
  const inner: Region[] = []
  for (const span of emphasis) {
    for (const { start, end } of [span.open, span.close]) {
      const char = text.charAt(start)
      if (text.charAt(start - 1) === char || text.charAt(end) === char) continue
      const before = numberCharRe.test(text.charAt(start - 1))
      const after = numberCharRe.test(text.charAt(end))
      if (before && after) inner.push({ start, end })
      else if (before || after) edges.push({ start, end })
    }
  }
  return { edges, inner }
}

/**
 * A value masked whole after a label (`身份证号码：******************`, `手机：***********`):
 * the document masks that class entirely. Returns the mask character of each class so found.
 */
export function findFullyMaskedClasses(text: string, labels: readonly { readonly kind: IdentifierClass; readonly re: RegExp }[]): Map<IdentifierClass, string> {
  const classes = new Map<IdentifierClass, string>()
  for (const { kind, re } of labels) {
    re.lastIndex = 0
    const m = re.exec(text)
    if (m) classes.set(kind, m[1]!.charAt(0))
  }
  return classes
}
