// The regex set ripgrep runs for comparison: the same things the default rules look for —
// masks before units, masks beside Chinese text, paywall tags, and the typo word lists —
// written as plain regexes (ripgrep's default engine has no look-around), read from the rule
// files. The repeated-word rule is left out: it needs a backreference, which only ripgrep's
// much slower PCRE2 engine has; issue 12's targets are against this default-engine set.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Patterns equivalent in work to the built-in rules. */
export function ripgrepPatterns(rulesDir) {
  const load = (file) => parse(readFileSync(join(rulesDir, file), 'utf8'))
  const mask = '[*＊xXｘＸ×]+'
  const units = load('count/unfilled.yaml').units.map(escape).join('|')
  const lexicon = load('typo/misused-word.yaml').entries.map((e) => escape(e.wrong)).join('|')
  const phrases = load('typo/formulation.yaml').phrases.map((p) => escape(p.phrase.slice(0, 3))).join('|')
  return [
    `${mask}[余多来几]?[十百千万亿]*[余多来]?(${units})`,
    `\\p{Han}${mask}|${mask}\\p{Han}`,
    '(##|\\$\\$)\\s*(paid\\s*(begin|end)|page\\s*break)\\s*(##|\\$\\$)',
    '[一二三四五六七八九十]{1,3}大(精神|报告)',
    lexicon,
    phrases,
    '\\p{Han}[—―][项线个次些级致起定直切般样旦批步条名体份流道张期同]',
    '\\([^()（）]{1,12}）|（[^()（）]{1,12}\\)',
  ]
}
