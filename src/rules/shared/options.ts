// Zod building blocks for the options of rule kinds.
import { z } from 'zod'

/** A non-empty string. */
export const text = z.string().min(1, 'must not be empty')

/** A non-empty list of non-empty strings. */
export const textList = z.array(text).min(1, 'must list at least one entry')

/** A regular expression source that compiles (with the `u` flag when asked). */
export function regexSource(flags: string) {
  return text.refine(
    (source) => {
      try {
        new RegExp(source, flags)
        return true
      } catch {
        return false
      }
    },
    { message: 'is not a valid regular expression' },
  )
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An alternation of literals, longest first so that the longest unit wins. */
export function literalAlternation(literals: readonly string[]): string {
  return [...new Set(literals)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')
}
