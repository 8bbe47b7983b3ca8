// --staged and install-hook in a real git repository: the hook blocks a commit with a blank.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { hookMarker, hookScript } from '../src/cli/install-hook.js'
import { repoRoot, runCli } from './helpers.js'
import { makeDocx, paragraph } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const bin = join(repoRoot, 'bin', 'mask-audit.js')

let repo: string
const gitEnv = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', NO_COLOR: '1' }

function git(...args: string[]) {
  return gitWith({}, ...args)
}

function gitWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...gitEnv, ...env } })
  return { code: r.status, out: r.stdout + r.stderr }
}

/** Installs mask-audit in `dir` as npm does for a dev dependency: a link in node_modules/.bin. */
function installIn(dir: string) {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true })
  symlinkSync(bin, join(dir, 'node_modules', '.bin', 'mask-audit'))
}

beforeEach(() => {
  repo = makeTempDir('git-')
  expect(git('init', '-q', '-b', 'main').code).toBe(0)
  // A hooks path set in the machine's global git config must not take the hook elsewhere.
  git('config', 'core.hooksPath', '.git/hooks')
})

describe('--staged', () => {
  it('audits the staged version, not the working tree, of staged text files only', () => {
    writeFileSync(join(repo, 'a.txt'), '全年学习**次。\n')
    writeFileSync(join(repo, 'notes.csv'), '全年学习**次\n')
    writeFileSync(join(repo, 'untracked.txt'), '全年学习**次。\n')
    git('add', 'a.txt', 'notes.csv')
    writeFileSync(join(repo, 'a.txt'), '全年学习12次。\n')
    const r = runCli(['--staged', '--format', 'jsonl'], { cwd: repo })
    expect(r.code).toBe(1)
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path)).toEqual(['a.txt'])
    git('add', 'a.txt')
    expect(runCli(['--staged'], { cwd: repo }).code).toBe(0)
  })

  it('refuses -o naming a staged file: the report would replace the document it audits', () => {
    writeFileSync(join(repo, 'a.txt'), '全年学习**次。\n')
    git('add', 'a.txt')
    const r = runCli(['--staged', '-o', 'a.txt'], { cwd: repo })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('-o a.txt is the file being audited')
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('全年学习**次。\n')
  })

  it('applies the config: its ignore globs and a baseline', () => {
    writeFileSync(join(repo, '.mask-auditrc.yaml'), 'ignore: [vendor/]\n')
    mkdirSync(join(repo, 'vendor'))
    writeFileSync(join(repo, 'vendor', 'x.txt'), '全年学习**次。\n')
    writeFileSync(join(repo, 'old.txt'), '发展x名党员。\n')
    expect(runCli(['old.txt', '--write-baseline', 'baseline.json'], { cwd: repo }).code).toBe(0)
    git('add', '.')
    expect(runCli(['--staged', '--baseline', 'baseline.json'], { cwd: repo }).code).toBe(0)
    writeFileSync(join(repo, 'old.txt'), '发展x名党员。\n组织**场活动。\n')
    git('add', 'old.txt')
    const r = runCli(['--staged', '--baseline', 'baseline.json', '--format', 'jsonl'], { cwd: repo })
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['**场'])
  })

  it('reads a staged .docx as a Word document, through the reader of its extension', () => {
    writeFileSync(join(repo, 'report.docx'), makeDocx(paragraph('二〇二三年工作总结') + paragraph('全年集中学习', '**', '次。')))
    git('add', 'report.docx')
    const r = runCli(['--staged', '--format', 'jsonl'], { cwd: repo })
    expect(r.stderr).toBe('')
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(findings.map((f) => `${f.path} ${f.line}:${f.column} ${f.ruleId} ${f.text}`)).toEqual(['report.docx 2:7 count/unfilled **次'])
    expect(r.code).toBe(1)
  })

  it('names paths relative to the working folder from a subfolder, and says when it is no repository', () => {
    mkdirSync(join(repo, 'docs'))
    writeFileSync(join(repo, 'docs', 'b.md'), '发展x名党员。\n')
    git('add', '.')
    const r = runCli(['--staged', '--format', 'jsonl'], { cwd: join(repo, 'docs') })
    expect(JSON.parse(r.stdout).path).toBe('b.md')
    const outside = runCli(['--staged'], { cwd: makeTempDir('nogit-') })
    expect(outside.code).toBe(2)
    expect(outside.stderr.trim()).toBe('mask-audit: not inside a git work tree (--staged and install-hook need a git repository)')
  })
})

