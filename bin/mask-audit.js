#!/usr/bin/env node
// Thin launcher of the compiled CLI, bundled by `npm run build` (scripts/bundle.mjs) into one
// CommonJS file, loaded with a cache of its compiled code (./code-cache.js). In a checkout
// never built (a fresh clone after `npm install`), it builds dist/ first: see
// scripts/build-checkout.mjs for why the package has no `prepare` script.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { requireCached } from './code-cache.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url))
if (!existsSync(bundle) && existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCheckout } = await import('../scripts/build-checkout.mjs')
  buildCheckout(root)
}
const { exports, keep } = requireCached(bundle, fileURLToPath(new URL('../dist/.cache/', import.meta.url)))
process.exitCode = await exports.main(process.argv)
keep()
