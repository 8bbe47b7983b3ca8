// What counts as a mask: runs of mask characters that stand in Chinese text, not markup,
// arithmetic, file globs or Latin words.
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { documentFromText } from '../src/io/read-document.js'
import { maskCharSource } from '../src/rules/shared/chars.js'
import { findMaskRuns, foundRun, maskRunSource, nextRun, nextRunAt } from '../src/rules/shared/mask-runs.js'
import { TriggerScan } from '../src/rules/shared/trigger-scan.js'
import { checkText } from './helpers.js'
import { randomTextOf } from './support/random-text.js'

const runsOf = async (text: string, path = 'x.txt') => findMaskRuns(await documentFromText(text, path)).map((r) => r.text)

describe('findMaskRuns', () => {
  it.each([
    ['国家统计局**调查队', ['**']],
    ['《2022年***市统计局方案》', ['***']],
    ['“**国调讲堂”', ['**']],
    ['“健康**”', ['**']],
    ['现将本人xxxx年履行职责', ['xxxx']],
    ['××市人民政府', ['××']],
    ['＊＊市和ｘｘ县', ['＊＊', 'ｘｘ']],
    ['发展*名预备党员，转正*名', ['*', '*']],
    ['《**国调系统党建考核办法》《**国调系统清单》', ['**', '**']],
    ['国家统计局**调查队全年学习**次', ['**', '**']],
    ['位于__省__市的项目', ['__', '__']],
    ['全年完成投资□□万元，走访○○万人次', ['□□', '○○']],
    ['__重点__工作', []],
    ['二○○八年以来，邮政编码□□□□□□', []],
  ])('finds the masks in %j', async (text, expected) => {
    expect(await runsOf(text)).toEqual(expected)
  })

  it.each([
    'x86 服务器',
    '3*4 方阵',
    '7*24小时',
    '见 *.txt 文件',
    '尺码XXL',
    'Excel表格',
    '* 列表项',
    '***',
    '**重点工作**要抓实',
    '*斜体*文字',
    '***重中之重***是安全',
    '3×4万元',
    'http://www.xxx.gov.cn',
  ])('finds no mask in %j', async (text) => {
    expect(await runsOf(text)).toEqual([])
  })

  it('skips Markdown code spans, fenced code and link targets', async () => {
    const md = '正文`学习**次`正文\n\n```\n发展*名党员\n```\n\n[链接](https://x.cn/**次)与**次\n'
    expect(await runsOf(md, 'a.md')).toEqual(['**'])
  })

  it.each(['a.md', 'a.txt'])('tells emphasis from masks the same way in %s', async (path) => {
    expect(await runsOf('我们要**坚持**学习', path)).toEqual([])
    expect(await runsOf('累计完成投资**300亿元**。完成**12项**任务，**Excel模板**统一', path)).toEqual([])
    expect(await runsOf('国家统计局**调查队全年学习**次', path)).toEqual(['**', '**'])
    expect(await runsOf('引导**国调系统广大党员干部在**国调事业', path)).toEqual(['**', '**'])
    expect(await runsOf('统计局***调查队和***县', path)).toEqual(['***', '***'])
  })

  it.each(['a.md', 'a.txt'])('reads a bold number before its measure word as emphasis in %s', async (path) => {
    for (const text of ['全街道划分微网格**216**个', '培训干部**300**人次', '发展党员**5**名', '参加人数：**56**人', '| 培训 | **12**次 |', '增长**8.6%**', '投资**3,600**万元']) {
      expect(await runsOf(text, path)).toEqual([])
    }
    // A run that is the blank itself, or stars around no number, stay masks.
    expect(await runsOf('全年完成****万元', path)).toEqual(['****'])
    expect(await runsOf('集中学习**次，共**名', path)).toEqual(['**', '**'])
    expect(await runsOf('共有1**216**个网格', path)).toEqual(['**'])
  })

  it.each(['a.md', 'a.txt'])('reads bold italics and bold underscores inside a sentence as emphasis in %s', async (path) => {
    expect(await runsOf('坚持***稳中求进***工作总基调', path)).toEqual([])
    expect(await runsOf('坚持___稳中求进___工作总基调', path)).toEqual([])
    expect(await runsOf('部分社区__干部年龄结构__老化', path)).toEqual([])
    // Masks where names go, blanks after a preposition or among a form's fields stay.
    expect(await runsOf('***市统计局和***县统计局', path)).toEqual(['***', '***'])
    expect(await runsOf('在***镇***村开展活动', path)).toEqual(['***', '***'])
    expect(await runsOf('到***社区协助开展整治', path)).toEqual(['***'])
    expect(await runsOf('由___负责___落实', path)).toEqual(['___', '___'])
    expect(await runsOf('姓名__性别__年龄__', path)).toEqual(['__', '__', '__'])
    expect(await runsOf('部分社区＿＿干部年龄结构＿＿老化', path)).toEqual(['＿＿', '＿＿'])
    expect(await runsOf('共____人', path)).toEqual(['____'])
  })

  it('treats the same text in a .txt file literally', async () => {
    expect(await runsOf('正文`学习**次`正文', 'a.txt')).toEqual(['**'])
  })
})

