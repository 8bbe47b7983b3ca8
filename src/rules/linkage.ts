// Kind `linkage`: a name in clear that undoes what the document masks (王某 throughout, then
// 王建国; 被害人李某（未成年），其父李建军; A公司（法定代表人：赵德明）). Runs only in documents
// whose policy masks persons or companies (policy.ts).
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { surnameLength } from '../nlp/person-names.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { courtesyTitleEndRe, CueSet, findLinkedNames, personMaskOf, type LinkCues, type LinkedName } from './shared/linked-names/index.js'
import { findPseudonyms } from './shared/pseudonyms.js'
import { sameRoleMask } from './shared/person-masks.js'
import { isNameDot } from './shared/transliterated-names.js'
import type { Document } from '../core/document.js'
import { lazy, text, zod } from './shared/options.js'
import { localText } from '../i18n/catalogue.js'
import type { Profile, RuleKind } from './types.js'
import { lineWhere } from '../core/place.js'

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
    latinNameWords: words,
    subject: words,
    bystander: words,
  })
})

/** The `linkage` kind. Message variables: `{text}` (the name), `{reason}`. */
export const linkageKind: RuleKind<LinkageOptions> = {
  name: 'linkage',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const tokenizer = getTokenizer(settings.tokenizer)
    const { onlyWhenMasked } = rule.options
    const cueSet = new CueSet(rule.options)
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked)) return []
      const linked = findLinkedNames(doc, tokenizer, cueSet)
      if (linked.length === 0) return []
      const pseudonymOf = pseudonymsFor(doc, personMaskOf(doc))
      return linked.map((l): RawFinding => {
        const name = doc.text.slice(l.start, l.end)
        const surnameEnd = surnameLength(name)
        const surname = name.slice(0, surnameEnd || 1)
        // A masked minority name keeps its first characters, not a surname (岩温罕 for 岩某).
        // One who acts for a relative (李秀芬代其母缴纳) is named before the cue, not as the relative it names.
        // A minority name of a surname's character (古丽娜尔 of 古某: a Han name has two given
        // characters at most, and no dot) begins as the mask does too, and shares no surname.
        const isMinorityName = surnameEnd === 0 || name.length > surnameEnd + 2 || [...name].some(isNameDot)
        // A relative marked by a note after the name (`韦志刚（系原告之子）`) is told by the note.
        const cueId = l.reason === 'masked-person' && isMinorityName ? 'leak.linkage.masked-prefix' : l.reason === 'relative' && /^[代替]其/.test(l.link) ? 'leak.linkage.relative-actor' : l.reason === 'relative' && /^[（(]/.test(l.link) ? 'leak.linkage.relative-note' : `leak.linkage.${l.reason}`
        const cue = localText(cueId, { link: l.link })
        // Written again without its cue: the message says where the cue stood.
        const reason = l.firstStart === undefined ? cue : localText('leak.linkage.recurrence', { where: lineWhere(doc, doc.lineAt(l.firstStart)), reason: cue })
        return {
          offset: l.start,
          length: l.end - l.start,
          args: { text: name, reason },
          data: { names: [name], reason: l.reason, link: l.link, redact: { offset: l.start, length: l.end - l.start, replacement: pseudonymOf(name, surname, l) } },
        }
      })
    }
  },
}

/** Ordinals that tell apart the masked persons of one surname, as courts write them (李某甲, 李某乙). */
const ordinals = '甲乙丙丁戊己庚辛'

/**
 * The pseudonym a redaction writes for each linked name of `doc`: the masked person's own where
 * the name is taken for that person (王建国 beside 王某某 → 王某某), where a mask of its surname
 * stands after the same role or relation (被告钱立明 beside 被告钱某某 → 钱某某), or for a party the one
 * mask of its surname (被告人张某某、刘某 … 被告人刘浩然 → 刘某); else the surname and
 * `mask`, unless the document or another name holds that pseudonym already, then with an ordinal
 * (其父李建军 beside the victim 李某 → 李某甲): a copy that wrote 李某 for both would make them one
 * person. One name keeps one pseudonym.
 */
function pseudonymsFor(doc: Document, mask: string): (name: string, surname: string, link: LinkedName) => string {
  const taken = new Set<string>()
  const bySurname = new Map<string, Map<string, number[]>>()
  for (const p of findPseudonyms(doc)) {
    if (p.kind !== 'person') continue
    const written = doc.text.slice(p.start, p.end)
    taken.add(written)
    if (p.name === undefined) continue
    const masks = bySurname.get(p.name) ?? new Map<string, number[]>()
    masks.set(written, [...(masks.get(written) ?? []), p.start])
    bySurname.set(p.name, masks)
  }
  const given = new Map<string, string>()
  return (name, surname, l) => {
    const known = given.get(name)
    if (known !== undefined) return known
    const masks = bySurname.get(surname)
    // A name in Latin letters is the masked person it is linked to (John Michael Carter → 约某).
    if (l.reason === 'latin') return l.link
    // A name written with the form of address its pseudonym keeps (王丽娟女士 for 王女士) becomes its surname, the form after it.
    const courtesy = l.reason === 'masked-person' ? courtesyTitleEndRe.exec(l.link)?.[0] : undefined
    if (courtesy !== undefined && l.link === surname + courtesy && doc.text.startsWith(courtesy, l.end)) return surname
    const own = l.reason === 'masked-person' && l.link.startsWith(surname) && l.link.length > surname.length ? l.link : masks && (sameRoleMask(doc.text, l.start, [...masks]) ?? (l.reason === 'party' && masks.size === 1 ? [...masks.keys()][0] : undefined))
    let pseudonym = own ?? surname + mask
    for (let i = 0; own === undefined && taken.has(pseudonym) && i < ordinals.length; i++) pseudonym = surname + mask + ordinals[i]
    taken.add(pseudonym)
    given.set(name, pseudonym)
    return pseudonym
  }
}
