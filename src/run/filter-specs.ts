// Rebuilds finding filters from their specs (in a worker thread). A filter's module loads only
// when a spec names it: a worker that needs no allow-list never loads one.
import type { FilterSpec, FindingFilter } from '../core/filters.js'
import { minSeverityFilter } from '../core/filters.js'
import type { Severity } from '../core/finding.js'
import type { AllowSpec } from '../core/allow-list.js'
import type { SuppressionOptions } from '../core/suppressions.js'

/** Builders by spec name; a new filter that workers must run registers here. */
const filterBuilders: Readonly<Record<string, (options: unknown) => Promise<FindingFilter>>> = {
  'min-severity': async (options) => minSeverityFilter(options as Severity),
  'redact-output': async () => (await import('../core/redact-output.js')).redactOutputFilter,
  allow: async (options) => (await import('../core/allow-list.js')).createAllowFilter(options as readonly AllowSpec[]),
  suppressions: async (options) => (await import('../core/suppressions.js')).createSuppressionFilter(options as SuppressionOptions),
}

/** Rebuilds the filters of `specs`, in order. */
export async function filtersFromSpecs(specs: readonly FilterSpec[]): Promise<FindingFilter[]> {
  const filters: FindingFilter[] = []
  for (const spec of specs) {
    const build = filterBuilders[spec.name]
    if (!build) throw new Error(`unknown filter "${spec.name}"`)
    filters.push(await build(spec.options))
  }
  return filters
}
