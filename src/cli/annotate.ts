// The `annotate` command: a copy of a Word .docx with a comment (批注) on every finding's
// span, authored `mask-audit`, for writers who review in Word or WPS. The original is never
// written; profile, config and rules apply as for `check`.
import { extname } from 'node:path'
import { refuseNonWordCopy } from './word-copy.js'
import { UsageError } from '../core/errors.js'
import type { Document } from '../core/document.js'
import type { Finding } from '../core/finding.js'
import { visibleSuggestion } from '../core/invisible-text.js'
import { addDocxComments, type DocxComment } from '../io/docx-comments.js'
import { formatOf } from '../io/read-document.js'
import { refuseOutputOverInput, writeFileAtomic } from '../io/write.js'
import { placeOf } from '../report/place.js'
import { findingsOf } from '../run/file-findings.js'
import { writeErr } from './io.js'
import { parseLangOption, processLocaleLang } from './lang.js'

/** Options of `annotate`, as commander parses them. */
export interface AnnotateOptions {
  readonly output?: string
  readonly profile?: string
  readonly rule: string[]
  readonly category?: string[]
  readonly rules: string[]
  readonly config?: string
  readonly lang?: string
}

/**
 * Runs `annotate`. The copy is written whatever it finds; the exit code is `check`'s for the
 * same findings (1 when one is an error), as for a report written with `check -o`, so a script
 * can tell a clean draft from one that goes back to its writer.
 */
export async function runAnnotate(file: string, options: AnnotateOptions): Promise<number> {
  const output = checkPaths(file, options.output)
  // The findings are worded in the language the comments are written in: --lang, the config's, the locale's.
  const cliLang = parseLangOption(options.lang)
  const { doc, bytes: original, findings, lang } = await findingsOf(file, { profile: options.profile, ruleFlags: options.rule, categoryFlags: options.category ?? [], ruleFiles: options.rules, configPath: options.config, ...(cliLang && { lang: cliLang }), localeLang: processLocaleLang() })
  // Word anchors comments in the body only: what the notes, headers and footers hold is listed
  // in one comment at the document's start, each finding with its place.
  const inBody = findings.filter((f) => f.part === undefined)
  const elsewhere = findings.filter((f) => f.part !== undefined)
  const comments = [...(elsewhere.length > 0 ? [outsideBodyComment(elsewhere, firstCharacter(bodyText(doc)), lang)] : []), ...inBody.map((f) => commentOf(f, lang))]
  const { bytes, added } = addDocxComments(original, comments, { author: 'mask-audit', initials: 'MA', date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }, file)
  writeFileAtomic(output, bytes)
  const kept = comments.length - added
  const zhKept = kept > 0 ? `（另有 ${kept} 条已在文中，未重复添加）` : ''
  const enKept = kept > 0 ? ` (${kept} already there, not added again)` : ''
  writeErr(lang === 'zh' ? `${file}：已在 ${output} 中添加 ${added} 条批注${zhKept}` : `${file}: ${added} comment${added === 1 ? '' : 's'} written to ${output}${enKept}`)
  return findings.some((f) => f.severity === 'error') ? 1 : 0
}

/** The output path, after checking that the input is a .docx and the original is never overwritten. */
function checkPaths(file: string, output: string | undefined): string {
  if (output === undefined) throw new UsageError('annotate needs -o OUT.docx', {}, 'mask-audit annotate report.docx -o report.reviewed.docx')
  if (formatOf(file) !== 'docx') throw new UsageError(`annotate reads Word .docx files, not ${extname(file) || 'files without an extension'}`, { path: file }, 'use `mask-audit check` for text, Markdown and HTML')
  // The copy is the same kind of package: Word opens a .docm, .dotx or .dotm (whose main part's
  // content type says macros or template) only under its own extension.
  refuseNonWordCopy(file, output, 'mask-audit annotate report.docx -o report.reviewed.docx')
  refuseOutputOverInput(output, [file], '-o', 'action.annotated')
  return output
}

const zhSeverity = { error: '错误', warning: '警告', info: '提示' } as const

/** The decoded text of the body: the lines before the first note, header or footer. */
function bodyText(doc: Document): string {
  const firstPart = doc.parts.findIndex((p) => p !== undefined)
  return firstPart < 0 ? doc.text : doc.text.slice(0, Math.max(0, (doc.lineStarts[firstPart] ?? doc.text.length) - 1))
}

/**
 * The span of the body's first character (UTF-16 code units; a surrogate pair is one
 * character), skipping empty paragraphs and white space; an empty span at 0 when there is none.
 */
export function firstCharacter(text: string): { offset: number; length: number } {
  const m = /[^\s\u3000]/u.exec(text)
  return m ? { offset: m.index, length: m[0].length } : { offset: 0, length: 0 }
}

/**
 * One comment on the first character listing the findings of the notes, headers and footers,
 * and of the texts the file keeps beside its pages (a release's title, a picture's alt text),
 * each with its place.
 */
function outsideBodyComment(findings: readonly Finding[], first: { offset: number; length: number }, lang: 'zh' | 'en'): DocxComment {
  const isBesidePages = findings.some((f) => f.part?.kind === 'property' || f.part?.kind === 'picture' || f.part?.kind === 'link')
  const count = findings.length
  const title = isBesidePages
    ? lang === 'zh' ? `正文以外（脚注、尾注、页眉、页脚、文件属性、图片、链接）有 ${count} 个问题：` : `${count} finding${count === 1 ? '' : 's'} outside the body (notes, headers, footers, document properties, pictures, links):`
    : lang === 'zh' ? `脚注、尾注、页眉或页脚中有 ${count} 个问题：` : `${count} finding${count === 1 ? '' : 's'} in notes, headers or footers:`
  const lines = findings.map((f) => `${placeOf(f, true, lang)}${lang === 'zh' ? '：' : ': '}${f.message}${lang === 'zh' ? `（${f.ruleId}，${zhSeverity[f.severity]}）` : ` (${f.ruleId}, ${f.severity})`}`)
  return { ...first, paragraphs: [title, ...lines] }
}

/** A finding as a comment: the message, the suggestion when there is one, and the rule id. */
export function commentOf(f: Finding, lang: 'zh' | 'en'): DocxComment {
  const paragraphs = [f.message]
  const shown = f.suggestion === undefined ? undefined : visibleSuggestion(f.suggestion)
  if (shown !== undefined && !f.message.includes(shown)) {
    paragraphs.push(shown === '' ? (lang === 'zh' ? '建议：删除' : 'Suggestion: delete it') : lang === 'zh' ? `建议改为：${shown}` : `Suggestion: ${shown}`)
  }
  paragraphs.push(lang === 'zh' ? `${f.ruleId}（${zhSeverity[f.severity]}）` : `${f.ruleId} (${f.severity})`)
  return { offset: f.offset, length: f.length, paragraphs }
}

