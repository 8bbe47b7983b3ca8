// Finds the identifiers written with letters: unified social credit codes, licence plates,
// e-mail addresses, and QQ numbers, WeChat IDs and the other numbers a label names.
import { plateProvinces } from '../chars.js'
import { hasCreditCodeFields, hasValidCreditCode } from './checksums.js'
import { labelBefore } from './labels.js'
import type { NumberContext } from './numbers.js'
import { accountLabel, engineLabel, medicalLabel, parcelLabel, personRecordLabelWord, socialLabel, vehicleLabel } from './record-labels.js'
import { nextRun, unitTable } from './runs.js'
import type { IdentifierHit } from './types.js'

/**
 * The units of runs of letters and digits: a credit code is a whole run of exactly 18. Found by
 * runs, since a regex opening with a lookbehind is tried at every character (three times slower).
 */
const alnumUnits = unitTable([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a])
/** 18 characters of the GB 32100 set with at least one letter (all-digit codes are judged with the numbers). */
const creditCodeRe = /^(?=[0-9]*[A-HJ-NPQRTUWXY])[0-9A-HJ-NPQRTUWXY]{18}$/

/**
 * A licence plate: a province's abbreviation, the issuing office's letter, an optional middle
 * dot (U+00B7, U+2022, U+30FB) or space, then 5 letters and digits, or 6 for a new-energy
 * vehicle (D or F first for a small one, last for a large one), or 4 and 挂 for a trailer.
 * Plate letters exclude I and O.
 */
