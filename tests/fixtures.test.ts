// Golden findings of the real documents in fixtures/<profile>/: `name.expected` beside each.
// `npm run fixtures:update` rewrites them; review the diff.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditFiles } from '../src/run/audit-loop.js'
import type { Finding } from '../src/core/finding.js'
import { activateRules } from '../src/rules/loader.js'
import { profiles } from '../src/rules/types.js'
import { builtinRules, repoRoot } from './helpers.js'

/** One line per finding: `line:col ruleId severity text`. */
export function goldenLines(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.text.replace(/\r?\n/g, '\\n')}`).join('\n') + '\n'
}

for (const profile of profiles) {
  const dir = join(repoRoot, 'fixtures', profile)
  let names: string[] = []
  try {
    // Dotfiles are the folder's config (fixtures/redacted/.mask-auditrc.yaml), not documents.
    names = readdirSync(dir).filter((n) => !n.endsWith('.expected') && !n.startsWith('.')).sort()
  } catch {
    continue
  }
  describe(`fixtures/${profile}`, () => {
    it.each(names)('%s', async (name) => {
      const path = join(dir, name)
      const rules = activateRules(builtinRules, profile)
      for await (const result of auditFiles([path], rules)) {
        expect(result.error).toBeUndefined()
        expect(result.findings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([])
        await expect(goldenLines(result.findings)).toMatchFileSnapshot(`${path.replace(/\.[^.]+$/, '')}.expected`)
      }
    })
  })
}
