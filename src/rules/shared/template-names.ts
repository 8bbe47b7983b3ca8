// Finds the 某某 a draft's template writes where a name is to go (`指定某某同志为本项目负责人`,
// `引进云南某某农业科技有限公司`): in a document with blanks of its own and no pseudonyms, it is
// one more blank, not a name hidden on purpose.
import type { Document, Region } from '../../core/document.js'
import { findMaskRuns } from './mask-runs.js'
import { findPseudonyms } from './pseudonyms.js'

/** 某 written twice or more: one 某 is a word of its own (某单位, 某种, 某些). */
const doubledMouRe = /某{2,}/g
/** What follows a person's name: a form of address (某某同志, 某某先生). */
const addressAfterRe = /^(?:同志|先生|女士|同学|老师)/
/** Suffixes that make 某某 a kind, not a name (`某某单位`, `某某部门`): a rule's text writes them. */
const kindAfterRe = /^(?:单位|企业|部门|机关|地方|方面)/

/**
 * The 某某 of `doc` that stand for a name left to fill, [start, end) in UTF-16 code units. Only
 * where the document leaves other blanks (`XX名`, `＿＿＿`, `（  ）`), and masks no one with a
 * pseudonym (王某某, 张××, A公司, （化名）): there 某某 is the document's own way to hide a name.
 */
export function findTemplateNames(doc: Document): readonly Region[] {
  const text = doc.text
  if (!text.includes('某某')) return []
  if (!findMaskRuns(doc).some((run) => run.role === 'mask' || run.numberStart !== run.start || run.isNumberBlank)) return []
  const pseudonyms = findPseudonyms(doc)
  if (pseudonyms.some((p) => p.form === 'surname' || p.form === 'letter' || p.form === 'alias')) return []
  const found: Region[] = []
  for (const m of text.matchAll(doubledMouRe)) {
    const start = m.index
    const end = start + m[0].length
    const after = text.slice(end, end + 3)
    if (kindAfterRe.test(after)) continue
    // A name's place: before a form of address, or a place's or a company's name (某某镇, 某某农业科技有限公司).
    if (addressAfterRe.test(after) || pseudonyms.some((p) => p.form === 'bare' && p.start === start)) found.push({ start, end })
  }
  return found
}
