// Reads a file into a Document: bytes, decoding, and the reader for its format.
import { readFile, stat } from 'node:fs/promises'
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
  const bytes = await readBytes(path)
  const { text, encoding, hasBom } = decodeBytes(bytes, path)
  return documentFromText(text, path, encoding, hasBom)
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new InputError('is a directory', { path })
    if (info.size > maxFileBytes) throw new InputError(`file too large (${info.size} bytes; the limit is ${maxFileBytes})`, { path })
    return await readFile(path)
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))
    throw new InputError(reason, { path })
  }
}
