// `npm run bench`: the figures of issue 12, each the median of runs paired with its
// reference in the same run: `check --format json` on a generated corpus (every rule; the
// leak rules off) against ripgrep running an equivalent regex set on it, one small file
// against `node -e 0`, `--jobs 2` against `--jobs 1`, and with --gb a 1 GB corpus's peak
// memory. Runs of a pair alternate, so other load on the machine falls on both alike; CPU
// time (user + system, from GNU time) moves less with that load than wall time does.
// Run after `npm run build` (npm install does it). Options: --files N --kb N --pairs N --gb.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureCorpus } from './corpus.mjs'
import { hasCommand, measure } from './measure.mjs'
import { ripgrepPatterns } from './ripgrep-patterns.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'mask-audit.js')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const files = option('files', 2000)
const kb = option('kb', 25)
const pairs = option('pairs', 5)

if (!existsSync(join(root, 'dist', 'bundle', 'main.cjs'))) {
  console.error('bench: dist/ is missing; run `npm run build` first')
  process.exit(2)
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench: GNU time (/usr/bin/time) is needed for CPU time and peak memory (Debian: apt-get install time)')
  process.exit(2)
}

const corpus = join(root, 'bench', '.corpus', 'main')
const totalBytes = ensureCorpus({ dir: corpus, fixturesDir: join(root, 'fixtures'), files, bytesPerFile: kb * 1024 })
const mb = totalBytes / 1e6
const load = [loadavg()[0]]
console.log(`corpus: ${files} files, ${mb.toFixed(1)} MB (bench/.corpus/main); every figure is the median of ${pairs} paired runs (9 for single files)`)
assertAudited(corpus, files)

const leakOff = leakRuleIds().flatMap((id) => ['--rule', `${id}=off`])
const check = (jobs, ...extra) => [process.execPath, [bin, 'check', '--format', 'json', '--jobs', String(jobs), ...extra, corpus]]
const rows = []
const row = (what, r) => rows.push([what, `wall ${s(r.seconds)}`, `cpu ${s(r.cpuSeconds)}`, `peak ${r.peakMB.toFixed(0)} MB`, `${(mb / r.seconds).toFixed(1)} MB/s`])

// The corpus: ripgrep, the leak rules off, every rule, one run of each in turn.
const hasRipgrep = hasCommand('rg')
const rgArgs = ['--no-config', '-n', '-o', '--no-ignore', ...ripgrepPatterns(join(root, 'rules')).flatMap((p) => ['-e', p]), corpus]
const corpusRuns = paired(pairs, {
  ...(hasRipgrep ? { rg: ['rg', rgArgs] } : {}),
  leakOff: check(1, ...leakOff),
  every: check(1),
})
if (hasRipgrep) row('ripgrep, default threads, the equivalent regex set', corpusRuns.rg)
row('check --format json --jobs 1, leak rules off', corpusRuns.leakOff)
row('check --format json --jobs 1, every rule', corpusRuns.every)

// Threads: memory and time of --jobs 2 against --jobs 1.
const jobRuns = paired(pairs, { one: check(1), two: check(2) })
row('check --format json --jobs 1, every rule (paired with --jobs 2)', jobRuns.one)
row('check --format json --jobs 2, every rule', jobRuns.two)

// One small file against Node's own start.
const small = join(root, 'fixtures', 'draft', 'seed-000-team-party-building.txt')
const smallClean = join(root, 'fixtures', 'draft', 'clean-report.txt')
measure(process.execPath, [bin, small]) // warm the rule cache and the file system
const single = paired(Math.max(pairs, 9), {
  node: [process.execPath, ['-e', '0']],
  clean: [process.execPath, [bin, smallClean]],
  masked: [process.execPath, [bin, small]],
  maskedLeakOff: [process.execPath, [bin, ...leakOff, small]],
})
const singleRow = (what, r) => rows.push([what, `wall ${ms(r.seconds)}`, `cpu ${ms(r.cpuSeconds)}`, `peak ${r.peakMB.toFixed(0)} MB`, ''])
singleRow('node -e 0 (start-up floor)', single.node)
singleRow('one small clean file (5 KB)', single.clean)
singleRow('one small masked file (7 KB; leak rules, tokenizer, gazetteer)', single.masked)
singleRow('the same masked file, leak rules off', single.maskedLeakOff)

