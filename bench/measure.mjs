// Runs a command and measures its wall time and, where GNU time is installed, its peak memory.
import { spawnSync } from 'node:child_process'
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

/** True when `cmd --version` runs. */
export function hasCommand(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
}
