// Forms for readers to fill (shared/form-sections.ts): attached or sent as their own file, their
// fields, pledges and signature blocks are the reader's; the writer's own blanks stay reported.
import { describe, expect, it } from 'vitest'
import { documentFromText } from '../src/io/read-document.js'
import { findFormSections } from '../src/rules/shared/form-sections.js'
import { checkText } from './helpers.js'

const blankRules = ['placeholder/mask', 'placeholder/template-note', 'count/unfilled']

/** The blank findings of `text`: message id, line, column, text and fix. */
async function blanksOf(text: string, path = 'a.txt') {
  const found = await checkText(text, { path, only: blankRules })
  return found.map((f) => [f.messageId, f.line, f.column, f.text, f.fix ?? null])
}

/** The lines each form section of `text` covers, as text. */
async function sectionsOf(text: string, path = 'a.txt') {
  const doc = await documentFromText(text, path)
  return findFormSections(doc).map((s) => doc.text.slice(s.start, s.end))
}

describe('forms sent as their own file', () => {
  it('reads a blank form whose first line is its title as the readers\'', async () => {
    const huizhi = '全省统计工作推进会参会回执\n\n单位名称（盖章）：\n参会人员姓名：　　　　　　职务：　　　　　　\n联系电话：　　　　　　　　\n住宿时间：　　月　　日至　　月　　日\n'
    expect(await blanksOf(huizhi)).toEqual([])
    expect(await blanksOf('# 培训班报名表\n\n姓名：　　　　　　性别：　　　　\n', 'a.md')).toEqual([])
    // Prose ends it: the writer's own request after the form keeps its blank.
    expect(await blanksOf(huizhi + '请于6月　日前将回执发送至联系人。\n')).toEqual([['count.unfilled.date', 7, 3, '6月　日', null]])
  })

  it('keeps the blanks of a form the writer is filling in', async () => {
    // A field written in (单位名称：临安区统计局) or a symbol in a field's place (×××): the writer's draft.
    expect(await blanksOf('全省统计工作推进会参会回执\n单位名称：临安区统计局\n参会人员姓名：　　　　　　\n联系电话：\n')).toEqual([
      ['placeholder.mask', 3, 8, '　　　　　　', null],
      ['placeholder.template-note', 4, 1, '联系电话：', null],
    ])
    expect(await blanksOf('先进基层党组织申报表\n负责人：×××，男\n党员人数：共（  ）名\n')).toEqual([
      ['placeholder.mask', 2, 5, '×××', null],
      ['count.unfilled', 3, 7, '（  ）名', null],
    ])
    expect(await blanksOf('参会回执\n姓名：　　　　性别：男\n')).toEqual([['placeholder.mask', 2, 4, '　　　　', null]])
  })

  it('takes no form from a title that only mentions one', async () => {
    const notice = '关于报送报名表的通知\n各单位：\n　　请填写报名表，于5月　日前报送。\n　　联系人：王芳\n　　联系电话：\n'
    expect(await blanksOf(notice)).toEqual([
      ['count.unfilled.date', 3, 11, '5月　日', null],
      ['placeholder.template-note', 5, 3, '联系电话：', null],
    ])
    expect(await sectionsOf(notice)).toEqual([])
    // A headline that tells of forms is no form's title: its prose's blanks are the writer's.
    expect(await blanksOf('我县向群众发放调查问卷\n　　本次调查共发放问卷　　份，收回问卷1200份。\n')).toEqual([['count.unfilled', 2, 12, '　　份', null]])
    expect(await blanksOf('关于做好2024年度社区工作者报名登记表\n姓名：　　　　\n')).toEqual([['placeholder.mask', 2, 4, '　　　　', null]])
  })
})

describe('forms after a one-line attachment heading', () => {
  const form = '村民代表会议决议回执\n\n　　本人已知悉会议决议内容，对决议事项表示：□同意　□不同意\n　　村民代表（签字）：__________\n　　日期：______年____月____日\n'
  it('opens the form when its own title follows `附件：title` at once, indented or numbered', async () => {
    expect(await blanksOf('　　附件：村民代表会议决议回执\n\n' + form)).toEqual([])
    expect(await blanksOf('　　附件1：村民代表会议决议回执\n\n' + form)).toEqual([])
    expect(await blanksOf('附件2：参训人员回执\n参训人员回执\n姓　　名：　　　　　\n')).toEqual([])
  })

  it('keeps a list of attachments, and prose after one, the writer\'s', async () => {
    // The list's next item is no form's title; the writer's own blank after the list stays reported.
    expect(await sectionsOf('　　附件：1.参训人员回执\n　　　　　2.报名表\n　　全年共　　人参训\n')).toEqual([])
    expect(await blanksOf('　　附件：参训人员回执\n　　全年共　　人参训\n')).toEqual([['count.unfilled', 2, 6, '　　人', null]])
  })
})

