// A worker thread of the parallel audit: compiles each file setup's rules once, then reads
// and checks the batches of paths it is given, returning their results in order.
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina'
import type { FindingFilter } from '../core/filters.js'
import type { FileResult } from '../core/result.js'
import { createFileRenderer } from '../report/index.js'
import { countFindings } from '../report/summary.js'
import type { FileRenderer } from '../report/types.js'
import { ruleKinds } from '../rules/registry.js'
import type { ActiveRule } from '../rules/types.js'
import { auditPath } from './audit-loop.js'
import { filtersFromSpecs } from './filter-specs.js'
import type { WorkerSetup, WorkerTask } from './workers.js'

const setup = workerData as WorkerSetup
const render: FileRenderer | undefined = setup.render ? await createFileRenderer(setup.render.format, setup.render.options) : undefined
/** Compiled setups by their index in the run's plan: rules are compiled once per worker. */
const compiled = new Map<number, { rules: ActiveRule[]; filters: FindingFilter[] }>()

async function compileSetups(specs: WorkerTask['specs']): Promise<void> {
  for (const [index, spec] of specs) {
    if (compiled.has(index)) continue
    compiled.set(index, {
      rules: spec.rules.map(({ def, severity, settings }) => ({ def, severity, settings, check: ruleKinds.get(def.kind)!.compile(def, settings) })),
      filters: await filtersFromSpecs(spec.filters),
    })
  }
}

/**
 * Audits one batch of paths; unreadable files become error results, as in-process. When the
 * output format can be rendered here, findings are sent as rendered text and totals only:
 * copying thousands of finding objects to the main thread would cost more than it saves.
 */
export default async function auditBatch(task: WorkerTask): Promise<FileResult[] | ReturnType<typeof move>> {
  await compileSetups(task.specs)
  const results: FileResult[] = []
  for (const [i, path] of task.paths.entries()) {
    const { rules, filters } = compiled.get(task.setups[i]!)!
    results.push(await auditPath(path, rules, filters))
  }
  return render ? prerender(results, render) : results
}

/**
 * The results with their findings rendered and encoded as UTF-8 into one buffer (a view of
 * it per file), handed to the main thread without a copy.
 */
function prerender(results: readonly FileResult[], render: FileRenderer): ReturnType<typeof move> {
  const texts = results.map((result) => {
    const text = render(result)
    return typeof text === 'string' ? [text] : text
  })
  const buffer = Buffer.from(new ArrayBuffer(texts.reduce((sum, parts) => parts.reduce((n, part) => n + Buffer.byteLength(part, 'utf8'), sum), 0)))
  let at = 0
  const rendered = results.map((result, i): FileResult => {
    const start = at
    for (const part of texts[i]!) at += buffer.write(part, at, 'utf8')
    const bytes = new Uint8Array(buffer.buffer, start, at - start)
    return { ...result, findings: [], prerendered: { bytes, counts: countFindings(result.findings) } }
  })
  return move({ [transferableSymbol]: [buffer.buffer], [valueSymbol]: rendered })
}
