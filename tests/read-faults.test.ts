// Reading files a hostile or broken system hands over: pipes, sockets, devices, names that are
// not UTF-8, encrypted .docx, a slow standard input. Each is one line naming the file and why.
import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { docxToText, isZipEncrypted } from '../src/io/docx.js'
import { inputErrorOf, readDocument } from '../src/io/read-document.js'
import { runCli } from './helpers.js'
import { makeDocx, paragraph } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const bin = fileURLToPath(new URL('../bin/mask-audit.js', import.meta.url))
let dir: string

beforeAll(() => {
  dir = makeTempDir('read-faults-')
  writeFileSync(join(dir, 'ok.txt'), '学习x次。\n')
})

describe('files that are not regular files', () => {
  it('a named pipe with no writer is refused at once, and the rest of the batch is audited', () => {
    spawnSync('mkfifo', [join(dir, 'pipe.txt')])
    const r = runCli([join(dir, 'pipe.txt'), join(dir, 'ok.txt'), '--format', 'jsonl'])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`mask-audit: ${join(dir, 'pipe.txt')}: not a regular file (a named pipe) (to audit what a pipe carries, send it to --stdin)`)
    expect(r.stdout).toContain('ok.txt')
  })

  it('a walked file swapped for a pipe is refused by readDocument, not waited on', async () => {
    spawnSync('mkfifo', [join(dir, 'swapped.md')])
    await expect(readDocument(join(dir, 'swapped.md'))).rejects.toThrow('not a regular file (a named pipe)')
  })

  it('a device is refused', async () => {
    await expect(readDocument('/dev/zero')).rejects.toThrow('not a regular file (a device)')
  })

  it('a socket is named as such, not a bare ENXIO', async () => {
    const path = join(dir, 'sock.txt')
    const server = createServer().listen(path)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      await expect(readDocument(path)).rejects.toThrow(/^not a regular file \(a socket/)
    } finally {
      server.close()
    }
  })

  it('the pipe of a process substitution is still read', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --format jsonl <(cat "${join(dir, 'ok.txt')}")`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('count/unfilled')
  })
})

describe('messages', () => {
  it('a name with bytes that are not UTF-8 says so instead of a bare "no such file"', () => {
    // 报告 in GBK bytes.
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]), '学习x次。\n')
    // Passed on as bytes the way a shell does: bash does not re-encode argv.
    const viaShell = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${dir}/$'\\xb1\\xa8\\xb8\\xe6'.txt`], { encoding: 'utf8' })
    expect(viaShell.status).toBe(2)
    expect(viaShell.stderr).toMatch(/: no such file or directory: the name holds bytes that are not UTF-8, so it cannot be opened by this name \(rename it to UTF-8/)
    expect(viaShell.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a walked file whose name is not UTF-8 gets the same explanation', () => {
    const r = runCli([dir, '--format', 'jsonl', '--no-gitignore'])
    expect(r.stderr).toMatch(/\.txt: no such file: its name holds bytes that are not UTF-8/)
    expect(r.stdout).toContain('ok.txt')
  })

  it('EIO and ENXIO (a /proc link, a failing disk) are said in words, naming the file', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: something, read`), { code })
    expect(inputErrorOf(errno('EIO'), '/proc/1/fd/3').format()).toBe('/proc/1/fd/3: input/output error (a failing disk, or a file the system cannot read as data)')
    expect(inputErrorOf(errno('ENXIO'), 's.txt').format()).toBe('s.txt: not a regular file (a socket or a device with nothing behind it)')
    expect(inputErrorOf(errno('EWHATEVER'), 'x.txt').format()).toBe('x.txt: EWHATEVER')
  })

  it('a zip-encrypted .docx is "encrypted .docx is not supported", not "invalid distance"', () => {
    const bytes = Buffer.from(makeDocx(paragraph('学习x次。')))
    expect(isZipEncrypted(bytes)).toBe(false)
    // Set bit 0 (encrypted) of every central directory entry and local header, as an encrypting zip tool does.
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = bytes.readUInt32LE(i)
      if (sig === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 8) | 1, i + 8)
      if (sig === 0x04034b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 6) | 1, i + 6)
    }
    expect(isZipEncrypted(bytes)).toBe(true)
    expect(() => docxToText(bytes, 'secret.docx')).toThrow(/^encrypted \.docx is not supported/)
    writeFileSync(join(dir, 'secret.docx'), bytes)
    const r = runCli([join(dir, 'secret.docx'), join(dir, 'ok.txt')])
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`mask-audit: ${join(dir, 'secret.docx')}: encrypted .docx is not supported: its parts are enciphered in the zip archive (remove the password in Word or WPS, or save it again as .docx)`)
  })
})

describe('--stdin', () => {
  it('a slow writer is waited for: no EAGAIN, the whole text is audited', async () => {
    const child = spawn(process.execPath, [bin, '--stdin', '--format', 'jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const done = new Promise<number | null>((resolve) => child.on('close', resolve))
    child.stdin.write('第一段，学习')
    await new Promise((resolve) => setTimeout(resolve, 400))
    child.stdin.write('x次。\n第二段，开展活动**次。\n')
    await new Promise((resolve) => setTimeout(resolve, 200))
    child.stdin.end()
    expect(await done).toBe(1)
    expect(stderr).toBe('')
    expect(stdout.trim().split('\n')).toHaveLength(2)
  })
})
