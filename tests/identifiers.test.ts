// leak/identifier: the checksums, the division codes, the scanners, the masking conventions,
// and the rule under both profiles.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getGazetteer } from '../src/nlp/gazetteer.js'
import { creditCheckChar, hasValidCreditCode, hasValidIdChecksum, hkidCheckChar, idCheckChar, isValidBirthDate, luhnCheckDigit, passesLuhn } from '../src/rules/shared/identifiers/checksums.js'
import { inferConventions, maskIdentifier } from '../src/rules/shared/identifiers/conventions.js'
import { DivisionCodes } from '../src/rules/shared/identifiers/division-codes.js'
import { maskShapeOf, type NumberContext } from '../src/rules/shared/identifiers/numbers.js'
import { findIdentifiers } from '../src/rules/shared/identifiers/scan.js'
import { keepsTooMuch } from '../src/rules/shared/identifiers/types.js'
import { checkText, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

// Every identifier below was made with scripts/make-test-identifiers.mjs; none is a real person's.
const id = '640302199003078516'
const card = '6222021234567890128'
const credit = '91640100MA7XK2L3P8'

const divisions = new DivisionCodes(getGazetteer)
const context: NumberContext = {
  divisions,
  today: new Date(Date.UTC(2026, 0, 1)),
  cardWordRe: /卡号|账号|银行卡|开户行|账户/,
  otherNumberWordRe: /订单|单号|发票|流水号|编号/,
  identifierWordRe: /身份证|身份号码|卡号|账号|银行卡|开户行|账户|信用代码|手机|电话/,
  phoneWordRe: /手机|电话/,
  idWordRe: /身份证|身份号码/,
  creditWordRe: /信用代码/,
}
/** The same digits typed full-width (０-９), as Chinese input modes write them. */
const toFullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const scan = (text: string) => findIdentifiers(text, context).map((h) => ({ kind: h.kind, text: text.slice(h.start, h.end), ...(h.mask && { tooMuch: keepsTooMuch(h.kind, h.mask) }) }))

describe('checksums', () => {
  it('computes the GB 11643 check character, X for 10', () => {
    // The worked example of GB 11643-1999.
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(hasValidIdChecksum('11010519491231002X')).toBe(true)
    expect(hasValidIdChecksum('11010519491231002x')).toBe(true)
    expect(hasValidIdChecksum(id)).toBe(true)
    expect(hasValidIdChecksum('640302199003078515')).toBe(false)
  })

  it('computes the GB 32100 check character and knows authorities and types', () => {
    expect(creditCheckChar('91640100MA7XK2L3P')).toBe('8')
    expect(hasValidCreditCode(credit)).toBe(true)
    expect(hasValidCreditCode('91640100MA7XK2L3P9')).toBe(false)
    // Authority 9 (市场监管) issues types 1–3 only.
    const body = '95640100MA7XK2L3P'
    expect(hasValidCreditCode(body + creditCheckChar(body))).toBe(false)
    expect(creditCheckChar('91640100MA7XK2L3I')).toBeUndefined()
  })

  it('runs Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true)
    expect(passesLuhn('79927398710')).toBe(false)
    expect(passesLuhn(card)).toBe(true)
    expect(luhnCheckDigit('622202123456789012')).toBe('8')
  })

  it('accepts real birth dates from 1900 to today only', () => {
    const today = new Date(Date.UTC(2026, 0, 1))
    expect(isValidBirthDate(2000, 2, 29, today)).toBe(true)
    expect(isValidBirthDate(1900, 2, 29, today)).toBe(false)
    expect(isValidBirthDate(1899, 12, 31, today)).toBe(false)
    expect(isValidBirthDate(1990, 13, 7, today)).toBe(false)
    expect(isValidBirthDate(2026, 1, 2, today)).toBe(false)
  })
})

describe('division codes', () => {
  it('accepts current counties, abolished ones in a living prefecture, and the 港澳台 codes', () => {
    expect(divisions.isKnown('640302')).toBe(true)
    expect(divisions.isKnown('640399')).toBe(true)
    expect(divisions.isKnown('110221')).toBe(true)
    expect(divisions.isKnown('810000')).toBe(true)
    expect(divisions.isKnownForOrganisation('100000')).toBe(true)
  })

  it('rejects unknown provinces and prefectures', () => {
    expect(divisions.isKnown('991302')).toBe(false)
    expect(divisions.isKnown('649902')).toBe(false)
    expect(divisions.isKnown('640000')).toBe(false)
    expect(divisions.isKnown('100000')).toBe(false)
  })
})

