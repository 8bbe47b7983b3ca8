// Batches at scale: the same output whatever --jobs is, shards and JSONL pieces that add up
// to the single-process result, a mixed directory audited in one command, the progress line.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { minSeverityFilter } from '../src/core/filters.js'
import type { FileResult } from '../src/core/result.js'
import { jobsFor, planWorkers } from '../src/run/workers.js'
import { maxJobs } from '../src/cli/batch.js'
import { activateRules } from '../src/rules/loader.js'
import { createProgress, delayMs, renderLine, shouldShowProgress } from '../src/cli/progress.js'
import { parseShard, selectShard } from '../src/run/shard.js'
import { expandPaths } from '../src/io/walk.js'
import { ensureCorpus } from '../bench/corpus.mjs'
import { builtinRules, repoRoot, runCli } from './helpers.js'
import { makeDocx, paragraph, table } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const bin = fileURLToPath(new URL('../bin/mask-audit.js', import.meta.url))

// Each test runs the CLI over the whole corpus, several times: on a shared, loaded machine that
// takes minutes, so the timeout guards against a hang, not against a slow machine.
vi.setConfig({ testTimeout: 300_000 })
let corpus: string
let corpusFiles: string[]

beforeAll(() => {
  // Big enough (about 5 MB) that --jobs really starts workers, small enough to run in seconds.
  corpus = join(makeTempDir('batch-'), 'corpus')
  ensureCorpus({ dir: corpus, fixturesDir: join(repoRoot, 'fixtures'), files: 200, bytesPerFile: 24 * 1024, seed: 7 })
  writeFileSync(join(corpus, '07', 'broken.txt'), Buffer.from([0x41, 0, 0x42]))
  // Inline suppressions in Markdown and HTML must work in workers as in one thread.
  writeFileSync(join(corpus, '08', 'notes.md'), '# 记录\n\n<!-- mask-audit-disable-next-line count/unfilled -->\n全年学习**次。\n\n发展*名党员。\n')
  writeFileSync(join(corpus, '09', 'page.html'), '<p>全年学习x次。</p>\n<!-- mask-audit-disable-next-line count/unfilled -->\n<p>发展*名党员。</p>\n')
  corpusFiles = expandPaths([corpus]).files
})

const sortedLines = (text: string) => text.split('\n').filter((l) => l !== '').sort()

// Each test runs the command on the whole corpus up to three times; on a loaded machine that
// exceeds the default 30 s, which would be a failure of the host, not of the tool.
const corpusRuns = { timeout: 180_000 }

