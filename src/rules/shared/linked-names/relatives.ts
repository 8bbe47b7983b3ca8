// Whose relative a relative's cue names (其父, 之子, 母亲): a masked person's shortly before, the
// paragraph's masked subject, a masked role's or an alias's; a kinship note after the name
// (`韦志刚（系原告之子）`); who acts for a parent (代其母). A representative's cue is the masked
// company's nearest before it.
import { lowerBound } from '../../../core/sorted.js'
import { lineStartWithin } from '../chars.js'
import type { Pseudonym } from '../pseudonyms.js'
import { clauseBreakRe, maskedGivenRe, sentenceBreakRe } from './chars.js'
import { isRoleWordAt } from './cues.js'
import type { LinkReason } from './types.js'

/** How far back a relative's cue looks for the sentence's subject. */
const sentenceReach = 60

/** True when an alias (`小明（化名）`) is written again just before a relative's cue (`小明的医疗费由其母亲…`): the relative is the alias's. */
export function isAfterAlias(text: string, cueStart: number, aliases: ReadonlySet<string>): boolean {
  for (const alias of aliases) {
    const at = text.lastIndexOf(alias, cueStart - alias.length)
    if (at >= 0 && at >= cueStart - besideReach / 2) return true
  }
  return false
}

/** A bracket opened right after a name, up to a relative's cue inside it (`韦志刚（系原告之子`, `刘长海（系被告人刘某之父`). */
const noteOpenRe = /(?<=[\u4e00-\u9fff])[（(](?:系|是|为)?[^（()）\n]{0,12}$/
/** The bracket closed right after the cue. */
const noteCloseRe = /^[）)]/

/**
 * The kinship note in brackets that a relative's cue at [cueStart, cueEnd) ends (`韦志刚（系原告之子）`,
 * `刘长海（系被告人刘某之父）`), [start, end) from bracket to bracket: it says who the name right
 * before it is, as a cue before the name does (`原告之子韦志刚`).
 */
export function kinshipNoteAt(text: string, cueStart: number, cueEnd: number): { start: number; end: number } | undefined {
  if (!noteCloseRe.test(text.charAt(cueEnd))) return undefined
  const m = noteOpenRe.exec(text.slice(Math.max(0, cueStart - 14), cueStart))
  return m ? { start: cueStart - m[0].length, end: cueEnd + 1 } : undefined
}

/** Characters before a cue searched for what it belongs to. */
export const besideReach = 120
/** Representatives only a company has. */
const companyRoleRe = /^(?:法定代表人|实际控制人)$/
/** Words that end an organisation's name: the nearest before a representative tells whose he is. */
const organizationEndRe = /(?:公司|集团|厂|店|合作社|中心|委员会|政府|局|医院|学校|协会|银行|超市|酒店)/g

/**
 * True when what the cue belongs to is masked. A relative: a person pseudonym shortly before. A
 * representative: the nearest organisation before him (A公司, but not 宁夏恒通建设有限公司), or a
 * person pseudonym when none is named.
 */
export function isBesideMasked(text: string, cueStart: number, pseudonyms: readonly Pseudonym[], reason: LinkReason, cue: string): boolean {
  const from = Math.max(0, cueStart - besideReach)
  const before = pseudonyms.filter((p) => p.start >= from && p.end <= cueStart)
  // `其母亲` opening a sentence points back to the paragraph's subject, which may stand further
  // back on its line; inside a sentence (`被告人张伟在其妻子…`) to that sentence's subject.
  if (reason === 'relative') {
    // Its line's start matters only within reach: searched no further back (a page flattened
    // into one line would make each cue read the whole line).
    const lineStart = lineStartWithin(text, cueStart, from)
    const opensSentence = /^[其之]/.test(cue) && /(?:^|[。！？；])[\s\u3000]*$/.test(text.slice(Math.max(lineStart, cueStart - 8), cueStart))
    const reach = opensSentence ? Math.max(from, lineStart) : cueStart - besideReach / 2
    return before.some((p) => p.kind === 'person' && p.start >= reach)
  }
  let lastOrganization = -1
  for (const m of text.slice(from, cueStart).matchAll(organizationEndRe)) lastOrganization = from + m.index + m[0].length
  // A company's own roles (法定代表人, 实际控制人) stand for a company, never for a masked person nearby.
  if (lastOrganization < 0) return before.some((p) => p.kind === 'party' || p.kind === 'organization' || (p.kind === 'person' && !companyRoleRe.test(cue)))
  const maskRe = /[某×xX*＊A-Z甲乙丙丁]/
  return before.some((p) => p.end === lastOrganization && p.kind !== 'place') || maskRe.test(text.slice(Math.max(0, lastOrganization - 6), lastOrganization).replace(/(?:人民政府|公司|集团|厂|店|合作社|中心|委员会|政府|局|医院|学校|协会|银行|超市|酒店)$/, '').slice(-2))
}

