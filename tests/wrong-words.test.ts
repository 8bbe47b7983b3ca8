// The wrong-word lexicon (typo/misused-word, with typo/zi-ji and typo/ru-dang) is safe to apply everywhere: no entry hits correct
// text, whether the fixtures (beyond their real typos), correct sentences that hold the straddles the entries avoid, the
// corrections themselves, or the words of jieba's dictionary.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LexiconOptions } from '../src/rules/lexicon.js'
import { builtinRules, checkText, repoRoot } from './helpers.js'

const ruleId = 'typo/misused-word'
/** The lexicon and the pattern rules for the 别字 that need a look at their neighbours. */
const wrongCharacterRules = [ruleId, 'typo/zi-ji', 'typo/ji-for-yi', 'typo/kou-radical', 'typo/ru-dang', 'typo/ji-shi', 'typo/bu-fen', 'typo/bu-shu', 'typo/zuo-wei', 'typo/jie-zhi', 'typo/zhang-account', 'typo/gan-zhi']
const rule = builtinRules.find((r) => r.id === ruleId)!
const options = rule.options as LexiconOptions

/** Runs the wrong-character rules; returns the wrong forms they found. */
async function hitsIn(text: string): Promise<string[]> {
  return (await checkText(text, { only: wrongCharacterRules })).map((f) => f.text)
}

/**
 * Correct sentences that hold a wrong form across a word boundary, or near one: each is why an
 * entry is listed only in a longer form (自已 → 自已的), or left out.
 */
const correctSentences = [
  '各自已经完成了年度任务，来自已有数据的测算表明增长平稳。',
  '双方各自已和对方沟通，各自已是成年人，自己经过努力，自己经常加班。',
  '个人党性锻炼，工人党员发展，个人党费缴纳。',
  '听到喜讯，大家激动得不能自已，情不自已地鼓起掌来；巴西工人党领导人来访。',
  '加强个人党性修养，工人党员占比提高。',
  '既使用传统统计方法，又引入大数据手段。',
  '既使群众满意，又使干部受到教育；既使企业减负，也使群众受益。',
  '赎回全部份额，核对内部份数，推进股份制改造。',
  '报名于2025年3月1日截止，征集时间截止到6月底，申报截止日期为3月31日，安装截止阀20个。',
  '资深人士、金融人才和接纳人才的单位座谈。',
  '市政府公布署名文章，宣布署理局长人选；全部暑期实践团队出发，机关干部暑假轮流值班。',
  '要做为人民服务的好干部，多做为群众办实事的好事，争做为民造福的先锋，不做为难群众的事。',
  '扫描准确率达到百分之九十九。',
  '深沉缅怀革命先烈，用户藉此获得帮助。',
  '搜索引擎画像功能上线，严峻工作形势不容乐观。',
  '完善长效机制，究竟争取多少资金，毕竟相对困难。',
  '拥挤身处其中，立即定位问题，验证结果准确。',
  '巩固疾病防控成果，地震摄影展开幕，平安祥和过节日。',
  '按纳税人类别统计，一座落成不久的大楼，拼凑和整合资料。',
  '多重迭代优化，轻松驰骋赛场，指针贬值风险。',
  '祁连山脉博物馆，简短版本的通知，激发韧劲，增加人员。',
  '参加人数众多，个人团结协作，人户分离人口，深入人心。',
  '一如既往，舍己为人，严于律己，不得已而为之，早已完成，而已。',
  '戊戌变法，戍边将士，卫戍部队，即使如此，既然如此，即便如此。',
  '发放帐篷和蚊帐，蚊帐单价35元，部队在营帐外集合，铁甲戍边，记账凭证，银行账户。',
  '琴弦律动，分辨论点，按装修标准验收，按装机容量计算。',
  '时代脉搏，纪律松弛，职能重叠，宣泄情绪，辐射带动，震撼人心。',
  '加大投入，投入使用，纳入考核，营业收入，财政收入，可支配收入。',
  '入党积极分子递交入党申请书，重温入党誓词。',
  // Deliberate reduplication and word overlaps are not typos.
  '研究研究再说，讨论讨论方案，高高兴兴上班，大学大学生，会议议程。',
]

