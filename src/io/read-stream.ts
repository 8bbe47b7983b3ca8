// Reads a stream (standard input) whole, asynchronously: a slow writer, or a descriptor in
// non-blocking mode, gives EAGAIN to a synchronous read but only a pause to a stream.
import { localText } from '../i18n/catalogue.js'
import type { Readable } from 'node:stream'
import { InputError } from '../core/errors.js'
import { describeErrno } from './errno.js'
import { maxFileBytes } from './read-document.js'

/** The bytes of `stream` to its end; more than `limit` bytes, or a failing read, is an InputError naming `path`. */
export async function readStreamBytes(stream: Readable, path: string, limit = maxFileBytes): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer)
      total += bytes.length
      if (total > limit) {
        stream.destroy()
        throw new InputError(localText('error.input-too-large', { limit }), { path })
      }
      chunks.push(bytes)
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(localText('error.cannot-read', { reason: describeErrno(error) }), { path })
  }
  return Buffer.concat(chunks, total)
}
