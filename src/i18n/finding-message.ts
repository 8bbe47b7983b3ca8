// A finding's message in a run's language: from the catalogues, or from the rule file itself
// (a team's own rules). Here, beside the catalogues, so that the engine words findings without
// knowing rule kinds.
import { fillTemplate, formatMessage, hasMessage, type Lang, type MessageArgs } from './catalogue.js'

/** A rule file's own message: one template, or one per language (the other falls back to it). */
export type InlineMessage = string | Readonly<Partial<Record<Lang, string>>>

/** What wording a finding needs of its rule: the rule's message id, and its own message if any. */
export interface RuleWords {
  readonly messageId: string
  readonly message?: InlineMessage
}

/** The rule file's own template in `lang`: that language's, else the other's. */
function inlineTemplate(message: InlineMessage, lang: Lang): string | undefined {
  if (typeof message === 'string') return message
  return message[lang] ?? message.en ?? message.zh
}

/**
 * A finding's message in `lang`. A rule file's own message wins for the rule's own id (a team
 * writes it on purpose); a variant id, or a rule without one, comes from the catalogues.
 */
export function findingMessage(rule: RuleWords, lang: Lang, messageId: string, args: MessageArgs | undefined): string {
  const inline = rule.message !== undefined ? inlineTemplate(rule.message, lang) : undefined
  if (inline !== undefined && (messageId === rule.messageId || !hasMessage(messageId))) return fillTemplate(lang, inline, args)
  return formatMessage(lang, messageId, args)
}

/** True when a rule can be worded: its message id is in the catalogues, or it carries its own message. */
export function hasRuleMessage(rule: RuleWords): boolean {
  return rule.message !== undefined || hasMessage(rule.messageId)
}
