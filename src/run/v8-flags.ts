// V8's flags for a run over many files: how far the heap grows between full collections, and
// how much code the optimizing compiler inlines. Set at run time, once a batch is known large.
import { createRequire } from 'node:module'

/**
 * The old generation may grow by this share of the live data between two full collections
 * (V8 picks up to 300% by itself). An audit keeps little alive: the rules' tables and one
 * file's text and findings; the rest is garbage. Left to V8, a run over 40,000 files peaked at
 * 404 MB, the heap filled with garbage between rare full collections; at 10% it peaked at
 * 230 MB, the CPU time unchanged, as the collections, though more, find little alive to mark.
 */
const heapGrowingPercent = 10

/**
 * Bytecode TurboFan may inline into one optimized function, in all (V8's default is 920). A
 * large batch compiles about a thousand hot functions, on V8's threads beside the audit; the
 * rules' code is many small functions, each called from many places, so inlining them all
 * again into every caller cost more compiling than it saved running. Measured on the bench
 * corpus in runs paired with the default (6 pairs each): every rule 390 ± 70 ms less CPU
 * (8%), the leak rules off 80 ± 30 ms less, `--jobs 2` 850 ± 200 ms less CPU and 430 ± 100 ms
 * less wall time. 450 saved less; 100 and 200 no more.
 */
const maxInlinedBytecode = 300

let isTuned = false

/**
 * Sets the flags above for the rest of this process's life, its worker threads included: V8
 * reads them each time it sets the next collection's limit or optimizes a function. Only for
 * large batches: loading node:v8 costs a run on one small file ~10 ms, for nothing there.
 */
export function tuneForLargeBatch(): void {
  if (isTuned) return
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8')
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${maxInlinedBytecode}`)
  isTuned = true
}

/** False once this process changed V8's flags: a code cache made now would be rejected by the next run. */
export function isCodeCacheable(): boolean {
  return !isTuned
}
