// A worker thread of the parallel audit: compiles each file setup's rules once, then reads
// and checks the batches of paths it is given, returning their results in order.
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina'
import type { FindingFilter } from '../core/filters.js'
import { adoptTables } from '../core/shared-tables.js'
import type { FileResult } from '../core/result.js'
import { createFileRenderer } from '../report/index.js'
import { countFindings } from '../report/summary.js'
import type { FileRenderer } from '../report/types.js'
import { compileRule } from '../rules/registry.js'
import type { ActiveRule } from '../rules/types.js'
import { auditPath } from './audit-loop.js'
import { filtersFromSpecs } from './filter-specs.js'
import { maxOutputBuffer, type WorkerSetup, type WorkerTask } from './workers.js'

const setup = workerData as WorkerSetup
const render: FileRenderer | undefined = setup.render ? await createFileRenderer(setup.render.format, setup.render.options) : undefined
/** Compiled setups by their index in the run's plan: rules are compiled once per worker. */
const compiled = new Map<number, { rules: ActiveRule[]; filters: FindingFilter[] }>()

async function compileSetups(specs: WorkerTask['specs']): Promise<void> {
  for (const [index, spec] of specs) {
    if (compiled.has(index)) continue
    compiled.set(index, {
      rules: spec.rules.map(({ def, severity, claimOnly, settings }) => ({ def, severity, claimOnly, settings, check: compileRule(def, settings) })),
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

/** Bytes of the last batch's rendering (at most {@link maxOutputBuffer}): a batch given no buffer makes one with room for as much again. */
let lastBytes = 1 << 20

/**
 * The results with their findings rendered and encoded as UTF-8 into one buffer (a view of
 * it per file), handed to the main thread without a copy. The buffer is `output`, an earlier
 * batch's handed back, or a new one; each piece is encoded as soon as it is rendered (still
 * in cache): measuring the UTF-8 length of every piece first was a second pass over all the
 * text.
 */
function prerender(results: readonly FileResult[], render: FileRenderer, output: ArrayBuffer | undefined): ReturnType<typeof move> {
  let target: Buffer = output !== undefined ? Buffer.from(output) : Buffer.allocUnsafeSlow(lastBytes + (lastBytes >> 2))
  let at = 0
  const ends = results.map((result) => {
    const text = render(result)
    for (const part of typeof text === 'string' ? [text] : text) {
      // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
      if (at + part.length * 3 > target.length) target = grown(target, at, at + part.length * 3)
      at += target.write(part, at, 'utf8')
    }
    return at
  })
  lastBytes = Math.min(at, maxOutputBuffer)
  const buffer = target.buffer as ArrayBuffer
  const rendered = results.map((result, i): FileResult => {
    const start = i === 0 ? 0 : ends[i - 1]!
    const bytes = new Uint8Array(buffer, start, ends[i]! - start)
    return { ...result, findings: [], prerendered: { bytes, counts: countFindings(result.findings) } }
  })
  return move({ [transferableSymbol]: [buffer], [valueSymbol]: rendered })
}

/** A buffer of its own (transferable) of at least `needed` bytes, holding the first `used` of `buffer`. */
function grown(buffer: Buffer, used: number, needed: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, needed))
  buffer.copy(bigger, 0, 0, used)
  return bigger
}
