// What stands right before a name in clear, or around it, that says whose it is: a post's title
// (镇长刘洪亮, named on purpose), a staff role, a holder's role (原产权人), a masked person's own
// statement (`李某的陈述：…`).
import { personTitles } from '../../../nlp/person-names.js'
import { isAfterPersonRole } from '../pseudonyms.js'

/** Who holds or passes a property or a right, right before a name (原产权人, 权利人, 出卖人, 继承人). */
const holderRoleBeforeRe = /(?:产权人|权利人|所有权人|所有人|出卖人|买受人|继承人|委托人|受托人|抵押人|担保人|保证人|债务人|债权人|承租人|出租人|借款人|出借人|收款人|付款人)[：:]?$/

/** True when a party's or a holder's role stands right before `at` (`申请人：`, `原产权人`): a name is written there. */
export function isAfterNameSlot(text: string, at: number): boolean {
  return isAfterPersonRole(text, at) || holderRoleBeforeRe.test(text.slice(Math.max(0, at - 6), at))
}

/**
 * Posts of staff a document names on purpose, right before a name (监考教师, 辅导员, 公证员助理,
 * 民警); a member's 员 (成员, 党员, 学员, 会员, 队员, 社员, 团员) is no post of the issuer's staff.
 */
const staffBeforeRe = /(?:教师|老师|辅导员|(?<![成党学会队社团])员|官|助理|民警|医生|护士|干部|书记|主任|[^家]长)[ \u3000：:]*$/

/** True when a staff post stands right before `at` (`监考教师扎西多吉`, `公证员　德吉卓玛`). */
export function isAfterStaffRole(text: string, at: number): boolean {
  return staffBeforeRe.test(text.slice(Math.max(0, at - 8), at))
}

/** The end of a post's title right before a name (镇长, 党委书记, 主任): the titles of official writing, not forms of address (同志, 老师). */
const addressTitles: ReadonlySet<string> = new Set(['同志', '老师', '教授'])
const postBeforeRe = new RegExp(`(?:${personTitles.filter((t) => !addressTitles.has(t)).join('|')})$`)

/** True when a post's title stands right before `at` (`镇长刘洪亮`, `党委副书记　赵立军`). */
export function isAfterPost(text: string, at: number): boolean {
  let end = at
  while (end > 0 && end > at - 3 && /[ \u3000]/.test(text.charAt(end - 1))) end--
  return postBeforeRe.test(text.slice(Math.max(0, end - 4), end))
}

/** True when `name` stands somewhere right after a post's title. */
export function isWrittenAfterPost(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (isAfterPost(text, at)) return true
  return false
}

/** What opens a person's own statement on its line: his words, then a colon (`3.考生李某的陈述：`, `王某某供称：`). */
const statementOpenerRe = /的?(?:陈述|供述|证言|证词|辩解|自述|笔录|称|证实|供称|辩称)[^：:\n]{0,6}[：:]/y
/** The most characters of a line before the masked speaker of its statement (a number and a role: `3.考生`). */
const speakerReach = 12

/**
 * True when `at` stands in the statement of the masked person `mask`, opened on its line
 * (`3.考生李某的陈述：…报答案的人是李雪`): a speaker calls himself 我, and a name of his surname
 * there is someone else's, not his own in clear.
 */
export function isInStatementOf(text: string, at: number, mask: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const speaker = text.indexOf(mask, lineStart)
  if (speaker < 0 || speaker > lineStart + speakerReach || speaker + mask.length >= at) return false
  statementOpenerRe.lastIndex = speaker + mask.length
  const m = statementOpenerRe.exec(text)
  return m !== null && m.index + m[0].length <= at
}
