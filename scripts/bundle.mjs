// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: the two entry points (the CLI
// and the worker thread) and the chunks they share, with lazily imported modules kept in
// chunks of their own. Start-up then reads a handful of files instead of some eighty, which
// saves about 30 ms of every run. npm packages stay external, loaded from node_modules.
//
// dist/bundle/ sits two levels below the package root, as dist/<dir>/ does, so the paths the
// modules compute from import.meta.url (rules/, dist/.cache/, package.json) still hold.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'bundle')
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'run', 'audit-worker.js')],
  outdir,
  // The worker pool loads ./audit-worker.js beside itself.
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
