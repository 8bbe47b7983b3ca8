// What annotate, redact and fill ask of a Word file's copy: Word opens a package only under its
// own extension (a .docm's macros need .docm), so the copy keeps the original's.
import { extname } from 'node:path'
import { UsageError } from '../core/errors.js'
import { localText } from '../i18n/catalogue.js'

/** Refuses `-o OUTPUT` for the copy of the Word file `input` unless it keeps `input`'s extension. */
export function refuseNonWordCopy(input: string, output: string, example: string): void {
  const extension = extname(input).toLowerCase()
  if (extname(output).toLowerCase() === extension) return
  const hint = extension === '.docx' ? example : localText('error.word-copy-extension.hint', { extension, output: `${output.replace(/\.[^./\\]*$/, '')}${extension}` })
  throw new UsageError(localText('error.word-copy-extension', { output, extension }), {}, hint)
}
