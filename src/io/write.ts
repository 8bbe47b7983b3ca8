// Writes files atomically (temp file + rename), re-encoded in the source's encoding and checked.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { InputError } from '../core/errors.js'
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

/** Writes `bytes` to `path` through a temp file in the same folder and a rename; keeps the file mode. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const mode = modeOf(path)
  try {
    const fd = openSync(temp, 'wx', mode)
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // The temp file was never created or is gone already.
    }
    throw new InputError(localText('error.cannot-write', { reason: (error as NodeJS.ErrnoException).code ?? String(error) }), { path })
  }
}

/** Encodes, checks and writes atomically: a file changed by `--fix` or `fill`. */
export function writeTextFile(path: string, decoded: Decoded): void {
  writeFileAtomic(path, encodeChecked(decoded, path))
}

function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o777
  } catch {
    return 0o644
  }
}
