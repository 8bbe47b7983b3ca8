// How far V8 lets the heap grow between full collections, in a run over many files.
import { createRequire } from 'node:module'

/**
 * The old generation may grow by this share of the live data between two full collections
 * (V8 picks up to 300% by itself). An audit keeps little alive: the rules' tables and one
 * file's text and findings; the rest is garbage. Left to V8, a run over 40,000 files peaked at
 * 404 MB, the heap filled with garbage between rare full collections; at 10% it peaked at
 * 230 MB, the CPU time unchanged, as the collections, though more, find little alive to mark.
 */
const heapGrowingPercent = 10

let isBounded = false

/**
 * Bounds the heap's growth for the rest of this process's life, its worker threads included:
 * V8 reads the flag each time it sets the next collection's limit. Only for large batches:
 * loading node:v8 costs a run on one small file ~10 ms, for nothing there.
 */
export function boundHeapGrowth(): void {
  if (isBounded) return
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8')
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  isBounded = true
}

/** False once this process changed V8's flags: a code cache made now would be rejected by the next run. */
export function isCodeCacheable(): boolean {
  return !isBounded
}
