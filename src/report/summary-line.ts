// The one-line summary of a run, in the run's language: what stylish prints last (coloured)
// and what the github reporter posts as its closing notice.
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import type { Summary } from './types.js'

/** The summary sentence (`✖ 3 problems (1 error, 2 warnings) in 2 files`), and whether the run found errors. */
export function summaryLine(s: Summary, lang: Lang): { readonly text: string; readonly isClean: boolean; readonly hasErrors: boolean } {
  const say = (id: string, args: Readonly<Record<string, string | number>>) => formatMessage(lang, id, args)
  const files = say('tally.files', { count: s.files })
  if (s.findings === 0 && s.unreadable === 0 && s.pathErrors === 0) return { text: say('summary.clean', { files }), isClean: true, hasErrors: false }
  const counts = [say('tally.errors', { count: s.errors }), say('tally.warnings', { count: s.warnings })]
  if (s.infos) counts.push(say('tally.infos', { count: s.infos }))
  const parts = [say('summary.problems', { problems: say('tally.problems', { count: s.findings }), counts: counts.join(formatMessage(lang, 'list.separator')), files })]
  if (s.unreadable) parts.push(say('summary.unreadable', { count: s.unreadable }))
  if (s.pathErrors) parts.push(say('summary.path-errors', { count: s.pathErrors }))
  return { text: parts.join(formatMessage(lang, 'clause.separator')), isClean: false, hasErrors: s.errors > 0 || s.unreadable > 0 || s.pathErrors > 0 }
}
