// Where a short name of the gazetteer (灵武, 中街) may end in a text, asked before looking one
// up: a table of the last two characters of the short names, with the levels of their units.
// The places scan looks for short names before every suffix and landmark it reads, and most
// characters there end none; the table answers for every length at once.
import type { Gazetteer } from '../../nlp/gazetteer.js'
import { pairSlot, pairTableSize } from './first-char-index.js'

/** The ends of a gazetteer's short names. It may say yes wrongly, never no. */
export class ShortNameEnds {
  /** Per slot, bit `1 << level` for each level of unit whose short name ends with a pair of that slot. */
  private readonly levels = new Uint8Array(pairTableSize)

  constructor(gazetteer: Gazetteer) {
    // Short names have two characters at least; a shorter one is never looked up.
    gazetteer.forEachShortNameEnd((beforeLast, last, levels) => {
      this.levels[pairSlot(beforeLast, last)]! |= levels
    })
  }

  /** False when no short name of a unit of the levels in `levels` (bits `1 << level`) ends at `end` in `text`. */
  mayEndAt(text: string, end: number, levels: number): boolean {
    return end >= 2 && (this.levels[pairSlot(text.charCodeAt(end - 2), text.charCodeAt(end - 1))]! & levels) !== 0
  }
}

/** Every level of unit that has a short name: provinces (1) to towns (4). */
export const anyLevel = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4)