describe('scanning', () => {
  it('finds each class with its span', () => {
    expect(scan(`身份证号码${id}，住所地`)).toEqual([{ kind: 'id', text: id }])
    expect(scan('身份证号640104851122002，')).toEqual([{ kind: 'id', text: '640104851122002' }])
    expect(scan(`代码${credit}。`)).toEqual([{ kind: 'credit', text: credit }])
    // A credit code is a whole run of letters and digits: none inside a longer one, two runs side by side both.
    expect(scan(`代码A${credit}。代码${credit}b。`)).toEqual([])
    expect(scan(`${credit}，${credit}`)).toEqual([{ kind: 'credit', text: credit }, { kind: 'credit', text: credit }])
    // A wrong check character is a company's code only right after its label, as a wrong check digit is a person's ID.
    const mistyped = `${credit.slice(0, 17)}D`
    expect(hasValidCreditCode(mistyped)).toBe(false)
    expect(scan(`统一社会信用代码：${mistyped}。`)).toEqual([{ kind: 'credit', text: mistyped }])
    expect(scan(`产品批号${mistyped}。`)).toEqual([])
    // A run of X at a code's end masks it (X is a code's character, but then the check cannot hold); a real code may end in XX.
    expect(scan('统一社会信用代码：92330106MA2KXXXXXX。')).toEqual([])
    expect(scan('统一社会信用代码：92330106MA2KL3PAXX。')).toEqual([])
    expect(hasValidCreditCode('92330106MA2KL3PKXX')).toBe(true)
    expect(scan('统一社会信用代码：92330106MA2KL3PKXX。')).toEqual([{ kind: 'credit', text: '92330106MA2KL3PKXX' }])
    const mistypedId = `${id.slice(0, 17)}${id.charAt(17) === '0' ? '1' : '0'}`
    expect(scan(`公民身份号码${mistypedId}，`)).toEqual([{ kind: 'id', text: mistypedId }])
    expect(scan(`流水${mistypedId}，`)).toEqual([])
    expect(scan(`卡号${card}`)).toEqual([{ kind: 'card', text: card }])
    expect(scan('账号6217 0012 3498 7653')).toEqual([{ kind: 'card', text: '6217 0012 3498 7653' }])
    expect(scan('手机+86 139 0951 0021。')).toEqual([{ kind: 'mobile', text: '139 0951 0021' }])
    expect(scan('电话010-62345678-801')).toEqual([{ kind: 'landline', text: '010-62345678-801' }])
    expect(scan('驾驶宁A·5K321、粤BD12345、沪A12345F')).toEqual([
      { kind: 'plate', text: '宁A·5K321' },
      { kind: 'plate', text: '粤BD12345' },
      { kind: 'plate', text: '沪A12345F' },
    ])
    expect(scan('邮箱 wang.li-88@example.com.cn。')).toEqual([{ kind: 'email', text: 'wang.li-88@example.com.cn' }])
    expect(scan('QQ号：12345678，微信：wx_abc123')).toEqual([
      { kind: 'qq', text: '12345678' },
      { kind: 'wechat', text: 'wx_abc123' },
    ])
  })

  it('tells a masked identifier that keeps too much from one masked right', () => {
    expect(scan('139****0021')).toEqual([{ kind: 'mobile', text: '139****0021', tooMuch: false }])
    expect(scan('1390951**21')).toEqual([{ kind: 'mobile', text: '1390951**21', tooMuch: true }])
    expect(scan('640302********8516')).toEqual([{ kind: 'id', text: '640302********8516', tooMuch: false }])
    expect(scan('64030219900307****')).toEqual([{ kind: 'id', text: '64030219900307****', tooMuch: true }])
    expect(scan('640302****03**851X')).toEqual([{ kind: 'id', text: '640302****03**851X', tooMuch: true }])
    expect(scan('6222 **** **** 1234')).toEqual([{ kind: 'card', text: '6222 **** **** 1234', tooMuch: false }])
    expect(scan('640302××××××××8516')).toEqual([{ kind: 'id', text: '640302××××××××8516', tooMuch: false }])
    expect(maskShapeOf('640302****03**851X')).toEqual({ head: 6, tail: 4, middle: 2, char: '*' })
  })

  it('leaves numbers that only look like identifiers alone', () => {
    // Fails the check digit; a division code that does not exist; 13th month; serials failing Luhn; a credit code with a wrong check character.
    for (const text of ['640302199003078515', '991302199003078513', '640302199013078510', '1234567890123456', '6222021234567890127', '6222021234567891', '91640106MA75RT3K0N']) expect(scan(text), text).toEqual([])
    // Labels of other numbers, amounts, a timestamp, a case number, dates, a longer run.
    for (const text of [`订单号${id}`, `发票号码${card}`, '金额13800138000元', '￥13800138000', '20231015143025123', '（2023）宁0104民初1234号', '2023-10-15', '2019-2023年', '138001380001', '3.13800138000', '南宁A座', '宁A12']) {
      expect(scan(text), text).toEqual([])
    }
    // Full-width digits are digits; a bracketed area code is a landline's.
    expect(scan(`身份证号码${toFullWidth(id)}，`)).toEqual([{ kind: 'id', text: toFullWidth(id) }])
    expect(scan('手机１３８００１３８０００。')).toEqual([{ kind: 'mobile', text: '１３８００１３８０００' }])
    expect(scan('电话（0951）5012345，(010)62345678。')).toEqual([
      { kind: 'landline', text: '（0951）5012345' },
      { kind: 'landline', text: '(010)62345678' },
    ])
    expect(scan('电话（0951）50****45')).toEqual([{ kind: 'landline', text: '（0951）50****45', tooMuch: true }])
    // A year in brackets, an unknown area code, a local number starting with 0: not landlines.
    for (const text of ['（2023）5012345', '（0000）5012345', '（0951）0123456']) expect(scan(text), text).toEqual([])
    // A landline's area code must exist and its local number not start with 0 or 1.
    expect(scan('2023-1234567')).toEqual([])
    expect(scan('0951-0123456')).toEqual([])
  })
})

