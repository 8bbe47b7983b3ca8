// Kind `address`: an address written below the county or district (`住永宁县杨和镇纳家户村三组`,
// `家住文化路12号`, `幸福小区3栋2单元501室`). A residence may be named down to the county; the
// town, village, street, number or flat identify the person.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { linesUp } from './shared/chars.js'
import { findAddresses } from './shared/addresses.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { lazy, zod } from './shared/options.js'
import { localText } from '../i18n/catalogue.js'
import { isNamedPartyBefore } from './shared/public-roles.js'
import { isOfficeContactAt, isOfficeNameAt } from './shared/office-contacts.js'
import type { Profile, RuleKind } from './types.js'
import { getTokenizer } from '../nlp/tokenizer.js'

/** Options of an address rule. */
export interface AddressOptions {
  readonly onlyWhenMasked: readonly Profile[]
}

const schema = lazy(() => zod().strictObject({ onlyWhenMasked: onlyWhenMaskedSchema() }))

/**
 * What names a company on the line before its domicile (`被告：宁夏某建设有限公司，住所地…`), with
 * the clauses of its header between (`…有限公司，统一社会信用代码91440606MA4UQ8R7P6，住所地…`,
 * `…有限公司，法定代表人冯某，住所地…`) before a company's cue (not a person's bare 住).
 */
