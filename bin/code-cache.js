// Loads the bundled CLI (one CommonJS file) with V8's compiled code kept between runs, so a
// run on one small file does not parse and compile the same code again: about 20 ms of CPU.
//
// Node 22 and later do it themselves (module.enableCompileCache). On Node 20 the file is
// compiled here as Node would, with vm.Script, from and into dist/.cache/. V8 rejects a
// cache made by another V8 or with other flags, but knows the source only by its length: the
// cache therefore starts with the size and mtime of the file it was made from, and is
// ignored for any other. The script has no import() (scripts/bundle.mjs sees to it), which a
// script compiled so could not run. Caching is best effort: a read-only install runs without.
//
// The cache holds the functions compiled by the end of the run that made it. A first run of
// `--help` or `rules` audits nothing, so its cache lacks the rules' code, which every later
// check would compile again: such a cache is marked partial, and the first run that audits
// replaces it.
'use strict'
const { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs')
const { createRequire, enableCompileCache, wrap } = require('node:module')
const { dirname, join } = require('node:path')
const { isAscii } = require('node:buffer')

/**
 * Requires the CommonJS `file` with a code cache in `cacheDir`. Returns its exports and
 * `keep(isComplete)`, to call once the run is done: it saves the code compiled by then (the
 * functions the run called included) when no valid cache was found, or when the one found is
 * partial and this run is complete (it ran the code most runs need: `isComplete`).
 */
function requireCached(file, cacheDir) {
  if (typeof enableCompileCache === 'function') {
    enableCompileCache(cacheDir)
    return { exports: require(file), keep: () => {} }
  }
  const vm = require('node:vm')
  const cacheFile = join(cacheDir, 'main.cjs.v8')
  const info = statSync(file)
  const stampOf = (kind) => Buffer.from(`${info.size}:${info.mtimeMs}:${kind}\n`)
  const cached = readCache(cacheFile, { complete: stampOf('complete'), partial: stampOf('partial') })
  const script = new vm.Script(wrap(sourceOf(file)), { filename: file, cachedData: cached?.data })
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
  const found = cached === undefined || script.cachedDataRejected ? 'none' : cached.kind
  const keep = (isComplete) => {
    if (found === 'complete' || (found === 'partial' && !isComplete)) return
    writeCache(cacheFile, stampOf(isComplete ? 'complete' : 'partial'), () => script.createCachedData())
  }
  return { exports: module.exports, keep }
}

/**
 * The text of the script at `file`. The build writes the bundle in ASCII: read as Latin-1 it is
 * a copy of its bytes into a one-byte string, where UTF-8 decoding of its 1.3 MB cost ~30 M
 * instructions a run and made a two-byte string twice the size. Any other file is UTF-8.
 */
function sourceOf(file) {
  const bytes = readFileSync(file)
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
}

/** The cached code after the stamp it begins with, and that stamp's kind (a key of `stamps`); undefined when none matches. */
function readCache(cacheFile, stamps) {
  let bytes
  try {
    bytes = readFileSync(cacheFile)
  } catch {
    return undefined
  }
  for (const [kind, stamp] of Object.entries(stamps)) if (bytes.subarray(0, stamp.length).equals(stamp)) return { data: bytes.subarray(stamp.length), kind }
  return undefined
}

/** Writes the stamp and the code `makeData` serializes; the folder's writability is tried first, as serializing costs. */
function writeCache(cacheFile, stamp, makeData) {
  const temp = `${cacheFile}.${process.pid}.tmp`
  let fd
  try {
    mkdirSync(dirname(cacheFile), { recursive: true })
    fd = openSync(temp, 'w')
  } catch {
    return // Not writable (a global install): each run compiles anew.
  }
  try {
    writeFileSync(fd, Buffer.concat([stamp, makeData()]))
    closeSync(fd)
    fd = undefined
    renameSync(temp, cacheFile)
  } catch {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
  }
}

module.exports = { requireCached }
