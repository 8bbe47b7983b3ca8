// The `blanks` command: list every count blank and placeholder of a draft as a CSV sheet to fill.
import { renderSheet } from '../io/blank-sheet.js'
import { writeFileAtomic } from '../io/write.js'
import { findBlanks, type BlankSetupOptions } from '../run/find-blanks.js'
import { writeErr, writeOut } from './io.js'

/** Options of `blanks`, as commander parses them. */
export interface BlanksOptions extends BlankSetupOptions {
  readonly out?: string
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
