#!/usr/bin/env node
// Thin launcher of the compiled CLI, bundled by `npm run build` (scripts/bundle.mjs) into one
// CommonJS file, loaded with a cache of its compiled code (./code-cache.js). It is CommonJS
// itself (bin/package.json): a CommonJS entry point starts without Node's ES module loader,
// some 15 ms of CPU a run. In a checkout never built (a fresh clone after `npm install`), it
// builds dist/ first: see scripts/build-checkout.mjs for why the package has no `prepare` script.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { requireCached } = require('./code-cache.js')

const root = join(__dirname, '..')
const bundle = join(root, 'dist', 'bundle', 'main.cjs')

async function run() {
  if (!existsSync(bundle) && existsSync(join(root, 'src', 'cli', 'main.ts'))) {
    const { buildCheckout } = await import('../scripts/build-checkout.mjs')
    buildCheckout(root)
  }
  const { exports, keep } = requireCached(bundle, join(root, 'dist', '.cache'))
  process.exitCode = await exports.main(process.argv)
  // V8 rejects a code cache made under other flags: a run that changed them saves none. A
  // run that audited no file in this thread saves a partial cache, which the next that does replaces.
  const worth = exports.codeCacheWorth()
  if (worth !== 'none') keep(worth === 'complete')
}

run()
