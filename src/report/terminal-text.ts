// Makes untrusted text safe to print on a terminal: a file name or a document may carry
// escape sequences that would recolour, retitle or rewrite the screen.

/**
 * C0 controls but tab, DEL, C1 controls (U+0080–U+009F; U+009B is a one-character CSI), and the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what is shown.
 */
const controlRe = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** `text` with every control character shown as an escape (`\x1b`, `\u202e`); tab is kept. */
export function escapeControls(text: string): string {
  return text.replace(controlRe, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** True when `text` holds a character {@link escapeControls} would change. */
export function hasControls(text: string): boolean {
  controlRe.lastIndex = 0
  const found = controlRe.test(text)
  controlRe.lastIndex = 0
  return found
}

/** A line break inside a finding's text or context (a span a hard wrap cuts), shown as one ⏎. */
const lineBreakRe = /\r\n|[\n\r]/g

/**
 * {@link escapeControls}, with each line break shown as `⏎` (a CRLF as one): a span that runs
 * across a wrapped line (`中国特⏎社会主义`) reads as the writer sees it, not as `\x0d\x0a`.
 */
export function escapeForLine(text: string): string {
  return escapeControls(text.replace(lineBreakRe, '⏎'))
}
