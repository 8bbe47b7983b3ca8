// A rule file's list of alternatives joined into one alternation, tried in order. Alternatives in
// a row that open with the same lookbehind (`(?<=^[ \t]*)…`, chrome alone on its line) share one
// copy of it: V8 skips an alternative by its first characters, but one that opens with an
// assertion is tried, each on its own, at every position the search stops at (thirty such
// alternatives cost page residue a third more time on the bench corpus, shared one lookbehind
// nothing). At any position the shared lookbehind holds for all of them or for none, so the
// alternation matches what it did, in the same order.

/** One alternation of `patterns`, each in its own group so that `|` inside one stays inside it. */
export function joinAlternatives(patterns: readonly string[]): string {
  const runs: { lookbehind: string | undefined; rests: string[] }[] = []
  for (const pattern of patterns) {
    const lookbehind = sharableLookbehindOf(pattern)
    const last = runs[runs.length - 1]
    if (lookbehind !== undefined && last?.lookbehind === lookbehind) last.rests.push(pattern.slice(lookbehind.length))
    else runs.push(lookbehind === undefined ? { lookbehind, rests: [pattern] } : { lookbehind, rests: [pattern.slice(lookbehind.length)] })
  }
  return runs
    .map(({ lookbehind, rests }) => (lookbehind === undefined || rests.length === 1 ? `(?:${lookbehind ?? ''}${rests[0]})` : `(?:${lookbehind}(?:${rests.map((r) => `(?:${r})`).join('|')}))`))
    .join('|')
}

/**
 * The lookbehind `pattern` opens with, when the rest of it may share it: the rest holds no `|`
 * outside groups (which the lookbehind would then guard too), and the lookbehind captures nothing
 * (sharing it would renumber the groups after it).
 */
function sharableLookbehindOf(pattern: string): string | undefined {
  if (!pattern.startsWith('(?<=')) return undefined
  const end = closingParenOf(pattern, 0)
  if (end < 0) return undefined
  const lookbehind = pattern.slice(0, end + 1)
  if (hasCapturingGroup(lookbehind.slice(1)) || hasTopLevelBar(pattern.slice(end + 1))) return undefined
  return lookbehind
}

/** A group that is no capture opens with one of these after its `(`. */
const nonCapturingOpenRe = /^\?(?::|=|!|<=|<!)/

/** True when `source` opens a capturing group (numbered or named) outside classes. */
function hasCapturingGroup(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') i = classEndOf(source, i)
    else if (c === '(' && !nonCapturingOpenRe.test(source.slice(i + 1, i + 4))) return true
  }
  return false
}

/** The index of the `)` closing the group opened at `open`, or -1; escapes and classes skipped. */
function closingParenOf(source: string, open: number): number {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') i = classEndOf(source, i)
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

/** True when `source` holds a `|` outside every group and class. */
function hasTopLevelBar(source: string): boolean {
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') i = classEndOf(source, i)
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return true
  }
  return false
}

/** The index of the `]` closing the class opened at `open` (the end of `source` when none). */
function classEndOf(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === ']') return i
  }
  return source.length
}
