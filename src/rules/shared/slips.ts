// Typing slips that turn a short fixed formulation into no word at all: a character typed twice
// inside it (高质量量发展), one dropped from its middle (高质发展), or an input method's homophone
// picked for one or two characters (两个维户, 社会注意思想); before punctuation, one dropped before
// the end (新质生力，); inside quotes, a character after the numeral changed for one read nearly
// alike (“四个意思”).
// Offsets in UTF-16 code units.

/**
 * Characters read (or written) alike, each mapped to the numbers of its groups: `['化华话', '护户']`
 * → 化 [0], 华 [0], 护 [1] …; a character read two ways stands in a group for each reading.
 */
export type Homophones = ReadonlyMap<string, readonly number[]>

/** The groups as a map; throws on a character listed in two groups (the caller's schema reports it). */
export function indexHomophones(groups: readonly string[]): Homophones {
  const index = new Map<string, number[]>()
  groups.forEach((group, i) => {
    for (const c of group) {
      const known = index.get(c)
      if (known && !known.includes(i)) throw new Error(`${c} is in two groups`)
      index.set(c, [i])
    }
  })
  return index
}

/**
 * Groups of characters by their reading (`{ hua: 化华话, xi: 习系 }`), numbered after `after`
 * groups given before them: a character under two readings (a polyphone) is in both groups.
 */
export function indexReadings(readings: Readonly<Record<string, string>>, base: Homophones = new Map(), after = 0): Homophones {
  const index = new Map<string, number[]>([...base].map(([c, groups]) => [c, [...groups]]))
  Object.values(readings).forEach((group, i) => {
    for (const c of group) index.set(c, [...(index.get(c) ?? []), after + i])
  })
  return index
}

/** True when `a` and `b` share a group of `homophones`. */
function isReadAlike(homophones: Homophones, a: string, b: string): boolean {
  const ga = homophones.get(a)
  const gb = ga && homophones.get(b)
  return gb !== undefined && ga!.some((g) => gb.includes(g))
}

/**
 * True when text[start, start + phrase.length) is `phrase` with 1 to `maxChanged` adjacent
 * characters each changed for one read alike (社会注意思想 for 社会主义思想: 注/主, 意/义).
 */
export function isHomophoneSwap(text: string, start: number, phrase: string, homophones: Homophones, maxChanged: number): boolean {
  // Characters compared as code units first: most windows differ in more places, or apart,
  // and are rejected before any lookup.
  let first = -1
  let changed = 0
  for (let i = 0; i < phrase.length; i++) {
    if (text.charCodeAt(start + i) === phrase.charCodeAt(i)) continue
    if ((first >= 0 && i !== first + changed) || ++changed > maxChanged) return false
    if (first < 0) first = i
  }
  if (changed === 0) return false
  for (let i = first; i < first + changed; i++) if (!isReadAlike(homophones, phrase[i]!, text[start + i]!)) return false
  return true
}

/**
 * True when text[start, start + phrase.length + 1) is `phrase` with one of its inner characters
 * typed twice (高质量量发展). Not its first or last: 提高 + 高质量发展 and 高质量发展 + 展望 hold
 * those doubled, correctly.
 */
export function isInnerDoubling(text: string, start: number, phrase: string): boolean {
  let p = 0
  while (p < phrase.length && text[start + p] === phrase[p]) p++
  // The extra character is at p, a copy of the one before it: phrase[p - 1], inner.
  if (p < 2 || p > phrase.length - 1 || text[start + p] !== phrase[p - 1]) return false
  return text.startsWith(phrase.slice(p), start + p + 1)
}

/**
 * True when text[start, start + phrase.length - 1) is `phrase` with one character dropped that
 * has two on each side (高质发展 for 高质量发展): a drop next to an end leaves a window that the
 * next word may complete (高质量展 + 示).
 */
export function isInnerDrop(text: string, start: number, phrase: string): boolean {
  let p = 0
  while (p < phrase.length - 1 && text[start + p] === phrase[p]) p++
  if (p < 2 || p > phrase.length - 3) return false
  return text.startsWith(phrase.slice(p + 1), start + p)
}

/** Punctuation that ends a phrase: no next word continues the text across it. */
const phraseEndRe = /[，。；、！？：,.;:!?）)】」』”’》〉…—]/

