// Which language the locale asks for; `--lang` and the config's `lang` come first (config/resolve.ts).
import { langs, type Lang } from './catalogue.js'

/** True for a language the catalogues hold. */
export function isLang(value: string): value is Lang {
  return (langs as readonly string[]).includes(value)
}

/**
 * The language of the locale, as POSIX looks it up: the first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that is set and not empty decides; Chinese when it starts with `zh` (`zh_CN.UTF-8`,
 * `zh_TW`), else English.
 */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '')
  return locale !== undefined && /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en'
}
