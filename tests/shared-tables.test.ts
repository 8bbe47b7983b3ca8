// Tables a worker thread takes from the thread that started it: loaded once, in shared memory,
// and given back as they were shared, in this thread and in a worker alike.
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { adoptTables, sharedTable, shareTables, tableWhenShared } from '../src/core/shared-tables.js'

describe('shared tables', () => {
  it('loads a table once, into shared memory, and gives the shared copy from then on', () => {
    let loads = 0
    const table = sharedTable('test/once', () => {
      loads++
      return Uint8Array.of(1, 2, 3)
    })
    const before = table()!
    expect(before.buffer).toBeInstanceOf(ArrayBuffer)
    const shared = shareTables()
    expect(loads).toBe(1)
    expect(shared['test/once']!.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect([...shared['test/once']!]).toEqual([1, 2, 3])
    expect(table()).toBe(shared['test/once'])
    expect(loads).toBe(1)
  })

  it('makes a table declared for sharing only when the tables are shared, or given', () => {
    let loads = 0
    const table = tableWhenShared('test/when-shared', () => {
      loads++
      return new Uint8Array(new SharedArrayBuffer(4))
    })
    expect(table()).toBeUndefined()
    expect(loads).toBe(0)
    const shared = shareTables()
    expect(loads).toBe(1)
    expect(table()).toBe(shared['test/when-shared'])
    const given = new Uint8Array(new SharedArrayBuffer(2))
    adoptTables({ 'test/when-given': given })
    expect(tableWhenShared('test/when-given', () => new Uint8Array(1))()).toBe(given)
  })

  it('leaves out a table that cannot be made, and gives undefined for it', () => {
    const table = sharedTable('test/missing', () => undefined)
    expect(shareTables()).not.toHaveProperty('test/missing')
    expect(table()).toBeUndefined()
  })

  it('gives an adopted table instead of loading one', () => {
    const given = new Uint8Array(new SharedArrayBuffer(2))
    adoptTables({ 'test/given': given })
    const table = sharedTable('test/given', () => {
      throw new Error('loaded, though given')
    })
    expect(table()).toBe(given)
  })

  it('hands a worker the same memory, not a copy', async () => {
    const table = sharedTable('test/worker', () => Uint8Array.of(7))
    const tables = shareTables()
    // The worker adds 1 to the byte it was given: the change shows here only if nothing was copied.
    const worker = new Worker('const { parentPort, workerData } = require("node:worker_threads"); workerData["test/worker"][0]++; parentPort.postMessage("done")', { eval: true, workerData: tables })
    await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))
    await worker.terminate()
    expect(table()![0]).toBe(8)
  })
})
