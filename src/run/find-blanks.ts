// The blanks of one draft, for `blanks` and `fill`: read through its reader, audited with the
// file's config (allow-list and inline suppressions included) under the draft profile.
import { blanksOf, type Blank } from '../core/blanks.js'
import type { Document } from '../core/document.js'
import { findingsOf } from './file-findings.js'
import { placeOf } from '../report/place.js'
import type { Lang } from '../i18n/catalogue.js'

/** Options shared by `blanks` and `fill`. */
export interface BlankSetupOptions {
  readonly config?: string
  readonly rules: string[]
  /** The locale's language, for a run where the config does not say (`lang`). */
  readonly localeLang?: Lang
  /** `--lang`, over the config's and the locale's. */
  readonly lang?: Lang
}

/**
 * Reads `path` and finds its blanks under the draft profile (where every blank is reported),
 * with the file's config, allow-list and inline suppressions applied.
 */
export async function findBlanks(path: string, options: BlankSetupOptions): Promise<{ doc: Document; bytes: Uint8Array; blanks: Blank[]; lang: Lang }> {
  const { doc, bytes, findings, lang } = await findingsOf(path, { profile: 'draft', ruleFlags: [], ruleFiles: options.rules, configPath: options.config, localeLang: options.localeLang, ...(options.lang && { lang: options.lang }) })
  // In a .docx the line counts every paragraph (table cells, text boxes, notes): the sheet names the place as Word's reader finds it.
  return { doc, bytes, blanks: blanksOf(findings, doc.format === 'docx' ? (f) => placeOf(f, true, lang) : undefined), lang }
}
