// The flat registry of rule kinds, by name.
import { balanceKind } from './balance.js'
import { congressKind } from './congress.js'
import { countKind } from './count.js'
import { formulationKind } from './formulation.js'
import { entityKind } from './entity.js'
import { lexiconKind } from './lexicon.js'
import { maskKind } from './mask.js'
import { mojibakeKind } from './mojibake.js'
import { patternKind } from './pattern.js'
import { repeatKind } from './repeat.js'
import { exposureKind } from './exposure.js'
import { identifierKind } from './identifier.js'
import { inferenceKind } from './inference.js'
import { linkageKind } from './linkage.js'
import { addressKind } from './address.js'
import { organizationKind } from './organization.js'
import { personKind } from './person.js'
import { placeKind } from './place.js'
import { termKind } from './term.js'
import { uniformityKind } from './uniformity.js'
import { wordKind } from './word.js'
import { traitsOf } from '../core/categories.js'
import type { Document } from '../core/document.js'
import type { RawFinding } from '../core/finding.js'
import type { RuleSettings } from './settings.js'
import type { RuleDef, RuleKind } from './types.js'
import { dropCitedForms } from './shared/mentions.js'

/** The kinds of the `leak` category (issue 3: redaction audit). */
const leakKinds = [placeKind, organizationKind, personKind, termKind, inferenceKind, exposureKind, uniformityKind, identifierKind, linkageKind, addressKind]

/** Every rule kind a rule file may name. */
export const ruleKinds: ReadonlyMap<string, RuleKind<unknown>> = new Map(
  [balanceKind, congressKind, countKind, entityKind, formulationKind, lexiconKind, maskKind, mojibakeKind, patternKind, repeatKind, wordKind, ...leakKinds].map((k) => [k.name, k as RuleKind<unknown>]),
)

/**
 * The check of `def` under `settings`. A release is audited with the texts a .docx keeps beside
 * its pages (title, alt texts, links' addresses), which it gives away as surely as its text; a
 * draft's rules read its pages only (Document.pageView), so that a template's title
 * (`XXX同志述职报告`) neither is reported nor makes the draft look like a template.
 */
export function compileRule(def: RuleDef, settings: RuleSettings): (doc: Document) => RawFinding[] {
  const compiled = ruleKinds.get(def.kind)!.compile(def, settings)
  const check = traitsOf(def.category).leavesCitedForms ? (doc: Document) => dropCitedForms(doc, compiled(doc)) : compiled
  return settings.profile === 'redacted' ? check : (doc) => check(doc.pageView())
}
