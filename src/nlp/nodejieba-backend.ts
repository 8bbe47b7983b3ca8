// The alternative tokenizer backend: nodejieba (cppjieba), an optional native package.
import { localText } from '../i18n/catalogue.js'
import { createRequire } from 'node:module'
import { ConfigError } from '../core/errors.js'

const require = createRequire(import.meta.url)

interface Nodejieba {
  load(options?: Record<string, string>): void
  tag(sentence: string): { word: string; tag: string }[]
}

/** True when nodejieba can be found (it is not loaded: that costs its dictionary). */
export function isNodejiebaInstalled(): boolean {
  try {
    require.resolve('nodejieba')
    return true
  } catch {
    return false
  }
}

/**
 * Loads nodejieba, when installed, with its default dictionaries. It is not a dependency of
 * mask-audit: it compiles C++ on install, which not every machine can do.
 */
export function loadNodejieba(): (text: string) => { word: string; tag: string }[] {
  let mod: Nodejieba
  try {
    mod = require('nodejieba') as Nodejieba
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'MODULE_NOT_FOUND' ? 'it is not installed' : (error as Error).message.split('\n')[0]
    throw new ConfigError(localText('error.tokenizer-load', { name: 'nodejieba', reason: reason ?? '' }), { keyPath: 'tokenizer' }, localText('error.nodejieba-missing.hint'))
  }
  mod.load()
  return (text) => mod.tag(text)
}