describe('scanning: whose label a number is under, how it is grouped, the shapes a label proves', () => {
  it('reads the label nearest a number as its own, not another number’s word earlier in the phrase', () => {
    for (const text of [`跨境订单中买家的身份证号码${id}。`, `快递单上的收件人身份证号码${id}`, `编号为3的证人身份证号码${id}`, `发票上载明购买方身份证号码${id}`]) {
      expect(scan(text), text).toEqual([{ kind: 'id', text: id }])
    }
    expect(scan('订单中买家的手机13909510021')).toEqual([{ kind: 'mobile', text: '13909510021' }])
    // The other number's word nearest: its own number, whatever an identifier's word before it.
    for (const text of [`身份证复印件的订单号${id}`, `王**的订单号${id}`, `银行卡交易流水号${card}`]) expect(scan(text), text).toEqual([])
  })

  it('says an ID after an ID’s label, never a card, when its division code and its check digit or date hold', () => {
    // 1966-02-29 is no date; its check digit holds, and it passes Luhn by chance.
    expect(scan('身份证号码420106196602290180')).toEqual([{ kind: 'id', text: '420106196602290180' }])
    expect(scan('420106196602290180')).toEqual([{ kind: 'card', text: '420106196602290180' }])
    // Check digit and date both wrong, or no such division: no one's number.
    for (const text of ['身份证号码640302199013078510', '身份证号码991302199003078513']) expect(scan(text), text).toEqual([])
  })

  it('reads digits grouped by typographic spaces, and a valid ID grouped any way', () => {
    expect(scan('身份证号码640122\u00A019680930\u00A00447，手机139\u00A09511\u00A02345')).toEqual([
      { kind: 'id', text: '640122\u00A019680930\u00A00447' },
      { kind: 'mobile', text: '139\u00A09511\u00A02345' },
    ])
    expect(scan(`身份证号码640302\u2009199003078516`)).toEqual([{ kind: 'id', text: `640302\u2009199003078516` }])
    // Any grouping of a valid ID (a `<br>` read as a space); the checksum is the proof.
    expect(scan('身份证号码6403021990 03078516')).toEqual([{ kind: 'id', text: '6403021990 03078516' }])
    expect(scan('编号6403021990 03078515')).toEqual([])
  })

  it('joins a number across a line break, a cell gap or emphasis markers only where its checksum or label proves it', () => {
    const joined = (text: string, emphasis: { open: { start: number; end: number }; close: { start: number; end: number } }[] = []) =>
      findIdentifiers(text, context, emphasis).map((h) => ({ kind: h.kind, text: text.slice(h.start, h.end), ...(h.markers && { markers: h.markers.length }) }))
    // pdftotext's hard wraps, CRLF too; a card after its label, with its Luhn digit.
    expect(joined('公民身份号码6403021990\n03078516，住')).toEqual([{ kind: 'id', text: '6403021990\n03078516' }])
    expect(joined('公民身份号码6403021990\r\n03078516，住')).toEqual([{ kind: 'id', text: '6403021990\r\n03078516' }])
    expect(joined(`转入被告账户（卡号${card.slice(0, 8)}\n${card.slice(8)}）`)).toEqual([{ kind: 'card', text: `${card.slice(0, 8)}\n${card.slice(8)}` }])
    expect(joined(`统一社会信用代码${credit.slice(0, 10)}\n${credit.slice(10)}。`)).toEqual([{ kind: 'credit', text: `${credit.slice(0, 10)}\n${credit.slice(10)}` }])
    // Numbers on two lines that make no identifier; a card's digits with no label, or failing Luhn.
    for (const text of ['共计6403021990\n03078515元', `合计${card.slice(0, 8)}\n${card.slice(8)}`, `卡号${card.slice(0, 8)}\n${card.slice(8, -1)}7`, '2023\n1234567']) expect(joined(text), text).toEqual([])
    // Cells: a valid ID across one; a row's cells each alone; figures stay apart; a mobile after its label.
    expect(joined(`名单\t${id.slice(0, 6)}\t${id.slice(6)}\t完`)).toEqual([{ kind: 'id', text: `${id.slice(0, 6)}\t${id.slice(6)}` }])
    expect(joined('身份证号码640122\u300019680930\u30000447')).toEqual([{ kind: 'id', text: '640122\u300019680930\u30000447' }])
    expect(joined(`赵某某\t${id}\t139-9511-2345\t（2023）`)).toEqual([
      { kind: 'id', text: id },
      { kind: 'mobile', text: '139-9511-2345' },
    ])
    for (const text of ['合计\t4500\t3200\t1800\t2607', '合计\u3000139\u30001200\u30003400', '合计\t0951\t5012345']) expect(joined(text), text).toEqual([])
    expect(joined(`卡号\t${card.slice(0, 4)}\t${card.slice(4, 8)}\t${card.slice(8, 12)}\t${card.slice(12)}`)).toEqual([{ kind: 'card', text: `${card.slice(0, 4)}\t${card.slice(4, 8)}\t${card.slice(8, 12)}\t${card.slice(12)}` }])
    // Bold inside an ID that joins to a valid one is emphasis; at a number's edge it is no mask.
    const pair = (text: string, open: number, close: number, width = 2) => [{ open: { start: open, end: open + width }, close: { start: close, end: close + width } }]
    const bold = '身份证号码640381**19920101**0841。'
    expect(joined(bold, pair(bold, bold.indexOf('**'), bold.lastIndexOf('**')))).toEqual([{ kind: 'id', text: '640381**19920101**0841', markers: 2 }])
    const edges = '手机：**13909510021**'
    expect(joined(edges, pair(edges, edges.indexOf('**'), edges.lastIndexOf('**')))).toEqual([{ kind: 'mobile', text: '13909510021' }])
    // Masks the parser paired as markers (two stars of a run of four or eight) stay masks.
    const masks = '手机139****0021，身份证640302********0517'
    expect(joined(masks, pair(masks, masks.indexOf('**'), masks.lastIndexOf('**'))).map((h) => h.text)).toEqual(['139****0021', '640302********0517'])
    // A mistyped ID after its label joins as it would unbroken; digits that make no ID do not.
    const wrong = '身份证号码640381**19920101**0842'
    expect(joined(wrong, pair(wrong, wrong.indexOf('**'), wrong.lastIndexOf('**')))).toEqual([{ kind: 'id', text: '640381**19920101**0842', markers: 2 }])
    const serial = '批号640381**19920101**0842'
    expect(joined(serial, pair(serial, serial.indexOf('**'), serial.lastIndexOf('**')))).toEqual([])
  })

  it('joins a mobile number a break splits only after a phone’s label, into exactly a mobile’s shape', () => {
    const texts = (text: string) => scan(text).map((h) => h.text)
    // A hard wrap or a cell gap inside the number, grouped 3-4-4 across it or whole on each side; CRLF too.
    expect(scan('被告王某某，手机：138 0013\n8000，住')).toEqual([{ kind: 'mobile', text: '138 0013\n8000' }])
    expect(texts('联系电话1380013\n8000。')).toEqual(['1380013\n8000'])
    expect(texts('联系电话1380013\r\n8000。')).toEqual(['1380013\r\n8000'])
    expect(texts('手机号码为138\n0013 8000')).toEqual(['138\n0013 8000'])
    expect(texts('手机\t1380013\t8000\t无')).toEqual(['1380013\t8000'])
    expect(texts('手机\u30001380013\u30008000')).toEqual(['1380013\u30008000'])
    // No phone's label, or another value between it and the piece (a list's second number).
    for (const text of ['金额1380013\n8000', '被告王某某1380013\n8000', '手机13800138000、1390013\n8000', '电话0951-5012345，1390013\n8000', '手机尾号8000，编号1380013\n8000']) {
      expect(texts(text).filter((t) => t.includes('\n')), text).toEqual([])
    }
    // Two whole numbers on two lines; digits that are no mobile; grouped otherwise; a figure or a date after.
    for (const text of ['手机13800138000\n13900139000', '电话：5012345\n1380', '手机：138 00\n13 8000', '手机1380013\n8000元', '手机1380013\n2024年', '电话1380013\n8000.5', '电话1380013\n80001', '手机1380\n0138000-12']) {
      expect(texts(text).filter((t) => /[\n\t\u3000]/.test(t)), text).toEqual([])
    }
  })

  it('takes a card’s label over Luhn; an account’s label makes an account of a number failing it', () => {
    expect(scan(`银行卡号6217001234987654；卡号：6217 0012 3498 7654；账号6217001234987654；账号${card}`)).toEqual([
      { kind: 'card', text: '6217001234987654' },
      { kind: 'card', text: '6217 0012 3498 7654' },
      { kind: 'account', text: '6217001234987654' },
      { kind: 'card', text: card },
    ])
    // Unlabelled, Luhn and an issuer's prefix decide; a club's or a hospital's card is a record.
    expect(scan('名下6217001234987654')).toEqual([])
    expect(scan('会员卡号6217001234987654')).not.toContainEqual(expect.objectContaining({ kind: 'card' }))
  })

  it('reads the shapes a phone’s label proves, trailers’ plates, lists of QQ and WeChat IDs', () => {
    expect(scan('电话09515012345，电话01062345678，手机8613909510021')).toEqual([
      { kind: 'landline', text: '09515012345' },
      { kind: 'landline', text: '01062345678' },
      { kind: 'mobile', text: '13909510021' },
    ])
    // No phone's label: a run of digits; an unknown area code; a local number starting with 0.
    for (const text of ['编码09515012345', '8613909510021', '电话00005012345', '电话09510123456']) expect(scan(text), text).toEqual([])
    expect(scan('驾驶宁A1234挂号半挂车，宁A12挂')).toEqual([{ kind: 'plate', text: '宁A1234挂' }])
    expect(scan('通过微信号wxid_k3j2h1g0x9、“zjh_888vip”招揽，QQ号2837465190、1234567890和12345联系')).toEqual([
      { kind: 'wechat', text: 'wxid_k3j2h1g0x9' },
      { kind: 'wechat', text: 'zjh_888vip' },
      { kind: 'qq', text: '2837465190' },
      { kind: 'qq', text: '1234567890' },
      { kind: 'qq', text: '12345' },
    ])
    // A comma ends the list: a bare number after it is anything.
    expect(scan('QQ号2837465190，20000元')).toEqual([{ kind: 'qq', text: '2837465190' }])
    expect(scan('添加其微信zjh_888vip')).toEqual([{ kind: 'wechat', text: 'zjh_888vip' }])
    // Bare 微信 glued to letters alone is the app's name.
    for (const text of ['通过微信WeChat联系', '微信Official账号', '微信OpenID']) expect(scan(text), text).toEqual([])
  })

  it('reads a device’s IMEI (with its Luhn digit), MEID and MAC address after their labels', () => {
    expect(scan('扣押手机两部（IMEI：860123456789014、867531041234564，MEID：A1000012345678）、电脑一台（MAC地址3C:22:FB:12:AB:9E）')).toEqual([
      { kind: 'device', text: '860123456789014' },
      { kind: 'device', text: '867531041234564' },
      { kind: 'device', text: 'A1000012345678' },
      { kind: 'device', text: '3C:22:FB:12:AB:9E' },
    ])
    // Failing Luhn, no label, a word that holds the label, separators mixed, a broadcast address.
    for (const text of ['IMEI：860123456789015', '编号860123456789014', 'MACHINE：3C:22:FB:12:AB:9E', 'MAC地址3C:22-FB:12:AB:9E', 'MAC地址FF:FF:FF:FF:FF:FF']) expect(scan(text), text).toEqual([])
  })

  it('reads Hong Kong and foreign permanent residents’ ID numbers by their check characters, or after their labels', () => {
    // The worked examples: A123456(3); a value of 10 is written A.
    expect(hkidCheckChar('A', '123456')).toBe('3')
    expect(hkidCheckChar('AB', '987654')).toBe('3')
    expect(hkidCheckChar('Z', '000001')).toBe('A')
    // Bracketed with its check character right, anywhere; unbracketed after an ID's label; after 香港's label, the shape.
    expect(scan('持有A123456(3)、AB987654（3）及Z000001(A)')).toEqual([
      { kind: 'id', text: 'A123456(3)' },
      { kind: 'id', text: 'AB987654（3）' },
      { kind: 'id', text: 'Z000001(A)' },
    ])
    expect(scan('身份证号码A1234563，')).toEqual([{ kind: 'id', text: 'A1234563' }])
    expect(scan('香港身份证号码A123456(4)，')).toEqual([{ kind: 'id', text: 'A123456(4)' }])
    // The 2023 permanent-residence card: 9, a province, the birth date and the GB 11643 check; after its label, a wrong check too.
    expect(scan('持证人931840198703150014，')).toEqual([{ kind: 'id', text: '931840198703150014' }])
    expect(scan('外国人永久居留身份证号码931840198703150015，')).toEqual([{ kind: 'id', text: '931840198703150015' }])
    // The old card: three letters and 12 digits after its label (a digit more or less: mistyped).
    expect(scan('外国人永久居留证号码USA310087090901，永居证号：CAN3100870909013')).toEqual([
      { kind: 'id', text: 'USA310087090901' },
      { kind: 'id', text: 'CAN3100870909013' },
    ])
    for (const text of [
      // A check character wrong with no 香港 label; another number's label; no bracket, no label.
      'A123456(4)', '身份证号码A1234564', '编号A123456(3)', 'A1234563', 'XA123456(3)',
      // Wrong check, no province (99), no such month, unlabelled, or another number's label.
      '931840198703150015', '999840198703150012', '931840198713150018', '订单号931840198703150014',
      // The old form unlabelled, or too short.
      'USA310087090901', '永久居留证号码USA12345',
    ]) expect(scan(text), text).toEqual([])
  })

  it('reads a business licence’s old registration number and a driving licence’s file number after their labels', () => {
    expect(scan('经营者：王某某，原工商注册号640302600012346；营业执照注册号：110108000123456')).toEqual([
      { kind: 'registration', text: '640302600012346' },
      { kind: 'registration', text: '110108000123456' },
    ])
    // A registration number whose digits read as a first-generation ID (1960-01-23) is the registration's.
    expect(scan('注册号640302600123458')).toEqual([{ kind: 'registration', text: '640302600123458' }])
    expect(scan('驾驶证档案编号640100123456')).toEqual([{ kind: 'record', text: '640100123456' }])
    expect(scan(`驾驶证号：${id}\n档案编号：640300112233`)).toEqual([
      { kind: 'id', text: id },
      { kind: 'record', text: '640300112233' },
    ])
    // A trademark's number, no real division code, another length; an archive's file number, a short one.
    for (const text of ['商标注册号12345678', '注册号991302600012346', '注册号6403026000123', '档案编号：640300112233', '人事档案编号640300112233', '驾驶证档案编号6401001234']) expect(scan(text), text).toEqual([])
  })

  it('reads an engine’s number and a video or microblog platform’s account ID after their labels', () => {
    expect(scan('车架号：LSGPC52U0PF123456，发动机号：B12D3456789；发动机号码为4G63S4M12345')).toEqual([
      { kind: 'vehicle', text: 'LSGPC52U0PF123456' },
      { kind: 'vehicle', text: 'B12D3456789' },
      { kind: 'vehicle', text: '4G63S4M12345' },
    ])
    // An engine's model, named or in a description; a value too short or with too few digits; no value.
    for (const text of ['发动机型号4G63', '搭载三菱4G63发动机', '发动机号4G63', '发动机号ABCDEF12', '发动机号码与车架号码一致']) expect(scan(text), text).toEqual([])
    expect(scan('抖音号：dy_hxm1975，快手号kx_2023a、kx_2024b，微博ID：1234567890，小红书号为“hongshu.99”')).toEqual([
      { kind: 'handle', text: 'dy_hxm1975' },
      { kind: 'handle', text: 'kx_2023a' },
      { kind: 'handle', text: 'kx_2024b' },
      { kind: 'handle', text: '1234567890' },
      { kind: 'handle', text: 'hongshu.99' },
    ])
    for (const text of ['微博号召网友', '抖音号和快手号均已注销', '快手号3个', '抖音号为空', '抖音账号：abc']) expect(scan(text), text).toEqual([])
  })

  it('reads IPv6 addresses of the global range after an IP label, and the list after one', () => {
    expect(scan('登录IP地址为2409:8a3c:1234:5678::1及27.154.10.201')).toEqual([
      { kind: 'ip', text: '2409:8a3c:1234:5678::1' },
      { kind: 'ip', text: '27.154.10.201' },
    ])
    expect(scan('IPv6：2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toEqual([{ kind: 'ip', text: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' }])
    // Link-local, loopback, a time, groups too many or too few.
    for (const text of ['IP地址为fe80::1', 'IP地址为::1', 'IP地址为2023:12:30', 'IP地址为2409:8a3c:1:2:3:4:5:6:7', 'IP地址为2409:8a3c:1234']) expect(scan(text), text).toEqual([])
  })
})

