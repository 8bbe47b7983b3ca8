// A worker thread of the parallel audit: compiles the rules once, then reads and checks the
// batches of paths it is given, returning their results in order.
import { workerData } from 'piscina'
import { createFileRenderer } from '../report/index.js'
import { countFindings } from '../report/summary.js'
import type { FileRenderer, FileResult } from '../report/types.js'
import { ruleKinds } from '../rules/registry.js'
import type { ActiveRule } from '../rules/types.js'
import { auditPath } from './audit.js'
import { filterFromSpec } from './filters.js'
import type { WorkerSetup } from './parallel-audit.js'

const setup = workerData as WorkerSetup
const rules: ActiveRule[] = setup.rules.map(({ def, severity }) => ({ def, severity, check: ruleKinds.get(def.kind)!.compile(def) }))
const filters = setup.filters.map(filterFromSpec)
const render: FileRenderer | undefined = setup.render ? await createFileRenderer(setup.render.format, setup.render.options) : undefined

/**
 * Audits one batch of paths; unreadable files become error results, as in-process. When the
 * output format can be rendered here, findings are sent as rendered text and totals only:
 * copying thousands of finding objects to the main thread would cost more than it saves.
 */
export default async function auditBatch(paths: readonly string[]): Promise<FileResult[]> {
  const results: FileResult[] = []
  for (const path of paths) {
    const result = await auditPath(path, rules, filters)
    results.push(render ? { ...result, findings: [], prerendered: { text: render(result), counts: countFindings(result.findings) } } : result)
  }
  return results
}
