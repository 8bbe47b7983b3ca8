// Names that undo a masked person (the document's policy masks persons or companies): the masked
// person's full name elsewhere (王某 throughout, 王建国 once), a relative beside a masked minor
// (其父李建军), the legal representative of a masked company, a contact or a party named after
// its role, a name in a list of pseudonyms (王某某、张建华、李某).
import type { Document } from '../../../core/document.js'
import type { Tokenizer } from '../../../nlp/tokenizer.js'
import { documentPolicy } from '../policy.js'
import { findPseudonyms, type Pseudonym } from '../pseudonyms.js'
import { findPublicRoleNames } from '../public-roles.js'
import { minorPseudonyms } from '../minors.js'
import { Candidates } from './candidates.js'
import { isAfterPost } from './context.js'
import { findCourtesyLinks } from './courtesy.js'
import { cueGapRe, findCues, kinCharRe, maxGap, partyRolesOf, type CueSet, type PartyRoles } from './cues.js'
import { latinNamesOf } from './latin.js'
import { columnNeighbours, listNeighbours } from './lists.js'
import { withRecurrences } from './recurrence.js'
import { actorForRelative, besideReach, isAfterAlias, isAfterMaskedRole, isBesideMasked, isOfParagraphsMasked, kinshipNoteAt, paragraphReach, pseudonymsBetween } from './relatives.js'
import { sameSurnameStarts } from './surnames.js'
import { isWitnessAt } from './witnesses.js'
import type { LinkedName, LinkReason } from './types.js'

/** The linked names of `doc`, sorted; computed once per document, tokenizer and cue set. */
export function findLinkedNames(doc: Document, tokenizer: Tokenizer, cueSet: CueSet): readonly LinkedName[] {
  return doc.derive(`linkedNames:${tokenizer.name}:${cueSet.key}`, () => scan(doc, tokenizer, cueSet))
}

function scan(doc: Document, tokenizer: Tokenizer, cueSet: CueSet): LinkedName[] {
  const { cues } = cueSet
  const policy = documentPolicy(doc)
  // A person hidden as 王女士 is undone by 王丽娟女士 whatever else the document masks.
  const courtesy = findCourtesyLinks(doc, tokenizer, policy.isStated)
  if (!policy.masksPersons && !policy.masksOrganizations && courtesy.length === 0) return []
  const pseudonyms = findPseudonyms(doc)
  const aliases = new Set(pseudonyms.filter((p) => p.form === 'alias').map((p) => p.name!))
  const candidates = new Candidates(doc, tokenizer, pseudonyms, aliases, findPublicRoleNames(doc))
  const minors = minorPseudonyms(doc, pseudonyms)
  const isMinor = (p: Pseudonym) => minors.has(doc.text.slice(p.start, p.end))
  const roles = partyRolesOf(doc.text, cues, pseudonyms, isMinor, minors.size > 0)
  const reasons: readonly LinkReason[] = policy.masksPersons ? ['relative', 'representative', 'contact', 'party', 'bystander'] : ['representative']
  const namedRoleStarts = wantCued(doc, cueSet, reasons, roles, candidates, pseudonyms, aliases)
  const officialStarts = policy.masksPersons ? wantMaskedSurnames(doc, pseudonyms, isMinor, candidates) : []
  candidates.run()
  const { found } = candidates
  for (const c of courtesy) if (!found.has(c.start)) found.set(c.start, { start: c.start, end: c.end, reason: 'masked-person', link: c.link })
  const latin = policy.masksPersons ? latinNamesOf(doc, pseudonyms, cueSet.latinNameWords, roles.masked) : []
  if (found.size === 0 && latin.length === 0) return []
  return withRecurrences(doc, tokenizer, found, candidates.covered, { officialStarts, namedRoleStarts, latin })
}

/**
 * Wants the names after the cues of `reasons` (其父, 法定代表人, 联系人, 被告人) where the cue
 * belongs to what the document masks, and returns where names stand after a role the document
 * names on purpose (被告人马志刚): those are public everywhere, read only when something was found.
 */
