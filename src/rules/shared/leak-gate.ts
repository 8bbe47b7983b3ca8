// The condition under which a leak rule looks at a document: always under the profiles it is
// meant for, and in other profiles (draft) only when the document itself masks something.
import type { Document } from '../../core/document.js'
import { profiles, type Profile } from '../types.js'
import { startsMeasureWord } from './mask-context.js'
import { findMaskRuns, type MaskRun } from './mask-runs.js'
import { hasHandSignedDate } from './form-sections.js'
import { lazy, zod } from './options.js'
import type { Tokenizer } from '../../nlp/tokenizer.js'
import { personTitles, surnameLength } from '../../nlp/person-names.js'
import { isHan } from './chars.js'
import { findPersons } from './persons.js'
import { adjacentRuns, findPlaces, type PlaceMention } from './places.js'
import { documentPolicy, maskKind } from './policy.js'
import { findPseudonyms, isAfterPersonRole, isAnonymityEvidence, isFunctionSurname } from './pseudonyms.js'

/** A list of profiles, as a rule file writes it. */
export const profileListSchema = lazy(() => zod().array(zod().enum(profiles as unknown as [Profile, ...Profile[]])))

/** The option every leak kind takes: profiles in which the rule checks only documents with masks (default draft). */
export const onlyWhenMaskedSchema = lazy(() => profileListSchema().default(['draft']))

/**
 * A mask of a name makes a document anonymized, as the placeholder rule judges (`***市`,
 * `*县财政局`); a lone `*` that may be a number or a note (`发展*名`, `*注`) does not, nor a
 * template's blank to fill in (`____`, `（  ）`, spaced fields), nor a number's blank before its
 * unit (`新建温室XX栋`, `投资***亿元`), nor a number's masked digits or decimals (`达*.**`,
 * `| 0.XX |`): a draft full of those names its own places on purpose.
 */
function isNameLikeMask(text: string, run: MaskRun): boolean {
  if (run.role !== 'mask' || run.numberStart !== run.start || run.text.includes('.')) return false
  return (run.kind === 'star' || run.kind === 'letter' || run.kind === 'shape') && !startsMeasureWord(text, run.end) && !isListBlank(text, run)
}

/** A named item before a list's separator (`西团镇、`). */
const listItemBeforeRe = /(?:^|[、，,：:\s])([\u4e00-\u9fff]{1,8})、$/

/**
 * A mask in a list beside a place named in clear with the same suffix (`西团镇、XX镇`): a draft
 * names the list's places and left one out to fill in; an anonymized text would mask them all.
 */
function isListBlank(text: string, run: MaskRun): boolean {
  const suffix = text.charAt(run.end)
  if (!/[省市县区旗镇乡村]/.test(suffix)) return false
  const named = (item: string | undefined) => item !== undefined && item.endsWith(suffix) && !/[某*＊×xX]/.test(item)
  const before = listItemBeforeRe.exec(text.slice(Math.max(0, run.start - 10), run.start))?.[1]
  const after = text.charAt(run.end + 1) === '、' ? /^[\u4e00-\u9fff]{1,8}?[省市县区旗镇乡村]/.exec(text.slice(run.end + 2, run.end + 12))?.[0] : undefined
  return named(before) || named(after)
}

/** What a gated leak rule tells the gate. */
export interface LeakGateOptions {
  /**
   * The rules that judge names by the document's policy (places, organisations) and what
   * belongs to a person (addresses, identifiers): a draft's masks must also say what kind of
   * name they hide. A blank of no known kind (`打造“**邻里”品牌`, `第XXXX号`, `投资额还是XX`)
   * tells nothing of what the draft would hide, and its places and contacts are named on purpose.
   */
  readonly needsKnownKind?: boolean
  /** The rule found masks of its own (partly masked identifiers, `139****0021`): they show the document masks, as a name's mask does. */
  readonly hasOwnMasks?: boolean
  /** The rule's tokenizer: with it the gate weighs a draft's masks against the names it writes in clear ({@link areMasksOutnumbered}). */
  readonly tokenizer?: Tokenizer
}

/**
 * True when a rule gated on `onlyWhenMasked` should check `doc` under `profile`. A draft that
 * masks nothing is not meant to be anonymous: naming its own city there is no leak. Pseudonyms
 * (王某, A公司, 化名) are masks too; a template's `某某同志` or `某某公司` alone proves nothing,
 * nor a template's blanks, its unit's among its other fields ({@link isTemplateBeingFilled}), nor
 * masks far outnumbered by the names of their kind written in clear ({@link areMasksOutnumbered},
 * for a rule that gives its tokenizer).
 */
