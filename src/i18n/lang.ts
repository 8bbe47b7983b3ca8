// Which language the locale asks for; `--lang` and the config's `lang` come first (config/resolve.ts).
import { langs, type Lang } from './catalogue.js'

/** True for a language the catalogues hold. */
export function isLang(value: string): value is Lang {
  return (langs as readonly string[]).includes(value)
}

/**
 * The language a tag names, whatever its form: `zh`, `ZH`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`,
 * `en-US` (its first subtag, in any case); undefined for a language the catalogues lack.
 */
export function langOfTag(tag: string): Lang | undefined {
  const primary = /^([a-z]{2,3})(?:[-_.@]|$)/i.exec(tag.trim())?.[1]?.toLowerCase()
  return primary !== undefined && isLang(primary) ? primary : undefined
}

/** What people write for a language instead of its tag: `cn` (the country), `chinese`, `中文`. */
const langNames: Readonly<Record<string, Lang>> = {
  cn: 'zh', chs: 'zh', cht: 'zh', chinese: 'zh', 中文: 'zh', 汉语: 'zh', 漢語: 'zh', 简体中文: 'zh', 繁體中文: 'zh', 繁体中文: 'zh',
  english: 'en', 英文: 'en', 英语: 'en', 英語: 'en',
}

/**
 * The language a user's setting names (`--lang`, the config's `lang`): a tag as
 * {@link langOfTag} reads it, or a name people write for one (`cn`, `chinese`, `中文`). Not for
 * the locale, whose values are tags only.
 */
export function langOfSetting(value: string): Lang | undefined {
  const name = value.trim().toLowerCase()
  // Own keys only: `--lang constructor` is no language, not Object's constructor.
  return langOfTag(value) ?? (Object.hasOwn(langNames, name) ? langNames[name] : undefined)
}

/**
 * The language of the locale, as gettext looks it up: `LANGUAGE`, a list by preference
 * (`zh_CN:en`), when the locale is not plain C; else the first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that is set and not empty decides; Chinese when it starts with `zh` (`zh_CN.UTF-8`,
 * `zh_TW`), else English.
 */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '')
  if (env.LANGUAGE && locale !== undefined && locale !== 'C' && locale !== 'POSIX') {
    const preferred = env.LANGUAGE.split(':').map(langOfTag).find((lang) => lang !== undefined)
    if (preferred !== undefined) return preferred
  }
  return locale !== undefined && /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en'
}
