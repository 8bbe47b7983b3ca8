// Which line breaks fall inside a wrapped paragraph: a short line runs on from a long one before it.
import { describe, expect, it } from 'vitest'
import { wrappedBreaks } from '../src/rules/shared/wrapped-lines.js'

/** The text on each side of every wrapped break of `text`. */
function breaksIn(text: string): string[] {
  return [...wrappedBreaks(text)].map(({ end, next }) => `${text.charAt(end - 1)}|${text.charAt(next)}`)
}

describe('wrappedBreaks', () => {
  it('reads a long line of prose ending on a character as wrapped', () => {
    expect(breaksIn('各族干部群众纷纷表示，将以此次表彰为新的起点，再接再\n励，奋力谱写新篇章。')).toEqual(['再|励'])
  })
  it('reads a short line as wrapped when the long line before it runs on into it', () => {
    const text = '副乡长带领农技人员深入田间地头指导补种改种，修复受损渠道１．８公里，完成投资\n　　万元。全乡干部群众将再接再\n励，全力夺取防汛抗旱工作全面胜利。'
    expect(breaksIn(text)).toEqual(['再|励'])
  })
  it('leaves a short line alone after a line that ends a sentence or a heading', () => {
    expect(breaksIn('全乡上下认真做好防汛抗旱各项工作，确保人民群众安全。\n全乡干部群众将再接再\n励志青年代表发言')).toEqual([])
    expect(breaksIn('一、加强组织领导\n全乡干部群众将再接再\n励志青年代表发言')).toEqual([])
  })
})

describe('wrappedBreaks of any length (a formulation is the evidence)', () => {
  const anyLength = (text: string) => [...wrappedBreaks(text, { isAnyLength: true })].map(({ end, next }) => `${text.charAt(end - 1)}|${text.charAt(next)}`)
  it('reads a numbered heading glued to its paragraph as the paragraph’s line, a heading alone as none', () => {
    expect(anyLength('一、加强党的建设。我们要坚定中国特\n社会主义道路自信。')).toEqual(['特|社'])
    expect(anyLength('（二）强化理论武装。坚持以学促\n干，推动工作落实。')).toEqual(['促|干'])
    expect(anyLength('一、坚持中国特色社会主义\n主义道路越走越宽广')).toEqual([])
    expect(anyLength('（三）推动高质量发展\n全年完成投资')).toEqual([])
  })
})

describe('wrappedBreaks in text a PDF extractor wrapped', () => {
  it('reads a short line without a comma as wrapped when the paragraph runs on into it and out of it', () => {
    const text = '　　（一）坚持党管人才。社党委把学习贯彻党的二十届三中全会精神作为首要政治任务，坚持用新时\n代中国特\n社会主义思想凝心铸魂。全年发展党员3名。'
    expect(breaksIn(text)).toEqual(['时|代', '特|社'])
  })
})
