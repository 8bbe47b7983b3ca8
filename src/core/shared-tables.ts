// Read-only tables (the tokenizer's dictionary and index, the gazetteer's units, the word
// filters) that worker threads take from the thread that started them instead of each reading
// or building its own copy: a few MB each, 13 MB in all, per thread. The starting thread loads
// them once into shared memory (`shareTables`); each worker adopts them (`adoptTables`) before
// its rules run; the modules that use a table ask for it by name (`sharedTable`), and load it
// themselves when no thread gave it, as a run in one thread always does. One table is written
// as a run goes, under Atomics: the region the village files are decoded into
// (nlp/village-store.ts), filled by whichever thread needs each file first.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** Tables by name, as one thread hands them to another: views of SharedArrayBuffers. */
export type SharedTables = Readonly<Record<string, Uint8Array>>

/** How a table is made when no thread gave it: undefined when it cannot be (a file not built). */
type TableLoader = () => Uint8Array | undefined

const loaders = new Map<string, TableLoader>()
/** Tables this thread holds, loaded here or given: undefined records a table that cannot be made. */
const held = new Map<string, Uint8Array | undefined>()

/**
 * Declares table `name`, made by `load` where no thread gave it, and returns the function that
 * gives it (loaded once per thread). Its bytes may be shared by threads: read-only, or
 * written where Atomics publish each part (the village region).
 */
export function sharedTable(name: string, load: TableLoader): () => Uint8Array | undefined {
  loaders.set(name, load)
  return () => {
    if (!held.has(name)) held.set(name, load())
    return held.get(name)
  }
}

/**
 * Declares table `name`, made by `load` only for threads to share (by {@link shareTables}), and
 * returns the function that gives it: undefined in a thread that neither shared nor was given
 * it, which then does without (the village region, whose use is worth it only across threads).
 */
export function tableWhenShared(name: string, load: TableLoader): () => Uint8Array | undefined {
  loaders.set(name, load)
  return () => held.get(name)
}

/**
 * Declares table `name`, the bytes of the file at `path()`, and returns the function that
 * gives them as a Buffer (undefined when the file cannot be read). The path is asked for only
 * when the file is read: resolving it costs a start that never reads it.
 */
export function sharedFile(name: string, path: () => string): () => Buffer | undefined {
  const table = sharedTable(name, () => readFileOrUndefined(path))
  return () => {
    const bytes = table()
    return bytes && (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  }
}

/** The file's bytes read straight into shared memory (nothing to copy if shared later), or undefined. */
function readFileOrUndefined(path: () => string): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(path(), 'r')
  } catch {
    return undefined
  }
  try {
    const size = fstatSync(fd).size
    const bytes = Buffer.from(new SharedArrayBuffer(size))
    let at = 0
    for (let read = 1; at < size && read > 0; at += read) read = readSync(fd, bytes, at, size - at, at)
    return at === size ? bytes : bytes.subarray(0, at)
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/**
 * Every declared table, in memory that worker threads can read without a copy (posted to them,
 * a SharedArrayBuffer is not copied). This thread uses the shared copies from now on.
 */
export function shareTables(): SharedTables {
  const tables: Record<string, Uint8Array> = {}
  for (const [name, load] of loaders) {
    const bytes = held.has(name) ? held.get(name) : load()
    if (bytes === undefined) {
      held.set(name, undefined)
      continue
    }
    const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes)
    held.set(name, shared)
    tables[name] = shared
  }
  return tables
}

/** Takes the tables another thread shared: a table asked for later is the given one. */
export function adoptTables(tables: SharedTables): void {
  for (const [name, bytes] of Object.entries(tables)) if (!held.has(name)) held.set(name, bytes)
}

function copyToShared(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength))
  shared.set(bytes)
  return shared
}
