#!/usr/bin/env node
// Benchmark of the redaction audit (issue 3): the tokenizer's load time, the throughput of
// `check --profile redacted` on one thread, and the installed size with the gazetteer.
// Run `npm run build` first. Targets: load <= 400 ms, >= 3 MB/s, installed <= 40 MB.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpusDir = join(root, 'bench', '.corpus-leak')
const corpusBytes = 20 * 1024 * 1024
const fileBytes = 10 * 1024
const runs = 3

function main() {
  if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
    console.error('bench/leak.mjs: dist/ is missing; run `npm run build` first')
    process.exit(2)
  }
  const corpus = ensureCorpus()
  const tokenizers = ['jieba', ...(isInstalled('nodejieba') ? ['nodejieba'] : [])]
  const rows = []
  for (const name of tokenizers) rows.push([`tokenizer load, ${name} (median of ${runs})`, `${median(times(runs, () => tokenizerLoadMs(name))).toFixed(0)} ms`, name === 'jieba' ? '<= 400 ms' : ''])
  rows.push([`gazetteer load, units + villages (median of ${runs})`, `${median(times(runs, gazetteerLoadMs)).toFixed(0)} ms`, ''])
  for (const name of tokenizers) {
    const seconds = median(times(runs, () => checkSeconds(name)))
    rows.push([`check --profile redacted, ${name}, 1 thread`, `${(corpus.bytes / 1e6 / seconds).toFixed(2)} MB/s (${seconds.toFixed(2)} s)`, name === 'jieba' ? '>= 3 MB/s' : ''])
  }
  const size = installedSize()
  rows.push(['package: dist + rules (gazetteer ' + mb(size.gazetteer) + ')', mb(size.own), ''])
  rows.push(['installed: package + production dependencies', mb(size.own + size.dependencies), '<= 40 MB'])
  console.log(`corpus: ${relative(process.cwd(), corpusDir)}, ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB`)
  const width = Math.max(...rows.map((r) => r[0].length))
  for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padEnd(24)}${target ? `target ${target}` : ''}`)
}

/** Report-like files made from the fixtures, lines shuffled per file so no two files are alike. */
function ensureCorpus() {
  const marker = join(corpusDir, '.complete')
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'))
  rmSync(corpusDir, { recursive: true, force: true })
  mkdirSync(corpusDir, { recursive: true })
  const lines = []
  for (const dir of ['fixtures/draft', 'fixtures/redacted']) {
    for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.txt'))) lines.push(...readFileSync(join(root, dir, name), 'utf8').split('\n').filter((l) => l.trim()))
  }
  let random = 12345
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  let bytes = 0
  let files = 0
  while (bytes < corpusBytes) {
    let text = ''
    while (Buffer.byteLength(text) < fileBytes) text += lines[Math.floor(next() * lines.length)] + '\n'
    const sub = join(corpusDir, String(files % 20).padStart(2, '0'))
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `report-${String(files).padStart(5, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
    files++
  }
  const info = { files, bytes }
  writeFileSync(marker, JSON.stringify(info))
  return info
}

function tokenizerLoadMs(name) {
  return Number(node(`const { getTokenizer } = await import('./dist/nlp/tokenizer.js'); const t = performance.now(); getTokenizer('${name}').tag('测试'); console.log(performance.now() - t)`))
}

function gazetteerLoadMs() {
  return Number(node(`const t = performance.now(); const { getGazetteer } = await import('./dist/nlp/gazetteer.js'); getGazetteer().villageNamesEndingAt('外西河村', 4, 3, () => true); console.log(performance.now() - t)`))
}

function checkSeconds(tokenizer) {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['bin/mask-audit.js', 'check', '--profile', 'redacted', '--format', 'json', '--no-gitignore', '--tokenizer', tokenizer, corpusDir], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
  if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e9
}

/** The package's own files (as npm would pack them) and its production dependencies, unpacked. */
function installedSize() {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0]
  const gazetteer = packed.files.filter((f) => f.path.includes('gazetteer')).reduce((n, f) => n + f.size, 0)
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').slice(1)
  // Optional platform packages (@node-rs/jieba-*) count only when installed, as on this machine.
  const dependencies = paths.filter((p) => existsSync(p)).reduce((n, p) => n + dirSize(p, true), 0)
  return { own: packed.unpackedSize, gazetteer, dependencies }
}

/** Bytes under `dir`, leaving out nested node_modules (counted as packages of their own). */
function dirSize(dir, isTop) {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' && isTop) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += dirSize(path, false)
    else if (entry.isFile()) total += statSync(path).size
  }
  return total
}

function isInstalled(pkg) {
  return node(`import { createRequire } from 'node:module'; try { createRequire(import.meta.url).resolve('${pkg}'); console.log('yes') } catch { console.log('no') }`) === 'yes'
}

function node(source) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: root, encoding: 'utf8' }).trim()
}

function times(n, fn) {
  return Array.from({ length: n }, fn)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

main()
