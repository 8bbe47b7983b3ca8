// Writes files atomically (temp file + rename), re-encoded in the source's encoding and checked.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { accessSync, closeSync, constants, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError, UsageError } from '../core/errors.js'
import { describeWriteErrno } from './errno.js'
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

/**
 * The temp files being written now, by their full paths. A signal that ends the run (Ctrl-C,
 * SIGTERM) would leave them behind, beside a report or inside a document folder: the command
 * line removes them with {@link removeTempFiles} before it exits.
 */
const liveTempFiles = new Set<string>()

/** Called before the first temp file is made: the command line installs its signal handlers then, not in every run. */
let beforeFirstTempFile: (() => void) | undefined

/** Sets what runs once before the first temp file is made (the command line's signal handlers, which call {@link removeTempFiles}). */
export function onFirstTempFile(install: () => void): void {
  beforeFirstTempFile = install
}

/** Records a temp file that {@link removeTempFiles} must remove if the run is stopped before it is renamed or removed. */
export function trackTempFile(path: string): void {
  const install = beforeFirstTempFile
  beforeFirstTempFile = undefined
  install?.()
  liveTempFiles.add(resolve(path))
}

/** The temp file was renamed into place or removed: nothing left to clean up. */
export function untrackTempFile(path: string): void {
  liveTempFiles.delete(resolve(path))
}

/** Removes every temp file still being written (a run stopped by a signal); errors are ignored, it is the last thing done. */
export function removeTempFiles(): void {
  for (const path of liveTempFiles) {
    try {
      unlinkSync(path)
    } catch {
      // Gone already, or never created.
    }
  }
  liveTempFiles.clear()
}

/** What writing may be given instead of `fs.writeSync` and `fs.openSync`: tests put in ones that fail (a full disk, a folder that may not be written). */
export interface WriteOptions {
  readonly writeSync?: typeof writeSync
  readonly openSync?: typeof openSync
}

/** The errors of a folder the writer may not add a file to, or rename one in, though the file itself may be writable. */
const folderDeniedCodes: ReadonlySet<string> = new Set(['EACCES', 'EPERM'])

