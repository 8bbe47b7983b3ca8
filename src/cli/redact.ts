// The `redact` command: writes a copy of a file with every leaked name replaced by one uniform
// mask, in the file's own encoding, BOM and line endings; the original is never written.
import { auditDocument } from '../core/audit.js'
import { traitsOf } from '../core/categories.js'
import { UsageError } from '../core/errors.js'
import type { Document } from '../core/document.js'
import type { Finding } from '../core/finding.js'
import { escapeMarkdownMasks, planRedaction, chooseUniformMask, type NameMask, type RedactionPlan } from '../core/redaction.js'
import { decodeBytes, encodeText } from '../io/decode.js'
import { documentFromBytes, documentFromText, formatByContent, formatOf, readBytes, refuseUnreadFormat, whyNotRewritable } from '../io/read-document.js'
import { textFileDiff, wordTextDiff } from '../io/text-diff.js'
import { refuseOutputOverInput, writeFileAtomic } from '../io/write.js'
import { findMaskSlots } from '../rules/shared/mask-slots.js'
import type { UniformityOptions } from '../rules/uniformity.js'
import type { RuleDef } from '../rules/types.js'
import { SettingsResolver } from '../run/file-settings.js'
import { writeErr, writeOut } from './io.js'
import { refuseNonWordCopy } from './word-copy.js'
import { placeOf } from '../report/place.js'
import { parseLangOption, processLocaleLang } from './lang.js'
import { formatMessage, localText, type Lang } from '../i18n/catalogue.js'

const maskRe = /^[*\uFF0AxX\uFF58\uFF38\u00D7]+$/

/** Options of `redact`, as commander parses them. */
export interface RedactOptions {
  readonly output?: string
  readonly dryRun?: boolean
  readonly mask?: string
  readonly rules: string[]
  readonly config?: string
  readonly tokenizer?: string
  readonly sensitiveTerms?: string
  /** `--lang zh|en`, as typed: the language of what redact says. */
  readonly lang?: string
}

/** Runs `redact` and returns the exit code: 0 done, 1 when a leak is still found in the copy. */
export async function runRedact(file: string, options: RedactOptions): Promise<number> {
  if (!options.output && !options.dryRun) throw new UsageError(localText('redact.needs-output'), {}, 'mask-audit redact report.txt -o report.redacted.txt')
  // `*`, U+FF0A FULLWIDTH ASTERISK, `x`, `X`, U+FF58 and U+FF38 FULLWIDTH x and X, U+00D7 MULTIPLICATION SIGN.
  if (options.mask !== undefined && !maskRe.test(options.mask)) throw new UsageError(localText('redact.bad-mask', { mask: options.mask }))
  if (options.output) refuseOutputOverInput(options.output, [file], '-o', 'action.redacted')
  refuseUnreadFormat(file)
  const bytes = readBytes(file)
  // What the bytes hold comes first: a Word 97–2003 file named .doc is refused as such, not as a .doc that is not written back.
  formatByContent(file, bytes)
  const isWord = formatOf(file) === 'docx'
  const readOnly = isWord ? undefined : whyNotRewritable(file)
  if (readOnly !== undefined) throw new UsageError(localText('redact.cannot', { reason: readOnly }), { path: file }, localText('error.not-rewritable.hint'))
  if (isWord && options.output) refuseNonWordCopy(file, options.output, 'mask-audit redact judgment.docx -o judgment.redacted.docx')
  const cliLang = parseLangOption(options.lang)
  // The file's rules and filters as `check --profile redacted` has them: its config's
  // sensitiveTerms, rules, overrides and allow-list included.
  const resolver = new SettingsResolver({
    profile: 'redacted',
    ruleFlags: [],
    ruleFiles: options.rules,
    ...(options.config !== undefined && { configPath: options.config }),
    ...(options.tokenizer !== undefined && { tokenizer: options.tokenizer }),
    ...(options.sensitiveTerms !== undefined && { sensitiveTermsFile: options.sensitiveTerms }),
    ...(cliLang !== undefined && { lang: cliLang }),
    localeLang: processLocaleLang(),
  })
  const settings = await resolver.forPath(file)
  const lang = await resolver.runLang()
  const slotWords = uniformitySlotWords(settings.defs)
  const auditOf = (doc: Document) => {
    const nameMasks = findMaskSlots(doc, slotWords).map((s) => s.run)
    const findings = auditDocument(doc, settings.rules, settings.filters).findings
    return { doc, findings, nameMasks }
  }
  if (isWord) return redactWord(file, bytes, options, auditOf, lang)
  const decoded = decodeBytes(bytes, file)
  const audit = async (text: string) => auditOf(await documentFromText(text, file, decoded.encoding, decoded.hasBom))
  const before = await audit(decoded.text)
  const mask = options.mask ?? chooseUniformMask(before.nameMasks)
  const planned = planRedaction(before.doc, before.findings, before.nameMasks, mask)
  // In Markdown a run of `*` is emphasis: the copy writes its masks so that they render as masks.
  const plan = before.doc.format === 'markdown' ? escapeMarkdownMasks(before.doc, planned, await import('../io/markdown.js')) : planned
  if (options.dryRun) {
    // As --fix-dry-run writes it: `git apply` or `patch -p1` turns the file into the redacted copy.
    const diff = await textFileDiff(file, decoded.text, plan.text, decoded, lang)
    writeOut(diff.output)
    writeErr(summarise(file, plan, undefined, lang))
    if (!diff.applies) writeErr(formatMessage(lang, 'diff.not-applicable', { count: 1 }))
    return 0
  }
  writeFileAtomic(options.output!, encodeText({ text: plan.text, encoding: decoded.encoding, hasBom: decoded.hasBom }))
  const left = (await audit(plan.text)).findings.filter(isRedactableLeak)
  writeErr(summarise(file, plan, options.output, lang))
  for (const f of left) writeErr(stillFound(options.output!, f, lang, false))
  return left.length > 0 ? 1 : 0
}

