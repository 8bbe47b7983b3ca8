// The cue words of a rule (其父, 法定代表人, 联系人, 被告人) found in a document, and the party roles the
// document masks (被告人王某某): a name after a role it masks is a leak, after one it names is public.
import type { Document } from '../../../core/document.js'
import type { LiteralHit } from '../first-char-index.js'
import type { Pseudonym } from '../pseudonyms.js'
import { literalsIn } from '../trigger-scan.js'
import type { LinkCues, LinkReason } from './types.js'

/** Between a cue and the name: punctuation, spaces, a copula (`其父系李建军`, `法定代表人：赵德明`). */
export const cueGapRe = /^[\s：:（(]*(?:系|为|是|名叫|叫)?[\s：:]*/
/** The characters a gap is made of. */
const gapCharRe = /^[\s：:（(系为是名叫]$/
/** The most characters of a gap read after a cue. */
export const maxGap = 6
/** Characters that make a kinship word with a relative's cue before them (父母, 子女, 夫妻, 兄弟). */
export const kinCharRe = /^[父母子女亲兄弟姐妹夫妻媳婿]$/

/** The groups of cue words, each the reason a name after one of its words is a leak. */
const cueReasons = ['relative', 'representative', 'contact', 'party', 'bystander'] as const

/** The cue words of a cue set, indexed once for all its groups, with the groups of each word. */
interface CueIndex {
  readonly wordsIn: (doc: Document) => LiteralHit[]
  readonly reasons: ReadonlyMap<string, readonly LinkReason[]>
}

/**
 * A rule's cues, made ready once when the rule is compiled: the key its linked names are kept
 * under in a document, the Latin name words as a set, and the cue words' index, built on the
 * first document that reads it (it registers with the shared pass).
 */
export class CueSet {
  /** Tells the linked names of this cue set apart from another's in a document's derived values. */
  readonly key: string
  /** The personal name words in Latin letters (John, Maria, Kim). */
  readonly latinNameWords: ReadonlySet<string>
  private cueIndex: CueIndex | undefined

  constructor(readonly cues: LinkCues) {
    this.key = [cues.relative, cues.representative, cues.contact, cues.party, cues.criminalProtected ?? [], cues.criminalAccused ?? [], cues.latinNameWords ?? [], cues.subject ?? [], cues.bystander ?? []].map((c) => c.join('|')).join('/')
    this.latinNameWords = new Set(cues.latinNameWords ?? [])
  }

  /** The cue words indexed for all their groups, with the groups of each word. */
  get index(): CueIndex {
    if (!this.cueIndex) {
      const reasons = new Map<string, LinkReason[]>()
      for (const reason of cueReasons) for (const word of this.cues[reason] ?? []) reasons.set(word, [...(reasons.get(word) ?? []), reason])
      this.cueIndex = { wordsIn: literalsIn([...reasons.keys()]), reasons }
    }
    return this.cueIndex
  }
}

/**
 * The cues in a document by group, as a search for the group's words, longest first, would
 * find them: left to right, none overlapping another of its group. One search for all groups
 * (in the pass the pattern rules share); an alternation of the words per group read the text
 * four times, ~3× slower.
 */
export function findCues(doc: Document, cueSet: CueSet): Map<LinkReason, LiteralHit[]> {
  const { wordsIn, reasons } = cueSet.index
  const found = new Map<LinkReason, LiteralHit[]>(cueReasons.map((reason) => [reason, []]))
  // Hits come by start, the longest first: the first of a group past its last match is its next match.
  for (const hit of wordsIn(doc)) {
    for (const reason of reasons.get(hit.keyword)!) {
      const list = found.get(reason)!
      if (list.length === 0 || hit.begin >= list[list.length - 1]!.end) list.push(hit)
    }
  }
  return found
}

/** The party roles the document writes with a pseudonym at least once (被告人王某某): it masks them. */
function rolesMasked(text: string, roles: readonly string[], pseudonyms: readonly Pseudonym[]): Set<string> {
  const masked = new Set<string>()
  // Read back from each pseudonym over the gap's characters: a role ends at most six characters
  // before it, and only the roles ending in the character there are tried; a pass per role read
  // the whole text.
  const byLastChar = new Map<string, string[]>()
  for (const role of roles) byLastChar.set(role.slice(-1), [...(byLastChar.get(role.slice(-1)) ?? []), role])
  for (const p of pseudonyms) {
    if (p.kind !== 'person' && p.kind !== 'party') continue
    for (let after = p.start; after >= Math.max(1, p.start - maxGap); after--) {
      // The gap [after, p.start) holds only what the gap may: no role ends further back.
      if (after < p.start && !gapCharRe.test(text.charAt(after))) break
      for (const role of byLastChar.get(text.charAt(after - 1)) ?? []) {
        const i = after - role.length
        if (masked.has(role) || i < 0 || !text.startsWith(role, i) || after + cueGapRe.exec(text.slice(after, after + maxGap))![0].length !== p.start) continue
        // 被告人 is not 被告 followed by 人王某某.
        if (!roles.some((r) => r.length > role.length && r.startsWith(role) && text.startsWith(r, i))) masked.add(role)
      }
    }
  }
  // A letter addressed to a masked person (`李某某：` opening a 信访 reply or a notice) calls
  // them 你: the pronoun stands for the masked person.
  if (isAddressedToMasked(text, pseudonyms)) for (const pronoun of addresseePronouns) masked.add(pronoun)
  return masked
}

/** The pronouns a letter to a masked person calls that person by. */
const addresseePronouns = ['你本人', '你', '您']
/** Words a pronoun stands inside, as their second half: 迷你 (mini) calls no one. */
const pronounInsideWordRe = /迷$/

/**
 * True when the role found at `at` stands as a word of its own: not the addressee's 你 inside
 * 迷你 (`迷你的士`, `迷你仓`).
 */
export function isRoleWordAt(text: string, at: number, role: string): boolean {
  return !(role.charAt(0) === '你' && pronounInsideWordRe.test(text.slice(Math.max(0, at - 1), at)))
}

/** True when the document's salutation, on one of its first lines, is a masked person followed by a colon (`李某某：`). */
function isAddressedToMasked(text: string, pseudonyms: readonly Pseudonym[]): boolean {
  for (const p of pseudonyms) {
    if (p.start > salutationReach) return false
    if (p.kind === 'person' && /^[：:]\s*$/.test(text.slice(p.end, p.end + 2).replace(/\n.*/s, '')) && /(?:^|\n)[ \t\u3000]*$/.test(text.slice(Math.max(0, p.start - 8), p.start))) return true
  }
  return false
}

/** How far into a document its salutation is looked for. */
const salutationReach = 200

/** The party roles of a document as its masks tell them. */
export interface PartyRoles {
  /** The roles the document writes with a pseudonym of an adult (被告人王某): a name after one is a leak. */
  readonly masked: ReadonlySet<string>
  /**
   * The roles a masked minor stands in (被告人陈某某, beside adult defendants named): a name in
   * clear after one (被告人刘浩然 for the minor 刘某) is no adult's named on purpose; it is left
   * to the minor's surname to tell.
   */
  readonly minors: ReadonlySet<string>
  /** The roles a relative's cue may follow for its masked person: the parties' and the subjects' (患者刘某 … 患者之子). */
  readonly subjects: ReadonlySet<string>
  /** The bystanders' roles the document writes with a pseudonym (乘客李某): a name after one is a leak. */
  readonly bystanders: ReadonlySet<string>
}

/**
 * The party roles of `text` by what its pseudonyms mask. A minor is masked whatever the document
 * does with the others of the case: the role he stands in is not masked for that. A criminal
 * case that masks a party masks its victims and witnesses too.
 */
export function partyRolesOf(text: string, cues: LinkCues, pseudonyms: readonly Pseudonym[], isMinor: (p: Pseudonym) => boolean, hasMinors: boolean): PartyRoles {
  const masked = rolesMasked(text, cues.party, pseudonyms.filter((p) => !isMinor(p)))
  const minors = !hasMinors ? new Set<string>() : rolesMasked(text, cues.party, pseudonyms.filter(isMinor))
  if (masked.size > 0 && cues.criminalAccused?.some((role) => text.includes(role))) for (const role of cues.criminalProtected ?? []) masked.add(role)
  const subjects = (cues.subject?.length ?? 0) > 0 ? new Set([...masked, ...rolesMasked(text, cues.subject!, pseudonyms.filter((p) => !isMinor(p)))]) : masked
  const bystanders = (cues.bystander?.length ?? 0) > 0 ? rolesMasked(text, cues.bystander!, pseudonyms) : new Set<string>()
  return { masked, minors, subjects, bystanders }
}
