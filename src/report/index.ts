// Picks the reporter for an output format.
import { UsageError } from '../core/errors.js'
import { createJsonReporter } from './json.js'
import { createJsonlReporter } from './jsonl.js'
import { createStylishReporter } from './stylish.js'
import type { Reporter, ReporterOptions } from './types.js'

/** The output formats, as `--format` takes them. */
export const formats = ['stylish', 'json', 'jsonl'] as const
export type Format = (typeof formats)[number]

/** Creates the reporter for `format`. */
export function createReporter(format: string, options: ReporterOptions): Reporter {
  switch (format) {
    case 'stylish':
      return createStylishReporter(options)
    case 'json':
      return createJsonReporter(options)
    case 'jsonl':
      return createJsonlReporter()
    default:
      throw new UsageError(`unknown format "${format}"`, {}, `formats: ${formats.join(', ')}`)
  }
}
