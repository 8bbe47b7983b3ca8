// A linked name written again: where it recurs without its cue it links the same (法定代表人：
// 周建国, then 周建国的询问笔录); a relative found by his cue stays the relative where his
// surname alone made him the masked person; and a name the document writes after a role or a
// post it names on purpose (被告人马志刚, 镇长刘洪亮) is public wherever it stands.
import type { Document } from '../../../core/document.js'
import type { Tokenizer } from '../../../nlp/tokenizer.js'
import { nameRecurrences } from '../name-recurrences.js'
import { personNameAt } from '../persons.js'
import { isPublicRoleName } from '../public-roles.js'
import { isWrittenAfterPost } from './context.js'
import type { LinkedName } from './types.js'

/** What the scan found besides the linked names: where public names stand, and the names in Latin letters. */
export interface NamedOnPurpose {
  /** Where an official is named after the post, of a surname no masked person holds a post of. */
  readonly officialStarts: readonly number[]
  /** Where a name stands after a role the document names on purpose (被告人马志刚). */
  readonly namedRoleStarts: readonly number[]
  readonly latin: readonly LinkedName[]
}

/**
 * The linked names of `found` (by start; extended in place) with their recurrences and the names
 * in Latin letters, less those named on purpose, sorted. `covered`: 1 where a pseudonym stands.
 */
export function withRecurrences(doc: Document, tokenizer: Tokenizer, found: Map<number, LinkedName>, covered: Uint8Array, { officialStarts, namedRoleStarts, latin }: NamedOnPurpose): LinkedName[] {
  // Where a linked name recurs without its cue (法定代表人：周建国, then 周建国的询问笔录), it links the same.
  for (const [entry, span] of nameRecurrences(doc, tokenizer, [...found.values()], (start) => covered[start] !== 1)) found.set(span.start, { ...entry, start: span.start, end: span.end, firstStart: entry.start })
  keepRelatives(doc.text, found)
  const namedRoleNames = new Set<string>()
  for (const at of officialStarts) {
    const span = personNameAt(doc, tokenizer, at)
    if (span) namedRoleNames.add(doc.text.slice(span.start, span.end))
  }
  for (const at of namedRoleStarts) {
    const span = found.get(at) ?? personNameAt(doc, tokenizer, at)
    if (span) namedRoleNames.add(doc.text.slice(span.start, span.end))
  }
  // Listed among masked names (a 公示 table's 姓名 column), a name is the list's, not a role's
  // the document names freely, wherever else it stands (`第2号申请人陈志明`); unless the document
  // writes it after its holder's post (`副局长王振华`): a notice names its officials on purpose, and
  // its table then lists them beside the masked staff.
  for (const l of latin) if (!found.has(l.start)) found.set(l.start, l)
  const listNames = new Set([...found.values()].filter((l) => l.reason === 'list').map((l) => doc.text.slice(l.start, l.end)))
  const postNamed = new Set([...listNames].filter((name) => isWrittenAfterPost(doc.text, name)))
  return [...found.values()]
    .filter((l) => {
      const name = doc.text.slice(l.start, l.end)
      if (postNamed.has(name)) return l.reason !== 'list'
      return listNames.has(name) || !isPublicRoleName(name, namedRoleNames)
    })
    .sort((a, b) => a.start - b.start)
}

/**
 * A relative is not the masked person his surname was taken for (韦志刚（系原告之子） and later
 * 韦志刚 beside 原告韦某某): that name written again is the relative found by the cue.
 */
function keepRelatives(text: string, found: Map<number, LinkedName>): void {
  const relatives = new Map<string, LinkedName>()
  for (const l of found.values()) if (l.reason === 'relative' && l.firstStart === undefined && !relatives.has(text.slice(l.start, l.end))) relatives.set(text.slice(l.start, l.end), l)
  for (const l of found.values()) {
    const relative = l.reason === 'masked-person' ? relatives.get(text.slice(l.start, l.end)) : undefined
    if (relative) found.set(l.start, { ...relative, start: l.start, end: l.end, firstStart: relative.start })
  }
}