/** The rules of what only a Word file holds unseen, which its redacted copy must no longer hold. */
const wordOnlyLeaks: ReadonlySet<string> = new Set(['leak/hidden-text', 'leak/document-properties'])

type Audit = (doc: Document) => { doc: Document; findings: readonly Finding[]; nameMasks: readonly NameMask[] }

/**
 * `redact` of a Word file: the names replaced in the runs that hold them (body, headers,
 * footers and notes), what Word hides (tracked changes, comments, hidden text) taken out of the
 * copy and the document properties that name people cleared; a dry run prints the text's diff.
 * 1 when a leak is still found in the copy (a name across paragraphs is left for the writer).
 */
async function redactWord(file: string, bytes: Uint8Array, options: RedactOptions, auditOf: Audit, lang: Lang): Promise<number> {
  const before = auditOf(await documentFromBytes(bytes, file))
  const mask = options.mask ?? chooseUniformMask(before.nameMasks)
  const plan = planRedaction(before.doc, before.findings, before.nameMasks, mask)
  if (options.dryRun) {
    writeOut((await wordTextDiff(file, before.doc.text, plan.text, lang)).output)
    writeErr(summarise(file, plan, undefined, lang))
    return 0
  }
  const { redactDocx } = await import('../io/docx-redact.js')
  const copy = redactDocx(bytes, plan.edits, file)
  writeFileAtomic(options.output!, copy.bytes)
  const after = auditOf(await documentFromBytes(copy.bytes, options.output!))
  const left = after.findings.filter((f) => isRedactableLeak(f) || wordOnlyLeaks.has(f.ruleId))
  writeErr(summarise(file, plan, options.output, lang))
  const { revisions, comments, hidden, properties } = copy.removed
  if (revisions + comments + hidden > 0) {
    const parts = [formatMessage(lang, 'redact.revisions', { count: revisions }), formatMessage(lang, 'redact.comments', { count: comments }), formatMessage(lang, 'redact.hidden', { count: hidden })]
    writeErr(formatMessage(lang, 'redact.removed', { path: options.output!, parts: parts.join(formatMessage(lang, 'redact.list-separator')) }))
  }
  if (properties > 0) writeErr(formatMessage(lang, 'redact.properties', { path: options.output!, count: properties }))
  for (const f of left) writeErr(stillFound(options.output!, f, lang, true))
  return left.length > 0 ? 1 : 0
}

/** The slot words of the built-in uniformity rule: the words after which a mask stands for a name. */
function uniformitySlotWords(defs: readonly RuleDef[]): readonly string[] {
  const def = defs.find((d) => d.kind === 'uniformity') as RuleDef<UniformityOptions> | undefined
  return def?.options.slotWords ?? []
}

function isRedactableLeak(f: Finding): boolean {
  return traitsOf(f.category).isLeak && f.data?.redact !== undefined
}

function summarise(file: string, plan: RedactionPlan, output: string | undefined, lang: Lang): string {
  const names = plan.edits.filter((e) => e.reason !== 'uniform-mask').length
  const masks = plan.edits.length - names
  return formatMessage(lang, 'redact.summary', {
    path: file,
    names: formatMessage(lang, 'redact.names', { count: names }),
    masks: formatMessage(lang, 'redact.masks', { count: masks }),
    where: output ? formatMessage(lang, 'redact.written-to', { output }) : formatMessage(lang, 'redact.dry-run'),
  })
}

/**
 * A leak the copy still holds, where the writer finds it: a text file's line and column; a Word
 * file's place as Word shows it (第6段第3字, a note, a header), to edit there.
 */
function stillFound(output: string, f: Finding, lang: Lang, isWord: boolean): string {
  if (isWord) return formatMessage(lang, 'redact.still-found.docx', { path: output, place: placeOf(f, true, lang), rule: f.ruleId })
  return formatMessage(lang, 'redact.still-found', { path: output, line: f.line, column: f.column, rule: f.ruleId })
}

