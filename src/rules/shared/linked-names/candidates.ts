// The candidates of one document: where a name in clear may start and why (a cue, a masked
// surname, a list of pseudonyms), gathered first with cheap tests, then read with the tagger and
// kept as linked names when a name stands there that the document does not name on purpose.
import type { Document } from '../../../core/document.js'
import type { Tokenizer } from '../../../nlp/tokenizer.js'
import { surnameLength, tibetanNameLength } from '../../../nlp/person-names.js'
import { isHan } from '../chars.js'
import { cuedFourCharacterName, familyNameAt, isFunctionSurnameChar, personNameAt } from '../persons.js'
import { isMaskOf, maskOfSameRole, sameRoleMask, type MasksOfSurname } from '../person-masks.js'
import { maskedNamePrefixes, type Pseudonym } from '../pseudonyms.js'
import { isPublicRoleName } from '../public-roles.js'
import { isNameDot } from '../transliterated-names.js'
import { maskedGivenRe, notGivenCharRe } from './chars.js'
import { isAfterNameSlot, isAfterStaffRole, isInStatementOf } from './context.js'
import { listItemName } from './lists.js'
import { isHeadOfPlace, isInsideTibetanName, prefixedNameAt, transliteratedRunAt } from './name-spans.js'
import type { LinkedName, LinkReason } from './types.js'

/** A name ending in an administrative or organ suffix is a place or a body read as a name (杨和镇). */
const placeOrOrganEndRe = /[省市县区旗镇乡村组路街局所院委厂店司]$/
/** A form's words where a signature goes, read as a surname and a given name (盖章: 盖 is a surname). */
const formWordRe = /^(?:盖章|签章|签字|签名|签收|印章|公章|捺印)$/

/** Where a name may start, why, and what links it. `end`: where the name must end (before a kinship note in brackets), when known. */
interface Task {
  readonly at: number
  readonly reason: LinkReason
  readonly link: string
  readonly end?: number
}

/** A span of the text, [start, end) in UTF-16 code units. */
interface Span {
  readonly start: number
  readonly end: number
}

/**
 * The candidates of a document and the linked names they turned into. Candidates are gathered
 * first ({@link want}) and cheap tests applied before their words are tagged ({@link run}).
 */
export class Candidates {
  /** The linked names found, by start. */
  readonly found = new Map<number, LinkedName>()
  /** The masked persons as written (王某, 汪*英, 司马某甲), by surname. */
  readonly masksBySurname = new Map<string, MasksOfSurname>()
  /** 1 where a pseudonym stands. */
  readonly covered: Uint8Array
  private readonly surnameOfMask = new Map<string, string>()
  private readonly tasks: Task[] = []
  /** No surname, but where a masked minority name's kept part starts, so may the name in clear. */
  private readonly prefixes: string[]

  constructor(
    private readonly doc: Document,
    private readonly tokenizer: Tokenizer,
    private readonly pseudonyms: readonly Pseudonym[],
    private readonly aliases: ReadonlySet<string>,
    private readonly publicNames: ReadonlySet<string>,
  ) {
    for (const p of pseudonyms) {
      if (p.kind !== 'person' || p.form !== 'surname') continue
      const mask = doc.text.slice(p.start, p.end)
      const masks = this.masksBySurname.get(p.name!) ?? new Map<string, number[]>()
      masks.set(mask, [...(masks.get(mask) ?? []), p.start])
      this.masksBySurname.set(p.name!, masks)
      this.surnameOfMask.set(mask, p.name!)
    }
    this.covered = new Uint8Array(doc.text.length + 1)
    for (const p of pseudonyms) this.covered.fill(1, p.start, p.end)
    this.prefixes = maskedNamePrefixes(pseudonyms)
  }

  /** Takes `at` as a candidate when a surname, a masked name's kept part or a Tibetan name starts there, and no mask follows it. */
  want(at: number, reason: LinkReason, link: string, end?: number): void {
    if (this.isCandidate(at)) this.tasks.push({ at, reason, link, end })
  }

  /** Reads every candidate, in the order they were wanted. */
  run(): void {
    for (const t of this.tasks) this.consider(t.at, t.reason, t.link, t.end)
  }

  private isCandidate(at: number): boolean {
    const text = this.doc.text
    // Not the later part of a transliterated name (买买提 of 古丽娜尔·买买提).
    if (this.covered[at] === 1 || notGivenCharRe.test(text.charAt(at + 1)) || !isHan(text.charCodeAt(at)) || isNameDot(text.charAt(at - 1)) || isInsideTibetanName(text, at)) return false
    const surname = surnameLength(text.slice(at, at + 2)) || (this.prefixes.find((p) => text.startsWith(p, at))?.length ?? 0) || tibetanNameLength(text.slice(at, at + 6))
    // A surname and 记 is a shop's trade name (陆记汽车维修厂, 周记茶叶商行) or 记者, not a given name.
    return surname > 0 && !maskedGivenRe.test(text.charAt(at + surname)) && text.charAt(at + surname) !== '记'
  }

