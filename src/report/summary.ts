// Accumulates the totals of a run as file results stream past.
import type { FileResult, Summary } from './types.js'

/** A running tally; `add` each result, then read `summary`. */
export class SummaryTally {
  private files = 0
  private findings = 0
  private errors = 0
  private warnings = 0
  private infos = 0
  private unreadable = 0
  private readonly byCategory = new Map<string, number>()

  add(result: FileResult): void {
    this.files++
    if (result.error !== undefined) this.unreadable++
    for (const f of result.findings) {
      this.findings++
      if (f.severity === 'error') this.errors++
      else if (f.severity === 'warning') this.warnings++
      else this.infos++
      this.byCategory.set(f.category, (this.byCategory.get(f.category) ?? 0) + 1)
    }
  }

  get summary(): Summary {
    const byCategory = Object.fromEntries([...this.byCategory].sort(([a], [b]) => (a < b ? -1 : 1)))
    return { files: this.files, findings: this.findings, errors: this.errors, warnings: this.warnings, infos: this.infos, unreadable: this.unreadable, byCategory }
  }
}
