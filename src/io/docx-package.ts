// The parts of a Word package and the relationships that name them; the whole package read
// and written back, for the commands that write a copy (annotate, redact).
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { InputError } from '../core/errors.js'

/** The most a whole package may inflate to: a report with its pictures, not a zip bomb. */
const maxPackageBytes = 1024 * 1024 * 1024

/** The body's relationships: which part holds its comments, styles, headers. */
export const bodyRelsPart = 'word/_rels/document.xml.rels'

/**
 * The part the body's relationship of `type` names (`word/comments.xml`, `word/styles.xml`, or
 * whatever the writing program called it), else `fallback`, the usual name.
 */
export function partOfRelationship(files: Record<string, Uint8Array>, type: string, fallback: string): string {
  const rels = files[bodyRelsPart] ? strFromU8(files[bodyRelsPart]) : ''
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!m[0].includes(`Type="${type}"`)) continue
    const target = /Target="([^"]+)"/.exec(m[0])?.[1]
    if (target) return target.startsWith('/') ? target.slice(1) : `word/${target}`
  }
  return fallback
}

/** Every part of a package, by name; throws InputError for a corrupt one or a zip bomb. */
export function unzipPackage(bytes: Uint8Array, path: string): Record<string, Uint8Array> {
  let total = 0
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize
        if (total > maxPackageBytes) throw new Error(`the package would inflate to more than ${maxPackageBytes} bytes`)
        return true
      },
    })
  } catch (error) {
    throw new InputError(`corrupt .docx: ${error instanceof Error ? error.message : String(error)}`, { path })
  }
}

/** The package's bytes. Media are stored, not deflated again: they are compressed already. */
export function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {}
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { level: /\.(xml|rels)$/i.test(name) ? 6 : 0 }]
  return zipSync(entries)
}
