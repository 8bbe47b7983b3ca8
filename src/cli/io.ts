// The only place that writes to the process streams; commands get these functions.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { localText } from '../i18n/catalogue.js'
import { InputError } from '../core/errors.js'
import { escapeControls } from '../report/terminal-text.js'
import { describeWriteErrno } from '../io/errno.js'
import { realpathOrSelf, statOrUndefined, trackTempFile, untrackTempFile } from '../io/write.js'
import type { Output } from '../report/types.js'

/**
 * Each call's output is assembled in one reusable buffer and written at once: a fresh Buffer
 * per chunk cost more in allocation and garbage collection than the encoding. Nothing waits
 * past the call, so results stream (a driver of `--input jsonl` gets each line as it is
 * audited) and an interrupted run loses nothing already audited.
 */
const baseSize = 64 * 1024
/** Past this, the buffer is dropped after its write rather than kept for the next one. */
const keepAtMost = 4 * 1024 * 1024
let pending = Buffer.allocUnsafe(baseSize)
let pendingLength = 0

/**
 * Standard output and error closed by their reader (`mask-audit check dir | head`, EPIPE): what
 * would go there is dropped, and the run goes on to its end, so the exit code still says what
 * the whole audit found, as `set -o pipefail` expects.
 */
const closedFds = new Set<number>()

/** Writes text or UTF-8 bytes to stdout; synchronous, so output is complete before exit even when piped. */
export function writeOut(output: Output): void {
  if (closedFds.has(1)) return
  append(output, 1)
  flushOut(1)
}

/**
 * The report of `-o, --output-file FILE`: written to a temp file beside FILE as it comes, then
 * renamed over FILE by `commit`, so FILE is never left half written; `abort` removes the temp.
 * A FILE that is a folder is refused before anything is written. A symbolic link is followed:
 * its target is replaced and the link stays a link.
 *
 * A FILE that exists and is not a regular file (a device such as /dev/null, a named pipe, a
 * process substitution `>(gzip > r.gz)`, /dev/stdout) is written directly: a rename would
 * replace the device or pipe with a regular file (as root, /dev/null itself), and the reader of
 * the pipe would never get the report.
 */
export class AtomicOutputFile {
  /** The temp file renamed into place; undefined when FILE is written directly. */
  private readonly temp: string | undefined
  /** Where the temp file goes: FILE's target when FILE is a symbolic link. */
  private readonly target: string
  private fd: number | undefined

  constructor(readonly path: string) {
    const info = statOrUndefined(path)
    if (info?.isDirectory()) throw new InputError(localText('error.cannot-write', { reason: localText('error.is-directory') }), { path })
    if (info !== undefined && !info.isFile()) {
      this.target = path
      this.temp = undefined
      try {
        this.fd = openSync(path, 'w')
      } catch (error) {
        throw new InputError(localText('error.cannot-write', { reason: describeWriteErrno(error) }), { path })
      }
      return
    }
    this.target = info === undefined ? path : realpathOrSelf(path)
    const temp = join(dirname(this.target), `.${basename(this.target)}.${process.pid}.${Date.now()}.tmp`)
    this.temp = temp
    // Tracked first: a signal between the open and the tracking would leave the file behind.
    trackTempFile(temp)
    try {
      this.fd = openSync(temp, 'wx', info ? info.mode & 0o777 : 0o666)
    } catch (error) {
      untrackTempFile(temp)
      throw new InputError(localText('error.cannot-write', { reason: describeWriteErrno(error) }), { path })
    }
  }

  /** Appends text or bytes, as writeOut would print them; a failed write (a full disk) is one line and exit 2. */
  write(output: Output): void {
    try {
      append(output, this.fd!)
      flushOut(this.fd!)
    } catch (error) {
      pendingLength = 0
      if (error instanceof InputError) throw error
      throw new InputError(localText('error.cannot-write', { reason: describeWriteErrno(error) }), { path: this.path }, this.temp === undefined ? undefined : localText('error.not-written.hint'))
    }
  }

  /** Puts the file in place; on failure the temp file is removed and FILE left as it was. */
  commit(): void {
    try {
      if (this.temp !== undefined) fsyncSync(this.fd!)
      this.close()
      if (this.temp === undefined) return
      renameSync(this.temp, this.target)
      untrackTempFile(this.temp)
    } catch (error) {
      this.abort()
      throw new InputError(localText('error.cannot-write', { reason: describeWriteErrno(error) }), { path: this.path }, localText('error.not-written.hint'))
    }
  }

  /** Leaves FILE as it was (a device or pipe keeps what it was sent); may be called after a failed commit. */
  abort(): void {
    try {
      this.close()
    } catch {
      // Closing a file whose writes failed may fail again: the temp file is removed all the same.
    }
    if (this.temp === undefined) return
    rmSync(this.temp, { force: true })
    untrackTempFile(this.temp)
  }

  private close(): void {
    if (this.fd === undefined) return
    const fd = this.fd
    this.fd = undefined
    closeSync(fd)
  }
}

/** Pieces are written out as the buffer fills, so a report of millions of findings never sits whole in memory. */
function append(output: Output, fd: number): void {
  if (typeof output === 'string') appendText(output)
  else if (output instanceof Uint8Array) appendBytes(output)
  else for (const part of output) append(part, fd)
  if (pendingLength >= keepAtMost) flushOut(fd)
}

function appendBytes(bytes: Uint8Array): void {
  reserve(bytes.length)
  pending.set(bytes, pendingLength)
  pendingLength += bytes.length
}

function appendText(text: string): void {
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8; a long text is measured exactly.
  reserve(text.length > keepAtMost ? Buffer.byteLength(text, 'utf8') : text.length * 3)
  pendingLength += pending.write(text, pendingLength, 'utf8')
}

/** Room for `bytes` more: the buffer grows, keeping what it holds. */
function reserve(bytes: number): void {
  if (pendingLength + bytes <= pending.length) return
  const grown = Buffer.allocUnsafe(Math.max(pending.length * 2, pendingLength + bytes))
  pending.copy(grown, 0, 0, pendingLength)
  pending = grown
}

/** Writes what the buffer holds to `fd`: stdout, or the temp file of `--output-file`. */
function flushOut(fd: number): void {
  if (pendingLength === 0) return
  const length = pendingLength
  pendingLength = 0
  const bytes = pending.subarray(0, length)
  if (pending.length > keepAtMost) pending = Buffer.allocUnsafe(baseSize)
  writeAll(fd, bytes)
}

/**
 * Writes one line to stderr, prefixed with the program name. Control characters (in a file
 * name, say) are shown escaped: they can neither drive the terminal nor forge a second line.
 */
export function writeErr(line: string): void {
  writeErrRaw(`mask-audit: ${escapeControls(line)}\n`)
}

/** Writes text to stderr as it is (the progress line, which redraws itself). */
export function writeErrRaw(text: string): void {
  if (text && !closedFds.has(2)) writeAll(2, Buffer.from(text, 'utf8'))
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') continue
      if (code === 'EPIPE' && (fd === 1 || fd === 2)) {
        closedFds.add(fd)
        return
      }
      // A full disk or a closed file: one line and exit 2, like any input that fails.
      if (fd === 1) throw new InputError(localText('error.cannot-write-output', { reason: describeWriteErrno(error) }), { path: '<stdout>' })
      throw error
    }
  }
}
