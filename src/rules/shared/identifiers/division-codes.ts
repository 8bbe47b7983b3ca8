// Whether the first six digits of an ID number (or characters 3–8 of a credit code) are a real
// division code (GB/T 2260), looked up in the shipped gazetteer only for candidates that have
// already passed their checksum.
import type { Gazetteer } from '../../../nlp/gazetteer.js'

/**
 * Codes outside the statistical division codes the gazetteer holds: 710000 Taiwan (GB/T 2260)
 * and the 港澳台居民居住证 codes 810000 Hong Kong, 820000 Macao, 830000 Taiwan.
 */
const codesOutsideGazetteer = new Set(['710000', '810000', '820000', '830000'])
/** The municipalities: their prefecture-level digits are a grouping (01 市辖区, 02 县), not a named unit. */
const municipalities = new Set(['11', '12', '31', '50'])
/** Codes written by organisations of national scope in credit codes (`100000`). */
const nationalCode = '100000'

/**
 * Judges division codes. Real ID numbers carry codes of counties abolished or renumbered since
 * they were issued, which the current gazetteer lacks; so a code is accepted when it is a current
 * county, or when its province and its prefecture exist (the prefecture named, a municipality's
 * 01/02 grouping, or the prefix of at least one current county). A prefecture that no longer
 * exists (a renumbered 地区) is not accepted: the price of keeping order numbers out.
 */
export class DivisionCodes {
  private readonly prefectures = new Map<string, boolean>()

  constructor(private readonly gazetteer: () => Gazetteer) {}

  /** True when six digits are a plausible division code of a natural person's registration. */
  isKnown(code: string): boolean {
    if (!/^\d{6}$/.test(code)) return false
    if (codesOutsideGazetteer.has(code)) return true
    const gazetteer = this.gazetteer()
    if (!gazetteer.unit(code.slice(0, 2))) return false
    return gazetteer.unit(code) !== undefined || this.hasPrefecture(code.slice(0, 4))
  }

  /** True when two digits are a province's code (the 2023 permanent-residence card's second and third): 71, 81 and 82 too. */
  isProvince(code: string): boolean {
    return /^\d{2}$/.test(code) && (codesOutsideGazetteer.has(`${code}0000`) || this.gazetteer().unit(code) !== undefined)
  }

  /** Like {@link isKnown}, also accepting the national code that central organisations' credit codes carry. */
  isKnownForOrganisation(code: string): boolean {
    return code === nationalCode || this.isKnown(code)
  }

  private hasPrefecture(prefix: string): boolean {
    let known = this.prefectures.get(prefix)
    if (known === undefined) {
      const gazetteer = this.gazetteer()
      const digits = prefix.slice(2)
      known = gazetteer.unit(prefix) !== undefined || (municipalities.has(prefix.slice(0, 2)) && (digits === '01' || digits === '02'))
      for (let county = 1; !known && county <= 99; county++) known = gazetteer.unit(prefix + String(county).padStart(2, '0')) !== undefined
      this.prefectures.set(prefix, known)
    }
    return known
  }
}
