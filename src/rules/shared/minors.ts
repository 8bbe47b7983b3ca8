// Masked minors: a court masks a minor whatever it does with the others of the case (法释〔2016〕19号
// 第八条), so a minor's pseudonym says nothing of the role it stands in: the adult defendants beside
// a masked minor defendant are named on purpose.
import type { Document } from '../../core/document.js'
import { inferDocumentYear } from './document-year.js'
import type { Pseudonym } from './pseudonyms.js'

/** What the sentence of a mention says of a minor (`系未成年人`, `不满十八周岁`, `系某中学在读学生`). */
const minorCueRe = /未成年|[不未]满(?:十八|18)周岁|在读学生|在校学生|[初高]中(?:[一二三]年级)?学生|小学(?:[一二三四五六]年级)?学生/
/** How far after a mention, within its sentence, a cue is read. */
const cueReach = 60
const sentenceEndRe = /[。！？；\n\r]/
/** A person's header: the pseudonym, the sex and a birth year (`陈某某，男，2007年9月11日出生`). */
const birthAfterRe = /^[，,（(]\s*[男女]\s*[，,]\s*((?:19|20)[0-9]{2})年[^。；\n]{0,12}?出生/
/** A guardian's line, the paragraph after the minor's own (`法定代理人陈建军（系被告人陈某某之父）`). */
const guardianLineRe = /^[ \t\u3000]*(?:法定代理人|法定监护人|监护人)/

/** The pseudonyms (as written: 陈某某) that stand for a minor, by what the document says of them; computed once. */
export function minorPseudonyms(doc: Document, pseudonyms: readonly Pseudonym[]): ReadonlySet<string> {
  return doc.derive('minorPseudonyms', () => {
    const text = doc.text
    const minors = new Set<string>()
    const year = inferDocumentYear(doc)?.year
    for (const p of pseudonyms) {
      if (p.kind !== 'person') continue
      const name = text.slice(p.start, p.end)
      if (minors.has(name)) continue
      const after = text.slice(p.end, p.end + cueReach)
      const stop = after.search(sentenceEndRe)
      const sentence = stop < 0 ? after : after.slice(0, stop)
      const birth = birthAfterRe.exec(after)
      if (minorCueRe.test(sentence) || (birth && year !== undefined && year - Number(birth[1]) >= 1 && year - Number(birth[1]) < 18) || isBeforeGuardian(text, p)) minors.add(name)
    }
    return minors
  })
}

/** How far before a pseudonym its line may start for it to open its paragraph: an indent and a role. */
const maxHeadBefore = 40

/** True when `p` opens its paragraph (after a role) and the next paragraph is its guardian's. */
function isBeforeGuardian(text: string, p: Pseudonym): boolean {
  // Only a role and an indent may stand before it on its line: its start is looked for that far
  // back, not over a whole line (a page flattened into one line holds thousands of pseudonyms).
  const from = Math.max(0, p.start - maxHeadBefore)
  const head = text.slice(from, p.start)
  const lineBreak = head.lastIndexOf('\n')
  if (lineBreak < 0 && from > 0) return false
  if (!/^[ \t\u3000]*[\u4e00-\u9fff]{0,6}[：:]?$/.test(head.slice(lineBreak + 1))) return false
  const lineEnd = text.indexOf('\n', p.end)
  if (lineEnd < 0) return false
  const next = text.slice(lineEnd + 1, lineEnd + 40).replace(/^[\s\u3000]*\n/, '')
  return guardianLineRe.test(next)
}
