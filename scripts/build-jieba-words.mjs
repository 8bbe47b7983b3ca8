#!/usr/bin/env node
// Writes jieba's dictionary (the dict.txt that @node-rs/jieba ships) as a sorted word list
// the tokenizer reads without parsing: dist/data/jieba-words.bin. `npm run build` runs it.
//
// Building jieba's own dictionary of 349,000 words costs ~100 ms and ~47 MB, yet a run tags a
// few clauses of each file, and jieba segments a text by the dictionary words inside it
// only. So the tokenizer starts jieba with an empty dictionary and, before tagging a
// clause, adds the words of this list that occur in it (src/nlp/jieba-words.ts), plus one
// placeholder word that keeps the dictionary's total frequency: tags come out as with the
// whole dictionary.
//
// Layout, little-endian, every section aligned to 4 bytes:
//   u32 magic 'JBW1', u32 header bytes, header JSON (UTF-8, padded with spaces):
//     { dictBytes, version, count, textLength, totalFrequency, maxLength, tags }
//   u16[textLength]  the words, concatenated, sorted by UTF-16 code units
//   i32[count + 1]   where each word starts in the text, and the text's length
//   i32[65537]       the first word whose first code unit is at least c, for each c, and count
//   i32[count]       the frequency of each word
//   u8[count]        the index of each word's part-of-speech tag in `tags`
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outFile = join(root, 'dist', 'data', 'jieba-words.bin')
const magic = 0x3257424a // 'JBW2'

function main() {
  const require = createRequire(join(root, 'package.json'))
  const dictPath = require.resolve('@node-rs/jieba/dict.txt')
  const version = JSON.parse(readFileSync(require.resolve('@node-rs/jieba/package.json'), 'utf8')).version
  const dict = readFileSync(dictPath)
  const entries = []
  const tags = []
  const tagIndex = new Map()
  let totalFrequency = 0
  for (const line of dict.toString('utf8').split('\n')) {
    if (!line.trim()) continue
    const [word, freq, tag = ''] = line.trim().split(' ')
    const frequency = Number(freq)
    if (!word || !Number.isSafeInteger(frequency) || frequency < 0 || frequency > 0x7fffffff) throw new Error(`unexpected line in ${dictPath}: ${line}`)
    if (word.length > 255) throw new Error(`word longer than 255 code units in ${dictPath}: ${word}`)
    if (!tagIndex.has(tag)) tagIndex.set(tag, tags.push(tag) - 1)
    entries.push({ word, frequency, tag: tagIndex.get(tag) })
    totalFrequency += frequency
  }
  if (tags.length > 255) throw new Error(`more than 255 tags in ${dictPath}`)
  entries.sort((a, b) => compareCodeUnits(a.word, b.word))
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].word === entries[i - 1].word) throw new Error(`word listed twice in ${dictPath}: ${entries[i].word}`)
  }
  const textLength = entries.reduce((n, e) => n + e.word.length, 0)
  const maxLength = entries.reduce((n, e) => Math.max(n, e.word.length), 0)
  const header = { dictBytes: dict.length, version, count: entries.length, textLength, totalFrequency, maxLength, tags }
  const headerBytes = Buffer.from(JSON.stringify(header).padEnd(align(Buffer.byteLength(JSON.stringify(header)))), 'utf8')
  const count = entries.length
  const size = 8 + headerBytes.length + align(textLength * 2) + (count + 1) * 4 + 0x10001 * 4 + count * 4 + align(count)
  const out = Buffer.alloc(size)
  out.writeUInt32LE(magic, 0)
  out.writeUInt32LE(headerBytes.length, 4)
  headerBytes.copy(out, 8)
  let at = 8 + headerBytes.length
  for (const { word } of entries) for (let i = 0; i < word.length; i++, at += 2) out.writeUInt16LE(word.charCodeAt(i), at)
  at = 8 + headerBytes.length + align(textLength * 2)
  let start = 0
  for (const { word } of entries) {
    at = out.writeInt32LE(start, at)
    start += word.length
  }
  at = out.writeInt32LE(start, at)
  // Sorted, so the words of each first code unit are one run.
  const byFirst = new Int32Array(0x10001).fill(count)
  for (let i = entries.length - 1; i >= 0; i--) byFirst[entries[i].word.charCodeAt(0)] = i
  for (let c = 0x10000 - 1; c >= 0; c--) if (byFirst[c] > byFirst[c + 1]) byFirst[c] = byFirst[c + 1]
  for (const first of byFirst) at = out.writeInt32LE(first, at)
  for (const { frequency } of entries) at = out.writeInt32LE(frequency, at)
  for (const { tag } of entries) out[at++] = tag
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(`${outFile}.tmp`, out)
  renameSync(`${outFile}.tmp`, outFile)
}

function align(n) {
  return (n + 3) & ~3
}

function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

main()
