// Shared helpers of the test suites: run rules on inline text, run the CLI.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { checkDocument } from '../src/core/engine.js'
import type { Finding } from '../src/core/finding.js'
import { documentFromBytes, documentFromText } from '../src/io/read-document.js'
import { docxOfExample } from './support/docx.js'
import { activateRules, builtinRulesDir, loadRuleDir } from '../src/rules/loader.js'
import type { Lang } from '../src/i18n/catalogue.js'
import type { Profile, RuleDef } from '../src/rules/types.js'

/** The built-in rule definitions, loaded once. */
export const builtinRules: RuleDef[] = loadRuleDir(builtinRulesDir)

/**
 * Runs the built-in rules (or `only` those ids) on `text` under `profile`, worded in `lang`
 * (English by default). A rule example written as Word XML is read as the .docx it describes.
 */
export async function checkText(text: string, options: { path?: string; profile?: Profile; only?: readonly string[]; lang?: Lang } = {}): Promise<Finding[]> {
  const defs = options.only ? builtinRules.filter((d) => options.only!.includes(d.id)) : builtinRules
  const forced = options.only ? new Map(defs.map((d) => [d.id, d.severity.draft === 'off' ? 'error' : d.severity.draft] as const)) : undefined
  const docx = options.path === undefined ? docxOfExample(text) : undefined
  const doc = docx ? await documentFromBytes(docx, 'inline.docx') : await documentFromText(text, options.path ?? 'inline.txt')
  return checkDocument(doc, activateRules(defs, options.profile ?? 'draft', forced, { lang: options.lang ?? 'en' }))
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const bin = fileURLToPath(new URL('../bin/mask-audit.js', import.meta.url))

/** Runs the built CLI; returns exit code, stdout and stderr. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    // An English locale unless a test sets one: messages follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG.
    env: { ...process.env, NO_COLOR: '1', LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
