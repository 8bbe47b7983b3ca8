// File-system error codes in words, for the one-line messages of unreadable files and folders.
import { hasMessage, localText, type LocalText } from '../i18n/catalogue.js'

/**
 * A file-system error in words (`permission denied`, `too many levels of symbolic links`): the
 * catalogues' `errno.<CODE>`, else the bare code.
 */
export function describeErrno(error: unknown): string | LocalText {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== undefined && hasMessage(`errno.${code}`)) return localText(`errno.${code}`)
  return code || String(error)
}

/**
 * A failed write in words: as {@link describeErrno}, but ENOENT, which a write meets only when
 * the folder it writes into is missing, says so (`errno.write.ENOENT`).
 */
export function describeWriteErrno(error: unknown): string | LocalText {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' ? localText('errno.write.ENOENT') : describeErrno(error)
}
