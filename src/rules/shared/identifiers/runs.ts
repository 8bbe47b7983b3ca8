// Finds the runs of a few kinds of code units (letters and digits, digits and masks) that are
// long enough to hold an identifier, reading one code unit in every `minLength`: a run of
// `minLength` units or more holds one of those, and report text is mostly Han characters.
// A regex for such runs is tried at every position of the text (a lookbehind first, or a
// class test per unit), ~60 ms a pass over the bench corpus.

/** A table over UTF-16 code units: 1 for those of `ranges` (inclusive pairs). */
export function unitTable(...ranges: [number, number][]): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const [lo, hi] of ranges) table.fill(1, lo, hi + 1)
  return table
}

/**
 * The first run of units that `inRun` marks, at least `minLength` long, in the text from
 * `from` on (a run that began before `from` is cut there): [start, end) in UTF-16 code
 * units, or undefined when there is none.
 */
export function nextRun(text: string, from: number, minLength: number, inRun: Uint8Array): [number, number] | undefined {
  // Every span of minLength units at or after `from` holds one probe: from + minLength - 1 + k * minLength.
  for (let probe = from + minLength - 1; probe < text.length; probe += minLength) {
    if (inRun[text.charCodeAt(probe)] !== 1) continue
    let start = probe
    while (start > from && inRun[text.charCodeAt(start - 1)] === 1) start--
    let end = probe + 1
    while (end < text.length && inRun[text.charCodeAt(end)] === 1) end++
    if (end - start >= minLength) return [start, end]
    // The next run long enough starts after this one: its probe is past `end`.
    while (probe + minLength < end) probe += minLength
  }
  return undefined
}