describe('install-hook', () => {
  it('writes a hook that blocks a commit with a blank and lets it through once the blank is filled', () => {
    expect(runCli(['install-hook'], { cwd: repo }).code).toBe(0)
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    expect(readFileSync(hook, 'utf8')).toContain(hookMarker)
    installIn(repo)
    writeFileSync(join(repo, 'report.md'), '# 2023年工作总结\n\n全年开展集中学习**次。\n')
    git('add', 'report.md')
    const blocked = git('commit', '-q', '-m', 'draft')
    expect(blocked.code).not.toBe(0)
    expect(blocked.out).toMatch(/report\.md[\s\S]*count not filled in: \*\*次/)
    expect(git('rev-parse', '--verify', '-q', 'HEAD').code).not.toBe(0)
    // Filling the working tree is not enough: the hook checks what is staged.
    writeFileSync(join(repo, 'report.md'), '# 2023年工作总结\n\n全年开展集中学习12次。\n')
    expect(git('commit', '-q', '-m', 'draft').code).not.toBe(0)
    git('add', 'report.md')
    const passed = git('commit', '-q', '-m', 'filled')
    expect(passed.out).toBe('✓ 1 file checked, no problems\n')
    expect(passed.code).toBe(0)
    expect(git('log', '--format=%s').out.trim()).toBe('filled')
  })

  it('writes no path of this machine, so the hook works in a teammate’s clone', () => {
    expect(runCli(['install-hook'], { cwd: repo }).code).toBe(0)
    const script = readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')
    expect(script).toBe(hookScript())
    expect(script).not.toContain(repoRoot)
    expect(script).not.toContain(process.execPath)
    expect(script).not.toContain(repo)
    // The only absolute paths are the shell's and the null device, the same on every machine.
    expect(script.match(/(?<![\w.])\/[\w./-]+/g)).toEqual(['/bin/sh', '/dev/null'])
  })

  it('runs the mask-audit on PATH when the repository has none, and says how to install one when there is none', () => {
    expect(runCli(['install-hook'], { cwd: repo }).code).toBe(0)
    writeFileSync(join(repo, 'report.txt'), '全年开展集中学习**次。\n')
    git('add', 'report.txt')
    const tools = makeTempDir('path-')
    installIn(tools)
    const onPath = gitWith({ PATH: `${join(tools, 'node_modules', '.bin')}:${process.env.PATH}` }, 'commit', '-q', '-m', 'draft')
    expect(onPath.code).not.toBe(0)
    expect(onPath.out).toMatch(/report\.txt[\s\S]*count not filled in: \*\*次/)
    const none = gitWith({ PATH: '/usr/bin:/bin' }, 'commit', '-q', '-m', 'draft')
    expect(none.code).not.toBe(0)
    expect(none.out).toContain('mask-audit pre-commit hook: mask-audit is not installed here; run `npm install --save-dev mask-audit`')
    expect(git('rev-parse', '--verify', '-q', 'HEAD').code).not.toBe(0)
  })

  it('refuses to overwrite a hook it did not write unless --force, and rewrites its own', () => {
    const hook = join(repo, '.git', 'hooks', 'pre-commit')
    mkdirSync(join(repo, '.git', 'hooks'), { recursive: true })
    writeFileSync(hook, '#!/bin/sh\nnpm test\n')
    chmodSync(hook, 0o755)
    const refused = runCli(['install-hook'], { cwd: repo })
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim()).toBe(`mask-audit: ${hook}: a pre-commit hook is there already and mask-audit did not write it (add \`mask-audit check --staged\` to it, or pass --force to replace it)`)
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nnpm test\n')
    expect(runCli(['install-hook', '--force'], { cwd: repo }).code).toBe(0)
    expect(readFileSync(hook, 'utf8')).toContain(hookMarker)
    expect(runCli(['install-hook'], { cwd: repo }).code).toBe(0)
  })
})