/**
 * Writes `bytes` to `path` through a temp file in the target's folder and a rename, keeping the
 * file's mode and (where permitted) owner and group. A symbolic link is followed: its target is
 * written and the link stays a link. A file with more than one hard link is written in place,
 * since a rename would split it from its other names; so is a file the user may write in a
 * folder they may not (no temp file can be made there, or renamed over it), where the rename
 * would fail. On any failure the temp file is removed.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  const target = realpathOrSelf(path)
  const info = statOrUndefined(target)
  const write = options.writeSync ?? writeSync
  if (info?.isDirectory()) throw new InputError(localText('error.cannot-write', { reason: localText('error.is-directory') }), { path })
  if (info !== undefined && !info.isFile()) throw new InputError(localText('error.cannot-write', { reason: localText('error.not-regular-file.short') }), { path })
  if (info !== undefined && info.nlink > 1) return writeInPlace(path, target, bytes, write, 'error.cannot-write-in-place')
  try {
    writeThroughTemp(target, bytes, info, options)
  } catch (error) {
    // The folder refused the temp file or the rename: a file that may be written is written where it is.
    if (info !== undefined && folderDeniedCodes.has((error as NodeJS.ErrnoException).code ?? '') && isWritable(target)) return writeInPlace(path, target, bytes, write, 'error.cannot-write')
    throw new InputError(localText('error.cannot-write', { reason: describeWriteErrno(error) }), { path }, localText('error.not-written.hint'))
  }
}

/** Writes `bytes` to a temp file beside `target` and renames it over `target`; the temp file is gone whatever happens. */
function writeThroughTemp(target: string, bytes: Uint8Array, info: Stats | undefined, options: WriteOptions): void {
  const write = options.writeSync ?? writeSync
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  trackTempFile(temp)
  try {
    const fd = (options.openSync ?? openSync)(temp, 'wx', info ? info.mode & 0o777 : 0o644)
    try {
      if (info) keepOwner(fd, info)
      for (let written = 0; written < bytes.length; ) written += write(fd, bytes, written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
    untrackTempFile(temp)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // The temp file was never created or is gone already.
    }
    untrackTempFile(temp)
    throw error
  }
}

/**
 * Overwrites a file's contents where it is: a hard-linked file, so that every name of it sees
 * the change, or a file in a folder the user may not write. What grows the file is written
 * first, past its end: a full disk then fails before a byte of the old contents is replaced,
 * and the file is cut back to its old length. `message` words a failure.
 */
function writeInPlace(path: string, target: string, bytes: Uint8Array, write: typeof writeSync, message: string): void {
  let fd: number | undefined
  let oldLength = 0
  // Once the old bytes are being replaced, a failure may leave them partly rewritten.
  let isTouched = false
  try {
    fd = openSync(target, 'r+')
    oldLength = fstatSync(fd).size
    const writeRange = (from: number, to: number) => {
      for (let at = from; at < to; ) at += write(fd!, bytes, at, to - at, at)
    }
    if (bytes.length > oldLength) writeRange(oldLength, bytes.length)
    isTouched = true
    writeRange(0, Math.min(oldLength, bytes.length))
    ftruncateSync(fd, bytes.length)
    fsyncSync(fd)
  } catch (error) {
    if (fd !== undefined && !isTouched) cutBack(fd, oldLength)
    const hint = message !== 'error.cannot-write' ? undefined : localText(isTouched ? 'error.partly-written.hint' : 'error.not-written.hint')
    throw new InputError(localText(message, { reason: describeWriteErrno(error) }), { path }, hint)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** After a failed write past a file's end, its old length back; a failure here leaves it longer, its old bytes intact. */
function cutBack(fd: number, length: number): void {
  try {
    if (fstatSync(fd).size > length) ftruncateSync(fd, length)
  } catch {
    // The write error is what is reported.
  }
}

/** True when this process may write the file at `path` (its mode and owner, or root). */
function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
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

/** The real path of `path` (links resolved), or `path` itself where it cannot be resolved (it does not exist yet). */
export function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** The stats of `path` (links followed), or undefined where it cannot be read. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/**
 * Refuses an output path that is one of the run's inputs, so a report or a copy can never
 * overwrite the document it was made from: compared by real path (a symbolic link or `./`
 * names the same file) and, for files that exist, by device and inode (a hard link does too).
 * `option` is the flag as typed (`-o`), `action` the catalogue id of what is done to the input.
 */
export function refuseOutputOverInput(output: string, inputs: readonly string[], option: string, action: string): void {
  const target = identityOf(output)
  const input = inputs.find((path) => isSameIdentity(identityOf(path), target))
  if (input === undefined) return
  throw new UsageError(localText('error.output-is-input', { option, output, action: localText(action) }), {}, localText('error.output-is-input.hint'))
}

/**
 * `files` without those that are `output` (by real path, or device and inode): the report a
 * run writes inside the folder it walks is not one of its documents. A file that is `output`
 * but does not look like a report of mask-audit is refused, as an output naming an input is:
 * `check archive -o archive/notes.txt` must not replace a document by a slip of the name.
 */
export function withoutOutput(files: readonly string[], output: string, option: string): string[] {
  const target = identityOf(output)
  const kept = files.filter((file) => !isSameIdentity(identityOf(file), target))
  if (kept.length < files.length && !looksLikeReport(output)) refuseOutputOverInput(output, files, option, 'action.audited')
  return kept
}

const reportHeadRe = /^(?:\uFEFF?(?:path,line,column,endLine,|文件,行,列,结束行,)|\{"schemaVersion":\d+,"tool":\{"name":"mask-audit"|\{"\$schema":"[^"]*sarif|<!doctype html>[^]*<title>mask-audit )/
/** The last line of a stylish or github report: its summary, in either language. */
const reportTailRe = /(?:^|\n)(?:::notice title=mask-audit::)?[✖✓] [^\n]*\n?$/

/**
 * True for an empty file or one whose start or end is that of a report mask-audit writes (the
 * header of json, sarif, csv and html; the summary line of stylish and github). JSON lines
 * have no mark of their own, and are not recognised.
 */
export function looksLikeReport(path: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const size = fstatSync(fd).size
    if (size === 0) return true
    const head = Buffer.alloc(Math.min(size, 1024))
    readSync(fd, head, 0, head.length, 0)
    if (reportHeadRe.test(head.toString('utf8'))) return true
    const tail = Buffer.alloc(Math.min(size, 512))
    readSync(fd, tail, 0, tail.length, size - tail.length)
    return reportTailRe.test(tail.toString('utf8'))
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

interface FileIdentity {
  readonly real: string
  readonly stats: Stats | undefined
}

/** A path's real path (its folder's, with its name, when the file does not exist yet) and its stats. */
function identityOf(path: string): FileIdentity {
  const stats = statOrUndefined(path)
  if (stats !== undefined) return { real: realpathOrSelf(resolve(path)), stats }
  return { real: join(realpathOrSelf(resolve(dirname(path))), basename(path)), stats }
}

/** A folder is never "the same file": an output naming one is refused by the writer itself. */
function isSameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  if (a.stats?.isDirectory() || b.stats?.isDirectory()) return false
  if (a.real === b.real) return true
  return a.stats !== undefined && b.stats !== undefined && a.stats.isFile() && a.stats.ino === b.stats.ino && a.stats.dev === b.stats.dev
}

/** Encodes, checks and writes atomically: a file changed by `--fix` or `fill`. */
export function writeTextFile(path: string, decoded: Decoded): void {
  writeFileAtomic(path, encodeChecked(decoded, path))
}