export function shouldCheckForLeaks(doc: Document, profile: Profile, onlyWhenMasked: readonly Profile[], options: LeakGateOptions = {}): boolean {
  if (!onlyWhenMasked.includes(profile)) return true
  const hasPseudonym = findPseudonyms(doc).some(isAnonymityEvidence)
  const masks = hasPseudonym || options.hasOwnMasks === true || findMaskRuns(doc).some((run) => isNameLikeMask(doc.text, run))
  if (!masks) return false
  if (!hasPseudonym && isTemplateBeingFilled(doc)) return false
  if (!hasPseudonym && options.hasOwnMasks !== true && options.tokenizer !== undefined && areMasksOutnumbered(doc, options.tokenizer)) return false
  return options.hasOwnMasks === true || !options.needsKnownKind || documentPolicy(doc).isStated
}

/** Fields a template leaves to fill in before a draft checks as one: a stray `（  ）` is not enough. */
const templateFieldCount = 2

/**
 * Masks of one kind besides its unit's that a template leaves as fields of their own (the other
 * party and its bank in a contract, a 负责人 and a 联系人): more of a kind are a policy of hiding it.
 */
const templateBlanksPerKind = 2

/**
 * A template being filled in: it leaves fields to write in (`＿＿＿＿`, `（  ）名`, `约　　人`,
 * `7月　日`, `（星期　）`), and it writes where its unit lies in clear right before the unit's
 * blank (`哈尔滨市XX区教育局文件`, `苏州工业园区**街道办事处`, `云南省××县××镇人民政府`): it
 * does not hide where it is, it leaves its unit to fill, like the date and the number. Its other
 * name masks are fields too, a few of each kind (`乙方：江苏○○环境工程有限公司`, `×××主任`,
 * `ｘｘ村荣获“　　”称号`), none a person's that keeps the surname (`张**`) or follows a party's
 * role (`被告人×××`): those hide someone. The places, venues, officials and contacts such a
 * template names are meant: nothing in it is being anonymized. A draft that masks its whole unit
 * (`××县人民政府`), or many names of one kind, may be.
 */
function isTemplateBeingFilled(doc: Document): boolean {
  return doc.derive('templateBeingFilled', () => readsAsTemplate(doc))
}

function readsAsTemplate(doc: Document): boolean {
  const text = doc.text
  const runs = findMaskRuns(doc)
  const own = ownUnitBlanks(text, runs, runs.some((run) => run.role === 'count' && (isDatePartBlank(text, run) || isIssueBlank(text, run))))
  if (own.size === 0) return false
  const others = { person: 0, organization: 0, local: 0, unit: 0 }
  for (const run of runs) {
    if (!isNameLikeMask(text, run) || own.has(blankName(text, run) ?? '')) continue
    if (isAfterPersonRole(text, run.start)) return false
    const kind = maskKind(text, run)
    if (kind === undefined) continue
    if (kind === 'person' && keepsSurname(text, run)) return false
    if (++others[kind] > templateBlanksPerKind) return false
  }
  // Pseudonyms that prove nothing alone (某县, 某某农业科技有限公司) are names of their kind masked all the same.
  for (const p of findPseudonyms(doc)) {
    const kind = p.kind === 'place' ? ((p.level ?? 5) <= 3 ? 'unit' : 'local') : p.kind === 'party' ? undefined : p.kind
    if (kind !== undefined && ++others[kind] > templateBlanksPerKind) return false
  }
  // A place left to sign and date by hand is a form's field, though no blank of the writer's.
  let fields = hasHandSignedDate(text) ? 1 : 0
  for (const run of runs) if (isFillInField(text, run) && ++fields >= templateFieldCount) return true
  return false
}

/**
 * A place named in clear right before a mask (`哈尔滨市`, `黑龙江省`, `广州市`), not a
 * determiner's (`全市`, `本市`, `某市`, `各州市`) nor two levels' (`县区`, `省市`).
 */
const namedPlaceBeforeRe = /(?:[^\s全本各该我外某其每此]州|[^\s全本各该我外某其每此省市州盟县区旗])[省市州盟县区旗]$/
/** The suffix of a unit a template leaves blank, county to town (`XX区`, `**街道`). */
const unitSuffixRe = /^(?:街道|[市州盟县区旗镇乡])/

/** A unit's blank as the text names it, the mask and its suffix (`××镇`), or undefined when no unit's suffix follows. */
function blankName(text: string, run: MaskRun): string | undefined {
  const suffix = unitSuffixRe.exec(text.slice(run.end, run.end + 2))?.[0]
  return suffix === undefined ? undefined : run.text + suffix
}

/**
 * The blanks of the template's own unit: a unit's mask right after the place it lies in, named in
 * clear (`哈尔滨市XX区`, `天山区**街道`), or after such a blank (`云南省××县××镇`), as they are
 * written (`××镇`): the same blank again (the signature's `××镇人民政府`) is the same unit. In a
 * dated issue left to date and number (`isDatedIssue`: `2024年X月X日`, `第X期`, `〔2024〕X号`),
 * also a unit's blank opening a line, as its letterhead writes it (`XX县人民政府办公室编`): an
 * anonymized release masks its unit too, but not the day of its date or its issue's number.
 */
