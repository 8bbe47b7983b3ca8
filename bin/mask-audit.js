#!/usr/bin/env node
// Thin launcher of the compiled CLI, bundled by `npm run build` (scripts/bundle.mjs). In a
// checkout never built (a fresh clone after `npm install`), it builds dist/ first: see
// scripts/build-checkout.mjs for why the package has no `prepare` script.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url)) && existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCheckout } = await import('../scripts/build-checkout.mjs')
  buildCheckout(root)
}
const { main } = await import('../dist/bundle/main.js')
process.exitCode = await main(process.argv)
