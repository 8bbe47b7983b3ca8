// The findings of one file, read through its reader and audited with its settings (config,
// allow-list, inline suppressions): for the commands that work on one document at a time.
import { auditDocument } from '../core/audit.js'
import type { Document } from '../core/document.js'
import type { Finding } from '../core/finding.js'
import type { Lang } from '../i18n/catalogue.js'
import { documentFromBytes, readBytes } from '../io/read-document.js'
import { SettingsResolver, type CliSettings } from './file-settings.js'

/**
 * Reads `path` once and audits it as `check` would, with the command line's settings over its
 * config; gives the bytes read too (annotate writes a copy of them) and the run's language.
 */
export async function findingsOf(path: string, cli: CliSettings): Promise<{ doc: Document; bytes: Uint8Array; findings: readonly Finding[]; lang: Lang }> {
  const resolver = new SettingsResolver(cli)
  const settings = await resolver.forPath(path)
  const bytes = readBytes(path)
  const doc = await documentFromBytes(bytes, path)
  return { doc, bytes, findings: auditDocument(doc, settings.rules, settings.filters).findings, lang: await resolver.runLang() }
}
