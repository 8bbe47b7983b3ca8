// The document's policy: which kinds of entity it masks, learned from its masks and pseudonyms.
// A leak is an entity of a masked kind left in clear; a kind the document names freely is not.
import type { Document } from '../../core/document.js'
import { personTitles, surnameLength } from '../../nlp/person-names.js'
import { isHan, isLineBreak, isWordChar } from './chars.js'
import { findMaskRuns, isFieldKind, type MaskRun } from './mask-runs.js'
import { findPseudonyms, organizationSuffixes, personRoleWords, placeSuffixLevels, tradeNameAfterRe, type Pseudonym } from './pseudonyms.js'

/** What a document hides. A document that masks nothing of a known kind states no policy. */
export interface DocumentPolicy {
  /** Some kind is masked; when false, every kind of name is taken as meant to be hidden. */
  readonly isStated: boolean
  /** Persons: 王某, 李某某, 张××, `×××，男`, 化名. */
  readonly masksPersons: boolean
  /** Companies and other organisations: A公司, ***公司, 某某公司. */
  readonly masksOrganizations: boolean
  /** Places below the county: B村, ***镇, 某小区. */
  readonly masksLocalPlaces: boolean
  /** Its own unit or another of county level or above: ***市统计局, Y市, xx统计局, 某县. */
  readonly masksOwnUnit: boolean
}

/** Words after a mask that name an organ of a unit (统计局, 调查队, 党委): the unit is masked. */
const organWordRe = /^(?:统计局|调查队|人民政府|政府|党委|党组|纪委|监委|局|委|办|厅|院|所|队|站)/
const slotWords = [...Object.keys(placeSuffixLevels), ...organizationSuffixes].sort((a, b) => b.length - a.length)
/** After a person's mask: a comma and a sex, a title or a particle, not a suffix (`×××，男`, `张**同志`). */
const personAfterMaskRe = /^(?:[，,]\s*[男女]|（[男女]|同志|书记|局长|主任|[等的在与和称系于因经])/
const roleBeforeMaskRe = new RegExp(`(?:${[...personRoleWords, '负责人', '联系人', '经办人', '法定代表人', '姓名'].join('|')})[：:]?\\s*$`)

/** The policy of `doc`, computed once. */
export function documentPolicy(doc: Document): DocumentPolicy {
  return doc.derive('policy', () => inferPolicy(doc))
}

function inferPolicy(doc: Document): DocumentPolicy {
  let masksPersons = false
  let masksOrganizations = false
  let masksLocalPlaces = false
  let masksOwnUnit = false
  let masksWhereabouts = false
  for (const p of findPseudonyms(doc)) {
    if (p.kind === 'person') masksPersons = true
    else if (isWhereabouts(doc.text, p)) masksWhereabouts = true
    else if (p.kind === 'party') masksPersons = masksOrganizations = true
    else if (p.kind === 'place') {
      if ((p.level ?? 5) <= 3) masksOwnUnit = true
      else masksLocalPlaces = true
    } else if (organWordRe.test(doc.text.slice(p.end - 1, p.end))) masksOwnUnit = true
    else masksOrganizations = true
  }
  for (const run of findMaskRuns(doc)) {
    // Every kind is masked: no run can add to the policy (a form full of blanks has hundreds).
    if (masksPersons && masksOrganizations && masksLocalPlaces && masksOwnUnit) break
    const kind = maskKind(doc.text, run)
    if (kind === 'person') masksPersons = true
    else if (kind === 'organization') masksOrganizations = true
    else if (kind === 'local') masksLocalPlaces = true
    else if (kind === 'unit') masksOwnUnit = true
  }
  // Alone, a masked school or hospital is the only name the document hides: taken as a company's.
  if (masksWhereabouts && !masksPersons && !masksLocalPlaces && !masksOwnUnit) masksOrganizations = true
  return { isStated: masksPersons || masksOrganizations || masksLocalPlaces || masksOwnUnit, masksPersons, masksOrganizations, masksLocalPlaces, masksOwnUnit }
}

/** A school's or a hospital's suffix, ending a pseudonym (某小学, 某医院). */
const whereaboutsEndRe = /(?:学校|中学|小学|幼儿园|医院|卫生院)$/
/** What puts a person there, before it: 在, 于, 就读于, maybe places of county level or above between (`现在南京市鼓楼区某小学`). */
const whereaboutsBeforeRe = /(?:在|于|至|到)[ \t\u3000]*(?:[\u4e00-\u9fff]{1,8}?[省市县区旗州])*$/
/** What the person does there, right after it: studies, is treated. */
const whereaboutsAfterRe = /^(?:[\u4e00-\u9fff0-9（）()]{0,6}?(?:班|年级))?(?:就读|读书|上学|学习|治疗|住院|就诊|就医|抢救)/

