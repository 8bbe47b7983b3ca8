// The `jsonl` reporter: one finding per line with its path; an unreadable file is one line too.
import type { Reporter } from './types.js'

/** Creates the `jsonl` reporter. */
export function createJsonlReporter(): Reporter {
  return {
    begin: () => '',
    file: (result) => {
      if (result.error !== undefined) return JSON.stringify({ path: result.path, error: result.error }) + '\n'
      let out = ''
      for (const f of result.findings) out += JSON.stringify({ path: result.path, ...f }) + '\n'
      return out
    },
    end: () => '',
  }
}
