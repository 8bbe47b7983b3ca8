// The architecture as a test: the folders of src/ form layers, and a lower layer never imports
// a higher one. Each row says what a folder must not import; the test parses every import and
// export-from statement (static, dynamic and type-only) of src/**/*.ts and lists the breaches.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers.js'

/**
 * The layers, bottom up (DESIGN.md "Architecture"), above i18n (the message catalogues):
 *   core     the kernel: Document, Finding, engine, the filter type
 *   nlp      tokenizer seam, gazetteer             rules    rule kinds, loader
 *   io       readers by extension, writers         config   a typed config
 *   report   reporters                             run      options + config → rules, filters,
 *   cli      option parsing, exit codes                     reader; the audit loop
 */
const forbidden: Readonly<Record<string, readonly string[]>> = {
  // The message catalogues are a leaf every layer words its messages with, core included.
  i18n: ['cli', 'config', 'core', 'io', 'nlp', 'report', 'rules', 'run'],
  core: ['cli', 'config', 'io', 'nlp', 'report', 'rules', 'run'],
  nlp: ['cli', 'config', 'io', 'report', 'rules', 'run'],
  rules: ['cli', 'config', 'io', 'report', 'run'],
  io: ['cli', 'report', 'run'],
  config: ['cli', 'report', 'run'],
  report: ['cli', 'config', 'run'],
  run: ['cli'],
}

const srcDir = join(repoRoot, 'src')
/** `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')` and `require('…')`. */
const specifierRe = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The top folder of src/ a path is in (`core` for src/core/engine.ts); undefined outside src/. */
function layerOf(path: string): string | undefined {
  const rel = relative(srcDir, path)
  if (rel.startsWith('..') || !rel.includes(sep)) return undefined
  return rel.split(sep)[0]
}

/** Relative imports of one file, as the folders of src/ they land in. */
function importedLayers(file: string, text: string): { specifier: string; layer: string }[] {
  const found: { specifier: string; layer: string }[] = []
  for (const m of text.matchAll(specifierRe)) {
    const specifier = m[2]!
    if (!specifier.startsWith('.')) continue
    const layer = layerOf(resolve(dirname(file), specifier))
    if (layer !== undefined) found.push({ specifier, layer })
  }
  return found
}

describe('import graph', () => {
  const files = sourceFiles(srcDir)

  it('finds the imports it checks (a parser that saw none would pass anything)', () => {
    const engine = join(srcDir, 'core', 'engine.ts')
    expect(importedLayers(engine, readFileSync(engine, 'utf8')).map((i) => i.layer)).toContain('core')
    const sample = "import type { A } from '../rules/types.js'\nexport { B } from '../io/x.js'\nconst m = await import('../cli/main.js')\nimport '../report/side.js'\nimport {\n  C,\n} from '../run/y.js'\nconst d = require('../config/z.js')\nconst e = require('picomatch')\n"
    expect(importedLayers(engine, sample).map((i) => i.layer)).toEqual(['rules', 'io', 'cli', 'report', 'run', 'config'])
    expect(files.length).toBeGreaterThan(50)
  })

  it('has no import from a lower layer into a higher one', () => {
    const breaches: string[] = []
    for (const file of files) {
      const layer = layerOf(file)
      const banned = layer === undefined ? undefined : forbidden[layer]
      if (!banned) continue
      for (const { specifier, layer: target } of importedLayers(file, readFileSync(file, 'utf8'))) {
        if (banned.includes(target)) breaches.push(`${relative(repoRoot, file)} imports ${specifier} (${layer}/ must not import ${target}/)`)
      }
    }
    expect(breaches).toEqual([])
  })

  it('has a row for every folder of src/ but the top one', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    const unlisted = folders.filter((f) => f !== 'cli' && f !== 'i18n' && !(f in forbidden))
    expect(unlisted).toEqual([])
  })
})
