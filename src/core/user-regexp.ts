// Regular expressions from users (a `--rules` file, a config's `allow` list) run on RE2JS, a
// linear-time engine: a pattern such as `(a+)+$` cannot make a run hang on a long line, as it
// would on V8's backtracking engine. The built-in rules, reviewed here, keep V8's RegExp.
import { createRequire } from 'node:module'
import type { RE2JS as RE2JSType } from 're2js'
import { localText, type LocalText } from '../i18n/catalogue.js'

/** The part of RegExp the rule kinds use: `exec` in a loop with `lastIndex` (`g`), and `test`. */
export interface TextRegExp {
  lastIndex: number
  exec(text: string): RegExpExecArray | null
  test(text: string): boolean
}

const require = createRequire(import.meta.url)
/** Loaded only when a user pattern is compiled: the built-in rules never need it. */
const re2js = () => (require('re2js') as typeof import('re2js')).RE2JS

/**
 * Compiles `source` with RegExp `flags` (`g`, `i`, `m`, `s`, `u`): on V8 when `isTrusted`,
 * else on RE2JS. Throws SyntaxError when the pattern is not valid on the engine it runs on.
 */
export function compileRegExp(source: string, flags: string, isTrusted: boolean): TextRegExp {
  if (isTrusted) return new RegExp(source, flags)
  return new LinearRegExp(source, flags)
}

/** Why `source` cannot be a user pattern, or undefined when it can. */
export function whyNotLinear(source: string, flags: string): LocalText | undefined {
  try {
    new LinearRegExp(source, flags)
    return undefined
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error)
    return localText('error.pattern-not-linear', { detail })
  }
}

/** A RegExp look-alike over RE2JS; offsets are UTF-16 code units, as RegExp gives them. */
class LinearRegExp implements TextRegExp {
  lastIndex = 0
  private readonly re: RE2JSType
  private readonly isGlobal: boolean
  private readonly groupNames: readonly string[]
  /** The matcher of the last text: rules call exec on one text many times in a row. */
  private matcher: { readonly text: string; readonly m: ReturnType<RE2JSType['matcher']> } | undefined

  constructor(source: string, flags: string) {
    const R = re2js()
    const bits = (flags.includes('i') ? R.CASE_INSENSITIVE : 0) | (flags.includes('s') ? R.DOTALL : 0) | (flags.includes('m') ? R.MULTILINE : 0)
    this.re = R.compile(source, bits)
    this.isGlobal = flags.includes('g') || flags.includes('y')
    this.groupNames = Object.keys(this.re.namedGroups())
  }

  exec(text: string): RegExpExecArray | null {
    const from = this.isGlobal ? this.lastIndex : 0
    if (from > text.length) {
      this.lastIndex = 0
      return null
    }
    if (this.matcher?.text !== text) this.matcher = { text, m: this.re.matcher(text) }
    const m = this.matcher.m
    if (!m.find(from)) {
      this.lastIndex = 0
      return null
    }
    const groups: (string | undefined)[] = []
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined)
    const result = Object.assign(groups, { index: m.start(), input: text, groups: this.namedGroups(m) }) as unknown as RegExpExecArray
    if (this.isGlobal) this.lastIndex = m.end()
    return result
  }

  test(text: string): boolean {
    return this.exec(text) !== null
  }

  private namedGroups(m: ReturnType<RE2JSType['matcher']>): Record<string, string> | undefined {
    if (this.groupNames.length === 0) return undefined
    const out: Record<string, string> = {}
    for (const name of this.groupNames) {
      const value = m.group(name)
      if (value !== null) out[name] = value
    }
    return out
  }
}
