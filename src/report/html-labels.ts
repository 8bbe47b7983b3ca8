// The words of the `html` report in each language: headings, totals, filters, categories.

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

const zh: HtmlLabels = {
  title: 'mask-audit 检查报告',
  version: '版本',
  generated: '生成时间',
  profile: '检查模式',
  profileDefault: 'draft（默认；配置文件可另行指定）',
  paths: '检查范围',
  findings: '问题',
  shown: '显示',
  overview: '概览',
  byCategory: '按类别',
  byRule: '按规则',
  topFiles: '问题最多的文件',
  filter: '筛选',
  category: '类别',
  rule: '规则',
  file: '文件',
  severityName: '级别',
  all: '全部',
  none: '没有发现问题',
  unreadable: '无法读取',
  delete: '删除',
  totals: { files: '文件', findings: '问题', errors: '错误', warnings: '警告', info: '提示', unreadable: '无法读取' },
  severity: { error: '错误', warning: '警告', info: '提示' },
  categories: { count: '数字未填', placeholder: '占位符未替换', paywall: '网页残留', typo: '笔误', leak: '泄露', internal: '内部错误' },
}

const en: HtmlLabels = {
  title: 'mask-audit report',
  version: 'Version',
  generated: 'Generated',
  profile: 'Profile',
  profileDefault: 'draft (default, unless a config file sets one)',
  paths: 'Paths',
  findings: 'Findings',
  shown: 'shown',
  overview: 'Overview',
  byCategory: 'By category',
  byRule: 'By rule',
  topFiles: 'Files with most findings',
  filter: 'Filter',
  category: 'Category',
  rule: 'Rule',
  file: 'File',
  severityName: 'Severity',
  all: 'all',
  none: 'no findings',
  unreadable: 'cannot read',
  delete: 'delete',
  totals: { files: 'files', findings: 'findings', errors: 'errors', warnings: 'warnings', info: 'info', unreadable: 'unreadable' },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  categories: { count: 'count', placeholder: 'placeholder', paywall: 'paywall', typo: 'typo', leak: 'leak', internal: 'internal' },
}

/** The labels of `lang`. */
export function htmlLabelsFor(lang: 'zh' | 'en'): HtmlLabels {
  return lang === 'zh' ? zh : en
}