const masksOf = async (text: string, path = 'x.txt') =>
  findMaskRuns(await documentFromText(text, path))
    .filter((r) => r.role === 'mask')
    .map((r) => r.text)
const countsOf = async (text: string, path = 'x.txt') => (await checkText(text, { path, only: ['count/unfilled'] })).map((f) => f.text)
const placeholdersOf = async (text: string, path = 'x.txt') => (await checkText(text, { path, only: ['placeholder/mask', 'count/unfilled'] })).filter((f) => f.ruleId === 'placeholder/mask').map((f) => f.text)

describe('a lone symbol', () => {
  it.each([
    ['根据县委第X巡察组反馈意见', ['X']],
    ['市第×党支部召开会议', ['×']],
    ['*县财政局召开会议', ['*']],
    ['x市统计局、×区教育局', ['x', '×']],
    ['《*市统计数据质量管理办法》', ['*']],
    ['印发《关于*项目的通知》', ['*']],
    ['“*镇经验”', ['*']],
  ])('is a mask where certain: %j', async (text, expected) => {
    expect(await masksOf(text)).toEqual(expected)
  })

  it('is a mask in a name position where the document masks names with the same symbol', async () => {
    expect(await masksOf('在*区率先推行')).toEqual(['*'])
    expect(await masksOf('**市统计局要求，全*统计系统深入开展')).toEqual(['**', '*'])
    expect(await masksOf('全*统计系统深入开展')).toEqual([])
    // Another symbol, a note's star and a measure word keep their meaning.
    expect(await masksOf('××市统计局要求，全*统计系统')).toEqual(['××'])
    expect(await masksOf('*市统计局。*注：数据为初步统计')).toEqual(['*'])
    expect(await countsOf('*市统计局办公楼*层')).toEqual(['*层'])
  })

  it.each(['*注：本表数据', '带*号的为必填项', '*为必填', '* 列表项', '3*4', 'x86服务器', '见*.txt', 'A*B', '| 产值 | 12.5* |', '3×4', '1920×1080', '做X光检查', 'X射线', '沿x轴', 'x=3', '设X为未知数'])(
    'is not a mask in %j',
    async (text) => {
      expect(await placeholdersOf(text)).toEqual([])
      expect(await countsOf(text)).toEqual([])
    },
  )
})

describe('masked digits of a number or date', () => {
  it.each([
    ['现将20XX年工作报告如下', '20XX年'],
    ['二〇XX年工作总结', '二〇XX年'],
    ['于2024年X月X日召开', '2024年X月X日'],
    ['于20XX年3月5日召开', '20XX年3月5日'],
    ['增长X.X个百分点', 'X.X个百分点'],
    ['接待游客1X万人次', '1X万人次'],
    ['第X季度', '第X季度'],
    ['哈X教发〔2024〕XX号', '哈X教发〔2024〕XX号'],
    ['（衡山组通〔2024〕XX号）', '〔2024〕XX号'],
    ['印发通知（湘政办发〔2024〕X号）', '〔2024〕X号'],
    ['审批手续第×批次', '第×批次'],
    ['办好第　届“材料文化节”', '第　届'],
    ['次第X次', '第X次'],
    ['填报日期：　　年　　月　　日', '　　年　　月　　日'],
    ['第三届X次会议', 'X次'],
    ['同比增长XX%', 'XX%'],
    ['X月X日召开', 'X月X日'],
    ['２０ＸＸ年', '２０ＸＸ年'],
    ['落款：2024年　　月　　日', '2024年　　月　　日'],
    ['存栏牦牛达到3X500头，', '3X500头'],
    ['体检1X00人次', '1X00人次'],
    ['收入2X,XXX元。', '2X,XXX元'],
    ['全年出版图书　　种，', '　　种'],
    ['全年完成免疫规划疫苗接种XX万剂次，', 'XX万剂次'],
    // A date opening its line, its year left blank: the spaces before 年 are the year's, not an indent.
    ['　　年　　月　　日', '　　年　　月　　日'],
    ['××县统计局\n　　　　　　　　　　　　年　　月　　日', '　　年　　月　　日'],
  ])('is one count: %j', async (text, expected) => {
    expect(await countsOf(text)).toEqual([expected])
  })

  it.each(['　　年初以来，我局开展工作。', '　　年　月　日　摘要　金额', '2024年工作总结', 'X光', 'X射线', 'X线片', 'B超', 'iPhone X', 'Windows XP', '尺码XL和XXL', 'x轴', 'x=3', '7*24小时', 'GB2X年', '3X3篮球', '2X2米', '4×100米接力', '地址0x100处', '订单号12X3456789号', 'A12X500型', '检察官　　次旦平措'])('is no count in %j', async (text) => {
    expect(await countsOf(text)).toEqual([])
  })
})

