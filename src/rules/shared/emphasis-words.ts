// Whether a measure word beside an emphasis marker is one, read as the text shows without
// its markers: `学习**次` leaves a number out, `新**篇章**` and `由**张明**主持` leave nothing out.
import { personTitles, surnameLength, tibetanNameLength } from '../../nlp/person-names.js'
import { installedJiebaWords, type JiebaWords } from '../../nlp/jieba-words.js'
import { isHan } from './chars.js'

/** Measure words: a star run right before one stands for a number (`学习**次`), not markup. */
const countWordRe = /(?!项目|名单|名称|人民|人员|人才|年度|年轻|月份|日常|期间|家庭|个人|个体|个别|个性|条例|条件|批示|场所|次要|次数)[次名个项篇份家元年月日人户条张期届批场]/y
/**
 * Units of a date: the words they begin are a date's part with its number (`**月底`, `**年初`,
 * a time word to the dictionary), so a mask before them still counts.
 */
const dateUnitRe = /[年月日]/
/** The longest word looked up after a measure word, in UTF-16 code units (`人大代表`). */
const maxWordLength = 4
/** The longest name read as the whole of an emphasis: a surname and two characters (`**项晓峰**`). */
const maxNameLength = 4

let words: JiebaWords | null | undefined

/** jieba's dictionary index, read once; null where it was not built (the unit is then read by its list only). */
function dictionary(): JiebaWords | null {
  if (words === undefined) words = installedJiebaWords() ?? null
  return words
}

/**
 * True when a measure word begins at `at` and stands as one: not the first character of a
 * longer word of the dictionary ending by `end` (`篇章`, `场景`, `户籍`, `份额`, `名额`,
 * `人大代表`), unless that word is a unit itself (`人次`, `批次`) or a date's part (`月底`).
 */
export function startsCountWord(text: string, at: number, end: number = text.length): boolean {
  countWordRe.lastIndex = at
  if (!countWordRe.test(text)) return false
  return dateUnitRe.test(text.charAt(at)) || !startsWordAt(text, at, Math.min(end, at + maxWordLength))
}

/** A word of the dictionary, not a unit's (`…次`) nor a time word (tag `t`), runs from `at` over two characters or more, up to `end`. */
function startsWordAt(text: string, at: number, end: number): boolean {
  const dict = dictionary()
  if (!dict) return false
  for (let length = 2; at + length <= end; length++) {
    if (!isHan(text.charCodeAt(at + length - 1))) return false
    const word = text.slice(at, at + length)
    const i = dict.indexOf(word)
    if (i >= 0 && !word.endsWith('次') && dict.tagOf(word) !== 't') return true
  }
  return false
}

/**
 * True when `inner`, the whole of an emphasis, is a person's name or pseudonym: a surname and
 * one or two characters that make no common word (`张明`, `项晓峰`, `张某甲`; not `项工作`),
 * or a Tibetan name (`次仁卓玛`). Bold names the persons of news and case summaries.
 */
export function isBoldName(inner: string): boolean {
  if (inner.length < 2 || inner.length > maxNameLength + 2) return false
  for (let i = 0; i < inner.length; i++) if (!isHan(inner.charCodeAt(i))) return false
  if (tibetanNameLength(inner) === inner.length) return true
  const surname = surnameLength(inner)
  if (surname === 0 || inner.length - surname > 2 || inner.length > maxNameLength) return false
  const given = inner.slice(surname)
  if (given.length === 1 || given.startsWith('某')) return true
  const dict = dictionary()
  const i = dict ? dict.indexOf(given) : -1
  return i < 0 || /^(?:nr|nrt|nrfg|x)$/.test(dict!.tagOf(given))
}

/** What a bold person's title ends with: a title, or a word for a member or person (`老党员`, `负责人`). */
const titleEndRe = new RegExp(`(?:${personTitles.join('|')}|[员人])$`)

/**
 * True when a name follows the emphasis of a person's title: `**第一书记**张明介绍`,
 * `**老党员**张德明`. A number is not left out between a title and a surname.
 */
export function startsNameAfterTitle(text: string, inner: string, at: number): boolean {
  return inner.length >= 2 && titleEndRe.test(inner) && surnameLength(text.slice(at, at + 2)) > 0 && isHan(text.charCodeAt(at + 1))
}
