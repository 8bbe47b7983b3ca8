// The `blanks` command: list every count blank and placeholder of a draft as a CSV sheet to fill.
import { renderSheet } from '../io/blank-sheet.js'
import { refuseOutputOverInput, writeFileAtomic } from '../io/write.js'
import { findBlanks, type BlankSetupOptions } from '../run/find-blanks.js'
import { writeErr, writeOut } from './io.js'
import { formatMessage } from '../i18n/catalogue.js'
import { parseLangOption, processLocaleLang } from './lang.js'

/** Options of `blanks`, as commander parses them. */
export interface BlanksOptions extends Omit<BlankSetupOptions, 'lang'> {
  readonly out?: string
  readonly lang?: string
}

/** Runs `blanks`: writes the sheet to `--out` (UTF-8 with BOM) or stdout; returns the exit code. */
export async function runBlanks(path: string, options: BlanksOptions): Promise<number> {
  if (options.out !== undefined) refuseOutputOverInput(options.out, [path], '-o', 'action.read')
  const cliLang = parseLangOption(options.lang)
  const { doc, blanks, lang } = await findBlanks(path, { rules: options.rules, ...(options.config !== undefined && { config: options.config }), localeLang: processLocaleLang(), ...(cliLang && { lang: cliLang }) })
  if (options.out === undefined) {
    writeOut(renderSheet(blanks, lang, doc.format === 'docx').replace(/^\uFEFF/, ''))
    return 0
  }
  writeFileAtomic(options.out, Buffer.from(renderSheet(blanks, lang, doc.format === 'docx'), 'utf8'))
  writeErr(formatMessage(lang, 'blanks.written', { path, count: blanks.length, sheet: options.out }))
  return 0
}
