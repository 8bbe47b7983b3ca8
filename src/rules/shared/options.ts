// Zod building blocks for the options of rule kinds, loaded on first use: a run that takes
// the built-in rules from the validated cache never loads zod at all.
import { createRequire } from 'node:module'

type ZodModule = typeof import('zod')
/** The `z` namespace of zod. */
export type Z = ZodModule['z']

const require = createRequire(import.meta.url)
let zodModule: ZodModule | undefined

/** zod's `z`, required on first call. */
export function zod(): Z {
  return (zodModule ??= require('zod') as ZodModule).z
}

/** Builds a value on first call and returns the same one after (schemas, compiled tables). */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

/** A non-empty string. */
export const text = lazy(() => zod().string().min(1, 'must not be empty'))

/** A non-empty list of non-empty strings. */
export const textList = lazy(() => zod().array(text()).min(1, 'must list at least one entry'))

/** True when `source` compiles as a RegExp with `flags`. */
export function isValidRegExp(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags)
    return true
  } catch {
    return false
  }
}

/** A regular expression source that compiles with `flags`. */
export function regexSource(flags: string) {
  return text().refine((source) => isValidRegExp(source, flags), { message: 'is not a valid regular expression' })
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
