// Builds dist/ in a checkout of the repository, for bin/mask-audit.js when it finds none: the
// package has no `prepare` script (npm 11 warns about one as an unapproved install script when
// the packed package is installed), so a fresh clone's `npm install` builds nothing, and the
// first `npx mask-audit` builds instead. The registry package ships dist/ (built on `prepack`)
// and never comes here. Everything is written to stderr, so stdout stays the report's.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** Compiles src/ with tsc and bundles it (as `npm run build` does), inside the checkout at `root`. */
export function buildCheckout(root) {
  process.stderr.write('mask-audit: no dist/ in this checkout; building it once (npm run build)...\n')
  const require = createRequire(join(root, 'package.json'))
  let tsc
  try {
    tsc = require.resolve('typescript/bin/tsc')
  } catch {
    process.stderr.write('mask-audit: cannot build: typescript is not installed; run `npm install` in the checkout first\n')
    process.exit(2)
  }
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] })
  run([tsc, '-p', 'tsconfig.json'])
  run([join(root, 'scripts', 'bundle.mjs')])
}
