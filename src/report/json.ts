// The `json` reporter: one object, schemaVersion 1 of DESIGN.md, streamed file by file.
import type { Finding } from '../core/finding.js'
import { ChunkBuilder, chunkSize } from './chunks.js'
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
 * One file entry as JSON text, the same as `JSON.stringify(fileEntry(result))` but built in
 * pieces; pure, so worker threads can run it. Findings are stringified a batch at a time:
 * one native call per batch gives one flat string, where a string per finding, joined,
 * made a rope that writing to stdout had to flatten (a fifth of the rendering time).
 */
export const renderJsonFile: FileRenderer = (result) => {
  const { findings, ...head } = fileEntry(result)
  const list = findings as readonly Finding[]
  const out = new ChunkBuilder()
  out.push(JSON.stringify(head).slice(0, -1) + ',"findings":[')
  for (let from = 0; from < list.length; ) {
    const to = batchEnd(list, from)
    const batch = JSON.stringify(list.slice(from, to))
    out.push((from === 0 ? '' : ',') + batch.slice(1, -1))
    from = to
  }
  out.push(']}')
  return out.done()
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
