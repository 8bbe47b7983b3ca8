// The `json` reporter: one object, schemaVersion 1 of DESIGN.md, streamed file by file.
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

/** One file entry as JSON text; pure, so worker threads can run it. */
export const renderJsonFile: FileRenderer = (result) => JSON.stringify(fileEntry(result))

/** Creates the `json` reporter. */
export function createJsonReporter(options: ReporterOptions): Reporter {
  let count = 0
  return {
    begin: () => `{"schemaVersion":${schemaVersion},"tool":${JSON.stringify({ name: 'mask-audit', version: options.toolVersion })},"files":[`,
    file: (result) => [count++ ? ',' : '', result.prerendered?.bytes ?? renderJsonFile(result)],
    end: (summary: Summary) => `],"summary":${JSON.stringify(summary)}}\n`,
  }
}
