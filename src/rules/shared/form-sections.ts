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
 * What a form's title ends with, when its fields are all the reader's: a 回执 or 报名表 to fill in,
 * a 报告表, 审批表 or 备案表 that goes out to be filled by those who report or apply
 * (`突发事件信息报告表`). Tables of data the writer fills himself (统计表, 汇总表, 情况表) are not among
 * them: their blanks are the writer's.
 */
const fieldFormWords = '回执单?|报名表|登记表|申请表|申报表|推荐表|意见表|反馈表|信息表|采集表|调查表|测评表|评议表|签到表|报告表|审批表|备案表'
/**
 * What a form's title ends with, when its whole text is written for the reader to sign or answer:
 * a pledge or a power of attorney (`统计诚信承诺书`, `授权委托书`), a questionnaire, a quiz
 * (`党纪学习教育知识测试题`). Their sentences are the signer's words or the questions, not the
 * writer's prose, and do not end them.
 */
const textFormWords = '承诺书|承诺函|声明书|委托书|授权书|问卷|试题|试卷|竞赛题|答题卡'
/**
 * The title of a form addressed to the reader: it ends with what the form is, maybe followed by
 * a note in brackets (`报名表（样表）`, `测试题（A卷）`) or the closing of its emphasis.
 */
const formTitleRe = new RegExp(`(?:(${textFormWords})|${fieldFormWords})(?:[（(][^（()）]{1,8}[）)])?(?:\\*\\*|__)?[ \\t\\u3000\\r]*$`)
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
/**
 * The signer's own words in a form, before the place to sign: a pledge or a declaration
 * (`本人承诺：以上所填信息真实准确…`, `本单位郑重承诺：…`, `以上情况属实。`). The writer of a notice
 * does not speak as 本人 or 申请人; these belong to the form and do not end it.
 */
const signerWordsRe = /^[ \t\u3000]*(?:(?:本人|申请人|承诺人|报名人|报考人|声明人|委托人|推荐人)|(?:本单位|我单位|本公司|我公司)(?:在此|特此)?(?:郑重|慎重)?(?:承诺|声明|保证|确认)|以上(?:所填|填写|填报|信息|内容|情况|材料|所列|所述|各项))/

function isProse(line: string): boolean {
  return sentenceRe.test(line) && !noteStartRe.test(line) && !signerWordsRe.test(line)
}

/** A title is a short line. */
const maxTitleLength = 40
/** How many lines after an attachment's heading its title may come. */
const titleReach = 2

/**
 * The forms `doc` holds for readers to fill, [start, end) in UTF-16 code units: from the title
 * after an `附件` heading, or the document's own title when it names a form (a 回执 sent as its
 * own file), to the next attachment, a rule line, a signature's date, a sentence of prose (not in
 * a pledge, a questionnaire or a quiz, whose sentences are the form's) or the document's end.
 */
export function findFormSections(doc: Document): readonly Region[] {
  return doc.derive('formSections', scanFormSections)
}

function scanFormSections(doc: Document): Region[] {
  const starts = doc.lineStarts
  const lineOf = (i: number) => doc.text.slice(starts[i]!, starts[i + 1] ?? doc.text.length).replace(/\r?\n$/, '')
  const regionOf = (from: number, to: number): Region => ({ start: starts[from] ?? doc.text.length, end: starts[to] ?? doc.text.length })
  const sections: Region[] = []
  let i = 0
  // A model text that says its blanks are the parties' (`本合同文本中的空格部分由双方当事人协商填写`)
  // is a form from its first line, while it is blank.
  if (declaresBlankForm(doc.text) && !hasTableCells(doc, 0, starts.length) && isBlankForm(doc.text)) return [regionOf(0, starts.length)]
  const first = findDocumentTitle(doc, lineOf)
  if (first >= 0) {
    i = findFormEnd(lineOf, first, starts.length)
    // A form sent as its own file is the readers' while it is blank: written in, the writer is filling it.
    // In a .docx table a value stands in its own cell, where it cannot be told from a label: not read as blank.
    const body = regionOf(first + 1, i)
    if (!hasTableCells(doc, first, i) && isBlankForm(doc.text.slice(body.start, body.end))) sections.push(regionOf(first, i))
  }
  if (!doc.text.includes('附', starts[i] ?? doc.text.length)) return sections
  for (; i < starts.length; i++) {
    const m = attachmentRe.exec(lineOf(i))
    if (!m) continue
    const title = findTitle(lineOf, i, m[1]!, starts.length)
    if (title < 0) continue
    const end = findFormEnd(lineOf, title, starts.length)
    sections.push(regionOf(title, end))
    i = end - 1
  }
  return sections
}

/**
 * A document's own word that its blanks are for its users to fill: its text (本合同文本, 本协议,
 * 本范本, 本表) names its blanks (空格, 空白, 横线) and who fills them, the parties or its users
 * (`本合同文本中的空格部分由双方当事人协商填写`, `本表空白处由申请人填写`). A 示范文本 says so in its
 * 使用说明; the genre's word alone does not make a text a form, nor a notice that its attached
 * table is the readers' (`附件中的空白处由各单位填写`).
 */
const blankFormDeclarationRe = /本(?:合同|协议|示范|格式|参考)?(?:文本|合同|协议|范本|样本|模板|表格?)[^。；;\n]{0,8}?(?:空格|空白|横线|下划线)[^。；;\n]{0,16}?(?:由|供)[^。；;\n]{0,16}?(?:当事人|双方|各方|使用人|使用者|签约人|签约方|签订人|填写人|填表人|申请人|承租人|出租人|买受人|出卖人|委托人)[^。；;\n]{0,12}?(?:填写|填入|填报|约定)/

