// The `json` reporter: one object, schemaVersion 1 of DESIGN.md, streamed file by file.
import type { Finding } from '../core/finding.js'
import { ChunkBuilder } from './chunks.js'
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
 * One file entry as JSON text, the same as `JSON.stringify(fileEntry(result))` but built
 * finding by finding; pure, so worker threads can run it.
 */
export const renderJsonFile: FileRenderer = (result) => {
  const { findings, ...head } = fileEntry(result)
  const out = new ChunkBuilder()
  out.push(JSON.stringify(head).slice(0, -1) + ',"findings":[')
  let isFirst = true
  for (const f of findings as readonly Finding[]) {
    out.push((isFirst ? '' : ',') + JSON.stringify(f))
    isFirst = false
  }
  out.push(']}')
  return out.done()
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
