// Writes files atomically (temp file + rename), re-encoded in the source's encoding and checked.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { closeSync, fchownSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { InputError } from '../core/errors.js'
import { describeErrno } from './errno.js'
import { decodeBytes, encodeText, type Decoded } from './decode.js'

// node:crypto is required on use, so a plain `check` does not load it.
const require = createRequire(import.meta.url)
const randomBytes = (size: number): Buffer => (require('node:crypto') as typeof import('node:crypto')).randomBytes(size)

/**
 * Encodes `decoded.text` in `decoded.encoding` (with its BOM) and checks that the bytes decode
 * back to the same text and encoding; throws InputError naming `path` when they would not.
 */
export function encodeChecked(decoded: Decoded, path: string): Buffer {
  const bytes = encodeText(decoded)
  let back: Decoded | undefined
  try {
    back = decodeBytes(bytes, path)
  } catch {
    back = undefined
  }
  if (!back || back.text !== decoded.text || back.encoding !== decoded.encoding || back.hasBom !== decoded.hasBom) {
    throw new InputError(localText('error.not-written', { encoding: decoded.encoding.toUpperCase() }), { path }, localText('error.not-written.hint'))
  }
  return bytes
}

/** What writing may be given instead of `fs.writeSync`: tests put in one that fails (a full disk). */
export interface WriteOptions {
  readonly writeSync?: typeof writeSync
}

/**
 * Writes `bytes` to `path` through a temp file in the target's folder and a rename, keeping the
 * file's mode and (where permitted) owner and group. A symbolic link is followed: its target is
 * written and the link stays a link. A file with more than one hard link is written in place,
 * since a rename would split it from its other names. On any failure the temp file is removed.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  const target = realpathOrSelf(path)
  const info = statOrUndefined(target)
  const write = options.writeSync ?? writeSync
  if (info?.isDirectory()) throw new InputError(localText('error.cannot-write', { reason: localText('error.is-directory') }), { path })
  if (info !== undefined && !info.isFile()) throw new InputError(localText('error.cannot-write', { reason: localText('error.not-regular-file.short') }), { path })
  if (info !== undefined && info.nlink > 1) return writeInPlace(path, target, bytes, write)
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(temp, 'wx', info ? info.mode & 0o777 : 0o644)
    try {
      if (info) keepOwner(fd, info)
      for (let written = 0; written < bytes.length; ) written += write(fd, bytes, written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // The temp file was never created or is gone already.
    }
    throw new InputError(localText('error.cannot-write', { reason: describeErrno(error) }), { path }, localText('error.not-written.hint'))
  }
}

/** Overwrites a hard-linked file's contents, so that every name of it sees the change. */
function writeInPlace(path: string, target: string, bytes: Uint8Array, write: typeof writeSync): void {
  let fd: number | undefined
  try {
    fd = openSync(target, 'r+')
    for (let written = 0; written < bytes.length; ) written += write(fd, bytes, written, bytes.length - written, written)
    ftruncateSync(fd, bytes.length)
    fsyncSync(fd)
  } catch (error) {
    throw new InputError(localText('error.cannot-write-in-place', { reason: describeErrno(error) }), { path })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Gives the temp file the original's owner and group; only root (or the owner, for a group it is in) may. */
function keepOwner(fd: number, info: Stats): void {
  try {
    fchownSync(fd, info.uid, info.gid)
  } catch {
    // Not permitted: the file takes the writer's owner, as any editor's save would.
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** Encodes, checks and writes atomically: a file changed by `--fix` or `fill`. */
export function writeTextFile(path: string, decoded: Decoded): void {
  writeFileAtomic(path, encodeChecked(decoded, path))
}
