// The redaction policy of anonymized publications: pseudonyms as masks, the policy each document
// states by what it masks, roles named on purpose, residences below the county, linked names.
// The fixtures fixtures/redacted/anon-*.txt carry planted leaks; the truth table below is what
// a careful reader marks in them, and the leak rules are measured against it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/core/engine.js'
import type { Finding } from '../src/core/finding.js'
import { documentFromBytes, documentFromText } from '../src/io/read-document.js'
import { activateRules } from '../src/rules/loader.js'
import { isSegmentUnit, segmentChars } from '../src/rules/shared/addresses.js'
import { sameSurnameStarts } from '../src/rules/shared/linked-names/index.js'
import { documentPolicy } from '../src/rules/shared/policy.js'
import { findLetterCodes, findPseudonyms, organizationSuffixes, placeSuffixLevels } from '../src/rules/shared/pseudonyms.js'
import type { Profile } from '../src/rules/types.js'
import { builtinRules, repoRoot } from './helpers.js'
import { makeDocx, paragraph } from './support/docx.js'

async function leaks(text: string, profile: Profile = 'redacted'): Promise<Finding[]> {
  const doc = await documentFromText(text, 'inline.txt')
  return checkDocument(doc, activateRules(builtinRules, profile)).filter((f) => f.category === 'leak')
}
const texts = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${f.text}`)

describe('pseudonyms', () => {
  it('reads surnames, letter codes, bare 某 forms, parties and aliases', async () => {
    const text = '被告人王某某、欧阳某与李某（未成年）在A公司、B村、Y市、某某公司和某县相遇，甲方与乙方签约，被害人小红（化名）在场，证人阿某作证。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual([
      '王某某:person', '欧阳某:person', '李某:person', 'A公司:organization', 'B村:place', 'Y市:place', '某某公司:organization', '某县:place',
      '甲方:party', '乙方:party', '小红:person', '阿某:person',
    ])
  })

  it('finds the letter codes a regex of the letter then the suffixes, longest first, finds', () => {
    const alternation = [...Object.keys(placeSuffixLevels), ...organizationSuffixes].sort((a, b) => b.length - a.length).join('|')
    const letterCodeRe = new RegExp(`([A-Z\\uFF21-\\uFF3A甲乙丙丁戊己庚辛])(${alternation})`, 'g')
    const texts = [
      '在A公司、AB有限公司、B村、Y市、ＡＢ市、Ｚ自治区、甲乙方、丙所有、乙有限公司有限、CKTV、DKT、E项目部、F项目、G小区、H小、I',
      'AAA公司公司B', 'A', '甲村', '', '某A市B县C乡D镇E街道F自治州G州',
    ]
    for (const text of texts) {
      const codes = findLetterCodes(text).map((c) => [c.start, c.end, c.suffix])
      expect(codes, text).toEqual([...text.matchAll(letterCodeRe)].map((m) => [m.index, m.index + m[0].length, m[2]]))
    }
  })

  it('takes no generic 某 word, preposition or place suffix for a surname', async () => {
    const text = '某些单位、某种程度、某一方面、某项工作在某地推进，向某公司借款，由某单位负责，李某所受损伤，西夏区某烧烤店，李某丙所有。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => text.slice(p.start, p.end))).toEqual(['某公司', '某单位', '李某', '某烧烤店', '李某丙'])
  })

  it('reads a surname that is also a word of grammar as one after a post or a relation (书记于某某, 其妻向某), and as the word elsewhere', async () => {
    const text = '镇党委原书记于某某违纪，其妻向某收受财物。局长于某地调研，主任向某些企业了解情况，于某日到场，和某公司签约。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual(['于某某:person', '向某:person', '某公司:organization'])
  })

  it('takes the suffix of a masked place (××区某局, **区某某公司) for no surname, as after a role it is one (当事人区某)', async () => {
    const text = '××区某局原局长李某某，**区某街道干部，XX区某某公司经理，〇〇区某所所长。当事人区某，男。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual(['李某某:person', '某街道:place', '某某公司:organization', '区某:person'])
  })

  it('reads minority names masked after their first characters, a child’s 小某, and no organ in 某所有', async () => {
    const text = '信访人扎西某某，男，藏族。扎西某某反映工资被拖欠。\n多吉某某：\n被告人岩某，扣押岩某所有的摩托车。婚生子陈小某，至陈小某年满十八周岁止。在某所学校。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual([
      '扎西某某:person', '扎西某某:person', '多吉某某:person', '岩某:person', '岩某:person', '陈小某:person', '陈小某:person', '某所:organization',
    ])
  })

  it('reads the ordinal after 某 as part of the pseudonym (司马某甲 beside 司马某), not 甲方', async () => {
    const text = '被告：司马某，男。婚生子司马某甲、婚生女司马某乙，张某丙所有的车辆。李某甲方代表。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual([
      '司马某:person', '司马某甲:person', '司马某乙:person', '张某丙:person', '李某:person', '甲方:party',
    ])
  })

  it('reads a pseudonym that keeps the given name’s last character (张某英) where it is written in full, and that person elsewhere', async () => {
    const text = '原告：张某英，女。原告：李某华，男。被告：王某某，男。\n原告张某英、李某华与被告王某某纠纷一案。张某英向本院起诉，李某华为此支付了费用。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => text.slice(p.start, p.end))).toEqual(['张某英', '李某华', '王某某', '张某英', '李某华', '王某某', '张某英', '李某华'])
  })

  it('ends a pseudonym at 某 where no mask keeping a character is written in full (李某明确, 李某称，, 张某某, 张某甲, 张某1)', async () => {
    const text = '被告：李某，男。被告李某明确表示不同意。李某称，其未收到。原告张某某、张某甲、张某1与李某等，张某案，王某家，李某县。\n李某华为公司员工。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => text.slice(p.start, p.end))).toEqual(['李某', '李某', '李某', '张某某', '张某甲', '张某', '李某', '张某', '王某', '李某', '李某'])
  })

  it('reads a company masked before its trade words, after a place name or not', async () => {
    const text = '原告张某某诉被告宁夏某某建设工程有限公司、银川某商贸有限责任公司、某某科技有限公司，某某同志在公司工作，李某开设的饭店。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual([
      '张某某:person', '某某建设工程有限公司:organization', '某商贸有限责任公司:organization', '某某科技有限公司:organization', '李某:person',
    ])
    expect(documentPolicy(await documentFromText('被告宁夏××科技有限公司。', 'inline.txt'))).toMatchObject({ masksOrganizations: true, masksPersons: false })
  })

  it('reads a person, not a company, where a verb of going or giving comes before the place', async () => {
    const text = '被告人王某某到公司上班，张某去店里购物，赵某某回厂取货，钱某给公司打电话。某某进出口有限公司、某某回收有限公司。'
    const doc = await documentFromText(text, 'inline.txt')
    expect(findPseudonyms(doc).map((p) => `${text.slice(p.start, p.end)}:${p.kind}`)).toEqual([
      '王某某:person', '张某:person', '赵某某:person', '钱某:person', '某某进出口有限公司:organization', '某某回收有限公司:organization',
    ])
    expect(documentPolicy(await documentFromText('王某某到公司上班，李某某回厂取货。', 'inline.txt'))).toMatchObject({ masksOrganizations: false, masksPersons: true })
  })

  it('reads a venue’s lettered zone as a label, a district’s letter code elsewhere', async () => {
    const codes = async (text: string) => {
      const doc = await documentFromText(text, 'inline.txt')
      return findPseudonyms(doc).map((p) => text.slice(p.start, p.end))
    }
    // A seating plan’s zones, a seat or a room after the zone, a building before it, a word of seating beside it.
    expect(await codes('会议座次安排\nA区：省统计局领导\nB区\t各市统计局')).toEqual([])
    expect(await codes('请于A区3排就座，办公室在文苑楼B区304室，展馆C区展出，观众在D区入座。')).toEqual([])
    // A district’s code: nested in a city’s, in prose, or a label in a document with no seating plan.
    expect(await codes('被告人王某住A市B区，在C区某小区作案。')).toEqual(['王某', 'B区', 'C区', '某小区'])
    expect(await codes('A区：12家\nB区：8家')).toEqual(['A区', 'B区'])
    // In a draft the zones turn no leak rule on: its venue and the cities it names are meant.
    expect(await leaks('各市（含定州、辛集市）统计局：\n附件：座次安排\nA区：省统计局领导\nB区：各市统计局', 'draft')).toEqual([])
  })

  it('turn the leak rules on in a draft; a template’s 某某同志 alone does not', async () => {
    expect(await leaks('某某同志：现将有关事项通知如下，请到灵武市郝家桥镇报到。', 'draft')).toEqual([])
    expect(texts(await leaks('被告人王某在灵武市郝家桥镇作案，审判员刘立新，其父王建国报警。', 'draft'))).toEqual(['leak/linkage 王建国'])
  })
})

describe('the document’s policy', () => {
  it.each([
    ['persons only', '被告人王某某，原告李某', { masksPersons: true, masksOrganizations: false, masksLocalPlaces: false, masksOwnUnit: false }],
    ['companies', '当事人A公司，***公司', { masksPersons: false, masksOrganizations: true, masksLocalPlaces: false, masksOwnUnit: false }],
    ['villages', '***村和B村', { masksPersons: false, masksOrganizations: false, masksLocalPlaces: true, masksOwnUnit: false }],
    ['its own unit', '***市统计局、xx调查队', { masksPersons: false, masksOrganizations: false, masksLocalPlaces: false, masksOwnUnit: true }],
    ['a person by mask', '负责人：×××，男，汉族；张**同志', { masksPersons: true, masksOrganizations: false, masksLocalPlaces: false, masksOwnUnit: false }],
    ['a masked person’s school, where the child studies', '被告：司马某。婚生子现在南京市鼓楼区某小学就读，在某医院住院治疗', { masksPersons: true, masksOrganizations: false, masksLocalPlaces: false, masksOwnUnit: false }],
    ['a school as a party', '原告王某某诉被告某小学。原告在某小学就读', { masksPersons: true, masksOrganizations: true, masksLocalPlaces: false, masksOwnUnit: false }],
    ['a school masked and nothing else', '婚生子现在南京市鼓楼区某小学就读', { masksPersons: false, masksOrganizations: true, masksLocalPlaces: false, masksOwnUnit: false }],
  ])('%s', async (_what, text, expected) => {
    expect(documentPolicy(await documentFromText(text, 'inline.txt'))).toEqual({ isStated: true, ...expected })
  })

  it('names companies freely in a document that masks persons only', async () => {
    expect(texts(await leaks('原告王某某在宁夏宝丰能源集团股份有限公司工作，被告陈某某在银川市第一人民医院就医。'))).toEqual([])
    expect(texts(await leaks('当事人A公司与宁夏鑫源枸杞商贸有限公司签约。'))).toEqual(['leak/organization 宁夏鑫源枸杞商贸有限公司'])
  })

  it('reports places below the county where the document masks villages, not elsewhere', async () => {
    expect(texts(await leaks('被告人王某在永宁县杨和镇某KTV内与李某发生口角。'))).toEqual([])
    expect(texts(await leaks('被告人王某某住B村，事发于灵武市郝家桥镇大羊其村。'))).toEqual(['leak/place 灵武市郝家桥镇大羊其村'])
  })
})

describe('names public on purpose', () => {
  it('never reports courts, procuratorates, judges, clerks, lawyers, firms or agencies', async () => {
    const text = [
      '宁夏回族自治区银川市中级人民法院',
      '公诉机关宁夏回族自治区银川市人民检察院。被告人王某某。',
      '辩护人刘文华，宁夏正和律师事务所律师。委托诉讼代理人王立，宁夏方和律师事务所律师。',
      '经永宁县公安局鉴定，由永宁县市场监督管理局调查。',
      '审　判　长　王志刚',
      '人民陪审员　马国林',
      '书　记　员　王芳',
    ].join('\n')
    expect(texts(await leaks(text))).toEqual([])
  })

  it('reads 北京时间, 天津同志 and 他文山 as no place, 由局长 and 于书记 as no person', async () => {
    expect(texts(await leaks('***市统计局：北京时间晚上八点，天津同志发言，他文山话多；由局长牵头，于书记到场。'))).toEqual([])
  })
})

describe('residence', () => {
  it('reads the characters of address segments as a regex of their class does', () => {
    const segmentCharRe = new RegExp(`^[${segmentChars}]$`)
    for (let c = 0; c < 0x10000; c++) if (isSegmentUnit(c) !== segmentCharRe.test(String.fromCharCode(c))) expect(c.toString(16)).toBe('a unit both read alike')
  })

  it('allows the county, reports what is below it, cued or by its shape', async () => {
    expect(texts(await leaks('被告人王某某，住宁夏回族自治区永宁县。'))).toEqual([])
    expect(texts(await leaks('被告人王某某，住宁夏回族自治区永宁县杨和镇纳家户村三组。'))).toEqual(['leak/address 杨和镇纳家户村三组'])
    expect(texts(await leaks('被申请人马某某，住固原市原州区彭堡镇姚磨村。'))).toEqual(['leak/address 彭堡镇姚磨村'])
    expect(texts(await leaks('原告王某的房屋位于富兴南街金宇小区12号楼1单元301室。'))).toEqual(['leak/address 富兴南街金宇小区12号楼1单元301室'])
  })

  it('leaves masked addresses and a named company’s domicile alone', async () => {
    expect(texts(await leaks('原告李某，住某县某镇某村三组；被告王某某，住永宁县***村五组。'))).toEqual([])
    expect(texts(await leaks('被告：宁夏恒通建设有限公司，住所地永宁县杨和镇工业园区8号。原告王某。'))).toEqual([])
  })

  const addresses = async (text: string) => texts(await leaks(text)).filter((t) => t.startsWith('leak/address'))

  it('leaves a site’s address and a named body’s in its contact block, not a person’s', async () => {
    const masked = '评标委员会成员王某某回避。\n'
    // Where a project is built or a meeting held, and a body's contact block, its labels letter-spaced.
    expect(await addresses(`${masked}建设地点：盐城市亭湖区解放北路118号校区内。`)).toEqual([])
    expect(await addresses(`${masked}会议地点：河北会堂（石家庄市维明南大街46号）三楼。`)).toEqual([])
    expect(await addresses(`${masked}招　标　人：盐城市亭湖区第二实验小学\n地　　址：盐城市亭湖区解放北路118号\n联　系　人：顾建华`)).toEqual([])
    expect(await addresses(`${masked}招标代理机构：江苏德胜工程咨询有限公司\n联　系　人：王丽萍\n地　　址：盐城市开放大道49号金融城4号楼1208室`)).toEqual([])
    // A person's block, a masked body's, an employer's line over a person's address, the scene of a crime.
    expect(await addresses(`${masked}申请人：王某某\n地　　址：永宁县杨和镇纳家户村三组`)).toEqual(['leak/address 杨和镇纳家户村三组'])
    expect(await addresses(`${masked}招标人：某县第二小学\n地址：永宁县杨和镇团结路18号`)).toEqual(['leak/address 杨和镇团结路18号'])
    expect(await addresses(`${masked}工作单位：永宁县第二小学\n地址：永宁县杨和镇团结路18号`)).toEqual(['leak/address 杨和镇团结路18号'])
    expect(await addresses(`${masked}案发地点：永宁县杨和镇团结路18号`)).toEqual(['leak/address 杨和镇团结路18号'])
    // A masked company's address under a body's label names it, as its seat does.
    expect(await addresses(`${masked}被执行人：某某建材有限公司，公司地址：永宁县杨和镇团结路18号。`)).toEqual(['leak/address 杨和镇团结路18号'])
  })

  it('reads the address whole: an estate named after the one before, a door by its side, a flat in 房', async () => {
    expect(await addresses('被告司马某某所有的位于哈尔滨市南岗区学府路268号学府家园小区5栋2单元1102室的房屋')).toEqual(['leak/address 学府路268号学府家园小区5栋2单元1102室'])
    expect(await addresses('王某家住海口市龙华区金贸街道玉沙路18号金海岸花园3栋1单元602房，联系电话见卷')).toEqual(['leak/address 金贸街道玉沙路18号金海岸花园3栋1单元602房'])
    expect(await addresses('王某的房屋在金海岸花园3栋1单元602房。')).toEqual(['leak/address 金海岸花园3栋1单元602房'])
    expect(await addresses('经营者黄某某，住佛山市南海区桂城街道南海大道北38号。')).toEqual(['leak/address 桂城街道南海大道北38号'])
    expect(await addresses('罪犯王某某入监前家住南充市顺庆区舞凤街道白塔路88号附3号。')).toEqual(['leak/address 舞凤街道白塔路88号附3号'])
    expect(await addresses('原告王某，住文化路甲12号；被告李某，住文化路12-3号；第三人马某，住文化路38号之二。')).toEqual(['leak/address 文化路甲12号', 'leak/address 文化路12-3号', 'leak/address 文化路38号之二'])
    // A community after its street, a lane whose name holds a suffix (红旗巷, not 红旗 a banner).
    expect(await addresses('原告古某某，住天山区幸福路街道团结路社区红旗巷21号。')).toEqual(['leak/address 幸福路街道团结路社区红旗巷21号'])
    // A numbered part of an estate stays one (西园三区312号楼).
    expect(await addresses('原告刘某的房屋位于北京市朝阳区望京西园三区312号楼1单元1502室')).toEqual(['leak/address 望京西园三区312号楼1单元1502室'])
  })

  it('reads a home before 的住处, no office', async () => {
    expect(await addresses('被告人扎某窜至被害人次某位于拉萨市城关区娘热路街道娘热南路35号的住处，撬开房门')).toEqual(['leak/address 娘热路街道娘热南路35号'])
    expect(await addresses('被告人扎某窜至被害人次某位于北京中路35号的住处')).toEqual(['leak/address 北京中路35号'])
  })

  it('reads a county or a city whose name holds a town’s suffix whole (西乡塘区, 新乡市, 东乡族自治县)', async () => {
    expect(await addresses('原告司马某某，住广西壮族自治区南宁市西乡塘区。被告马某某，住河南省新乡市红旗区；第三人马某，住甘肃省临夏回族自治州东乡族自治县。')).toEqual([])
    expect(await addresses('原告司马某某，户籍地为南宁市西乡塘区心圩街道高新社区。')).toEqual(['leak/address 心圩街道高新社区'])
    // A town of that name is one.
    expect(await addresses('被告王某，住某县东乡镇新华村三组。')).toEqual(['leak/address 东乡镇新华村三组'])
  })

  it('starts an address by its shape where a word may: after 系, not inside 被告', async () => {
    expect(await addresses('原告诉称，被告杨某某系翠湖春晓小区3栋2单元1502室的业主。')).toEqual(['leak/address 翠湖春晓小区3栋2单元1502室'])
    // An estate the document masks, then 系该 (a clause): no name, no address.
    expect(await addresses('原告某物业公司诉称，被告系该小区3栋2单元1502室的业主，杨某某拒交物业费。')).toEqual([])
  })

  it('reads the address a bracket holds after 住址证明', async () => {
    expect(await addresses('原告古某某提交了其家庭住址证明（乌鲁木齐市天山区幸福路街道团结路社区红旗巷21号）及收条')).toEqual(['leak/address 幸福路街道团结路社区红旗巷21号'])
    expect(await addresses('原告古某某的住址（天山区团结路21号）已核实')).toEqual(['leak/address 团结路21号'])
    // A bracket that qualifies the cue holds no address.
    expect(await addresses('被告人王某某，住所（户籍地）：永宁县。')).toEqual([])
  })

  it('reads a row of cells: an office two cells back is no contact of the address', async () => {
    const row = '序号　姓名　毕业院校　准考证号　拟录用职位　居住地\n8　普某某　云南财经大学　1153010301720　嵩明县人社局经办岗　昆明市五华区华山街道翠湖南路12号'
    expect(await addresses(row)).toEqual(['leak/address 华山街道翠湖南路12号'])
    // An office's address in the cell after its name is its own.
    expect(await addresses('被告王某某。\n单位　地址　电话\n永宁县民政局　永宁县杨和镇宁和南街1号　0951-6012345')).toEqual([])
  })

  it('knows a company’s seat across its header’s clauses, and its officer’s home', async () => {
    expect(await addresses('被告：佛山市澜石科技电器有限公司，统一社会信用代码91440606MA4UQ8R7P6，住所地广东省佛山市禅城区澜石二路12号之一。原告王某某。')).toEqual([])
    expect(await addresses('被告：佛山市澜石科技电器有限公司，法定代表人冯某，住所地广东省佛山市禅城区澜石二路12号之一。')).toEqual([])
    expect(await addresses('被告：佛山市澜石科技电器有限公司，法定代表人冯某，住广东省佛山市禅城区澜石二路12号之一。')).toEqual(['leak/address 澜石二路12号之一'])
  })
})

/** Planted leaks of each fixture, `line:text`; a finding on that line overlapping the text finds it. */
const truth: Readonly<Record<string, readonly string[]>> = {
  'anon-01-criminal-assault': ['11:李振华', '13:杨和镇纳家户村四组', '15:李晓雨'],
  'anon-02-juvenile-theft': ['7:张建国', '14:丽景小区9号楼', '14:刘浩然', '16:张建国', '16:丽景小区9号楼2单元602室'],
  'anon-03-divorce': ['7:习岗镇桃林村五组', '15:富兴南街金宇小区12号楼1单元301室', '15:陈建平', '15:刘桂兰', '15:贺兰县第一小学'],
  'anon-04-inheritance': ['8:满城北街紫馨苑社区8号楼3单元402室', '16:李国富', '16:李红梅', '16:李红梅'],
  'anon-05-penalty-company': ['7:赵德明', '8:望洪镇东方红村二组', '12:赵德明', '14:宁夏鑫源枸杞商贸有限公司'],
  'anon-06-police-penalty': ['5:怀远路58号院3号楼2单元101室', '6:周建军', '6:周志强'],
  'anon-07-discipline-notice': ['7:王建军', '9:刘晨', '11:张掖市甘州区梁家墩镇', '13:刘志强'],
  'anon-08-gongshi-subsidy': ['13:王太村', '14:马秀英', '16:马桂花', '18:马晓东'],
  'anon-09-work-report': ['6:然而特新材料有限公司', '9:刘建华', '9:王太村', '12:惠农区先锋社区'],
  'anon-10-traffic-injury': ['6:周建华', '8:姚伏镇', '12:周建华', '14:王丽萍', '14:周子轩'],
  'anon-11-fraud-victims': ['13:赵丽娟', '13:上桥镇牛家坊村二组'],
  'anon-12-protection-order': ['6:彭堡镇姚磨村', '10:马志勇', '10:彭堡镇撒门村下庄自然村', '10:杨建军'],
  'anon-13-juvenile-victim': ['11:王秀琴', '11:宣和镇东园村六组'],
  'anon-14-party-discipline': ['8:张丽华', '9:望远镇'],
  'anon-15-private-loan': ['11:赵德林', '15:宝丰镇宝丰村一组', '15:钱立明'],
  'anon-16-admin-review': ['6:孙建国', '15:习岗镇德胜村'],
  // Written after the rules were built and measured before any change for them: 14 planted,
  // 10 found, no wrong finding (recall 0.71, precision 1.00). The misses were list items with a
  // tail (李建设家庭), a relative by marriage (女婿王军) and a generic village name (红光村), which
  // the rules still miss: a village named like any other (红光村) is reported only next to another place.
  'anon-17-child-support': ['8:太阳山镇', '16:马丽娟', '16:新庄集乡杨柳村三组', '16:海建军', '16:马福林'],
  'anon-18-drunk-driving': ['11:田秀英', '11:周建明'],
  'anon-19-honor-list': ['7:李建设', '11:红光村', '14:周秀兰', '16:马振国', '18:杨丽'],
  'anon-20-warning-talk': ['3:王军', '5:张文斌'],
  // A labour case: persons and companies masked; verbs of going and giving after a person's
  // mask (到公司上班, 去店里, 给公司打电话, 回厂) must not make it a company's, and 进出口 and
  // 回收 still begin companies' trade names. The witness, never masked as a role, is named on purpose.
  'anon-21-labour-dispute': ['13:刘秀兰'],
  // Written with this round's fixes (transliterated names, table columns, recurrences, cued
  // identifiers, trade words tagged vn). 阿依古丽, the plaintiff 阿某's own name after 其妻子,
  // undotted and four characters long, was missed at first: a four-character name the
  // dictionary knows is now read after a role's cue, and a masked role (被告在其妻子…) places
  // the cue beside a masked person.
  'anon-23-xinjiang-divorce': ['8:艾力·买买提', '9:阿依古丽', '9:阿不都热合曼·吐尔逊', '9:艾力·买买提'],
  'anon-24-gongshi-table': ['6:王秀兰'],
  'anon-25-penalty-recurrence': ['4:91620702MA72XKL3AD', '5:周建国', '6:南关街道县府南街88号', '7:宁夏恒通建设有限公司', '8:周建国'],
  // Written by a second reader, who did not see the rules, to probe the redacted profile
  // outside Ningxia: a discipline notice from a named 纪委 (compound surname 欧阳建平; the
  // village's 衡南县茶市镇 after 位于, read once 茶市 was no longer taken for a city), a penalty decision against a named
  // company, a 公示 table masked 王** / 李*, a 信访 reply addressed to a masked person (其子王浩).
  'anon-26-discipline-named-issuer': ['8:李美华', '8:衡阳恒泰建筑劳务有限公司', '10:欧阳建平', '12:衡南县茶市镇', '14:18907340569', '16:赵宇航'],
  'anon-27-penalty-named-company': ['10:330106199511030422', '14:孙丽萍', '14:转塘街道双流村', '14:13757123456', '16:6222021234567890128'],
  'anon-28-gongshi-symbol-masks': ['6:5101071998****1867', '9:张伟', '12:51010720000105442X', '15:阿木尔', '26:13880761234'],
  // A second round by the same reader: an administrative review whose respondent, an agency,
  // is named with its seat (the flat number 6#2-301 belongs to the address), and a relief
  // 公示 masked 马×兰 whose groups are written 三队 and whose masked minor's school is named.
  // The closing line `（联系人：县司法局行政复议与应诉股　张贴明；联系电话：0951-8012345）` is the reviewing
  // office's own contact, published on purpose as the rule publishes `（联系人：卓玛；联系电话：…）`
  // (its contact was never planted): no longer counted as a leak.
  'anon-30-admin-review-agency-seat': ['11:宁A-6M253', '12:赵文斌', '12:杨和镇学院路东侧观湖小区6#2-301', '12:139-9510-0021', '12:６４０１２１１９９００７０５１８３７', '13:海燕'],
  'anon-31-relief-gongshi-teams': ['7:王建平', '8:64022119720909441x', '11:姚伏村三队', '12:徐家庄村五组', '12:13895100034', '13:幸福小区8栋1单元302室', '14:小店子村一队', '15:平罗县姚伏中学', '15:海建军'],
  'anon-29-xinfang-reply': ['10:李桂英', '10:王浩', '16:丰庆路街道同乐社区国基路98号院5号楼2单元701室', '16:15838290116', '16:周德明', '31:李桂英', '31:国基路98号院5号楼2单元701室'],
}

/** Names each fixture writes on purpose: no leak finding may hold one. */
const publicNames: Readonly<Record<string, readonly string[]>> = {
  'anon-01-criminal-assault': ['马志刚', '杨继东', '何丽君', '张文博', '李慧敏', '马国林', '王婷', '田雨', '永宁县人民法院', '银川市中级人民法院', '明正律师事务所'],
  'anon-02-juvenile-theft': ['孙立平', '马海燕', '刘建新', '王春梅', '杨柳', '兴庆区人民法院', '嘉和律师事务所'],
  'anon-03-divorce': ['马文杰', '丁晓玲', '马小燕', '贺兰县人民法院', '昊正律师事务所'],
  'anon-04-inheritance': ['韩晓峰', '杨志强', '马秀兰', '李娜', '金凤区人民法院'],
  'anon-05-penalty-company': ['马伟', '丁晓东', '永宁县市场监督管理局', '永宁县人民政府', '兴庆区人民法院'],
  'anon-06-police-penalty': ['张立军', '何平', '西夏区分局', '西夏区人民政府', '西夏区人民法院'],
  'anon-10-traffic-injury': ['冯立伟', '杨建国', '孙倩', '吴国栋', '中国人民财产保险股份有限公司石嘴山市分公司', '石嘴山市第二人民医院', '大武口区人民法院'],
  'anon-11-fraud-victims': ['韩立军', '马晓峰', '金志远', '刘丽萍', '马燕', '利通区人民法院'],
  'anon-12-protection-order': ['海玉兰', '虎金山', '何建平', '马莉', '原州区人民法院', '彭堡镇派出所'],
  'anon-13-juvenile-victim': ['宋建华', '田中华', '张慧', '吴志军', '王倩', '小红', '小丽'],
  'anon-15-private-loan': ['马立群', '罗文', '平罗县人民法院'],
  'anon-16-admin-review': ['冯志远', '杨文', '马宏', '贺兰县人民政府', '贺兰县自然资源局', '金凤区人民法院'],
  'anon-17-child-support': ['白振宇', '李建平', '杨雪', '红寺堡区人民法院', '红寺堡律师事务所', '红寺堡区民政局'],
  'anon-18-drunk-driving': ['白小龙', '张晓明', '丁建国', '王小梅', '中宁县人民法院', '宁安律师事务所', '中宁县公安局'],
  'anon-21-labour-dispute': ['马志刚', '孙丽', '王建国'],
  'anon-23-xinjiang-divorce': ['努尔兰·别克', '古丽娜尔·阿不都拉', '迪丽努尔·吐尔逊', '天山区人民法院', '天山律师事务所'],
  'anon-25-penalty-recurrence': ['张掖市住房和城乡建设局', '张掖市市场监督管理局', '张掖市人民政府'],
  'anon-26-discipline-named-issuer': ['衡阳市', '周长青', '焦裕禄', '雷锋', '张贴', '高明'],
  // The issuing office's contact line (`联系人：何志伟　联系电话：0571-…`) is public on purpose,
  // its landline too, as a line of only `联系电话：` closing a notice always was.
  // The penalized company's credit code is published with its name, as the market regulator's
  // disclosure of a penalty does; its owner's ID number is not.
  'anon-27-penalty-named-company': ['91330106MA2H4X7L3H', '0571-87654321', '杭州市西湖区市场监督管理局', '杭州市西湖区人民政府', '杭州市西湖区人民法院', '安徽省', '何志伟', '俞佳', '沈建华'],
  'anon-28-gongshi-symbol-masks': ['罗晓明', '成都市武侯区人力资源和社会保障局'],
  'anon-29-xinfang-reply': ['0371-65501234', '张文斌', '郑州市金水区住房和城乡建设局', '郑州市宏达建设工程有限公司'],
  'anon-30-admin-review-agency-seat': ['永宁县公安局', '宁和南街', '李卫东', '杨帆', '吴昊'],
}

/** True when two texts share a name: one holds the other, or they overlap by two characters. */
function overlaps(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true
  for (let i = 0; i + 2 <= b.length; i++) if (a.includes(b.slice(i, i + 2))) return true
  return false
}

describe('linked names', () => {
  it('takes the whole name where the tagger glued its last character to a verb of saying', async () => {
    expect(texts(await leaks('被告人钱某某，男。钱立明称其不知情。'))).toEqual(['leak/linkage 钱立明'])
    // A verb of the dictionary (供称) is no part of the name; nor is 说 after a whole name.
    expect(texts(await leaks('被告人李某，男。李强供称其不知情。'))).toEqual(['leak/linkage 李强'])
    expect(texts(await leaks('被告人王某，男。王建华说他不在。'))).toEqual(['leak/linkage 王建华'])
  })

  it('takes a party role for masked when a gap stands between it and the pseudonym, not when words do', async () => {
    expect(texts(await leaks('被告人： 王某某，男。被告人张伟持刀。'))).toEqual(['leak/linkage 张伟'])
    expect(texts(await leaks('被告人系王某某，男。被告人张伟持刀。'))).toEqual(['leak/linkage 张伟'])
    // 在场的 between 被告人 and 王某某 is no gap: the role is not masked, 张伟 is named on purpose.
    expect(texts(await leaks('被告人在场的王某某，男。被告人张伟持刀。')).filter((t) => t.includes('张伟'))).toEqual([])
  })

  it('finds in one pass where the masked surnames start a name, as a search per surname does', () => {
    const surnames = ['王', '欧阳', '欧', '李']
    const text = '被告人王某某，其父王建国，外祖父欧阳明，祖父李×，法定代表人王五，联系人：欧阳某；负责人李刚，原告王、被告欧阳华王'
    const starts = sameSurnameStarts(text, surnames)
    for (const surname of surnames) {
      const expected: number[] = []
      for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) if (/^[\u4e00-\u9fff]/.test(text.charAt(at + surname.length)) && !/^[某×xX*＊○□]/.test(text.charAt(at + surname.length))) expected.push(at)
      expect(starts.get(surname), surname).toEqual(expected)
    }
    expect(sameSurnameStarts(text, []).size).toBe(0)
  })

  it('reports a linked name wherever it recurs without its cue, so a redaction masks every one', async () => {
    const text = '当事人：张掖市某某商贸有限公司。法定代表人：周建国。有当事人法定代表人周建国的询问笔录为证。'
    expect(texts(await leaks(text))).toEqual(['leak/linkage 周建国', 'leak/linkage 周建国'])
    // The recurrence's message says where the cue stood, not that it stands there.
    const [, again] = await leaks('当事人：某某商贸有限公司。\n法定代表人：周建国。\n周建国的询问笔录为证。')
    expect(again!.message).toMatch(/the name found on line 2, named as 法定代表人/)
    // A two-character name recurs only where the tagger reads it as one: inside words it is none.
    expect(texts(await leaks('被告人李某某，男。其子李强报警。李强调，当晚李强在家。'))).toEqual(['leak/linkage 李强', 'leak/linkage 李强'])
  })

  it('reads a kinship word the cue is half of as the cue when it is a relative too (其妻子), not otherwise (其父母)', async () => {
    expect(texts(await leaks('被告人赵某某在其妻子李秀梅的陪同下投案。'))).toEqual(['leak/linkage 李秀梅'])
    expect(texts(await leaks('被告人赵某某由其女婿周建华陪同投案。'))).toEqual(['leak/linkage 周建华'])
    expect(texts(await leaks('被告人赵某某投案，其父母张志刚、王芳在外地。')).filter((t) => t.includes('张志刚'))).toEqual([])
  })

  it('reads a table written as text: a name in clear in a column of masked persons is one the masking missed', async () => {
    const rows = ['序号 户主姓名 家庭人口 保障金额', '1 马某某 4 1200', '2 李某 2 600', '3 王秀兰 1 300', '4 杨* 2 600']
    expect(texts(await leaks(rows.join('\n')))).toEqual(['leak/linkage 王秀兰'])
    const markdown = ['| 序号 | 姓名 | 金额 |', '| --- | --- | --- |', '| 1 | 马某某 | 1200 |', '| 2 | 张建华 | 600 |', '| 3 | 李某 | 300 |']
    expect(texts(await leaks(markdown.join('\r\n')))).toEqual(['leak/linkage 张建华'])
    // One masked row makes no column; a row of another shape is another table.
    expect(texts(await leaks(['1 马某某 4 1200', '2 王秀兰 1 300', '审核人 张建华 2024年3月1日 盖章'].join('\n')))).toEqual([])
    expect(texts(await leaks(['1 马某某 4 1200', '2 李某 2 600', '审核 张建华 盖章'].join('\n')))).toEqual([])
  })

  it('reads the columns of a Word table, a paragraph a cell', async () => {
    const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`
    const body = paragraph('某某村低保对象公示') + `<w:tbl>${row('序号', '户主姓名', '金额')}${row('1', '马某某', '1200')}${row('2', '李某', '600')}${row('3', '王秀兰', '300')}</w:tbl>`
    const doc = await documentFromBytes(makeDocx(body), 'list.docx')
    const found = checkDocument(doc, activateRules(builtinRules, 'redacted')).filter((f) => f.category === 'leak')
    expect(texts(found)).toEqual(['leak/linkage 王秀兰'])
  })

  it('reads a four-character name the dictionary knows after a cue beside a role the document masks', async () => {
    const text = '原告：阿某，女。被告：艾某某，男。2019年起，被告在其妻子阿依古丽的劝说下仍不愿回家。'
    expect(texts(await leaks(text))).toEqual(['leak/linkage 阿依古丽'])
    // Not after a role the document names on purpose, nor a word after the cue.
    const filler = '本案经依法组成合议庭审理，双方当事人均到庭参加诉讼，现已审理终结。'.repeat(3)
    expect(texts(await leaks(`原告：阿某，女。${filler}被告人张伟在其妻子阿依古丽的陪同下投案。被告在其女儿就读于某小学后离家。`)).filter((t) => !t.includes('张伟'))).toEqual([])
  })

  it('reads a transliterated name whole, its parts joined by a middle dot, and no part after a dot as a name', async () => {
    const text = '原告：阿某，女，维吾尔族。被告：艾某某。婚后生育一子艾力·买买提，现年8岁。原告之父阿不都热合曼·吐尔逊出庭作证。'
    expect(texts(await leaks(text))).toEqual(['leak/linkage 艾力·买买提', 'leak/linkage 阿不都热合曼·吐尔逊'])
    // A judge and a clerk are named on purpose, dotted names as others; 阿 after a dot starts no name.
    expect(texts(await leaks('原告：古某，女。被告：阿某某。\n审判员　古丽娜尔·阿不都拉\n书记员　迪丽努尔·吐尔逊、马丽'))).toEqual([])
  })

  it('reads a company whose trade the tagger reads as a verbal noun (恒通/nz 建设/vn 有限公司)', async () => {
    const found = texts(await leaks('A公司（宁夏恒通建设有限公司）在承建B村道路工程中偷工减料，全面推进改革发展有限公司。'))
    expect(found.filter((t) => t.startsWith('leak/organization'))).toEqual(['leak/organization 宁夏恒通建设有限公司'])
  })

  it('reports a person named with a title wherever the name recurs without it', async () => {
    // A notice that masks its own unit (某某县) names no one on purpose.
    const text = '1.某镇党委副书记李某违规公款吃喝问题。李某安排镇政府办公室主任王建军用公款宴请，王建军受到诫勉谈话。\n中共某某县纪律检查委员会'
    expect(texts(await leaks(text))).toEqual(['leak/person 王建军', 'leak/person 王建军'])
  })

  it('reads no name in the verbs of a leader\'s charge (包抓, 包联) after a title', async () => {
    const text = '述职人：×××\n\n落实县级领导包联、乡镇党委书记包抓、第一书记驻村的措施，副镇长李志强同志参加。\n'
    expect(texts(await leaks(text))).toEqual(['leak/person 李志强'])
  })

})

