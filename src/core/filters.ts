// Finding filters that can be described as data, so worker threads can rebuild them.
import type { Document } from './document.js'
import { severities, type Finding, type Severity } from './finding.js'

/**
 * A filter as data: `name` picks a builder of {@link filterBuilders}, `options` is passed to
 * it. Must survive structured clone (plain JSON).
 */
export interface FilterSpec {
  readonly name: string
  readonly options?: unknown
}

/**
 * Post-processing of one document's findings (inline disables, baseline, quiet). A filter
 * that carries a `spec` can run in worker threads; one without runs the batch in-process.
 */
export type FindingFilter = ((findings: Finding[], doc: Document) => Finding[]) & { readonly spec?: FilterSpec }

/** Keeps findings at `min` severity or heavier (`--quiet` is `error`). */
export function minSeverityFilter(min: Severity): FindingFilter {
  const rank = severities.indexOf(min)
  const filter = (findings: Finding[]) => findings.filter((f) => severities.indexOf(f.severity) <= rank)
  return Object.assign(filter, { spec: { name: 'min-severity', options: min } })
}

/** Modules of filters built from specs, loaded (in a worker) only when a spec names them. */
const modules: {
  allow?: typeof import('./allow-list.js')
  suppressions?: typeof import('./suppressions.js')
  markdown?: typeof import('../io/markdown.js')
  redactOutput?: typeof import('./redact-output.js')
} = {}

/** Loads what {@link filterFromSpec} needs for `specs`; call once before building them. */
export async function loadFilterModules(specs: readonly FilterSpec[]): Promise<void> {
  const names = new Set(specs.map((s) => s.name))
  if (names.has('allow')) modules.allow ??= await import('./allow-list.js')
  if (names.has('suppressions')) modules.suppressions ??= await import('./suppressions.js')
  if (names.has('redact-output')) modules.redactOutput ??= await import('./redact-output.js')
}

/**
 * Loads the Markdown parser the suppression filter needs for Markdown documents. Call before
 * auditing one: loading it in every worker up front cost more than the workers saved.
 */
export async function loadMarkdownModule(): Promise<void> {
  modules.markdown ??= await import('../io/markdown.js')
}

/** Builders by spec name; a new filter that workers must run registers here. */
const filterBuilders: Readonly<Record<string, (options: unknown) => FindingFilter>> = {
  'min-severity': (options) => minSeverityFilter(options as Severity),
  'redact-output': () => modules.redactOutput!.redactLeakedNames,
  allow: (options) => modules.allow!.createAllowFilter(options as Parameters<typeof import('./allow-list.js').createAllowFilter>[0]),
  suppressions: (options) => {
    const given = options as Omit<import('./suppressions.js').SuppressionOptions, 'markdownHtmlRegions'>
    // As in the main thread: no Markdown module, no Markdown document, no regions to find.
    return modules.suppressions!.createSuppressionFilter({ ...given, markdownHtmlRegions: (text) => modules.markdown?.markdownHtmlRegions(text) ?? [] })
  },
}

/** Rebuilds a filter from its spec (in a worker thread). */
export function filterFromSpec(spec: FilterSpec): FindingFilter {
  const build = filterBuilders[spec.name]
  if (!build) throw new Error(`unknown filter "${spec.name}"`)
  return build(spec.options)
}

/** The specs of `filters`, or undefined when one of them cannot be described as data. */
export function specsOf(filters: readonly FindingFilter[]): FilterSpec[] | undefined {
  const specs: FilterSpec[] = []
  for (const filter of filters) {
    if (!filter.spec) return undefined
    specs.push(filter.spec)
  }
  return specs
}
