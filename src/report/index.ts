// Picks the reporter for an output format.
import { localText } from '../i18n/catalogue.js'
import { UsageError } from '../core/errors.js'
import { plainPaint, type Paint } from './paint.js'
import type { FileRenderer, Reporter, ReporterOptions } from './types.js'

/** The output formats, as `--format` takes them. */
export const formats = ['stylish', 'json', 'jsonl', 'sarif', 'csv', 'github', 'html'] as const
export type Format = (typeof formats)[number]

/** Creates the reporter for `format`, loading only its module. */
export async function createReporter(format: string, options: ReporterOptions): Promise<Reporter> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish.js')).createStylishReporter(options, await choosePaint(options))
    case 'json':
      return (await import('./json.js')).createJsonReporter(options)
    case 'jsonl':
      return (await import('./jsonl.js')).createJsonlReporter()
    case 'sarif':
      return (await import('./sarif.js')).createSarifReporter(options)
    case 'csv':
      return (await import('./csv.js')).createCsvReporter(options)
    case 'github':
      return (await import('./github.js')).createGithubReporter(options)
    case 'html':
      return (await import('./html.js')).createHtmlReporter(options)
    default:
      throw new UsageError(localText('error.unknown-format', { format }), {}, localText('hint.one-of', { names: [...formats] }))
  }
}

/**
 * The pure per-file rendering of `format`, for worker threads to run (see
 * `FileResult.prerendered`); undefined for a format that needs every finding itself (html).
 */
export async function createFileRenderer(format: string, options: ReporterOptions): Promise<FileRenderer | undefined> {
  switch (format) {
    case 'stylish':
      return (await import('./stylish.js')).createStylishFileRenderer(options, await choosePaint(options))
    case 'json':
      return (await import('./json.js')).renderJsonFile
    case 'jsonl':
      return (await import('./jsonl.js')).renderJsonlFile
    case 'sarif':
      return (await import('./sarif.js')).createSarifFileRenderer(options)
    case 'csv':
      return (await import('./csv.js')).createCsvFileRenderer(options)
    case 'github':
      return (await import('./github.js')).renderGithubFile
    default:
      return undefined
  }
}

/** The terminal reporter's styles: chalk's colours when `options.color`, loaded only then. */
async function choosePaint(options: ReporterOptions): Promise<Paint> {
  return options.color ? (await import('./color-paint.js')).colorPaint() : plainPaint
}