/**
 * True when text[start, start + phrase.length - 1) is `phrase` of five or more characters with
 * its last but one character dropped and a punctuation mark after it (新质生力， for 新质生产力):
 * no next word can complete the window there, as 高质量展 + 示 does inside a sentence. Not a line
 * break: a wrapped paragraph goes on after it (新质生力⏎军). Not a phrase of four (an idiom): its
 * first two and last make words of their own (要求真实，, 攻坚难). Not the second beside a start:
 * the rest is often a word of its own (“新生产力” of 新质生产力).
 */
export function isDropBeforePunctuation(text: string, start: number, phrase: string): boolean {
  const n = phrase.length
  const end = start + n - 1
  if (n < 5 || !phraseEndRe.test(text[end] ?? '')) return false
  return text.startsWith(phrase.slice(0, n - 2), start) && text[end - 1] === phrase[n - 1]
}

/** A numbered formulation (两个确立, 五位一体): an idiom in quotes (“按部就班”) is quoted as a saying, not named. */
const numeralRe = /^[一两二三四五六七八九十]/

/** Opening quotation marks, each with its closing one. */
const quotePairs: ReadonlyMap<string, string> = new Map([['“', '”'], ['「', '」'], ['『', '』'], ['"', '"'], ['‘', '’']])

/**
 * True when text[start, start + phrase.length) is `phrase` with one character changed after its
 * first two for one `readAlike` groups with it, and the window stands alone inside quotes
 * (“四个意思” for 四个意识, 思/识): a quoted numbered formulation is named as one, so a word read
 * nearly alike put in its place (意思) is a slip even where the word exists. Another word is a
 * phrase of its own (“四个自我”, “两个维度”), and another numeral another formulation.
 */
export function isQuotedSubstitution(text: string, start: number, phrase: string, readAlike: Homophones): boolean {
  if (!numeralRe.test(phrase)) return false
  const end = start + phrase.length
  const close = quotePairs.get(text[start - 1] ?? '')
  if (close === undefined || text[end] !== close) return false
  let changed = -1
  for (let i = 0; i < phrase.length; i++) {
    if (text.charCodeAt(start + i) === phrase.charCodeAt(i)) continue
    if (i < 2 || changed >= 0) return false
    changed = i
  }
  return changed >= 0 && isReadAlike(readAlike, phrase[changed]!, text[start + changed]!)
}

/**
 * True when text[start, start + phrase.length + 2) is `phrase` with a word of two of its
 * characters typed twice, inside it or at its end (中国特色特色社会主义, 高质量质量发展,
 * 中国特色社会主义主义): inside a fixed formulation no word is said twice. Not its first two:
 * 中国中国特色 is the repeated word of a sentence, not of the formulation.
 */
export function isWordDoubling(text: string, start: number, phrase: string): boolean {
  const n = phrase.length
  let p = 0
  while (p < n && text.charCodeAt(start + p) === phrase.charCodeAt(p)) p++
  // The copy starts at q, where the text first differs from the phrase or up to two before (the
  // copy's first characters may be the phrase's next ones). Compared in place: this runs for each anchor found.
  for (let q = Math.min(p, n); q >= Math.max(3, p - 2); q--) {
    if (isCopyAt(text, start, phrase, q)) return true
  }
  return false
}

/** True when text from `start` is phrase[0, q) + phrase[q - 2, q) + phrase[q, n), given the first q match. */
function isCopyAt(text: string, start: number, phrase: string, q: number): boolean {
  for (let i = 0; i < 2; i++) if (text.charCodeAt(start + q + i) !== phrase.charCodeAt(q - 2 + i)) return false
  for (let j = q; j < phrase.length; j++) if (text.charCodeAt(start + j + 2) !== phrase.charCodeAt(j)) return false
  return true
}

/** The shortest formulation a dropped word of two characters is looked for in: shorter ones less a word are other phrases (中国社会主义). */
export const minWordDropLength = 12

/**
 * True when text[start, start + phrase.length - 2) is `phrase` of {@link minWordDropLength} or
 * more characters with two adjacent ones dropped, three kept before them and two after
 * (习近平新时代中国特色社会思想: 主义 dropped): the head anchor that found the window stays whole.
 */
export function isInnerWordDrop(text: string, start: number, phrase: string): boolean {
  const n = phrase.length
  if (n < minWordDropLength) return false
  let p = 0
  while (p < n - 2 && text.charCodeAt(start + p) === phrase.charCodeAt(p)) p++
  if (p < 3 || p > n - 4) return false
  for (let j = p + 2; j < n; j++) if (text.charCodeAt(start + j - 2) !== phrase.charCodeAt(j)) return false
  return true
}
