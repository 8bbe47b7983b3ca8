// Kind `linkage`: a name in clear that undoes what the document masks (王某 throughout, then
// 王建国; 被害人李某（未成年），其父李建军; A公司（法定代表人：赵德明）). Runs only in documents
// whose policy masks persons or companies (policy.ts).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { surnameLength } from '../nlp/person-names.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { findLinkedNames, personMaskOf, type LinkCues } from './shared/linked-names.js'
import { lazy, text, zod } from './shared/options.js'
import { localText } from '../i18n/catalogue.js'
import type { Profile, RuleKind } from './types.js'

/** Options of a linkage rule: the cue words, by why a name after them is a leak. */
export interface LinkageOptions extends LinkCues {
  readonly onlyWhenMasked: readonly Profile[]
}

const schema = lazy(() => {
  const z = zod()
  const words = z.array(text()).default([])
  return z.strictObject({
    onlyWhenMasked: onlyWhenMaskedSchema(),
    relative: words,
    representative: words,
    contact: words,
    party: words,
    criminalProtected: words,
    criminalAccused: words,
  })
})

/** The `linkage` kind. Message variables: `{text}` (the name), `{reason}`. */
export const linkageKind: RuleKind<LinkageOptions> = {
  name: 'linkage',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const tokenizer = getTokenizer(settings.tokenizer)
    const { onlyWhenMasked } = rule.options
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked)) return []
      const linked = findLinkedNames(doc, tokenizer, rule.options)
      if (linked.length === 0) return []
      const mask = personMaskOf(doc)
      return linked.map((l): RawFinding => {
        const name = doc.text.slice(l.start, l.end)
        const surnameEnd = surnameLength(name)
        const surname = name.slice(0, surnameEnd || 1)
        // A masked minority name keeps its first characters, not a surname (岩温罕 for 岩某).
        const cueId = l.reason === 'masked-person' && surnameEnd === 0 ? 'leak.linkage.masked-prefix' : `leak.linkage.${l.reason}`
        const cue = localText(cueId, { link: l.link })
        // Written again without its cue: the message says where the cue stood.
        const reason = l.firstStart === undefined ? cue : localText('leak.linkage.recurrence', { line: doc.lineAt(l.firstStart), reason: cue })
        return {
          offset: l.start,
          length: l.end - l.start,
          args: { text: name, reason },
          data: { names: [name], reason: l.reason, link: l.link, redact: { offset: l.start, length: l.end - l.start, replacement: surname + mask } },
        }
      })
    }
  },
}