describe('a figure left blank in a table', () => {
  const table = (rows: string) => `| 指标 | 单位 | 2024年 | 增长（%） |\n|---|---|---|---|\n| 地区生产总值 | 亿元 | 3925.61 | 5.6 |\n${rows}\n| 社会消费品零售总额 | 亿元 | 1186.47 | 4.2 |`
  it.each([
    // Masked digits of a number, or a decimal masked whole: a figure by its shape.
    ['| 人均收入 | 元 | 2X,XXX | 4.5 |', ['2X,XXX']],
    ['| 农村居民人均可支配收入 | 元 | 19876 | 21*** |', ['21***']],
    ['| 就业帮扶类 | 2 | **.* | 已完工 |', ['**.*']],
    ['| 生猪出栏 | 头 | 36500 | 3X500 |', ['3X500']],
    [table('| 固定资产投资 | 亿元 | 1,286.5 | X.X |'), ['X.X']],
    // A mask alone in a column of figures: a figure by its place.
    [table('| 规模以上工业增加值 | — | *** | — |'), ['***']],
    [table('| 一般公共预算收入 | 亿元 | XX | ×× |'), ['XX', '××']],
    ['信息内容\t本年处理决定数量\n行政许可\t1,062\n行政处罚\tXX\n行政强制\t0', ['XX']],
    ['| 序号 | 项目 | 数量 |\n|---|---|---|\n| 1 | 检查 | 350户 |\n| 2 | 调查 | 28个样本小区 |\n| 3 | 走访 | ** |\n| 4 | 督导 | 642 |\n| 5 | 回访 | 12 |', ['**']],
  ])('is a count: %j', async (text, expected) => {
    expect(await countsOf(text, 'x.md')).toEqual(expected)
  })

  it.each([
    // A column of names, or of identifiers too long for a count.
    ['| 序号 | 姓名 | 职务 |\n|---|---|---|\n| 1 | *** | 科长 |\n| 2 | 张三 | 科员 |\n| 3 | 12 | 科员 |', ['***']],
    ['| 姓名 | 身份证号 |\n|---|---|\n| 王某 | 110101199001011234 |\n| 李某 | *** |', ['***']],
    // Lines of pipes with no rule under a header: maybe rows of different tables side by side.
    ['| 2 | XXX | ○○调查队 | 副队长 |\n| **工作条件** | 15 | 场所、设备符合要求 | 15 |', ['XXX', '○○']],
    // A mask in the header is no figure of the column below.
    ['| 指标 | *** |\n|---|---|\n| 收入 | 12 |\n| 支出 | 8 |', ['***']],
  ])('is a placeholder: %j', async (text, expected) => {
    expect(await countsOf(text, 'x.md')).toEqual([])
    expect(await placeholdersOf(text, 'x.md')).toEqual(expected)
  })

  it('reads the column of a Word table by its cells', async () => {
    const { Document } = await import('../src/core/document.js')
    const cell = (row: number, column: number) => ({ table: 1, row, column })
    const text = ['指标', '增长（%）', '地区生产总值', '5.6', '工业增加值', '**', '消费', '4.2'].join('\n')
    const cells = [cell(1, 1), cell(1, 2), cell(2, 1), cell(2, 2), cell(3, 1), cell(3, 2), cell(4, 1), cell(4, 2)]
    const doc = new Document(text, { path: 'x.docx', encoding: 'utf-8', format: 'docx', cells })
    expect(findMaskRuns(doc).map((r) => [r.text, r.role, r.isNumberBlank])).toEqual([['**', 'count', true]])
  })
})

describe('a mask bounded by punctuation, a line or a table cell', () => {
  it.each([
    ['负责人：×××，男，汉族', ['×××']],
    ['（签字）：______', ['______']],
    ['XXX：大家好', ['XXX']],
    ['| 负责人 | *** |\n| 电话 | XXX |', ['***', 'XXX']],
    ['姓名 XXX 性别 男', ['XXX']],
    ['联系方式：020-＿＿＿＿＿＿＿＿', ['020-＿＿＿＿＿＿＿＿']],
    // A phone's shape in mask letters, its area code masked too: one blank.
    ['（联系人：×××，电话：0XXX-XXXXXXX）', ['×××', '0XXX-XXXXXXX']],
    ['电话：XXXX-XXXXXXXX', ['XXXX-XXXXXXXX']],
    ['| 城南镇 | 0XXX-XXXXXXX |', ['0XXX-XXXXXXX']],
    // One letter for the issuer's abbreviation of a document number, its serial written.
    ['根据京X字第12号文件要求', ['X']],
    ['（小写：¥______）', ['______']],
    // A list item that is only a blank: the list's number is not the blank's.
    ['　　4．XXXXXXXXXX。', ['XXXXXXXXXX']],
  ])('is a placeholder: %j', async (text, expected) => {
    expect(await placeholdersOf(text)).toEqual(expected)
  })

  it.each([
    ['***', 'x.txt'],
    ['___', 'x.txt'],
    ['* * *', 'x.md'],
    ['***', 'x.md'],
    ['**重点**', 'x.md'],
    ['* 列表', 'x.md'],
    ['x ** 2', 'x.txt'],
    ['见 **/*.md', 'x.txt'],
    ['方程为y＝0.86x＋12.4。', 'x.txt'],
    ['方程为y=0.86x+12.4。', 'x.txt'],
    // Spaces left to sign and date by hand, and to sign in two columns.
    ['　　　　签名：　　　　　　年　　月　　日', 'x.txt'],
    ['负责人签名：　　　　　年　　月　　日', 'x.txt'],
    ['甲方（盖章）：　　　　　　乙方（盖章）：\n代表人：　　　　　　　　代表人：', 'x.txt'],
  ])('is no placeholder: %j in %s', async (text, path) => {
    expect(await placeholdersOf(text, path)).toEqual([])
  })
})

