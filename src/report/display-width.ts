// How many terminal columns a text takes: East Asian wide and fullwidth characters take two.
import { eastAsianWidth } from 'get-east-asian-width'

/** Terminal columns of `text` (no escape sequences in it): East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false })
  return width
}
