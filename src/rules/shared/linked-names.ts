// Names that undo a masked person (the document's policy masks persons or companies): the masked
// person's full name elsewhere (王某 throughout, 王建国 once), a relative beside a masked minor
// (其父李建军), the legal representative of a masked company, a contact or a party named after
// its role, a name in a list of pseudonyms (王某某、张建华、李某).
import { lowerBound } from '../../core/sorted.js'
import type { Document } from '../../core/document.js'
import type { Tokenizer } from '../../nlp/tokenizer.js'
import { personTitles, surnameLength, tibetanNameLength } from '../../nlp/person-names.js'
import { isHan, lineStartWithin } from './chars.js'
import { FirstCharIndex, type LiteralHit } from './first-char-index.js'
import { findCourtesyLinks } from './courtesy-names.js'
import { cuedFourCharacterName, familyNameAt, isFunctionSurnameChar, personNameAt } from './persons.js'
import { documentPolicy } from './policy.js'
import { findPseudonyms, isAfterPersonRole, maskedNamePrefixes, type Pseudonym } from './pseudonyms.js'
import { findPublicRoleNames, isPublicRoleName } from './public-roles.js'
import { minorPseudonyms } from './minors.js'
import { literalsIn } from './trigger-scan.js'
import { tokensNear } from './token-window.js'
import { isNameDot, isTransliterationChar } from './transliterated-names.js'
import { nameRecurrences } from './name-recurrences.js'
import { findPlaces } from './places.js'
import { findLatinNames, foreignPseudonyms } from './latin-names.js'
import { isMaskOf, maskLengthOf, maskOfSameRole, sameRoleMask, type MasksOfSurname } from './person-masks.js'

/** Why a name undoes the masking. */
export type LinkReason = 'masked-person' | 'relative' | 'representative' | 'contact' | 'party' | 'list' | 'latin'

/** A name in clear linked to what the document masks, [start, end) in UTF-16 code units. */
export interface LinkedName {
  readonly start: number
  readonly end: number
  readonly reason: LinkReason
  /** The cue word (其父, 法定代表人) or the pseudonym (王某) that links it. */
  readonly link: string
  /** For the name written again without its cue: where it was found with it. */
  readonly firstStart?: number
}

/** The role words that announce a person, by the reason a name after them is a leak. */
export interface LinkCues {
  readonly relative: readonly string[]
  readonly representative: readonly string[]
  readonly contact: readonly string[]
  readonly party: readonly string[]
  /**
   * Party roles the publication rules mask in every criminal case (被害人, 证人): in a criminal
   * document that masks any party, a name after one is a leak though it is never written masked.
   */
  readonly criminalProtected?: readonly string[]
  /** Roles that make a document a criminal case's (被告人, 犯罪嫌疑人). */
  readonly criminalAccused?: readonly string[]
  /** Words of personal names in Latin letters (John, Maria, Kim): a run of capitalised words with one is a person's (latin-names.ts). */
  readonly latinNameWords?: readonly string[]
  /**
   * Who a complaint, a petition or a medical dispute is about (患者, 投诉人, 信访人): written
   * before a pseudonym (`患者刘某`), the role stands for that person where a relative's cue
   * follows it (`患者之子陈宏伟`, paragraphs later). Not a party's cue: a name after one is not
   * taken as named on purpose.
   */
  readonly subject?: readonly string[]
}

