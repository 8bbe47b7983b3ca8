// A wrong form the document cites as one is mentioned, not used: every typo rule leaves it alone
// (shared/mentions.ts isCitedAsWrong), whatever rule would report it used.
import { describe, expect, it } from 'vitest'
import { checkText } from './helpers.js'

const typos = async (text: string, path = 'inline.md') => (await checkText(text, { path })).filter((f) => f.category === 'typo').map((f) => `${f.ruleId} ${f.text}`)

describe('typo findings in cited forms', () => {
  it.each([
    ['a proofreading table (error and correction)', '| 序号 | 错误写法 | 正确写法 |\n|---|---|---|\n| 1 | 自已 | 自己 |\n| 2 | 再接再励 | 再接再厉 |\n| 3 | 两个唯护 | 两个维护 |\n'],
    ['a column headed as the errors, the correction elsewhere', '| 常见别字 | 说明 |\n|---|---|\n| 按步就班 | 部，不是步 |\n| 全面从严冶党 | 治，不是冶 |\n'],
    ['the corrections column first', '| 规范写法 | 不规范写法 |\n|---|---|\n| 截至目前 | 截止目前 |\n'],
    ['a list of errors with arrows', '常见别字：\n- 自已 → 自己\n- 按步就班 -> 按部就班\n'],
    ['a note quoting the form set against the right one', '“截至”表示到某一时间为止，应写作“截至目前”，而非“截止目前”。'],
    ['an error cited after 误写为 and corrected after it', '初稿第二章把1958年误写为戊戍年，应为戊戌年。'],
    ['a congress ordinal listed with its correction', '2025年校对清单\n| 错误 | 正确 |\n|---|---|\n| 党的十二大精神 | 党的二十大精神 |\n'],
  ])('is silent on %s', async (_, text) => {
    expect(await typos(text)).toEqual([])
  })

  it.each([
    ['a table cell of prose that uses the wrong form', '| 事项 | 进展 |\n|---|---|\n| 整改 | 严格要求自已，逐项整改 |\n', ['typo/zi-ji 自已']],
    ['the same form in running text after the table', '| 错误写法 | 正确写法 |\n|---|---|\n| 再接再励 | 再接再厉 |\n\n全体干部要再接再励，争创佳绩。\n', ['typo/misused-word 再接再励']],
    ['a wrong form followed by a comma and a word of its own', '严格要求自已，自己的事自己办。', ['typo/zi-ji 自已']],
    ['a quoted slip after a 不是 earlier in its sentence (it cites nothing)', '这不是简单的“两个维扩”问题。', ['typo/formulation 两个维扩']],
    ['a slip in a column whose header merely holds 误 (误差), not a column of errors', '| 指标 | 抽样误差说明 |\n|---|---|\n| 1 | 全面从严冶党 |\n', ['typo/misused-word 从严冶党']],
  ])('still reports %s', async (_, text, expected) => {
    expect(await typos(text)).toEqual(expected)
  })
})
