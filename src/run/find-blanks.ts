// The blanks of one draft, for `blanks` and `fill`: read through its reader, audited with the
// file's config (allow-list and inline suppressions included) under the draft profile.
import { blanksOf, type Blank } from '../core/blanks.js'
import type { Document } from '../core/document.js'
import { findingsOf } from './file-findings.js'

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
  const { doc, findings } = await findingsOf(path, { profile: 'draft', ruleFlags: [], ruleFiles: options.rules, configPath: options.config })
  return { doc, blanks: blanksOf(findings) }
}