const plateRe = new RegExp(`[${plateProvinces}][A-HJ-NP-Z][·•・ \\-－]?([A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}挂)(?![A-Za-z0-9])`, 'g')
const newEnergyRe = /^(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/

/** The label and value of a QQ number: 5 to 12 digits, not starting with 0. */
const qqRe = /(?:QQ|qq|ＱＱ)(?:号码|号)?\s*(?:[:：]|[为是])?\s*[“"「『]?([1-9]\d{4,11})(?![0-9A-Za-z])/g
/**
 * The label and value of a WeChat ID: 6 to 20 letters, digits, `_` or `-`, starting with a
 * letter; or a mobile number. After a colon, 为/是, or in quotes (`微信号“lijh_1982gz”`); after
 * 微信号 also glued to it (`使用微信号ouyang_zq1991与上家联系`), where the label's 号 says a value
 * follows; after bare 微信 glued only when the letters run into a digit, `_` or `-`
 * (`添加其微信zjh_888vip`): bare 微信 before Latin letters is the app's name in a phrase (`微信WeChat`).
 */
const wechatRe = /(?:(?:微信号码|微信账号|微信号)\s*(?:[:：]\s*[“"「『]?|[为是]\s*[“"「『]?|[“"「『])?|(?:微信|WeChat|wechat)\s*(?:[:：]\s*[“"「『]?|[为是]\s*[“"「『]?|[“"「『])|微信(?=[A-Za-z]+[-_0-9]))(?![Ww]e[Cc]hat)([A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9})(?![-_A-Za-z0-9])/g

/**
 * The label and value of an account on a video or microblog platform (`抖音号：dy_hxm1975`,
 * `快手号3xk2h1`, `微博ID：1234567890`): 4 to 30 letters, digits, `_`, `-` or `.` after the label,
 * whose 号, 账号 or ID says a value follows, glued or after a colon, 为/是 or a quote; a
 * quoted name after 昵称 or 名称 is a nickname (findAliases).
 */
/** What a text names a platform with, for a search: `红书` of 小红书, whose 小 opens words on every line. */
const platformNames = ['抖音', '快手', '微博', '红书', 'B站', '哔哩哔哩']
const handleRe = /(?:抖音|快手|微博|小红书|B站|哔哩哔哩)(?:号码|账号|帐号|号|ID|id)[ \u3000]*(?:[:：][ \u3000]*[“"「『]?|[为是][ \u3000]*[“"「『]?|[“"「『])?@?([A-Za-z0-9](?:[-_.A-Za-z0-9]{2,28}[-_A-Za-z0-9]))(?![-_A-Za-z0-9]|\.[A-Za-z0-9])/g

/**
 * One more value of a list after a QQ number or a WeChat ID (`QQ号2837465190、1234567890`,
 * `微信号wxid_k3j2h1g0x9、zjh_888vip`): `、`, 和, 及, 与 or `/`, maybe quotes, a value of the
 * same shape. Not a comma: after one, a bare number is as likely an amount or a date.
 */
const listNextRe = (value: string) => new RegExp(`[”"」』]?[ \\u3000]*[、和及与/][ \\u3000]*[“"「『]?(${value})`, 'y')
const qqNextRe = listNextRe('[1-9]\\d{4,11}(?![0-9A-Za-z])')
const wechatNextRe = listNextRe('(?:[A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\\d{9})(?![-_A-Za-z0-9])')
const handleNextRe = listNextRe('[A-Za-z0-9](?:[-_.A-Za-z0-9]{2,28}[-_A-Za-z0-9])(?![-_A-Za-z0-9]|\\.[A-Za-z0-9])')

/**
 * The value after the label of a number of record (./record-labels.ts): 6 to 24 letters, digits and
 * hyphens (the range given per class), after a colon, 为/是 or an opening quote. A value that
 * runs on into mask characters (`023061****`) is masked, not in clear.
 */
const labelledValue = (min: number, max: number) => `\\s*(?:[:：]|[为是])?\\s*[“"「『]?([A-Za-z0-9][-A-Za-z0-9]{${min - 1},${max - 1}})(?![-A-Za-z0-9*＊×✕○])`

const medicalRe = new RegExp(`(?:${medicalLabel})${labelledValue(6, 24)}`, 'g')
const socialRe = new RegExp(`(?:${socialLabel})${labelledValue(6, 24)}`, 'g')
const parcelRe = new RegExp(`(?:${parcelLabel})${labelledValue(8, 28)}`, 'g')
const vehicleRe = new RegExp(`(?:${vehicleLabel})${labelledValue(8, 17)}`, 'g')
/**
 * An engine's number after its label (`发动机号：B12D3456789`), as its VIN names the vehicle; not
 * an engine's model (`发动机型号`, `4G63发动机`), which the label does not name and which is short.
 */
const engineRe = new RegExp(`(?:${engineLabel})${labelledValue(6, 20)}`, 'g')
/** A VIN: 17 letters and digits, no I, O or Q. */
const vinRe = /^[A-HJ-NPR-Z0-9]{17}$/
/**
 * A bank account's number after its label: 12 to 25 digits, maybe grouped by single spaces or
 * hyphens, not an amount. A card's number passes Luhn and is found with the numbers; this finds
 * the others (a company's 基本存款账户).
 */
const accountRe = new RegExp(`(?:${accountLabel})\\s*(?:[:：]|[为是])?\\s*([0-9](?:[0-9]|[ -](?=[0-9])){11,34})(?![-0-9A-Za-z*＊×✕○.]|\\s?[元万亿])`, 'g')

/**
 * A nickname, a pet name or an online name in quotes after its label (`绰号“黑子”`,
 * `网名为“渝北刀哥_1995”`, `微信昵称“后坑石材-老吴”`): it names its bearer as a name does.
 * 化名 is left out: it labels the pseudonym the document gives (`小红（化名）`).
 */
const aliasRe = /(?:绰号|外号|诨号|小名|乳名|网名|(?:微信|QQ|抖音|快手|微博|游戏|网络|直播)?昵称|微信名|(?:抖音|快手|微博|游戏|直播)(?:账号)?名称?)[ \u3000]*(?:[:：]|[为是]|叫作?)?[ \u3000]*[“"「『]([^”"」』\n]{1,24})[”"」』]/g
/** A value masked in part or whole, or standing for no one (`绰号“某某”`, `网名“***”`). */
const maskedAliasRe = /某|[*＊×✕○□]|[Xx]{2}/

/** Nicknames and online names after their labels; the quoted value is the span. */
export function findAliases(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!/[号名称]/.test(text)) return hits
  aliasRe.lastIndex = 0
  for (let m = aliasRe.exec(text); m; m = aliasRe.exec(text)) {
    const value = m[1]!.trim()
    if (value === '' || maskedAliasRe.test(value)) continue
    const end = m.index + m[0].length - 1
    const start = end - m[1]!.length
    hits.push({ start, end, kind: 'alias' })
  }
  return hits
}

const localPartChar = /[A-Za-z0-9._%+-]/
const domainRe = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/

/**
 * Credit codes with a known authority and type and a real division code, and a correct check
 * character; or a wrong one right after their label (`统一社会信用代码：…`), mistyped or made
 * up, which the label says is a company's code all the same.
 */
export function findCreditCodes(text: string, { divisions, creditWordRe }: Pick<NumberContext, 'divisions' | 'creditWordRe'>): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let run = nextRun(text, 0, 18, alnumUnits); run; run = nextRun(text, run[1], 18, alnumUnits)) {
    const [start, end] = run
    if (end - start !== 18) continue
    const code = text.slice(start, end)
    if (!creditCodeRe.test(code) || !hasCreditCodeFields(code) || !divisions.isKnownForOrganisation(code.slice(2, 8)) || isMaskedByXs(code)) continue
    if (hasValidCreditCode(code) || creditWordRe.test(labelBefore(text, start))) hits.push({ start, end, kind: 'credit' })
  }
  return hits
}

/**
 * True when a code's last characters are a run of X that masks them (`92330106MA2KXXXXXX`): X is a
 * code's character, but a real code ends in two X only by chance, and its check character then
 * rarely holds; four or more are a mask whatever it says.
 */
function isMaskedByXs(code: string): boolean {
  const run = /X+$/.exec(code)?.[0].length ?? 0
  return run >= 4 || (run >= 2 && !hasValidCreditCode(code))
}

/** Licence plates: an ordinary plate holds at most two letters after the office letter. */
export function findPlates(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  plateRe.lastIndex = 0
  for (let m = plateRe.exec(text); m; m = plateRe.exec(text)) {
    const tail = m[1]!
    // A trailer's plate holds four and 挂 (`宁A1234挂`).
    const isPlate = tail.length === 6 && !tail.endsWith('挂') ? newEnergyRe.test(tail) : tail.replace(/\D/g, '').length >= 3
    if (isPlate) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'plate' })
  }
  return hits
}

