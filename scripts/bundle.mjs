// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/, for a short start-up:
//
// - main.cjs, the CLI, is one CommonJS file. A one-file run then resolves, reads and links one
//   module instead of some forty ES modules (about 30 ms of CPU per run), and bin/mask-audit.js
//   keeps V8's compiled code of it in a cache (bin/code-cache.js), which Node 20 allows only
//   for CommonJS. Lazily imported modules stay lazy: esbuild wraps them in functions run on
//   first import, and the npm packages they import are required only then.
// - audit-worker.js, the worker thread's entry, and the chunks of its lazy imports stay ES
//   modules, as the worker pool loads it: ./audit-worker.js beside the CLI.
//
// npm packages stay external, required from node_modules, except those `require` cannot load
// on every Node 20 (ES modules only: chalk, htmlparser2, the mdast/micromark family), those
// imported with import() (diff), which a script compiled with a code cache cannot run, and
// commander, which every run loads: bundled, its compiled code is in the cache too (~9 ms of
// CPU a run), as is regexpp's, which parses the patterns of the pattern and count rules.
// Those are bundled in, are devDependencies, and their licences go to THIRD-PARTY-LICENSES.txt.
// commander's module requires node:child_process as it loads, for subcommands that are
// programs of their own, which this CLI has none of: bundled, it requires it on first use,
// sparing every run the ~25 built-in modules it brings (net, dgram, ...: ~2 ms of CPU).
//
// Whitespace is minified (names are kept, so a stack still names its functions): the bundle is
// 2.9 → 2.2 MB, which kept the installed package under its 40 MB, and V8 reads less at start.
//
// dist/bundle/ sits two levels below the package root, as dist/<dir>/ does, so the paths the
// modules compute from import.meta.url (rules/, dist/.cache/, package.json) still hold.
import { build } from 'esbuild'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'dist', 'bundle')
/** CommonJS packages bundled all the same: every run loads them. */
const alwaysBundled = new Set(['commander', '@eslint-community/regexpp'])
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', metafile: true, minifyWhitespace: true, plugins: [externalUnlessBundled()] }
rmSync(outdir, { recursive: true, force: true })

const cli = await build({
  ...common,
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(outdir, 'main.cjs'),
  format: 'cjs',
  // import.meta.url as the ES modules saw it: the URL of the file that runs.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: 'var importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [...common.plugins, childProcessOnFirstUse()],
})
const mainFile = join(outdir, 'main.cjs')
if (/\bimport\(/.test(readFileSync(mainFile, 'utf8'))) throw new Error('dist/bundle/main.cjs has an import(): bin/code-cache.js cannot run it')
writeFileSync(mainFile, asciiOnly(readFileSync(mainFile, 'utf8')))

const worker = await build({
  ...common,
  entryPoints: [join(root, 'dist', 'run', 'audit-worker.js')],
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  format: 'esm',
})

const { bundled, external } = packagesOf([cli.metafile, worker.metafile])
const misplaced = bundled.map((dir) => dir.slice(dir.lastIndexOf('node_modules/') + 13)).filter((name) => name in manifest.dependencies)
const missing = external.filter((name) => !(name in manifest.dependencies))
if (misplaced.length > 0 || missing.length > 0) {
  throw new Error(`package.json: ${[...misplaced.map((n) => `${n} is bundled: a devDependency`), ...missing.map((n) => `${n} is required at run time: a dependency`)].join('; ')}`)
}
writeFileSync(join(outdir, 'THIRD-PARTY-LICENSES.txt'), licenceNotices(bundled))

/**
 * `code` with every character past ASCII written as a \\u escape. esbuild escapes them in strings
 * but leaves them in regex literals (the rules' Chinese patterns), and one such character made
 * bin/code-cache.js decode the whole 1.3 MB bundle as UTF-8 into a two-byte string on every run
 * (~30 M instructions, a tenth of a small file's run beyond Node's start); ASCII, it is read as
 * Latin-1, a copy. A \\u escape means the same character in a string, a template, a regex
 * (with or without the u flag: a pair of escaped surrogates is one code point there), an
 * identifier or a comment; an identity escape before the character (`\\中`) gives way to it.
 * Only a tagged template's raw text would differ, and esbuild leaves such characters in none
 * here: it escapes strings and templates itself, which a tag's raw text forbids.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
    const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
    // An odd run of backslashes escapes the character itself: the last one goes.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape
  })
}

/** Leaves a package to `require` at run time, unless it is an ES module only, imported with import() or always bundled. */
function externalUnlessBundled() {
  return {
    name: 'external-unless-bundled',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('node:') || args.pluginData === 'probe' || args.kind === 'dynamic-import' || alwaysBundled.has(args.path)) return undefined
        const resolved = await b.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, pluginData: 'probe' })
        if (resolved.errors.length > 0 || resolved.external || !isEsm(resolved.path)) return { path: args.path, external: true }
        return undefined
      })
    },
  }
}

/** Has commander require node:child_process when it spawns, not when it loads; fails the build if commander's source no longer reads as expected. */
function childProcessOnFirstUse() {
  const eager = "const childProcess = require('node:child_process');"
  return {
    name: 'child-process-on-first-use',
    setup(b) {
      b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8')
        const uses = new Set(source.match(/\bchildProcess\.\w+/g))
        if (!source.includes(eager) || [...uses].some((use) => use !== 'childProcess.spawn')) throw new Error(`bundle: ${args.path} no longer uses node:child_process as expected (${[...uses].join(', ')}); update childProcessOnFirstUse()`)
        return { contents: source.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' }
      })
    },
  }
}

/** True for a .mjs file, or a .js file whose nearest package.json says "type": "module". */
function isEsm(file) {
  if (file.endsWith('.mjs')) return true
  if (!file.endsWith('.js')) return false
  const manifestFile = nearestManifest(file)
  return manifestFile !== undefined && JSON.parse(readFileSync(manifestFile, 'utf8')).type === 'module'
}

function nearestManifest(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json')
  }
  return undefined
}

/** The folders of the npm packages bundled in, and the names of those left external (the packages our own code requires). */
function packagesOf(metafiles) {
  const bundled = new Set()
  const external = new Set()
  const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
  for (const metafile of metafiles) {
    for (const [path, input] of Object.entries(metafile.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)
      if (m) bundled.add(m[1])
      for (const imported of input.imports) {
        if (imported.external && !imported.path.startsWith('node:') && !/^[./]/.test(imported.path)) external.add(packageName(imported.path))
      }
    }
  }
  return { bundled: [...bundled].sort(), external: [...external].sort() }
}

/** Name, version and licence text of every bundled package (by folder), as their licences ask of a copy. */
function licenceNotices(dirs) {
  const parts = dirs.map((relativeDir) => {
    const dir = join(root, relativeDir)
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f))
    const text = licenceFile === undefined ? `License: ${license}` : readFileSync(join(dir, licenceFile), 'utf8').trim()
    return `${name}@${version}\n\n${text}\n`
  })
  return `Packages bundled into main.cjs and audit-worker.js, with their licences.\n\n${parts.join('\n---\n\n')}`
}