describe('a legend that explains a mask symbol', () => {
  it.each([
    ['注：表中“***”表示数据不公开。\n| 地区生产总值 | *** |', []],
    ['说明：**表示涉及单个企业数据，依法不予公布。', []],
    ['“×××”为暂缺数据', []],
    // The legend explains the cells, not every use of the symbol.
    ['注：“***”表示数据不公开。\n***市统计局', ['***']],
    // A name's mask takes the same verbs.
    ['×××表示，将继续努力', ['×××']],
    ['任命×××为保密委员会委员', ['×××']],
    ['经研究，×××为保密员', ['×××']],
    ['***代表本单位发言', ['***']],
    // Without a legend, a cell holding only stars stands for something.
    ['| 地区生产总值 | *** |', ['***']],
    // Stars opening a clause before 表示 explain a footnote mark, whatever it marks.
    ['注：数据为快报数；**表示含援藏共建病区床位。', []],
    ['**表示含援藏共建病区床位', []],
    // Unless a masked speaker says something, or the clause opens elsewhere.
    ['***表示将全力支持', ['***']],
    ['***表示，将继续努力', ['***']],
    ['会上***表示赞同', ['***']],
    ['××表示含援藏床位', ['××']],
  ])('%j has placeholders %j', async (text, expected) => {
    expect(await placeholdersOf(text)).toEqual(expected)
  })

  // A footnote mark's cell holds no figure; a withheld figure's cell is held back on purpose.
  const table = '| 指标 | 增长（%） |\n|---|---:|\n| 进出口 | 3.2 |\n| 投资 | ** |\n'
  it.each([
    ['注：**表示快报数。\n\n' + table, ['**']],
    ['注：**表示快报数，“…”表示数据暂缺。\n\n' + table, ['**']],
    ['注：**表示含援藏床位。\n\n' + table, ['**']],
    ['注：**表示涉及单个企业数据，依法不予公布。\n\n' + table, []],
    ['注：表中“**”表示数据不公开。\n\n' + table, []],
  ])('%j has counts %j', async (text, expected) => {
    expect(await countsOf(text, 'x.md')).toEqual(expected)
  })
})

describe('a list item that is only a blank', () => {
  it.each([
    ['3. ＿＿＿＿＿＿＿＿\n4. XXXXXXXXXX。', ['＿＿＿＿＿＿＿＿', 'XXXXXXXXXX']],
    ['（2）＿＿＿＿＿＿', ['＿＿＿＿＿＿']],
  ])('is a placeholder without its number: %j', async (text, expected) => {
    expect(await placeholdersOf(text, 'x.md')).toEqual(expected)
  })

  it.each(['1.XX', '2．X项工作'])('keeps a decimal or a count after the number: %j', async (text) => {
    expect(await placeholdersOf(text, 'x.md')).toEqual([])
    expect(await countsOf(text, 'x.md')).toEqual(text === '1.XX' ? ['1.XX'] : ['X项'])
  })
})

describe('empty brackets and spaced blanks', () => {
  it.each([
    ['共（  ）人', '（  ）人'],
    ['（    ）年度考核', '（    ）年'],
    ['全镇共　　人参加', '　　人'],
  ])('are counts before a unit: %j', async (text, expected) => {
    expect(await countsOf(text)).toEqual([expected])
  })

  it.each([
    ['评为“　　”先进', ['“　　”']],
    ['主要成绩：【  】', ['【  】']],
    ['姓名：　　　　性别：　　　　', ['　　　　', '　　　　']],
  ])('are placeholders elsewhere: %j', async (text, expected) => {
    expect(await placeholdersOf(text)).toEqual(expected)
  })

  it('are counts after the enumeration comma of a list of counts', async () => {
    expect(await countsOf('　　全村共　　户、　　人，其中常住人口1200人。')).toEqual(['　　户', '　　人'])
    expect(await countsOf('全村共12户、　　人。共  户、  人。收入1200元、　　万元')).toEqual(['　　人', '  户', '  人', '　　万元'])
    // After a word the comma lists words; a unit that starts a word is no count's.
    expect(await countsOf('党员、　　群众代表参加。共有3人、　　个人参加')).toEqual([])
  })

  it.each([
    ['　　今年以来，我局认真贯彻', 'x.txt'],
    ['单　　位：统计局', 'x.txt'],
    ['目　　录', 'x.txt'],
    ['报告人：　　张三', 'x.txt'],
    ['the quick  brown fox', 'x.txt'],
    ['调用print( )与f（）', 'x.txt'],
    ['代码`（）`', 'x.md'],
  ])('are silent as indents, letter spacing, words and code: %j', async (text, path) => {
    expect(await placeholdersOf(text, path)).toEqual([])
    expect(await countsOf(text, path)).toEqual([])
  })
})

