// Kind `person`: a person named next to a title in a document that masks (张三同志, 书记李四,
// 李四局长). Leaders' names inside fixed formulations and public figures are left alone.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { lazy, text, zod } from './shared/options.js'
import { findPersons, type PersonMention } from './shared/persons.js'
import type { Profile, RuleKind } from './types.js'
import { documentPolicy } from './shared/policy.js'
import { overlapsPseudonym } from './shared/pseudonyms.js'
import { findPublicRoleNames, isPublicRoleName } from './shared/public-roles.js'
import { nameRecurrences } from './shared/name-recurrences.js'
import { findSignerNames } from './shared/signers.js'
import type { Document } from '../core/document.js'
import { lineWhere } from '../core/place.js'

/** Options of a person rule. */
export interface PersonOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Names that identify no one in a report: national leaders, model figures (习近平, 雷锋). */
  readonly publicFigures: readonly string[]
  /** Fixed formulations with a name inside (以习近平同志为核心的党中央): a name within is never reported. */
  readonly formulations: readonly string[]
}

const schema = lazy(() => {
  const z = zod()
  return z.strictObject({
    onlyWhenMasked: onlyWhenMaskedSchema(),
    publicFigures: z.array(text()).default([]),
    formulations: z.array(text()).default([]),
  })
})

/** The `person` kind. Message variables: `{text}`, `{title}`. */
export const personKind: RuleKind<PersonOptions> = {
  name: 'person',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const publicFigures = new Set(rule.options.publicFigures)
    const { formulations, onlyWhenMasked } = rule.options
    const tokenizer = getTokenizer(settings.tokenizer)
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked, { tokenizer })) return []
      // Officials named with their title act in their public role, unless the document hides
      // its own unit (they would name it); a masked person's name is the linkage rule's. A release
      // whose masks say nothing of their kind hides everyone; a draft's blanks of no known kind
      // (`XXX：` a speaker left to fill, `签发：×××`) are fields, and its officials are meant.
      const policy = documentPolicy(doc)
      const isDraft = onlyWhenMasked.includes(settings.profile)
      if ((policy.isStated || isDraft) && !policy.masksOwnUnit) return []
      const publicNames = findPublicRoleNames(doc)
      // A draft, not meant to be anonymous, names its own signer on purpose (the byline under its
      // title, `述职人：…`); a release that masks persons hides its author too.
      const signers = onlyWhenMasked.includes(settings.profile) ? findSignerNames(doc) : noNames
      const persons = findPersons(doc, tokenizer).filter((person) => {
        const name = doc.text.slice(person.start, person.end)
        return !isPublicFigure(name, publicFigures) && !isPublicRoleName(name, publicNames) && !isPublicRoleName(name, signers) && isReportable(doc, person.start, person.end, formulations)
      })
      // The same name written again without its title is the same person, as leaked.
      const recurrences = nameRecurrences(doc, tokenizer, persons, (start, end) => isReportable(doc, start, end, formulations)).map(([person, span]) => ({ ...person, ...span, firstStart: person.start }))
      const findings: RawFinding[] = []
      const reported: (PersonMention & { readonly firstStart?: number })[] = [...persons, ...recurrences]
      for (const person of reported.sort((a, b) => a.start - b.start)) {
        const name = doc.text.slice(person.start, person.end)
        // Written again without its title: the message says where the title stood.
        const { firstStart } = person
        findings.push({
          offset: person.start,
          length: person.end - person.start,
          args: { text: name, title: person.title, ...(firstStart !== undefined && { where: lineWhere(doc, doc.lineAt(firstStart)) }) },
          ...(firstStart !== undefined && { messageId: `${rule.messageId}.recurrence` }),
          data: { names: [name], title: person.title, redact: { offset: person.start, length: person.end - person.start } },
        })
      }
      return findings
    }
  },
}

const noNames: ReadonlySet<string> = new Set()

/** A place a name may be reported: outside a fixed formulation and any pseudonym. */
function isReportable(doc: Document, start: number, end: number, formulations: readonly string[]): boolean {
  return !isInsideFormulation(doc.text, start, end, formulations) && !overlapsPseudonym(doc, start, end)
}

/** A public figure's name, alone or with a character the tagger glued to it (`向雷锋同志学习`). */
function isPublicFigure(name: string, publicFigures: ReadonlySet<string>): boolean {
  for (const figure of publicFigures) if (name.includes(figure)) return true
  return false
}

/** True when one of `formulations` stands in `text` over [start, end). */
function isInsideFormulation(text: string, start: number, end: number, formulations: readonly string[]): boolean {
  return formulations.some((f) => {
    for (let i = text.lastIndexOf(f, end); i >= 0 && i + f.length >= end; i = i > 0 ? text.lastIndexOf(f, i - 1) : -1) {
      if (i <= start) return true
    }
    return false
  })
}