describe('masking conventions', () => {
  const hit = (text: string) => findIdentifiers(text, context)
  it('copies the document’s shape and mask character, but not a shape that keeps too much', () => {
    const conventionOf = inferConventions(hit('139××××0021 和 640302××××××××8516'), new Map())
    expect(maskIdentifier('13800138000', 'mobile', conventionOf('mobile'))).toBe('138××××8000')
    expect(maskIdentifier(id, 'id', conventionOf('id'))).toBe('640302××××××××8516')
    const tooOpen = inferConventions(hit('1390951**21'), new Map())
    expect(maskIdentifier('13800138000', 'mobile', tooOpen('mobile'))).toBe('138****8000')
  })

  it('masks whole when the document masks a class whole, and has defaults', () => {
    const whole = inferConventions([], new Map([['mobile', '*']]))
    expect(maskIdentifier('138-0013-8000', 'mobile', whole('mobile'))).toBe('***-****-****')
    const none = inferConventions([], new Map())
    expect(maskIdentifier(id, 'id', none('id'))).toBe('640302********8516')
    expect(maskIdentifier('6222 0212 3456 7890 128', 'card', none('card'))).toBe('6222 **** **** ***0 128')
    expect(maskIdentifier('010-62345678', 'landline', none('landline'))).toBe('010-********')
    expect(maskIdentifier('（0951）5012345', 'landline', none('landline'))).toBe('（0951）*******')
    expect(maskIdentifier(toFullWidth('13800138000'), 'mobile', none('mobile'))).toBe('１３８****８０００')
    expect(maskIdentifier('宁A·5K321', 'plate', none('plate'))).toBe('宁A·*****')
    expect(maskIdentifier('wang@example.com', 'email', none('email'))).toBe('w***@example.com')
    expect(maskIdentifier(credit, 'credit', none('credit'))).toBe('*'.repeat(18))
    // Re-masking keeps only the clear digits at each end, never digits left between masks.
    expect(maskIdentifier('6401812009031106**', 'id', none('id'))).toBe('640181************')
    expect(maskIdentifier('6403021975****531X', 'id', none('id'))).toBe('640302********531X')
  })
})

