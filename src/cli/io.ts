// The only place that writes to the process streams; commands get these functions.
import { writeSync } from 'node:fs'

/** Writes text to stdout, synchronously so output is complete before exit even when piped. */
export function writeOut(text: string): void {
  if (text) writeAll(1, text)
}

/** Writes one line to stderr, prefixed with the program name. */
export function writeErr(line: string): void {
  writeAll(2, `mask-audit: ${line}\n`)
}

/** Writes text to stderr as it is (the progress line, which redraws itself). */
export function writeErrRaw(text: string): void {
  if (text) writeAll(2, text)
}

/**
 * One buffer reused for every write: a fresh Buffer per chunk of JSON output cost twice the
 * time of the encoding itself in allocation and garbage collection. It only grows.
 */
let scratch = Buffer.allocUnsafe(0)

function writeAll(fd: number, text: string): void {
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafe(Math.max(text.length * 3, 64 * 1024))
  const length = scratch.write(text, 0, 'utf8')
  const buf = scratch.subarray(0, length)
  let written = 0
  while (written < buf.length) {
    try {
      written += writeSync(fd, buf, written)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') continue
      if (code === 'EPIPE') process.exit(0)
      throw error
    }
  }
}