  /** A child or a sibling carries the masked person's surname: it starts a name after the cue. */
  private maskedFamilyNameAt(at: number): Span | undefined {
    const text = this.doc.text
    const surname = surnameLength(text.slice(at, at + 2))
    return surname > 0 && this.masksBySurname.has(text.slice(at, at + surname)) ? familyNameAt(this.doc, this.tokenizer, at, text.slice(at, at + surname)) : undefined
  }

  private consider(at: number, reason: LinkReason, link: string, end?: number): void {
    const { doc, found } = this
    // Not inside a name found already (买提·吐尔逊 of 买买提·吐尔逊).
    if (found.has(at) || [found.get(at - 1), found.get(at - 2)].some((f) => f !== undefined && f.end > at)) return
    const { span, isMinorityName } = this.nameAt(at, reason)
    // A verb with its object after it (`被告张贴《催缴通知》`): no name stands right before a title.
    if (!span || doc.text.charAt(span.end) === '《' || (end !== undefined && span.end !== end)) return
    const name = doc.text.slice(span.start, span.end)
    if (this.aliases.has(name) || isPublicRoleName(name, this.publicNames) || placeOrOrganEndRe.test(name) || formWordRe.test(name) || isHeadOfPlace(doc, this.tokenizer, span)) return
    // A minority name that starts as a masked one does (扎西多吉 of 扎某), written after a post the
    // masked person does not hold (监考教师扎西多吉 beside 长子扎某), is the staff's own, named on purpose.
    if (reason === 'masked-person' && isMinorityName && isAfterStaffRole(doc.text, span.start) && sameRoleMask(doc.text, span.start, [[link, this.pseudonyms.flatMap((p) => (doc.text.slice(p.start, p.end) === link ? [p.start] : []))]]) === undefined) return
    if (reason === 'masked-person') {
      const fit = this.maskFitting(link, name, span.start)
      if (fit === null) return
      link = fit
    }
    found.set(at, { start: span.start, end: span.end, reason, link })
  }

  /** The name at `at`, read as its reason expects one, and whether it is a minority name (no surname, or dotted). */
  private nameAt(at: number, reason: LinkReason): { span: Span | undefined; isMinorityName: boolean } {
    const { doc, tokenizer } = this
    // In a list beside pseudonyms, an item of a surname and one or two characters is a name
    // even where the tagger reads a word (李建设家庭: 李/nr 建设/vn).
    const prefix = this.prefixes.find((p) => doc.text.startsWith(p, at))
    const tibetan = tibetanNameLength(doc.text.slice(at, at + 6))
    const tibetanSpan = tibetan > 0 && surnameLength(doc.text.charAt(at)) === 0 ? { start: at, end: at + tibetan } : undefined
    // A surname alone points at a name weakly; a role right before it says a name stands there,
    // even one whose surname is a word of grammar (`原产权人于建业` beside the masked 于某某).
    const isWeak = reason === 'masked-person' && !(isFunctionSurnameChar(doc.text.charAt(at)) && isAfterNameSlot(doc.text, at))
    const named = tibetanSpan ?? personNameAt(doc, tokenizer, at, isWeak)
    const minority = tibetanSpan ?? (named === undefined && reason !== 'list' ? transliteratedRunAt(doc, tokenizer, at) : undefined)
    const span = named ?? minority ?? (prefix !== undefined ? prefixedNameAt(doc, tokenizer, at, prefix) : undefined) ?? (reason === 'list' ? listItemName(doc.text, at) : reason === 'masked-person' ? undefined : cuedFourCharacterName(doc, tokenizer, at)) ?? (reason === 'relative' ? this.maskedFamilyNameAt(at) : undefined)
    const isMinorityName = minority !== undefined || prefix !== undefined || (span !== undefined && doc.text.slice(span.start, span.end).split('').some(isNameDot))
    return { span, isMinorityName }
  }

  /**
   * The mask a name of the masked surname `link` was taken for is meant as, or null when none is:
   * a mask that keeps a given character (`汪*英`) is no one whose name differs there (汪翠兰); of
   * several that fit (司马某, 司马某甲), the one of the same role or relation is meant.
   */
  private maskFitting(link: string, name: string, start: number): string | null {
    const surname = this.surnameOfMask.get(link)
    if (surname === undefined) return link
    const fits = [...this.masksBySurname.get(surname)!].filter(([mask]) => isMaskOf(mask, surname, name))
    if (fits.length === 0 || (fits.length === 1 && isInStatementOf(this.doc.text, start, fits[0]![0]))) return null
    return fits.length === 1 ? fits[0]![0] : maskOfSameRole(this.doc.text, start, fits)
  }
}
