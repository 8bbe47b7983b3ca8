// TIMING=1: a table of the slowest rules on stderr, as ESLint prints it; the report is unchanged.
import { describe, expect, it } from 'vitest'
import { renderTimingTable } from '../src/run/rule-timing.js'
import { runCli } from './helpers.js'

const seed = 'fixtures/draft/seed-000-team-party-building.txt'

describe('TIMING', () => {
  it('renders the slowest rules first, 10 unless all or more are asked for', () => {
    const times = new Map(Array.from({ length: 12 }, (_, i) => [`r/${i}`, i + 1] as const))
    const ten = renderTimingTable(times, '1').trim().split('\n')
    expect(ten).toHaveLength(12)
    expect(ten[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/)
    expect(ten[2]).toMatch(/^r\/11 +\| +12\.0 \| +15\.4%$/)
    expect(renderTimingTable(times, 'all').trim().split('\n')).toHaveLength(14)
    expect(renderTimingTable(times, '11').trim().split('\n')).toHaveLength(13)
  })

  it('prints the table on stderr after the run and leaves the report as it is', () => {
    const plain = runCli([seed, '--format', 'json'])
    const timed = runCli([seed, '--format', 'json'], { env: { TIMING: '1' } })
    expect(timed.code).toBe(plain.code)
    expect(JSON.parse(timed.stdout).files).toEqual(JSON.parse(plain.stdout).files)
    const rows = timed.stderr.trim().split('\n')
    expect(rows[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/)
    expect(rows.slice(2).every((row) => /^[a-z-]+\/[a-z-]+ +\| +\d+\.\d \| +\d+\.\d%$/.test(row))).toBe(true)
    expect(plain.stderr).toBe('')
  })
})