function wantCued(doc: Document, cueSet: CueSet, reasons: readonly LinkReason[], roles: PartyRoles, candidates: Candidates, pseudonyms: readonly Pseudonym[], aliases: ReadonlySet<string>): number[] {
  const text = doc.text
  const namedRoleStarts: number[] = []
  const cueHits = findCues(doc, cueSet)
  const cueReasons = cueSet.index.reasons
  for (const reason of reasons) {
    for (const { begin, end, keyword: cue } of cueHits.get(reason)!) {
      let after = end
      if (reason === 'relative' && kinCharRe.test(text.charAt(after))) {
        // `其父母`, `之子女`: the cue is half of a kinship word, no name follows; unless that
        // word is a relative too (`其妻子`, `其女婿`), and the name comes after it.
        if (!cueReasons.get(cue.slice(-1) + text.charAt(after))?.includes('relative')) continue
        after++
      }
      // `李秀芬曾代其母缴纳`: who acts for his parent in a case that masks its parties is the child.
      if (reason === 'relative' && roles.masked.size > 0) {
        const actor = actorForRelative(text, begin, cue)
        if (actor !== undefined) candidates.want(actor, reason, text.slice(begin - 1, end))
      }
      const at = after + cueGapRe.exec(text.slice(after, after + maxGap))![0].length
      // The document names some roles on purpose (an adult defendant): only a role it masks
      // elsewhere is a leak; a relative or a representative is one beside what it masks.
      if (reason === 'party' && !roles.masked.has(cue)) {
        if (!roles.minors.has(cue)) namedRoleStarts.push(at)
        continue
      }
      // A bystander (乘客, 邻居) where the document masks one, or masks its parties and he attests.
      if (reason === 'bystander' && !roles.bystanders.has(cue) && !(roles.masked.size > 0 && isWitnessAt(text, begin, at))) continue
      const note = reason === 'relative' ? kinshipNoteAt(text, begin, after) : undefined
      if ((reason === 'relative' || reason === 'representative') && !isBesideMasked(text, begin, pseudonymsBetween(pseudonyms, begin - besideReach, begin), reason, cue) && !(reason === 'relative' && (isAfterMaskedRole(text, begin, roles.subjects) || isAfterAlias(text, begin, aliases) || isOfParagraphsMasked(text, begin, cue, pseudonymsBetween(pseudonyms, begin - paragraphReach, begin))))) continue
      // A note after the name (`韦志刚（系原告之子）`): the name ends at its bracket, of a surname
      // and one or two characters (two and two of a compound surname), the longest tried first.
      if (note) for (const length of [4, 3, 2]) candidates.want(note.start - length, reason, text.slice(note.start, note.end), note.start)
      // The cue as written, with the kinship word's second half (其父亲, not 其父).
      else candidates.want(at, reason, text.slice(begin, after))
    }
  }
  return namedRoleStarts
}

/**
 * Wants the names in clear of a masked person's surname, and the items of lists and table columns
 * of masked persons. Returns where an official is named after the post, of a surname no masked
 * person holds a post of.
 */
function wantMaskedSurnames(doc: Document, pseudonyms: readonly Pseudonym[], isMinor: (p: Pseudonym) => boolean, candidates: Candidates): number[] {
  const text = doc.text
  const officialStarts: number[] = []
  const surnames = new Map<string, Pseudonym>()
  for (const p of pseudonyms) if (p.kind === 'person' && p.form === 'surname' && !surnames.has(p.name!)) surnames.set(p.name!, p)
  const surnameStarts = sameSurnameStarts(text, surnames.keys())
  // An official written after the post (`镇长刘洪亮`) is named on purpose, and is not the masked
  // person of the same surname unless that one is written after a post too (`镇长刘某`).
  const postHolders = new Set(pseudonyms.flatMap((p) => (p.kind === 'person' && p.form === 'surname' && isAfterPost(text, p.start) ? [p.name!] : [])))
  for (const [surname, p] of surnames) {
    const link = text.slice(p.start, p.end)
    for (const at of surnameStarts.get(surname)!) if (postHolders.has(surname) || !isAfterPost(text, at)) candidates.want(at, 'masked-person', link)
    if (!postHolders.has(surname)) for (const at of surnameStarts.get(surname)!) if (isAfterPost(text, at)) officialStarts.push(at)
  }
  // A list of co-defendants holds the masked minor among adults named on purpose.
  for (const p of pseudonyms) if (p.kind === 'person' && !isMinor(p)) for (const at of listNeighbours(text, p, candidates.covered)) candidates.want(at, 'list', text.slice(p.start, p.end))
  for (const [at, link] of columnNeighbours(doc, pseudonyms)) candidates.want(at, 'list', link)
  return officialStarts
}
