#!/usr/bin/env node
// Writes an index of jieba's dictionary (the dict.txt that @node-rs/jieba ships) that the
// tokenizer reads without parsing: dist/data/jieba-words.bin. `npm run build` runs it.
//
// Building jieba's own dictionary of 349,000 words costs ~100 ms and ~47 MB, yet a run tags a
// few clauses of each file, and jieba segments a text by the dictionary words inside it
// only. So the tokenizer starts jieba with an empty dictionary and, before tagging a
// clause, adds the lines of dict.txt whose words occur in it (src/nlp/jieba-words.ts), plus
// one placeholder word that keeps the dictionary's total frequency: tags come out as with the
// whole dictionary. The index points into dict.txt itself, so it adds 1.7 MB, not a copy.
//
// The same index tags the words jieba cuts (`cut` and a lookup here cost a third of its `tag`,
// which builds an object per word across N-API), so it also holds each word's tag.
//
// Layout, little-endian: u32 magic 'JBW4', u32 header bytes, header JSON (UTF-8, padded with
// spaces to 4 bytes): { dictBytes, version, count, totalFrequency, tags }, then
//   i32[count]  the byte offset in dict.txt of each line, sorted by the line's word (UTF-8 bytes)
//   u8[count]   the byte length of each line's word
//   u8[count]   the line's tag, as an index into the header's `tags`
//   zero bytes up to a multiple of 4, then
//   i32[0x10002] per code point c below 0x10000 the first word starting with c (words past the
//                BMP start at slot 0x10000; the last slot is `count`): computed here, not at
//                every run's start, where it read 349,000 places of dict.txt (~5 ms)
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outFile = join(root, 'dist', 'data', 'jieba-words.bin')
const magic = 0x3557424a // 'JBW5'

function main() {
  const require = createRequire(join(root, 'package.json'))
  const dictPath = require.resolve('@node-rs/jieba/dict.txt')
  const version = JSON.parse(readFileSync(require.resolve('@node-rs/jieba/package.json'), 'utf8')).version
  const dict = readFileSync(dictPath)
  const lines = []
  let totalFrequency = 0
  /** Tag ids by tag, in order of first use. */
  const tagIds = new Map()
  for (let at = 0; at < dict.length; ) {
    const newline = dict.indexOf(0x0a, at)
    const end = newline < 0 ? dict.length : newline
    const line = dict.toString('utf8', at, end)
    if (line.trim()) {
      // The runtime reads a line back from its start to the newline: `word frequency tag`.
      const match = /^(\S+) (\d+)(?: (\S+))?\r?$/.exec(line)
      if (!match) throw new Error(`unexpected line in ${dictPath}: ${line}`)
      const wordBytes = Buffer.byteLength(match[1])
      if (wordBytes > 255) throw new Error(`word longer than 255 bytes in ${dictPath}: ${match[1]}`)
      // jieba gives a line without a tag the empty one.
      const tag = match[3] ?? ''
      if (!tagIds.has(tag)) tagIds.set(tag, tagIds.size)
      if (tagIds.size > 256) throw new Error(`more than 256 tags in ${dictPath}`)
      lines.push({ at, wordBytes, tagId: tagIds.get(tag) })
      totalFrequency += Number(match[2])
    }
    at = end + 1
  }
  const word = (l) => dict.subarray(l.at, l.at + l.wordBytes)
  lines.sort((a, b) => Buffer.compare(word(a), word(b)))
  for (let i = 1; i < lines.length; i++) {
    if (Buffer.compare(word(lines[i]), word(lines[i - 1])) === 0) throw new Error(`word listed twice in ${dictPath}: ${word(lines[i])}`)
  }
  const header = JSON.stringify({ dictBytes: dict.length, version, count: lines.length, totalFrequency, tags: [...tagIds.keys()] })
  const headerBytes = Buffer.from(header.padEnd((Buffer.byteLength(header) + 3) & ~3), 'utf8')
  // Byte order is code point order, so each first character's words are one run.
  const byFirst = new Int32Array(0x10002).fill(lines.length)
  for (let i = lines.length - 1; i >= 0; i--) byFirst[Math.min(0x10000, word(lines[i]).toString('utf8').codePointAt(0))] = i
  for (let c = 0x10000; c >= 0; c--) if (byFirst[c] > byFirst[c + 1]) byFirst[c] = byFirst[c + 1]
  const tablesAt = (8 + headerBytes.length + lines.length * 6 + 3) & ~3
  const out = Buffer.alloc(tablesAt + byFirst.byteLength)
  out.writeUInt32LE(magic, 0)
  out.writeUInt32LE(headerBytes.length, 4)
  headerBytes.copy(out, 8)
  let at = 8 + headerBytes.length
  for (const line of lines) at = out.writeInt32LE(line.at, at)
  for (const line of lines) out[at++] = line.wordBytes
  for (const line of lines) out[at++] = line.tagId
  Buffer.from(byFirst.buffer).copy(out, tablesAt)
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(`${outFile}.tmp`, out)
  renameSync(`${outFile}.tmp`, outFile)
}

main()
