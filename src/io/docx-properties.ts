// The document properties a Word package keeps beside its text (文件 → 信息 → 属性): the author
// and the last to save it in `docProps/core.xml`, the company and manager in
// `docProps/app.xml`. Read for the audit, and cleared in a redacted copy as Word's 文档检查器
// (Inspect Document) clears them.
import { Parser } from 'htmlparser2'
import type { DocumentProperty, DocumentPropertyField } from '../core/document.js'
import { relationshipsOfPart, type PartText } from './docx-package.js'

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
  for (const xml of [coreXml, appXml]) if (xml !== undefined) readFields(xml, values)
  return fieldOrder.flatMap((field) => {
    const value = values.get(field)?.replace(/\s+/g, ' ').trim()
    return value ? [{ field, value }] : []
  })
}

/** Reads the fields that are children of the root element (not a vector's entries) into `values`. */
function readFields(xml: string, values: Map<DocumentPropertyField, string>): void {
  let depth = 0
  let field: DocumentPropertyField | undefined
  const parser = new Parser(
    {
      onopentag(name) {
        depth++
        if (depth === 2) {
          field = fieldOfElement[name.slice(name.indexOf(':') + 1)]
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

/** Elements whose value the inspector empties (core) and those it removes (extended), by local name. */
const emptiedRe = /<((?:[\w.-]+:)?(?:creator|lastModifiedBy))\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g
const removedRe = /<((?:[\w.-]+:)?(?:Company|Manager))\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/g

/**
 * The properties parts as 文档检查器 leaves them: the author and the last to save emptied, the
 * company and manager taken out; with how many of them held a value.
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
  const app = appXml?.replace(removedRe, (_m, _name: string, value: string | undefined) => {
    hadValue(value)
    return ''
  })
  return { core, app, cleared }
}
