// Who signs a first-person report (述职报告, 对照检查材料, 汇报, 发言): the byline under its title
// (`苍溪县发展和改革局党组书记、局长　欧阳振宇`) and the signature (`述职人：欧阳振宇`) name the
// author on purpose. A draft that is not meant to be anonymous names its own author.
import type { Document } from '../../core/document.js'
import { personTitles } from '../../nlp/person-names.js'
import { maskCharSource } from './chars.js'
import { literalAlternation } from './options.js'
import { findPseudonyms } from './pseudonyms.js'
import { transliteratedNameSource } from './transliterated-names.js'
import { literalsIn } from './trigger-scan.js'

/** A name alone: a transliterated one (买买提·艾力) whole, else two to four Han characters. */
const nameSource = `(${transliteratedNameSource}|[\\u4e00-\\u9fff]{2,4})`
/**
 * Labels that sign the speaker's or the writer's own report (`述职人：`, `对照检查人：`, `汇报人：`),
 * not a form's fields (`填报人`, `审核人`), whose holders a report does not speak for.
 */
const signerLabels = ['述职人', '述廉人', '述职述廉人', '述责述廉人', '汇报人', '报告人', '对照检查人', '检查人', '发言人', '讲话人', '交流发言人']
const signerLabelsIn = literalsIn(signerLabels, { keep: true })
/**
 * The rest of a signature's line after its label: a colon, maybe the writer's unit (`郸城县统计局　`),
 * the name, and nothing after it on the line.
 */
const signatureRestRe = new RegExp(`[ \\t\\u3000]*[：:][ \\t\\u3000]*(?:[\\u4e00-\\u9fff]{2,20}?(?:局|委|办|厅|院|所|队|站|中心|部|处|科|室|党组)[ \\t\\u3000]+)?${nameSource}[ \\t\\u3000]*(?=\\r?\\n|$)`, 'y')
/** Posts a byline names its author by (局长, 第一书记, 县长); 同志 and the teacher's words are no post. */
const bylinePosts = personTitles.filter((t) => t !== '同志' && t !== '老师')
/**
 * A byline: the author's unit and posts, spaces, then the name, alone on the line
 * (`中共鸡西市密山市农业农村局党组成员、副局长　司马红英`), maybe in Markdown's bold or a heading's `#`.
 */
const bylineRe = new RegExp(`^[ \\t\\u3000]*(?:#{1,6}[ \\t]*)?(?:\\*\\*)?[^\\s，。；：:！？,;*]{0,40}?(?:${literalAlternation(bylinePosts)})[ \\t\\u3000]+${nameSource}(?:\\*\\*)?[ \\t\\u3000]*$`)
/**
 * Masks and pseudonyms in a byline's or a signature's words (`***市统计局局长　张建华`): the draft
 * hides the signer's unit, which the name would give away.
 */
const maskedRe = new RegExp(`某|${maskCharSource}`)
/** A line of the body: it holds a sentence's punctuation. The heading block ends before it. */
const bodyLineRe = /[。；！？]/
/** How many lines with words the heading block holds at most: a title of two lines, a subtitle, the byline, a date. */
const headingLines = 6

/**
 * The names a document gives as its own signer: a byline in its heading block and a signature
 * line. A name that keeps the surname of a person the document masks (王建国 beside 王某某) is left
 * out: a masked person's own name in clear is the leak, wherever it stands.
 */
export function findSignerNames(doc: Document): ReadonlySet<string> {
  return doc.derive('signerNames', () => {
    const names = [...bylineNames(doc.text), ...signatureNames(doc)]
    const masked = findPseudonyms(doc).flatMap((p) => (p.kind === 'person' && p.form === 'surname' && p.name !== undefined ? [p.name] : []))
    return new Set(names.filter((name) => !masked.some((kept) => name.startsWith(kept))))
  })
}

/** The names of the bylines among the first lines of `text`, before its body starts. */
function bylineNames(text: string): string[] {
  const names: string[] = []
  let seen = 0
  for (let start = 0; start < text.length && seen < headingLines; ) {
    const newline = text.indexOf('\n', start)
    const end = newline < 0 ? text.length : newline
    const line = text.slice(start, end).replace(/\r$/, '')
    start = end + 1
    if (line.trim() === '') continue
    if (bodyLineRe.test(line)) break
    seen++
    const m = bylineRe.exec(line)
    if (m && !maskedRe.test(line.replace(/\*\*/g, ''))) names.push(m[1]!)
  }
  return names
}

/** The names of the signature lines of `doc` (`述职人：欧阳振宇`), each label the first words of its line. */
function signatureNames(doc: Document): string[] {
  const text = doc.text
  const names: string[] = []
  for (const hit of signerLabelsIn(doc)) {
    const lineStart = text.lastIndexOf('\n', hit.begin - 1) + 1
    if (!/^[ \t\u3000]*$/.test(text.slice(lineStart, hit.begin))) continue
    signatureRestRe.lastIndex = hit.end
    const m = signatureRestRe.exec(text)
    if (m && !maskedRe.test(m[0])) names.push(m[1]!)
  }
  return names
}