describe('leak/identifier', () => {
  const only = ['leak/identifier']
  // checkText runs a rule picked with `only` at its draft severity; the fixtures check severities.
  it('reports an identifier in clear in redacted, with its masked form', async () => {
    const [f, ...rest] = await checkText(`被告王某，身份证号码${id}。`, { profile: 'redacted', only })
    expect(rest).toEqual([])
    expect(f).toMatchObject({ ruleId: 'leak/identifier', text: id, message: `ID number in clear: ${id}` })
    expect(f!.data).toMatchObject({ identifier: 'id', names: [id], redact: { replacement: '640302********8516' } })
  })

  it('reads a masked run of an ID’s shape but not its length as an ID, and a card’s as a card', async () => {
    const [id] = await checkText('张*华\t340822*****0905**32\t三组', { profile: 'redacted', only })
    expect(id!.message).toContain('ID number')
    const [card] = await checkText('张*华\t622848*****0905**32\t三组', { profile: 'redacted', only })
    expect(card!.message).toContain('card')
  })

  it('says what a masked identifier leaves in clear', async () => {
    const [f] = await checkText('电话1390951**21', { profile: 'redacted', only })
    expect(f!.message).toBe('mobile number masked, but the first 7 and last 2 characters are still in clear: 1390951**21')
  })

  it('is silent in a draft that masks nothing, and there reports only personal classes', async () => {
    const text = `联系电话13800138000，地址邮箱wang@example.com，座机0951-5012345，代码${credit}`
    expect(await checkText(text, { profile: 'draft', only })).toEqual([])
    const masked = await checkText(`***市统计局。${text}`, { profile: 'draft', only })
    expect(masked.map((f) => [f.text, f.severity])).toEqual([['13800138000', 'warning']])
    const redacted = await checkText(`***市统计局。${text}`, { profile: 'redacted', only })
    expect(redacted.map((f) => f.text)).toEqual(['13800138000', 'wang@example.com', '0951-5012345', credit])
  })

  it('leaves a company’s credit code alone where the document names companies and masks persons only', async () => {
    const judgment = `原告王某，男。被告A公司。第三人宁夏恒泰建材有限公司，统一社会信用代码${credit}，法定代表人李某。`
    expect((await checkText(judgment, { profile: 'redacted', only })).map((f) => f.text)).toEqual([credit])
    const penalty = `当事人：宁夏恒泰建材有限公司，统一社会信用代码${credit}，法定代表人：王某。`
    expect(await checkText(penalty, { profile: 'redacted', only })).toEqual([])
  })

  it('takes a partly masked identifier as a sign that a draft masks', async () => {
    const findings = await checkText('甲的电话139****0021，乙的电话13800138000', { profile: 'draft', only })
    expect(findings.map((f) => f.text)).toEqual(['13800138000'])
    expect(findings[0]!.data).toMatchObject({ redact: { replacement: '138****8000' } })
  })

  it('masks whole what the document masks whole', async () => {
    const text = `甲的身份证号码：******************；乙的身份证号码：${id}`
    const [f] = await checkText(text, { profile: 'redacted', only })
    expect(f!.data).toMatchObject({ redact: { replacement: '*'.repeat(18) } })
  })

  it('never reports what an office publishes for the public', async () => {
    const text = '举报电话：0951-5012345、13800138000；电子邮箱：jubao@nx.gov.cn'
    expect(await checkText(text, { profile: 'redacted', only })).toEqual([])
    // An office's contact line closing a notice; a party's landline inside its description is reported.
    const notice = '**市志愿服务联合会\n联系电话：0951-6912345\n电子邮箱：zyfw2024@163.com\n联系电话：13800138000\n'
    expect((await checkText(notice, { profile: 'redacted', only })).map((f) => f.text)).toEqual(['13800138000'])
    const party = await checkText('被告王某，男，住**区，电话0951-6912345。', { profile: 'redacted', only })
    expect(party.map((f) => f.text)).toEqual(['0951-6912345'])
  })

  it('reads Markdown as it renders: bold around or inside a number, inline code verbatim', async () => {
    const md = '被告苏某某，身份证号码640302**19900307**8516，手机：**13909510021**，证件号码`640302199003078516`，代码`王某某**`。\n'
    const findings = await checkText(md, { path: 'inline.md', profile: 'redacted', only })
    expect(findings.map((f) => [f.text, (f.data as { redact: { replacement: string } }).redact.replacement])).toEqual([
      ['640302**19900307**8516', '640302********8516'],
      ['13909510021', '139****0021'],
      ['640302199003078516', '640302********8516'],
    ])
    // The same stars in plain text are masks, the backticks characters.
    expect((await checkText(md, { profile: 'redacted', only })).map((f) => f.text)).toEqual(['640302199003078516'])
  })

  it('reads a number a line break splits where its checksum proves it, and masks it keeping the break', async () => {
    const [f, ...rest] = await checkText('原告海某某，公民身份号码6403021990\n03078516，住固原市原州区。', { profile: 'redacted', only })
    expect(rest).toEqual([])
    expect(f).toMatchObject({ text: '6403021990\n03078516', data: { identifier: 'id', redact: { replacement: '640302****\n****8516' } } })
    const [mobile] = await checkText('原告海某某，手机：139 0951\n0021，住固原市原州区。', { profile: 'redacted', only })
    expect(mobile).toMatchObject({ text: '139 0951\n0021', data: { identifier: 'mobile', redact: { replacement: '139 ****\n0021' } } })
  })

  it('leaves a public body’s own code, account and landline alone, not a person’s', async () => {
    const found = async (text: string) => (await checkText(text, { profile: 'redacted', only })).map((f) => f.text)
    // Registration authority 1 (机构编制): an organ's or a 事业单位's code, beside a masked person's business (type 92).
    const business = '当事人：吴忠市利通区王某某百货商行\n统一社会信用代码：92640302MA76J5Q16Y\n'
    expect(await found(`${business}作出处罚决定的机关：吴忠市利通区市场监督管理局（统一社会信用代码116403024550012373）\n协查单位：吴忠市利通区市场监管综合执法大队（统一社会信用代码12640302455022193T）`)).toEqual(['92640302MA76J5Q16Y'])
    // …unless the document hides its own unit, whose code gives it away.
    expect(await found('***市统计局关于王某某的处理决定。***市统计局（统一社会信用代码116403024550012373）')).toEqual(['116403024550012373'])
    // The court's 执行款专户 block, a field on each line; a person's block is his.
    const block = (holder: string) => `李某某：\n请将款项汇入以下账户：\n户名：${holder}\n开户行：中国工商银行银川兴庆支行\n账号：2902020109024912345`
    expect(await found(block('银川市兴庆区人民法院'))).toEqual([])
    expect(await found(block('李某某'))).toEqual(['2902020109024912345'])
    // A landline after a sentence in the issuer's voice, not after one about a masked party.
    expect(await found('被执行人马某某。\n如对以上信息有异议，可向本院执行局书面申请纠正。联系电话：0953-2135601。')).toEqual([])
    expect(await found('被执行人马某某向本院申请延期。联系电话：0953-2135601。')).toEqual(['0953-2135601'])
    expect(await found('被执行人马某某。\n如有异议，可向本院申请纠正。手机：13909510021。')).toEqual(['13909510021'])
  })

  it('reports a masked party’s own 办公电话 with its extension, not an office’s or a named official’s', async () => {
    const found = async (text: string) => (await checkText(text, { profile: 'redacted', only })).map((f) => [f.text, (f.data as { redact: { replacement: string } }).redact.replacement])
    expect(await found('法定代表人：孙某某，该公司执行董事，办公电话0951-6078123转8021，个人邮箱sun.jh@nxmail.cn。')).toEqual([
      ['0951-6078123转8021', '0951-*******转****'],
      ['sun.jh@nxmail.cn', 's***@nxmail.cn'],
    ])
    expect(await found('被告孙某某，办公电话0951-6078123，手机13909510021。')).toEqual([
      ['0951-6078123', '0951-*******'],
      ['13909510021', '139****0021'],
    ])
    // The office's, an official's named in clear, one after the masked party's sentence has ended.
    // A lawyer or an officer named after the party gives his own office's.
    for (const text of ['被告孙某某。承办人：张明，办公电话0951-6078123。', '被告孙某某。本院执行局办公电话：0951-6078123转8021。', '被执行人马某某；如有异议请联系办公电话0951-6078123。', '原告孙某某的委托诉讼代理人张明律师，办公电话0951-6078123。']) expect(await found(text), text).toEqual([])
  })

  it('reports identity numbers beyond the 居民身份证, platforms’ IDs and engines’ numbers, masking whole those whose ends name no county', async () => {
    const text = '被告梁某某，香港身份证号码A123456(3)；被告史某某，外国人永久居留证号码USA310087090901，又持永居证931840198703150014，抖音号：dy_hxm1975，其车辆发动机号：B12D3456789。'
    const findings = await checkText(text, { profile: 'redacted', only })
    expect(findings.map((f) => [f.text, (f.data as { identifier: string }).identifier, (f.data as { redact: { replacement: string } }).redact.replacement])).toEqual([
      ['A123456(3)', 'id', '*******(*)'],
      ['USA310087090901', 'id', '*'.repeat(15)],
      ['931840198703150014', 'id', '931840********0014'],
      ['dy_hxm1975', 'handle', '*'.repeat(10)],
      ['B12D3456789', 'vehicle', '*'.repeat(11)],
    ])
  })

  it('reports an old registration number as a credit code: a masked owner’s business always, a company’s only where the document hides companies', async () => {
    const found = async (text: string) => (await checkText(text, { profile: 'redacted', only })).map((f) => f.text)
    expect(await found('当事人：吴忠市利通区王某某百货商行（个体工商户）\n经营者：王某某，原工商注册号640302600012346')).toEqual(['640302600012346'])
    expect(await found('当事人：宁夏天成建材有限公司，注册号640302000012345，法定代表人：王某。')).toEqual([])
    // A driving licence's file number is its holder's, where the document hides him.
    expect(await found('被处罚人：马某某\n驾驶证号：640302********1150\n档案编号：640300112233')).toEqual(['640300112233'])
    expect(await found('驾驶人张建国，驾驶证档案编号640300112233')).toEqual([])
  })

  it('lets a public label govern its own value and a list after it, not what a nearer label names', async () => {
    const text = '证人孙某某。承办人张明，办公电话0951-6078123，手机13909510021，个人邮箱sun.jh@nxmail.cn。'
    expect((await checkText(text, { profile: 'redacted', only })).map((f) => f.text)).toEqual(['13909510021', 'sun.jh@nxmail.cn'])
    // One label over a list, and another public label nearer.
    expect(await checkText('被告孙某某。举报电话：0951-5012345，0951-5012346，举报邮箱：jb@nxmail.cn', { profile: 'redacted', only })).toEqual([])
  })
})

