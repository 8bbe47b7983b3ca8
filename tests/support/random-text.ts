// Seeded random text for the tests that compare a fast scan with the simple way: the same
// texts on every run, so a failure can be replayed.

/** A function giving `length` characters (code points) drawn from `alphabet`, the same sequence for the same seed. */
export function randomTextOf(alphabet: string | readonly string[], seed: number): (length: number) => string {
  const chars = [...alphabet]
  let state = seed
  return (length) => {
    let s = ''
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      s += chars[(state >>> 16) % chars.length]
    }
    return s
  }
}
