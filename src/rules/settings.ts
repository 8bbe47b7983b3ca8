// Run-wide settings every rule kind may read when it is compiled: the profile and the
// tokenizer backend (config `tokenizer`, `--tokenizer`), and the language of the messages.
import type { Lang } from '../i18n/catalogue.js'
import { defaultTokenizer, type TokenizerName } from '../nlp/tokenizer.js'
import type { Profile } from './types.js'

/** What a run tells the rules it compiles. */
export interface RuleSettings {
  readonly profile: Profile
  /** The word segmenter the leak rules use (`jieba` = @node-rs/jieba, or `nodejieba`). */
  readonly tokenizer: TokenizerName
  /** The language findings are worded in (`--lang`, config `lang`, the locale). */
  readonly lang: Lang
}

/** The settings of a run that sets nothing but its profile. */
export function defaultRuleSettings(profile: Profile): RuleSettings {
  return { profile, tokenizer: defaultTokenizer, lang: 'en' }
}
