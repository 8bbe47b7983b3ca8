// `npm run build`, and the build a fresh clone's first `npx mask-audit` runs
// (build-checkout.mjs): every step that makes dist/, in order, from one list.
//
// 1. tsc compiles src/ to dist/; 2. bundle.mjs bundles it into dist/bundle/; 3. and 4. write
// the tables the tokenizer and the gazetteer read without parsing (dist/data/); 5. one check
// of a masked draft from fixtures/ warms dist/.cache/: the validated built-in rules, and V8's
// compiled code of the CLI, which bin/code-cache.js saves after the first run that finds no
// cache. Made by a run of `rules` (as it was), that code lacked every rule's and the leak
// checks' functions, and a run on one small masked file compiled them again each time (~13 ms
// of CPU). Steps write their progress to stderr.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A draft with masks, names, places and typos: its check runs every rule's code. */
const warmUpFile = join('fixtures', 'draft', 'seed-000-team-party-building.txt')

/** Runs every build step in the checkout at `root`; throws on the first that fails. */
export function buildAll(root) {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
  const node = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] })
  node([tsc, '-p', 'tsconfig.json'])
  node([join('scripts', 'bundle.mjs')])
  node([join('scripts', 'build-jieba-words.mjs')])
  node([join('scripts', 'build-gazetteer.mjs'), '--compile'])
  warmCaches(root)
}

function warmCaches(root) {
  const bin = join('bin', 'mask-audit.js')
  // A checkout without the fixtures warms the rules' cache only.
  const args = existsSync(join(root, warmUpFile)) ? [bin, warmUpFile] : [bin, 'rules']
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    // Exit code 1: the draft has findings, as it should. Anything else is a failed build, said with the run's stderr.
    if (error.status !== 1) throw new Error(`build: the warm-up run \`node ${args.join(' ')}\` failed (${error.status ?? error.signal}): ${error.stderr ?? error.message}`)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildAll(join(dirname(fileURLToPath(import.meta.url)), '..'))
