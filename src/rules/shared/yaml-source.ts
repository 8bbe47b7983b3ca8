// Parses YAML text into plain data plus a locator from key paths to line/column.
import { localText } from '../../i18n/catalogue.js'
import { createRequire } from 'node:module'
import type { Node } from 'yaml'
import { ConfigError } from '../../core/errors.js'
import type { SourceRef } from '../types.js'

/** Plain data of a YAML file and a SourceRef that locates key paths in it. */
export interface ParsedYaml {
  readonly data: unknown
  readonly source: SourceRef
}

type YamlModule = typeof import('yaml')
const require = createRequire(import.meta.url)
let yamlModule: YamlModule | undefined

/** Parses `text` (from `path`); a syntax error becomes a ConfigError with its position. */
export function parseYaml(text: string, path: string): ParsedYaml {
  // Loaded on first use: runs on cached built-in rules parse no YAML.
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = (yamlModule ??= require('yaml') as YamlModule)
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) {
    const pos = lineCounter.linePos(error.pos[0])
    throw new ConfigError(localText('error.invalid-yaml', { reason: error.message.split('\n')[0]! }), { path, line: pos.line, column: pos.col })
  }
  const locate = (keyPath: readonly (string | number)[]) => {
    let node: Node | null = doc.contents
    let last: Node | null = node
    for (const key of keyPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key)
        node = pair ? ((pair.value as Node | null) ?? (pair.key as Node)) : null
      } else if (isSeq(node) && typeof key === 'number') {
        node = (node.items[key] as Node | undefined) ?? null
      } else node = null
      if (!node) break
      last = node
    }
    const offset = last?.range?.[0]
    if (offset === undefined) return undefined
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  return { data: doc.toJS(), source: { path, locate } }
}
