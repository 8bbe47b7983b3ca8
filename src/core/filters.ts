// The filter type: post-processing of one document's findings, describable as data so that
// worker threads can rebuild it.
import type { Document } from './document.js'
import { severities, type Finding, type Severity } from './finding.js'

/**
 * A filter as data: `name` picks a builder (run/filter-specs.ts), `options` is passed to it.
 * Must survive structured clone (plain JSON).
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

/** The specs of `filters`, or undefined when one of them cannot be described as data. */
export function specsOf(filters: readonly FindingFilter[]): FilterSpec[] | undefined {
  const specs: FilterSpec[] = []
  for (const filter of filters) {
    if (!filter.spec) return undefined
    specs.push(filter.spec)
  }
  return specs
}
