// How far V8 lets the heap grow between full collections, for the command line's process.
import { setFlagsFromString } from 'node:v8'

/**
 * The old generation may grow by this share of the live data between two full collections
 * (V8 picks up to 300% by itself). An audit keeps little alive: the rules' tables and one
 * file's text and findings, some 30 MB; all else is garbage. Left to V8, a run over 40,000
 * files peaked at 357 MB, the heap filled with garbage between rare full collections; at 10%
 * it peaked at 223 MB, with the CPU time unchanged on the bench corpus, as the collections,
 * though more of them, find little alive to mark.
 */
const heapGrowingPercent = 10

/**
 * Sets the heap's growth for this process and the worker threads it starts. V8 reads this
 * flag each time it sets the next collection's limit, so setting it after start-up takes
 * effect; it is the command line's choice, not the library's, whose host owns its heap.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
}
