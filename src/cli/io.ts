// The only place that writes to the process streams; commands get these functions.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { localText } from '../i18n/catalogue.js'
import { InputError } from '../core/errors.js'
import { escapeControls } from '../report/terminal-text.js'
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

/** Writes text or UTF-8 bytes to stdout; synchronous, so output is complete before exit even when piped. */
export function writeOut(output: Output): void {
  append(output, 1)
  flushOut(1)
}

/**
 * The report of `-o, --output-file FILE`: written to a temp file beside FILE as it comes, then
 * renamed over FILE by `commit`, so FILE is never left half written; `abort` removes the temp.
 */
export class AtomicOutputFile {
  private readonly temp: string
  private readonly fd: number

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
    try {
      this.fd = openSync(this.temp, 'wx')
    } catch (error) {
      throw new InputError(localText('error.cannot-write', { reason: (error as NodeJS.ErrnoException).code ?? String(error) }), { path })
    }
  }

  /** Appends text or bytes, as writeOut would print them. */
  write(output: Output): void {
    append(output, this.fd)
    flushOut(this.fd)
  }

  /** Puts the file in place. */
  commit(): void {
    fsyncSync(this.fd)
    closeSync(this.fd)
    renameSync(this.temp, this.path)
  }

  /** Leaves FILE as it was. */
  abort(): void {
    closeSync(this.fd)
    rmSync(this.temp, { force: true })
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
  if (text) writeAll(2, Buffer.from(text, 'utf8'))
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') continue
      if (code === 'EPIPE') process.exit(0)
      // A full disk or a closed file: one line and exit 2, like any input that fails.
      if (fd === 1) throw new InputError(`cannot write the output: ${code ?? String(error)}`, { path: '<stdout>' })
      throw error
    }
  }
}