describe('a blank a sentence counts', () => {
  it('is one star after a verb that ends in a mark\'s verb, before a measure word', async () => {
    expect(await countsOf('全年参加*次培训，比上年增加*名，追加*万元投资，增加*倍')).toEqual(['*次', '*名', '*万元', '*倍'])
    expect(await countsOf('参加*次为期三天的培训', 'x.md')).toEqual(['*次'])
    // The mark a legend explains: its things, then what they are.
    for (const text of ['带*项为必填项', '表中标*年份为预计数', '凡标*的指标为初步数', '加*人员须到场', '带*号的为必填项', '*注：数据为快报', '7*24小时', '3*5米', '**加粗**文字']) {
      expect(await countsOf(text), text).toEqual([])
      expect(await placeholdersOf(text), text).toEqual([])
    }
  })

  it('is padded with ASCII spaces before its unit, or one space after a quantity\'s label', async () => {
    expect(await countsOf('收入达到    万元，同比增长  %。全年共发展   名党员')).toEqual(['    万元', '  %', '   名'])
    expect(await countsOf('实到人数：　人，应到人数： 人')).toEqual(['　人', ' 人'])
    expect(await countsOf('全年发展   名党员，其中女性12名。')).toEqual(['   名'])
    // A plain-text table's columns, a signature, a label whose value is written.
    for (const text of ['地区      户数      人口', '地区生产总值      亿元      1285.6', '固定资产投资      亿元      —      3.1', '　　固定资产投资　　　　　　　　亿元　　　　　—　　　　3.1', '书记员      项伟', '联系人：　王芳', '人数：　12人', '李明   人事科', '回首往事   人生如梦']) {
      expect(await countsOf(text), text).toEqual([])
    }
  })

  it('is a date range left blank as its parts show: one blank a date', async () => {
    expect(await countsOf('住宿时间：　　月　　日至　　月　　日')).toEqual(['　　月　　日', '　　月　　日'])
  })

  it('is a document number whose serial is masked, its masked code with it, one finding', async () => {
    const all = async (text: string) => (await checkText(text, { only: ['placeholder/mask', 'count/unfilled'] })).map((f) => [f.ruleId, f.text])
    expect(await all('（XX银发〔2024〕XX号）')).toEqual([['count/unfilled', 'XX银发〔2024〕XX号']])
    expect(await all('（X组发〔2024〕X号）')).toEqual([['count/unfilled', 'X组发〔2024〕X号']])
    expect(await all('（哈X教发〔2024〕XX号）')).toEqual([['count/unfilled', '哈X教发〔2024〕XX号']])
    // A word of the sentence before the mask is no part of the code.
    expect(await all('根据XX银发〔2024〕XX号文件')).toEqual([['count/unfilled', 'XX银发〔2024〕XX号']])
    expect(await all('按X政发〔2024〕X号要求')).toEqual([['count/unfilled', 'X政发〔2024〕X号']])
    // Its code alone masked: the office's name, as a longer mask is.
    expect(await all('（X财教〔2024〕18号）')).toEqual([['placeholder/mask', 'X']])
    expect(await all('（XX财教〔2024〕18号）')).toEqual([['placeholder/mask', 'XX']])
    expect(await all('（云财教〔2024〕18号）')).toEqual([])
  })
})

