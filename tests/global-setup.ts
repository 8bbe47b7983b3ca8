// Builds dist/ once before the suites, so CLI tests run the code under test.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' })
}
