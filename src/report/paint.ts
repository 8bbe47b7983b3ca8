// The styles of the terminal reporter, as functions of the text: the text itself when colour
// is off, ANSI colours (color-paint.ts) when it is on. Without colour, chalk is never loaded:
// its terminal detection cost each run on a small file ~2 ms, for a choice made already.

/** One style: the text, wrapped in the escapes that show it so, or not. */
export type Style = (text: string) => string

export interface Paint {
  readonly underline: Style
  readonly bold: Style
  readonly dim: Style
  readonly red: Style
  readonly yellow: Style
  readonly blue: Style
  readonly green: Style
  readonly redBold: Style
  readonly yellowBold: Style
}

const same: Style = (text) => text

/** No colour: every style gives the text as it is. */
export const plainPaint: Paint = { underline: same, bold: same, dim: same, red: same, yellow: same, blue: same, green: same, redBold: same, yellowBold: same }