describe('emphasis told from masks', () => {
  it.each([
    '**一、强化政治引领**',
    '**（二）抓实基层组织，**',
    '**（二）抓实基层组织，**推动业务发展',
    '__重点__',
    '***加粗斜体***',
    '- **一、强化政治引领，**全面加强\n- **二是抓实基层组织。**',
    '| **指标** | **数值（亿元）** |\n|---|---|\n| **一、工业** | 30 |',
    '## **第一部分：总体情况**',
    '> **编者按：**本文',
    '**坚持以人民为中心，**深入贯彻落实，以**“严、实、快、新”**为目标',
    '　　**问：**个体工商户是否需要填报？',
    '__一、强化政治引领__',
    '1. __坚持党建引领，__推动发展',
    '### __三、主要做法：__',
    '**一、强化政治引领**\n---',
    '党小组会**次数偏少**，需改进',
  ])('reports no mask on Markdown emphasis %j, whatever it holds', async (text) => {
    expect(await placeholdersOf(text, 'a.md')).toEqual([])
    expect(await placeholdersOf(text, 'a.txt')).toEqual([])
  })

  it('still finds masks inside real emphasis, and masks the parser took for emphasis', async () => {
    expect(await placeholdersOf('**注意：本单位***科**', 'a.md')).toEqual(['***'])
    expect(await placeholdersOf('**注意：本单位***科**', 'a.txt')).toEqual(['***'])
    expect(await placeholdersOf('**市、**县统计局', 'a.md')).toEqual(['**', '**'])
    expect(await countsOf('国家统计局**调查队全年学习**次', 'a.md')).toEqual(['**次'])
    expect(await countsOf('全年学习**次，国家统计局**调查队', 'a.md')).toEqual(['**次'])
    expect(await placeholdersOf('《*市统计数据质量管理办法》', 'a.md')).toEqual(['*'])
  })

  it('finds a mask that is the whole of an emphasis, markers and unit included', async () => {
    expect(await countsOf('经典原著**XX**本，读书**12**本', 'a.md')).toEqual(['**XX**本'])
    expect(await countsOf('经典原著**XX**本', 'a.txt')).toEqual(['**XX**本'])
    expect(await placeholdersOf('| 负责人 | **XX** |', 'a.md')).toEqual(['**XX**'])
    expect(await placeholdersOf('**注意**：做**X**光检查', 'a.md')).toEqual([])
  })

  it.each(['a.md', 'a.txt'])('finds a bold or underlined whole mask before any unit as one count in %s', async (path) => {
    const found = await checkText('全年学习**XX**次，发展党员**XX**名，撰写报告__XX__篇。', { path, only: ['count/unfilled', 'placeholder/mask'] })
    expect(found.map((f) => [f.ruleId, f.messageId, f.column, f.text])).toEqual([
      ['count/unfilled', 'count.unfilled', 5, '**XX**次'],
      ['count/unfilled', 'count.unfilled', 17, '**XX**名'],
      ['count/unfilled', 'count.unfilled', 29, '__XX__篇'],
    ])
  })

  it.each(['a.md', 'a.txt'])('reads emphasis beside a measure word as emphasis where the text is complete without its markers in %s', async (path) => {
    for (const text of [
      '奋力谱写中国式现代化的**篇章**。',
      '由**张明**主持，**项晓峰**、**张老师**参加。',
      '统一打造**场景**化消费业态，严格落实**户籍**制度，审议**批准**事项，扩大**份额**',
      '本届**人大代表**名额为120名。',
      '原告**张某甲**（2013年出生）。',
      '驻村**第一书记**张明介绍，**老党员**张德明回忆。',
    ]) {
      expect(await placeholdersOf(text, path), text).toEqual([])
      expect(await countsOf(text, path), text).toEqual([])
    }
    // Without the markers a number is still missing: a unit alone, a date's part, a noun counted.
    expect(await countsOf('国家统计局**调查队全年学习**次', path)).toEqual(['**次'])
    expect(await countsOf('全年完成**项工作**，成效明显', path)).toEqual(['**项'])
    expect(await countsOf('请于**月底前报送**县统计局', path)).toEqual(['**月'])
    expect(await countsOf('共有**名党员在**社区报到', path)).toEqual(['**名'])
  })

  it('reads letter symbols of a series and a quoted bracket pair as notation, not masks', async () => {
    expect(await placeholdersOf('女性的性染色体组成为XX，男性为XY。XX型和XY型')).toEqual([])
    expect(await placeholdersOf('发文字号的年份用六角括号“〔〕”括入，不用“（）”或“[]”。')).toEqual([])
    // No sibling in a parallel place, or a bracket that leaves room to write: masks.
    const found = await checkText('由XX负责，XY公司配合。开展“（　　）”主题活动，全支部共（）人。', { only: ['placeholder/mask', 'count/unfilled'] })
    expect(found.map((f) => [f.ruleId, f.column, f.text])).toEqual([
      ['placeholder/mask', 2, 'XX'],
      ['placeholder/mask', 17, '（　　）'],
      ['count/unfilled', 31, '（）人'],
    ])
  })

  it('judges a blank beside a bold label as the reader sees it, the markers not written', async () => {
    for (const path of ['a.md', 'a.txt']) {
      expect(await placeholdersOf('**记录：**＿＿＿', path)).toEqual(['＿＿＿'])
      expect(await placeholdersOf('**记录：**XXX', path)).toEqual(['XXX'])
      expect(await placeholdersOf('**记录：** ×××', path)).toEqual(['×××'])
      expect(await countsOf('**全年学习：**XX次', path)).toEqual(['XX次'])
      expect(await placeholdersOf('**一、强化政治引领**\n---', path)).toEqual([])
      expect(await placeholdersOf('**注意**：做**X**光检查', path)).toEqual([])
      expect(await placeholdersOf('**重点**x86服务器', path)).toEqual([])
    }
  })

  it('leaves the fields of a form attached for readers to fill, and keeps the writer\'s own blanks', async () => {
    const notice = '通知正文，每人每天标准　　元。\n\n附件：培训班回执\n\n　　　　　　市统计局办公室\n　　　　　　2024年　月　日\n\n'
    const form = '附件2\n\n参训人员回执\n\n单位（盖章）：　　　　　　填报日期：　　年　　月　　日\n姓　　名：　　　　　性　　别：　　　　\n参训人数：共（　　）人\n本人＿＿＿＿承诺\n哈尔滨市XX区教育局\n注：请于7月　日前报送。\n'
    const text = notice + form + '──────────\n抄送：市教育局。\n印发日期：　　年　　月　　日\n'
    expect(await countsOf(text)).toEqual(['　　元', '2024年　月　日', '7月　日', '　　年　　月　　日'])
    expect(await placeholdersOf(text)).toEqual(['XX'])
    // A table of data the writer fills is his: 统计表, 汇总表 name no form for readers.
    expect(await countsOf('附件2\n\n2024年度统计汇总表\n\n完成投资　　万元\n')).toEqual(['　　万元'])
    // The form ends where prose comes back: its blanks are the writer's again.
    expect(await countsOf('附件：培训班回执\n单位名称：　　　　　\n2024年3月12日，本局执法人员进行检查，发现问题。\n开展警示教育（  ）次。\n')).toEqual(['（  ）次'])
    // An indented list of attachments in the body is no form's title.
    expect(await countsOf('　　附件：参训人员回执\n　　全年共　　人参训\n')).toEqual(['　　人'])
  })

  it('reports single-star masks that CommonMark pairs into italics, as plain text reads them', async () => {
    for (const path of ['a.md', 'a.txt']) {
      // A mask before a measure word after a quoted name, one before a unit's name after a
      // preposition of place, a pair across a clause or across a title's bracket.
      const repro = '全年召开学习会8次，开展“国调讲堂”*期，组织全体干部赴*市革命纪念馆开展主题党日活动。'
      expect(await countsOf(repro, path), path).toEqual(['*期'])
      expect(await placeholdersOf(repro, path), path).toEqual(['*'])
      expect(await countsOf('开展“国调讲堂”*期活动赴*市学习', path), path).toEqual(['*期'])
      expect(await placeholdersOf('开展“国调讲堂”*期活动赴*市学习', path), path).toEqual(['*'])
      expect(await placeholdersOf('学习《关于加强*项目管理的通知》，组织*人员学习', path), path).toEqual(['*'])
      // Italics of a phrase stays emphasis, before a word a unit's name starts too.
      for (const text of ['*一是*工业投资增长乏力；*二是*部分企业经营困难。', '组织干部*学习*区域协调发展战略', '我们要*坚持*学习，*重点*工作', '*如有疑问，请联系办公室。*']) {
        expect(await placeholdersOf(text, path), text).toEqual([])
        expect(await countsOf(text, path), text).toEqual([])
      }
    }
  })

  it('reads `****` between two bold runs as one closing and one opening, not a mask', async () => {
    expect(await placeholdersOf('**2025年，桂城街道将继续****奋楫笃行，推动发展。**', 'a.md')).toEqual([])
    expect(await placeholdersOf('**在****县开展调研，成效明显。**', 'a.md')).toEqual(['****'])
    expect(await countsOf('**全年学习****次，成效明显。**', 'a.md')).toEqual(['****次'])
    expect(await placeholdersOf('继续****奋楫笃行', 'a.md')).toEqual(['****'])
  })

  it('reads escaped Markdown symbols as the run they display', async () => {
    expect(await countsOf('撰写书评\\_\\_\\_篇，心得\\*\\*篇', 'a.md')).toEqual(['\\_\\_\\_篇', '\\*\\*篇'])
    expect(await placeholdersOf('| 第一章 | 5\\* |\n\n注：“\\*”为自评星级，满分5\\*', 'a.md')).toEqual([])
    expect(await countsOf('| 第一章 | 5\\* |\n\n注：“\\*”为自评星级，满分5\\*', 'a.md')).toEqual([])
  })

  it('reads HTML emphasis as text', async () => {
    expect(await placeholdersOf('<p><strong>一、强化政治引领</strong></p><p><b>（二）抓实，</b>推动</p>', 'a.html')).toEqual([])
    expect(await placeholdersOf('<table><tr><td>负责人</td><td>***</td></tr></table>', 'a.html')).toEqual(['***'])
  })

  it('reads no-break spaces of a web page as a blank, as ideographic ones', async () => {
    const html = '<p>全年计划组织培训<b>&nbsp;&nbsp;</b>次。</p>\n<p>开展<u>&nbsp;&nbsp;&nbsp;&nbsp;</u>次，共&#12288;&#12288;人参加</p>'
    const found = await checkText(html, { path: 'a.html', only: ['count/unfilled'] })
    expect(found.map((f) => [f.line, f.column, f.text])).toEqual([
      [1, 15, '\u00A0\u00A0次'],
      [2, 9, '\u00A0\u00A0\u00A0\u00A0次'],
      [2, 40, '\u3000\u3000人'],
    ])
    // Indent, a signature's spacing and the gap between a page's labels stay silent.
    expect(await countsOf('<p>&nbsp;&nbsp;&nbsp;&nbsp;全年组织培训12次</p><p>审&nbsp;判&nbsp;长&nbsp;&nbsp;&nbsp;刀志刚</p><p>发布时间：2024-05-06&nbsp;&nbsp;浏览次数：312</p>', 'a.html')).toEqual([])
  })
})