describe('leak/identifier: a person’s numbers of record, IP addresses and classes in a release', () => {
  const only = ['leak/identifier']
  const found = async (text: string, profile: 'draft' | 'redacted' = 'redacted') => (await checkText(text, { profile, only })).map((f) => f.text)

  it('reports a labelled number of record where the document hides persons, and says so when it masks the label elsewhere', async () => {
    expect(await found('学生阿某某，商贸学院学生，学号20221302157。经查，代考人员所持准考证号为650101232010318。')).toEqual(['20221302157', '650101232010318'])
    expect(await found('罪犯熊某某在服刑期间确有悔改表现，建议予以假释。罪犯编号4212061873。')).toEqual(['4212061873'])
    expect(await found('被告人王某某（工号HR20735）利用职务便利')).toEqual(['HR20735'])
    const [f] = await checkText('一、买某，学号2021******57。二、阿某，学号20221302157。', { profile: 'redacted', only })
    expect(f).toMatchObject({ text: '20221302157', message: 'personal record number (student, staff, exam, prisoner …) in clear: 20221302157 (masked elsewhere in this document as “学号2021******57”)' })
    expect(f!.data).toMatchObject({ identifier: 'record', redact: { replacement: '*'.repeat(11) } })
    // A longer label holds the shorter one (员工号, 工号); 〇 masks a value as ○ does.
    const [g] = await checkText('一、买某，员工号20****57。二、阿某，工号20221302。', { profile: 'redacted', only })
    expect(g).toMatchObject({ text: '20221302', message: 'personal record number (student, staff, exam, prisoner …) in clear: 20221302 (masked elsewhere in this document as “工号20****57”)' })
    const [h] = await checkText('一、买某，学号2021〇〇〇〇57。二、阿某，学号20221302157。', { profile: 'redacted', only })
    expect(h?.message).toContain('“学号2021〇〇〇〇57”')
  })

  it('leaves alone an officer’s number, a word with no number, one masked, and a document that hides no one', async () => {
    for (const text of [
      '被告人王某某。审判员张明（工号1023）、书记员李华（工号1187）',
      '被告人王某某。冒充银行客服人员工号8808的诈骗人员，12345热线接线员工号1023',
      '被告人王某某拿到了准考证，准考证号由考生本人打印',
      '学生王某某，学号2021******57，准考证号6501**********18',
      '学生王某某，学号2021XXXXXX57',
      '被告人王某某，案号（2023）宁0104刑初1234号，文号宁政发〔2023〕12号，施工号2023001，参考号ABC12345',
      '被告人王某某。宁夏恒泰建材有限公司资质证书编号D264012345，安全生产许可证编号（宁）JZ安许证字〔2021〕000123',
      '2024年拟录取名单公示：张明，学号20221302157；李华，学号20221302158',
    ]) expect(await found(text), text).toEqual([])
  })

  it('reports a person’s IP address after its label, not a server’s, a private one, a version or a section', async () => {
    expect(await found('被害人刘某某。操作该账户的网银登录IP地址为117.139.24.86，位于境外某一服务器中转节点。')).toEqual(['117.139.24.86'])
    expect(await found('被告人王某某登录的IP地址分别为117.139.24.86、61.139.2.69')).toEqual(['117.139.24.86', '61.139.2.69'])
    const [f] = await checkText('被告人王某某。IP：58.20.11.3', { profile: 'redacted', only })
    expect(f!.data).toMatchObject({ identifier: 'ip', redact: { replacement: '**.**.**.*' } })
    for (const text of [
      '被告人王某某。涉案网站服务器IP地址为117.139.24.86',
      '被告人王某某。其电脑内网IP地址为192.168.1.10，网关10.0.0.1',
      '被告人王某某使用的软件版本为1.2.3.4，依据第3.1.2.4条',
      '被告人王某某的登录IP地址为117.139.*.*',
      '申请人张明的登录IP地址为117.139.24.86',
      '被告人王某某申请成为VIP会员1.2.3.4级',
    ]) expect(await found(text), text).toEqual([])
  })

  it('reports a device’s number where the document hides persons, masked whole', async () => {
    const [f] = await checkText('被告人王某某的手机（IMEI：860123456789014）', { profile: 'redacted', only })
    expect(f!.data).toMatchObject({ identifier: 'device', redact: { replacement: '*'.repeat(15) } })
    const [mac, ipv6] = await checkText('被告人王某某的电脑（MAC地址3C:22:FB:12:AB:9E），登录IP地址为2409:8a3c::1', { profile: 'redacted', only })
    expect(mac!.data).toMatchObject({ redact: { replacement: '**:**:**:**:**:**' } })
    expect(ipv6!.data).toMatchObject({ redact: { replacement: '****:****::*' } })
    expect(await found('被告人王建国的手机（IMEI：860123456789014）')).toEqual([])
  })

  it('reports a class in clear only where the document masks classes', async () => {
    const [f] = await checkText('一、买某，信息工程学院××级××班学生。二、阿某，商贸学院2022级会计2班学生。', { profile: 'redacted', only })
    expect(f).toMatchObject({ text: '2022级会计2班', message: 'year and class in clear: 2022级会计2班 (masked elsewhere in this document as “××级××班”)' })
    expect(f!.data).toMatchObject({ identifier: 'class', redact: { replacement: '**级**班' } })
    expect(await found('阿某，商贸学院2022级会计2班学生。')).toEqual([])
    expect(await found('买某，××级××班学生。2022级共分为十个班，2023级新生分12个班')).toEqual([])
    // 届 or 级 opening the text hides no mask after it; 〇 masks a class as × does.
    expect(await found('届时请准时参加。一、买某，××级××班学生。二、阿某，2022级会计2班学生。')).toEqual(['2022级会计2班'])
    expect(await found('一、买某，〇〇级〇〇班学生。二、阿某，2022级会计2班学生。')).toEqual(['2022级会计2班'])
    // A course is no class (××级干部培训班), and a year in Chinese no mask (二〇〇〇级).
    expect(await found('关于举办××级干部培训班的通知。学员王某某，2024届三班')).toEqual([])
    expect(await found('校友王某某，二〇〇〇级计算机一班毕业，现指导2024届三班')).toEqual([])
  })

  it('leaves a draft as it was: none of the three is a draft’s class', async () => {
    expect(await found('学生王某某，学号20221302157，××级××班，2022级会计2班，登录IP地址为117.139.24.86', 'draft')).toEqual([])
  })
})