/** Verbs of acting for someone before 其 and a relative (代其母缴纳, 替其父签字). */
const actingForRe = /[代替]$/
/** The most characters of a clause read back from 代其母 to its subject. */
const actorReach = 30

/**
 * Where the subject of a clause `X代其母…`/`X替其父…` starts: 其 is X, and X acts for a relative of
 * his, a party the case masks; so X is that party's relative. Undefined for any other cue.
 */
export function actorForRelative(text: string, cueStart: number, cue: string): number | undefined {
  if (!cue.startsWith('其') || !actingForRe.test(text.slice(cueStart - 1, cueStart))) return undefined
  let from = cueStart - 1
  while (from > Math.max(0, cueStart - actorReach) && !clauseBreakRe.test(text.charAt(from - 1))) from--
  if (from > 0 && !clauseBreakRe.test(text.charAt(from - 1))) return undefined
  while (/[\s\u3000]/.test(text.charAt(from))) from++
  return from
}

/** How far back in its paragraph a 其 cue looks for the masked person it points to. */
export const paragraphReach = 400
/** A connective that opens a sentence before its subject (经查，, 同时，, 此外，). */
const sentenceConnectiveRe = /^[\u4e00-\u9fff]{1,4}[，,]/

/**
 * True when a 其 cue (`交由其妻子…`) points to the paragraph's masked person further back than
 * {@link besideReach}: its sentence's subject is that person, written masked or with the masked
 * surname (欧阳某某 … 。经查，欧阳建华还将…交由其妻子陈晓梅), the last person masked on its line.
 * Another subject (张建国在会上指出，其妻子…) is his.
 */
export function isOfParagraphsMasked(text: string, cueStart: number, cue: string, pseudonyms: readonly Pseudonym[]): boolean {
  if (!cue.startsWith('其')) return false
  const lineStart = text.lastIndexOf('\n', cueStart - 1) + 1
  const last = pseudonyms.filter((p) => p.kind === 'person' && p.form === 'surname' && p.start >= lineStart).at(-1)
  if (!last) return false
  let sentence = cueStart
  while (sentence > last.start && !sentenceBreakRe.test(text.charAt(sentence - 1))) sentence--
  const subject = text.slice(sentence, cueStart).replace(/^[\s\u3000]+/, '').replace(sentenceConnectiveRe, '')
  return subject.startsWith(text.slice(last.start, last.end)) || (subject.startsWith(last.name!) && !maskedGivenRe.test(subject.charAt(last.name!.length))) || demonstrativeSubjectRe.test(subject)
}

/**
 * A subject that points back to the person the paragraph is about (该生, 该犯, 该同志, 此人): in a
 * notice's item on a masked person (`三、陈某某，男…该生系第二次违反…，其父亲…`), that person.
 */
const demonstrativeSubjectRe = /^(?:该|此)(?:生|犯|员|同志|人|名|男子|女子|学生|职工|干部|党员|教师|患者|当事人)/

/**
 * True when a role the document masks opens the clause of a relative's cue and stands for the
 * person whose relative it is (`被告在其妻子…`, `原告之父…`): the masked party is named by
 * role, not by pseudonym, in that clause.
 */
export function isAfterMaskedRole(text: string, cueStart: number, maskedRoles: ReadonlySet<string>): boolean {
  if (maskedRoles.size === 0) return false
  let from = cueStart
  while (from > Math.max(0, cueStart - 20) && !clauseBreakRe.test(text.charAt(from - 1))) from--
  for (const role of maskedRoles) {
    const at = roleIn(text, role, from, cueStart)
    if (at >= 0 && /^(?:[在的与和及]|$)/.test(text.slice(at + role.length, Math.min(cueStart, at + role.length + 1)))) return true
  }
  // `你本人年逾七十，腿脚不便，其子…`: 其 stands for the sentence's subject, a masked role.
  let sentence = from
  while (sentence > Math.max(0, cueStart - sentenceReach) && !sentenceBreakRe.test(text.charAt(sentence - 1))) sentence--
  const subject = text.slice(sentence, cueStart).replace(/^[\s\u3000]+/, '')
  for (const role of maskedRoles) if (subject.startsWith(role)) return true
  return false
}

/** Where `role` first stands as a word in [from, to), or -1: searched in the slice only, not on through the text. */
function roleIn(text: string, role: string, from: number, to: number): number {
  const span = text.slice(from, to)
  for (let i = span.indexOf(role); i >= 0; i = span.indexOf(role, i + 1)) if (isRoleWordAt(text, from + i, role)) return from + i
  return -1
}

/** The pseudonyms that start in [from, to), by binary search (they are sorted). */
export function pseudonymsBetween(pseudonyms: readonly Pseudonym[], from: number, to: number): readonly Pseudonym[] {
  const lo = lowerBound(pseudonyms.length, (i) => pseudonyms[i]!.start, from)
  let end = lo
  while (end < pseudonyms.length && pseudonyms[end]!.start < to) end++
  return pseudonyms.slice(lo, end)
}
