// The tokenizer seam: word segmentation with part-of-speech tags behind one interface. The
// backend (@node-rs/jieba by default, nodejieba on request) loads on first use only.
import { localText } from '../i18n/catalogue.js'
import { ConfigError } from '../core/errors.js'
import { loadJieba } from './jieba-backend.js'
import { isNodejiebaInstalled, loadNodejieba } from './nodejieba-backend.js'

/** The backends a run may choose (`--tokenizer`, config `tokenizer`). */
export const tokenizerNames = ['jieba', 'nodejieba'] as const
/** A backend's name: `jieba` is @node-rs/jieba. */
export type TokenizerName = (typeof tokenizerNames)[number]

/** The default backend: @node-rs/jieba, prebuilt, no compiler needed. */
export const defaultTokenizer: TokenizerName = 'jieba'

/** One word of a segmented text, with its jieba part-of-speech tag (`n`, `nr`, `ns`, `nt`, `v`, `x`, ...). */
export interface Token {
  readonly word: string
  readonly tag: string
  /** [start, end) in UTF-16 code units of the text given to {@link Tokenizer.tag}. */
  readonly start: number
  readonly end: number
}

/** Segments Chinese text. The dictionary loads on the first call of `tag`. */
export interface Tokenizer {
  readonly name: TokenizerName
  /** Words with tags and offsets; the words cover `text` in order. */
  tag(text: string): Token[]
  /** True once the backend and its dictionary have been loaded. */
  readonly isLoaded: boolean
}

/** A backend: loads its native module and dictionary (slow), returns the tagging function. */
export type BackendLoader = () => (text: string) => readonly { word: string; tag: string }[]

const backends: Readonly<Record<TokenizerName, BackendLoader>> = { jieba: loadJieba, nodejieba: loadNodejieba }

/** Checks a tokenizer name from the command line or config. */
export function parseTokenizerName(name: string, keyPath = 'tokenizer'): TokenizerName {
  if ((tokenizerNames as readonly string[]).includes(name)) return name as TokenizerName
  throw new ConfigError(localText('error.unknown-tokenizer', { name }), { keyPath }, localText('hint.one-of', { names: [...tokenizerNames] }))
}

/**
 * Checks that a backend can be loaded, without loading its dictionary, so that a missing
 * optional package is one clear error before the run rather than a failure inside a rule.
 */
export function assertTokenizerInstalled(name: TokenizerName): void {
  if (name === 'nodejieba' && !isNodejiebaInstalled()) {
    throw new ConfigError(localText('error.nodejieba-missing'), { keyPath: 'tokenizer' }, localText('error.nodejieba-missing.hint'))
  }
}

const cache = new Map<TokenizerName, Tokenizer>()

/**
 * The shared tokenizer of a backend. Getting it costs nothing: the native module and its
 * dictionary load on the first `tag` call, so a run whose rules never tag never pays for them.
 */
export function getTokenizer(name: TokenizerName = defaultTokenizer): Tokenizer {
  let tokenizer = cache.get(name)
  if (!tokenizer) {
    tokenizer = new LazyTokenizer(name, backends[name])
    cache.set(name, tokenizer)
  }
  return tokenizer
}

class LazyTokenizer implements Tokenizer {
  private tagRaw: ReturnType<BackendLoader> | undefined

  constructor(
    readonly name: TokenizerName,
    private readonly load: BackendLoader,
  ) {}

  get isLoaded(): boolean {
    return this.tagRaw !== undefined
  }

  tag(text: string): Token[] {
    this.tagRaw ??= this.load()
    const tokens: Token[] = []
    let at = 0
    for (const { word, tag } of this.tagRaw(text)) {
      // Both backends return every character in order; searching forward keeps offsets right
      // even if a backend were to drop a character (it then leaves a gap, never a shift).
      const start = text.startsWith(word, at) ? at : text.indexOf(word, at)
      if (start < 0 || word.length === 0) continue
      tokens.push({ word, tag, start, end: start + word.length })
      at = start + word.length
    }
    return tokens
  }
}
