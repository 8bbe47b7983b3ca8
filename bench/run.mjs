// `npm run bench`: throughput of `check --format json` on a generated corpus with one and
// with two worker threads, with the leak rules off (issue 2's rules) and with every rule,
// the wall time of one run on one small file, and the same corpus searched by ripgrep with
// an equivalent regex set for comparison.
// Run after `npm run build` (npm install does it). Options: --files N --kb N --runs N.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureCorpus } from './corpus.mjs'
import { hasCommand, measure, measureConcurrently, bestOf } from './measure.mjs'
import { repeatedWordPattern, ripgrepPatterns } from './ripgrep-patterns.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'mask-audit.js')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const files = option('files', 2000)
const kb = option('kb', 25)
const runs = option('runs', 3)

if (!existsSync(join(root, 'dist', 'bundle', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first')
  process.exit(2)
}

const corpus = join(root, 'bench', '.corpus', 'main')
const totalBytes = ensureCorpus({ dir: corpus, fixturesDir: join(root, 'fixtures'), files, bytesPerFile: kb * 1024 })
const mb = totalBytes / 1e6
const rows = []
const row = (what, r, extra = '') => rows.push([what, `${r.seconds.toFixed(3)} s`, r.medianSeconds !== undefined ? `median ${r.medianSeconds.toFixed(3)} s` : '-', r.cpuSeconds !== undefined ? `cpu ${r.cpuSeconds.toFixed(2)} s` : '-', r.peakMB ? `${r.peakMB.toFixed(0)} MB` : '-', extra])

console.log(`corpus: ${files} files, ${mb.toFixed(1)} MB (bench/.corpus/main); times are the best of ${runs} runs (of 5 for single files), the median beside`)
assertAudited(corpus, files)
const rate = (r) => `${(mb / r.seconds).toFixed(1)} MB/s`

// Issue 2's rules: every category but leak. The corpus is made of masked reports, so a plain
// draft run also runs the leak rules on every file (issue 3); those rows come after.
const leakOff = leakRuleIds().flatMap((id) => ['--rule', `${id}=off`])
const draft = {}
for (const jobs of [1, 2]) {
  draft[jobs] = bestOf(runs, () => measure(process.execPath, [bin, 'check', '--format', 'json', '--jobs', String(jobs), ...leakOff, corpus]))
  row(`check --format json --jobs ${jobs}, leak rules off`, draft[jobs], rate(draft[jobs]))
}

const small = join(root, 'fixtures', 'draft', 'seed-000-team-party-building.txt')
const smallClean = join(root, 'fixtures', 'draft', 'clean-report.txt')
measure(process.execPath, [bin, small]) // warm the rule cache and the file system
const oneClean = bestOf(Math.max(runs, 5), () => measure(process.execPath, [bin, smallClean]))
row('one small clean file (5 KB)', oneClean)
const one = bestOf(Math.max(runs, 5), () => measure(process.execPath, [bin, small]))
row('one small masked file (7 KB; the leak rules load the tokenizer)', one)
const oneNoLeak = bestOf(Math.max(runs, 5), () => measure(process.execPath, [bin, ...leakOff, small]))
row('the same masked file, leak rules off', oneNoLeak)
const bare = bestOf(5, () => measure(process.execPath, ['-e', '0']))
row('node -e 0 (start-up floor)', bare)

let rg
let rgFull
if (hasCommand('rg')) {
  const patterns = ripgrepPatterns(join(root, 'rules')).flatMap((p) => ['-e', p])
  const rgArgs = ['--no-config', '-n', '-o', '--no-ignore']
  rg = bestOf(runs, () => measure('rg', [...rgArgs, ...patterns, corpus]))
  if (rg.status !== 0 && rg.status !== 1) throw new Error(`ripgrep failed (${rg.status}): ${rg.stderr}`)
  row('ripgrep, default threads, regex set without repeated words', rg, rate(rg))
  // The repeated-word pattern needs a backreference: --engine auto switches to PCRE2 for it.
  rgFull = bestOf(runs, () => measure('rg', [...rgArgs, '--engine', 'auto', ...patterns, '-e', repeatedWordPattern(join(root, 'rules')), corpus]))
  if (rgFull.status !== 0 && rgFull.status !== 1) throw new Error(`ripgrep failed (${rgFull.status}): ${rgFull.stderr}`)
  row('ripgrep, default threads, full set with repeated words (PCRE2)', rgFull, rate(rgFull))
}

// Every rule, as a plain `check` runs on this corpus.
const byJobs = {}
for (const jobs of [1, 2]) {
  const r = bestOf(runs, () => measure(process.execPath, [bin, 'check', '--format', 'json', '--jobs', String(jobs), corpus]))
  if (r.status !== 0 && r.status !== 1) throw new Error(`mask-audit failed (${r.status}): ${r.stderr}`)
  row(`check --format json --jobs ${jobs}, every rule`, r, rate(r))
  byJobs[jobs] = r
}
// The machine's own ceiling for two-way parallelism: two independent processes, one thread
// each, on the two halves of the corpus at once. Workers cannot beat this.
const halves = [0, 1].map((h) => Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 2 === h).map((i) => join(corpus, String(i).padStart(2, '0'))))
const split = bestOf(runs, () => measureConcurrently(halves.map((dirs) => [bin, 'check', '--format', 'json', '--jobs', '1', ...dirs])))
row('2 processes --jobs 1, half the corpus each, every rule', split, rate(split))

const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((r) => r[i].length)))
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('  '))

