// Finds personal names next to a title (张三同志, 书记李四, 李四局长): the title words are found
// first, and only their clauses are tagged, so a text without titles never loads the tokenizer.
import type { Document } from '../../core/document.js'
import { personTitles, surnameLength } from '../../nlp/person-names.js'
import type { Token, Tokenizer } from '../../nlp/tokenizer.js'
import { isHan } from './chars.js'
import { literalAlternation } from './options.js'
import { tokensAround } from './token-window.js'

/** A name next to a title: the name's span [start, end) in UTF-16 code units, and the title. */
export interface PersonMention {
  readonly start: number
  readonly end: number
  readonly title: string
}

/** Tags the tagger gives personal names; `x` is a word it does not know (张三, 王丽). */
const nameTagRe = /^(?:nr|nrfg|nrt|x)$/
const titleRe = new RegExp(literalAlternation(personTitles), 'g')

/** Names next to titles in `doc`, sorted; computed once per document and tokenizer. */
export function findPersons(doc: Document, tokenizer: Tokenizer): readonly PersonMention[] {
  return doc.derive(`persons:${tokenizer.name}`, () => scanPersons(doc, tokenizer))
}

function scanPersons(doc: Document, tokenizer: Tokenizer): PersonMention[] {
  const found = new Map<number, PersonMention>()
  titleRe.lastIndex = 0
  for (let m = titleRe.exec(doc.text); m; m = titleRe.exec(doc.text)) {
    const tokens = tokensAround(doc, tokenizer, m.index, m.index + m[0].length)
    const at = tokens.findIndex((t) => t.start <= m!.index && m!.index < t.end)
    const title = tokens[at]
    // The title must end its token: `书记` in `党组书记`, not `主任` inside `主任务`.
    if (!title || title.end !== m.index + m[0].length) continue
    for (const name of [tokens[at - 1], tokens[at + 1]]) {
      if (name && isPersonName(name)) found.set(name.start, { start: name.start, end: name.end, title: title.word })
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}

/** Two to four Han characters, starting with a surname, tagged as a name or unknown word. */
function isPersonName(token: Token): boolean {
  const { word, tag } = token
  if (word.length < 2 || word.length > 4 || !nameTagRe.test(tag)) return false
  for (let i = 0; i < word.length; i++) if (!isHan(word.charCodeAt(i))) return false
  const surname = surnameLength(word)
  return surname > 0 && word.length - surname >= 1 && word.length - surname <= 2
}