describe('redact of identifiers', () => {
  it('masks them in the document’s convention, and a second run changes nothing', () => {
    const dir = makeTempDir('redact-ids-')
    const input = join(dir, 'judgment.txt')
    const once = join(dir, 'once.txt')
    const twice = join(dir, 'twice.txt')
    const text = [
      '原告王某，身份证号码640302××××××××8516，联系电话139××××0021。',
      `被告李某，身份证号码640104198511220029，联系电话138-0951-0022，车牌号宁A·5K321，账号6217 0012 3498 7653。`,
      `第三人某公司，统一社会信用代码${credit}，电子邮箱wang@example.com。`,
      '',
    ].join('\n')
    writeFileSync(input, text)
    const first = runCli(['redact', input, '-o', once])
    expect(first.stderr).not.toContain('still found')
    expect(first.code).toBe(0)
    const redacted = readFileSync(once, 'utf8')
    expect(redacted.split('\n')[1]).toBe('被告李某，身份证号码640104××××××××0029，联系电话138-××××-0022，车牌号宁A·×××××，账号6217 ×××× ×××× 7653。')
    expect(redacted.split('\n')[2]).toBe(`第三人某公司，统一社会信用代码${'×'.repeat(18)}，电子邮箱w×××@example.com。`)
    expect(runCli(['redact', once, '-o', twice]).code).toBe(0)
    expect(readFileSync(twice, 'utf8')).toBe(redacted)
  })

  it('writes masks that a check of the copy reads as masks: every class, IP and device numbers too', () => {
    const dir = makeTempDir('redact-ids-')
    const input = join(dir, 'judgment.txt')
    const once = join(dir, 'once.txt')
    writeFileSync(input, [
      `被告人王某某，身份证号码${id}，手机13909510021，电话0951-5012345转8021，邮箱wang.li@example.com，QQ：12345678，微信号：abc_1234，抖音号：dy_hxm1975，驾驶宁A·5K321号小型轿车。`,
      '被告人王某某名下房屋，不动产权证号宁（2021）银川市不动产权第0012345号，住院号为0230614857，车辆识别代号LSVAU2180N2123456，发动机号：B12D3456789，账号：46050100003600001234。',
      '被告人王某某（绰号“黑子”），学号20221302157，香港身份证号码A123456(3)，登录IP地址为117.139.24.86，IPv6：2409:8a3c:1234:5678::1，手机（IMEI：860123456789014），MAC地址3C:22:FB:12:AB:9E。',
      '',
    ].join('\n'))
    expect(runCli(['redact', input, '-o', once]).code).toBe(0)
    expect(readFileSync(once, 'utf8')).toContain('登录IP地址为***.***.**.**，')
    const recheck = runCli(['check', '-p', 'redacted', '--format', 'json', once])
    expect(JSON.parse(recheck.stdout).files.flatMap((f: { findings: { ruleId: string; text: string }[] }) => f.findings.map((x) => `${x.ruleId}: ${x.text}`))).toEqual([])
  })
})
