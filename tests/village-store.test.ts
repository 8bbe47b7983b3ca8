// The village files' shared region (village-store.ts): a file is read once and written there for
// every thread; a failed read leaves it to the next; a file that does not fit is read by each
// thread for itself; one that another thread never finishes writing is taken over.
import { describe, expect, it } from 'vitest'
import { entryOffsets, villageBucketIn, type VillageBucket } from '../src/nlp/village-store.js'

const texts = ['# bucket 0\n红旗村\t640205202201\tg\n外西河村\t640205100201\t\n', '# bucket 1\n纳家户村\t640121100201\t\n\n杨和村\t640121100202\t\n']
const region = (bytes = 1 << 16) => new Uint8Array(new SharedArrayBuffer(bytes))

/** What an index reads of a bucket: its whole text and its entries' offsets. */
function contents(bucket: VillageBucket): { text: string; starts: number[]; tabs: number[] } {
  return { text: bucket.text.slice(0), starts: [...bucket.offsets.starts], tabs: [...bucket.offsets.tabs] }
}

function expected(text: string) {
  const { starts, tabs } = entryOffsets(text)
  return { text, starts: [...starts], tabs: [...tabs] }
}

describe('village store', () => {
  it('reads a file once and gives every later caller the copy in the region', () => {
    const bytes = region()
    const reads: number[] = []
    const read = (b: number) => (reads.push(b), texts[b]!)
    expect(contents(villageBucketIn(bytes, 1, read))).toEqual(expected(texts[1]!))
    expect(contents(villageBucketIn(bytes, 0, read))).toEqual(expected(texts[0]!))
    expect(contents(villageBucketIn(bytes, 1, read))).toEqual(expected(texts[1]!))
    expect(reads).toEqual([1, 0])
    const again = villageBucketIn(bytes, 1, () => {
      throw new Error('read again')
    })
    expect(again.text.charCodeAt(texts[1]!.indexOf('纳'))).toBe('纳'.charCodeAt(0))
    expect(again.text.indexOf('\t', 0)).toBe(texts[1]!.indexOf('\t'))
    // The copy is the region's: a view of the memory the threads share.
    expect(again.offsets.starts.buffer).toBe(bytes.buffer)
  })

  it('leaves a file whose reading failed to the next caller, which reports the failure too', () => {
    const bytes = region()
    const failing = () => {
      throw new Error('gazetteer file unreadable')
    }
    expect(() => villageBucketIn(bytes, 0, failing)).toThrow('unreadable')
    expect(() => villageBucketIn(bytes, 0, failing)).toThrow('unreadable')
    expect(contents(villageBucketIn(bytes, 0, () => texts[0]!))).toEqual(expected(texts[0]!))
  })

  it('keeps apart a file that does not fit, reads it again for each caller, and still writes a smaller one', () => {
    const small = '村\t1\n'
    // The head (260 bytes), then room for the small file (8 bytes of counts, 8 of text, 8 of offsets), not for the other.
    const bytes = region(260 + 24)
    let reads = 0
    const read = (b: number) => (reads++, b === 2 ? small : texts[b]!)
    const first = villageBucketIn(bytes, 1, read)
    expect(contents(first)).toEqual(expected(texts[1]!))
    expect(first.offsets.starts.buffer).not.toBe(bytes.buffer)
    expect(contents(villageBucketIn(bytes, 1, read))).toEqual(expected(texts[1]!))
    expect(reads).toBe(2)
    const fits = villageBucketIn(bytes, 2, read)
    expect(contents(fits)).toEqual(expected(small))
    expect(fits.offsets.starts.buffer).toBe(bytes.buffer)
  })

  it('gives whole copies when a thread took a file over from a writer that was only slow and both finish', () => {
    const bytes = region()
    let taker: VillageBucket | undefined
    // The slow writer's read: meanwhile another caller waits 1 ms, takes the file over and writes it.
    const slow = villageBucketIn(bytes, 0, () => {
      taker = villageBucketIn(bytes, 0, () => texts[0]!, 1)
      return texts[0]!
    })
    for (const copy of [slow, taker!, villageBucketIn(bytes, 0, () => texts[1]!)]) expect(contents(copy)).toEqual(expected(texts[0]!))
    // The taker published first: later callers get its block.
    expect(villageBucketIn(bytes, 0, () => '').offsets.starts.byteOffset).toBe(taker!.offsets.starts.byteOffset)
  })

  it('takes over a file that another thread started writing and never finished', () => {
    const bytes = region()
    // The state of bucket 0 (the Int32 after the count of bytes used): being written.
    Atomics.store(new Int32Array(bytes.buffer, 0, 2), 1, 1)
    const taken = villageBucketIn(bytes, 0, () => texts[0]!, 10)
    expect(contents(taken)).toEqual(expected(texts[0]!))
    expect(taken.offsets.starts.buffer).toBe(bytes.buffer)
  })
})