describe('measured on the anonymized fixtures', () => {
  it('finds the planted leaks with precision and recall of at least 0.8, and no name public on purpose', async () => {
    let planted = 0
    let found = 0
    let reported = 0
    let right = 0
    const misses: string[] = []
    const wrong: string[] = []
    for (const [name, leaksOfFile] of Object.entries(truth)) {
      const text = readFileSync(join(repoRoot, 'fixtures', 'redacted', `${name}.txt`), 'utf8')
      const findings = await leaks(text)
      const open = leaksOfFile.map((entry) => ({ line: Number(entry.split(':')[0]), text: entry.slice(entry.indexOf(':') + 1), isFound: false }))
      for (const f of findings) {
        reported++
        const hit = open.find((o) => !o.isFound && o.line === f.line && overlaps(f.text, o.text)) ?? open.find((o) => o.line === f.line && overlaps(f.text, o.text))
        if (hit) {
          right++
          hit.isFound = true
        } else wrong.push(`${name} ${f.line}:${f.column} ${f.ruleId} ${f.text}`)
        for (const publicName of publicNames[name] ?? []) expect(f.text, `${name}: ${publicName} is public`).not.toContain(publicName)
      }
      planted += open.length
      found += open.filter((o) => o.isFound).length
      misses.push(...open.filter((o) => !o.isFound).map((o) => `${name} ${o.line}:${o.text}`))
    }
    const recall = found / planted
    const precision = right / reported
    console.log(`anonymized fixtures: ${planted} planted leaks, ${found} found (recall ${recall.toFixed(2)}); ${reported} leak findings, ${right} right (precision ${precision.toFixed(2)})`)
    console.log(`missed: ${misses.join('; ') || 'none'}\nwrong: ${wrong.join('; ') || 'none'}`)
    expect(recall).toBeGreaterThanOrEqual(0.8)
    expect(precision).toBeGreaterThanOrEqual(0.8)
  })
})
