// Chooses and applies the safe automatic fixes of findings; offsets in UTF-16 code units.
import type { Finding, Fix } from './finding.js'

/**
 * The fixes to apply together: no two overlap. Candidates are taken in a fixed order
 * (offset, then shorter span, then rule id, then replacement) and one that overlaps a fix
 * already taken is left for the next pass, so the outcome never depends on rule order.
 */
export function selectFixes(findings: readonly Finding[]): Fix[] {
  const candidates = findings
    .filter((f): f is Finding & { fix: Fix } => f.fix !== null)
    .sort((a, b) => a.fix.offset - b.fix.offset || a.fix.length - b.fix.length || compareText(a.ruleId, b.ruleId) || compareText(a.fix.replacement, b.fix.replacement))
  const chosen: Fix[] = []
  let end = -1
  for (const { fix } of candidates) {
    if (fix.offset < end || (fix.offset === end && fix.length === 0 && chosen[chosen.length - 1]?.length === 0)) continue
    chosen.push(fix)
    end = fix.offset + fix.length
  }
  return chosen
}

/** Applies non-overlapping fixes (as `selectFixes` returns them) to `text`. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let out = ''
  let at = 0
  for (const fix of [...fixes].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(at, fix.offset) + fix.replacement
    at = fix.offset + fix.length
  }
  return out + text.slice(at)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
