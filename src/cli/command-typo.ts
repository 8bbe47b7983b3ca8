// A mistyped command (`mask-audit chek report.txt`) is named as such, not audited as a path:
// `check` is the default command, so commander alone would take `chek` for a file.
import { existsSync } from 'node:fs'
import { UsageError } from '../core/errors.js'
import { suggestName } from '../core/suggest-name.js'
import { localText } from '../i18n/catalogue.js'

/** Glob characters: an argument holding one is a pattern, never a command. */
const globRe = /[*?[\]{}!]/

/**
 * Throws a UsageError when the first argument after the program (`argv[2]`) is not a
 * command, not an existing path, not a pattern, and is a command's name mistyped. A path
 * that exists wins, so a file named `chek` is still audited; a file named like a command
 * itself (`check`) is audited as `./check`.
 */
export function assertNoCommandTypo(argv: readonly string[], commands: readonly string[]): void {
  const first = argv[2]
  if (first === undefined || first.startsWith('-') || commands.includes(first)) return
  if (/[\\/.]/.test(first) || globRe.test(first) || existsSync(first)) return
  const near = suggestName(first, commands)
  if (near !== undefined) throw new UsageError(localText('error.unknown-command', { command: first }), {}, localText('hint.did-you-mean', { name: near }))
}
