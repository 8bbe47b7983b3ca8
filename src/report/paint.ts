// The styles of the terminal reporter: the text itself without colour, ANSI colours
// (color-paint.ts, chalk, loaded only then) with it; chalk's own terminal detection cost each
// run ~2 ms, for a choice the CLI has made already.

/** One style: the text, wrapped in the escapes that show it so, or not. */
export type Style = (text: string) => string

/** The styles the `stylish` reporter writes with. */
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
