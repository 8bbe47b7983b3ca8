// The `blanks` command: list every count blank and placeholder of a draft as a CSV sheet to fill.
import { auditDocument } from '../core/audit.js'
import { blanksOf, type Blank } from '../core/blanks.js'
import type { Document } from '../core/document.js'
import { SettingsResolver } from '../run/file-settings.js'
import { renderSheet } from '../io/blank-sheet.js'
import { readDocument } from '../io/read-document.js'
import { writeFileAtomic } from '../io/write.js'
import { writeErr, writeOut } from './io.js'

/** Options shared by `blanks` and `fill`. */
export interface BlankSetupOptions {
  readonly config?: string
  readonly rules: string[]
}

/** Options of `blanks`, as commander parses them. */
export interface BlanksOptions extends BlankSetupOptions {
  readonly out?: string
}

/**
 * Reads `path` and finds its blanks under the draft profile (where every blank is reported),
 * with the file's config, allow-list and inline suppressions applied.
 */
export async function findBlanks(path: string, options: BlankSetupOptions): Promise<{ doc: Document; blanks: Blank[] }> {
  const resolver = new SettingsResolver({ profile: 'draft', ruleFlags: [], ruleFiles: options.rules, configPath: options.config })
  const settings = await resolver.forPath(path)
  const doc = await readDocument(path)
  const result = auditDocument(doc, settings.rules, settings.filters)
  return { doc, blanks: blanksOf(result.findings) }
}

/** Runs `blanks`: writes the sheet to `--out` (UTF-8 with BOM) or stdout; returns the exit code. */
export async function runBlanks(path: string, options: BlanksOptions): Promise<number> {
  const { blanks } = await findBlanks(path, options)
  if (options.out === undefined) {
    writeOut(renderSheet(blanks).replace(/^\uFEFF/, ''))
    return 0
  }
  writeFileAtomic(options.out, Buffer.from(renderSheet(blanks), 'utf8'))
  writeErr(`${path}: ${blanks.length} blank${blanks.length === 1 ? '' : 's'} written to ${options.out}; fill the value column, then run \`mask-audit fill ${path} --values ${options.out} -o OUT\``)
  return 0
}
