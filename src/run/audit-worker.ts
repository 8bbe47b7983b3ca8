// A worker thread of the parallel audit: compiles each file setup's rules once, then reads
// and checks the batches of paths it is given, returning their results in order.
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina'
import type { FindingFilter } from '../core/filters.js'
import { adoptTables } from '../core/shared-tables.js'
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
  if (task.tables) adoptTables(task.tables)
  await compileSetups(task.specs)
  const results: FileResult[] = []
  for (const [i, path] of task.paths.entries()) {
    const { rules, filters } = compiled.get(task.setups[i]!)!
    results.push(await auditPath(path, rules, filters))
  }
  return render ? prerender(results, render, task.output) : results
}

/**
 * Where a batch's rendering is encoded as UTF-8, each piece as soon as it is rendered (still in
 * cache), before the whole is copied out at its exact size: measuring the UTF-8 length of
 * every piece first was a second pass over all the text, slower than the copy.
 */
let scratch = Buffer.allocUnsafe(1 << 20)
/** Past this, the scratch buffer is dropped after the batch rather than kept for the next. */
const keepAtMost = 16 << 20

/**
 * The results with their findings rendered and encoded as UTF-8 into one buffer (a view of
 * it per file), handed to the main thread without a copy: `output`, an earlier batch's
 * buffer handed back, when the rendering fits; else a new one, with room to spare so later
 * batches fit it.
 */
function prerender(results: readonly FileResult[], render: FileRenderer, output: ArrayBuffer | undefined): ReturnType<typeof move> {
  let at = 0
  const ends = results.map((result) => {
    const text = render(result)
    for (const part of typeof text === 'string' ? [text] : text) at = encodeAt(part, at)
    return at
  })
  const buffer = output !== undefined && output.byteLength >= at ? output : new ArrayBuffer(at + (at >> 2))
  new Uint8Array(buffer).set(scratch.subarray(0, at))
  if (scratch.length > keepAtMost) scratch = Buffer.allocUnsafe(1 << 20)
  const rendered = results.map((result, i): FileResult => {
    const start = i === 0 ? 0 : ends[i - 1]!
    const bytes = new Uint8Array(buffer, start, ends[i]! - start)
    return { ...result, findings: [], prerendered: { bytes, counts: countFindings(result.findings) } }
  })
  return move({ [transferableSymbol]: [buffer], [valueSymbol]: rendered })
}

/** Encodes `text` into the scratch buffer at `at`, growing it first if needed; returns the new end. */
function encodeAt(text: string, at: number): number {
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  if (at + text.length * 3 > scratch.length) {
    const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, at + text.length * 3))
    scratch.copy(grown, 0, 0, at)
    scratch = grown
  }
  return at + scratch.write(text, at, 'utf8')
}
