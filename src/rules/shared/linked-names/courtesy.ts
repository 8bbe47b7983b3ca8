// A person written by surname and a form of address (王女士, 李先生), as consumer cases, 12345
// replies and news of a complaint hide whom they are about, then once by the full name with the
// same form (王丽娟女士): the full name undoes the pseudonym.
import type { Document } from '../../../core/document.js'
import { surnameLength } from '../../../nlp/person-names.js'
import type { Tokenizer } from '../../../nlp/tokenizer.js'
import { isHan } from '../chars.js'
import { personNameAt } from '../persons.js'
import { tokensNear } from '../token-window.js'

/** The forms of address after a surname that hide a person's given name. */
const courtesyTitles = ['女士', '先生'] as const
/** A form of address at a pseudonym's end (王女士), to tell a courtesy link from others. */
export const courtesyTitleEndRe = /(?:女士|先生)$/
/** Code units tagged on each side of a form of address. */
const reach = 6

/** A name in clear written with the form of address of a courtesy pseudonym of its surname: [start, end) of the name, and the pseudonym. */
export interface CourtesyLink {
  readonly start: number
  readonly end: number
  /** The pseudonym as the document writes it (王女士). */
  readonly link: string
}

/** A surname and a form of address (王女士), or a full name and one (王丽娟女士), at the form's start `at`. */
interface CourtesyMention {
  readonly start: number
  readonly surname: string
  readonly title: string
  /** Where the full name ends (the form's start); undefined for a pseudonym. */
  readonly nameEnd?: number
}

/**
 * The full names in clear that undo a courtesy pseudonym of `doc` (王丽娟女士 beside 王女士): the
 * same surname and form of address, written after the pseudonym first did, or anywhere in a
 * document that masks something (`isStated`). A news story names the person first and shortens
 * the name after (王丽娟女士 … 王女士): no pseudonym hides it there.
 */
export function findCourtesyLinks(doc: Document, tokenizer: Tokenizer, isStated: boolean): CourtesyLink[] {
  // Where a form of address follows a surname's character or a name's last: two at least, before anything is tagged.
  const sites: [number, string][] = []
  for (const title of courtesyTitles) {
    for (let at = doc.text.indexOf(title); at >= 0; at = doc.text.indexOf(title, at + title.length)) if (isHan(doc.text.charCodeAt(at - 1))) sites.push([at, title])
  }
  if (sites.length < 2 || !sites.some(([at]) => surnameLength(doc.text.charAt(at - 1)) === 1 || surnameLength(doc.text.slice(at - 2, at)) === 2)) return []
  const mentions: CourtesyMention[] = []
  for (const [at, title] of sites) {
    const mention = courtesyMentionAt(doc, tokenizer, at, title)
    if (mention) mentions.push(mention)
  }
  const firstPseudonym = new Map<string, CourtesyMention>()
  for (const m of mentions) {
    const key = m.surname + m.title
    if (m.nameEnd === undefined && (firstPseudonym.get(key)?.start ?? Infinity) > m.start) firstPseudonym.set(key, m)
  }
  const links: CourtesyLink[] = []
  for (const m of mentions) {
    const pseudonym = firstPseudonym.get(m.surname + m.title)
    if (m.nameEnd === undefined || pseudonym === undefined || (!isStated && pseudonym.start > m.start)) continue
    links.push({ start: m.start, end: m.nameEnd, link: m.surname + m.title })
  }
  return links.sort((a, b) => a.start - b.start)
}

/**
 * What stands before the form of address at `at`: a surname alone, one word with it (王女士/nr)
 * or of its own (欧阳/ns 女士/n), or a full name the tagger reads as one (王丽娟/x 女士/n).
 */
function courtesyMentionAt(doc: Document, tokenizer: Tokenizer, at: number, title: string): CourtesyMention | undefined {
  const text = doc.text
  const tokens = tokensNear(doc, tokenizer, Math.max(0, at - 4), at + title.length, reach)
  const whole = tokens.find((t) => t.end === at + title.length && t.start < at)
  const before = whole === undefined ? tokens.find((t) => t.end === at) : undefined
  const start = whole?.start ?? before?.start
  if (start === undefined) return undefined
  const word = text.slice(start, at)
  const surname = surnameLength(word)
  if (surname === 0) return undefined
  if (surname === word.length) return { start, surname: word, title }
  const name = whole === undefined ? personNameAt(doc, tokenizer, start) : undefined
  return name !== undefined && name.start === start && name.end === at ? { start, surname: word.slice(0, surname), title, nameEnd: at } : undefined
}
