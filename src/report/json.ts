// The `json` reporter: one object, schemaVersion 1 of DESIGN.md, streamed file by file.
import type { Finding } from '../core/finding.js'
import { chunkSize } from './chunks.js'
import type { FileRenderer, FileResult, Reporter, ReporterOptions, Summary } from './types.js'

/** The JSON schema version this reporter writes. */
export const schemaVersion = 1

/** One file entry of the JSON output. */
export function fileEntry(result: FileResult): Record<string, unknown> {
  return {
    path: result.path,
    ...(result.encoding !== undefined && { encoding: result.encoding }),
    ...(result.error !== undefined && { error: result.error }),
    findings: result.findings,
  }
}

/**
 * One file entry as JSON text, the same as `JSON.stringify(fileEntry(result))`; pure, so worker
 * threads can run it. A file whose findings fit in one batch is one native call. Past that,
 * findings are stringified a batch at a time, and each batch is handed on as a slice of its
 * string without its brackets, in a list: joining the pieces into one string first made a
 * rope that writing had to flatten, a second copy of the whole output.
 */
export const renderJsonFile: FileRenderer = (result) => {
  const list = result.findings
  let to = batchEnd(list, 0)
  if (to === list.length) return JSON.stringify(fileEntry(result))
  const { findings: _, ...head } = fileEntry(result)
  const first = JSON.stringify(list.slice(0, to))
  const parts = [JSON.stringify(head).slice(0, -1) + ',"findings":', first.slice(0, -1)]
  for (let from = to; from < list.length; from = to) {
    to = batchEnd(list, from)
    parts.push(',', JSON.stringify(list.slice(from, to)).slice(1, -1))
  }
  parts.push(']}')
  return parts
}

/**
 * Where the batch of findings beginning at `from` ends: past about {@link chunkSize} code
 * units of JSON, estimated from above (an escape takes at most 6 units a character; message,
 * context, suggestion and fix each hold at most about the text), so no batch nears V8's
 * string limit however long the spans.
 */
function batchEnd(findings: readonly Finding[], from: number): number {
  let size = 0
  let i = from
  while (i < findings.length && size < chunkSize) size += 6 * (4 * findings[i++]!.text.length + 200) + 1000
  return i
}

/** Creates the `json` reporter. */
export function createJsonReporter(options: ReporterOptions): Reporter {
  let count = 0
  return {
    begin: () => `{"schemaVersion":${schemaVersion},"tool":${JSON.stringify({ name: 'mask-audit', version: options.toolVersion })},"files":[`,
    file: (result) => {
      const text = result.prerendered?.bytes ?? renderJsonFile(result)
      return [count++ ? ',' : '', ...(typeof text === 'string' || text instanceof Uint8Array ? [text] : text)]
    },
    end: (summary: Summary) => `],"summary":${JSON.stringify(summary)}}\n`,
  }
}
