// Keeps the validated built-in rules in a JSON cache, so a run on one small file parses no
// YAML and loads no schema library. Any change to a rule file or a new build invalidates it.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinRulesDir, listRuleFiles, loadRuleDir } from './loader.js'
import { cacheDir, writeCacheFile } from './build-cache.js'
import type { RuleDef } from './types.js'

/** Where the cache lives: beside the compiled code, which a new build rewrites. */
const cacheFile = join(cacheDir, 'builtin-rules.json')

interface CacheContent {
  readonly stamp: string
  readonly defs: RuleDef[]
}

/** The built-in rules, validated: from the cache when every rule file is as it was, else loaded anew. */
export function loadBuiltinRules(dir: string = builtinRulesDir): RuleDef[] {
  const stamp = stampOf(dir)
  const cached = readCache()
  if (cached?.stamp === stamp) return cached.defs
  const defs = loadRuleDir(dir)
  writeCache({ stamp, defs })
  return defs
}

/** Size and mtime of every rule file and of this compiled module (a new build changes it). */
function stampOf(dir: string): string {
  const self = statSync(fileURLToPath(import.meta.url))
  const parts = [`${dir}@${self.mtimeMs}`]
  for (const file of listRuleFiles(dir)) {
    const info = statSync(join(dir, file))
    parts.push(`${file}:${info.size}:${info.mtimeMs}`)
  }
  return parts.join('|')
}

function readCache(): CacheContent | undefined {
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheContent
  } catch {
    return undefined
  }
}

/** Best effort: a read-only install (a global one) validates the rules on each run instead. */
function writeCache(content: CacheContent): void {
  writeCacheFile(cacheFile, content)
}
