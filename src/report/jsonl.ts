// The `jsonl` reporter: one finding per line with its path (or id); an unreadable file is one line too.
import { joinChunked } from './chunks.js'
import type { FileRenderer, Reporter } from './types.js'

/** A file's lines; pure, so worker threads can run it. */
export const renderJsonlFile: FileRenderer = (result) => {
  // A document from `--input jsonl` is named by its id, as the input gave it.
  const name = result.id !== undefined ? { id: result.id } : { path: result.path }
  if (result.error !== undefined) return JSON.stringify({ ...name, error: result.error }) + '\n'
  return joinChunked(result.findings, (f) => JSON.stringify({ ...name, ...f }) + '\n')
}

/** Creates the `jsonl` reporter. */
export function createJsonlReporter(): Reporter {
  return {
    begin: () => '',
    file: (result) => result.prerendered?.bytes ?? renderJsonlFile(result),
    end: () => '',
  }
}