describe('Document positions', () => {
  it('maps offsets to 1-based lines and UTF-16 columns across LF, CRLF and CR', () => {
    const doc = new Document('第一行\r\n第二行\n第三行\r第四行', { path: 'x', encoding: 'utf-8' })
    expect(doc.positionAt(0)).toEqual({ line: 1, column: 1 })
    expect(doc.positionAt(5)).toEqual({ line: 2, column: 1 })
    expect(doc.positionAt(9)).toEqual({ line: 3, column: 1 })
    expect(doc.positionAt(13)).toEqual({ line: 4, column: 1 })
    expect(doc.lineText(1)).toBe('第一行')
    expect(doc.lineText(3)).toBe('第三行')
  })

  it('counts a character outside the BMP as two UTF-16 units', () => {
    const doc = new Document('𠀀学习**次', { path: 'x', encoding: 'utf-8' })
    expect(doc.text.indexOf('**')).toBe(4)
    expect(doc.positionAt(4)).toEqual({ line: 1, column: 5 })
  })

  it('merges overlapping skip regions and answers isSkipped', () => {
    const doc = new Document('0123456789', { path: 'x', encoding: 'utf-8', skipped: [{ start: 5, end: 7 }, { start: 2, end: 4 }, { start: 3, end: 6 }] })
    expect(doc.skipped).toEqual([{ start: 2, end: 7 }])
    expect(doc.isSkipped(0, 2)).toBe(false)
    expect(doc.isSkipped(1, 2)).toBe(true)
    expect(doc.isSkipped(7, 3)).toBe(false)
  })
})

