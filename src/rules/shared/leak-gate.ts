// The condition under which a leak rule looks at a document: always under the profiles it is
// meant for, and in other profiles (draft) only when the document itself masks something.
import type { Document } from '../../core/document.js'
import { profiles, type Profile } from '../types.js'
import { startsMeasureWord } from './mask-context.js'
import { findMaskRuns, type MaskRun } from './mask-runs.js'
import { lazy, zod } from './options.js'
import { documentPolicy } from './policy.js'
import { findPseudonyms, isAnonymityEvidence } from './pseudonyms.js'

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
}

/**
 * True when a rule gated on `onlyWhenMasked` should check `doc` under `profile`. A draft that
 * masks nothing is not meant to be anonymous: naming its own city there is no leak. Pseudonyms
 * (王某, A公司, 化名) are masks too; a template's `某某同志` or `某某公司` alone proves nothing,
 * nor a template's own unit left blank among its other fields ({@link isTemplateOfOwnUnit}).
 */
export function shouldCheckForLeaks(doc: Document, profile: Profile, onlyWhenMasked: readonly Profile[], options: LeakGateOptions = {}): boolean {
  if (!onlyWhenMasked.includes(profile)) return true
  const hasPseudonym = findPseudonyms(doc).some(isAnonymityEvidence)
  const masks = hasPseudonym || options.hasOwnMasks === true || findMaskRuns(doc).some((run) => isNameLikeMask(doc.text, run))
  if (!masks) return false
  if (!hasPseudonym && isTemplateOfOwnUnit(doc)) return false
  return options.hasOwnMasks === true || !options.needsKnownKind || documentPolicy(doc).isStated
}

/** Fields a template leaves to fill in before a draft checks as one: a stray `（  ）` is not enough. */
const templateFieldCount = 2

/**
 * A template being filled in: it leaves fields to write in (`＿＿＿＿`, `（  ）名`, `约　　人`,
 * `7月　日`), its name masks hide only its own unit, no person, company or village, and it writes
 * where the unit lies in clear right before the unit's blank (`哈尔滨市XX区教育局文件`): it does
 * not hide where it is, it leaves its district to fill, like the date and the number. The places,
 * venues and contacts it names are meant: nothing in it is being anonymized. A draft that masks
 * others (`XX化工有限公司` in a table, `王**`), or its whole unit (`××县人民政府`), may be.
 */
function isTemplateOfOwnUnit(doc: Document): boolean {
  const policy = documentPolicy(doc)
  if (!policy.masksOwnUnit || policy.masksPersons || policy.masksOrganizations || policy.masksLocalPlaces) return false
  const runs = findMaskRuns(doc)
  if (!runs.some((run) => isUnitBlankUnderNamedPlace(doc.text, run))) return false
  let fields = 0
  for (const run of runs) if (isFillInField(doc.text, run) && ++fields >= templateFieldCount) return true
  return false
}

/** A place named in clear right before a mask (`哈尔滨市`, `黑龙江省`), not a determiner's (`全市`, `本市`, `某市`). */
const namedPlaceBeforeRe = /[^\s全本各该我外某其每此省市州盟县区旗][省市州盟县区旗]$/

/** The mask of a county-level unit (`XX区`, `××县`) right after the place it lies in, named in clear. */
function isUnitBlankUnderNamedPlace(text: string, run: MaskRun): boolean {
  return isNameLikeMask(text, run) && /[市州盟县区旗]/.test(text.charAt(run.end)) && namedPlaceBeforeRe.test(text.slice(Math.max(0, run.start - 2), run.start))
}

/** Room left to write in: a line, empty brackets, or spaces before a unit or a date's part (`共　　人`, `　月　日`); not spaces that lay out a table's columns. */
function isFillInField(text: string, run: MaskRun): boolean {
  return run.kind === 'line' || run.kind === 'bracket' || (run.kind === 'space' && startsMeasureWord(text, run.end))
}
