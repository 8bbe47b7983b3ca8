// A finding's message in a run's language: from the catalogues, or from the rule file itself
// (a team's own rules). Here, beside the catalogues, so that the engine words findings without
// knowing rule kinds.
import { fillParts, hasMessage, messageTemplate, templateParts, type Lang, type MessageArgs } from './catalogue.js'

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

/** A finding's template split into parts; `one` when the template for a count of 1 (English plurals) differs. */
interface ResolvedTemplate {
  readonly parts: readonly string[]
  readonly one?: readonly string[]
}

/**
 * Templates by language, rule and message id, resolved once: looking into the rule's own
 * message and the catalogues, through rule definitions and arguments of many shapes, took
 * more time per finding than filling the template in.
 */
const resolved: Readonly<Record<Lang, WeakMap<RuleWords, Map<string, ResolvedTemplate>>>> = { zh: new WeakMap(), en: new WeakMap() }

/**
 * A finding's message in `lang`. A rule file's own message wins for the rule's own id (a team
 * writes it on purpose); a variant id, or a rule without one, comes from the catalogues.
 */
export function findingMessage(rule: RuleWords, lang: Lang, messageId: string, args: MessageArgs | undefined): string {
  let byId = resolved[lang].get(rule)
  if (byId === undefined) resolved[lang].set(rule, (byId = new Map()))
  let template = byId.get(messageId)
  if (template === undefined) byId.set(messageId, (template = resolveTemplate(rule, lang, messageId)))
  return fillParts(lang, template.one !== undefined && args?.count === 1 ? template.one : template.parts, args)
}

function resolveTemplate(rule: RuleWords, lang: Lang, messageId: string): ResolvedTemplate {
  const inline = rule.message !== undefined ? inlineTemplate(rule.message, lang) : undefined
  if (inline !== undefined && (messageId === rule.messageId || !hasMessage(messageId))) return { parts: templateParts(inline) }
  const parts = templateParts(messageTemplate(lang, messageId))
  const one = templateParts(messageTemplate(lang, messageId, { count: 1 }))
  return one === parts ? { parts } : { parts, one }
}

/** True when a rule can be worded: its message id is in the catalogues, or it carries its own message. */
export function hasRuleMessage(rule: RuleWords): boolean {
  return rule.message !== undefined || hasMessage(rule.messageId)
}
