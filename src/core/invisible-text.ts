// Spaces and invisible characters named by code point, where a message or a suggestion made
// only of them would print as nothing (`&nbsp;` stands for U+00A0).

/** Runs of one space or invisible character: soft hyphen, zero-width and directional marks, word joiner, BOM. */
const invisibleRunRe = /([\s\u00ad\u200b-\u200f\u2060\ufeff])\1*/gu
/** Only such characters, at least one. */
const onlyInvisibleRe = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]+$/u

/** `text` with each run of a space or an invisible character named by code point, a run of more than one as `U+00A0×4`. */
export function nameInvisibles(text: string): string {
  return text.replace(invisibleRunRe, (run, char: string) => {
    const name = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    return run.length > 1 ? `${name}×${run.length}` : name
  })
}

/**
 * A finding's suggestion as a reader can see it: one made only of spaces and invisible
 * characters named by code point (`U+00A0`), any other as written (its spaces among words are
 * seen). The empty suggestion (delete) is the caller's to word.
 */
export function visibleSuggestion(suggestion: string): string {
  return onlyInvisibleRe.test(suggestion) ? nameInvisibles(suggestion) : suggestion
}
