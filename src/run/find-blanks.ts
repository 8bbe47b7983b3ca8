// The blanks of one draft, for `blanks` and `fill`: read through its reader, audited with the
// file's config (allow-list and inline suppressions included) under the draft profile.
import { auditDocument } from '../core/audit.js'
import { blanksOf, type Blank } from '../core/blanks.js'
import type { Document } from '../core/document.js'
import { readDocument } from '../io/read-document.js'
import { SettingsResolver } from './file-settings.js'

/** Options shared by `blanks` and `fill`. */
export interface BlankSetupOptions {
  readonly config?: string
  readonly rules: string[]
}

/**
 * Reads `path` and finds its blanks under the draft profile (where every blank is reported),
 * with the file's config, allow-list and inline suppressions applied.
 */
export async function findBlanks(path: string, options: BlankSetupOptions): Promise<{ doc: Document; blanks: Blank[] }> {
  const resolver = new SettingsResolver({ profile: 'draft', ruleFlags: [], ruleFiles: options.rules, configPath: options.config })
  const settings = await resolver.forPath(path)
  const doc = await readDocument(path)
  const result = auditDocument(doc, settings.rules, settings.filters)
  return { doc, blanks: blanksOf(result.findings) }
}