function ownUnitBlanks(text: string, runs: readonly MaskRun[], isDatedIssue: boolean): Set<string> {
  const own = new Set<string>()
  let chainEnd = -1
  for (const run of runs) {
    const name = blankName(text, run)
    if (name === undefined || !isNameLikeMask(text, run)) continue
    if (run.start !== chainEnd && !namedPlaceBeforeRe.test(text.slice(Math.max(0, run.start - 3), run.start)) && !(isDatedIssue && isAtLineStart(text, run.start))) continue
    own.add(name)
    chainEnd = run.start + name.length
  }
  return own
}

/** An issue's number left blank (`第X期`): a bulletin's template, filled in when it is sent. */
function isIssueBlank(text: string, run: MaskRun): boolean {
  return text.charAt(run.numberStart - 1) === '第' && text.charAt(run.end) === '期'
}

/** True when only spaces (or a Markdown heading's or emphasis's marks) stand before `at` on its line: a letterhead's or a title's unit (`XX县人民政府办公室编`, `××镇2024年工作总结`). */
function isAtLineStart(text: string, at: number): boolean {
  return /(?:^|\n)[ \t\u3000#*_>]*$/.test(text.slice(Math.max(0, at - 12), at))
}

/** Room left to write in: a line, empty brackets, spaces before a unit or a date's part (`共　　人`, `　月　日`), or a date's or a number's blank; not spaces that lay out a table's columns. */
function isFillInField(text: string, run: MaskRun): boolean {
  return run.kind === 'line' || run.kind === 'bracket' || (run.kind === 'space' && startsMeasureWord(text, run.end)) || (run.role === 'count' && isDatePartBlank(text, run))
}

/**
 * A date's month or day, its weekday or a document's number left blank (`3月**日`, `（星期　）`,
 * `〔2025〕X号`): a notice fills them in when it is sent. Not a year (`xxxx年`), which a
 * publisher masks with the names.
 */
function isDatePartBlank(text: string, run: MaskRun): boolean {
  const after = text.charAt(run.end)
  return after === '月' || after === '日' || text.endsWith('星期', run.start) || (after === '号' && text.charAt(run.start - 1) === '〕')
}

/**
 * How many times more names of a kind a draft writes in clear than it masks before its masks of
 * that kind are blanks. One mask beside one or two names says nothing either way (`××县统计局`
 * citing 灵武市 and 银川市 may hide its own county); one among many is a blank.
 */
const blankFactor = 3

/**
 * A draft whose name masks are blanks, not a policy of hiding: of every kind it masks, it names
 * {@link blankFactor} times as many in clear. A 表彰 list that names forty towns and leaves one `XX县XX局`, a
 * 简报 that names its mayor and leaves `签发：×××`, a report that names its county's towns and
 * leaves `参照XX县`: an anonymized text masks the names of a kind throughout, not one in forty.
 * Persons' masks are weighed against persons named with a title, places' and organs' against
 * places of their level (county and above, or below), and masks of no known kind
 * (`主讲人：×××`, a table's `**`) against all of those. A mask that
 * keeps a surname (`张**`, `王×`) is written to hide someone and always counts as a policy.
 */
function areMasksOutnumbered(doc: Document, tokenizer: Tokenizer): boolean {
  return doc.derive(`masksOutnumbered:${tokenizer.name}`, () => {
    const text = doc.text
    const masked = { person: 0, unit: 0, local: 0, other: 0 }
    for (const run of findMaskRuns(doc)) {
      if (!isNameLikeMask(text, run)) continue
      const kind = maskKind(text, run)
      if (kind === 'person' && keepsSurname(text, run)) return false
      if (kind === 'person' || kind === 'unit' || kind === 'local') masked[kind]++
      else masked.other++
    }
    if (masked.person + masked.unit + masked.local + masked.other === 0) return false
    const clear = { person: findPersons(doc, tokenizer).length, unit: 0, local: 0, other: 0 }
    for (const run of adjacentRuns(findPlaces(doc, tokenizer))) clear[levelOf(run[run.length - 1]!) <= 3 ? 'unit' : 'local']++
    clear.other = clear.person + clear.unit + clear.local
    return (['person', 'unit', 'local', 'other'] as const).every((kind) => clear[kind] >= blankFactor * masked[kind])
  })
}

/** The level a place mention names (1 province … 5 village), as the place rule reads it: its highest namesake's. */
function levelOf(mention: PlaceMention): number {
  if (mention.evidence === 'landmark') return 3
  return mention.units.length === 0 ? 5 : Math.min(...mention.units.map((u) => u.level))
}

/** A person's mask right after a surname (`张**`, `王×同志`), not after a title that ends in one (`主任XXX`, `主席***`) nor a conjunction (`和×××主任`). */
function keepsSurname(text: string, run: MaskRun): boolean {
  const before = text.charAt(run.start - 1)
  return isHan(before.charCodeAt(0)) && surnameLength(before) === 1 && !isFunctionSurname(before) && !personTitles.some((title) => text.endsWith(title, run.start))
}