/**
 * True when `p` is a school or a hospital masked where a person studies or is treated (`现在南京市
 * 鼓楼区某小学就读`, `在某医院住院治疗`): it hides where that person is, as a court masks a minor's
 * school, not the organisations of the case; a document that masks persons so names companies
 * freely. A masked school or hospital a party's role names (被告某小学) is a company's mask.
 */
function isWhereabouts(text: string, p: Pseudonym): boolean {
  if (p.kind !== 'organization' || p.form !== 'bare' || !whereaboutsEndRe.test(text.slice(p.start, p.end))) return false
  return whereaboutsBeforeRe.test(text.slice(Math.max(0, p.start - 20), p.start)) && whereaboutsAfterRe.test(text.slice(p.end, p.end + 12))
}

/**
 * What a mask run stands for, by the words around it; undefined for a count or a number's digits,
 * a name of no known kind, or a blank left to write on: spaces before a column (`保障类别　　所在社区`)
 * or a line before `县` hide nothing, they leave room or align.
 */
export function maskKind(text: string, run: MaskRun): 'person' | 'organization' | 'local' | 'unit' | undefined {
  if (isFieldKind(run.kind) || isWordChar(text.charCodeAt(run.start - 1)) || isWordChar(text.charCodeAt(run.end))) return undefined
  const after = text.slice(run.end, run.end + 4)
  if (organWordRe.test(after)) return 'unit'
  if (tradeNameAfterRe.test(text.slice(run.end, run.end + 16))) return 'organization'
  const word = slotWords.find((w) => after.startsWith(w))
  if (word !== undefined) {
    const level = placeSuffixLevels[word]
    if (level === undefined) return 'organization'
    return level <= 3 ? 'unit' : 'local'
  }
  const before = text.charAt(run.start - 1)
  const surnamed = isHan(before.charCodeAt(0)) && surnameLength(before) === 1
  if ((surnamed || roleBeforeMaskRe.test(text.slice(Math.max(0, run.start - 8), run.start)) || !isHan(before.charCodeAt(0))) && personAfterMaskRe.test(after)) return 'person'
  if (surnamed && run.end - run.start <= 3 && !isHan(text.charCodeAt(run.end))) return 'person'
  return undefined
}

/**
 * How many places a document masks, mention by mention, by the policy's two levels: its unit's
 * (county and above) and local (below); how many of its own organs it masks (`***市统计局`);
 * and the highest level of place it masks (1 province … 5 village; 6 when none).
 */
export interface MaskedPlaceCounts {
  readonly unit: number
  readonly local: number
  readonly organ: number
  readonly highestLevel: number
  /** A province may be masked: alone, as its organ's (`某省`, `**省统计局`), or as an organ's of no stated level (`国家统计局**调查队`). */
  readonly masksProvince: boolean
}

/** The places and organs `doc` masks: masks (`***市`, `××村`, `**调查队`) and pseudonyms (`Y市`, `B村`, `X县统计局`); computed once. An organ counts where its place is masked. */
export function maskedPlaceCounts(doc: Document): MaskedPlaceCounts {
  return doc.derive('maskedPlaceCounts', () => {
    const text = doc.text
    const counts = { unit: 0, local: 0, organ: 0, highestLevel: 6, masksProvince: false }
    const pseudonyms = findPseudonyms(doc)
    const place = (start: number, end: number, level: number) => {
      if (level <= 1) counts.masksProvince = true
      if (!isVillageOfNamedTown(text, start, level) && isOwnOrgan(text, end, pseudonyms)) counts.organ++
      else {
        counts[level <= 3 ? 'unit' : 'local']++
        counts.highestLevel = Math.min(counts.highestLevel, level)
      }
    }
    // A bare organ (某局) says which place no more than a subject's employer does (某县某局原科员).
    for (const p of pseudonyms) if (p.kind === 'place') place(p.start, p.end, p.level ?? 5)
    // Read as maskKind reads a unit's or a place's mask, without its tests for persons and
    // companies: only what a place's suffix or an organ's word follows counts here.
    for (const run of findMaskRuns(doc)) {
      if (isFieldKind(run.kind) || isWordChar(text.charCodeAt(run.start - 1)) || isWordChar(text.charCodeAt(run.end))) continue
      if (organWordRe.test(text.slice(run.end, run.end + 4))) {
        // Right after a place's suffix (`市××局`, `××县××局`) the mask hides which of the place's
        // organs, not the place: the place is named, or masked by a run of its own. Elsewhere an
        // organ's name of its own hides an organ without saying of which level: a province's too
        // (`国家统计局**调查队`); not one character that may begin a verb (`往返***办理`).
        if (!placeSuffixBeforeRe.test(text.charAt(run.start - 1))) {
          counts.organ++
          if (namedOrganRe.test(text.slice(run.end, run.end + 4))) counts.masksProvince = true
        }
        continue
      }
      const word = slotWords.find((w) => text.startsWith(w, run.end))
      const level = word === undefined ? undefined : placeSuffixLevels[word]
      if (level !== undefined) place(run.start, run.end + word!.length, level)
    }
    return counts
  })
}

