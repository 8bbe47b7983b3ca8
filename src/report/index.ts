// Picks the reporter for an output format.
import { UsageError } from '../core/errors.js'
import type { Reporter, ReporterOptions } from './types.js'

/** The output formats, as `--format` takes them. */
export const formats = ['stylish', 'json', 'jsonl'] as const
export type Format = (typeof formats)[number]

/** Creates the reporter for `format`, loading only its module. */
export async function createReporter(format: string, options: ReporterOptions): Promise<Reporter> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish.js')).createStylishReporter(options)
    case 'json':
      return (await import('./json.js')).createJsonReporter(options)
    case 'jsonl':
      return (await import('./jsonl.js')).createJsonlReporter()
    default:
      throw new UsageError(`unknown format "${format}"`, {}, `formats: ${formats.join(', ')}`)
  }
}
