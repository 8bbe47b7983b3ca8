// Builds dist/ and its bundle once before the suites, so CLI tests run the code under test; afterwards removes
// the temporary folders the suites made (all named mask-audit-*).
import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const startedAt = Date.now()
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' })
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
  return () => removeTempDirs(startedAt)
}

/** Only folders made since this run started, so a parallel run's folders are left alone. */
function removeTempDirs(since: number): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('mask-audit-')) continue
    const path = join(tmpdir(), name)
    try {
      if (statSync(path).birthtimeMs >= since) rmSync(path, { recursive: true, force: true })
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
