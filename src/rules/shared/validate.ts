// Schema validation with errors that name the file, line, column, key path and a close match.
import type { z } from 'zod'
import { ConfigError } from '../../core/errors.js'
import { localText, type LocalText } from '../../i18n/catalogue.js'
import { zod } from './options.js'
import { suggestName } from '../../core/suggest-name.js'
import type { SourceRef } from '../types.js'

/** Renders a key path as `rules.count/unfilled.units[2]`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += (out ? '.' : '') + String(key)
  }
  return out
}

/**
 * Validates `raw` against `schema`; on failure throws one ConfigError for the first issue,
 * located in the source file where possible.
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, raw: unknown, at: SourceRef, basePath: readonly (string | number)[] = []): T {
  // The input goes with each issue, so a library message can say what was given.
  const result = schema.safeParse(raw, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = [...basePath, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')]
  let message: LocalText
  let hint: LocalText | undefined
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!
    path.push(key)
    message = localText('error.unknown-key', { key })
    const known = knownKeys(schema, issue.path)
    const near = suggestName(key, known)
    hint = near ? localText('hint.did-you-mean', { name: near }) : known.length ? localText('hint.known-keys', { names: known }) : undefined
  } else if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    // An enum (severity, profile): name the bad value and the close one, as for keys.
    const value = valueAt(raw, issue.path)
    const allowed = issue.values as string[]
    const near = typeof value === 'string' ? suggestName(value, allowed) : undefined
    message = localText('error.unknown-value', { value: JSON.stringify(value) ?? 'undefined' })
    hint = near ? localText('hint.did-you-mean', { name: near }) : localText('hint.one-of', { names: allowed })
  } else {
    message = localText('error.schema-issue', { detail: { worded: wordings(issue) } })
  }
  const where = at.locate?.(path)
  throw new ConfigError(message, { path: at.path, line: where?.line, column: where?.column, keyPath: formatKeyPath(path) || undefined }, hint)
}

/**
 * An issue's message in each language: zod's own wording in its English and Chinese locales
 * (`expected number, received string`), or the message a schema gave (`must not be empty`),
 * which is English only.
 */
function wordings(issue: z.core.$ZodIssue): { en: string; zh: string } {
  const z = zod()
  const raw = issue as unknown as Parameters<ReturnType<typeof z.locales.en>['localeError']>[0]
  const en = wordOf(z.locales.en().localeError(raw))
  if (en === undefined || en !== issue.message) return { en: issue.message, zh: issue.message }
  const strip = (s: string) => s.replace(/^Invalid input: |^无效输入：/, '')
  return { en: strip(en), zh: strip(wordOf(z.locales.zhCN().localeError(raw)) ?? en) }
}

function wordOf(result: string | { message: string } | undefined | null): string | undefined {
  return typeof result === 'string' ? result : (result?.message ?? undefined)
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = unwrap(schema)
  for (const key of path) {
    const shape = (node as { shape?: Record<string, unknown> }).shape
    const def = (node as { _zod?: { def?: { type?: string; element?: unknown; valueType?: unknown } } })._zod?.def
    if (typeof key === 'number') node = def?.type === 'array' ? def.element : undefined
    else node = shape ? shape[String(key)] : def?.type === 'record' ? def.valueType : undefined
    if (node === undefined) return []
    node = unwrap(node)
  }
  const shape = (node as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

/** Looks through optional, default and preprocess wrappers to the schema that holds the keys. */
function unwrap(node: unknown): unknown {
  for (;;) {
    const def = (node as { _zod?: { def?: { type?: string; innerType?: unknown; out?: unknown } } })._zod?.def
    if (def?.type === 'optional' || def?.type === 'default' || def?.type === 'nullable') node = def.innerType
    else if (def?.type === 'pipe') node = def.out
    else return node
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number | symbol, unknown>)[key as string] : undefined
  return node
}
