// Reads and writes baseline files (JSON), validated so that a damaged one is one clear error.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import type { BaselineData } from '../core/baseline.js'
import { ConfigError } from '../core/errors.js'
import { parseWithSchema } from '../rules/shared/validate.js'
import { parseYaml } from '../rules/shared/yaml-source.js'
import { lazy, zod } from '../rules/shared/options.js'
import type { SourceRef } from '../rules/types.js'
import { writeFileAtomic } from './write.js'

// node:crypto is required on use, so a plain `check` does not load it.
const require = createRequire(import.meta.url)
const randomBytes = (size: number): Buffer => (require('node:crypto') as typeof import('node:crypto')).randomBytes(size)

/** The baseline file's schema, built on first use (zod loads only when a baseline is read). */
const baselineSchema = lazy(() => {
  const z = zod()
  const entrySchema = z.strictObject({
    ruleId: z.string().min(1),
    fingerprint: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits'),
    // Written since the side prints came in; a baseline without them is still read.
    before: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits').optional(),
    after: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits').optional(),
    text: z.string().optional(),
    count: z.number().int().min(1),
  })
  return z.strictObject({
    schemaVersion: z.literal(1),
    tool: z.literal('mask-audit').optional(),
    salt: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits'),
    files: z.record(z.string(), z.array(entrySchema)),
  })
})

/** Reads and validates the baseline at `path`; every failure is a ConfigError naming it. */
export function readBaseline(path: string): BaselineData {
  let text: string
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(code === 'ENOENT' ? localText('error.no-baseline') : localText('error.cannot-read-baseline', { reason: code ?? String(error) }), { path }, code === 'ENOENT' ? localText('error.no-baseline.hint') : undefined)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(localText('error.bad-baseline', { reason: (error as Error).message }), { path }, localText('error.bad-baseline.hint'))
  }
  const parsed = parseWithSchema(baselineSchema(), data, locatorOf(text, path))
  return { schemaVersion: 1, salt: parsed.salt, files: parsed.files }
}

/** Locates key paths for error messages (JSON is YAML); without a locator when YAML disagrees. */
function locatorOf(text: string, path: string): SourceRef {
  try {
    return parseYaml(text, path).source
  } catch {
    return { path }
  }
}

/** The salt of an existing baseline (so a rewrite keeps its fingerprints), or a new random one. */
export function baselineSalt(path: string): string {
  try {
    return readBaseline(path).salt
  } catch {
    return randomBytes(16).toString('hex')
  }
}

/** Writes a baseline atomically, as stable, diffable JSON. */
export function writeBaseline(path: string, data: BaselineData): void {
  const json = JSON.stringify({ schemaVersion: data.schemaVersion, tool: 'mask-audit', salt: data.salt, files: data.files }, null, 2) + '\n'
  writeFileAtomic(path, Buffer.from(json, 'utf8'))
}

/** Maps a document path to its key in the baseline at `baselinePath`: relative to its folder, with `/`. */
export function baselineKeyer(baselinePath: string): (path: string) => string {
  const base = dirname(resolve(baselinePath))
  return (path) => relative(base, resolve(path)).split(sep).join('/')
}
