// How the package installs: no install-time scripts (npm 11 warns about them), dist/ built on
// `prepack` and shipped, and a fresh checkout that builds itself on its first run.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] }

describe('packaging', () => {
  it('runs nothing when installed, and builds when packed', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[hook], hook).toBeUndefined()
    expect(manifest.scripts.prepack).toBe('npm run build')
  })

  it('ships the bundle and the rules, not the sources or the build scripts', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path)
    expect(files).toContain('bin/mask-audit.js')
    expect(files).toContain('bin/code-cache.js')
    expect(files).toContain('bin/package.json')
    expect(files).toContain('dist/bundle/main.cjs')
    expect(files).toContain('dist/bundle/THIRD-PARTY-LICENSES.txt')
    // The code cache is V8's, of this machine: never shipped.
    expect(files.filter((f) => f.startsWith('dist/.cache/'))).toEqual([])
    expect(files).toContain('rules/count/unfilled.yaml')
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('scripts/'))).toEqual([])
  })

  it('builds a checkout that has no dist/ on its first run, then runs the command', () => {
    const checkout = makeTempDir('checkout-')
    mkdirSync(join(checkout, 'bin'))
    for (const file of ['mask-audit.js', 'code-cache.js', 'package.json']) cpSync(join(repoRoot, 'bin', file), join(checkout, 'bin', file))
    mkdirSync(join(checkout, 'src', 'cli'), { recursive: true })
    writeFileSync(join(checkout, 'src', 'cli', 'main.ts'), '')
    mkdirSync(join(checkout, 'scripts'))
    // A stand-in for the real build (tsc and esbuild, minutes on a loaded machine): it writes the bundle the launcher loads.
    writeFileSync(
      join(checkout, 'scripts', 'build-checkout.mjs'),
      `import { mkdirSync, writeFileSync } from 'node:fs'\nimport { join } from 'node:path'\nexport function buildCheckout(root) {\n  mkdirSync(join(root, 'dist', 'bundle'), { recursive: true })\n  writeFileSync(join(root, 'dist', 'bundle', 'main.cjs'), 'exports.main = async function (argv) { process.stdout.write("ran " + argv.slice(2).join(" ")); return 3 }; exports.codeCacheWorth = () => "complete"')\n  process.stderr.write('built\\n')\n}\n`,
    )
    const first = spawnSync(process.execPath, [join(checkout, 'bin', 'mask-audit.js'), 'fixtures/'], { encoding: 'utf8' })
    expect([first.status, first.stdout, first.stderr]).toEqual([3, 'ran fixtures/', 'built\n'])
    expect(existsSync(join(checkout, 'dist', 'bundle', 'main.cjs'))).toBe(true)
    const second = spawnSync(process.execPath, [join(checkout, 'bin', 'mask-audit.js'), 'x'], { encoding: 'utf8' })
    expect([second.stdout, second.stderr]).toEqual(['ran x', ''])
  })
})
