// `--shard K/N`: a deterministic share of the file list, so N machines split one batch.
import { UsageError } from '../core/errors.js'
import type { WalkResult } from '../io/walk.js'

/** Share `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number
  readonly count: number
}

const shardRe = /^(\d+)\/(\d+)$/

/** Parses `K/N` with 1 ≤ K ≤ N. */
export function parseShard(raw: string): Shard {
  const m = shardRe.exec(raw)
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard "${raw}": expected K/N with 1 ≤ K ≤ N`, {}, 'e.g. --shard 2/8')
  return { index, count }
}

/**
 * The files of share `shard`. A file's share depends on its path alone (FNV-1a hash of
 * `keyOf(path)`: the path relative to the folder walked, see {@link WalkResult.shardKeys}, else
 * the path as given), not on the order or number of the other files, so every machine that
 * walks the same tree agrees, wherever it is mounted (`/data/archive`, `/mnt/nas/archive`), and
 * the N shares are disjoint and cover the list.
 */
export function selectShard(files: readonly string[], shard: Shard, keyOf: (path: string) => string = (path) => path): string[] {
  return files.filter((path) => shardOf(keyOf(path), shard.count) === shard.index - 1)
}

/** 0-based share of `path` among `count`. */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5
  // Separators normalised so a Windows and a POSIX runner agree on `a\b` and `a/b`.
  const key = path.replace(/\\/g, '/')
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % count
}
