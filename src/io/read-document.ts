// Reads a file into a Document: bytes, decoding, and the reader for its format.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { Document, type DocumentFormat } from '../core/document.js'
import { InputError } from '../core/errors.js'
import { decodeBytes } from './decode.js'

/** Files larger than this are refused rather than read whole into memory. */
export const maxFileBytes = 256 * 1024 * 1024

/** The format a path is read as, by its extension; anything else is plain text. */
export function formatOf(path: string): DocumentFormat {
  const ext = extname(path).toLowerCase()
  if (ext === '.md' || ext === '.markdown' || ext === '.mdx') return 'markdown'
  return 'text'
}

/** Builds a Document from text already decoded (stdin, tests), running the format's reader. */
export async function documentFromText(text: string, path: string, encoding = 'utf-8', hasBom = false): Promise<Document> {
  const format = formatOf(path)
  const skipped = format === 'markdown' ? (await import('./markdown.js')).markdownSkipRegions(text) : []
  return new Document(text, { path, encoding, hasBom, format, skipped })
}

/** Reads, decodes and parses the file at `path`; every failure is an InputError naming it. */
export async function readDocument(path: string): Promise<Document> {
  const bytes = readBytes(path)
  const { text, encoding, hasBom } = decodeBytes(bytes, path)
  return documentFromText(text, path, encoding, hasBom)
}

/**
 * Reads a file whole. Synchronous on purpose: one open/fstat/read/close per file costs far
 * less than the promise API's separate round trips, and workers read in parallel.
 */
function readBytes(path: string): Uint8Array {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const info = fstatSync(fd)
    if (info.isDirectory()) throw new InputError('is a directory', { path })
    if (info.size > maxFileBytes) throw new InputError(`file too large (${info.size} bytes; the limit is ${maxFileBytes})`, { path })
    return readFileSync(fd)
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error))
    throw new InputError(reason, { path })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