describe('--jobs', corpusRuns, () => {
  it('is large enough for workers, so the comparisons below compare threads with one thread', () => {
    const rules = activateRules(builtinRules, 'draft')
    const one = { rules, filters: [minSeverityFilter('warning')] }
    const plan = planWorkers(corpusFiles, () => one, [minSeverityFilter('error')], 2)
    expect(plan?.setups).toHaveLength(1)
    expect(plan?.setups[0]!.filters).toEqual([{ name: 'min-severity', options: 'warning' }, { name: 'min-severity', options: 'error' }])
    expect(plan?.setupIndex).toHaveLength(corpusFiles.length)
    // Leak rules read the tokenizer's and gazetteer's tables: loaded once, shared by the workers.
    expect(plan?.sharesTables).toBe(true)
    const noLeak = { rules: rules.filter((r) => r.def.category !== 'leak'), filters: [] }
    expect(planWorkers(corpusFiles, () => noLeak, [], 2)?.sharesTables).toBe(false)
    // Files of two configs: two setups, each described once.
    const other = { rules: activateRules(builtinRules, 'redacted'), filters: [] }
    const mixed = planWorkers(corpusFiles, (p) => (p.includes('/03/') ? other : one), [], 2)
    expect(mixed?.setups).toHaveLength(2)
    expect(new Set(mixed?.setupIndex)).toEqual(new Set([0, 1]))
    expect(planWorkers(corpusFiles, () => ({ rules, filters: [(fs) => fs] }), [], 2)).toBeUndefined()
    expect(planWorkers(corpusFiles.slice(0, 3), () => one, [], 2)).toBeUndefined()
    expect(planWorkers(corpusFiles, () => one, [], 1)).toBeUndefined()
  })

  it.each(['json', 'jsonl', 'sarif', 'csv', 'stylish', 'html'])('gives byte-identical %s output with 1, 2 and 3 threads', (format) => {
    // The html report's header carries the run's time: pinned, as reproducible builds pin it.
    const outputs = ['1', '2', '3'].map((jobs) => runCli([corpus, '--format', format, '--jobs', jobs], { env: { SOURCE_DATE_EPOCH: '1764633600' } }))
    for (const r of outputs) {
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toMatch(/^mask-audit: .*broken\.txt: binary file/)
    }
    expect(outputs[0]!.stdout.length).toBeGreaterThan(100_000)
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout)
    expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout)
  })

  it('applies inline suppressions of Markdown and HTML files in the workers', () => {
    const lines = runCli([corpus, '--format', 'jsonl', '--jobs', '2']).stdout.split('\n').filter((l) => /notes\.md|page\.html/.test(l))
    const found = lines.map((l) => JSON.parse(l)).map((f) => `${f.path.replace(/.*\//, '')}:${f.line} ${f.text}`)
    expect(found).toEqual(['notes.md:6 *名', 'page.html:1 x次'])
  })

  it('applies --quiet in the workers too', () => {
    const one = runCli([corpus, '--format', 'json', '--jobs', '1', '--quiet'])
    const two = runCli([corpus, '--format', 'json', '--jobs', '2', '--quiet'])
    expect(two.stdout).toBe(one.stdout)
    expect(JSON.parse(two.stdout).summary.warnings).toBe(0)
  })

  it('caps --jobs at the CPUs available: a warning, and the same report as one thread', () => {
    const one = runCli([corpus, '--format', 'json', '--jobs', '1', '--quiet'])
    const many = runCli([corpus, '--format', 'json', '--jobs', '1000', '--quiet'])
    expect(many.stdout).toBe(one.stdout)
    expect(many.stderr).toContain(`mask-audit: --jobs 1000: using ${maxJobs()} worker threads, twice the CPUs available`)
    expect(runCli([corpus, '--format', 'json', '--jobs', String(maxJobs()), '--quiet']).stderr).not.toContain('--jobs')
  })

  it('gives a batch no more workers than files, and at least one', () => {
    expect(maxJobs()).toBeGreaterThanOrEqual(2)
    expect(jobsFor(['a.txt', 'b.txt'], 8)).toBe(2)
    expect(jobsFor(['a.txt', 'b.txt', 'c.txt'], 2)).toBe(2)
    expect(jobsFor([], 4)).toBe(1)
  })

  it('keeps a baseline run in one thread and still applies it', () => {
    const baseline = join(corpus, '..', 'baseline.json')
    expect(runCli([corpus, '--jobs', '2', '--write-baseline', baseline, '--format', 'json']).code).toBe(2)
    const r = runCli([corpus, '--jobs', '2', '--baseline', baseline, '--format', 'json'])
    const out = JSON.parse(r.stdout)
    expect(out.summary.files).toBeGreaterThan(200)
    expect(out.summary.findings).toBe(0)
  })

  it('audits in this thread, in order, the files of a worker that ran out of its bounded heap', async () => {
    const { auditInWorkers } = await import('../src/run/worker-pool.js')
    const paths = ['a', 'b', 'c', 'd', 'e', 'f']
    const result = (path: string, by: string) => ({ path, findings: [], by }) as unknown as FileResult
    const outOfMemory = Object.assign(new Error('worker ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' })
    let destroyed = false
    // One path a task (6 paths, 2 jobs); the task holding 'c' dies as a worker out of memory does.
    const pool = {
      run: async (task: { paths: string[] }) => (task.paths.includes('c') ? Promise.reject(outOfMemory) : task.paths.map((p) => result(p, 'worker'))),
      destroy: async () => void (destroyed = true),
    }
    const plan = { setups: [], setupIndex: paths.map(() => 0), sharesTables: false }
    const here: string[][] = []
    const auditHere = async function* (some: readonly string[]) {
      here.push([...some])
      for (const p of some) yield result(p, 'here')
    }
    const got: FileResult[] = []
    for await (const r of auditInWorkers(paths, plan, 2, pool as never, auditHere)) got.push(r)
    expect(got.map((r) => `${r.path}:${(r as unknown as { by: string }).by}`)).toEqual(['a:worker', 'b:worker', 'c:here', 'd:worker', 'e:worker', 'f:worker'])
    expect(here).toEqual([['c']])
    expect(destroyed).toBe(true)
    // Any other failure of a worker is the run's.
    const broken = { ...pool, run: async () => Promise.reject(new Error('worker exited with code: 1')) }
    await expect(async () => {
      for await (const _ of auditInWorkers(paths, plan, 2, broken as never, auditHere)) void _
    }).rejects.toThrow('worker exited with code: 1')
  })

  it('hands each buffer of rendered output back to a worker once its results are consumed', async () => {
    const { auditInWorkers } = await import('../src/run/worker-pool.js')
    const paths = Array.from({ length: 40 }, (_, i) => `p${i}`)
    const plan = { setups: [], setupIndex: paths.map(() => 0), sharesTables: false }
    const sent: { output?: ArrayBuffer; transferList?: readonly unknown[] }[] = []
    const made: ArrayBuffer[] = []
    const pool = {
      // As a worker does: render into the buffer handed back when there is one, else a new one.
      run: async (task: { paths: string[]; output?: ArrayBuffer }, options?: { transferList?: readonly unknown[] }) => {
        sent.push({ output: task.output, transferList: options?.transferList })
        const buffer = task.output ?? made[made.push(new ArrayBuffer(64)) - 1]!
        const use = uses(buffer)
        return task.paths.map((path) => ({ path, findings: [], use, prerendered: { bytes: new Uint8Array(buffer, 0, 8), counts: {} } }))
      },
      destroy: async () => undefined,
    }
    /** How many tasks a buffer was given to so far. */
    const uses = (buffer: ArrayBuffer) => sent.filter((task) => task.output === buffer).length
    for await (const r of auditInWorkers(paths, plan, 2, pool as never, async function* () {})) {
      // A buffer is never handed to another task while a result of its task is still being consumed.
      expect(uses(r.prerendered!.bytes.buffer as ArrayBuffer)).toBe((r as unknown as { use: number }).use)
    }
    const handedBack = sent.filter((task) => task.output !== undefined)
    expect(handedBack.length).toBeGreaterThan(0)
    for (const task of handedBack) expect(task.transferList).toEqual([task.output])
    // No more buffers than tasks in flight (2 workers, 4 tasks each) and the one being consumed.
    expect(made.length).toBeLessThanOrEqual(9)
  })

  it('refuses a --jobs that is not a whole number', () => {
    const r = runCli([corpus, '--jobs', 'many'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('mask-audit: --jobs "many": expected a whole number of at least 1')
  })
})

