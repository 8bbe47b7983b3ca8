// Builds dist/ and its bundle once before the suites, so CLI tests run the code under test,
// and makes the one folder that holds every temporary folder of this run (see
// support/temp-dirs.ts); removes it afterwards.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDirVariable } from './support/temp-dirs.js'

export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/build-jieba-words.mjs'], { stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/build-gazetteer.mjs', '--compile'], { stdio: 'inherit' })
  // Test workers inherit the environment of this process.
  const runDir = mkdtempSync(join(tmpdir(), 'mask-audit-tests-'))
  process.env[runDirVariable] = runDir
  return () => rmSync(runDir, { recursive: true, force: true })
}