describe('nextRun', () => {
  it('finds the runs the alternation of mask symbols finds, on random text', () => {
    const maskRunRe = new RegExp(maskRunSource, 'g')
    const positionsIn = new TriggerScan(0).positions(maskRunSource, '')
    const alphabet = [...'*＊xXｘＸ×○□△_＿\u3000 \u00A0（【(“「）】)”」年a1']
    const pick = randomTextOf(alphabet, 5)
    for (let round = 0; round < 200; round++) {
      const text = pick(60)
      const expected: string[] = []
      maskRunRe.lastIndex = 0
      for (let m = maskRunRe.exec(text); m; m = maskRunRe.exec(text)) expected.push(`${m.index}:${m[0]}`)
      const found: string[] = []
      for (let from = 0; nextRun(text, from); from = foundRun.end) found.push(`${foundRun.start}:${text.slice(foundRun.start, foundRun.end)}`)
      expect(found, text).toEqual(expected)
      // Trying only the positions the shared pass lists finds the same.
      const positions = positionsIn(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))!
      const foundAt: string[] = []
      for (let from = 0, k = 0; (k = nextRunAt(text, positions, k, from)) >= 0; from = foundRun.end) foundAt.push(`${foundRun.start}:${text.slice(foundRun.start, foundRun.end)}`)
      expect(foundAt, text).toEqual(expected)
    }
  })
})

describe('a day blank', () => {
  const messagesOf = async (text: string) => (await checkText(text, { only: ['count/unfilled'] })).map((f) => `${f.text} ${f.messageId}`)
  it('counts days before 日内 with no month before it, and is a date after one', async () => {
    expect(await messagesOf('会后＿＿日内报送')).toEqual(['＿＿日 count.unfilled'])
    expect(await messagesOf('请于3月＿＿日内报送')).toEqual(['3月＿＿日 count.unfilled.date'])
    expect(await messagesOf('请于＿＿日前报送')).toEqual(['＿＿日 count.unfilled.date'])
  })
})

describe('maskCharSource: one mask character in words', () => {
  it('reads 〇 as a mask outside a number written in Chinese, the signs and letters anywhere', () => {
    const re = new RegExp(maskCharSource)
    for (const text of ['〇〇县', '〇〇村', '×县', '***局', 'XX县', '某□镇']) expect(re.test(text), text).toBe(true)
    for (const text of ['二〇二四年', '二〇〇〇级', '一〇三号', '统计局局长']) expect(re.test(text), text).toBe(false)
  })
})
