// The words of the `html` report in each language (headings, totals, filters, categories),
// gathered from the message catalogues.
import { formatMessage, type Lang } from '../i18n/catalogue.js'

/** Every label the html report shows. */
export interface HtmlLabels {
  readonly title: string
  readonly version: string
  readonly generated: string
  readonly profile: string
  /** The profile when the command line names none. */
  readonly profileDefault: string
  readonly paths: string
  readonly findings: string
  readonly shown: string
  readonly overview: string
  readonly byCategory: string
  readonly byRule: string
  readonly topFiles: string
  readonly filter: string
  readonly category: string
  readonly rule: string
  readonly file: string
  readonly severityName: string
  readonly all: string
  readonly none: string
  readonly unreadable: string
  readonly delete: string
  readonly totals: Readonly<Record<'files' | 'findings' | 'errors' | 'warnings' | 'info' | 'unreadable', string>>
  readonly severity: Readonly<Record<'error' | 'warning' | 'info', string>>
  readonly categories: Readonly<Record<string, string>>
}

const scalarKeys = ['title', 'version', 'generated', 'profile', 'profileDefault', 'paths', 'findings', 'shown', 'overview', 'byCategory', 'byRule', 'topFiles', 'filter', 'category', 'rule', 'file', 'severityName', 'all', 'none', 'unreadable', 'delete'] as const
const totalKeys = ['files', 'findings', 'errors', 'warnings', 'info', 'unreadable'] as const
const severityKeys = ['error', 'warning', 'info'] as const
const categoryKeys = ['count', 'placeholder', 'paywall', 'typo', 'leak', 'internal'] as const

const group = <K extends string>(prefix: string, keys: readonly K[], lang: Lang) => Object.fromEntries(keys.map((k) => [k, formatMessage(lang, `${prefix}.${k}`)])) as Record<K, string>

/** The labels of `lang`, from its message catalogue (ids `html.*`). */
export function htmlLabelsFor(lang: Lang): HtmlLabels {
  return {
    ...group('html', scalarKeys, lang),
    totals: group('html.totals', totalKeys, lang),
    severity: group('html.severity', severityKeys, lang),
    categories: group('html.categories', categoryKeys, lang),
  }
}
