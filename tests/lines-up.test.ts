// linesUp (shared/chars.ts): the lines above a place, read upwards, as the field-block checks of
// office-contacts and public-roles walk them.
import { describe, expect, it } from 'vitest'
import { linesUp } from '../src/rules/shared/chars.js'

const read = (text: string, end: number, count: number, floor?: number, reach?: number) => [...linesUp(text, end, count, floor, reach)].map(({ start, end: e }) => text.slice(start, e))

describe('linesUp', () => {
  it('gives the line that ends at the place, then the lines above it, CRLF or LF', () => {
    const text = '户名：张三\r\n开户行：农行\r\n账号：'
    expect(read(text, text.length, 5)).toEqual(['账号：', '开户行：农行', '户名：张三'])
    expect(read('一\n二\n三', 5, 2)).toEqual(['三', '二'])
  })

  it('stops at the floor and after the count', () => {
    expect(read('一\n二\n三', 5, 5, 2)).toEqual(['三', '二'])
    expect(read('一\n二\n三', 5, 1)).toEqual(['三'])
  })

  it('reads a long line over its last units, then what stands before them, losing no character', () => {
    const text = '甲乙丙丁戊己庚辛'
    expect(read(text, text.length, 3, 0, 3)).toEqual(['己庚辛', '丙丁戊', '甲乙'])
  })
})