console.log('\nissue 2 (leak rules off):')
console.log(`  single thread: ${rate(draft[1])} (target: at least 40 MB/s)`)
const bestDraft = Math.min(draft[1].seconds, draft[2].seconds)
if (rg) {
  console.log(`  best wall time / ripgrep with the full equivalent set: ${(bestDraft / rgFull.seconds).toFixed(2)}x (target: within 10x)`)
  console.log(`  best wall time / ripgrep without the repeated-word pattern: ${(bestDraft / rg.seconds).toFixed(2)}x`)
} else console.log('  ripgrep not installed (Debian: apt-get install ripgrep): comparison skipped')
const ms = (r) => `${(r.seconds * 1000).toFixed(0)} ms (node + ${((r.seconds - bare.seconds) * 1000).toFixed(0)})`
console.log(`  one small file: clean ${ms(oneClean)}, masked with the leak rules off ${ms(oneNoLeak)} (target: at most 200 ms where node alone takes about 80 ms; here ${(bare.seconds * 1000).toFixed(0)} ms)`)
console.log(`  the masked file with the leak rules: ${ms(one)}: the tokenizer and the gazetteer load`)
console.log('every rule (issue 5):')
console.log(`  throughput --jobs 2 / --jobs 1: ${(byJobs[1].seconds / byJobs[2].seconds).toFixed(2)}x (target: at least 1.7x; two separate processes reach ${(byJobs[1].seconds / split.seconds).toFixed(2)}x on this machine)`)
if (rg) console.log(`  --jobs 2 wall time / ripgrep with the full set: ${(byJobs[2].seconds / rgFull.seconds).toFixed(2)}x (target: within 5x)`)
const peak = Math.max(...Object.values(byJobs).map((r) => r.peakMB ?? 0))
console.log(peak ? `  peak memory: ${peak.toFixed(0)} MB (target: below 300 MB)` : '  peak memory not measured (GNU time, /usr/bin/time, is not installed)')
console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine slow the parallel runs most)`)

/** Guards the figures: the run must really have audited every file and found the seeds' defects. */
function assertAudited(dir, expectedFiles) {
  const out = spawnSync(process.execPath, [bin, '--format', 'json', '--jobs', '2', dir], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const summary = JSON.parse(out.stdout.slice(out.stdout.lastIndexOf('"summary":') + 10, -2))
  if (summary.files !== expectedFiles || summary.findings === 0) throw new Error(`bench: audited ${summary.files} files with ${summary.findings} findings; expected ${expectedFiles} files`)
  console.log(`audited ${summary.files} files, ${summary.findings} findings (${JSON.stringify(summary.byCategory)})`)
}

/** Ids of the leak rules, from `mask-audit rules --json`. */
function leakRuleIds() {
  const out = spawnSync(process.execPath, [bin, 'rules', '--json'], { encoding: 'utf8' })
  return JSON.parse(out.stdout).filter((r) => r.category === 'leak').map((r) => r.id)
}
