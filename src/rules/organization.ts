// Kind `organization`: an organisation named in clear in a document that masks (然而特集团,
// 中国工商银行石嘴山分行), found by its suffix and the tagger; national bodies are left alone.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { lazy, literalAlternation, text, textList, zod } from './shared/options.js'
import { findOrganizations, type OrganizationMention } from './shared/organizations.js'
import { findPlaces } from './shared/places.js'
import type { Profile, RuleKind } from './types.js'
import { documentPolicy } from './shared/policy.js'
import { overlapsPseudonym } from './shared/pseudonyms.js'

/** Options of an organization rule. */
export interface OrganizationOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Words that end an organisation's name (公司, 集团, 银行, 医院, 学校, ...). */
  readonly suffixes: readonly string[]
  /**
   * Names starting with these belong to national bodies (中国工商银行, 国家开发银行): not a leak
   * unless a place follows (中国工商银行石嘴山分行).
   */
  readonly nationalPrefixes: readonly string[]
  /** Names never reported. */
  readonly allow: readonly string[]
  /** Phrases in which a suffix is no suffix (`集中学习` holds `中学`): skipped before any tagging. */
  readonly notIn: readonly string[]
  /** Public institutions named on purpose unless the document masks its own unit (`…人民医院`). */
  readonly publicSuffixes: readonly string[]
  /** Words that describe a kind of organisation (智慧, 高水平, 示范): a name of only these before its suffix names none. */
  readonly kindWords: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    onlyWhenMasked: onlyWhenMaskedSchema(),
    suffixes: textList(),
    nationalPrefixes: z.array(text()).default([]),
    allow: z.array(text()).default([]),
    notIn: z.array(text()).default([]),
    publicSuffixes: z.array(text()).default([]),
    kindWords: z.array(text()).default([]),
  })
})

/** The `organization` kind. Message variables: `{text}`. */
export const organizationKind: RuleKind<OrganizationOptions> = {
  name: 'organization',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const { suffixes, nationalPrefixes, onlyWhenMasked } = rule.options
    const allow = new Set(rule.options.allow)
    const pattern = { suffixSource: literalAlternation(suffixes), notIn: rule.options.notIn }
    const tokenizer = getTokenizer(settings.tokenizer)
    const kindWordsRe = rule.options.kindWords.length > 0 ? new RegExp(`^(?:${literalAlternation(rule.options.kindWords)})+$`) : undefined
    /** True when the words before the suffix only say what kind it is (`智慧医院`, `高水平医院`). */
    const isKindOnly = (body: string) => kindWordsRe?.test(body) === true
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked, { needsKnownKind: true })) return []
      // A document that masks persons and names companies names them on purpose.
      const policy = documentPolicy(doc)
      if (policy.isStated && !policy.masksOrganizations && !policy.masksOwnUnit) return []
      const findings: RawFinding[] = []
      const organizations = findOrganizations(doc, tokenizer, pattern)
      const parties = namedParties(doc.text, organizations)
      for (const org of organizations) {
        const name = doc.text.slice(org.start, org.end)
        if (allow.has(name) || isKindOnly(doc.text.slice(org.start, org.suffixStart)) || [...parties].some((p) => name.endsWith(p) || p.endsWith(name)) || overlapsPseudonym(doc, org.start, org.end)) continue
        if (!policy.masksOwnUnit && rule.options.publicSuffixes.some((s) => name.endsWith(s))) continue
        const isNational = nationalPrefixes.some((p) => name.startsWith(p))
        if (isNational && !findPlaces(doc, tokenizer).some((p) => org.start < p.start && p.end <= org.end)) continue
        findings.push({
          offset: org.start,
          length: org.end - org.start,
          args: { text: name },
          data: { names: [name], redact: { offset: org.start, length: org.suffixStart - org.start } },
        })
      }
      return findings
    }
  },
}

/** A party's role right before a name (`被告：`, `第三人`): a company a judgment names as a party is named on purpose. */
const partyRoleBeforeRe = /(?:原告|被告|第三人|上诉人|被上诉人|申请人|被申请人|被执行人|申请执行人|当事人)[：:]?\s*$/

/** The names of organisations written right after a party's role, public everywhere in the document. */
function namedParties(text: string, organizations: readonly OrganizationMention[]): Set<string> {
  const names = new Set<string>()
  for (const org of organizations) if (partyRoleBeforeRe.test(text.slice(Math.max(0, org.start - 6), org.start))) names.add(text.slice(org.start, org.end))
  return names
}
