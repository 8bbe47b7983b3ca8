// The document properties a Word package keeps beside its text (文件 → 信息 → 属性): the author
// and the last to save it in `docProps/core.xml`, the company and manager in
// `docProps/app.xml`; what a writer types there (title, subject, keywords, comments,
// category), which a release is audited with as its text; and the custom properties an
// office's template adds in `docProps/custom.xml` (作者单位, 联系人, 联系电话), by what their
// names say they hold. Read for the audit, and cleared in a redacted copy as Word's 文档检查器
// (Inspect Document) clears them.
import { Parser } from 'htmlparser2'
import type { DocumentProperty, DocumentPropertyField, DocxFileTextField } from '../core/document.js'
import { decodeXmlAttribute, escapeXmlText, relationshipsOfPart, type PartText } from './docx-package.js'

/** The three parts of document properties: core (Dublin Core and OPC), extended (the application's) and custom. */
export interface PropertyParts {
  readonly core: string
  readonly app: string
  readonly custom: string
}

/** The fields read, by the local name of their element (any namespace prefix), in the order reported. */
const fieldOfElement: Readonly<Record<string, DocumentPropertyField>> = { creator: 'creator', lastModifiedBy: 'lastModifiedBy', Company: 'company', Manager: 'manager' }
const fieldOrder: readonly DocumentPropertyField[] = ['creator', 'lastModifiedBy', 'company', 'manager']

/**
 * The parts of the package's properties: the targets of its `core-properties`,
 * `extended-properties` and `custom-properties` relationships (the last segment is the same in
 * the transitional and the strict namespaces), else their usual names.
 */
export function propertyPartsOf(read: PartText): PropertyParts {
  const relationships = relationshipsOfPart(read, '')
  const target = (type: string) => relationships.find((r) => r.type === type)?.target
  return { core: target('core-properties') ?? 'docProps/core.xml', app: target('extended-properties') ?? 'docProps/app.xml', custom: target('custom-properties') ?? 'docProps/custom.xml' }
}

/** A property's value as one line: whitespace made one space, trimmed. */
function flatValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** The fields of `order` that hold a value in `values`, in that order, each value one line. */
function valuesInOrder<F extends string>(values: ReadonlyMap<F, string>, order: readonly F[]): { field: F; value: string }[] {
  return order.flatMap((field) => {
    const value = flatValue(values.get(field) ?? '')
    return value ? [{ field, value }] : []
  })
}

/** The properties that hold a value, from the core and extended parts' XML (either may be missing). */
export function readDocumentProperties(coreXml: string | undefined, appXml: string | undefined, customXml?: string): DocumentProperty[] {
  const values = new Map<DocumentPropertyField, string>()
  for (const xml of [coreXml, appXml]) if (xml !== undefined) readFields(xml, fieldOfElement, values)
  const custom = readCustomProperties(customXml).filter((p) => p.isPerson).map(({ name, value }) => ({ field: 'custom' as const, name, value }))
  return [...valuesInOrder(values, fieldOrder), ...custom]
}

/** The properties a writer types as text, by the local name of their element in the core part, in the order read. */
const textFieldOfElement: Readonly<Record<string, PropertyTextField>> = { title: 'title', subject: 'subject', keywords: 'keywords', description: 'description', category: 'category' }
const textFieldOrder: readonly PropertyTextField[] = ['title', 'subject', 'keywords', 'description', 'category']

/** A property a writer types as text: 标题, 主题, 关键词, 备注, 类别 under 文件 → 信息 → 属性. */
export type PropertyTextField = Extract<DocxFileTextField, 'title' | 'subject' | 'keywords' | 'description' | 'category'>

/** The title Word keeps in the extended part too (`TitlesOfParts`, one entry a document), read where its entries are. */
const titlesOfPartsRe = /<((?:[\w.-]+:)?TitlesOfParts)\b[^>]*>([\s\S]*?)<\/\1\s*>/
const vectorEntryRe = /<((?:[\w.-]+:)?lpw?str)\b[^>]*>([\s\S]*?)<\/\1\s*>/g

/**
 * The properties a writer types as text (title, subject, keywords, comments, category) that hold
 * a value, whitespace made one space; the titles of the extended part's `TitlesOfParts` that
 * differ from the core's title, as titles; then the custom properties whose names do not say
 * they are a person (联系电话, 文号: {@link readCustomProperties}), each with its name. A title
 * that names the party (`陈志远违法建设案处罚决定书`) is read by anyone who opens the file.
 */
