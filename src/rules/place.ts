// Kind `place`: a place named in clear in a document that masks (灵武市, 外西河村, 惠农中街社区,
// 宁夏, 贺兰山), found with the gazetteer of administrative divisions.
import { lazy, zod } from './shared/options.js'
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getGazetteer, type Unit } from '../nlp/gazetteer.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { adjacentRuns, findPlaces, type PlaceMention } from './shared/places.js'
import { localText, type MessageArg } from '../i18n/catalogue.js'
import type { Profile, RuleKind } from './types.js'
import type { Document } from '../core/document.js'
import { findAddresses } from './shared/addresses.js'
import { isInsidePhrase } from './shared/organizations.js'
import { documentPolicy, isLeakOfPolicy, isPostAt, maskedPlaceCounts, type DocumentPolicy } from './shared/policy.js'
import { namesPartyOrganization, publicBodyAfter, publicBodyAt } from './shared/public-roles.js'

/** Options of a place rule. */
export interface PlaceOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Names never reported (a team's own public address, a place the report is about by design). */
  readonly allow: readonly string[]
  /** Phrases in which a place name is no place (`北京时间`). */
  readonly notIn: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({ onlyWhenMasked: onlyWhenMaskedSchema(), allow: z.array(z.string().min(1)).default([]), notIn: z.array(z.string().min(1)).default([]) })
})

/** The `place` kind. Message variables: `{text}`, `{where}` (the units it lies in, or how it was recognised). */
export const placeKind: RuleKind<PlaceOptions> = {
  name: 'place',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const allow = new Set(rule.options.allow)
    const tokenizer = getTokenizer(settings.tokenizer)
    const isGated = rule.options.onlyWhenMasked.includes(settings.profile)
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, rule.options.onlyWhenMasked, { needsKnownKind: true, tokenizer })) return []
      const findings: RawFinding[] = []
      const policy = documentPolicy(doc)
      const all = adjacentRuns(findPlaces(doc, tokenizer))
      const seats = seatsOfPublicBodies(doc, policy, all)
      // A province alone (`云南省`, `往返重庆、成都`) is never a draft's leak, nor a release's that
      // keeps residences to the county, unless it masks a province itself (`某省`).
      const isProvinceNamed = isGated || !maskedPlaceCounts(doc).masksProvince
      const runs = all.filter((run) => {
        const text = doc.text.slice(run[0]!.start, run[run.length - 1]!.end)
        return !allow.has(text) && !isInsidePhrase(doc.text, run[0]!.start, run[run.length - 1]!.end, rule.options.notIn) && !(isProvinceNamed && isProvince(run)) && isLeakHere(doc, policy, run, seats)
      })
      const freely = isGated ? namedFreely(doc, runs) : undefined
      for (const run of runs) {
        const first = run[0]!
        const last = run[run.length - 1]!
        const text = doc.text.slice(first.start, last.end)
        if (freely?.has(levelOf(last) <= 3 ? 'unit' : 'local')) continue
        const { where, names } = describe(run, text)
        findings.push({
          offset: first.start,
          length: last.end - first.start,
          args: { text, where },
          data: { names, evidence: run.map((m) => m.evidence), units: last.units.map((u) => u.code), redact: { offset: first.start, length: last.maskEnd - first.start } },
        })
      }
      return findings
    }
  },
}

/**
 * True when the document's policy makes this run of places a leak: not a residence (the address
 * rule judges those), not the seat of a court, a firm or an agency named on purpose, and of a
 * level the document masks.
 */
function isLeakHere(doc: Document, policy: DocumentPolicy, run: readonly PlaceMention[], seats: ReadonlySet<string>): boolean {
  const start = run[0]!.start
  const last = run[run.length - 1]!
  if (findAddresses(doc).some((a) => a.start < last.end && start < a.end)) return false
  const bodyAt = publicBodyAt(doc.text, last.end)
  const body = bodyAt?.kind
  // A university is named after a province or a city (云南民族大学); after a village, 大学 is another word (考上大学).
  if (body === 'judicial' || (body === 'institution' && levelOf(last) <= 2) || (body === 'agency' && !policy.masksOwnUnit)) return false
  // A document that hides places but no organ of its own (某县, 某镇 in a notice or a
  // judgment) is issued by a body it names on purpose (中共衡阳市纪委), and names on purpose
  // what lies above the places it hides (安徽省某县某茶厂), and a county or above right before
  // a masked part (`系杭州市西湖区***村村民`), as a residence may. Not an organ with a post
  // after it at a level it hides: a masked person's employer (`射洪市太和街道党工委书记`).
  const masked = maskedPlaceCounts(doc)
  const isNamedAgency = body === 'agency' && !isPostAt(doc.text, bodyAt!.end)
  if (masked.organ === 0 && masked.unit + masked.local > 0 && (isNamedAgency || levelOf(last) < masked.highestLevel)) return false
  if (masked.organ === 0 && isAboveMasked(doc.text, last)) return false
  // The county of a court or an office the document names in clear (its issuer, `南宁市青秀区人民法院`)
  // is public wherever the document names it again (`民警在南宁市青秀区东葛路…发现`), unless it hides a unit.
  if (levelOf(last) <= 3 && seats.has(last.units.map((u) => u.code).join())) return false
  // A document that masks nothing and names its party, a company, in clear (a penalty decision
  // against it) hides no one a town or a street may give away: they are where the company acts.
  if (!policy.isStated && namesPartyOrganization(doc)) return false
  return isLeakOfPolicy(policy, levelOf(last))
}

