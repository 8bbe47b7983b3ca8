// The `--lang` option and the locale: which language the command line speaks before any config is read.
import { langOfSetting, localeLang } from '../i18n/lang.js'
import { localText, langs, type Lang } from '../i18n/catalogue.js'
import { UsageError } from '../core/errors.js'

/** `--lang zh|en`, checked; a locale or language tag of either (`zh-CN`, `zh_CN`, `zh-Hans`, `ZH`, `en-US`) or its name (`cn`, `中文`) is read as it. */
export function parseLangOption(raw: string | undefined): Lang | undefined {
  if (raw === undefined) return undefined
  const lang = langOfSetting(raw)
  if (lang === undefined) throw new UsageError(localText('error.unknown-lang', { lang: raw }), {}, localText('hint.one-of', { names: [...langs] }))
  return lang
}

/** The language of this process's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). */
export function processLocaleLang(): Lang {
  return localeLang(process.env)
}

/**
 * The language for what is printed before a command has parsed its options (help, usage
 * errors): a valid `--lang` anywhere in `argv`, else the locale's.
 */
export function argvLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined
    const lang = value === undefined ? undefined : langOfSetting(value)
    if (lang !== undefined) return lang
  }
  return processLocaleLang()
}
