// Accumulates the totals of a run as file results stream past.
import type { Finding } from '../core/finding.js'
import type { FileResult, FindingCounts, Summary } from './types.js'

/** Totals of `findings`. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0
  let warnings = 0
  let infos = 0
  const byCategory: Record<string, number> = {}
  const byRule: Record<string, number> = {}
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1
    if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
    else infos++
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1
  }
  return { findings: findings.length, errors, warnings, infos, byCategory, byRule }
}

/** The totals of a result, whether it carries its findings or was rendered in a worker. */
export function countsOf(result: FileResult): FindingCounts {
  return result.prerendered?.counts ?? countFindings(result.findings)
}

/** A running tally; `add` each result, then read `summary`. */
export class SummaryTally {
  private files = 0
  private findings = 0
  private errors = 0
  private warnings = 0
  private infos = 0
  private unreadable = 0
  private pathErrors = 0
  private readonly byCategory = new Map<string, number>()

  /** Counts a command-line path that named nothing to audit. */
  addPathError(): void {
    this.pathErrors++
  }

  add(result: FileResult): void {
    this.files++
    if (result.error !== undefined) this.unreadable++
    if (result.prerendered) return this.addCounts(result.prerendered.counts)
    for (const f of result.findings) {
      this.findings++
      if (f.severity === 'error') this.errors++
      else if (f.severity === 'warning') this.warnings++
      else this.infos++
      this.byCategory.set(f.category, (this.byCategory.get(f.category) ?? 0) + 1)
    }
  }

  private addCounts(counts: FindingCounts): void {
    this.findings += counts.findings
    this.errors += counts.errors
    this.warnings += counts.warnings
    this.infos += counts.infos
    for (const [category, n] of Object.entries(counts.byCategory)) this.byCategory.set(category, (this.byCategory.get(category) ?? 0) + n)
  }

  get summary(): Summary {
    const byCategory = Object.fromEntries([...this.byCategory].sort(([a], [b]) => (a < b ? -1 : 1)))
    return { files: this.files, findings: this.findings, errors: this.errors, warnings: this.warnings, infos: this.infos, unreadable: this.unreadable, pathErrors: this.pathErrors, byCategory }
  }
}
