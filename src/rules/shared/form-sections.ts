// Finds the forms a document attaches for its readers to fill (参训人员回执, 报名表, 登记表) and
// the places left for a hand's signature and its date: their blanks are the reader's or the
// signer's to write in, not the writer's facts left unfilled.
import type { Document, Region } from '../../core/document.js'

/**
 * An attachment's heading: `附件2`, `附件：`, `附件二：参训人员回执`, maybe as a Markdown heading
 * (`## 附件2　突发事件信息报告表`). Its rest may be the title.
 */
const attachmentRe = /^(?:#{1,6}[ \t]+)?[ \t\u3000]*附\s*件\s*[0-9０-９一二三四五六七八九十]*[ \t\u3000]*[：:]?[ \t\u3000]*(.*)$/
/**
 * The title of a form addressed to the reader: it ends with what the form is, maybe followed by
 * a note in brackets (`报名表（样表）`). A 报告表, 审批表 or 备案表 goes out to be filled by those who
 * report or apply (`突发事件信息报告表`). Tables of data the writer fills himself (统计表, 汇总表,
 * 情况表) are not among them: their blanks are the writer's.
 */
const formTitleRe = /(?:回执|报名表|登记表|申请表|申报表|推荐表|意见表|反馈表|信息表|采集表|调查表|问卷|测评表|承诺书|委托书|报告表|审批表|备案表)(?:[（(][^（()）]{1,8}[）)])?[ \t\u3000\r]*$/
/**
 * What ends a form: the next attachment, a rule line, the document's own closing (抄送, 印发),
 * or a signature's date with its year written (`2024年3月28日` alone on its line), which closes
 * the body after its list of attachments (`附件：培训班回执`).
 */
const formEndRe = /^(?:#{1,6}[ \t]+)?[ \t\u3000]*(?:附\s*件\s*(?:[0-9０-９一二三四五六七八九十]|[：:]|\r?$)|[─━—\-=]{6,}|抄送|印发|(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^：:]{0,12}日[ \t\u3000\r]*$)/
/**
 * A sentence ended with its full stop, not in a note (`注：`, `说明：`, `（此表请于…报送。）`): the
 * document's prose again, where a form ends. A form holds labels, fields and table rows.
 */
const sentenceRe = /[\u4e00-\u9fff][^。]{4,}。/
const noteStartRe = /^[ \t\u3000]*(?:注|说明|填表说明|备注|[（(])/

function isProse(line: string): boolean {
  return sentenceRe.test(line) && !noteStartRe.test(line)
}

/** A title is a short line. */
const maxTitleLength = 40
/** How many lines after an attachment's heading its title may come. */
const titleReach = 2

/**
 * The forms `doc` attaches for readers to fill, [start, end) in UTF-16 code units: from the
 * title after an `附件` heading to the next attachment, a rule line, a signature's date, a
 * sentence of prose or the document's end.
 */
export function findFormSections(doc: Document): readonly Region[] {
  return doc.derive('formSections', scanFormSections)
}

function scanFormSections(doc: Document): Region[] {
  if (!doc.text.includes('附')) return []
  const starts = doc.lineStarts
  const lineOf = (i: number) => doc.text.slice(starts[i]!, starts[i + 1] ?? doc.text.length).replace(/\r?\n$/, '')
  const sections: Region[] = []
  for (let i = 0; i < starts.length; i++) {
    const m = attachmentRe.exec(lineOf(i))
    if (!m) continue
    const title = findTitle(lineOf, i, m[1]!, starts.length)
    if (title < 0) continue
    let end = title + 1
    while (end < starts.length && !formEndRe.test(lineOf(end)) && !isProse(lineOf(end))) end++
    sections.push({ start: starts[title]!, end: starts[end] ?? doc.text.length })
    i = end - 1
  }
  return sections
}

/** The line of a form's title: the heading's own rest, or one of the next non-empty lines; -1 for none. */
function findTitle(lineOf: (i: number) => string, heading: number, rest: string, lineCount: number): number {
  // A title on the heading's line only where the heading is flush left and numbers no list: an
  // indented `　　附件：参训人员回执` is the body's list of attachments, before its signature.
  if (rest.trim() !== '') return isFormTitle(rest) && !/^[ \t\u3000]/.test(lineOf(heading)) && !/^[0-9０-９]+[.．、]/.test(rest) ? heading : -1
  for (let i = heading + 1, seen = 0; i < lineCount && seen < titleReach; i++) {
    const line = lineOf(i).trim()
    if (line === '') continue
    if (isFormTitle(line)) return i
    seen++
  }
  return -1
}

function isFormTitle(line: string): boolean {
  return line.trim().length <= maxTitleLength && formTitleRe.test(line)
}

/** True when [start, end) lies in one of `sections` (sorted, disjoint). */
export function isInSection(sections: readonly Region[], start: number, end: number): boolean {
  for (const s of sections) if (start >= s.start && end <= s.end) return true
  return false
}

/** A place to sign or seal: `签名：`, `负责人签字`, `（盖章）：`, `代表人：`. */
const signingLabel = '(?:签名|签字|签章|盖章|代表人|代理人)[）)]?'
/** Before a blank: the label, maybe the parts of its date already passed (`签名：　　　年`, `签字：2025年　月`). */
const signedBeforeRe = new RegExp(`${signingLabel}[：:]?(?:[ \\u3000]*(?:[0-9０-９]{2,4}|[〇○零一二三四五六七八九]{4})?年(?:[ \\u3000]*月)?)?$`)
/** After it: the date's next part, the line's end, or the next column's label (`代表人：`, `乙方（盖章）：`). */
const signedAfterRe = new RegExp(`^(?:[年月日]|\\r?\\n|$|[^：:\\n]{0,4}${signingLabel}[：:])`)
/** How far around a blank its signing label and what follows are read. */
const signingReach = 24

/** A place to sign and date by hand, its date's parts all blank (`签名：　　　　年　　月　　日`). */
const handSignedDateRe = new RegExp(`${signingLabel}[：:]?[ \\u3000]{2,}年[ \\u3000]+月[ \\u3000]+日`)

/** True when `text` leaves a place to sign and date by hand: a form, printed to be signed. */
export function hasHandSignedDate(text: string): boolean {
  return hasSigningPlace(text) && handSignedDateRe.test(text)
}

/** True when `text` may hold a place to sign: most documents have none, and are not read further. */
export function hasSigningPlace(text: string): boolean {
  return text.includes('签') || text.includes('盖章') || text.includes('代表人') || text.includes('代理人')
}

/**
 * True when the spaces at [start, end) are left for a hand to sign and date the printed page
 * (`签名：　　　　　　年　　月　　日`, two columns `代表人：　　　　　　代表人：`): the signer
 * writes there, the writer has nothing to fill.
 */
export function isHandSigned(text: string, start: number, end: number): boolean {
  return signedBeforeRe.test(text.slice(Math.max(0, start - signingReach), start)) && signedAfterRe.test(text.slice(end, end + signingReach))
}

/**
 * A line of dates only, each maybe after its label, some parts blank: the dates of a signing
 * block (`日期：2025年　月　日　　　　日期：2025年　月　日`, `　　年　　月　　日`).
 */
const dateLineRe = /^(?:[ \t\u3000]*(?:(?:签署|签订|签字|签约|签章)?日期[：:])?[ \t\u3000]*(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})?[ \u3000]*年[ \u3000]*[0-9０-９]{0,2}[ \u3000]*月[ \u3000]*[0-9０-９]{0,2}[ \u3000]*日)+[ \t\u3000]*\r?$/
/** A line that leaves a place to sign: a signing label and nothing after it but spaces, maybe the next column's label (`代表人：　　　代表人：`). */
const signingLineRe = new RegExp(`${signingLabel}[：:][ \\t\\u3000]*(?:\\r?$|[^：:\\n]{1,8}${signingLabel}[：:][ \\t\\u3000]*\\r?$)`)
/** How many lines above its dates a signing block's place to sign may stand (甲方（盖章）, then 代表人, then the dates). */
const signingBlockReach = 2

/**
 * True when the blank at `at` is in the dates of a signing block: a line of dates under a place
 * to sign (`代表人：　　　　` then `日期：2025年　月　日`). The signers date it by hand; a body
 * sentence's date (`于2025年　月　日召开`) is the writer's.
 */
export function isSigningBlockDate(doc: Document, at: number): boolean {
  const line = doc.lineAt(at)
  if (!dateLineRe.test(doc.lineText(line))) return false
  for (let i = line - 1, seen = 0; i >= 1 && seen < signingBlockReach; i--) {
    const above = doc.lineText(i)
    if (above.trim() === '') continue
    if (signingLineRe.test(above)) return true
    seen++
  }
  return false
}