/** True when `text` declares itself a form whose blanks its users fill ({@link blankFormDeclarationRe}). */
function declaresBlankForm(text: string): boolean {
  return (text.includes('空格') || text.includes('空白') || text.includes('横线') || text.includes('下划线')) && blankFormDeclarationRe.test(text)
}

/** The line after the form titled at `title` (0-based): a form's end, or prose where the form's sentences are not its own. */
function findFormEnd(lineOf: (i: number) => string, title: number, lineCount: number): number {
  const isTextForm = formTitleRe.exec(lineOf(title))?.[1] !== undefined
  let end = title + 1
  while (end < lineCount && !formEndRe.test(lineOf(end)) && (isTextForm || !isProse(lineOf(end)))) end++
  return end
}

/**
 * The line of the document's own title when it names a form (`全省统计工作推进会参会回执` on the
 * first line, maybe as a Markdown heading): a form sent as its own file. -1 for none. A web page's
 * first line is markup, not its title.
 */
function findDocumentTitle(doc: Document, lineOf: (i: number) => string): number {
  if (doc.format === 'html') return -1
  for (let i = 0; i < doc.lineStarts.length; i++) {
    const line = lineOf(i).replace(/^#{1,6}[ \t]+/, '').trim()
    if (line === '') continue
    return isFormTitle(line) && !attachmentRe.test(line) && !aboutFormsRe.test(line) ? i : -1
  }
  return -1
}

/**
 * A title that tells of forms, not one: a notice on them (`关于报送参会回执的通知` ends otherwise, but
 * `关于做好2024年度…登记表`), a news item's headline (`我县向群众发放调查问卷`, `全县企业签订安全承诺书`).
 */
const aboutFormsRe = /关于|发放|开展|签订|签署|填写|填报|收回|回收|提交|报送|上报|印发|下发|征集|完成|组织|举行|召开/

/** A field's label (`姓　　名：`, `单位（盖章）：`): what follows it is its value, or the reader's place to write. */
const labelRe = /[\u4e00-\u9fff][\u4e00-\u9fff（）()]{0,11}[：:]/g
/** What follows a label up to a gap or the next colon; the colon found tells another label (`姓名：性别：`). */
const valueRe = /^[ \u3000]?[^ \t\u3000\r\n：:]*([：:]?)/
/** A value written in: it opens with a word or a figure that is no part of a date's skeleton (`　　年　　月`). */
const writtenValueRe = /^[ \u3000]?(?![年月日])[\u4e00-\u9fff0-9０-９A-Za-z]/
/** Symbols that mask a name or a figure (`×××`, `XX`, `**`, `19XX年`): a writer's template being filled. */
const symbolMaskRe = /[*＊×XＸ]{2,}/

/** True when one of the lines [from, to) (0-based) is in a .docx table's cell. */
function hasTableCells(doc: Document, from: number, to: number): boolean {
  for (let i = from; i < to && i < doc.cells.length; i++) if (doc.cells[i] !== undefined) return true
  return false
}

/**
 * True when `body`, the lines of a form under its title, is a blank form: no field written in
 * (`单　　位：统计局机关第一党支部`, `性别：男`) and no symbol left where a value goes (`负责人：×××`).
 * Sentences and notes are read as no fields.
 */
function isBlankForm(body: string): boolean {
  if (symbolMaskRe.test(body)) return false
  for (const line of body.split('\n')) {
    if (sentenceRe.test(line) || noteStartRe.test(line)) continue
    for (const m of line.matchAll(labelRe)) {
      const rest = line.slice(m.index + m[0].length)
      if (writtenValueRe.test(rest) && valueRe.exec(rest)![1] === '') return false
    }
  }
  return true
}

/** The line of a form's title: the heading's own rest, or one of the next non-empty lines; -1 for none. */
function findTitle(lineOf: (i: number) => string, heading: number, rest: string, lineCount: number): number {
  // A title on the heading's line only where the heading is flush left and numbers no list: an
  // indented `　　附件：参训人员回执` is the body's list of attachments, before its signature.
  // Indented or numbered, it still heads the form when the form's own title follows at once
  // (`　　附件：村民代表会议决议回执`, then `村民代表会议决议回执` and its fields), not the list's next item.
  if (rest.trim() !== '') {
    if (!isFormTitle(rest)) return -1
    if (!/^[ \t\u3000]/.test(lineOf(heading)) && !listItemRe.test(rest)) return heading
  }
  for (let i = heading + 1, seen = 0; i < lineCount && seen < titleReach; i++) {
    const line = lineOf(i).trim()
    if (line === '') continue
    if (isFormTitle(line) && !(rest.trim() !== '' && listItemRe.test(line))) return i
    if (rest.trim() !== '') return -1
    seen++
  }
  return -1
}

/** An item of a numbered list (`1.参训人员回执`, `2、报名表`). */
const listItemRe = /^[ \t\u3000]*[0-9０-９]+[.．、]/

function isFormTitle(line: string): boolean {
  return line.trim().length <= maxTitleLength && formTitleRe.test(line)
}

/** True when [start, end) lies in one of `sections` (sorted, disjoint). */
export function isInSection(sections: readonly Region[], start: number, end: number): boolean {
  for (const s of sections) if (start >= s.start && end <= s.end) return true
  return false
}

/** A form's note is the writer's text (`注：请于7月　日前将本表发送`): its blanks are his. */
const formNoteRe = /^[ \t\u3000]*(?:注|说明|填表说明)[0-9０-９]*[：:]/

/**
 * True when [start, end) is among the fields of a form for readers to fill: in one of its
 * sections and not in its notes, which are the writer's.
 */
export function isFormField(doc: Document, start: number, end: number): boolean {
  return isInSection(findFormSections(doc), start, end) && !formNoteRe.test(doc.lineText(doc.lineAt(start)))
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
