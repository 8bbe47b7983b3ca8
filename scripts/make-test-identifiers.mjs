#!/usr/bin/env node
// Makes valid identifiers for tests and fixtures from the project's own checksum code, so no
// real person's or company's number is ever written down. Run `npm run build` first.
//
//   node scripts/make-test-identifiers.mjs id 640302 19900307 851     # → 18-digit ID number
//   node scripts/make-test-identifiers.mjs credit 91640100MA7XK2L3P   # 17 chars → credit code
//   node scripts/make-test-identifiers.mjs card 622202123456789012    # body → card number
import { creditCheckChar, idCheckChar, luhnCheckDigit } from '../dist/rules/shared/identifiers/checksums.js'

const [kind, ...args] = process.argv.slice(2)
if (kind === 'id') {
  const body = args.join('')
  console.log(body + idCheckChar(body))
} else if (kind === 'credit') console.log(args[0] + creditCheckChar(args[0]))
else if (kind === 'card') console.log(args[0] + luhnCheckDigit(args[0]))
else {
  console.error('usage: make-test-identifiers.mjs id|credit|card BODY')
  process.exit(2)
}
