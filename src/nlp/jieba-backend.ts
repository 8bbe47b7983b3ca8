// The default tokenizer backend: @node-rs/jieba (jieba-rs, prebuilt for each platform).
import { localText } from '../i18n/catalogue.js'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigError } from '../core/errors.js'

const require = createRequire(import.meta.url)

/**
 * Loads @node-rs/jieba with its default dictionary and returns its tagger (HMM on, so unknown
 * names are grouped into words). Reads `dict.txt` directly: the package's `dict` module also
 * reads the 6 MB IDF table, which tagging does not use.
 */
export function loadJieba(): (text: string) => { word: string; tag: string }[] {
  let mod: typeof import('@node-rs/jieba')
  try {
    mod = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  } catch (error) {
    throw new ConfigError(localText('error.tokenizer-load', { name: 'jieba', reason: (error as Error).message.split('\n')[0] ?? '' }), { keyPath: 'tokenizer' }, localText('error.jieba-load.hint'))
  }
  const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'))
  const jieba = mod.Jieba.withDict(dict)
  return (text) => jieba.tag(text, true)
}
