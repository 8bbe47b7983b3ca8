// The only place that writes to the process streams; commands get these functions.
import { writeSync } from 'node:fs'
import type { Output } from '../report/types.js'

/**
 * Output of stdout waits in one reusable buffer and goes out in writes of about 1 MB: a
 * write per file of a large batch cost more in system calls than encoding the text, and a
 * fresh Buffer per chunk more again in garbage collection. On a terminal every write goes out
 * at once, so findings appear as they are found.
 */
const flushAt = 1 << 20
let pending = Buffer.allocUnsafe(0)
let pendingLength = 0

/** Writes text or UTF-8 bytes to stdout; synchronous, so output is complete before exit even when piped. */
export function writeOut(output: Output): void {
  if (typeof output === 'string') writeText(output)
  else if (output instanceof Uint8Array) writeBytes(output)
  else for (const part of output) writeOut(part)
}

function writeBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) return
  if (pendingLength + bytes.length > pending.length) {
    flushOut()
    if (bytes.length > pending.length) pending = Buffer.allocUnsafe(Math.max(bytes.length, flushAt * 2))
  }
  pending.set(bytes, pendingLength)
  pendingLength += bytes.length
  if (pendingLength >= flushAt || process.stdout.isTTY === true) flushOut()
}

function writeText(text: string): void {
  if (!text) return
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  if (pendingLength + text.length * 3 > pending.length) {
    flushOut()
    if (text.length * 3 > pending.length) pending = Buffer.allocUnsafe(Math.max(text.length * 3, flushAt * 2))
  }
  pendingLength += pending.write(text, pendingLength, 'utf8')
  if (pendingLength >= flushAt || process.stdout.isTTY === true) flushOut()
}

/** Writes what stdout holds back; called before stderr is written and when a command ends. */
export function flushOut(): void {
  if (pendingLength === 0) return
  const length = pendingLength
  pendingLength = 0
  writeAll(1, pending.subarray(0, length))
}

/** Writes one line to stderr, prefixed with the program name. */
export function writeErr(line: string): void {
  writeErrRaw(`mask-audit: ${line}\n`)
}

/** Writes text to stderr as it is (the progress line, which redraws itself). */
export function writeErrRaw(text: string): void {
  if (!text) return
  // Output so far first, so the two streams interleave as they were written when merged.
  flushOut()
  writeAll(2, Buffer.from(text, 'utf8'))
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
      throw error
    }
  }
}
