// The village files of the gazetteer as the index reads them: each file's text as UTF-16 code
// units and the offsets of its entries, outside the JavaScript heap. They live in one region
// of shared memory (a table of core/shared-tables.ts), filled a file at a time by whichever
// thread needs the file first: worker threads each kept their own copies before, up to 23 MB
// each when a batch names villages everywhere. The region is reserved, not written, up front:
// the system gives it pages only as files are written into it. A run in one thread shares
// nothing and keeps its files in arrays of its own.
import { tableWhenShared } from '../core/shared-tables.js'

/**
 * The text an index reads its entries from: a string, or the UTF-16 code units of one
 * ({@link UnitsText}). `indexOf` is asked for one character only.
 */
export interface IndexText {
  charCodeAt(at: number): number
  indexOf(char: string, from: number): number
  slice(start: number, end?: number): string
}

/** Where each entry of an index's text starts, and where its name ends (the first tab). */
export interface EntryOffsets {
  readonly starts: Int32Array
  readonly tabs: Int32Array
}

/** One village file, indexed: its text and the offsets of its entries. */
export interface VillageBucket {
  readonly text: IndexText
  readonly offsets: EntryOffsets
}

/** UTF-16 code units read as a string would be: a village file's text, kept outside the heap. */
class UnitsText implements IndexText {
  constructor(private readonly units: Uint16Array) {}

  charCodeAt(at: number): number {
    return at >= 0 && at < this.units.length ? this.units[at]! : NaN
  }

  indexOf(char: string, from: number): number {
    return this.units.indexOf(char.charCodeAt(0), Math.max(0, from))
  }

  slice(start: number, end: number = this.units.length): string {
    const { buffer, byteOffset } = this.units
    return Buffer.from(buffer, byteOffset + start * 2, (end - start) * 2).toString('utf16le')
  }
}

/** The entries of a gazetteer file's text: its lines, but for comments (`#`) and empty ones. */
export function entryOffsets(text: string): EntryOffsets {
  const starts: number[] = []
  const tabs: number[] = []
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at)
    const end = nl < 0 ? text.length : nl
    if (text.charCodeAt(at) !== 0x23 /* # */ && end > at) {
      starts.push(at)
      tabs.push(text.indexOf('\t', at))
    }
    at = end + 1
  }
  return { starts: Int32Array.from(starts), tabs: Int32Array.from(tabs) }
}

/** The village files: names bucketed by the code unit before their suffix, modulo this. */
export const villageBucketCount = 64

/**
 * Bytes reserved for the files: all 64 take 23.4 MB (19.5 MB of text, 3.9 MB of offsets). A
 * file that does not fit in what is left (the data grew) is kept by each thread for itself.
 */
const regionBytes = 32 << 20

/**
 * A file's state in the region, one Int32 each after the count of bytes used: not read, being
 * read by some thread, kept apart (too big), or written: then the byte offset of its block,
 * which is past the head and so never one of the three. A block holds the text's length in
 * code units and the number of entries (two Int32s), the text, padded to 4 bytes, then the
 * entries' starts and their tabs. Each writer fills a block of its own and publishes it with
 * one compare-and-swap of the state, so a reader never sees a block half written, even when
 * a thread took over a file from a writer that was only slow and both finish.
 */
const empty = 0
const loading = 1
const apart = 2
const headInts = 1 + villageBucketCount
const headBytes = headInts * 4
const blockHeadBytes = 8

/**
 * How long a thread waits for another to write a file (some milliseconds) before taking the
 * file over: the writer may have died (a worker out of memory), leaving the file marked.
 */
const defaultWaitMs = 2_000

/**
 * The region, made only where threads share it. A run in one thread keeps its files in arrays
 * of its own: on a 1 GB corpus in one thread, the files in the region let the peak grow by
 * 28 MB (the same bytes; V8 collected later, counting no new memory outside its heap).
 */
const region = tableWhenShared('gazetteer/villages', () => new Uint8Array(new SharedArrayBuffer(regionBytes)))

