// The launcher's code cache (bin/code-cache.js): the bundle runs the same with or without it,
// and a rebuilt bundle never runs the code cached for the old one.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain JavaScript module of bin/, without types.
import { requireCached } from '../bin/code-cache.js'
import { makeTempDir } from './support/temp-dirs.js'

interface Loaded {
  readonly exports: { answer: () => string; here: string; sep: string }
  readonly keep: (isComplete?: boolean) => void
}
const load = requireCached as (file: string, cacheDir: string) => Loaded
/** Node 20 caches through vm.Script into main.cjs.v8; Node 22 and later cache by themselves. */
const usesVmCache = typeof (createRequire(import.meta.url)('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function'

function writeModule(file: string, answer: string, mtime: number): void {
  writeFileSync(file, `const { sep } = require('node:path')\nexports.answer = () => '${answer}'\nexports.here = __filename\nexports.sep = sep\n`)
  utimesSync(file, mtime, mtime)
}

describe('requireCached', () => {
  it('runs a CommonJS file as require would, with its own __filename and require', () => {
    const dir = makeTempDir('code-cache-')
    const file = join(dir, 'main.cjs')
    writeModule(file, 'first', 1_000_000)
    const { exports, keep } = load(file, join(dir, 'cache'))
    expect([exports.answer(), exports.here, exports.sep]).toEqual(['first', file, '/'])
    keep()
    if (usesVmCache) expect(existsSync(join(dir, 'cache', 'main.cjs.v8'))).toBe(true)
    expect(load(file, join(dir, 'cache')).exports.answer()).toBe('first')
  })

  it('reads a file of characters past ASCII as UTF-8, and the built bundle is ASCII (read as Latin-1)', () => {
    const dir = makeTempDir('code-cache-')
    const file = join(dir, 'main.cjs')
    writeModule(file, '党建 /[一-龥]/ 😀', 1_000_000)
    expect(load(file, join(dir, 'cache')).exports.answer()).toBe('党建 /[一-龥]/ 😀')
    const bundle = join(import.meta.dirname, '..', 'dist', 'bundle', 'main.cjs')
    if (existsSync(bundle)) expect(/[^\x00-\x7f]/.test(readFileSync(bundle, 'latin1'))).toBe(false)
  })

  it('ignores the cache of a bundle rebuilt since, even of the same length', () => {
    const dir = makeTempDir('code-cache-')
    const file = join(dir, 'main.cjs')
    writeModule(file, 'first', 1_000_000)
    const first = load(file, join(dir, 'cache'))
    // Called, so that its compiled code is in the cache.
    expect(first.exports.answer()).toBe('first')
    first.keep()
    writeModule(file, 'other', 2_000_000)
    expect(load(file, join(dir, 'cache')).exports.answer()).toBe('other')
  })

  it.runIf(usesVmCache)('replaces a partial cache (a first run of --help) with the first complete one, and a complete one never', () => {
    const dir = makeTempDir('code-cache-')
    const file = join(dir, 'main.cjs')
    const cacheFile = join(dir, 'cache', 'main.cjs.v8')
    writeModule(file, 'first', 1_000_000)
    const stampOf = () => readFileSync(cacheFile).subarray(0, 40).toString('latin1').split('\n')[0]
    const run = (isComplete: boolean) => {
      const loaded = load(file, join(dir, 'cache'))
      expect(loaded.exports.answer()).toBe('first')
      loaded.keep(isComplete)
    }
    run(false)
    expect(stampOf()).toMatch(/:partial$/)
    // Dated back, so that a rewrite would show whatever the clock's resolution.
    utimesSync(cacheFile, 3_000_000, 3_000_000)
    run(false)
    expect(statSync(cacheFile).mtimeMs).toBe(3_000_000_000)
    run(true)
    expect(stampOf()).toMatch(/:complete$/)
    const complete = readFileSync(cacheFile)
    run(false)
    run(true)
    expect(readFileSync(cacheFile).equals(complete)).toBe(true)
  })

  it('runs without a cache where none can be written (a read-only install)', () => {
    const dir = makeTempDir('code-cache-')
    const file = join(dir, 'main.cjs')
    writeModule(file, 'first', 1_000_000)
    // A file where the cache folder would be: no folder can be made there.
    writeFileSync(join(dir, 'cache'), '')
    const { exports, keep } = load(file, join(dir, 'cache'))
    expect(exports.answer()).toBe('first')
    expect(() => keep()).not.toThrow()
  })

  it('is not saved by a run that changed V8 flags, whose cache the next run would reject', async () => {
    const { tuneForLargeBatch, isCodeCacheable } = await import('../src/run/v8-flags.js')
    expect(isCodeCacheable()).toBe(true)
    tuneForLargeBatch()
    expect(isCodeCacheable()).toBe(false)
    // V8 really does reject it in the next process, which runs under the default flags.
    const dir = makeTempDir('code-cache-')
    const script = (withFlag: boolean) => `
      const vm = require('node:vm'), fs = require('node:fs'), file = ${JSON.stringify(join(dir, 'cache.bin'))}
      const cachedData = fs.existsSync(file) ? fs.readFileSync(file) : undefined
      const script = new vm.Script('exports.x = () => 1', { cachedData })
      if (${withFlag}) require('node:v8').setFlagsFromString('--heap-growing-percent=10')
      if (!cachedData) fs.writeFileSync(file, script.createCachedData())
      process.stdout.write(String(script.cachedDataRejected))`
    const run = (withFlag: boolean) => spawnSync(process.execPath, ['-e', script(withFlag)], { encoding: 'utf8' }).stdout
    expect(run(true)).toBe('undefined')
    expect(run(false)).toBe('true')
  })
})