describe('--shard', corpusRuns, () => {
  it('shares by the path inside the folder walked: two names of one tree split it alike', () => {
    const root = makeTempDir('shard-mounts-')
    for (const mount of ['data/archive', 'mnt/nas/archive']) {
      for (let i = 0; i < 40; i++) {
        mkdirSync(join(root, mount, `d${i % 4}`), { recursive: true })
        writeFileSync(join(root, mount, `d${i % 4}`, `f${i}.txt`), '全年学习**次。\n')
      }
    }
    const share = (folder: string, k: number, cwd = root) =>
      runCli([folder, '--shard', `${k}/4`, '--format', 'jsonl'], { cwd }).stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).path.split('archive/').pop())
    const mixed = [share(join(root, 'data/archive'), 1), share(join(root, 'data/archive'), 2), share('mnt/nas/archive', 3), share('.', 4, join(root, 'mnt/nas/archive'))]
    const all = mixed.flat().map((p: string) => p.replace(/^\.\//, ''))
    expect(new Set(all).size).toBe(40)
    expect(all).toHaveLength(40)
  })

  it('splits the files into disjoint shares that cover the batch', () => {
    const shares = [1, 2, 3, 4].map((k) => selectShard(corpusFiles, parseShard(`${k}/4`)))
    expect(shares.flat().sort()).toEqual([...corpusFiles].sort())
    for (const share of shares) expect(share.length).toBeGreaterThan(corpusFiles.length / 8)
    expect(selectShard(corpusFiles, parseShard('2/4'))).toEqual(shares[1])
    expect(() => parseShard('5/4')).toThrow(/expected K\/N/)
    expect(() => parseShard('0/4')).toThrow(/expected K\/N/)
  })

  it('gives N JSONL outputs that concatenate to the single-process output', () => {
    const whole = runCli([corpus, '--format', 'jsonl'])
    const parts = [1, 2, 3].map((k) => runCli([corpus, '--format', 'jsonl', '--shard', `${k}/3`, '--jobs', '2']))
    for (const p of parts) expect(p.stdout.length).toBeGreaterThan(1000)
    expect(sortedLines(parts.map((p) => p.stdout).join(''))).toEqual(sortedLines(whole.stdout))
    // Within each shard, files keep the order of the whole run.
    const order = (text: string) => [...new Set(text.split('\n').filter(Boolean).map((l) => JSON.parse(l).path as string))]
    const wholeOrder = order(whole.stdout)
    for (const p of parts) expect(order(p.stdout)).toEqual(wholeOrder.filter((path) => order(p.stdout).includes(path)))
  })
})

