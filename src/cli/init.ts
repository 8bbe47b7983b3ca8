// The `init` command: write a commented starter config in the current folder.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from '../core/errors.js'
import { configFileNames, packageKey } from '../config/load.js'
import { writeFileAtomic } from '../io/write.js'
import { writeErr } from './io.js'

/** The file `init` writes. */
export const starterConfigName = '.mask-auditrc.yaml'

/** The starter config: every key, commented, with the defaults a team is likely to keep. */
export const starterConfig = `# mask-audit config. The nearest config file above an audited file applies to it
# (.mask-auditrc.yaml/.json, mask-audit.config.js, or a "mask-audit" key in package.json).
# Paths and globs below are relative to this file.

# draft: about to be published; every mask, count blank and paywall tag is an error.
# redacted: anonymized on purpose; masks are expected, leaks are errors.
profile: draft

# Severity per rule id: off, info, warning or error. \`mask-audit rules\` lists the ids.
rules:
  typo/repeated-word: warning

# A team's own rules, one YAML file each, in the format of the built-in rules/.
ruleFiles: []
#  - mask-audit-rules/*.yaml

# Matched text that is meant to be there: the exact text, or a pattern over it.
allow: []
#  - XX村
#  - { pattern: "^X{3}同志$", rules: [placeholder/mask] }

# Files never to audit, in .gitignore syntax (.gitignore itself is honoured already).
ignore: []
#  - drafts/old/

# Settings for some files only; later entries win.
overrides:
  - files: ["archive/**"]
    profile: redacted

# Suppression comments that suppress nothing: off, info, warning or error.
reportUnusedSuppressions: warning
`

/** Runs `init`: refuses to replace a config in this folder unless `--force`. */
export function runInit(options: { force?: boolean }, cwd = process.cwd()): number {
  const existing = configFileNames.find((name) => isConfigFile(join(cwd, name)))
  if (existing && (!options.force || existing !== starterConfigName)) {
    // --force replaces only the file init writes: another config here would still win over it.
    throw new UsageError(`${existing} already configures this folder`, { path: existing }, existing === starterConfigName ? 'edit it, or pass --force to write a new one' : 'edit it, or remove it first')
  }
  writeFileAtomic(join(cwd, starterConfigName), Buffer.from(starterConfig, 'utf8'))
  writeErr(`wrote ${starterConfigName}`)
  return 0
}

function isConfigFile(path: string): boolean {
  if (!existsSync(path)) return false
  if (!path.endsWith('package.json')) return true
  try {
    return packageKey in (JSON.parse(readFileSync(path, 'utf8')) as object)
  } catch {
    return false
  }
}