/**
 * A county or above right before a mask (`杭州市西湖区***村`), or a town right before a masked
 * village (`乌审旗图克镇某嘎查`): the level above the one the document hides, named on purpose.
 */
function isAboveMasked(text: string, last: PlaceMention): boolean {
  if (!maskedAfterRe.test(text.charAt(last.end))) return false
  if (levelOf(last) <= 3) return true
  return levelOf(last) === 4 && maskedVillageAfterRe.test(text.slice(last.end, last.end + 8))
}

/** A mask, then a village's suffix: `某嘎查`, `***村`, `××社区`. */
const maskedVillageAfterRe = /^(?:[*＊×xXｘＸ○〇□]+|某{1,2})(?:村|嘎查|社区)/

/** The units (their codes, joined) of county level or above named right before a court or an office in clear. */
function seatsOfPublicBodies(doc: Document, policy: DocumentPolicy, runs: readonly (readonly PlaceMention[])[]): Set<string> {
  const seats = new Set<string>()
  // A document hiding its unit or another county (`**区人民检察院`) names none of them freely.
  if (policy.masksOwnUnit) return seats
  for (const run of runs) {
    const last = run[run.length - 1]!
    const body = publicBodyAfter(doc.text, last.end)
    if (levelOf(last) <= 3 && last.units.length > 0 && (body === 'judicial' || body === 'agency')) seats.add(last.units.map((u) => u.code).join())
  }
  return seats
}

/**
 * The levels a draft names more often in clear than it masks: there its masks are a template's
 * blanks left unfilled (`在XX县有3家`, a 表彰 list's one `××村`), not a policy of hiding places,
 * and the places it names are meant (a bulletin's own city in its title, the list's villages).
 * A level the draft never masks is not judged so, nor any level once it masks its own organ
 * (`***市统计局`): then every place that may identify the unit is a leak, as the policy says.
 */
function namedFreely(doc: Document, runs: readonly (readonly PlaceMention[])[]): Set<'unit' | 'local'> {
  const masked = maskedPlaceCounts(doc)
  const freely = new Set<'unit' | 'local'>()
  if (masked.organ > 0) return freely
  let unit = 0
  let local = 0
  for (const run of runs) {
    if (levelOf(run[run.length - 1]!) <= 3) unit++
    else local++
  }
  if (masked.unit > 0 && unit > masked.unit) freely.add('unit')
  if (masked.local > 0 && local > masked.local) freely.add('local')
  return freely
}

/**
 * A province named alone (`云南省`, `视察宁夏`, `江苏○○环境工程有限公司`, a municipality as `重庆`):
 * it says where the author is no more than the dialect does; what a document may leak lies
 * below it. A province before a city or a county is reported with them.
 */
function isProvince(run: readonly PlaceMention[]): boolean {
  return levelOf(run[run.length - 1]!) === 1
}

/** A mask or 某 right after a place: the next part of the address is hidden. */
const maskedAfterRe = /^[*＊×xXｘＸ○〇□某]/

/** The level a mention names: its lowest-numbered namesake's (a county over a village of the same name). */
function levelOf(mention: PlaceMention): number {
  if (mention.evidence === 'landmark') return 3
  if (mention.units.length === 0) return 5
  return Math.min(...mention.units.map((u) => u.level))
}

/** Where a run of mentions lies (a message argument), and every name the description uses (for redacted output). */
function describe(run: readonly PlaceMention[], text: string): { where: MessageArg; names: string[] } {
  const last = run[run.length - 1]!
  const names = [text]
  if (last.evidence === 'landmark') return { where: localText('leak.place.landmark'), names }
  if (last.evidence === 'unlisted') return { where: localText('leak.place.unlisted'), names }
  if (last.units.length === 1) {
    const path = pathOf(last.units[0]!)
    names.push(...path)
    return { where: path, names }
  }
  const parents = new Set<string>()
  for (const unit of last.units) {
    parents.add(regionOf(unit))
    if (parents.size > 3) break
  }
  names.push(...parents)
  return { where: localText(parents.size > 3 ? 'leak.place.namesakes-more' : 'leak.place.namesakes', { count: last.units.length, parents: [...parents].slice(0, 3) }), names }
}

/** The prefecture a unit lies in, or its province: enough to tell namesakes apart. */
function regionOf(unit: Unit): string {
  const ancestors = getGazetteer().ancestors(unit)
  return (ancestors.find((a) => a.level === 2) ?? ancestors[0] ?? unit).name
}

/** The unit and the units containing it, innermost first: 中街街道, 惠农区, 石嘴山市, 宁夏回族自治区. */
function pathOf(unit: Unit): string[] {
  const gazetteer = getGazetteer()
  return [unit, ...gazetteer.ancestors(unit).reverse()].map((u) => u.name)
}