describe('model texts that declare their blanks the parties\'', () => {
  const instructions = '北京市住房租赁合同\n（示范文本）\n使用说明\n　　本合同文本中的空格部分由双方当事人协商填写。\n'
  const blankBody = '出租人（甲方）：____________________\n　　本合同一式______份，甲方______份，乙方______份。\n签订日期：　　年　　月　　日\n'

  it('reads a 示范文本 whose instructions give its blanks to the parties as their form while it is blank', async () => {
    expect(await blanksOf(instructions + blankBody)).toEqual([])
    expect(await blanksOf('房屋买卖合同\n说明：本协议中的空白部分，供买卖双方当事人自行约定填写。\n买受人：________\n房屋总价______万元。\n')).toEqual([])
  })

  it('keeps the blanks of a model text being filled in, or of one that declares nothing', async () => {
    // A party written in: the rest is the writer's to fill.
    expect(await blanksOf(instructions + '出租人（甲方）：张三\n　　本合同一式______份。\n')).toEqual([['count.unfilled', 6, 8, '______份', null]])
    // The genre's word alone is no declaration.
    expect(await blanksOf('北京市住房租赁合同\n（示范文本）\n出租人（甲方）：________\n')).toEqual([['placeholder.mask', 3, 9, '________', null]])
    // A notice that gives its attached table's blanks to its readers keeps its own.
    expect(await blanksOf('关于报送统计数据的通知\n请各单位于______日前报送，附件表格中的空白处由各单位填写。\n')).toEqual([['count.unfilled.date', 2, 6, '______日', null]])
    // A symbol's mask in a field's place is the writer's.
    expect(await blanksOf(instructions + '出租人（甲方）：***\n')).toEqual([['placeholder.mask', 5, 9, '***', null]])
  })
})

describe('forms attached to a notice', () => {
  it('keeps a form\'s pledge and its signature block in the form', async () => {
    const notice = '关于招聘社区工作者的公告\n　　报名时间为9月　日至10月8日。\n\n附件\n\n'
    const form = '社区工作者报名登记表\n\n姓　　名：　　　　　　联系电话：\n本人承诺：以上所填信息真实准确，如有虚假，自愿取消聘用资格。\n\n　　　　承诺人（签名）：＿＿＿＿＿＿\n　　　　　　　　年　　月　　日\n'
    expect(await blanksOf(notice + form)).toEqual([['count.unfilled.date', 2, 8, '9月　日', null]])
    expect(await sectionsOf(notice + form)).toEqual([form])
  })

  it('reads a pledge, a letter of authority or a quiz as a form, its sentences included', async () => {
    const pledge = '附件\n\n统计诚信承诺书\n\n　　本单位郑重承诺：依法真实、准确、完整、及时提供统计资料。如有违反，自愿承担相应法律责任。\n\n单位名称（盖章）：＿＿＿＿＿＿\n法定代表人（签字）：＿＿＿＿\n　　　　　　　　年　　月　　日\n'
    expect(await blanksOf('关于开展统计诚信承诺工作的通知\n\n' + pledge)).toEqual([])
    const quiz = '附件\n\n党纪学习教育知识测试题\n一、填空题\n1.《条例》共（　　）编、（　　）章、（　　）条。\n2.党的二十大于（　　）年（　　）月在北京召开。\n'
    expect(await blanksOf('关于开展知识测试的通知\n\n' + quiz)).toEqual([])
    // A symbol mask in it, and the blanks of its notes, stay the writer's.
    expect(await blanksOf('附件\n\n授权委托书\n\n　　现委托XXX同志代表本单位参加会议。\n注：请于7月　日前交回。\n')).toEqual([
      ['placeholder.mask', 5, 6, 'XXX', null],
      ['count.unfilled.date', 6, 5, '7月　日', null],
    ])
  })

  it('leaves an empty contact field of a form to its reader', async () => {
    expect(await blanksOf('通知\n\n附件\n\n参会人员登记表\n姓名：　　　　　单位：　　　　　\n联系电话：　　　　　　\n')).toEqual([])
    // Outside a form the empty label is the writer's contact left out.
    expect(await blanksOf('请于5月10日前报送报名表。\n联系人：王芳\n联系电话：\n')).toEqual([['placeholder.template-note', 3, 1, '联系电话：', null]])
  })

  it('ends a form where the notice\'s prose comes back, not at the signer\'s words', async () => {
    const text = '附件：培训班回执\n单位名称：　　　　　\n以上情况属实。\n2024年3月12日，本局执法人员进行检查，发现问题。\n开展警示教育（  ）次。\n'
    expect(await blanksOf(text)).toEqual([['count.unfilled', 5, 7, '（  ）次', null]])
  })
})
