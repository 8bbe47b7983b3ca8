#!/usr/bin/env node
// Thin launcher of the compiled CLI.
import { main } from '../dist/cli/main.js'

process.exitCode = await main(process.argv)
