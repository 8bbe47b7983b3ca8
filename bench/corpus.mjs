// Generates a benchmark corpus from the real reports in fixtures/: paragraphs reshuffled
// (deterministic PRNG) into files of about the given size. Only written when missing or
// of another shape, so repeated runs reuse it.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Mulberry32: a small seeded PRNG, so every machine builds the same corpus. */
function prng(seed) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Paragraphs of every fixture document under `fixturesDir/<profile>/`. */
export function fixtureParagraphs(fixturesDir) {
  const paragraphs = []
  for (const profile of readdirSync(fixturesDir)) {
    const dir = join(fixturesDir, profile)
    for (const name of readdirSync(dir)) {
      if (!/\.(txt|md)$/.test(name)) continue
      for (const p of readFileSync(join(dir, name), 'utf8').split('\n')) if (p.trim().length > 20) paragraphs.push(p)
    }
  }
  return paragraphs
}

/**
 * Writes `files` files of about `bytesPerFile` bytes each into `dir`; returns the total size.
 * A `manifest.json` records the shape so an unchanged corpus is not rebuilt.
 */
export function ensureCorpus({ dir, fixturesDir, files, bytesPerFile, seed = 42 }) {
  const manifestPath = join(dir, 'manifest.json')
  const shape = JSON.stringify({ files, bytesPerFile, seed, version: 1 })
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.shape === shape) return manifest.totalBytes
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const paragraphs = fixtureParagraphs(fixturesDir)
  const random = prng(seed)
  let totalBytes = 0
  for (let i = 0; i < files; i++) {
    const parts = []
    let size = 0
    while (size < bytesPerFile) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)]
      parts.push(p)
      size += Buffer.byteLength(p) + 1
    }
    const sub = join(dir, String(i % 20).padStart(2, '0'))
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `doc-${String(i).padStart(5, '0')}.txt`), parts.join('\n') + '\n')
    totalBytes += size
  }
  writeFileSync(manifestPath, JSON.stringify({ shape, totalBytes }))
  return totalBytes
}
