// `TIMING=1 mask-audit …`, as in ESLint: the time each rule took, printed on stderr after the
// run, so a team can see which of its own rules (or ours) makes a run slow. `TIMING=all` lists
// every rule, a number above 10 that many of the slowest; 10 otherwise. The run then stays in one thread, where
// the clock is read. Work rules share (the mask scan, tagging) counts for the first rule to ask.
import type { ActiveRule } from '../rules/types.js'

/** Milliseconds spent in each rule's check, by rule id, when `TIMING` is set. */
const spent: Map<string, number> | undefined = process.env.TIMING ? new Map() : undefined

/** True when `TIMING` asks for the table: the run must then audit in this thread. */
export function isTimingRules(): boolean {
  return spent !== undefined
}

/** `rules`, each check timed when `TIMING` is set; the same array otherwise. */
export function timedRules(rules: ActiveRule[]): ActiveRule[] {
  const table = spent
  if (!table) return rules
  return rules.map((rule) => {
    const { check } = rule
    const id = rule.def.id
    return {
      ...rule,
      check: (doc) => {
        const start = performance.now()
        try {
          return check(doc)
        } finally {
          table.set(id, (table.get(id) ?? 0) + performance.now() - start)
        }
      },
    }
  })
}

/** The table of the slowest rules, or undefined when `TIMING` is not set or no rule ran. */
export function ruleTimingTable(setting = process.env.TIMING): string | undefined {
  if (!spent || spent.size === 0) return undefined
  return renderTimingTable(spent, setting)
}

/** Renders `spent` (ms by rule id), slowest first, as many rows as `setting` asks (`all`, a number above 10, else 10). */
export function renderTimingTable(times: ReadonlyMap<string, number>, setting: string | undefined): string {
  const rows = [...times].sort((a, b) => b[1] - a[1])
  const total = rows.reduce((n, [, ms]) => n + ms, 0)
  const limit = setting?.toLowerCase() === 'all' ? rows.length : Math.max(10, Number.parseInt(setting ?? '', 10) || 0)
  const cells = rows.slice(0, limit).map(([id, ms]) => [id, ms.toFixed(1), `${total > 0 ? ((ms / total) * 100).toFixed(1) : '0.0'}%`])
  const head = ['Rule', 'Time (ms)', 'Relative']
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: readonly string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')
  return [line(head), widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | '), ...cells.map(line)].join('\n') + '\n'
}
