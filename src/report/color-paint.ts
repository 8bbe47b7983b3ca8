// ANSI colours for the terminal reporter, from chalk; loaded only when colour is on.
import { Chalk } from 'chalk'
import type { Paint } from './paint.js'

/** The styles in the 16 basic colours, which every terminal shows. */
export function colorPaint(): Paint {
  const c = new Chalk({ level: 1 })
  return {
    underline: (t) => c.underline(t),
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    red: (t) => c.red(t),
    yellow: (t) => c.yellow(t),
    blue: (t) => c.blue(t),
    green: (t) => c.green(t),
    redBold: (t) => c.red.bold(t),
    yellowBold: (t) => c.yellow.bold(t),
  }
}
