// The identifiers read from one pass over the runs of letters and digits, 7 long or more: a
// run's shape says which it may be (a Hong Kong identity card's number, an old permanent-
// residence card's, an old business registration number, a driving licence's file number),
// the bracket after it or the label before it which it is. One pass for all: a search for each
// label over the whole text cost more (Chinese text spends a search's time on the label's first
// character wherever it stands).
import { foreignIdAt } from './foreign-ids.js'
import { licenceNumberAt } from './licences.js'
import type { NumberContext } from './numbers.js'
import { nextRun, unitTable } from './runs.js'
import type { IdentifierHit } from './types.js'

const alnumUnits = unitTable([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a])
/** The shortest run: a Hong Kong number's body before its bracketed check (`A123456`). */
const minRun = 7
/** The longest: an old permanent-residence number a digit too long (3 letters, 13 digits). */
const maxRun = 16

/** Those identifiers of `text`, in text order; offsets in UTF-16 code units. */
export function findLabelledRuns(text: string, context: NumberContext): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let run = nextRun(text, 0, minRun, alnumUnits); run; run = nextRun(text, run[1], minRun, alnumUnits)) {
    const [start, end] = run
    if (end - start > maxRun) continue
    const hit = foreignIdAt(text, start, end, context) ?? licenceNumberAt(text, start, end, context.divisions)
    if (hit) hits.push(hit)
  }
  return hits
}