/** Between a cue and the name: punctuation, spaces, a copula (`其父系李建军`, `法定代表人：赵德明`). */
const cueGapRe = /^[\s：:（(]*(?:系|为|是|名叫|叫)?[\s：:]*/
/** The characters a gap is made of. */
const gapCharRe = /^[\s：:（(系为是名叫]$/
/** The most characters of a gap read after a cue. */
const maxGap = 6
/** A name ending in an administrative or organ suffix is a place or a body read as a name (杨和镇). */
const placeOrOrganEndRe = /[省市县区旗镇乡村组路街局所院委厂店司]$/
/** A form's words where a signature goes, read as a surname and a given name (盖章: 盖 is a surname). */
const formWordRe = /^(?:盖章|签章|签字|签名|签收|印章|公章|捺印)$/
/** Characters that start no given name: particles, pronouns, prepositions, numerals (马上, 高于, 何时). */
const notGivenCharRe = /^[的了是在和与就也都而及或等把被让给向从对为以于之其这那们个些么所已曾将可应该上下中时一二三四五六七八九十百千万某×xX*＊]$/
/** Characters that make a kinship word with a relative's cue before them (父母, 子女, 夫妻, 兄弟). */
const kinCharRe = /^[父母子女亲兄弟姐妹夫妻媳婿]$/
/** Characters after a surname that start no given name here: a mask or 某. */
const maskedGivenRe = /^[某×xX*＊○〇□]/
const clauseBreakRe = /[。！？；，：\n\r]/
/** What ends a sentence, and how far back a relative's cue looks for the sentence's subject. */
const sentenceBreakRe = /[。！？；\n\r]/
const sentenceReach = 60

/** The linked names of `doc`, sorted; computed once per document, tokenizer and cue set. */
export function findLinkedNames(doc: Document, tokenizer: Tokenizer, cues: LinkCues): readonly LinkedName[] {
  const key = `linkedNames:${tokenizer.name}:${[cues.relative, cues.representative, cues.contact, cues.party, cues.criminalProtected ?? [], cues.criminalAccused ?? [], cues.latinNameWords ?? [], cues.subject ?? []].map((c) => c.join('|')).join('/')}`
  return doc.derive(key, () => scan(doc, tokenizer, cues))
}

function scan(doc: Document, tokenizer: Tokenizer, cues: LinkCues): LinkedName[] {
  const policy = documentPolicy(doc)
  // A person hidden as 王女士 is undone by 王丽娟女士 whatever else the document masks.
  const courtesy = findCourtesyLinks(doc, tokenizer, policy.isStated)
  if (!policy.masksPersons && !policy.masksOrganizations && courtesy.length === 0) return []
  const pseudonyms = findPseudonyms(doc)
  const publicNames = findPublicRoleNames(doc)
  const aliases = new Set(pseudonyms.filter((p) => p.form === 'alias').map((p) => p.name!))
  const found = new Map<number, LinkedName>()
  /** The masked persons as written (王某, 汪*英, 司马某甲), by surname. */
  const masksBySurname = new Map<string, MasksOfSurname>()
  const surnameOfMask = new Map<string, string>()
  for (const p of pseudonyms) {
    if (p.kind !== 'person' || p.form !== 'surname') continue
    const mask = doc.text.slice(p.start, p.end)
    const masks = masksBySurname.get(p.name!) ?? new Map<string, number[]>()
    masks.set(mask, [...(masks.get(mask) ?? []), p.start])
    masksBySurname.set(p.name!, masks)
    surnameOfMask.set(mask, p.name!)
  }
  const covered = new Uint8Array(doc.text.length + 1)
  for (const p of pseudonyms) covered.fill(1, p.start, p.end)
  // Candidates are gathered first and cheap tests applied before their words are tagged.
  // `end`: where the name must end (before a kinship note in brackets), when known.
  const tasks: { at: number; reason: LinkReason; link: string; end?: number }[] = []
  // No surname, but where a masked minority name's kept part starts, so may the name in clear.
  const prefixes = maskedNamePrefixes(pseudonyms)
  const isCandidate = (at: number) => {
    // Not the later part of a transliterated name (买买提 of 古丽娜尔·买买提).
    if (covered[at] === 1 || notGivenCharRe.test(doc.text.charAt(at + 1)) || !isHan(doc.text.charCodeAt(at)) || isNameDot(doc.text.charAt(at - 1)) || isInsideTibetanName(doc.text, at)) return false
    const surname = surnameLength(doc.text.slice(at, at + 2)) || (prefixes.find((p) => doc.text.startsWith(p, at))?.length ?? 0) || tibetanNameLength(doc.text.slice(at, at + 6))
    // A surname and 记 is a shop's trade name (陆记汽车维修厂, 周记茶叶商行) or 记者, not a given name.
    return surname > 0 && !maskedGivenRe.test(doc.text.charAt(at + surname)) && doc.text.charAt(at + surname) !== '记'
  }
  const want = (at: number, reason: LinkReason, link: string, end?: number) => {
    if (isCandidate(at)) tasks.push({ at, reason, link, end })
  }
  // A child or a sibling carries the masked person's surname: it starts a name after the cue.
  const maskedFamilyNameAt = (at: number) => {
    const surname = surnameLength(doc.text.slice(at, at + 2))
    return surname > 0 && masksBySurname.has(doc.text.slice(at, at + surname)) ? familyNameAt(doc, tokenizer, at, doc.text.slice(at, at + surname)) : undefined
  }
  const consider = (at: number, reason: LinkReason, link: string, end?: number): void => {
    // Not inside a name found already (买提·吐尔逊 of 买买提·吐尔逊).
    if (found.has(at) || [found.get(at - 1), found.get(at - 2)].some((f) => f !== undefined && f.end > at)) return
    // In a list beside pseudonyms, an item of a surname and one or two characters is a name
    // even where the tagger reads a word (李建设家庭: 李/nr 建设/vn).
    const prefix = prefixes.find((p) => doc.text.startsWith(p, at))
    const tibetan = tibetanNameLength(doc.text.slice(at, at + 6))
    const tibetanSpan = tibetan > 0 && surnameLength(doc.text.charAt(at)) === 0 ? { start: at, end: at + tibetan } : undefined
    // A surname alone points at a name weakly; a role right before it says a name stands there,
    // even one whose surname is a word of grammar (`原产权人于建业` beside the masked 于某某).
    const isWeak = reason === 'masked-person' && !(isFunctionSurnameChar(doc.text.charAt(at)) && isAfterNameSlot(doc.text, at))
    const named = tibetanSpan ?? personNameAt(doc, tokenizer, at, isWeak)
    const minority = tibetanSpan ?? (named === undefined && reason !== 'list' ? transliteratedRunAt(doc, tokenizer, at) : undefined)
    const span = named ?? minority ?? (prefix !== undefined ? prefixedNameAt(doc, tokenizer, at, prefix) : undefined) ?? (reason === 'list' ? listItemName(doc.text, at) : reason === 'masked-person' ? undefined : cuedFourCharacterName(doc, tokenizer, at)) ?? (reason === 'relative' ? maskedFamilyNameAt(at) : undefined)
    // A verb with its object after it (`被告张贴《催缴通知》`): no name stands right before a title.
    if (!span || doc.text.charAt(span.end) === '《' || (end !== undefined && span.end !== end)) return
    const name = doc.text.slice(span.start, span.end)
    if (aliases.has(name) || isPublicRoleName(name, publicNames) || placeOrOrganEndRe.test(name) || formWordRe.test(name) || isHeadOfPlace(doc, tokenizer, span)) return
    // A minority name that starts as a masked one does (扎西多吉 of 扎某), written after a post the
    // masked person does not hold (监考教师扎西多吉 beside 长子扎某), is the staff's own, named on purpose.
    const isMinorityName = minority !== undefined || prefix !== undefined || name.split('').some(isNameDot)
    if (reason === 'masked-person' && isMinorityName && isAfterStaffRole(doc.text, span.start) && sameRoleMask(doc.text, span.start, [[link, pseudonyms.flatMap((p) => (doc.text.slice(p.start, p.end) === link ? [p.start] : []))]]) === undefined) return
    if (reason === 'masked-person') {
      // A mask that keeps a given character (`汪*英`) is no one whose name differs there (汪翠兰);
      // of several that fit (司马某, 司马某甲), the one of the same role or relation is meant.
      const surname = surnameOfMask.get(link)
      if (surname !== undefined) {
        const fits = [...masksBySurname.get(surname)!].filter(([mask]) => isMaskOf(mask, surname, name))
        if (fits.length === 0 || (fits.length === 1 && isInStatementOf(doc.text, span.start, fits[0]![0]))) return
        link = fits.length === 1 ? fits[0]![0] : maskOfSameRole(doc.text, span.start, fits)
      }
    }
    found.set(at, { start: span.start, end: span.end, reason, link })
  }
  const reasons: readonly LinkReason[] = policy.masksPersons ? ['relative', 'representative', 'contact', 'party'] : ['representative']
  // A minor is masked whatever the document does with the others of the case: the role he
  // stands in (被告人陈某某, beside adult defendants named) is not masked for that.
  const minors = minorPseudonyms(doc, pseudonyms)
  const isMinor = (p: Pseudonym) => minors.has(doc.text.slice(p.start, p.end))
  const maskedRoles = rolesMasked(doc.text, cues.party, pseudonyms.filter((p) => !isMinor(p)))
  // Its name in clear after that role (被告人刘浩然 for the minor 刘某) is no adult's named on
  // purpose: it is left to the minor's surname to tell.
  const minorsRoles = minors.size === 0 ? new Set<string>() : rolesMasked(doc.text, cues.party, pseudonyms.filter(isMinor))
  // A criminal case that masks a party masks its victims and witnesses too.
  if (maskedRoles.size > 0 && cues.criminalAccused?.some((role) => doc.text.includes(role))) for (const role of cues.criminalProtected ?? []) maskedRoles.add(role)
  // The roles a relative's cue may follow for its masked person: the parties' and the subjects' (患者刘某 … 患者之子).
  const subjectRoles = (cues.subject?.length ?? 0) > 0 ? new Set([...maskedRoles, ...rolesMasked(doc.text, cues.subject!, pseudonyms.filter((p) => !isMinor(p)))]) : maskedRoles
  // Names written after a role the document names on purpose (被告人马志刚) are public everywhere;
  // they are read only when something was found.
  const namedRoleStarts: number[] = []
  /** Where an official is named after the post, of a surname no masked person holds a post of. */
  const officialStarts: number[] = []
  const cueHits = findCues(doc, cues)
  const cueReasons = cueIndex(cues).reasons
  for (const reason of reasons) {
    for (const { begin, end, keyword: cue } of cueHits.get(reason)!) {
      let after = end
      if (reason === 'relative' && kinCharRe.test(doc.text.charAt(after))) {
        // `其父母`, `之子女`: the cue is half of a kinship word, no name follows; unless that
        // word is a relative too (`其妻子`, `其女婿`), and the name comes after it.
        if (!cueReasons.get(cue.slice(-1) + doc.text.charAt(after))?.includes('relative')) continue
        after++
      }
      // `李秀芬曾代其母缴纳`: who acts for his parent in a case that masks its parties is the child.
      if (reason === 'relative' && maskedRoles.size > 0) {
        const actor = actorForRelative(doc.text, begin, cue)
        if (actor !== undefined) want(actor, reason, doc.text.slice(begin - 1, end))
      }
      const at = after + cueGapRe.exec(doc.text.slice(after, after + maxGap))![0].length
      // The document names some roles on purpose (an adult defendant): only a role it masks
      // elsewhere is a leak; a relative or a representative is one beside what it masks.
      if (reason === 'party' && !maskedRoles.has(cue)) {
        if (!minorsRoles.has(cue)) namedRoleStarts.push(at)
        continue
      }
      const note = reason === 'relative' ? kinshipNoteAt(doc.text, begin, after) : undefined
      if ((reason === 'relative' || reason === 'representative') && !isBesideMasked(doc.text, begin, pseudonymsBetween(pseudonyms, begin - besideReach, begin), reason, cue) && !(reason === 'relative' && (isAfterMaskedRole(doc.text, begin, subjectRoles) || isAfterAlias(doc.text, begin, aliases) || isOfParagraphsMasked(doc.text, begin, cue, pseudonymsBetween(pseudonyms, begin - paragraphReach, begin))))) continue
      // A note after the name (`韦志刚（系原告之子）`): the name ends at its bracket, of a surname
      // and one or two characters (two and two of a compound surname), the longest tried first.
      if (note) for (const length of [4, 3, 2]) want(note.start - length, reason, doc.text.slice(note.start, note.end), note.start)
      // The cue as written, with the kinship word's second half (其父亲, not 其父).
      else want(at, reason, doc.text.slice(begin, after))
    }
  }
  if (policy.masksPersons) {
    const surnames = new Map<string, Pseudonym>()
    for (const p of pseudonyms) if (p.kind === 'person' && p.form === 'surname' && !surnames.has(p.name!)) surnames.set(p.name!, p)
    const surnameStarts = sameSurnameStarts(doc.text, surnames.keys())
    // An official written after the post (`镇长刘洪亮`) is named on purpose, and is not the masked
    // person of the same surname unless that one is written after a post too (`镇长刘某`).
    const postHolders = new Set(pseudonyms.flatMap((p) => (p.kind === 'person' && p.form === 'surname' && isAfterPost(doc.text, p.start) ? [p.name!] : [])))
    for (const [surname, p] of surnames) {
      const link = doc.text.slice(p.start, p.end)
      for (const at of surnameStarts.get(surname)!) if (postHolders.has(surname) || !isAfterPost(doc.text, at)) want(at, 'masked-person', link)
      if (!postHolders.has(surname)) for (const at of surnameStarts.get(surname)!) if (isAfterPost(doc.text, at)) officialStarts.push(at)
    }
    // A list of co-defendants holds the masked minor among adults named on purpose.
    for (const p of pseudonyms) if (p.kind === 'person' && !isMinor(p)) for (const at of listNeighbours(doc.text, p, covered)) want(at, 'list', doc.text.slice(p.start, p.end))
    for (const [at, link] of columnNeighbours(doc, pseudonyms)) want(at, 'list', link)
  }
  for (const t of tasks) consider(t.at, t.reason, t.link, t.end)
  for (const c of courtesy) if (!found.has(c.start)) found.set(c.start, { start: c.start, end: c.end, reason: 'masked-person', link: c.link })
  const latin = policy.masksPersons ? latinNamesOf(doc, pseudonyms, cues.latinNameWords) : []
  if (found.size === 0 && latin.length === 0) return []
  // Where a linked name recurs without its cue (法定代表人：周建国, then 周建国的询问笔录), it links the same.
  for (const [entry, span] of nameRecurrences(doc, tokenizer, [...found.values()], (start) => covered[start] !== 1)) found.set(span.start, { ...entry, start: span.start, end: span.end, firstStart: entry.start })
  // A relative is not the masked person his surname was taken for (韦志刚（系原告之子） and later
  // 韦志刚 beside 原告韦某某): that name written again is the relative found by the cue.
  const relatives = new Map<string, LinkedName>()
  for (const l of found.values()) if (l.reason === 'relative' && l.firstStart === undefined && !relatives.has(doc.text.slice(l.start, l.end))) relatives.set(doc.text.slice(l.start, l.end), l)
  for (const l of found.values()) {
    const relative = l.reason === 'masked-person' ? relatives.get(doc.text.slice(l.start, l.end)) : undefined
    if (relative) found.set(l.start, { ...relative, start: l.start, end: l.end, firstStart: relative.start })
  }
  const namedRoleNames = new Set<string>()
  for (const at of officialStarts) {
    const span = personNameAt(doc, tokenizer, at)
    if (span) namedRoleNames.add(doc.text.slice(span.start, span.end))
  }
  for (const at of namedRoleStarts) {
    const span = found.get(at) ?? personNameAt(doc, tokenizer, at)
    if (span) namedRoleNames.add(doc.text.slice(span.start, span.end))
  }
  // Listed among masked names (a 公示 table's 姓名 column), a name is the list's, not a role's
  // the document names freely, wherever else it stands (`第2号申请人陈志明`); unless the document
  // writes it after its holder's post (`副局长王振华`): a notice names its officials on purpose, and
  // its table then lists them beside the masked staff.
  for (const l of latin) if (!found.has(l.start)) found.set(l.start, l)
  const listNames = new Set([...found.values()].filter((l) => l.reason === 'list').map((l) => doc.text.slice(l.start, l.end)))
  const postNamed = new Set([...listNames].filter((name) => isWrittenAfterPost(doc.text, name)))
  return [...found.values()]
    .filter((l) => {
      const name = doc.text.slice(l.start, l.end)
      if (postNamed.has(name)) return l.reason !== 'list'
      return listNames.has(name) || !isPublicRoleName(name, namedRoleNames)
    })
    .sort((a, b) => a.start - b.start)
}

/** The Latin name words of the rule, as a set, by the list they come from. */
const latinWordSets = new WeakMap<readonly string[], ReadonlySet<string>>()

/**
 * Names in Latin letters that undo a masked person: in a document that masks a foreign party
 * (约某, 美利坚合众国国籍), any person's name so written (its passport's John Michael Carter); in
 * any document that masks persons, one a name's label announces (`英文名为Kevin Wang`). Each is
 * linked to the masked foreign party written last before it, else to the person masked last
 * before it. Only read where the text has a capital letter after the gate.
 */
function latinNamesOf(doc: Document, pseudonyms: readonly Pseudonym[], words: readonly string[] | undefined): LinkedName[] {
  const text = doc.text
  if (words === undefined || words.length === 0 || !/[A-ZÀ-Þ][a-zß-ÿ]+[ \u00a0]/.test(text)) return []
  let nameWords = latinWordSets.get(words)
  if (nameWords === undefined) latinWordSets.set(words, (nameWords = new Set(words)))
  const persons = pseudonyms.filter((p) => p.kind === 'person')
  const foreign = foreignPseudonyms(text, persons)
  const foreignMasks = new Set(foreign.map((p) => text.slice(p.start, p.end)))
  const linked: LinkedName[] = []
  for (const name of findLatinNames(text, nameWords)) {
    if (foreign.length === 0 && !name.isCued) continue
    const before = persons.filter((p) => p.end <= name.start)
    const mask = [...before].reverse().find((p) => foreignMasks.has(text.slice(p.start, p.end))) ?? foreign[0] ?? before[before.length - 1]
    if (mask !== undefined) linked.push({ start: name.start, end: name.end, reason: 'latin', link: text.slice(mask.start, mask.end) })
  }
  return linked
}

/** Who holds or passes a property or a right, right before a name (原产权人, 权利人, 出卖人, 继承人). */
const holderRoleBeforeRe = /(?:产权人|权利人|所有权人|所有人|出卖人|买受人|继承人|委托人|受托人|抵押人|担保人|保证人|债务人|债权人|承租人|出租人|借款人|出借人|收款人|付款人)[：:]?$/

/** True when a party's or a holder's role stands right before `at` (`申请人：`, `原产权人`): a name is written there. */
function isAfterNameSlot(text: string, at: number): boolean {
  return isAfterPersonRole(text, at) || holderRoleBeforeRe.test(text.slice(Math.max(0, at - 6), at))
}

/**
 * True when a Tibetan name runs through `at` from before it (次仁 of 罗布次仁): a Tibetan name has
 * no surname, and its later name word is no name of its own (nor the masked 次某).
 */
function isInsideTibetanName(text: string, at: number): boolean {
  for (const back of [2, 3]) if (at >= back && tibetanNameLength(text.slice(at - back, at - back + 6)) > back) return true
  return false
}

/** A suffix of a place within reach after a name: it may end a place the name begins. */
const placeSuffixNearRe = /[村镇乡旗县市区]|嘎查|社区|苏木/
/** The most characters of a place name read after the name that begins it. */
const placeReach = 6

/**
 * True when the name is the head of a longer place name the document writes (巴音 of
 * 巴音敖包嘎查, a village named after a person as Mongolian ones are): the place's, not a person's.
 * The places are looked up only where a place's suffix follows within reach.
 */
function isHeadOfPlace(doc: Document, tokenizer: Tokenizer, span: { start: number; end: number }): boolean {
  if (!placeSuffixNearRe.test(doc.text.slice(span.end, span.end + placeReach))) return false
  return findPlaces(doc, tokenizer).some((p) => p.start <= span.start && p.end > span.end)
}

/**
 * A name in clear that starts as a masked minority name does (岩温罕 of 岩某, 岩香): the prefix
 * and what the tagger leaves after it as one-character words or unknown words and names (岩/nr
 * 温罕/x, 岩香/x), two to four characters in all, up to a verb, a particle or punctuation. A word
 * the dictionary knows that runs past the prefix (次日/t, 次年/t, 次数/n of 次某, a Tibetan 次仁's
 * mask) is that word, not a name.
 */
function prefixedNameAt(doc: Document, tokenizer: Tokenizer, at: number, prefix: string): { start: number; end: number } | undefined {
  const tokens = tokensNear(doc, tokenizer, at, at + 4, 8)
  let i = tokens.findIndex((t) => t.start === at)
  if (i < 0) return undefined
  let end = at
  for (; i < tokens.length; i++) {
    const t = tokens[i]!
    const isNamePart = [...t.word].every((c) => isHan(c.charCodeAt(0)) && !notGivenCharRe.test(c)) && !notNameTagRe.test(t.tag)
    if (t.end - at > 4 || !(t.end <= at + prefix.length || (isNamePart && (t.word.length === 1 || nameLikeTagRe.test(t.tag))))) break
    end = t.end
  }
  return end - at >= 2 && end >= at + prefix.length + 1 ? { start: at, end } : undefined
}

/**
 * Tags of the words of a transliterated name written without its dots: words the dictionary
 * lacks (古丽娜尔/x). Not its names (阿依古丽/nr): it tags thousands of idioms so, and only a
 * cue makes one a name ({@link cuedFourCharacterName}).
 */
const unknownWordTagRe = /^x$/

/**
 * A minority name written without dots at `at` (古丽娜尔, 热依汗古丽: 热依汗/x 古丽/x): one or two
 * words the tagger does not know, three to six characters in all, each a
 * syllable a transliteration uses. A Han name of three characters may pass as well; it is a name.
 */
function transliteratedRunAt(doc: Document, tokenizer: Tokenizer, at: number): { start: number; end: number } | undefined {
  if (!isTransliterationChar(doc.text.charAt(at)) || !isTransliterationChar(doc.text.charAt(at + 1)) || !isTransliterationChar(doc.text.charAt(at + 2))) return undefined
  const tokens = tokensNear(doc, tokenizer, at, at + 6, 8)
  let i = tokens.findIndex((t) => t.start === at)
  if (i < 0) return undefined
  let end = at
  for (let words = 0; i < tokens.length && words < 2; i++, words++) {
    const t = tokens[i]!
    if (t.start !== end || t.end - at > 6 || !unknownWordTagRe.test(t.tag) || ![...t.word].every(isTransliterationChar)) break
    end = t.end
  }
  return end - at >= 3 ? { start: at, end } : undefined
}

/**
 * Posts of staff a document names on purpose, right before a name (监考教师, 辅导员, 公证员助理,
 * 民警); a member's 员 (成员, 党员, 学员, 会员, 队员, 社员, 团员) is no post of the issuer's staff.
 */
const staffBeforeRe = /(?:教师|老师|辅导员|(?<![成党学会队社团])员|官|助理|民警|医生|护士|干部|书记|主任|[^家]长)[ \u3000：:]*$/

/** True when a staff post stands right before `at` (`监考教师扎西多吉`, `公证员　德吉卓玛`). */
function isAfterStaffRole(text: string, at: number): boolean {
  return staffBeforeRe.test(text.slice(Math.max(0, at - 8), at))
}

/** Tags of a word the tagger does not know or reads as a name: a name's part. */
const nameLikeTagRe = /^(?:x|nr|nrfg|nrt|nz)$/

/** Tags of a word that is no part of a name: verbs, particles, prepositions, pronouns, numerals, time and place words. */
const notNameTagRe = /^(?:v|u|p|r|m|q|c|d|w|f|t)/

/** The end of a post's title right before a name (镇长, 党委书记, 主任): the titles of official writing, not forms of address (同志, 老师). */
const addressTitles: ReadonlySet<string> = new Set(['同志', '老师', '教授'])
const postBeforeRe = new RegExp(`(?:${personTitles.filter((t) => !addressTitles.has(t)).join('|')})$`)

/** True when a post's title stands right before `at` (`镇长刘洪亮`, `党委副书记　赵立军`). */
function isAfterPost(text: string, at: number): boolean {
  let end = at
  while (end > 0 && end > at - 3 && /[ \u3000]/.test(text.charAt(end - 1))) end--
  return postBeforeRe.test(text.slice(Math.max(0, end - 4), end))
}

/** True when `name` stands somewhere right after a post's title. */
function isWrittenAfterPost(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (isAfterPost(text, at)) return true
  return false
}

/** The cue words of a cue set, indexed once for all its groups, with the groups of each word. */
interface CueIndex {
  readonly wordsIn: (doc: Document) => LiteralHit[]
  readonly reasons: ReadonlyMap<string, readonly LinkReason[]>
}

const cueIndexes = new WeakMap<LinkCues, CueIndex>()

function cueIndex(cues: LinkCues): CueIndex {
  let index = cueIndexes.get(cues)
  if (!index) {
    const reasons = new Map<string, LinkReason[]>()
    for (const reason of ['relative', 'representative', 'contact', 'party'] as const) for (const word of cues[reason]) reasons.set(word, [...(reasons.get(word) ?? []), reason])
    cueIndexes.set(cues, (index = { wordsIn: literalsIn([...reasons.keys()]), reasons }))
  }
  return index
}

/**
 * The cues in a document by group, as a search for the group's words, longest first, would
 * find them: left to right, none overlapping another of its group. One search for all groups
 * (in the pass the pattern rules share); an alternation of the words per group read the text
 * four times, ~3× slower.
 */
function findCues(doc: Document, cues: LinkCues): Map<LinkReason, LiteralHit[]> {
  const { wordsIn, reasons } = cueIndex(cues)
  const found = new Map<LinkReason, LiteralHit[]>([['relative', []], ['representative', []], ['contact', []], ['party', []]])
  // Hits come by start, the longest first: the first of a group past its last match is its next match.
  for (const hit of wordsIn(doc)) {
    for (const reason of reasons.get(hit.keyword)!) {
      const list = found.get(reason)!
      if (list.length === 0 || hit.begin >= list[list.length - 1]!.end) list.push(hit)
    }
  }
  return found
}

/** The masked surnames, searched for in each document in turn (tables reused). */
const surnameIndex = new FirstCharIndex([])

/**
 * Where each of `surnames` starts a name in clear (a Han character follows, not a mask), by
 * surname, each by offset. One pass over the text for all: a search per surname read it once
 * per surname (~10 in a document that masks persons).
 */
export function sameSurnameStarts(text: string, surnames: Iterable<string>): Map<string, number[]> {
  const starts = new Map<string, number[]>()
  for (const surname of surnames) starts.set(surname, [])
  if (starts.size === 0) return starts
  for (const hit of surnameIndex.reload(starts.keys()).matches(text)) {
    if (isHan(text.charCodeAt(hit.end)) && !maskedGivenRe.test(text.charAt(hit.end))) starts.get(hit.keyword)!.push(hit.begin)
  }
  return starts
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
  if (isAddressedToMasked(text, pseudonyms)) for (const pronoun of ['你本人', '你', '您']) masked.add(pronoun)
  return masked
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

/** True when an alias (`小明（化名）`) is written again just before a relative's cue (`小明的医疗费由其母亲…`): the relative is the alias's. */
function isAfterAlias(text: string, cueStart: number, aliases: ReadonlySet<string>): boolean {
  for (const alias of aliases) {
    const at = text.lastIndexOf(alias, cueStart - alias.length)
    if (at >= 0 && at >= cueStart - besideReach / 2) return true
  }
  return false
}

/** A bracket opened right after a name, up to a relative's cue inside it (`韦志刚（系原告之子`, `刘长海（系被告人刘某之父`). */
const noteOpenRe = /(?<=[\u4e00-\u9fff])[（(](?:系|是|为)?[^（()）\n]{0,12}$/
/** The bracket closed right after the cue. */
const noteCloseRe = /^[）)]/

/**
 * The kinship note in brackets that a relative's cue at [cueStart, cueEnd) ends (`韦志刚（系原告之子）`,
 * `刘长海（系被告人刘某之父）`), [start, end) from bracket to bracket: it says who the name right
 * before it is, as a cue before the name does (`原告之子韦志刚`).
 */
function kinshipNoteAt(text: string, cueStart: number, cueEnd: number): { start: number; end: number } | undefined {
  if (!noteCloseRe.test(text.charAt(cueEnd))) return undefined
  const m = noteOpenRe.exec(text.slice(Math.max(0, cueStart - 14), cueStart))
  return m ? { start: cueStart - m[0].length, end: cueEnd + 1 } : undefined
}

/** Characters before a cue searched for what it belongs to. */
const besideReach = 120
/** Representatives only a company has. */
const companyRoleRe = /^(?:法定代表人|实际控制人)$/
/** Words that end an organisation's name: the nearest before a representative tells whose he is. */
const organizationEndRe = /(?:公司|集团|厂|店|合作社|中心|委员会|政府|局|医院|学校|协会|银行|超市|酒店)/g

/**
 * True when what the cue belongs to is masked. A relative: a person pseudonym shortly before. A
 * representative: the nearest organisation before him (A公司, but not 宁夏恒通建设有限公司), or a
 * person pseudonym when none is named.
 */
function isBesideMasked(text: string, cueStart: number, pseudonyms: readonly Pseudonym[], reason: LinkReason, cue: string): boolean {
  const from = Math.max(0, cueStart - besideReach)
  const before = pseudonyms.filter((p) => p.start >= from && p.end <= cueStart)
  // `其母亲` opening a sentence points back to the paragraph's subject, which may stand further
  // back on its line; inside a sentence (`被告人张伟在其妻子…`) to that sentence's subject.
  if (reason === 'relative') {
    // Its line's start matters only within reach: searched no further back (a page flattened
    // into one line would make each cue read the whole line).
    const lineStart = lineStartWithin(text, cueStart, from)
    const opensSentence = /^[其之]/.test(cue) && /(?:^|[。！？；])[\s\u3000]*$/.test(text.slice(Math.max(lineStart, cueStart - 8), cueStart))
    const reach = opensSentence ? Math.max(from, lineStart) : cueStart - besideReach / 2
    return before.some((p) => p.kind === 'person' && p.start >= reach)
  }
  let lastOrganization = -1
  for (const m of text.slice(from, cueStart).matchAll(organizationEndRe)) lastOrganization = from + m.index + m[0].length
  // A company's own roles (法定代表人, 实际控制人) stand for a company, never for a masked person nearby.
  if (lastOrganization < 0) return before.some((p) => p.kind === 'party' || p.kind === 'organization' || (p.kind === 'person' && !companyRoleRe.test(cue)))
  const maskRe = /[某×xX*＊A-Z甲乙丙丁]/
  return before.some((p) => p.end === lastOrganization && p.kind !== 'place') || maskRe.test(text.slice(Math.max(0, lastOrganization - 6), lastOrganization).replace(/(?:人民政府|公司|集团|厂|店|合作社|中心|委员会|政府|局|医院|学校|协会|银行|超市|酒店)$/, '').slice(-2))
}

/** What opens a person's own statement on its line: his words, then a colon (`3.考生李某的陈述：`, `王某某供称：`). */
const statementOpenerRe = /的?(?:陈述|供述|证言|证词|辩解|自述|笔录|称|证实|供称|辩称)[^：:\n]{0,6}[：:]/y
/** The most characters of a line before the masked speaker of its statement (a number and a role: `3.考生`). */
const speakerReach = 12

/**
 * True when `at` stands in the statement of the masked person `mask`, opened on its line
 * (`3.考生李某的陈述：…报答案的人是李雪`): a speaker calls himself 我, and a name of his surname
 * there is someone else's, not his own in clear.
 */
function isInStatementOf(text: string, at: number, mask: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const speaker = text.indexOf(mask, lineStart)
  if (speaker < 0 || speaker > lineStart + speakerReach || speaker + mask.length >= at) return false
  statementOpenerRe.lastIndex = speaker + mask.length
  const m = statementOpenerRe.exec(text)
  return m !== null && m.index + m[0].length <= at
}

/** Verbs of acting for someone before 其 and a relative (代其母缴纳, 替其父签字). */
const actingForRe = /[代替]$/
/** The most characters of a clause read back from 代其母 to its subject. */
const actorReach = 30

/**
 * Where the subject of a clause `X代其母…`/`X替其父…` starts: 其 is X, and X acts for a relative of
 * his, a party the case masks; so X is that party's relative. Undefined for any other cue.
 */
function actorForRelative(text: string, cueStart: number, cue: string): number | undefined {
  if (!cue.startsWith('其') || !actingForRe.test(text.slice(cueStart - 1, cueStart))) return undefined
  let from = cueStart - 1
  while (from > Math.max(0, cueStart - actorReach) && !clauseBreakRe.test(text.charAt(from - 1))) from--
  if (from > 0 && !clauseBreakRe.test(text.charAt(from - 1))) return undefined
  while (/[\s\u3000]/.test(text.charAt(from))) from++
  return from
}

/** How far back in its paragraph a 其 cue looks for the masked person it points to. */
const paragraphReach = 400
/** A connective that opens a sentence before its subject (经查，, 同时，, 此外，). */
const sentenceConnectiveRe = /^[\u4e00-\u9fff]{1,4}[，,]/

/**
 * True when a 其 cue (`交由其妻子…`) points to the paragraph's masked person further back than
 * {@link besideReach}: its sentence's subject is that person, written masked or with the masked
 * surname (欧阳某某 … 。经查，欧阳建华还将…交由其妻子陈晓梅), the last person masked on its line.
 * Another subject (张建国在会上指出，其妻子…) is his.
 */
function isOfParagraphsMasked(text: string, cueStart: number, cue: string, pseudonyms: readonly Pseudonym[]): boolean {
  if (!cue.startsWith('其')) return false
  const lineStart = text.lastIndexOf('\n', cueStart - 1) + 1
  const last = pseudonyms.filter((p) => p.kind === 'person' && p.form === 'surname' && p.start >= lineStart).at(-1)
  if (!last) return false
  let sentence = cueStart
  while (sentence > last.start && !sentenceBreakRe.test(text.charAt(sentence - 1))) sentence--
  const subject = text.slice(sentence, cueStart).replace(/^[\s\u3000]+/, '').replace(sentenceConnectiveRe, '')
  return subject.startsWith(text.slice(last.start, last.end)) || (subject.startsWith(last.name!) && !maskedGivenRe.test(subject.charAt(last.name!.length))) || demonstrativeSubjectRe.test(subject)
}

/**
 * A subject that points back to the person the paragraph is about (该生, 该犯, 该同志, 此人): in a
 * notice's item on a masked person (`三、陈某某，男…该生系第二次违反…，其父亲…`), that person.
 */
const demonstrativeSubjectRe = /^(?:该|此)(?:生|犯|员|同志|人|名|男子|女子|学生|职工|干部|党员|教师|患者|当事人)/

/**
 * True when a role the document masks opens the clause of a relative's cue and stands for the
 * person whose relative it is (`被告在其妻子…`, `原告之父…`): the masked party is named by
 * role, not by pseudonym, in that clause.
 */
function isAfterMaskedRole(text: string, cueStart: number, maskedRoles: ReadonlySet<string>): boolean {
  if (maskedRoles.size === 0) return false
  let from = cueStart
  while (from > Math.max(0, cueStart - 20) && !clauseBreakRe.test(text.charAt(from - 1))) from--
  const opening = text.slice(from, cueStart)
  for (const role of maskedRoles) {
    const at = opening.indexOf(role)
    if (at >= 0 && /^(?:[在的与和及]|$)/.test(opening.slice(at + role.length, at + role.length + 1))) return true
  }
  // `你本人年逾七十，腿脚不便，其子…`: 其 stands for the sentence's subject, a masked role.
  let sentence = from
  while (sentence > Math.max(0, cueStart - sentenceReach) && !sentenceBreakRe.test(text.charAt(sentence - 1))) sentence--
  const subject = text.slice(sentence, cueStart).replace(/^[\s\u3000]+/, '')
  for (const role of maskedRoles) if (subject.startsWith(role)) return true
  return false
}

/** The pseudonyms that start in [from, to), by binary search (they are sorted). */
function pseudonymsBetween(pseudonyms: readonly Pseudonym[], from: number, to: number): readonly Pseudonym[] {
  const lo = lowerBound(pseudonyms.length, (i) => pseudonyms[i]!.start, from)
  let end = lo
  while (end < pseudonyms.length && pseudonyms[end]!.start < to) end++
  return pseudonyms.slice(lo, end)
}

/**
 * Starts of the items of a `、` list that holds `p` (王某某、张建华、李某), up to ten on each side.
 * `covered`: 1 where a pseudonym stands.
 */
function listNeighbours(text: string, p: Pseudonym, covered: Uint8Array): number[] {
  const starts: number[] = []
  // Items may share a tail (王某某家庭、李建设家庭; 张某某同志、…).
  const tail = itemTailRe.exec(text.slice(p.end, p.end + 3))![0].length
  for (let at = p.end + tail, n = 0; text.charAt(at) === '、' && n < 10; n++) {
    starts.push(at + 1)
    at = itemEnd(text, at + 1)
  }
  for (let at = p.start, n = 0; text.charAt(at - 1) === '、' && n < 10; n++) {
    const start = itemStart(text, at - 1, covered)
    starts.push(start)
    at = start
  }
  return starts
}

/** What separates the cells of a table row written as text: a tab, a bar, a run of spaces. */
const cellSeparatorRe = /[\t|｜]+[ \u3000]*|[ \u3000]+/g
/**
 * What separates the cells of a row written with bars (a Markdown table: `| 3 | 覃建国 | … |`):
 * the bars alone, with the spaces around them; a space inside a cell is its text (`GB 4287—2012`).
 */
const barSeparatorRe = /[ \t\u3000]*[|｜]+[ \t\u3000]*/g
/** Two bars make a row written with bars. */
const barRowRe = /[|｜][^|｜]*[|｜]/

/** A cell of a row: [start, end) of its text. */
interface Cell {
  readonly start: number
  readonly end: number
}

/** The cells of the line [start, end), as {@link barSeparatorRe} divides a row written with bars and {@link cellSeparatorRe} any other. */
function cellsOf(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = []
  let from = start
  const line = text.slice(start, end)
  const separatorRe = barRowRe.test(line) ? barSeparatorRe : cellSeparatorRe
  separatorRe.lastIndex = 0
  for (let m = separatorRe.exec(line); m; m = separatorRe.exec(line)) {
    if (start + m.index > from) cells.push({ start: from, end: start + m.index })
    from = start + m.index + m[0].length
  }
  if (end > from) cells.push({ start: from, end })
  return cells
}

/** Longer lines are prose, not a table's row: they are not divided into cells. */
const maxRowLength = 400

/** Where a cell stands: its table (a .docx table's number, or for rows written as text their number of cells), row and column. */
interface CellPlace {
  readonly table: string
  readonly row: number
  readonly column: number
}

/**
 * The cells of the tables of `doc`, line by line: a .docx table's cell is a paragraph the reader
 * marks with its place; a row written as text is a line of three cells or more (a 公示 list:
 * `1 马某某 640324********1234 4`), whose shape (number of cells) stands for its table.
 */
class TableLines {
  private readonly cells = new Map<number, Cell[]>()

  constructor(private readonly doc: Document) {}

  /** The cells of line `line` (1-based) that may stand in a table's column, each with its place. */
  cellsOf(line: number): { cell: Cell; place: CellPlace }[] {
    const { text, lineStarts, cells: places } = this.doc
    const start = lineStarts[line - 1]!
    let end = line < lineStarts.length ? lineStarts[line]! - 1 : text.length
    if (text.charAt(end - 1) === '\r') end--
    const place = places[line - 1]
    if (place) {
      const paragraph = text.slice(start, end)
      const from = start + paragraph.length - paragraph.trimStart().length
      // A nested table is a table of its own: its key names the cells it is nested in.
      let table = `d${place.table}`
      let cell = place
      for (; cell.inner; cell = cell.inner) table += `.${cell.row}.${cell.column}.${cell.inner.table}`
      return [{ cell: { start: from, end: from + paragraph.trim().length }, place: { table, row: cell.row, column: cell.column } }]
    }
    if (end - start > maxRowLength) return []
    let cells = this.cells.get(line)
    if (!cells) this.cells.set(line, (cells = cellsOf(text, start, end)))
    const count = cells.length
    return count < 3 ? [] : cells.map((cell, column) => ({ cell, place: { table: `t${count}`, row: line, column } }))
  }
}

/**
 * The cells of a table that stand in a column of pseudonyms, with a pseudonym of it: where two
 * rows or more of a table hold a masked person in one column, a name in clear in that column of
 * another row is one the masking missed (`4 王秀兰 …` below `1 马某某 …`). Only the lines of
 * masked persons are divided into cells, and the others only when a column was found.
 */
function columnNeighbours(doc: Document, pseudonyms: readonly Pseudonym[]): [number, string][] {
  const persons = pseudonyms.filter((p) => p.kind === 'person')
  if (persons.length < 2) return []
  const lines = new TableLines(doc)
  /** Masked persons by table and column, with the rows they stand in. */
  const columns = new Map<string, { link: string; rows: Set<number> }>()
  for (const p of persons) {
    const hit = lines.cellsOf(doc.lineAt(p.start)).find(({ cell }) => cell.start === p.start && cell.end === p.end)
    if (!hit) continue
    const key = `${hit.place.table}:${hit.place.column}`
    const entry = columns.get(key) ?? { link: doc.text.slice(p.start, p.end), rows: new Set<number>() }
    entry.rows.add(hit.place.row)
    columns.set(key, entry)
  }
  const found: [number, string][] = []
  if (![...columns.values()].some((c) => c.rows.size >= 2)) return found
  for (let line = 1; line <= doc.lineStarts.length; line++) {
    for (const { cell, place } of lines.cellsOf(line)) {
      const column = columns.get(`${place.table}:${place.column}`)
      // A cell masked its own way (`吉克**`, a surname the list does not know) names no one in
      // clear; a column's label (`姓名`, `权利人`, `户主`) is none either.
      const value = doc.text.slice(cell.start, cell.end)
      if (column && column.rows.size >= 2 && !column.rows.has(place.row) && cell.end - cell.start >= 2 && cell.end - cell.start <= 4 && !maskInCellRe.test(value) && !columnLabelRe.test(value)) found.push([cell.start, column.link])
    }
  }
  return found
}

/** Symbols and 某 that mask a name, in a cell of a column of masked persons. */
const maskInCellRe = /[*＊×xXｘＸ○〇□△某]/
/** A column's label at its head: a role ending in 人, or a word of a table's header. */
const columnLabelRe = /(?:人|姓名|名称|户主|对象|成员|备注|关系)$/

/** The same tail, read backwards from a separator. */
const itemTailBeforeRe = /(?:家庭|同志|户|家|等)?$/
/** The item at `at` when it is a surname and one or two characters, then a tail, a separator or the clause's end. */
function listItemName(text: string, at: number): { start: number; end: number } | undefined {
  const m = /^[\u4e00-\u9fff]{2,4}?(?=(?:家庭|同志|户|家|等)?(?:[、，。；：\s]|$))/.exec(text.slice(at, at + 8))
  if (!m || m[0].length > 3) return undefined
  return surnameLength(m[0]) > 0 && m[0].length > surnameLength(m[0]) ? { start: at, end: at + m[0].length } : undefined
}

/** A tail that every item of a list of people may carry. */
const itemTailRe = /^(?:家庭|同志|户|家|等)?/

function itemEnd(text: string, from: number): number {
  let i = from
  while (i < text.length && i - from < 6 && text.charAt(i) !== '、' && !clauseBreakRe.test(text.charAt(i))) i++
  return i
}

/**
 * A kinship word that opens the first item of a list read back from its separator, glued to
 * the name after it (`由被告父母高某某、冯某某`, `其岳父母郑某甲、孙某某`, `之子李强、`): the
 * persons it names follow it; 母 and 子 are surnames too, but not here.
 */
const kinshipHeadRe = /^[其之]?[岳祖外养继]?[父母子女兄弟姐妹夫妻媳婿亲]+/

/**
 * Where the item ending at the separator `sep` starts: back over Han characters, to a
 * separator, a clause's break or four characters; a pseudonym (`高某某` of `父母高某某、`) is
 * an item of its own, and a name in clear ends at it; a kinship word before the item is not
 * part of it.
 */
function itemStart(text: string, sep: number, covered: Uint8Array): number {
  let i = sep - itemTailBeforeRe.exec(text.slice(Math.max(0, sep - 2), sep))![0].length
  const end = i
  const isMasked = covered[end - 1]
  while (i > 0 && end - i < 4 && covered[i - 1] === isMasked && text.charAt(i - 1) !== '、' && !clauseBreakRe.test(text.charAt(i - 1)) && isHan(text.charCodeAt(i - 1))) i--
  const kin = isMasked === 1 ? undefined : kinshipHeadRe.exec(text.slice(i, end))
  return kin && end - i - kin[0].length >= 2 ? i + kin[0].length : i
}

/** The pseudonym form the document uses most for persons (`某` or `某某`), to mask a linked name the same way. */
export function personMaskOf(doc: Document): string {
  let single = 0
  let double = 0
  // The mask's characters counted, not the ordinal after them (司马某甲 is masked with one 某; 李×× with two).
  for (const p of findPseudonyms(doc)) if (p.kind === 'person' && p.form === 'surname') (maskLengthOf(doc.text.slice(p.start + p.name!.length, p.end)) === 2 ? double++ : single++)
  return double > single ? '某某' : '某'
}
