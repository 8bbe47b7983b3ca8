// The leak rules on inline text: what must be found, what must not, profiles, and the data
// each finding carries. Real documents are in fixtures/redacted/.
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/core/engine.js'
import type { Finding } from '../src/core/finding.js'
import { documentFromText } from '../src/io/read-document.js'
import { getGazetteer } from '../src/nlp/gazetteer.js'
import { activateRules } from '../src/rules/loader.js'
import { sensitiveTermRule } from '../src/rules/sensitive-terms.js'
import type { Profile } from '../src/rules/types.js'
import { builtinRules } from './helpers.js'

async function leaks(text: string, profile: Profile = 'redacted'): Promise<Finding[]> {
  const doc = await documentFromText(text, 'inline.txt')
  return checkDocument(doc, activateRules(builtinRules, profile)).filter((f) => f.category === 'leak')
}
const texts = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.text}`)

describe('precision: nothing is taken for a leak', () => {
  it.each([
    ['national bodies', '认真落实党中央、国务院和国家统计局的部署，与中国工商银行、中国人民银行座谈。'],
    ['formulations with a leader’s name', '以习近平新时代中国特色社会主义思想为指导，学习习近平总书记重要讲话，拥护以习近平同志为核心的党中央。'],
    ['generic words that are also unit names', '围绕长治久安、和平发展，建设新华书店，弘扬长安精神，打江山、守江山，建设美丽乡村、幸福社区、和谐社区和中心村。'],
    ['suffix characters inside words', '推动县域经济和区域协调，改造农贸市场，加强村级组织，推进乡村振兴，隆重庆祝建党节，推动幸福建设。'],
    ['generic titles and heroes', '全体同志、老同志和青年同志向雷锋同志学习，党组书记带头，局长及其他成员参加。'],
    ['a surname and a title, after a preposition', '由王局长主持会议，由张局长讲话，和刘主任一起调研。'],
    ['organisations named by kind only', '走访企业集团、商业银行、保险公司、人民医院和中小学校，开展集中学习，推进集团化改革。'],
    ['masks and counts', '***市统计局开展集中学习**次，发展*名预备党员，完成xx项调查。'],
  ])('%s', async (_what, text) => {
    expect(texts(await leaks(text))).toEqual([])
  })
})

describe('recall: each kind of leak', () => {
  it('finds places by full name, chain, short name, landmark and unlisted 嘎查', async () => {
    const found = await leaks('***市统计局到灵武市郝家桥镇、惠农中街社区和外西河村调研，学习视察宁夏重要讲话，到贺兰山植树，帮扶巴苏木昂嘎查。')
    expect(texts(found)).toEqual(['leak/reidentification ***市', 'leak/place 灵武市郝家桥镇', 'leak/place 惠农中街社区', 'leak/place 外西河村', 'leak/place 贺兰山', 'leak/place 巴苏木昂嘎查'])
    const town = found[1]!
    expect(town.data?.units).toEqual([getGazetteer().upperNamesEndingAt('郝家桥镇', 4, 3, () => true)[0]!.units[0]!.code])
    expect(town.message).toContain('灵武市, 银川市, 宁夏回族自治区')
    expect(town.data?.redact).toEqual({ offset: town.offset, length: town.length - 1 })
  })

  it('finds organisations, persons and leaves a masked name alone', async () => {
    const found = await leaks('***市统计局与宁夏宝丰能源集团股份有限公司、中国工商银行石嘴山分行座谈，局长刘志强、张**同志参加。')
    expect(texts(found.filter((f) => f.ruleId !== 'leak/reidentification'))).toEqual(['leak/organization 宁夏宝丰能源集团股份有限公司', 'leak/organization 中国工商银行石嘴山分行', 'leak/person 刘志强'])
  })

  it('names a place found inside an organisation once, as the organisation', async () => {
    expect(texts(await leaks('***市统计局组织干部到银川市第一人民医院体检。'))).toEqual(['leak/reidentification ***市', 'leak/organization 银川市第一人民医院'])
  })
})

describe('linked names: the message says what links them', () => {
  it('a relative named by a kinship word of two characters, the person by 该生', async () => {
    const [finding] = (await leaks('三、陈某某，男，汉族，建筑工程学院学生。2024年5月2日，该生在宿舍内违规使用大功率电器，引发跳闸。该生系第二次违反宿舍安全管理规定，经通报批评后仍不改正，其父亲陈国栋亦到校表示将加强教育。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(finding?.text).toBe('陈国栋')
    expect(finding?.message).toContain('named as 其父亲 of a masked person')
  })

  it('a minority name of a surname’s character begins as its mask does', async () => {
    const [finding] = (await leaks('四、古某，女，学生。给予古丽娜尔严重警告处分。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(finding?.text).toBe('古丽娜尔')
    expect(finding?.message).toContain('begins as the masked 古某 does')
    expect(finding?.data?.redact).toMatchObject({ replacement: '古某' })
  })

  it('a compound surname glued to 向, then written again before 称', async () => {
    const found = (await leaks('原告：欧阳某某，女，1988年出生。\n原告欧阳晓燕向本院提出诉讼请求。\n庭审中，欧阳晓燕称被告长期不回家。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(found.map((f) => [f.line, f.text])).toEqual([[2, '欧阳晓燕'], [3, '欧阳晓燕']])
  })

  it('a surname shared with a masked person', async () => {
    const [finding] = (await leaks('被告人张某，男。张某辩称其不认识张建华。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(finding?.text).toBe('张建华')
    expect(finding?.message).toContain('same surname as the masked 张某')
  })

  it('the kept first characters of a masked minority name, which are no surname', async () => {
    const [finding] = (await leaks('被告人岩某，男，傣族。被告人玉某某辩称系受岩温罕欺骗。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(finding?.text).toBe('岩温罕')
    expect(finding?.message).toContain('begins as the masked 岩某 does')
    expect(finding?.message).not.toContain('surname')
  })

  it('of two masked persons of the surname, the one written after the same relation', async () => {
    const text = '被告：司马某，男。原告要求婚生子司马某甲由原告抚养。被告司马某辩称：要求婚生子司马浩然由被告抚养。'
    const [finding] = (await leaks(text)).filter((f) => f.ruleId === 'leak/linkage')
    expect(finding?.text).toBe('司马浩然')
    expect(finding?.message).toContain('same surname as the masked 司马某甲')
    // Written after no words either has, the name is linked to the first as before.
    const [first] = (await leaks('被告：司马某，男。婚生子司马某甲由原告抚养。同日，司马浩然到庭。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(first?.message).toContain('same surname as the masked 司马某,')
  })
})

describe('linked names in family cases: kinship words and the names they mark', () => {
  const linked = async (text: string) => (await leaks(text)).filter((f) => f.ruleId === 'leak/linkage')
  it.each([
    ['父母', '其中30万元由被告父母高某某、冯某某转账支付。'],
    ['岳父母', '该款由其岳父母郑某甲、孙某某支付。'],
    ['祖父母 and 养父母', '其祖父母王某甲、陈某某出资，其养父母刘某某、周某某同意。'],
  ])('a kinship word (%s) before a list of pseudonyms names no one', async (_what, clause) => {
    expect(texts(await linked(`原告：郑某某，女。被告：高某，男。\n${clause}`))).toEqual([])
  })

  it('a name in clear after the kinship word is the list item, not the kinship word and its surname', async () => {
    const text = '原告：郑某某，女。被告：高某，男。\n其中30万元由被告父母李建国、冯某某转账支付。'
    const [finding, ...rest] = await linked(text)
    expect(rest).toEqual([])
    expect(finding?.messageId).toBe('leak.linkage')
    expect(text.slice(finding!.offset, finding!.offset + finding!.length)).toBe('李建国')
    expect(finding?.message).toContain('listed beside the masked 冯某某')
    expect(finding?.data?.redact).toMatchObject({ offset: finding!.offset, length: 3, replacement: '李某某' })
  })

  it.each([
    ['张/q 秀英/nr, quoted as a signature', '原告：张某某，女。被告：王某，男。\n该协议落款处有“张秀英”“王某”签名。', '张秀英', 'same surname as the masked 张某某'],
    ['由张/x 玉兰/nr, the surname glued to the preposition', '原告：张某某，女。\n该协议由张玉兰签名。', '张玉兰', 'same surname as the masked 张某某'],
    ['张/q 淑珍/nrt', '原告：张某某，女。\n张淑珍称其不知情。', '张淑珍', 'same surname as the masked 张某某'],
    ['徐海/ns 燕/nr after a witness’s role', '被告人王某某，男。被害人李某某。证人徐海燕证实当晚情况。', '徐海燕', 'named as 证人 where the parties are masked'],
  ])('a given name the dictionary holds as a name: %s', async (_what, text, name, reason) => {
    const [finding, ...rest] = await linked(text)
    expect(rest).toEqual([])
    expect(finding?.text).toBe(name)
    expect(finding?.message).toContain(reason)
  })

  it('张 counted after a determiner or a numeral starts no name', async () => {
    expect(texts(await linked('原告：张某某，女。\n原告提交了这张玉兰花照片和两张秀英题字的书法作品。'))).toEqual([])
  })

  it('a relative marked by a note after the name is told as a relative, there and where it recurs', async () => {
    const text = '原告：韦某某，女，住南宁市。\n委托诉讼代理人：韦志刚（系原告之子），住南宁市。\n原告韦某某的委托诉讼代理人韦志刚到庭参加诉讼。'
    const found = await linked(text)
    expect(found.map((f) => [f.line, f.column, f.text])).toEqual([[2, 9, '韦志刚'], [3, 14, '韦志刚']])
    expect(found[0]?.message).toBe('韦志刚 is named in clear in a document that masks persons: a relative of a masked person, as the note （系原告之子） after it says')
    expect(found[1]?.message).toContain('the name found on line 2, a relative of a masked person')
    // The son is not made the masked plaintiff by the redaction.
    expect(found.map((f) => (f.data?.redact as { replacement: string }).replacement)).toEqual(['韦某某甲', '韦某某甲'])
  })

  it('a kinship note naming the masked person inside it', async () => {
    const [finding] = await linked('被告人刘某，男，2006年出生。\n委托诉讼代理人刘长海（系被告人刘某之父），男。')
    expect(finding?.text).toBe('刘长海')
    expect(finding?.message).toContain('as the note （系被告人刘某之父） after it says')
  })
})

describe('linked names: the span is the whole name, and no word is one', () => {
  it.each([
    ['a dotted name before what the person did', '被害人阿某某，男。被害人之母古丽巴哈尔·依明当庭陈述了其家庭困难情况。', '古丽巴哈尔·依明'],
    ['a third character the tagger glued to 于', '被告人王某某，男。被告人王伟东于2024年2月10日将虫草转卖。', '王伟东'],
    ['an adverb glued to 于 is no third character', '被告人王某某，男。被告人王伟今于2024年到案。', '王伟'],
    ['a surname the tagger reads as a verb (符/v of 符合)', '当事人符某某，男。当事人符永福在询问中承认其右转时未注意观察。', '符永福'],
    ['an adverb glued to a two-character name (李明后/nr 来)', '被害人李某某，女。证人证实，李明后来离开了现场。', '李明'],
    ['均 after a list of persons is their adverb (王伟均/x 承认)', '被告人王某某，男。被告人张某、王伟均承认上述事实。', '王伟'],
    ['a name ending in 均 where no list stands before', '被告人王某某，男。经查，王伟均承认上述事实。', '王伟均'],
    ['the copula glued to a three-character name (王伟东系/x)', '被告人王某某，男。被告人王伟东系初犯。', '王伟东'],
    ['a dotted name ends with its last part, not the 共 of 共同', '经营者：买某，男。经查，当事人买某与其妻古丽娜尔·托合提共同经营。', '古丽娜尔·托合提'],
    ['a dotted name before the penalty it is given', '一、买某，男，维吾尔族。给予买买提·艾力留校察看处分。', '买买提·艾力'],
  ])('%s', async (_what, text, name) => {
    expect(texts((await leaks(text)).filter((f) => f.ruleId === 'leak/linkage'))).toEqual([`leak/linkage ${name}`])
  })

  it.each([
    ['a word starting as a Tibetan pseudonym does (次某 of 次仁)', '被害人次某，女。同年3月1日经本院批准，次日由公安局执行逮捕，次年审结，次要情节。'],
    ['a preposition and a determiner after a role', '被告：司马某，男。被告于本判决生效之日起三十日内支付原告折价款，原告于该日到庭。'],
  ])('%s', async (_what, text) => {
    expect(texts((await leaks(text)).filter((f) => f.ruleId === 'leak/linkage'))).toEqual([])
  })
})

describe('credit codes in a release that names companies and masks persons', () => {
  it('a company\'s code (type 91) is published with its name; an 个体工商户\'s (type 92) gives its masked owner away', async () => {
    const company = await leaks('当事人：宁夏宝丰能源集团股份有限公司，统一社会信用代码：91640104MA76K2D4LN。投诉人李某某。')
    expect(texts(company)).toEqual([])
    const shop = await leaks('当事人：银川市金凤区李记面馆（个体工商户），统一社会信用代码：92640104MA76K2D4LK，经营者李某某。')
    expect(texts(shop)).toContain('leak/identifier 92640104MA76K2D4LK')
  })

  it('a credit code masked in part under a tax number’s label is no ID number, a person’s tax number (his ID) is one', async () => {
    const company = await leaks('广州某某贸易有限公司：（纳税人识别号：9144010**********X）。法定代表人黄某。')
    expect(texts(company)).toEqual([])
    const [person] = await leaks('申请人周某某，纳税人识别号：6403021990****8516')
    expect(person?.messageId).toBe('leak.identifier.partial')
    expect(person?.data?.identifier).toBe('id')
  })
})

describe('an organisation read from the place before it', () => {
  it('a district the tagger split after its city (深圳/ns 前/f 海星/nz)', async () => {
    const found = (await leaks('原告黄某某与第三人深圳某某科技有限公司股权转让纠纷一案。经查询，深圳前海星瀚科技有限公司的股东登记仍为被告。')).filter((f) => f.ruleId === 'leak/organization')
    expect(texts(found)).toEqual(['leak/organization 深圳前海星瀚科技有限公司'])
  })

  it('starts after a preposition the tagger glued to the name (对蓉兴/x 公司), not at the officers before it', async () => {
    const found = (await leaks('被告人王某某与A公司纠纷，市场监管局执法人员对蓉兴公司经营的餐厅检查，又向恒锐公司送达文书。')).filter((f) => f.ruleId === 'leak/organization')
    expect(texts(found)).toEqual(['leak/organization 蓉兴公司', 'leak/organization 恒锐公司'])
  })

  it('starts at the place after the nouns that say what it is to the sentence (招标/n 项目/n), a branch after its parent (电信/n 股份/n 宁夏/ns 分公司)', async () => {
    const organisations = async (text: string) => texts((await leaks(`被告人王某某与A公司纠纷，${text}`)).filter((f) => f.ruleId === 'leak/organization'))
    expect(await organisations('本招标项目盐城市亭湖区第二实验小学食堂改造工程已批准建设。')).toEqual(['leak/organization 盐城市亭湖区第二实验小学'])
    expect(await organisations('其在电信股份宁夏分公司任职。')).toEqual(['leak/organization 电信股份宁夏分公司'])
  })
})

describe('organisations a release names on purpose', () => {
  const organisations = async (text: string) => texts((await leaks(text)).filter((f) => f.ruleId === 'leak/organization'))
  it('the short name defined for a public insurer, read whole after 被告 (not 被告人 + 保)', async () => {
    const text = '原告司马某某与被告覃某、中国人民财产保险股份有限公司南宁市分公司（以下简称人保南宁分公司）纠纷一案。被告人保南宁分公司辩称，某物流公司无责。'
    expect(await organisations(text)).toEqual([])
  })

  it('the short name of a company it names in clear as no party, as that company, stays a leak', async () => {
    expect(await organisations('厂房现由A公司承租，宁波恒达物流有限公司（以下简称恒达公司）为其承运，恒达公司收取运费。')).toEqual(['leak/organization 宁波恒达物流有限公司', 'leak/organization 恒达公司', 'leak/organization 恒达公司'])
  })

  it('the short name defined for a party named in clear, beside a masked company', async () => {
    const text = '原告：苏州恒锐精密机械有限公司，住所地苏州市。\n被告：苏州某某五金有限公司，住所地苏州市。\n原告苏州恒锐精密机械有限公司（以下简称恒锐公司）与被告苏州某某五金有限公司（以下简称某某公司）买卖合同纠纷一案。\n恒锐公司向本院提出诉讼请求。'
    expect(await organisations(text)).toEqual([])
    expect(await organisations('第三人：浙江天猫网络有限公司。\n原告柴某某与被告杭州某某电子商务有限公司（以下简称某某公司）、第三人浙江天猫网络有限公司（以下简称天猫公司）纠纷一案。天猫公司已提供某某公司的名称。')).toEqual([])
  })

  it('a party’s short name the judgment writes after its full name, which the tagger cut (蓉/j 兴/v)', async () => {
    const parties = '上诉人（原审原告）：成都蓉兴餐饮管理有限公司，住所地成都市。\n被上诉人（原审被告）：成都市武侯区市场监督管理局。\n'
    expect(await organisations(`${parties}上诉人成都蓉兴餐饮管理有限公司（以下简称蓉兴公司）不服。执法人员对蓉兴公司检查，A公司在场。`)).toEqual([])
    expect(await organisations(`${parties}执法人员对蓉兴公司检查，A公司在场。`)).toEqual([])
    // A company no party's name holds stays a leak.
    expect(await organisations(`${parties}执法人员对恒锐公司检查，A公司在场。`)).toEqual(['leak/organization 恒锐公司'])
  })

  it('the buyer, its agent and every bidder of a procurement’s notice, rejected ones and ones the tagger cannot read whole alike', async () => {
    const notice = [
      '中标候选人公示', '招　标　人：中卫市沙坡头区农业农村局', '招标代理机构：宁夏恒信项目管理有限公司', '',
      '排序　　中标候选人名称　　　　　　　　　投标报价（元）', '第一名　宁夏鑫源水利水电工程有限公司　　8,736,542.18',
      '第二名　中卫市黄河建设工程有限公司　　　8,812,930.00', '第三名　宁夏金禾农业开发有限公司　　　　8,905,117.65', '',
      '三、否决投标情况', '　　宁夏盛达建设有限公司：投标文件未按招标文件要求提供社保缴纳证明。',
    ].join('\n')
    expect(await organisations(notice)).toEqual([])
    expect(await organisations('本招标项目招标人为盐城市亭湖区第二实验小学，招标代理机构为江苏德胜工程咨询有限公司。')).toEqual([])
    // A judgment that masks companies names no bidder freely.
    expect(await organisations('被告人王某某操纵投标，与A公司串通，投标人宁夏鑫源水利水电工程有限公司中标。')).toEqual(['leak/organization 宁夏鑫源水利水电工程有限公司'])
  })

  it('the school of a masked minor named by role, as by pseudonym', async () => {
    const doc = (clause: string) => `原告：刘某某，女，2010年出生。被告：刘某，男。\n${clause}`
    const [school] = (await leaks(doc('现原告就读于长沙市第一中学，学费较大。'))).filter((f) => f.ruleId === 'leak/organization')
    expect(school?.text).toBe('长沙市第一中学')
    expect(school?.data?.redact).toEqual({ offset: school!.offset, length: 5 })
    expect(await organisations(doc('现原告刘某某就读于长沙市第一中学。'))).toEqual(['leak/organization 长沙市第一中学'])
    // A role the document names in clear (a company's) studies nowhere: none is masked here.
    expect(await organisations('原告：王建国，男。被告：刘某，男。\n现原告就读于长沙市第一中学。')).toEqual([])
  })

  it('an exam’s venue, not the school where a masked candidate studies', async () => {
    const doc = (clause: string) => `被告人于海洋组织作弊，某培训机构员工参与。${clause}`
    expect(await organisations(doc('考生赵某某在哈尔滨市第十七中学第023考场被查获'))).toEqual([])
    expect(await organisations(doc('考生赵某某就读于哈尔滨市第十七中学，在第023考场被查获'))).toEqual(['leak/organization 哈尔滨市第十七中学'])
  })
})

describe('re-identification', () => {
  it('infers the masked unit from the places that lie in it, as the issue describes', async () => {
    const [finding] = (await leaks('***市统计局赴灵武市郝家桥镇调研。')).filter((f) => f.ruleId === 'leak/reidentification')
    expect(finding?.text).toBe('***市')
    expect(finding?.message).toBe('named places (灵武市, 郝家桥镇) lie in 银川市, 宁夏回族自治区: the masked ***市 is likely 银川市')
    expect(finding?.data?.inferred).toEqual({ code: '6401', name: '银川市', path: ['银川市', '宁夏回族自治区'] })
    expect((finding?.data?.evidence as { text: string }[]).map((e) => e.text)).toEqual(['灵武市', '郝家桥镇'])
  })

  it('takes the level of an institution’s mask from the document’s cues (旗直机关)', async () => {
    const found = await leaks('根据旗直机关党工委安排，xx统计局与居延社区结对共建。')
    expect(found.find((f) => f.ruleId === 'leak/reidentification')?.data?.inferred).toMatchObject({ name: '额济纳旗' })
  })

  it('says nothing when the places point to two units', async () => {
    expect(texts(await leaks('***市统计局到银川市兴庆区和石嘴山市惠农区调研。')).filter((t) => t.startsWith('leak/reidentification'))).toEqual([])
  })
})

describe('mask consistency', () => {
  it('reports a name masked in one place and spelled out in another', async () => {
    const found = await leaks('制定《***市统计局工作方案》，印发《石嘴山市统计局实施方案》。')
    expect(texts(found)).toContain('leak/unmasked 石嘴山市')
    expect(found.find((f) => f.ruleId === 'leak/unmasked')?.data?.redact).toEqual({ offset: 19, length: 3 })
  })

  it('compares a mask\'s context in whole words, and quotes them', async () => {
    // The words after the mask cut 调查队: 党组和省, between 国家统计局 and 调查总队, is no name.
    expect(texts(await leaks('国家统计局**调查队2024年党建工作总结\n2024年，队党组认真落实国家统计局党组和省调查总队党组各项部署。', 'draft')).filter((t) => t.startsWith('leak/unmasked'))).toEqual([])
    const [named] = (await leaks('讲授数说xx展望新未来党课，数说额济纳展望新未来。')).filter((f) => f.ruleId === 'leak/unmasked')
    expect(named?.text).toBe('额济纳')
    expect(named?.message).toBe('额济纳 is masked elsewhere (数说xx展望新未来): the mask hides nothing')
    const [team] = (await leaks('2022年，国家统计局**调查队以创建品牌为抓手。确保国家统计局河北调查队机关保持全国文明单位。')).filter((f) => f.ruleId === 'leak/unmasked')
    expect(team?.message).toBe('河北 is masked elsewhere (国家统计局**调查队): the mask hides nothing')
    // Another body after the same district's mask (人民政府, 人民法院) is no evidence of the name.
    expect(texts(await leaks('向银川市**区人民政府申请行政复议，也可以向银川市兴庆区人民法院提起诉讼。')).filter((t) => t.startsWith('leak/unmasked'))).toEqual([])
  })

  it('reports masks of another length for the same slot as info, with the uniform mask', async () => {
    const [odd] = (await leaks('***市统计局、***市政府和**市委。')).filter((f) => f.ruleId === 'leak/mask-length')
    expect(odd).toMatchObject({ text: '**', severity: 'info', suggestion: '***' })
  })

  it('measures a Markdown mask by what it shows: `\\*\\*\\*` is three long, as `***` is', async () => {
    const markdown = async (text: string) => checkDocument(await documentFromText(text, 'inline.md'), activateRules(builtinRules, 'redacted')).filter((f) => f.ruleId === 'leak/mask-length')
    expect(await markdown('\\*\\*\\*市统计局、***市政府。\n')).toEqual([])
    expect((await markdown('\\*\\*\\*市统计局、\\*\\*\\*市政府和\\*\\*市委。\n')).map((f) => f.text)).toEqual(['\\*\\*'])
  })
})

describe('profiles', () => {
  const named = '到灵武市郝家桥镇调研，张建华同志参加。'
  it('in draft, checks only documents that mask something', async () => {
    expect(await leaks(named, 'draft')).toEqual([])
    const masked = await leaks(`***市统计局${named}`, 'draft')
    expect(masked.map((f) => f.severity)).toContain('warning')
    expect(texts(masked)).toContain('leak/person 张建华')
  })

  it('under redacted, checks every document and reports errors', async () => {
    expect((await leaks(named)).map((f) => `${f.severity} ${f.text}`)).toEqual(['error 灵武市郝家桥镇', 'error 张建华'])
  })
})

describe('names a release publishes on purpose', () => {
  it('a 公示 that hides only ID numbers: a university named after its province, a residence to the county, an agency of a 和-joined name', async () => {
    const row = (school: string, post: string, home: string) => `李想　女　汉族　530102********1289　本科　${school}　${post}　${home}`
    const found = await leaks(['现将拟录用人员名单予以公示，公民身份号码作部分隐藏处理。', row('云南民族大学', '嵩明县人力资源和社会保障局经办岗', '玉溪市红塔区'), row('云南财经大学', '晋宁区住房和城乡建设局执法岗', '昆明市五华区')].join('\n'))
    expect(texts(found.filter((f) => f.ruleId === 'leak/place'))).toEqual([])
  })

  it('still reports what lies below the county there, and a village before a word that is no university', async () => {
    const found = await leaks('公民身份号码作部分隐藏处理。\n李想　530102********1289　云南民族大学　玉溪市红塔区外西河村\n外西河村考上大学的学生')
    expect(texts(found.filter((f) => f.ruleId === 'leak/place'))).toEqual(['leak/place 玉溪市红塔区外西河村', 'leak/place 外西河村'])
  })

  it('a notice hiding its subjects and their employers (某镇党委委员王某某): its issuer’s city is named on purpose', async () => {
    const text = '中共齐齐哈尔市纪律检查委员会齐齐哈尔市监察委员会通报\n某县某镇党委委员王某某违规操办婚礼，王某某受到党内警告处分。\n序号　姓名　原任职务\n1　王某某　某县某镇党委委员\n中共齐齐哈尔市纪委\n齐齐哈尔市监委'
    expect(texts((await leaks(text)).filter((f) => f.ruleId === 'leak/place'))).toEqual([])
    // A notice that hides its own organ still hides its city.
    expect(texts((await leaks('中共**县纪律检查委员会通报：某镇党委委员王某某多次往返石嘴山办理私事')).filter((f) => f.ruleId === 'leak/place'))).toEqual(['leak/place 石嘴山'])
  })
})

describe('a province alone is never a leak', () => {
  it('in a draft that hides its city, unlike the city or county it lies in', async () => {
    const found = await leaks('***市统计局：学习视察宁夏重要讲话精神，帮扶宁夏回族自治区石嘴山市惠农区', 'draft')
    expect(texts(found.filter((f) => f.ruleId === 'leak/place'))).toEqual(['leak/place 宁夏回族自治区石嘴山市惠农区'])
  })

  it('nor in a release, a municipality (重庆) as any other, unless the release hides a province', async () => {
    const places = async (text: string) => texts((await leaks(text)).filter((f) => f.ruleId === 'leak/place'))
    expect(await places('***市统计局：王某某多次往返重庆、北京、宁夏办理私事，到石嘴山调研')).toEqual(['leak/place 石嘴山'])
    expect(await places('**省统计局：王某某多次往返重庆、宁夏办理私事')).toEqual(['leak/place 重庆', 'leak/place 宁夏'])
    // An organ's mask that says no level may hide a province's (`国家统计局**调查队`).
    expect(await places('国家统计局**调查队：王某某多次往返宁夏、重庆办理私事')).toEqual(['leak/place 宁夏', 'leak/place 重庆'])
  })
})

describe('a notice that hides counties and towns, not its own organ', () => {
  // 遂宁 of Sichuan: 市××局 hides which bureau of the city, a post list (党委委员、副乡长) ends at its holder.
  const notice = (body: string) => `中共遂宁市纪委　遂宁市监委\n××县××乡党委委员、副乡长李某某弄虚作假。市××局××科原科长王某某驾驶公车往返重庆、成都等地。${body}\n中共遂宁市纪委\n遂宁市监委`
  it('names its issuer’s city and a province on purpose', async () => {
    expect(texts((await leaks(notice(''))).filter((f) => f.ruleId === 'leak/place'))).toEqual([])
  })

  it('still reports the town of a masked person’s post, at a level it hides', async () => {
    expect(texts((await leaks(notice('刘某某在担任射洪市太和街道党工委书记期间违纪。'))).filter((f) => f.ruleId === 'leak/place'))).toEqual(['leak/place 射洪市太和街道'])
  })

  it('still hides its city where an organ of the city is masked whole (`**局`)', async () => {
    expect(texts((await leaks('中共遂宁市纪委\n××县××镇党委书记刘某某违纪。**局副局长王某某违纪。')).filter((f) => f.ruleId === 'leak/place'))).toEqual(['leak/place 遂宁市'])
  })
})

describe('sensitive terms', () => {
  it('are reported in any document, masked or not, longest first', async () => {
    const rule = sensitiveTermRule(['张三', '张三丰', '宝丰能源'], 'terms.txt')
    const doc = await documentFromText('张三丰与宝丰能源合作；张三参加。', 'inline.txt')
    const found = checkDocument(doc, activateRules([rule], 'draft'))
    expect(found.map((f) => `${f.ruleId} ${f.severity} ${f.text}`)).toEqual(['leak/sensitive-term error 张三丰', 'leak/sensitive-term error 宝丰能源', 'leak/sensitive-term error 张三'])
  })
})

describe("an office's own contact details", () => {
  it.each([
    ['fields after the sentence naming the office', '申请人王某某。如有疑问，请与永宁县民政局社会救助股联系。联系人：马工；联系电话：0951-6912345；电子邮箱：yn_mz@163.com。'],
    ['a list under 监督电话, each office before its number', '申请人王某某。\n监督电话：\n杨和镇民政办（经办人：马晓东）　　0951-8012345\n永宁县纪委　　　　0951-8012110'],
    ['the handling unit, its address and phone', '申请人王某某。办案单位：银川市公安局兴庆区分局禁毒大队，地址：银川市兴庆区解放西街2号，联系电话：0951-6912345'],
    ['a numbered contact item with the office before its contact', '申请人陈某。\n6.联系人：市纪委监委党风政风监督室　陈晓燕；联系电话：0951-8356120。'],
    ['a contact after a comma, in the office’s clause', '获奖学生：宋*、刘*洋。\n1.学院学生工作办公室：文苑楼B区304室，联系人：宋佳琪老师，电话：0431-84539876；'],
    ['a contact line as a list’s item', '王某某，男，汉族。\n\n- 联系电话：0576-84123380\n- 举报网站：www.12380.gov.cn'],
    ['the contact’s section in brackets after the name', '信访人：邓某某\n\n联系人：邓琳（劳动保障监察大队）　　联系电话：0731-84563201\n长沙市开福区人力资源和社会保障局'],
    ['an office’s phone in prose', '王某某，男，汉族。\n如有疑问，可拨打街道城管办电话0731-85161234咨询。'],
    ['a service window’s phone in prose', '申请人王某某。如需咨询，可拨打区政务服务中心综合窗口电话0731-85161234。'],
    ['the office a sentence asks the reader to write to', '被执行人王某某。\n* 对名单有异议的，可向本院执行局书面提出，联系电话：0591-87539612。'],
  ])('%s', async (_what, text) => {
    expect(texts(await leaks(text))).toEqual([])
  })

  it.each([
    ['a masked person employed by a public body', '证人李某某，系永宁县民政局职工，联系电话0951-6912345', ['leak/identifier 0951-6912345']],
    ['a masked body', '原告王某某。被申请人：某县人民医院，地址：银川市金凤区北京路，电话：0951-6912345。', ['leak/identifier 0951-6912345']],
    ['the office of a document that masks its own unit', '***市统计局。联系电话：0951-5012345', ['leak/identifier 0951-5012345']],
    ['a mobile number on an office’s line', '申请人王某某。办案单位：银川市公安局禁毒大队，联系电话：13909512345', ['leak/identifier 13909512345']],
    ['a masked petitioner’s landline among the fields of his header', '信访人：邓某某\n身份证号码：4301**********1526\n联系电话：0731-84563201\n\n你反映的问题已收悉。', ['leak/identifier 0731-84563201']],
    ['a party’s number the office records', '申请人王某某。经查，申请人在县市场监管局登记的联系电话为0731-85161234。', ['leak/identifier 0731-85161234']],
    ['a masked person named as the contact', '申请人王某某。\n联系人：王某某　　联系电话：0731-84563201', ['leak/identifier 0731-84563201']],
  ])('still reports %s', async (_what, text, expected) => {
    expect(texts(await leaks(text))).toEqual(expected)
  })
})

describe('the party of a penalty decision or a credit list, named on purpose', () => {
  it.each([
    ['after the form’s label, with its code, its head and its seat', '当事人名称：苏州华泰精密电镀有限公司\n统一社会信用代码：91320106234567894J\n法定代表人：沈建明\n地址：苏州市吴中区木渎镇金枫南路1288号\n\n投诉人李某反映。'],
    ['as the addressee, its number in brackets', '深圳市鹏程宏达贸易有限公司（纳税人识别号：9144030578901234XK）：\n　　经我局检查，你单位取得深圳市某物流有限公司开具的发票。'],
    ['in the column of a list’s parties, as text', '序号　被执行人姓名/名称　证件号码　执行案号\n1　陈志坚　4401**********2315　（2023）粤0106执12345号\n2　广州市汇通建材有限公司　91440106MA59XXXXXX　（2024）粤0106执1021号'],
    ['in the column of a list’s parties, as Markdown, and again in the text', '| 序号 | 被执行人 | 证件号码 |\n|---|---|---|\n| 1 | 林建华 | 350102********3014 |\n| 2 | 福州恒泰装饰工程有限公司 | 91350102MA31XXXXXX |\n\n福州恒泰装饰工程有限公司法定代表人为黄志明。'],
    ['its seat under the regulator’s label 住所（住址）', '当事人：湖南悦康健康管理有限公司\n统一社会信用代码：91430104567890120C\n住所（住址）：湖南省长沙市岳麓区麓谷街道桐梓坡西路229号麓谷国际工业园A3栋502室\n\n本局接到投诉人李某反映。'],
    ['where it acts, in a decision that masks nothing', '当事人安徽华筑建设工程有限公司（统一社会信用代码：91340104MA2T5B7Q1K，法定代表人：许文龙）在蜀山区南七街道望江西路与潜山路交口东南角施工工地，未采取有效防尘降尘措施。'],
  ])('%s', async (_what, text) => {
    expect(texts(await leaks(text))).toEqual([])
  })

  it.each([
    ['a masked person’s employer, in a column that lists no parties', '序号　姓名　工作单位\n1　王某某　长沙某某有限公司\n2　李某某　湖南恒通建设有限公司', ['leak/organization 湖南恒通建设有限公司']],
    ['a masked person’s residence under the same label', '当事人：王某某\n住所（住址）：长沙市岳麓区麓谷街道桐梓坡西路229号', ['leak/address 麓谷街道桐梓坡西路229号']],
    ['the town of a person, in a decision that masks nothing', '当事人王建国在灵武市郝家桥镇经营。', ['leak/place 灵武市郝家桥镇']],
    ['the code of a masked shop', '当事人名称：张某某副食店\n统一社会信用代码：91320106234567894J', ['leak/identifier 91320106234567894J']],
  ])('still reports %s', async (_what, text, expected) => {
    expect(texts(await leaks(text))).toEqual(expected)
  })
})

describe('a person hidden by surname and a form of address', () => {
  it('is undone by the full name with the same form, which redact writes back as the pseudonym', async () => {
    const [finding, ...rest] = (await leaks('消费者王女士在某健身工作室办理年卡。经调解，37名消费者共获退款，其中王丽娟女士获退8200元。')).filter((f) => f.ruleId === 'leak/linkage')
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ text: '王丽娟', data: { link: '王女士', redact: { length: 3, replacement: '王' } } })
  })

  it('is no pseudonym in a story that names the person first, nor one of another form of address', async () => {
    expect(texts(await leaks('王丽娟女士是这家店的店主。王女士说，生意不错。'))).toEqual([])
    expect(texts(await leaks('网友陈女士留言反映噪音扰民，其邻居陈志强先生也到场。'))).toEqual([])
  })
})

describe('a surname that is also a word of grammar', () => {
  it('masks a person after a post as after a role, so a relative is found beside it', async () => {
    const found = await leaks('中共遵义市播州区纪委\n某镇原党委书记于某某严重违纪违法，其妻曾秀英收受财物。')
    expect(texts(found.filter((f) => f.ruleId === 'leak/linkage'))).toEqual(['leak/linkage 曾秀英'])
  })

  it('reads a three-character name whole after a cue where the tagger left its third character apart (向东/nr 明/a)', async () => {
    const found = await leaks('当事人向某侵占资金。其子向东明协助转移。')
    expect(texts(found.filter((f) => f.ruleId === 'leak/linkage'))).toEqual(['leak/linkage 向东明'])
  })

  it('reads 曾任 glued after a kinship word as the relative\'s predicate, and a name there whole, without the verb of its post', async () => {
    const found = await leaks('王某某，男，某镇原党委书记。其女曾任会计。其子王浩任村会计，其妻曾丽娟任出纳，其父曾毅曾任镇长。')
    expect(texts(found.filter((f) => f.ruleId === 'leak/linkage'))).toEqual(['leak/linkage 王浩', 'leak/linkage 曾丽娟', 'leak/linkage 曾毅'])
  })

  it('is linked where a role proves a name, and wherever the name recurs', async () => {
    const text = '申请人：于某某，女。\n因原产权人于建业下落不明，无法共同申请登记。该房屋原登记于于建业名下。申请人于2024年4月2日申请复议。'
    const found = (await leaks(text)).filter((f) => f.ruleId === 'leak/linkage')
    expect(found.map((f) => [f.text, f.line, f.column])).toEqual([['于建业', 2, 6], ['于建业', 2, 30]])
  })
})

describe('a name in Latin capitals, as a passport writes it', () => {
  it('is the masked foreign party, the labelled person, or the party of a masked role, whole across its slash', async () => {
    const data = async (text: string) => (await leaks(text)).filter((f) => f.ruleId === 'leak/linkage').map((f) => [f.text, f.data?.reason, (f.data?.redact as { replacement?: string } | undefined)?.replacement])
    expect(await data('原告：约某，男，美利坚合众国国籍。\n持照人为CARTER/JOHN MICHAEL，签名为JOHN M. CARTER。')).toEqual([['CARTER/JOHN MICHAEL', 'latin', '约某'], ['JOHN M. CARTER', 'latin', '约某']])
    expect(await data('申请人：张某某，女。\n姓名/Name：ZHANG SAN，性别/Sex：F。')).toEqual([['ZHANG SAN', 'latin', '张某某']])
    expect(await data('被告：梁某某，男。\n被告：JOHN SMITH（约翰·史密斯），男，美国国籍。')).toEqual([['JOHN SMITH', 'party', 'J某某']])
  })
})

describe('a witness the document calls by no party\'s role', () => {
  it('is a private person where the parties are masked: questioned, or attesting in the sentence', async () => {
    const found = (await leaks('当事人：黄某某\n性别：男\n经询问乘客陈志明，其证实通过网约车平台下单。\n执法人员：吴振宇（执法证号：44030019156）')).filter((f) => f.ruleId === 'leak/linkage')
    expect(found.map((f) => [f.text, f.data?.reason, (f.data?.redact as { replacement?: string } | undefined)?.replacement])).toEqual([['陈志明', 'bystander', '陈某某']])
  })

  it('stays silent where no party is masked, and for a deed rather than a testimony', async () => {
    expect(texts(await leaks('原告张伟与被告李强买卖合同纠纷一案。邻居刘洋证实双方曾口头约定价格。'))).toEqual([])
    expect(texts((await leaks('犯罪嫌疑人王某某当场被抓获，乘客张伟见义勇为，协助民警将其制服。')).filter((f) => f.ruleId === 'leak/linkage'))).toEqual([])
  })
})

describe('an office’s contact line', () => {
  it('publishes its landline whether the contact’s name is letter-spaced or not (杨　勇)', async () => {
    for (const name of ['杨勇', '杨　勇']) {
      expect(texts(await leaks(`原告王某某，女。\n请于5月13日前报送。\n\n联系人：${name}　　联系电话：0851-86897514\n\n贵州省发展和改革委员会办公室\n2024年5月8日`))).toEqual([])
    }
    // A mobile number stays a person's, spaced name or not.
    expect(texts(await leaks('原告王某某，女。\n联系人：杨　勇　　联系电话：13985012345'))).toEqual(['leak/identifier 13985012345'])
  })
})

describe('spans that redact leaves nothing of, bodies that are no leak', () => {
  const one = (found: readonly Finding[], ruleId: string) => found.filter((f) => f.ruleId === ruleId)
  it.each([
    ['a unit’s family compound', '申请人：王某某，住福州市鼓楼区东大路88号粮食局家属院5号楼302室。', '东大路88号粮食局家属院5号楼302室'],
    ['a dormitory named after its unit', '信访人王某某，住温泉街道东大路88号省军区宿舍12座302室。', '温泉街道东大路88号省军区宿舍12座302室'],
    ['a park and a lettered building', '投诉人李某某，现住长沙市岳麓区桐梓坡西路229号麓谷国际工业园A3栋502室', '桐梓坡西路229号麓谷国际工业园A3栋502室'],
    ['a block of flats', '申请人：王某某，住福州市鼓楼区东大路88号粮食局公寓5号楼302室。', '东大路88号粮食局公寓5号楼302室'],
    ['an estate, with no cue and longer than the shape scan looks back from its end', '王某某。\n情况：三墩镇振华路188号绿城西溪诚园5幢1单元302室。', '三墩镇振华路188号绿城西溪诚园5幢1单元302室'],
  ])('an address runs on from the door’s number through %s', async (_what, text, address) => {
    const [finding, ...rest] = one(await leaks(text), 'leak/address')
    expect(rest).toEqual([])
    expect(finding?.messageId).toBe('leak.address')
    expect(finding?.text).toBe(address)
    expect(finding?.offset).toBe(text.indexOf(address))
    expect(finding?.data?.redact).toEqual({ offset: text.indexOf(address), length: address.length })
  })

  it('does not read an organ named after the number into the address, nor report its address', async () => {
    expect(texts(await leaks('叶某某，男，拟任黄岩区经济和信息化局局长。\n来信地址：台州市黄岩区劳动北路118号区委组织部（邮编318020）'))).toEqual([])
    // After a full stop the organ is the next sentence's subject: the residence is reported.
    expect(texts(await leaks('被告王某某，住台州市黄岩区劳动北路118号。区委组织部认为。'))).toEqual(['leak/address 劳动北路118号'])
  })

  it('starts an organisation’s span at its name, after the role before it', async () => {
    const text = '湖南某劳务有限公司拖欠工资。\n我局约谈了项目总承包单位中建五局第三建设有限公司项目负责人。'
    const [finding] = one(await leaks(text), 'leak/organization')
    expect(finding?.text).toBe('中建五局第三建设有限公司')
    expect(finding?.offset).toBe(text.indexOf('中建五局'))
  })

  it.each([
    ['a street’s office as employer', '拟录用人员：陈宇航，身份证号5201**********1238，招录机关：兴关路街道办事处。'],
    ['a street’s office that answers', '留言人：***\n【办理单位】长沙市雨花区砂子塘街道办事处'],
    ['a street’s health centre', '拟聘用人员：张**，报考单位：官渡区关上街道社区卫生服务中心'],
  ])('names %s on purpose', async (_what, text) => {
    expect(texts(await leaks(text))).toEqual([])
  })
})
