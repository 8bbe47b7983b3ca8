// The village files' shared region (village-store.ts): a file is read once and written there for
// every thread; a failed read leaves it to the next; a file that does not fit, or that another
// thread never finishes writing, is read by each thread for itself.
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

  it('keeps apart a file that does not fit, and reads it again for each caller', () => {
    const bytes = region(1100) // the head and a few dozen bytes
    let reads = 0
    const read = (b: number) => (reads++, texts[b]!)
    const first = villageBucketIn(bytes, 1, read)
    expect(contents(first)).toEqual(expected(texts[1]!))
    expect(first.offsets.starts.buffer).not.toBe(bytes.buffer)
    expect(contents(villageBucketIn(bytes, 1, read))).toEqual(expected(texts[1]!))
    expect(reads).toBe(2)
  })

  it('reads a file itself when another thread started writing it and never finished', () => {
    const bytes = region()
    // The state of bucket 0 (the Int32 after the count of bytes used): being written.
    Atomics.store(new Int32Array(bytes.buffer, 0, 2), 1, 1)
    expect(contents(villageBucketIn(bytes, 0, () => texts[0]!, 10))).toEqual(expected(texts[0]!))
  })
})
