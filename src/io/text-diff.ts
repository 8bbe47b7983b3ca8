// The unified diff of a file's fix or redaction (`--fix-dry-run`, `redact --dry-run`), made so
// that `git apply` turns the file into its fixed copy: in the file's own bytes where its
// encoding allows, and saying so in a comment line (which git apply and patch pass over)
// where it does not.
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { encodeText } from './decode.js'

/** A file's diff, and whether it applies to the file's bytes. */
export interface FileDiff {
  /** The diff: text, or bytes where its lines are in the file's legacy encoding (GB18030, Big5, …). */
  readonly output: string | Uint8Array
  /** False when the diff is text to read that `git apply` cannot apply to the file (UTF-16, a Word file). */
  readonly applies: boolean
}

/** What the file's text was decoded from. */
export interface TextSource {
  readonly encoding: string
  readonly hasBom: boolean
}

/**
 * The diff of a text file's `before` and `after` (decoded text, BOM removed), as its bytes are:
 * a UTF-8 file's BOM stays on its first line (a hunk there did not apply); the lines of a file
 * in an ASCII-compatible legacy encoding (GB18030, Big5, Shift_JIS, EUC) are in that encoding,
 * as `git diff` shows such a file, with a comment line naming it, so `git apply` applies them
 * and one GB18030 file no longer blocks the fixes of a whole batch. A UTF-16 file's lines would
 * hold NUL bytes no patch tool reads: its diff is shown in UTF-8, to read, and says so.
 */
export async function textFileDiff(path: string, before: string, after: string, source: TextSource, lang: Lang): Promise<FileDiff> {
  const bom = source.hasBom && source.encoding === 'utf-8' ? '\uFEFF' : ''
  const diff = await unifiedDiff(path, bom + before, bom + after)
  if (source.encoding === 'utf-8') return { output: diff, applies: true }
  const name = source.encoding.toUpperCase()
  if (source.encoding.startsWith('utf-16')) return { output: comment(path, formatMessage(lang, 'diff.shown-in-utf8', { encoding: name })) + diff, applies: false }
  // The two header lines name the file as the file system does (UTF-8); the hunks are the file's bytes.
  const headEnd = diff.indexOf('\n', diff.indexOf('\n') + 1) + 1
  const body = encodeText({ text: diff.slice(headEnd), encoding: source.encoding, hasBom: false })
  return { output: Buffer.concat([Buffer.from(comment(path, formatMessage(lang, 'diff.in-encoding', { encoding: name })) + diff.slice(0, headEnd), 'utf8'), body]), applies: true }
}

/** The diff of a Word file's text, to read: it does not apply to the .docx, and its comment line says so. */
export async function wordTextDiff(path: string, before: string, after: string, lang: Lang): Promise<FileDiff> {
  return { output: comment(path, formatMessage(lang, 'diff.word-text')) + (await unifiedDiff(path, before, after)), applies: false }
}

/** `--- a/PATH`, `+++ b/PATH` and the hunks, as `git apply` and `patch -p1` read them. */
async function unifiedDiff(path: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff')
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY })
}

/** A line before a file's diff that git apply and patch pass over, as they pass over a commit message. */
function comment(path: string, text: string): string {
  return `# mask-audit: ${path.replace(/[\r\n]/g, ' ')}: ${text}\n`
}
