// The document properties a Word package keeps beside its text (文件 → 信息 → 属性): the author
// and the last to save it in `docProps/core.xml`, the company and manager in
// `docProps/app.xml`; and what a writer types there (title, subject, keywords, comments,
// category), which a release is audited with as its text. Read for the audit, and cleared in a
// redacted copy as Word's 文档检查器 (Inspect Document) clears them.
import { Parser } from 'htmlparser2'
import type { DocumentProperty, DocumentPropertyField, DocxFileTextField } from '../core/document.js'
import { decodeXmlAttribute, relationshipsOfPart, type PartText } from './docx-package.js'

/** The two parts of document properties: core (Dublin Core and OPC) and extended (the application's). */
export interface PropertyParts {
  readonly core: string
  readonly app: string
}

/** The fields read, by the local name of their element (any namespace prefix), in the order reported. */
const fieldOfElement: Readonly<Record<string, DocumentPropertyField>> = { creator: 'creator', lastModifiedBy: 'lastModifiedBy', Company: 'company', Manager: 'manager' }
const fieldOrder: readonly DocumentPropertyField[] = ['creator', 'lastModifiedBy', 'company', 'manager']

/**
 * The parts of the package's properties: the targets of its `core-properties` and
 * `extended-properties` relationships (the last segment is the same in the transitional and the
 * strict namespaces), else their usual names.
 */
export function propertyPartsOf(read: PartText): PropertyParts {
  const relationships = relationshipsOfPart(read, '')
  const target = (type: string) => relationships.find((r) => r.type === type)?.target
  return { core: target('core-properties') ?? 'docProps/core.xml', app: target('extended-properties') ?? 'docProps/app.xml' }
}

/** The properties that hold a value, from the core and extended parts' XML (either may be missing). */
export function readDocumentProperties(coreXml: string | undefined, appXml: string | undefined): DocumentProperty[] {
  const values = new Map<DocumentPropertyField, string>()
  for (const xml of [coreXml, appXml]) if (xml !== undefined) readFields(xml, fieldOfElement, values)
  return fieldOrder.flatMap((field) => {
    const value = values.get(field)?.replace(/\s+/g, ' ').trim()
    return value ? [{ field, value }] : []
  })
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
 * differ from the core's title, as titles. A title that names the party (`陈志远违法建设案处罚决定书`)
 * is read by anyone who opens the file.
 */
export function readPropertyTexts(coreXml: string | undefined, appXml: string | undefined): { field: PropertyTextField; value: string }[] {
  const values = new Map<PropertyTextField, string>()
  if (coreXml !== undefined) readFields(coreXml, textFieldOfElement, values)
  const texts = textFieldOrder.flatMap((field) => {
    const value = values.get(field)?.replace(/\s+/g, ' ').trim()
    return value ? [{ field, value }] : []
  })
  const titles = titlesOfPartsRe.exec(appXml ?? '')?.[2] ?? ''
  for (const m of titles.matchAll(vectorEntryRe)) {
    const value = decodeXmlAttribute(m[2]!).replace(/\s+/g, ' ').trim()
    if (value && !texts.some((t) => t.field === 'title' && t.value === value)) texts.push({ field: 'title', value })
  }
  return texts
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
 * (`TitlesOfParts`); the company and manager taken out; with how many of them held a value.
 */
export function clearDocumentProperties(coreXml: string | undefined, appXml: string | undefined): { core: string | undefined; app: string | undefined; cleared: number } {
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
  return { core, app, cleared }
}