export function readPropertyTexts(coreXml: string | undefined, appXml: string | undefined, customXml?: string): PropertyText[] {
  const values = new Map<PropertyTextField, string>()
  if (coreXml !== undefined) readFields(coreXml, textFieldOfElement, values)
  const texts: PropertyText[] = valuesInOrder(values, textFieldOrder)
  const titles = titlesOfPartsRe.exec(appXml ?? '')?.[2] ?? ''
  for (const m of titles.matchAll(vectorEntryRe)) {
    const value = flatValue(decodeXmlAttribute(m[2]!))
    if (value && !texts.some((t) => t.field === 'title' && t.value === value)) texts.push({ field: 'title', value })
  }
  for (const { name, value, isPerson } of readCustomProperties(customXml)) if (!isPerson) texts.push({ field: 'custom', value, name })
  return texts
}

/** A property read as text: its field, its value as one line, and a custom property's name. */
export interface PropertyText {
  readonly field: PropertyTextField | 'custom'
  readonly value: string
  readonly name?: string
}

/** A custom property (`docProps/custom.xml`) and the element that holds it. */
const customPropertyRe = /<((?:[\w.-]+:)?property)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g
/** A custom property's value as text (`vt:lpwstr`, `vt:lpstr`, `vt:bstr`): numbers, dates and yes-or-no name no one. */
const stringValueRe = /<((?:[\w.-]+:)?(?:lpwstr|lpstr|bstr))\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/
const propertyNameRe = /\sname="([^"]*)"/

/**
 * The names of the custom properties software adds by itself: WPS's build and document ids
 * (`KSOProductBuildVer`, `ICV`, `KSOTemplateDocerSaveRecord`), Microsoft 365's sensitivity
 * labels and SharePoint's columns (`MSIP_Label_…`, `ContentTypeId`, `MediaServiceImageTags`,
 * `_dlc_DocId`), reference managers' state (`ZOTERO_PREF_1`, `Mendeley Document_1`). Their
 * values are ids and settings, and a label a redaction cleared would change how the file is
 * handled.
 */
const machinePropertyRe = /^(?:KSO|ICV$|MSIP_Label_|ContentTypeId$|MediaService|_dlc_|TaxCatchAll|TaxKeyword|_DocHome$|_TemplateID$|_SourceUrl$|_SharedFileIndex$|_ReviewingToolsShownOnce$|_NewReviewCycle$|ZOTERO_|Mendeley|Grammarly|docIndexRef$|TitusGUID$|ClassificationContentMarking)/i

/**
 * A custom property's name that says its value is a person or a unit: a role's word ending in
 * 人, 者 or 员 (联系人, 审核人, 拟稿人, 作者, 记录员), a name (姓名), a unit (作者单位, 发文机关, 承办部门);
 * in English its usual names, and the display name Outlook's "send for review" writes.
 */
const personPropertyRe = /(?:[人者员]|姓名|单位|部门|处室|科室|机关|公司)$|^(?:_AuthorEmailDisplayName|author|owner|manager|editor|reviewer|approver|typist|drafter|contact|client|department|company|organi[sz]ation|(?:checked|approved|reviewed|prepared|written|drafted) ?by)$/i

/** A custom property with a text value: its name, its value as one line, and whether its name says it is a person or a unit ({@link personPropertyRe}). */
export interface CustomProperty {
  readonly name: string
  readonly value: string
  readonly isPerson: boolean
}

/**
 * The custom properties (`docProps/custom.xml`) whose value is text and holds something, in
 * their order; not those software adds by itself ({@link machinePropertyRe}).
 */
export function readCustomProperties(customXml: string | undefined): CustomProperty[] {
  const out: CustomProperty[] = []
  for (const m of (customXml ?? '').matchAll(customPropertyRe)) {
    const name = flatValue(decodeXmlAttribute(propertyNameRe.exec(m[2]!)?.[1] ?? ''))
    const value = flatValue(decodeXmlAttribute(stringValueRe.exec(m[3] ?? '')?.[3] ?? ''))
    if (name && value && !machinePropertyRe.test(name)) out.push({ name, value, isPerson: personPropertyRe.test(name) })
  }
  return out
}

