// Kind `word`: what the Word reader found in a .docx that its text alone does not tell. A
// content control still showing its placeholder is a template's prompt whatever it says
// (`单击或点击此处输入文字。`, `请输入单位名称`); tracked deletions, comments and hidden runs are
// in the file for anyone who opens it, though the page does not show them: in a release,
// the name a tracked change masked (`司马浩然` → `司马某`) is still there; and so are the
// document properties (the clerk who wrote it, the masked company whose copy of Word saved it,
// the 联系人 a template's custom property holds).
import type { Document, DocumentProperty, HiddenContent, HiddenKind } from '../core/document.js'
import type { RawFinding } from '../core/finding.js'
import { localText } from '../i18n/catalogue.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, regexSource, zod } from './shared/options.js'
import { documentPolicy } from './shared/policy.js'
import { organizationSuffixes } from './shared/pseudonyms.js'
import { findPublicRoleNames, isPublicRoleName, publicBodyNamed } from './shared/public-roles.js'
import type { RuleKind } from './types.js'

/** Options of a word rule. */
export interface WordOptions {
  /**
   * `placeholder`: each span a content control shows as its placeholder; `hidden`: what the
   * file holds unseen, once per kind; `properties`: the document properties that name someone.
   */
  readonly report: 'placeholder' | 'hidden' | 'properties'
  /** For `properties`: values no one is named by (`Administrator`, `WPS Office`), as regexes matched against the whole value, case ignored. */
  readonly generic?: readonly string[]
}

const schema = lazy(() =>
  zod().discriminatedUnion('report', [
    zod().strictObject({ report: zod().enum(['placeholder', 'hidden']) }),
    zod().strictObject({ report: zod().literal('properties'), generic: zod().array(regexSource('iu')).default([]) }),
  ]),
)

/** The most of a hidden text quoted in a message. */
const sampleLength = 20

/**
 * The `word` kind. Message variables: `{text}`; for `hidden`, `{count}` (how many of the
 * kind the file holds) and `{sample}` (the first, cut short), under a variant per kind
 * (`.deletion`, `.move`, `.comment`, `.hidden`).
 */
export const wordKind: RuleKind<WordOptions> = {
  name: 'word',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const { report, generic = [] } = rule.options
    if (report === 'placeholder') {
      return (doc) => doc.placeholders.map((r) => ({ offset: r.start, length: r.end - r.start, args: { text: doc.text.slice(r.start, r.end) } }))
    }
    if (report === 'properties') {
      const genericRe = generic.length > 0 ? new RegExp(`^(?:${generic.join('|')})$`, 'iu') : undefined
      return (doc) => propertyFindings(doc, genericRe, rule.messageId)
    }
    return (doc) => hiddenFindings(doc.hidden, doc.text, rule.messageId)
  },
}

/**
 * One finding per kind of hidden content, at its first: where it stands (a comment: the text
 * it is anchored on), or, when that is no span, the line it stands in.
 */
function hiddenFindings(hidden: readonly HiddenContent[], text: string, messageId: string): RawFinding[] {
  const byKind = new Map<HiddenKind, HiddenContent[]>()
  for (const h of hidden) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), h])
  const findings: RawFinding[] = []
  for (const [kind, all] of byKind) {
    const first = all[0]!
    const span = first.length > 0 ? { offset: first.offset, length: first.length } : lineAround(text, first.offset)
    findings.push({ ...span, messageId: `${messageId}.${kind}`, args: { count: all.length, sample: sampleOf(first.text), text: text.slice(span.offset, span.offset + span.length) } })
  }
  return findings.sort((a, b) => a.offset - b.offset)
}

/** Two letters at least (Han or any script): fewer is no name (`1`, `…`, `a`, `***`). */
const twoLettersRe = /\p{L}[^\p{L}]*\p{L}/u

/** A value that is a mask itself: a pseudonym (`王某`, `某某公司`) or masked characters (`张××`, `***公司`). */
const maskedValueRe = /某|[*\uFF0A\u00D7\u25CB\u25A1\u25B3_\uFF3F]|\p{Script=Han}[xX\uFF58\uFF38]|[xX\uFF58\uFF38]\p{Script=Han}/u
/** A value naming an organisation by its suffix (`宁夏恒达科技有限公司`): a company's name, not a person's. */
const organizationNameRe = new RegExp(`(?:${[...organizationSuffixes].sort((a, b) => b.length - a.length).join('|')})$`)

/**
 * One finding for the document properties that name someone, at the first line, as the
 * properties stand nowhere in the text: each value with the fields that hold it. Silent for a
 * value that names no one (empty, a default account, the software, a computer's name) and for
 * one named on purpose ({@link isNamedOnPurpose}).
 */
function propertyFindings(doc: Document, genericRe: RegExp | undefined, messageId: string): RawFinding[] {
  const propertiesOf = new Map<string, DocumentProperty[]>()
  for (const property of doc.properties) {
    const { value } = property
    if (!twoLettersRe.test(value) || genericRe?.test(value) || isNamedOnPurpose(doc, value)) continue
    propertiesOf.set(value, [...(propertiesOf.get(value) ?? []), property])
  }
  if (propertiesOf.size === 0) return []
  // A custom property by its name: `自定义属性中的联系人`.
  const label = ({ field, name }: DocumentProperty) => localText(`${messageId}.${field}`, { name: name ?? '' })
  // The fields that hold one value: `作者和最后一次保存者“王建国”`.
  const labels = (fields: readonly DocumentProperty[]) => (fields.length === 1 ? label(fields[0]!) : localText(`${messageId}.and`, { first: fields.slice(0, -1).map(label), last: label(fields[fields.length - 1]!) }))
  const entries = [...propertiesOf].map(([value, properties]) => localText(`${messageId}.entry`, { fields: labels(properties), value }))
  const span = lineAround(doc.text, 0)
  const fields = [...propertiesOf.values()].flat()
  const customNames = fields.flatMap((p) => (p.name === undefined ? [] : [p.name]))
  return [{ ...span, args: { entries, text: doc.text.slice(span.offset, span.offset + span.length) }, data: { names: [...propertiesOf.keys()], fields: fields.map((p) => p.field), ...(customNames.length > 0 && { customNames }) } }]
}

/**
 * True when the document would name `value` itself: a mask (`王某`); a public body it does not
 * hide, the issuer of the release (courts, procuratorates and universities always, agencies
 * unless it masks its own unit: `***市统计局`); a person the page names in a public role
 * (`书记员　王建国`); or a name the page shows of a kind the document does not mask.
 */
function isNamedOnPurpose(doc: Document, value: string): boolean {
  if (maskedValueRe.test(value)) return true
  const body = publicBodyNamed(value)
  if (body === 'judicial' || body === 'institution') return true
  const policy = documentPolicy(doc)
  if (body === 'agency') return !policy.masksOwnUnit
  const isOrganization = organizationNameRe.test(value)
  if (!isOrganization && isPublicRoleName(value, findPublicRoleNames(doc))) return true
  return doc.text.includes(value) && !(isOrganization ? policy.masksOrganizations : policy.masksPersons)
}

/** The line holding `offset`, without its leading spaces: a place a reader can see, as hidden content has no span of its own. */
function lineAround(text: string, offset: number): { offset: number; length: number } {
  let start = text.lastIndexOf('\n', offset - 1) + 1
  let end = text.indexOf('\n', offset)
  if (end < 0) end = text.length
  while (start < end && /\s/.test(text[start]!)) start++
  return { offset: start, length: end - start }
}

function sampleOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > sampleLength ? `${flat.slice(0, sampleLength)}…` : flat
}
