// Searches by halves in ascending sequences: the first index whose value is not below a bound.

/** The first index in [0, length) whose `valueAt` is at least `bound` (`length` when none is); values ascend. */
export function lowerBound(length: number, valueAt: (index: number) => number, bound: number): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (valueAt(mid) < bound) lo = mid + 1
    else hi = mid
  }
  return lo
}
