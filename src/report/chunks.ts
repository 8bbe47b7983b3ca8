// Builds a reporter's output for one file in bounded pieces: a file with millions of findings
// renders to more text than one JavaScript string may hold (about 512 MB in V8).

/** Text in pieces, written in order: one string, or a list of them. */
export type Chunks = string | readonly string[]

/** Past this many UTF-16 code units a piece is closed and a new one begun. */
export const chunkSize = 1 << 20

/** Collects text and hands it back in pieces of about {@link chunkSize} code units. */
export class ChunkBuilder {
  private readonly parts: string[] = []
  private current = ''

  /** Appends `text`; a piece that grows past the size is closed. */
  push(text: string): void {
    this.current += text
    if (this.current.length >= chunkSize) {
      this.parts.push(this.current)
      this.current = ''
    }
  }

  /** The text so far: one string when it fits in one piece. */
  done(): Chunks {
    if (this.parts.length === 0) return this.current
    return this.current === '' ? this.parts : [...this.parts, this.current]
  }
}

/** Joins `items` rendered by `render` with `separator`, in pieces. */
export function joinChunked<T>(items: Iterable<T>, render: (item: T) => string, separator = ''): Chunks {
  const out = new ChunkBuilder()
  let isFirst = true
  for (const item of items) {
    out.push(isFirst ? render(item) : separator + render(item))
    isFirst = false
  }
  return out.done()
}

/** The length in UTF-16 code units of text in pieces. */
export function chunksLength(text: Chunks): number {
  if (typeof text === 'string') return text.length
  let n = 0
  for (const part of text) n += part.length
  return n
}