let gb
if (args.includes('--gb')) {
  const big = join(root, 'bench', '.corpus', 'gb')
  const bigBytes = ensureCorpus({ dir: big, fixturesDir: join(root, 'fixtures'), files: 40_000, bytesPerFile: 25 * 1024 })
  gb = measure(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '1', big])
  rows.push([`1 GB corpus (${(bigBytes / 1e9).toFixed(2)} GB), every rule, --jobs 1, one run`, `wall ${s(gb.seconds)}`, `cpu ${s(gb.cpuSeconds)}`, `peak ${gb.peakMB.toFixed(0)} MB`, ''])
}
load.push(loadavg()[0])

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('  '))

console.log(`\nissue 12 targets (medians of paired runs; CPU = user + system time):`)
if (hasRipgrep) {
  const rgCpu = corpusRuns.rg.cpuSeconds
  console.log(`  every rule: ${s(corpusRuns.every.cpuSeconds)} CPU = ${(corpusRuns.every.cpuSeconds / rgCpu).toFixed(1)}x ripgrep's ${s(rgCpu)} (target: at most 10x)`)
  console.log(`  leak rules off: ${s(corpusRuns.leakOff.cpuSeconds)} CPU = ${(corpusRuns.leakOff.cpuSeconds / rgCpu).toFixed(1)}x ripgrep's (target: at most 4x)`)
} else console.log('  ripgrep not installed (Debian: apt-get install ripgrep): the corpus comparisons are skipped')
const overNode = (r) => `node + ${((r.seconds - single.node.seconds) * 1000).toFixed(0)} ms wall (+${((r.cpuSeconds - single.node.cpuSeconds) * 1000).toFixed(0)} ms CPU)`
console.log(`  one small masked file: ${overNode(single.masked)} (target: node + 100 ms; node -e 0 took ${ms(single.node.seconds)})`)
console.log(`  one small clean file: ${overNode(single.clean)} (target: node + 50 ms)`)
console.log(`  --jobs 2 peak memory: ${jobRuns.two.peakMB.toFixed(0)} MB = ${(jobRuns.two.peakMB / jobRuns.one.peakMB).toFixed(2)}x --jobs 1's ${jobRuns.one.peakMB.toFixed(0)} MB (target: at most 1.3x); wall ${(jobRuns.one.seconds / jobRuns.two.seconds).toFixed(2)}x as fast`)
console.log(gb ? `  1 GB corpus peak memory: ${gb.peakMB.toFixed(0)} MB (target: at most 250 MB)` : '  1 GB corpus: not run (add --gb; it takes minutes)')
console.log(`load average (1 min) before and after: ${load.map((l) => l.toFixed(2)).join(', ')} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores`)

/**
 * Runs each named command once per round, in turn, for `rounds` rounds; returns per name the
 * median wall time, CPU time and peak memory. Fails if a check run fails.
 */
function paired(rounds, commands) {
  const results = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  for (let i = 0; i < rounds; i++) {
    for (const [name, [cmd, argv]] of Object.entries(commands)) {
      const r = measure(cmd, argv, { cwd: root })
      if (r.status !== 0 && r.status !== 1) throw new Error(`${name} failed (${r.status}): ${r.stderr}`)
      results[name].push(r)
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), peakMB: median(runs.map((r) => r.peakMB)) }]))
}

function s(seconds) {
  return `${seconds.toFixed(2)} s`
}

function ms(seconds) {
  return `${(seconds * 1000).toFixed(0)} ms`
}

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
