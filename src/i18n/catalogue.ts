// The message catalogues, one per language, as data (en.json, zh.json), and how a message
// id and its arguments become text. A leaf module: it imports nothing of the project.
import en from './en.json' with { type: 'json' }
import zh from './zh.json' with { type: 'json' }

/** The languages of the catalogues. */
export const langs = ['zh', 'en'] as const
export type Lang = (typeof langs)[number]

/** A message's argument: text, a number, a list of texts or messages (joined as the language joins lists), a message of its own, or a text another library worded in each language. */
export type MessageArg = string | number | readonly (string | LocalText)[] | LocalText | Worded

/** A text worded outside the catalogues (a schema library's message), in each language. */
export interface Worded {
  readonly worded: Readonly<Record<Lang, string>>
}
/** The values of a message's `{name}` placeholders. */
export type MessageArgs = Readonly<Record<string, MessageArg>>

/** A message not yet put into words: its catalogue id and arguments. Plain data, so it crosses threads. */
export interface LocalText {
  readonly id: string
  readonly args?: MessageArgs
}

/** Every catalogue, by language; both hold the same ids (tests/i18n.test.ts checks it). */
export const catalogues: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, zh }

/** A {@link LocalText}: `localText('error.cannot-read', { reason })`. */
export function localText(id: string, args?: MessageArgs): LocalText {
  return args === undefined ? { id } : { id, args }
}

/** True when the catalogues hold `id`. */
export function hasMessage(id: string): boolean {
  return id in catalogues.en
}

/**
 * The template of `id` in `lang`: its `.one` variant when `count` is 1 (English plurals),
 * else the id itself, else undefined.
 */
function templateOf(lang: Lang, id: string, args: MessageArgs | undefined): string | undefined {
  const catalogue = catalogues[lang]
  if (args?.count === 1) {
    const one = catalogue[`${id}.one`]
    if (one !== undefined) return one
  }
  return catalogue[id]
}

/** Templates split once into text and placeholder names (odd indices): findings come by the hundred thousand. */
const partsCache = new Map<string, readonly string[]>()

/** `template` split into text and placeholder names (odd indices), once per template. */
export function templateParts(template: string): readonly string[] {
  let parts = partsCache.get(template)
  if (parts === undefined) partsCache.set(template, (parts = template.split(/\{(\w+)\}/)))
  return parts
}

/** Fills `{name}` placeholders of `template`; unknown names are left as written. */
export function fillTemplate(lang: Lang, template: string, args: MessageArgs = {}): string {
  return fillParts(lang, templateParts(template), args)
}

/** Fills the placeholders of a template split by {@link templateParts}. */
export function fillParts(lang: Lang, parts: readonly string[], args: MessageArgs = {}): string {
  if (parts.length === 1) return parts[0]!
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const value = args[parts[i]!]
    out += (value === undefined ? `{${parts[i]}}` : argText(lang, value)) + parts[i + 1]!
  }
  return out
}

function argText(lang: Lang, value: MessageArg): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((v: string | LocalText) => argText(lang, v)).join(catalogues[lang]['list.separator'])
  if ('worded' in (value as object)) return (value as Worded).worded[lang]
  return formatText(lang, value as LocalText)
}

/** Puts `id` with `args` into words in `lang`; `fallback` (a template) when the catalogues lack the id. */
export function formatMessage(lang: Lang, id: string, args?: MessageArgs, fallback?: string): string {
  return fillTemplate(lang, messageTemplate(lang, id, args, fallback), args)
}

/** The template {@link formatMessage} fills: `lang`'s, else `fallback`, else English, else the id itself. */
export function messageTemplate(lang: Lang, id: string, args?: MessageArgs, fallback?: string): string {
  return templateOf(lang, id, args) ?? fallback ?? templateOf('en', id, args) ?? id
}

/** Puts a {@link LocalText} into words in `lang`. */
export function formatText(lang: Lang, text: LocalText): string {
  return formatMessage(lang, text.id, text.args)
}

/** The same text in words, or a plain string as it is: for values that may be either. */
export function textIn(lang: Lang, text: string | LocalText): string {
  return typeof text === 'string' ? text : formatText(lang, text)
}
