// Runs a command and measures its wall time and, where GNU time is installed, its peak memory.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/** Runs `cmd args` with stdout discarded; returns { seconds, peakMB, cpuSeconds (user + system), status, stderr }. */
export function measure(cmd, args, { cwd, env } = {}) {
  const memFile = join(tmpdir(), `mask-audit-bench-${process.pid}.mem`)
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', memFile, cmd, ...args]] : [cmd, args]
  const start = process.hrtime.bigint()
  const result = spawnSync(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  let peakMB
  let cpuSeconds
  if (gnuTime && existsSync(memFile)) {
    const [kb, user, system] = readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    peakMB = kb / 1024
    cpuSeconds = user + system
    rmSync(memFile, { force: true })
  }
  return { seconds, peakMB, cpuSeconds, status: result.status, stderr: String(result.stderr ?? '') }
}

/**
 * The best of `runs` measurements, with the median beside it (`medianSeconds`). Other load on
 * a shared machine only ever adds time, so the best run is the figure of the code itself; the
 * median shows how much the machine moved the rest.
 */
export function bestOf(runs, fn) {
  const results = Array.from({ length: runs }, fn).sort((a, b) => a.seconds - b.seconds)
  return { ...results[0], medianSeconds: results[Math.floor(results.length / 2)].seconds }
}

/** True when `cmd --version` runs. */
export function hasCommand(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
}

/** Runs several node commands at once (stdout discarded); returns { seconds } for all to finish. */
export function measureConcurrently(argvs) {
  // A shell waits for the background jobs, so this stays synchronous like measure().
  const script = argvs.map((argv) => `${[process.execPath, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')} > /dev/null 2>&1 &`).join('\n') + '\nwait\n'
  const start = process.hrtime.bigint()
  execFileSync('sh', ['-c', script], { stdio: 'ignore' })
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}