/**
 * A property certificate's number (`宁（2021）银川市不动产权第0012345号`, `房权证兴字第12345号`,
 * `房产证号：…第…号`): the registry's abbreviation, maybe the year and place, then 第, the serial
 * and 号. Names the owner's home as an address does.
 */
const propertyRe = /(?:[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][（(〔][0-9]{4}[）)〕][\u4e00-\u9fff]{0,12}?不动产权|房权证[\u4e00-\u9fff]{0,8}?字?|土地证[\u4e00-\u9fff]{0,8}?字?|房产证号?[：:]?[\u4e00-\u9fff]{0,8}?)第[ \u3000]*[0-9０-９]{4,}[ \u3000]*号/g

/** Property certificates' numbers. */
export function findPropertyNumbers(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!text.includes('权') && !text.includes('证')) return hits
  propertyRe.lastIndex = 0
  for (let m = propertyRe.exec(text); m; m = propertyRe.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, kind: 'property' })
  return hits
}

/** E-mail addresses, found from each `@` outwards (a regex starting at every letter is slower on long texts). */
export function findEmails(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && localPartChar.test(text[start - 1]!)) start--
    if (start === at || /[._%+-]/.test(text[start]!)) continue
    const domain = domainRe.exec(text.slice(at + 1, at + 256))
    if (!domain || /[A-Za-z0-9]/.test(text[at + 1 + domain[0].length] ?? '')) continue
    hits.push({ start, end: at + 1 + domain[0].length, kind: 'email' })
  }
  return hits
}

function countDigitsIn(value: string): number {
  return value.replace(/\D/g, '').length
}

