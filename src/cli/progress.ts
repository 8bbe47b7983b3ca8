// A progress line on stderr for long batches: files done, MB/s, findings so far. Shown only
// on a terminal, never under CI or with --no-progress, and never on stdout.
import type { FileResult } from '../core/result.js'

/** What decides whether the bar may be shown; from the process, injectable in tests. */
export interface ProgressEnvironment {
  readonly isTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  /** False with --no-progress. */
  readonly isWanted: boolean
}

/** The progress line of a run. */
export interface Progress {
  /** Counts a finished file, redrawing at most every {@link redrawMs}. */
  update(result: FileResult): void
  /** Erases the line so other output can be written. */
  clear(): void
  /** Erases the line for good. */
  finish(): void
}

/** Nothing is drawn before this: a batch done sooner has no bar. */
export const delayMs = 500
const redrawMs = 100
const barWidth = 24

/** True when a bar may be drawn: stderr is a terminal, not CI, not --no-progress. */
export function shouldShowProgress(e: ProgressEnvironment): boolean {
  const isCi = e.env.CI !== undefined && e.env.CI !== '' && e.env.CI !== 'false' && e.env.CI !== '0'
  return e.isWanted && e.isTTY && !isCi && e.env.TERM !== 'dumb'
}

/** A bar over `total` files writing through `write` (stderr), or one that does nothing. */
export function createProgress(total: number, isShown: boolean, write: (text: string) => void, now: () => number = Date.now): Progress {
  if (!isShown) return { update: () => undefined, clear: () => undefined, finish: () => undefined }
  const start = now()
  let done = 0
  let bytes = 0
  let findings = 0
  let lastDraw = 0
  let isDrawn = false
  const clear = () => {
    if (isDrawn) write('\r\x1b[K')
    isDrawn = false
  }
  return {
    update(result) {
      done++
      bytes += result.bytes ?? 0
      findings += result.prerendered?.counts.findings ?? result.findings.length
      const t = now()
      if (t - start < delayMs || (t - lastDraw < redrawMs && done < total)) return
      lastDraw = t
      write('\r' + renderLine(done, total, bytes, findings, (t - start) / 1000) + '\x1b[K')
      isDrawn = true
    },
    clear,
    finish: clear,
  }
}

/** `[######      ] 1200/2000 files  38.5 MB/s  5321 findings` */
export function renderLine(done: number, total: number, bytes: number, findings: number, seconds: number): string {
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth
  const rate = seconds > 0 ? bytes / 1e6 / seconds : 0
  return `[${'#'.repeat(filled)}${' '.repeat(barWidth - filled)}] ${done}/${total} files  ${rate.toFixed(1)} MB/s  ${findings} findings`
}