describe('typo/misused-word', () => {
  it('lists at least 300 wrong forms, each with its correction and the list it comes from', () => {
    expect(options.entries.length).toBeGreaterThanOrEqual(300)
    for (const entry of options.entries) {
      expect(entry.source, entry.wrong).toBeDefined()
      expect(options.sources[entry.source!], entry.wrong).toBeDefined()
      expect(entry.right).not.toBe(entry.wrong)
    }
  })

  it('finds each wrong form, with its correction', async () => {
    for (const entry of options.entries) {
      const [f, ...rest] = await checkText(`我们要${entry.wrong}。`, { only: [ruleId] })
      expect(rest, entry.wrong).toEqual([])
      expect(f?.text, entry.wrong).toBe(entry.wrong)
      expect(f?.suggestion).toBe(entry.right)
    }
  })

  it.each(correctSentences)('is silent on the correct sentence %j', async (sentence) => {
    expect(await hitsIn(sentence)).toEqual([])
  })

  it('is silent on its own corrections', async () => {
    expect(await hitsIn(options.entries.map((e) => e.right).join('，'))).toEqual([])
  })

  it('finds in the fixtures only the real typos their golden files list', async () => {
    for (const profile of ['draft', 'redacted']) {
      const dir = join(repoRoot, 'fixtures', profile)
      for (const name of readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n))) {
        const golden = readFileSync(join(dir, name.replace(/\.[^.]+$/, '.expected')), 'utf8')
        const expected = golden
          .split('\n')
          .filter((line) => wrongCharacterRules.includes(line.split(' ')[1]!))
          .map((line) => line.split(' ').slice(3).join(' '))
        expect(await hitsIn(readFileSync(join(dir, name), 'utf8')), `${profile}/${name}`).toEqual(expected)
      }
    }
  })

  it("hits no word of jieba's dictionary except misspellings reviewed one by one", () => {
    const require = createRequire(import.meta.url)
    const dictPath = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')
    const words = readFileSync(dictPath, 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[0]!)
    const wrongs = options.entries.map((e) => e.wrong)
    // A form is left alone before a character that starts a word (辩别 + 人): so it is in a word too.
  const isHeld = (w: string, e: (typeof options.entries)[number]) => {
    for (let at = w.indexOf(e.wrong); at >= 0; at = w.indexOf(e.wrong, at + 1)) if (!e.unlessNext?.includes(w[at + e.wrong.length] ?? '\u0000')) return true
    return false
  }
  const holding = words.filter((w) => !wrongs.includes(w) && options.entries.some((e) => isHeld(w, e)))
    // The dictionary was built from web text: these are themselves the errors (九宵云外 for
    // 九霄云外), or classical variants the lists retire (赃私狼籍).
    expect(holding.sort()).toEqual(
      ['九宵云', '九宵云外', '喝采声', '团结拼博', '很精采', '成气侯', '杯盘狼籍', '震憾全球', '震憾力', '精采秀发', '精采绝伦', '群星璀灿', '赃污狼籍', '赃私狼籍', '赃贿狼籍', '声名狼籍', '迫不得己', '幅射线', '鼓惑人心', '主弦律'].sort(),
    )
  })
})

describe('typo/ji-for-yi', () => {
  it("hits no word of jieba's dictionary that holds 己, except its misspellings of 已", async () => {
    const require = createRequire(import.meta.url)
    const dictPath = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')
    const words = readFileSync(dictPath, 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[0]!)
      .filter((w) => w.includes('己'))
    // One word a line, each closed by punctuation: a hit names its word by its line.
    const found = await checkText(words.map((w) => `${w}。`).join('\n'), { only: ['typo/ji-for-yi'] })
    // 己生来 is the dictionary's own misspelling of 已生来. The others are classical sayings no report
    // writes, whose first character would otherwise keep a true 已 silent (所有己建成, 完成己…).
    expect(found.map((f) => words[f.line - 1]).sort()).toEqual(['己生来', '强己益', '成己成物', '有己无人'].sort())
  })
})