/** A town right before a mask: the Han characters before its suffix (none of them 某 when it is named in clear). */
const townBeforeRe = /([\u4e00-\u9fff]+)(?:镇|乡|街道|苏木)$/

/**
 * A masked village right after its town named in clear (`阿勒腾席热镇某社区党委`): the document
 * tells where the organ is, down to the town, as it describes the employer of a person it names
 * or hides; an issuer hiding its own unit names no town above it.
 */
function isVillageOfNamedTown(text: string, start: number, level: number): boolean {
  if (level !== 5) return false
  const town = townBeforeRe.exec(text.slice(Math.max(0, start - 10), start))?.[1]
  return town !== undefined && town.length >= 2 && !town.includes('某')
}

/** Organ words that are no other word's head, after a mask (`**调查队`, `**厅`; not `**办理`, `**委托`). */
const namedOrganRe = /^(?:统计局|调查队|人民政府|政府|党委|党组|纪委|监委|厅)/

/** The last character of a place's suffix (市, 县, 街道 …), right before a mask. */
const placeSuffixBeforeRe = /[省市州盟县区旗镇乡道]/

/** Organs and bodies whose name a masked place may begin: the document hides which one (`***市统计局`, `中共**县纪律检查委员会`, `**区人民法院`). */
const ownOrganRe = /^(?:统计局|调查队|人民政府|政府|党委|党组|纪律检查委员会|监察委员会|纪委|监委|人民法院|人民检察院|法院|检察院|局|委|办|厅|院|所|队|站)/

/**
 * A masked place [start, end) that begins an organ's name: the document hides an organ, its own or
 * the court's, not only a place. Not where a post and a masked person follow (`某镇党委委员王某某`,
 * `某县纪委原副书记张某`), or a post that ends the line (a table's column of posts): that organ is the masked person's employer, as a notice describes the
 * persons it hides, and its issuer (`中共齐齐哈尔市纪委`) is named on purpose.
 */
function isOwnOrgan(text: string, end: number, pseudonyms: readonly Pseudonym[]): boolean {
  const organ = ownOrganRe.exec(text.slice(end, end + 7))
  if (organ === null) return false
  const post = postAfterOrganRe.exec(text.slice(end + organ[0].length, end + organ[0].length + 10))
  if (post === null) return true
  // The post's holder: a masked person after it, or the row's name in a table's column of posts (`某县某镇党委委员` alone in its cell).
  // Posts listed one after the other (`党委委员、副乡长李某某`): the holder follows the last.
  let holder = end + organ[0].length + post[0].length
  for (let more = morePostRe.exec(text.slice(holder, holder + 12)); more; more = morePostRe.exec(text.slice(holder, holder + 12))) holder += more[0].length
  return !(holder === text.length || isLineBreak(text.charCodeAt(holder)) || pseudonyms.some((p) => p.kind === 'person' && p.start === holder))
}

/** A post right after an organ (`委员`, `原局长`, `副书记`), the organ's member's. */
const postAfterOrganRe = new RegExp(`^(?:原|副|常务)*[\\u4e00-\\u9fff]{0,3}?(?:${[...personTitles].sort((a, b) => b.length - a.length).join('|')})`)
/** True when a post (`书记`, `原局长`, `党委委员`) starts at `at`, right after an organ's name: the organ is its holder's employer. */
export function isPostAt(text: string, at: number): boolean {
  return postAfterOrganRe.test(text.slice(at, at + 10))
}

/** One more post after a list's comma (`、副乡长`), of the same holder. */
const morePostRe = new RegExp(`^、${postAfterOrganRe.source.slice(1)}`)

/**
 * Levels of the gazetteer: 1 province, 2 prefecture, 3 county, 4 town, 5 village. A document that
 * masks no name of a known kind (a 公示 that hides only ID numbers) hides no unit: a county and
 * above is as it keeps a residence (`玉溪市红塔区`), and only what lies below may identify.
 */
export function isLeakOfPolicy(policy: DocumentPolicy, level: number): boolean {
  if (!policy.isStated) return level >= 4
  if (policy.masksOwnUnit) return true
  return policy.masksLocalPlaces && level >= 4
}