/**
 * Village file `bucket`, indexed: from the region this thread shares, if some thread wrote it
 * there, else read with `readText` (the file's text) and written there for the other threads;
 * in a thread that shares no region, read and kept for itself.
 */
export function villageBucketOf(bucket: number, readText: (bucket: number) => string): VillageBucket {
  const bytes = region()
  return bytes ? villageBucketIn(bytes, bucket, readText) : copyOutside(readText(bucket))
}

/** {@link villageBucketOf} in the region `bytes` (zeroed when new; 4-byte aligned). */
export function villageBucketIn(bytes: Uint8Array, bucket: number, readText: (bucket: number) => string, waitMs = defaultWaitMs): VillageBucket {
  const head = new Int32Array(bytes.buffer, bytes.byteOffset, headInts)
  const state = 1 + bucket
  for (;;) {
    const now = Atomics.load(head, state)
    if (now > apart) return blockAt(bytes, now)
    if (now === apart) return copyOutside(readText(bucket))
    if (now === loading) {
      // Taken over after the wait: marked empty again, for this thread (or another) to write.
      if (Atomics.wait(head, state, loading, waitMs) === 'timed-out') Atomics.compareExchange(head, state, loading, empty)
      continue
    }
    if (Atomics.compareExchange(head, state, empty, loading) !== empty) continue
    // This thread writes the file. However this ends, the state leaves `loading` (unless another
    // thread took the file over meanwhile) and waiting threads are woken: back to empty if
    // reading failed, so that another thread tries and reports the error.
    let next = empty
    try {
      const text = readText(bucket)
      const offsets = entryOffsets(text)
      const at = reserve(head, blockHeadBytes + ((text.length * 2 + 3) & ~3) + offsets.starts.length * 8, bytes.length)
      if (at === undefined) {
        next = apart
        return copyOutside(text, offsets)
      }
      writeBlock(bytes, at, text, offsets)
      next = at
      return blockAt(bytes, at)
    } finally {
      Atomics.compareExchange(head, state, loading, next)
      Atomics.notify(head, state)
    }
  }
}

/** The byte offset of `size` bytes reserved in the region of `capacity` bytes, or undefined when they do not fit. */
function reserve(head: Int32Array, size: number, capacity: number): number | undefined {
  for (let used = Atomics.load(head, 0); ; ) {
    if (headBytes + used + size > capacity) return undefined
    const before = Atomics.compareExchange(head, 0, used, used + size)
    if (before === used) return headBytes + used
    used = before
  }
}

/** Writes a file's block at byte `at` of the region. */
function writeBlock(bytes: Uint8Array, at: number, text: string, offsets: EntryOffsets): void {
  const { buffer, byteOffset } = bytes
  const entries = offsets.starts.length
  new Int32Array(buffer, byteOffset + at, 2).set([text.length, entries])
  const textAt = byteOffset + at + blockHeadBytes
  Buffer.from(buffer, textAt, text.length * 2).write(text, 'utf16le')
  const startsAt = textAt + ((text.length * 2 + 3) & ~3)
  new Int32Array(buffer, startsAt, entries).set(offsets.starts)
  new Int32Array(buffer, startsAt + entries * 4, entries).set(offsets.tabs)
}

/** The file whose block is at byte `at` of the region, as views of it. */
function blockAt(bytes: Uint8Array, at: number): VillageBucket {
  const { buffer, byteOffset } = bytes
  const counts = new Int32Array(buffer, byteOffset + at, 2)
  const units = counts[0]!
  const entries = counts[1]!
  const textAt = byteOffset + at + blockHeadBytes
  const startsAt = textAt + ((units * 2 + 3) & ~3)
  return {
    text: new UnitsText(new Uint16Array(buffer, textAt, units)),
    offsets: { starts: new Int32Array(buffer, startsAt, entries), tabs: new Int32Array(buffer, startsAt + entries * 4, entries) },
  }
}

/** The file kept by this thread for itself, outside the region. */
function copyOutside(text: string, offsets: EntryOffsets = entryOffsets(text)): VillageBucket {
  const units = new Uint16Array(text.length)
  Buffer.from(units.buffer).write(text, 'utf16le')
  return { text: new UnitsText(units), offsets }
}
