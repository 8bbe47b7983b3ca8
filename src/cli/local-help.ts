// Commander's help in the run's language: its section titles and the `(choices: …, default: …)`
// it appends to an option come from the catalogues; the descriptions are worded by the caller.
// Columns are measured as a terminal draws them (a Chinese character takes two), and Chinese
// text, which has no spaces, may break between any two characters.
import type { Argument, Help, Option } from 'commander'
import { formatMessage, type Lang } from '../i18n/catalogue.js'
import { displayWidth } from '../report/display-width.js'

/** Commander's `Help.minWidthToWrap`: narrower than this, descriptions stay on one line. */
const minWidthToWrap = 40
/** SGR escape sequences (colours), which take no columns. */
const sgrRe = /\x1b\[\d*(?:;\d*)*m/g
/**
 * The pieces a line may break between: a run of anything but spaces and wide characters, or
 * one wide character with the closing punctuation after it (a line never starts with `，`),
 * each with the spaces before it.
 */
const chunkRe = /\s*(?:[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][，。；：、）】」』”’！？\uff09]*)/gu

/** The titles commander passes to `styleTitle`, by catalogue id. */
const titleIds: Readonly<Record<string, string>> = {
  'Usage:': 'cli.title.usage',
  'Arguments:': 'cli.title.arguments',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Global Options:': 'cli.title.global-options',
}

/** What `configureHelp` takes to print help in `lang`. */
export function localHelp(lang: Lang): Partial<Help> {
  const say = (id: string, args?: Record<string, string>) => formatMessage(lang, id, args)
  return {
    displayWidth: (text: string) => displayWidth(text.replace(sgrRe, '')),
    boxWrap(text: string, width: number) {
      // Commander's own threshold: below it a description is not worth wrapping.
      if (width < minWidthToWrap) return text
      return text.split(/\r?\n/).map((line) => wrapLine(line, width)).join('\n')
    },
    styleTitle: (title: string) => (titleIds[title] === undefined ? title : say(titleIds[title])),
    optionDescription: (option: Option) => {
      // As commander shows them: the choices, and a default only where the user gives a value;
      // not the empty list a repeatable option starts from.
      const isEmptyList = Array.isArray(option.defaultValue) && option.defaultValue.length === 0
      const showsDefault = option.defaultValue !== undefined && !isEmptyList && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'))
      return withExtra(say, option.description, option.argChoices, showsDefault ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : undefined)
    },
    argumentDescription: (argument: Argument) => withExtra(say, argument.description, argument.argChoices, argument.defaultValue === undefined ? undefined : (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue))),
  }
}

function withExtra(say: (id: string, args?: Record<string, string>) => string, description: string, choices: readonly string[] | undefined, defaultValue: string | undefined): string {
  const info: string[] = []
  if (choices) info.push(say('cli.help.choices', { values: choices.map((c) => JSON.stringify(c)).join(', ') }))
  if (defaultValue !== undefined) info.push(say('cli.help.default', { value: defaultValue }))
  if (info.length === 0) return description
  const joined = info.join(say('cli.help.separator'))
  return description ? say('cli.help.described', { description, info: joined }) : say('cli.help.extra', { info: joined })
}

/** `line` broken into lines of at most `width` columns where it can be (a word longer than that stays whole). */
function wrapLine(line: string, width: number): string {
  const lines: string[] = []
  let current = ''
  let used = 0
  for (const [chunk] of line.matchAll(chunkRe)) {
    const w = displayWidth(chunk)
    if (current !== '' && used + w > width) {
      lines.push(current)
      current = chunk.trimStart()
      used = displayWidth(current)
    } else {
      current += chunk
      used += w
    }
  }
  lines.push(current)
  return lines.join('\n')
}
