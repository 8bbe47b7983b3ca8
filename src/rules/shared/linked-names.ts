// Names that undo a masked person (the document's policy masks persons or companies): the masked
// person's full name elsewhere (王某 throughout, 王建国 once), a relative beside a masked minor
// (其父李建军), the legal representative of a masked company, a contact or a party named after
// its role, a name in a list of pseudonyms (王某某、张建华、李某).
import type { Document } from '../../core/document.js'
import type { Tokenizer } from '../../nlp/tokenizer.js'
import { surnameLength } from '../../nlp/person-names.js'
import { isHan } from './chars.js'
import { personNameAt } from './persons.js'
import { documentPolicy } from './policy.js'
import { findPseudonyms, type Pseudonym } from './pseudonyms.js'
import { findPublicRoleNames, isPublicRoleName } from './public-roles.js'

/** Why a name undoes the masking. */
export type LinkReason = 'masked-person' | 'relative' | 'representative' | 'contact' | 'party' | 'list'

/** A name in clear linked to what the document masks, [start, end) in UTF-16 code units. */
export interface LinkedName {
  readonly start: number
  readonly end: number
  readonly reason: LinkReason
  /** The cue word (其父, 法定代表人) or the pseudonym (王某) that links it. */
  readonly link: string
}

/** The role words that announce a person, by the reason a name after them is a leak. */
export interface LinkCues {
  readonly relative: readonly string[]
  readonly representative: readonly string[]
  readonly contact: readonly string[]
  readonly party: readonly string[]
}

/** Between a cue and the name: punctuation, spaces, a copula (`其父系李建军`, `法定代表人：赵德明`). */
const cueGapRe = /^[\s：:（(]*(?:系|为|是|名叫|叫)?[\s：:]*/
/** Characters after a surname that start no given name here: a mask or 某. */
const maskedGivenRe = /^[某×xX*＊○□]/
const clauseBreakRe = /[。！？；，：\n\r]/

/** The linked names of `doc`, sorted; computed once per document, tokenizer and cue set. */
export function findLinkedNames(doc: Document, tokenizer: Tokenizer, cues: LinkCues): readonly LinkedName[] {
  const key = `linkedNames:${tokenizer.name}:${[cues.relative, cues.representative, cues.contact, cues.party].map((c) => c.join('|')).join('/')}`
  return doc.derive(key, () => scan(doc, tokenizer, cues))
}

function scan(doc: Document, tokenizer: Tokenizer, cues: LinkCues): LinkedName[] {
  const policy = documentPolicy(doc)
  if (!policy.masksPersons && !policy.masksOrganizations) return []
  const pseudonyms = findPseudonyms(doc)
  const publicNames = findPublicRoleNames(doc)
  const aliases = new Set(pseudonyms.filter((p) => p.form === 'alias').map((p) => p.name!))
  const found = new Map<number, LinkedName>()
  const consider = (at: number, reason: LinkReason, link: string) => {
    if (found.has(at) || !isHan(doc.text.charCodeAt(at)) || surnameLength(doc.text.slice(at, at + 2)) === 0 || maskedGivenRe.test(doc.text.slice(at + surnameLength(doc.text.slice(at, at + 2))))) return
    if (pseudonyms.some((p) => p.start <= at && at < p.end)) return
    const span = personNameAt(doc, tokenizer, at)
    if (!span) return
    const name = doc.text.slice(span.start, span.end)
    if (aliases.has(name) || isPublicRoleName(name, publicNames)) return
    found.set(at, { start: span.start, end: span.end, reason, link })
  }
  const groups: [LinkReason, readonly string[]][] = policy.masksPersons
    ? [['relative', cues.relative], ['representative', cues.representative], ['contact', cues.contact], ['party', cues.party]]
    : [['representative', cues.representative]]
  for (const [reason, words] of groups) {
    if (words.length === 0) continue
    const cueRe = new RegExp([...words].sort((a, b) => b.length - a.length).join('|'), 'g')
    for (const m of doc.text.matchAll(cueRe)) {
      const after = m.index + m[0].length
      const gap = cueGapRe.exec(doc.text.slice(after, after + 6))![0].length
      consider(after + gap, reason, m[0])
    }
  }
  if (policy.masksPersons) {
    for (const p of pseudonyms) if (p.kind === 'person' && p.form === 'surname') sameSurname(doc.text, p, pseudonyms, (at) => consider(at, 'masked-person', doc.text.slice(p.start, p.end)))
    for (const p of pseudonyms) if (p.kind === 'person') for (const at of listNeighbours(doc.text, p)) consider(at, 'list', doc.text.slice(p.start, p.end))
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}

/** Each place the surname of `p` starts a name in clear; each surname is searched once per document. */
function sameSurname(text: string, p: Pseudonym, pseudonyms: readonly Pseudonym[], visit: (at: number) => void): void {
  const surname = p.name!
  if (pseudonyms.find((q) => q.form === 'surname' && q.name === surname) !== p) return
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const next = text.charCodeAt(at + surname.length)
    if (isHan(next) && !maskedGivenRe.test(text.charAt(at + surname.length))) visit(at)
  }
}

/** Starts of the items of a `、` list that holds `p` (王某某、张建华、李某), up to ten on each side. */
function listNeighbours(text: string, p: Pseudonym): number[] {
  const starts: number[] = []
  for (let at = p.end, n = 0; text.charAt(at) === '、' && n < 10; n++) {
    starts.push(at + 1)
    at = itemEnd(text, at + 1)
  }
  for (let at = p.start, n = 0; text.charAt(at - 1) === '、' && n < 10; n++) {
    const start = itemStart(text, at - 1)
    starts.push(start)
    at = start
  }
  return starts
}

function itemEnd(text: string, from: number): number {
  let i = from
  while (i < text.length && i - from < 6 && text.charAt(i) !== '、' && !clauseBreakRe.test(text.charAt(i))) i++
  return i
}

function itemStart(text: string, sep: number): number {
  let i = sep
  while (i > 0 && sep - i < 5 && text.charAt(i - 1) !== '、' && !clauseBreakRe.test(text.charAt(i - 1)) && isHan(text.charCodeAt(i - 1))) i--
  return i
}

/** The pseudonym form the document uses most for persons (`某` or `某某`), to mask a linked name the same way. */
export function personMaskOf(doc: Document): string {
  let single = 0
  let double = 0
  for (const p of findPseudonyms(doc)) if (p.kind === 'person' && p.form === 'surname') (p.end - p.start - p.name!.length === 2 ? double++ : single++)
  return double > single ? '某某' : '某'
}
