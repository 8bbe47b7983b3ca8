#!/usr/bin/env node
// Thin launcher of the compiled CLI, bundled by `npm run build` (scripts/bundle.mjs).
import { main } from '../dist/bundle/main.js'

process.exitCode = await main(process.argv)