describe('--input jsonl', () => {
  let input: string
  beforeAll(() => {
    const lines: string[] = []
    for (const [i, name] of readdirSync(join(corpus, '03')).slice(0, 40).entries()) {
      const text = readFileSync(join(corpus, '03', name), 'utf8').slice(0, 3000)
      lines.push(JSON.stringify({ doc_id: i % 2 ? `doc-${i}` : i, body: text, extra: { source: name } }))
    }
    lines.splice(5, 0, '{"doc_id": "bad", "body": ', '', '["not", "an object"]', '{"doc_id": "no-text"}')
    input = lines.join('\n') + '\n'
  })

  it('writes findings as JSON lines named by id, and one error line per bad input line', () => {
    const r = runCli(['--input', 'jsonl', '--text-field', 'body', '--id-field', 'doc_id'], { input })
    expect(r.code).toBe(2)
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(out.filter((o) => o.ruleId).length).toBeGreaterThan(40)
    expect(out.find((o) => o.ruleId)).toHaveProperty('id')
    expect(out.some((o) => o.id === 'doc-1')).toBe(true)
    expect(out.some((o) => o.id === 0)).toBe(true)
    expect(out.filter((o) => o.error).map((o) => [o.path, o.error.replace(/ \(.*/, '')])).toEqual([
      ['<stdin>:6', 'invalid JSON'],
      ['<stdin>:8', 'not a JSON object'],
      ['<stdin>:9', 'no "body" field'],
    ])
    expect(out.find((o) => o.path === '<stdin>:9').error).toBe('no "body" field (a string) in the document with doc_id "no-text"')
    expect(r.stderr.trim().split('\n')).toHaveLength(3)
  })

  it('answers in the format asked for, --format stylish too (only a format left unset follows the input)', () => {
    const one = JSON.stringify({ id: 'a', text: '集中学习**次' }) + '\n'
    const stylish = runCli(['--input', 'jsonl', '--format', 'stylish'], { input: one })
    expect(stylish.stdout).toMatch(/^a\n {2}1:5 /)
    expect(() => JSON.parse(stylish.stdout.split('\n')[0]!)).toThrow()
    expect(JSON.parse(runCli(['--input', 'jsonl'], { input: one }).stdout.trim())).toMatchObject({ id: 'a', ruleId: 'count/unfilled' })
  })

  it('gives exactly the single-process output when split across GNU parallel', () => {
    if (spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status !== 0) {
      if (process.env.CI) throw new Error('GNU parallel is missing in CI; .ci/run installs it')
      console.warn('skipped: GNU parallel is not installed (apt-get install parallel)')
      return
    }
    const args = ['--input', 'jsonl', '--text-field', 'body', '--id-field', 'doc_id']
    const single = runCli(args, { input })
    const split = spawnSync('parallel', ['--will-cite', '--pipe', '--keep-order', '-N', '7', '-j', '3', process.execPath, bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(split.stdout.split('\n').length).toBeGreaterThan(40)
    // Error lines name the line within each piece, so only findings are compared whole.
    const findings = (text: string) => text.split('\n').filter((l) => l.includes('"ruleId"'))
    expect(findings(split.stdout)).toEqual(findings(single.stdout))
    const errors = split.stdout.split('\n').filter((l) => l.startsWith('{"path"'))
    expect(errors.map((l) => JSON.parse(l).error.replace(/ \(.*/, ''))).toEqual(['invalid JSON', 'not a JSON object', 'no "body" field'])
  })
})

describe('a mixed directory', () => {
  let mixed: string
  beforeAll(() => {
    mixed = makeTempDir('mixed-')
    const seed = readFileSync(join(repoRoot, 'fixtures/draft/seed-002-branch-secretary-report.txt'), 'utf8')
    mkdirSync(join(mixed, 'sub'))
    writeFileSync(join(mixed, 'utf8.txt'), seed)
    writeFileSync(join(mixed, 'gb18030.txt'), iconv.encode(seed, 'gb18030'))
    writeFileSync(join(mixed, 'sub', 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]))
    writeFileSync(join(mixed, 'notes.md'), '# 总结\n\n全年学习**次。\n\n`**次` 是代码。\n')
    writeFileSync(join(mixed, 'page.html'), '<html><body><p>年内组织集体学习<b>x</b>次。</p><script>"**次"</script></body></html>\n')
    writeFileSync(join(mixed, 'report.docx'), makeDocx(paragraph('标题') + table('发展', '*名预备党员') + paragraph('集中学习', '**', '次')))
    writeFileSync(join(mixed, 'sub', 'corrupt.docx'), makeDocx(paragraph('好')).slice(0, 300))
    writeFileSync(join(mixed, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
    writeFileSync(join(mixed, 'ignored.bin'), 'x')
  })

  it('reports every good file, names the bad ones with their cause, and exits 2', () => {
    const r = runCli([mixed, '--format', 'json'])
    expect(r.code).toBe(2)
    const out = JSON.parse(r.stdout)
    const byName = new Map<string, { encoding?: string; error?: string; findings: { text: string; line: number }[] }>(out.files.map((f: { path: string }) => [f.path.slice(mixed.length + 1), f]))
    expect([...byName.keys()].sort()).toEqual(['binary.txt', 'gb18030.txt', 'notes.md', 'page.html', 'report.docx', 'sub/corrupt.docx', 'sub/utf16.txt', 'utf8.txt'])
    const utf8 = byName.get('utf8.txt')!.findings.map((f) => f.text)
    expect(utf8.length).toBeGreaterThan(40)
    expect(byName.get('gb18030.txt')!.encoding).toBe('gb18030')
    expect(byName.get('gb18030.txt')!.findings.map((f) => f.text)).toEqual(utf8)
    expect(byName.get('sub/utf16.txt')!.encoding).toBe('utf-16le')
    expect(byName.get('sub/utf16.txt')!.findings.map((f) => f.text)).toEqual(utf8)
    expect(byName.get('notes.md')!.findings.map((f) => f.text)).toEqual(['**次'])
    expect(byName.get('page.html')!.findings.map((f) => f.text)).toEqual(['x次'])
    expect(byName.get('report.docx')!.findings.map((f) => [f.line, f.text])).toEqual([[3, '*名'], [4, '**次']])
    expect(byName.get('sub/corrupt.docx')!.error).toMatch(/^corrupt \.docx/)
    expect(byName.get('binary.txt')!.error).toMatch(/^binary file/)
    const errors = r.stderr.trim().split('\n')
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/binary\.txt: binary file \(NUL byte at offset 4\)/)
    expect(errors[1]).toMatch(/sub\/corrupt\.docx: corrupt \.docx: not a readable zip archive/)
  })
})

describe('progress', () => {
  it('is shown only on a terminal, not under CI, not with --no-progress', () => {
    const on = { isTTY: true, env: {}, isWanted: true }
    expect(shouldShowProgress(on)).toBe(true)
    expect(shouldShowProgress({ ...on, isTTY: false })).toBe(false)
    expect(shouldShowProgress({ ...on, env: { CI: 'true' } })).toBe(false)
    expect(shouldShowProgress({ ...on, env: { CI: '1' } })).toBe(false)
    expect(shouldShowProgress({ ...on, env: { CI: 'false' } })).toBe(true)
    expect(shouldShowProgress({ ...on, isWanted: false })).toBe(false)
    expect(shouldShowProgress({ ...on, env: { TERM: 'dumb' } })).toBe(false)
  })

  it('draws nothing for a batch that ends quickly, then redraws in place and clears itself', () => {
    let t = 0
    let written = ''
    const bar = createProgress(3, true, (s) => (written += s), () => t)
    const result = { path: 'a', findings: [], bytes: 2_000_000 }
    bar.update(result)
    expect(written).toBe('')
    t = delayMs + 500
    bar.update(result)
    expect(written).toBe('\r' + renderLine(2, 3, 4_000_000, 0, 1) + '\x1b[K')
    expect(written).toContain('2/3 files  4.0 MB/s  0 findings')
    bar.finish()
    expect(written.endsWith('\r\x1b[K')).toBe(true)
  })

  it('never reaches stdout or a non-terminal stderr', () => {
    const r = runCli([corpus, '--format', 'jsonl', '--jobs', '2'], { env: { CI: '' } })
    expect(r.stderr).not.toContain('files')
    expect(r.stdout).not.toContain('\r')
  })
})
