// Names a document gives on purpose in a public role: judges, clerks and lawyers.
import { describe, expect, it } from 'vitest'
import { Document } from '../src/core/document.js'
import { findPublicRoleNames } from '../src/rules/shared/public-roles.js'

const names = (text: string) => [...findPublicRoleNames(new Document(text, { path: 'a.txt', encoding: 'utf-8' }))].sort()

describe('findPublicRoleNames', () => {
  it('takes the name before 律师 after punctuation, not the firm before 律师事务所', () => {
    expect(names('委托诉讼代理人：王某，男。代理人，刘文华律师。宁夏正和律师事务所指派。')).toEqual(['刘文华'])
  })

  it('reads the names before each 律师, two or three characters, after punctuation only', () => {
    expect(names('辩护人，张三律师、刘文华律师，律师王五。')).toEqual(['刘文华', '张三', '王五'].sort())
  })
})
