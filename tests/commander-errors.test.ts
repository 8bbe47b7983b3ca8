import { describe, expect, it } from 'vitest'
import { localCommanderError } from '../src/cli/commander-errors.js'
import { runCli } from './helpers.js'

describe("commander's own errors", () => {
  it('are worded in Chinese, names and values kept, and left as commander wrote them in English', () => {
    expect(localCommanderError("error: unknown option '--formt'\n(Did you mean --format?)\n", 'zh')).toBe('错误：未知选项“--formt”\n（是否应为 --format？）\n')
    expect(localCommanderError("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json.\n", 'zh')).toBe('错误：选项“-f, --format <format>”的取值“xml”无效，可选：stylish, json\n')
    expect(localCommanderError("error: too many arguments for 'redact'. Expected 1 argument but got 2.\n", 'zh')).toBe('错误：命令“redact”的参数过多：应为 1 个，实际 2 个\n')
    expect(localCommanderError("error: missing required argument 'file'\n", 'zh')).toBe('错误：缺少必需的参数“file”\n')
    // What commander did not write passes as it is.
    expect(localCommanderError('其他输出\n', 'zh')).toBe('其他输出\n')
    const english = "error: unknown option '--formt'\n(Did you mean --format?)\n"
    expect(localCommanderError(english, 'en')).toBe(english)
  })

  it('reach a Chinese user of the command line in Chinese, with exit code 2', () => {
    const r = runCli(['check', '--lang', 'zh', '--formt', 'x'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('mask-audit: 错误：未知选项“--formt”')
    expect(r.stderr).toContain('（是否应为 --format？）')
  })
})
