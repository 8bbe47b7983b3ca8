// "Did you mean ...?": the closest known name to a mistyped one.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The candidate closest to `word`, when it is close enough to be a typo of it. */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined
  // Required on use: only an invalid config or rule file needs it.
  const { closest, distance } = require('fastest-levenshtein') as typeof import('fastest-levenshtein')
  const best = closest(word, candidates as string[])
  const d = distance(word, best)
  // A name every character of which would change is no typo of it (`fr` for `zh`).
  return d <= Math.max(2, Math.floor(best.length / 3)) && d < Math.max(word.length, best.length) ? best : undefined
}
