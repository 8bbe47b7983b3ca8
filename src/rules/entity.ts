// Kind `entity`: HTML character references left in text that is not HTML (`&nbsp;`,
// `&amp;ldquo;`, `&#12288;`, an escaped tag `&lt;br&gt;`), each with the character it stands
// for. Only what HTML defines counts: `R&D`, `AT&T` and `&` in prose hold no reference.
import type * as Entities from 'entities'
import type { RawFinding } from '../core/finding.js'
import type { Document } from '../core/document.js'
import { nameInvisibles } from '../core/invisible-text.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, zod } from './shared/options.js'
import type { RuleKind } from './types.js'

/** Options of an entity rule. */
export interface EntityOptions {
  /** True to let `--fix` put the characters in place of the references. */
  readonly fix: boolean
}

const schema = lazy(() => zod().strictObject({ fix: zod().boolean().default(false) }))

/** A reference, escaped any number of times (`&amp;amp;nbsp;`): named, decimal or hexadecimal. */
const referenceSource = String.raw`&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`
/**
 * An HTML tag escaped into text: `&lt;br&gt;`, `&lt;/p&gt;`, `&lt;span class="x"&gt;`, or a
 * comment (`&lt;!--paidend--&gt;`): one piece, so that no fix unescapes `&lt;` and `&gt;` into a
 * live tag (a CMS's paid tag, which paywall/tag reports).
 */
const escapedTagSource = String.raw`&(?:amp;)*lt;(?:/?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^&<>\n]{0,80})?/?|!--[^&<>\n]{0,80}?--)&(?:amp;)*gt;`
/** A run of references with nothing between them (`&nbsp;&nbsp;&nbsp;&nbsp;`) is one finding. */
const debrisRe = new RegExp(`(?:${escapedTagSource}|${referenceSource})+`, 'g')
/** One piece of a run: an escaped tag (with the text inside it) or a reference. */
const pieceRe = new RegExp(`${escapedTagSource}|${referenceSource}`, 'g')
const tagRe = /^(?:<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>|<!--[^<>]*-->)+$/

/**
 * The `entity` kind. Message variables: `{text}`, `{reading}` (what it stands for, spaces and
 * invisible characters named by code point), `{suggestion}`. An escaped tag gets the variant
 * `<messageId>.tag`, with the empty suggestion: the tag is markup, not text.
 */
export const entityKind: RuleKind<EntityOptions> = {
  name: 'entity',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    return (doc) => {
      const text = doc.text
      if (!text.includes('&')) return []
      const findings: RawFinding[] = []
      debrisRe.lastIndex = 0
      for (let m = debrisRe.exec(text); m; m = debrisRe.exec(text)) {
        for (const run of runsOf(m[0], m.index, doc)) findings.push(findingOf(run, rule.messageId, rule.options.fix))
      }
      return findings
    }
  },
}

interface Run {
  readonly offset: number
  readonly text: string
  readonly decoded: string
}

/**
 * The runs of a match that hold only references HTML defines, each decoded as often as it was
 * escaped. Markdown decodes a reference itself (`&emsp;&emsp;` indents a paragraph on purpose):
 * there only one escaped twice (`&amp;ldquo;`), which shows as a reference, is debris.
 */
function runsOf(match: string, offset: number, doc: Document): Run[] {
  const runs: Run[] = []
  const isMarkdown = doc.format === 'markdown'
  let last: { start: number; end: number; decoded: string } | undefined
  const flush = () => {
    if (last) runs.push({ offset: offset + last.start, text: match.slice(last.start, last.end), decoded: last.decoded })
    last = undefined
  }
  pieceRe.lastIndex = 0
  for (let m = pieceRe.exec(match); m; m = pieceRe.exec(match)) {
    const decoded = decodeFully(m[0])
    if (!isDebris(m[0], decoded, isMarkdown)) {
      flush()
      continue
    }
    if (last && last.end === m.index) last = { start: last.start, end: m.index + m[0].length, decoded: last.decoded + decoded }
    else {
      flush()
      last = { start: m.index, end: m.index + m[0].length, decoded }
    }
  }
  flush()
  return runs
}

/**
 * True when `piece` stands for `decoded`: it decodes to text with no reference left (`&amp;foo;`
 * escapes no reference). In Markdown a reference escaped once is markup, shown decoded; an escaped
 * tag there shows as a tag, and one escaped twice as a reference.
 */
function isDebris(piece: string, decoded: string, isMarkdown: boolean): boolean {
  if (decoded === piece || /&(?:#[0-9xX]|[A-Za-z][A-Za-z0-9]*;)/.test(decoded)) return false
  return !isMarkdown || tagRe.test(decoded) || decodeHTMLStrict(piece) !== decoded
}

/**
 * The entities package, required on the first reference a text holds: loading it decodes its
 * table of the names HTML defines (~30 M instructions), which every run paid on start-up when it
 * was imported, for the few texts that hold `&`. A `require` of an ES module the bundle holds is
 * run by esbuild's lazy module wrapper, on first call; Node 20.19+ requires it itself elsewhere.
 */
let entities: typeof Entities | undefined
function decodeHTMLStrict(text: string): string {
  entities ??= require('entities') as typeof Entities
  return entities.decodeHTMLStrict(text)
}

/** `reference` decoded until nothing changes: `&amp;ldquo;` → `&ldquo;` → `“`. */
function decodeFully(reference: string): string {
  let text = reference
  for (let k = 0; k < 4; k++) {
    const next = decodeHTMLStrict(text)
    if (next === text) break
    text = next
  }
  return text
}

function findingOf(run: Run, messageId: string, fix: boolean): RawFinding {
  const isTag = tagRe.test(run.decoded)
  const suggestion = isTag ? '' : run.decoded
  const args = { text: run.text, reading: isTag ? run.decoded : nameInvisibles(run.decoded), suggestion }
  const base = { offset: run.offset, length: run.text.length, args, suggestion }
  const finding = isTag ? { ...base, messageId: `${messageId}.tag` } : base
  // An escaped comment gets no fix: a CMS's paid tag among them is paywall/tag's to drop, and only
  // when paired (an unpaired one stays, as the evidence of a cut).
  const isFixable = fix && !run.decoded.includes('<!--')
  return isFixable ? { ...finding, fix: { offset: run.offset, length: run.text.length, replacement: suggestion } } : finding
}