/**
 * The custom properties' part with each text value edited whose name `shouldEdit` accepts: the
 * value becomes `edit(value)` (escaped), where it differs; gives how many changed.
 */
function withCustomValues(customXml: string, shouldEdit: (p: CustomProperty) => boolean, edit: (value: string) => string): { xml: string; changed: number } {
  let changed = 0
  const xml = customXml.replace(customPropertyRe, (element, _tag: string, attributes: string, content: string | undefined) => {
    const name = flatValue(decodeXmlAttribute(propertyNameRe.exec(attributes)?.[1] ?? ''))
    const m = stringValueRe.exec(content ?? '')
    if (!name || !m || machinePropertyRe.test(name)) return element
    const value = flatValue(decodeXmlAttribute(m[3] ?? ''))
    if (!value || !shouldEdit({ name, value, isPerson: personPropertyRe.test(name) })) return element
    const after = edit(value)
    if (after === value) return element
    changed++
    // A function, not a string: `$&` or `$'` in the new value are its text, not patterns.
    return element.replace(m[0], () => `<${m[1]}${m[2]!.replace(/\s*$/, '')}>${escapeXmlText(after)}</${m[1]}>`)
  })
  return { xml, changed }
}

/**
 * The custom properties' part with the values of those not naming a person (联系电话, 文号) that
 * `edits` edits (by the value before, as read) taken from it; `done` gets the values edited.
 */
export function withCustomPropertiesEdited(customXml: string, edits: ReadonlyMap<string, string>, done: Set<string>): string {
  if (edits.size === 0) return customXml
  return withCustomValues(customXml, (p) => !p.isPerson && edits.has(p.value), (value) => {
    done.add(value)
    return edits.get(value)!
  }).xml
}

/** Reads the fields that are children of the root element (not a vector's entries) into `values`, by the local names of `fieldOf`. */
function readFields<F extends string>(xml: string, fieldOf: Readonly<Record<string, F>>, values: Map<F, string>): void {
  let depth = 0
  let field: F | undefined
  const parser = new Parser(
    {
      onopentag(name) {
        depth++
        if (depth === 2) {
          field = fieldOf[name.slice(name.indexOf(':') + 1)]
          if (field) values.set(field, '')
        }
      },
      ontext(data) {
        if (field && depth === 2) values.set(field, values.get(field)! + data)
      },
      onclosetag() {
        if (depth === 2) field = undefined
        depth--
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.end(xml)
}

/**
 * Elements whose value the inspector empties (core: the people, and what a writer types, which
 * may name them: title, subject, keywords, comments, category) and those it removes (extended),
 * by local name.
 */
const emptiedRe = /<((?:[\w.-]+:)?(?:creator|lastModifiedBy|title|subject|keywords|description|category))\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g
const removedRe = /<((?:[\w.-]+:)?(?:Company|Manager))\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/g

/**
 * The properties parts as 文档检查器 leaves them: the author and the last to save emptied, and
 * the title, subject, keywords, comments and category, with the title the extended part repeats
 * (`TitlesOfParts`); the company and manager taken out; the custom properties that name a person
 * or a unit emptied, their names kept (a template's fields still refer to them); with how many of
 * them held a value.
 */
export function clearDocumentProperties(coreXml: string | undefined, appXml: string | undefined, customXml?: string): { core: string | undefined; app: string | undefined; custom: string | undefined; cleared: number } {
  let cleared = 0
  const hadValue = (value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') cleared++
  }
  const core = coreXml?.replace(emptiedRe, (_m, name: string, attributes: string, value: string | undefined) => {
    hadValue(value)
    return `<${name}${attributes.replace(/\s*$/, '')}></${name}>`
  })
  const app = appXml
    ?.replace(removedRe, (_m, _name: string, value: string | undefined) => {
      hadValue(value)
      return ''
    })
    .replace(titlesOfPartsRe, (titles) =>
      titles.replace(vectorEntryRe, (_m, name: string, value: string) => {
        hadValue(value)
        return `<${name}></${name}>`
      }),
    )
  const custom = customXml === undefined ? undefined : withCustomValues(customXml, (p) => p.isPerson, () => '')
  return { core, app, custom: custom?.xml, cleared: cleared + (custom?.changed ?? 0) }
}
