// Builds dist/ in a checkout of the repository, for bin/mask-audit.js when it finds none: the
// package has no `prepare` script (npm 11 warns about one as an unapproved install script when
// the packed package is installed), so a fresh clone's `npm install` builds nothing, and the
// first `npx mask-audit` builds instead. The registry package ships dist/ (built on `prepack`)
// and never comes here. Everything is written to stderr, so stdout stays the report's.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildAll } from './build.mjs'

/** Runs `npm run build`'s steps (build.mjs) inside the checkout at `root`. */
export function buildCheckout(root) {
  process.stderr.write('mask-audit: no dist/ in this checkout; building it once (npm run build)...\n')
  try {
    createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
  } catch {
    process.stderr.write('mask-audit: cannot build: typescript is not installed; run `npm install` in the checkout first\n')
    process.exit(2)
  }
  buildAll(root)
}
