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

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8')
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
