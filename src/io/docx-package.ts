// The parts of a Word package and the relationships that name them.
import { strFromU8 } from 'fflate'

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