const companyLineRe = /(?:公司|集团|厂|合作社|医院|学校|中心|协会|银行|事务所)(?:[^\n]{0,20}|(?:[，,；;][ \t\u3000]*(?:统一社会信用代码|组织机构代码|注册号|纳税人识别号|法定代表人|负责人)[：:]?[^，,；;。\n]{1,30})+[，,；;][ \t\u3000]*(?:住所地|住所|地址)[：:]?\s*)$|(?:局|人民政府|委员会|法院|检察院|派出所)[，,]?(?:住所地|住所|地址)[：:]?\s*$/
/** A person of a company's header and his own residence after (`…有限公司，法定代表人冯某，住…`): not the company's seat. */
const officerHomeRe = /(?:法定代表人|负责人|经营者|投资人|实际控制人)[：:]?[^，,；;。\n]{1,12}[，,（(][ \t\u3000]*住[：:]?\s*$/
/** How far before an address its company's name is looked for: a name and its header's clauses. */
const companyReach = 100

/** A seat's label at its line's start, maybe as the market regulator's form writes it (`住所（住址）：`, `住所（经营场所）：`). */
const seatLabelRe = /^[ \t\u3000]*(?:住所地|住所|地址)(?:[（(][\u4e00-\u9fff、]{1,8}[）)])?[：:]/

/** True when the address is a field's value at its line's start (`住所：…`) in the header block of a party named in clear. */
function isFieldOfNamedParty(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  return seatLabelRe.test(text.slice(lineStart, start)) && isNamedPartyBefore(text, lineStart)
}

/** An office's own address: 本院地址, 本局地址, 办公地址, 通讯地址 before it. */
const officeAddressBeforeRe = /(?:本[院局委庭所部会厅]|机关|办公|通讯|通信|联系)(?:地址|住所)[：:]?[ \t\u3000]*(?:[\u4e00-\u9fff]{1,8}?[省市县区旗])*$/
/** A postcode after an address: a mailing address, an office's. */
const postcodeAfterRe = /^[，,；;\s\u3000]*(?:邮编|邮政编码)/

/**
 * A party committee's organ or a company named right after an address, ending where the address's
 * clause does (`劳动北路118号` + `区委组织部（邮编…）`, `…88号` + `中共某县纪委`, `…1288号` + `苏州华泰精密电镀有限公司。`):
 * the address is that body's, public, as an office's is (`…号` + `…人民政府`). A compound or a
 * block after the number (`粮食局家属院`) is read into the address first, so it never stands here.
 */
const bodyAfterRe = /^(?!的)[\u4e00-\u9fff]{0,16}?(?:(?:[省市州盟县区旗]委|党委|党工委|纪委|监委|政法委|人大常委会|政协)[\u4e00-\u9fff]{0,8}?(?:部|办公室|办|室|处|局|会|委)?|(?:有限责任公司|股份有限公司|有限公司|集团|公司))(?=[\s\u3000（(：:，,；;。]|$)/

/** True when a party organ or a company in clear is named at `at`, right after an address. */
function isBodyNamedAt(text: string, at: number): boolean {
  const m = bodyAfterRe.exec(text.slice(at, at + 32))
  return m !== null && !/某/.test(m[0])
}

/**
 * A site's label right before the address, maybe with the venue's name and its bracket: where a
 * project is built or an event held, where a body works (`建设地点：`, `会议地点：河北会堂（`,
 * `单位地址：`). A residence is no site.
 */
const siteLabelBeforeRe = /(?:(?:建设|项目|工程|施工|实施|交货|服务|会议|活动|开标|评标|报名|考试|培训|报到|办学)(?:地点|地址|场所)|(?:单位|公司|学校|企业|机构|工地|医院|场馆|项目部)地址)[ \t\u3000]*[：:]?[ \t\u3000]*(?:[^，,。；;：:\n（(]{1,20}[（(])?(?:[\u4e00-\u9fff]{1,8}?[省市县区旗])*$/
/** How far before an address its site's label is looked for: the label, a venue's name, the places above. */
const siteLabelReach = 48

/** An address's field at its line's start, its label maybe letter-spaced (`地　　址：`, `通讯地址：`). */
const addressFieldRe = /^[ \t\u3000]*(?:通讯|通信|联系|办公|单位)?地[ \t\u3000]*址[ \t\u3000]*[：:][ \t\u3000]*$/
/** A field's line: a label, maybe letter-spaced, and its colon. */
const fieldLineRe = /^[ \t\u3000]*[\u4e00-\u9fff][\u4e00-\u9fff \u3000（）()]{0,14}[：:]/
/**
 * A block's head naming a body in clear: a label (not a person's employer's), then an
 * organisation's whole name (`招　标　人：盐城市亭湖区第二实验小学`, `招标代理机构：江苏德胜工程咨询有限公司`).
 */
const bodyHeadLineRe = /^[ \t\u3000]*(?![ \t\u3000]*(?:工作单位|所在单位|就读学校|工作|就读))[\u4e00-\u9fff][\u4e00-\u9fff \u3000（）()]{0,14}[：:][ \t\u3000]*([^\s，,。；;：:]{4,40}?(?:公司|集团|合作社|学校|小学|中学|幼儿园|大学|学院|医院|卫生院|中心|局|委员会|政府|办公室|办事处|研究院|研究所|事务所|协会|银行|支行|分行))[ \t\u3000]*\r?$/
/** A person's field in a block: the block is a person's, its address his home. */
const personFieldRe = /^[ \t\u3000]*(?:姓[ \t\u3000]*名|性[ \t\u3000]*别|出生|身份证|民[ \t\u3000]*族|年[ \t\u3000]*龄)/
/** How many lines of a body's block are read back above its address. */
const bodyBlockLines = 4

/**
 * True when the address at `start` is the value of an address field in a block of fields headed
 * by a body named in clear (`招　标　人：…小学` / `地　　址：…` / `联　系　人：…`): a contact block
 * gives that body's address, as a company's header gives its seat. Not a person's block
 * (`姓名：`), nor a masked body's.
 */
function isBodysAddressField(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  if (!addressFieldRe.test(text.slice(lineStart, start))) return false
  let head: string | undefined
  if (lineStart > 0) {
    for (const { start: from, end } of linesUp(text, lineStart - 1, bodyBlockLines)) {
      const line = text.slice(from, end)
      if (!fieldLineRe.test(line) || personFieldRe.test(line)) break
      head = line
    }
  }
  const name = head === undefined ? undefined : bodyHeadLineRe.exec(head)?.[1]
  return name !== undefined && !/[某*＊×xXｘＸ○〇□]/.test(name) && !/^[A-Z甲乙丙丁]/.test(name)
}

/** Cues of a place of business, not of a residence. */
const businessCueRe = /经营场所|营业场所|注册地址|办公地址|主要办事机构/

/** A masked company on the line: A公司, 某某公司, ***公司. */
const maskedCompanyRe = /(?:[A-Z甲乙丙丁]|某|[×xX*＊]{2,})[\u4e00-\u9fff]{0,6}(?:公司|集团|厂|合作社|店)/

/** The `address` kind. Message variables: `{text}` (the part below the county), `{cue}`. */
export const addressKind: RuleKind<AddressOptions> = {
  name: 'address',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule, settings) {
    const tokenizer = getTokenizer(settings.tokenizer)
    return (doc) => {
      // A draft's masks far outnumbered by the names of their kind in clear are blanks (one
      // 〇〇村民小组 in a village's report that names its town and village throughout), as for places.
      if (!shouldCheckForLeaks(doc, settings.profile, rule.options.onlyWhenMasked, { needsKnownKind: true, tokenizer })) return []
      const findings: RawFinding[] = []
      for (const address of findAddresses(doc)) {
        if (address.leakStart === undefined) continue
        // A company's domicile is public when the company is named in clear before it.
        const lineBefore = doc.text.slice(Math.max(0, address.start - 40), address.start)
        if (address.cue !== '' && companyLineRe.test(doc.text.slice(Math.max(0, address.start - companyReach), address.start)) && !officerHomeRe.test(lineBefore) && !maskedCompanyRe.test(lineBefore.slice(lineBefore.lastIndexOf('\n') + 1))) continue
        // A place of business is no residence (`住所（经营场所）：`, `注册地址：`); nor is the seat
        // a company's header block gives, a line or two under `当事人：杭州…有限公司`.
        if (businessCueRe.test(address.cue)) continue
        if (address.cue !== '' && isFieldOfNamedParty(doc.text, address.start)) continue
        // An office's own address (`本院地址：`, `（地址：…，邮编：512200）`) is published on purpose.
        if (officeAddressBeforeRe.test(doc.text.slice(Math.max(0, address.start - 8), address.start)) || postcodeAfterRe.test(doc.text.slice(address.end, address.end + 12))) continue
        // Nor is a site's (`建设地点：`, `会议地点：河北会堂（…）`), or a body's in its contact block (`招　标　人：…小学` over `地　　址：…`);
        // but a masked company's (`被执行人：某某建材有限公司，公司地址：…`) names it, as its seat does below.
        const isMaskedCompanyLine = maskedCompanyRe.test(lineBefore.slice(lineBefore.lastIndexOf('\n') + 1))
        if (!isMaskedCompanyLine && (siteLabelBeforeRe.test(doc.text.slice(Math.max(0, address.start - siteLabelReach), address.start)) || isBodysAddressField(doc.text, address.start))) continue
        // So is an office's address in its contact fields (`…法制处，地址：…`), or one its name follows (`东门路66号中共黄冈市纪委举报中心`).
        if (isOfficeContactAt(doc, address.start) || isOfficeNameAt(doc.text, address.end) || isBodyNamedAt(doc.text, address.end)) continue
        const text = doc.text.slice(address.leakStart, address.end)
        // A masked company's seat (`被执行人：A公司，住所地…`) names the company, not a residence.
        const isCompanySeat = address.cue !== '' && isMaskedCompanyLine
        findings.push({
          offset: address.leakStart,
          length: address.end - address.leakStart,
          ...(isCompanySeat ? { messageId: `${rule.messageId}.company` } : {}),
          args: { text, cue: address.cue || localText('leak.address.shape') },
          data: { names: [text], redact: { offset: address.leakStart, length: address.end - address.leakStart } },
        })
      }
      return findings
    }
  },
}