/** 12 to 25 digits: a bank account's number, not a short reference. */
function isAccountLength(value: string): boolean {
  const digits = value.replace(/[ -]/g, '').length
  return digits >= 12 && digits <= 25
}

/**
 * QQ numbers, WeChat IDs, hospital records, social insurance and housing fund numbers, land
 * parcels' codes, vehicles' certificates and VINs, bank accounts, and a person's numbers of
 * record (学号, 工号, 准考证号, 罪犯编号) after their labels (`QQ：12345678`, `微信号：abc_123`, `住院号：0230614857`);
 * the value is the span.
 */
export function findLabelledAccounts(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  // The rarer labels are looked for only in a text that names their platform or an engine.
  const namesPlatform = platformNames.some((name) => text.includes(name))
  const namesEngine = text.includes('发动机')
  for (const [re, kind] of [[qqRe, 'qq'], [wechatRe, 'wechat'], [handleRe, 'handle'], [medicalRe, 'medical'], [socialRe, 'social'], [parcelRe, 'parcel'], [vehicleRe, 'vehicle'], [engineRe, 'vehicle'], [accountRe, 'account']] as const) {
    if ((re === handleRe && !namesPlatform) || (re === engineRe && !namesEngine)) continue
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length
      // A record number masked with letters (`0230XXXXXX`) is masked; a WeChat ID may hold `xx`.
      if (kind !== 'qq' && kind !== 'wechat' && kind !== 'handle' && /[Xx]{2}/.test(m[1]!)) continue
      if (kind === 'account' && !isAccountLength(m[1]!)) continue
      // A VIN is 17 characters; a certificate's number is digits; an engine's holds 4 digits at least.
      if (re === vehicleRe && !(vinRe.test(m[1]!) || /^\d{8,16}$/.test(m[1]!))) continue
      if (re === engineRe && countDigitsIn(m[1]!) < 4) continue
      hits.push({ start: end - m[1]!.length, end, kind })
      const nextRe = kind === 'qq' ? qqNextRe : kind === 'wechat' ? wechatNextRe : kind === 'handle' ? handleNextRe : undefined
      if (nextRe) hits.push(...listAfter(text, end, nextRe, kind))
    }
  }
  hits.push(...findPersonRecords(text))
  return hits
}

/** The values of a list from `at` on, one after another, each of `kind`. */
function listAfter(text: string, at: number, nextRe: RegExp, kind: IdentifierHit['kind']): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  nextRe.lastIndex = at
  for (let m = nextRe.exec(text); m; m = nextRe.exec(text)) {
    const end = m.index + m[0].length
    hits.push({ start: end - m[1]!.length, end, kind })
    nextRe.lastIndex = end
  }
  return hits
}

/** A person's number of record: its label ends in 号 (./record-labels.ts), a value after it. */
const personRecordLabelEndRe = new RegExp(`${personRecordLabelWord}$`)
const personRecordValueRe = new RegExp(`码?${labelledValue(5, 20)}`, 'y')
/** The characters before 号 in the labels: only there is a label tried. */
const beforeRecordNumberSign = new Set([...'学籍证工生考编单照员卡'].map((c) => c.charCodeAt(0)))

/**
 * The values after a person's labels of record (`学号20221302157`, `罪犯编号4212061873`), read
 * from each 号 whose character before ends a label: a search for the labels' alternation from
 * every position cost ~30 ms a pass over the bench corpus.
 */
function findPersonRecords(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let at = text.indexOf('号'); at >= 0; at = text.indexOf('号', at + 1)) {
    if (!beforeRecordNumberSign.has(text.charCodeAt(at - 1)) || !personRecordLabelEndRe.test(text.slice(Math.max(0, at - 6), at + 1))) continue
    personRecordValueRe.lastIndex = at + 1
    const m = personRecordValueRe.exec(text)
    // A person's number holds digits (`HR20735`, `E12345678`): a run of letters is a word.
    if (!m || countDigitsIn(m[1]!) < 3 || /[Xx]{2}/.test(m[1]!)) continue
    const end = m.index + m[0].length
    hits.push({ start: end - m[1]!.length, end, kind: 'record' })
  }
  return hits
}
