// Baselines: accepted findings stay quiet across edits elsewhere; new ones and stale entries show.
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { BaselineMatcher, buildBaseline, fingerprintOf } from '../src/core/baseline.js'
import { Document } from '../src/core/document.js'
import type { Finding } from '../src/core/finding.js'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

let dir: string
const original = '第一段。\n全年学习**次。\n截止目前已完成。\n'

beforeEach(() => {
  dir = makeTempDir('baseline-')
})

function jsonl(stdout: string): Record<string, unknown>[] {
  return stdout.trim() === '' ? [] : stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
}

describe('--write-baseline and --baseline', () => {
  it('accepts current findings, keeps them accepted after edits above them, and reports new ones', () => {
    writeFileSync(join(dir, 'a.txt'), original)
    const written = runCli(['a.txt', '--write-baseline', 'baseline.json'], { cwd: dir })
    expect(written.code).toBe(0)
    expect(written.stderr).toContain('wrote baseline.json: 2 findings in 1 file(s) accepted')
    const data = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'))
    expect(Object.keys(data.files)).toEqual(['a.txt'])
    expect(JSON.stringify(data)).not.toMatch(/"line"|"column"/)
    writeFileSync(join(dir, 'a.txt'), '新增的第一行。\n\n' + original + '发展x名党员。\n')
    const r = runCli(['a.txt', '--baseline', 'baseline.json', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(r.stdout).map((f) => [f.line, f.text])).toEqual([[6, 'x名']])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
  })

  it('lists the entries that no longer match, so the file can be pruned', () => {
    writeFileSync(join(dir, 'a.txt'), original)
    runCli(['a.txt', '--write-baseline', 'baseline.json'], { cwd: dir })
    writeFileSync(join(dir, 'a.txt'), original.replace('**次', '12次'))
    const r = runCli(['a.txt', '--baseline', 'baseline.json'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stderr.trim()).toBe('mask-audit: baseline.json: stale entry for a.txt: count/unfilled "**次" no longer found; rewrite with --write-baseline to prune')
  })

  it('an edited finding is new; its untouched neighbours on the same line stay accepted and are not stale', () => {
    writeFileSync(join(dir, 'a.txt'), '第一段。\n全年学习**次，开展活动**次，发展**名党员。\n')
    runCli(['a.txt', '--write-baseline', 'b.json'], { cwd: dir })
    writeFileSync(join(dir, 'a.txt'), '第一段。\n全年学习**次，开展活动xx次，发展**名党员。\n')
    const r = runCli(['a.txt', '--baseline', 'b.json', '--format', 'jsonl'], { cwd: dir })
    expect(jsonl(r.stdout).map((f) => [f.line, f.column, f.text])).toEqual([[2, 13, 'xx次']])
    expect(r.stderr.trim()).toBe('mask-audit: b.json: stale entry for a.txt: count/unfilled "**次" no longer found; rewrite with --write-baseline to prune')
  })

  it('counts identical findings: a second copy of an accepted line is new', () => {
    writeFileSync(join(dir, 'a.txt'), '全年学习**次。\n')
    runCli(['a.txt', '--write-baseline', 'b.json'], { cwd: dir })
    writeFileSync(join(dir, 'a.txt'), '全年学习**次。\n全年学习**次。\n')
    expect(jsonl(runCli(['a.txt', '--baseline', 'b.json', '--format', 'jsonl'], { cwd: dir }).stdout)).toHaveLength(1)
  })

  it('keys files relative to the baseline, so another working folder finds them', () => {
    writeFileSync(join(dir, 'a.txt'), original)
    runCli(['a.txt', '--write-baseline', 'baseline.json'], { cwd: dir })
    const r = runCli([join(dir, 'a.txt'), '--baseline', join(dir, 'baseline.json')], { cwd: tmpdir() })
    expect(r.code).toBe(0)
  })

  it.each([
    ['broken JSON', '{"schemaVersion": 1,', /^mask-audit: bad\.json: malformed baseline: invalid JSON \(.*\) \(write it again with --write-baseline\)$/],
    ['a wrong field', '{"schemaVersion": 1, "salt": "00112233445566778899aabbccddeeff", "files": {"a.txt": [{"ruleId": "count/unfilled", "fingerprint": "xyz", "count": 1}]}}', /^mask-audit: bad\.json:1:130: files\.a\.txt\[0\]\.fingerprint: must be 32 hex digits$/],
    ['a missing file', null, /^mask-audit: bad\.json: no such baseline file \(create it with --write-baseline\)$/],
  ])('a malformed baseline (%s) is one line and exit 2', (_name, text, expected) => {
    writeFileSync(join(dir, 'a.txt'), original)
    if (text !== null) writeFileSync(join(dir, 'bad.json'), text)
    const r = runCli(['a.txt', '--baseline', 'bad.json'], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim()).toMatch(expected)
  })
})

describe('fingerprints', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    ruleId: 'leak/place',
    category: 'leak',
    severity: 'error',
    message: 'm',
    line: 9,
    column: 3,
    endLine: 9,
    endColumn: 7,
    offset: 120,
    length: 4,
    text: '红旗嘎查',
    context: '...对红旗嘎查进行病虫害防治...',
    fix: null,
    ...over,
  })

  it('never stores the clear text of a leak finding, only a salted hash', () => {
    const data = buildBaseline(new Map([['a.txt', [finding({})]]]), '00112233445566778899aabbccddeeff')
    const json = JSON.stringify(data)
    expect(json).not.toContain('红旗')
    const hex = expect.stringMatching(/^[0-9a-f]{32}$/)
    expect(data.files['a.txt']![0]).toEqual({ ruleId: 'leak/place', fingerprint: hex, before: hex, after: hex, count: 1 })
    const other = buildBaseline(new Map([['a.txt', [finding({})]]]), 'ffeeddccbbaa99887766554433221100')
    expect(other.files['a.txt']![0]!.fingerprint).not.toBe(data.files['a.txt']![0]!.fingerprint)
  })

  it('ignores line, column, offset, whitespace and a clipped context, but not the text around', () => {
    const salt = '00112233445566778899aabbccddeeff'
    const base = fingerprintOf(finding({}), salt)
    expect(fingerprintOf(finding({ line: 40, column: 1, offset: 9000, context: '对红旗嘎查 进行病虫害防治' }), salt)).toBe(base)
    expect(fingerprintOf(finding({ context: '对红旗嘎查进行灭鼠' }), salt)).not.toBe(base)
    expect(fingerprintOf(finding({ ruleId: 'leak/person' }), salt)).not.toBe(base)
  })

  it('stores only hashes for every category that may hold a name: typos and template notes too', () => {
    const salt = '00112233445566778899aabbccddeeff'
    const typo = finding({ ruleId: 'typo/misused-word', category: 'typo', text: '张建国同志', context: '...张建国同志在会上...' })
    const note = finding({ ruleId: 'placeholder/template-note', category: 'placeholder', text: '（此处填写王秀英的职务）', context: '（此处填写王秀英的职务）' })
    const count = finding({ ruleId: 'count/unfilled', category: 'count', text: '**次', context: '全年学习**次' })
    const data = buildBaseline(new Map([['a.txt', [typo, note, count]]]), salt)
    const json = JSON.stringify(data)
    expect(json).not.toMatch(/张建国|王秀英|此处/)
    expect(data.files['a.txt']!.map((e) => e.text)).toEqual([undefined, undefined, '**次'])
  })

  it('reads a baseline written before side prints, and still matches by the whole fingerprint', () => {
    const salt = '00112233445566778899aabbccddeeff'
    const old = { schemaVersion: 1 as const, salt, files: { 'a.txt': [{ ruleId: 'leak/place', fingerprint: fingerprintOf(finding({}), salt), text: '红旗嘎查', count: 1 }] } }
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old))
    writeFileSync(join(dir, 'a.txt'), original)
    expect(runCli(['a.txt', '--baseline', 'old.json'], { cwd: dir }).code).toBe(1)
    const matcher = new BaselineMatcher(old, (p) => p)
    expect(matcher.filter([finding({ line: 50 })], new Document('x', { path: 'a.txt', encoding: 'utf-8' }))).toEqual([])
  })

  it('matches a leak finding from its hash alone', () => {
    const data = buildBaseline(new Map([['a.txt', [finding({})]]]), '00112233445566778899aabbccddeeff')
    const matcher = new BaselineMatcher(data, (p) => p)
    const doc = new Document('x', { path: 'a.txt', encoding: 'utf-8' })
    expect(matcher.filter([finding({ line: 50 })], doc)).toEqual([])
    expect(matcher.stale()).toEqual([])
  })
})
