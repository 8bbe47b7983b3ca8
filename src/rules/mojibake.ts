// Kind `mojibake`: text a tool decoded with the wrong codec (UTF-8 read as GBK: `鍏氬缓` for
// 党建; as Windows-1252: `ï»¿` for a byte order mark), and the fill of uninitialised memory
// read as text (`烫烫烫`, bytes 0xCC). Proved, not guessed: the run written back in the codec
// reads as UTF-8 Chinese text, which the message quotes.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { lazy, zod } from './shared/options.js'
import { byteTableOf, fillClassOf, legacyCodecs, openerClassOf, type ByteTable, type LegacyCodec } from './shared/legacy-codecs.js'
import { findReplacementRuns, findStretches, type Stretch } from './shared/mojibake.js'
import type { RuleKind } from './types.js'

/** Options of a mojibake rule. */
export interface MojibakeOptions {
  /** The codecs UTF-8 text may have been misread with. */
  readonly codecs: readonly LegacyCodec[]
  /**
   * Characters of Chinese text the bytes must spell before a run counts: genuine text seldom
   * reads as UTF-8 for one character, almost never for three in a row.
   */
  readonly minChars: number
  /**
   * How many characters of mojibake may part two runs that are reported as one: bytes a decoder
   * dropped or a character broken across them (`寮曢` in `鍏氬缓寮曢鍩哄眰`).
   */
  readonly maxGap: number
  /** Bytes a program fills memory with before writing it (0xCC, 0xCD), reported when read as text. */
  readonly fillBytes: readonly number[]
  /** Characters of fill in a row before a run counts (`烫烫烫`). */
  readonly minFill: number
  /**
   * U+FFFD REPLACEMENT CHARACTER in a run before it counts as text whose bytes a decoder could
   * not read (GBK read as UTF-8: `��ǿ���`); one may be quoted, or a rare character a font lost.
   */
  readonly minReplaced: number
  /** True to let `--fix` put the reading in place of a run that decodes whole. */
  readonly fix: boolean
}

const schema = lazy(() => {
  const z = zod()
  const count = z.number().int().min(1)
  return z.strictObject({
    codecs: z.array(z.enum(legacyCodecs)).min(1),
    minChars: count.default(3),
    maxGap: z.number().int().min(0).default(2),
    fillBytes: z.array(z.number().int().min(0x80).max(0xff)).default([]),
    minFill: count.default(3),
    minReplaced: count.default(2),
    fix: z.boolean().default(false),
  })
})

/** How a codec is named in messages. */
const codecNames: Readonly<Record<LegacyCodec, string>> = { gbk: 'GBK', 'windows-1252': 'Windows-1252' }

/**
 * The codec a run was read with, as messages name it: ISO-8859-1 for a Windows-1252 run holding a
 * C1 control of a byte Windows-1252 gives a letter (U+0085 for 0x85, `…` there); only the five
 * bytes it leaves unassigned read as C1 controls in both.
 */
function codecNameOf(codec: LegacyCodec, run: string): string {
  return codec === 'windows-1252' && /[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]/.test(run) ? 'ISO-8859-1' : codecNames[codec]
}

/**
 * The `mojibake` kind. Message variables: `{text}`, `{codec}`, `{suggestion}` (the reading; a
 * character lost with bytes shows as U+FFFD). Variants: `<messageId>.lost` for bytes that were a
 * replacement character already (`锟斤拷`), `.bom` for a byte order mark, `.fill` (with `{byte}`)
 * for memory fill, `.replaced` (with `{count}`) for a run of U+FFFD a decoder left.
 */
export const mojibakeKind: RuleKind<MojibakeOptions> = {
  name: 'mojibake',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  compile(rule) {
    const { codecs, fillBytes, minFill } = rule.options
    // Made on the first document, not when the rule is loaded: the `rules` command reads no text.
    const fillClasses = new Map<LegacyCodec, RegExp>()
    return (doc) => {
      const findings: RawFinding[] = []
      for (const codec of codecs) {
        if (openerClassOf(codec).test(doc.text)) {
          for (const group of groupsOf(doc.text, findStretches(doc.text, byteTableOf(codec)), rule.options.maxGap)) {
            const finding = mojibakeFinding(doc.text, group, codec, rule.messageId, rule.options)
            if (finding) findings.push(finding)
          }
        }
        if (fillBytes.length === 0) continue
        let fillClass = fillClasses.get(codec)
        if (fillClass === undefined) fillClasses.set(codec, (fillClass = fillClassOf(codec, fillBytes)))
        if (fillClass.test(doc.text)) findings.push(...fillRuns(doc.text, byteTableOf(codec), fillBytes, minFill, codec, `${rule.messageId}.fill`))
      }
      if (doc.text.includes('\ufffd')) findings.push(...replacementRuns(doc.text, rule.options, `${rule.messageId}.replaced`))
      return withoutOverlaps(findings)
    }
  },
}

/** Runs reported together: those only a few characters of mojibake part (no ASCII, no space). */
interface Group {
  readonly start: number
  readonly end: number
  readonly reading: string
  readonly chinese: number
  readonly marks: number
  readonly chars: number
  readonly isWhole: boolean
}

function groupsOf(text: string, stretches: readonly Stretch[], maxGap: number): Group[] {
  const groups: Group[] = []
  for (const s of stretches) {
    const last = groups[groups.length - 1]
    const lost = s.isCut ? '\ufffd' : ''
    if (last !== undefined && s.start - last.end <= maxGap && !/[\x00-\x7f\s]/.test(text.slice(last.end, s.start))) {
      const gap = s.start > last.end && !last.reading.endsWith('\ufffd') ? '\ufffd' : ''
      groups[groups.length - 1] = { start: last.start, end: s.end, reading: last.reading + gap + s.decoded + lost, chinese: last.chinese + s.chinese, marks: last.marks + s.marks, chars: last.chars + (s.start - last.end) + s.chars, isWhole: false }
    } else groups.push({ start: s.start, end: s.end, reading: s.decoded + lost, chinese: s.chinese, marks: s.marks, chars: s.chars, isWhole: !s.isCut })
  }
  return groups
}

/** The finding of a group the round trip proves, else undefined. */
function mojibakeFinding(text: string, group: Group, codec: LegacyCodec, messageId: string, options: MojibakeOptions): RawFinding | undefined {
  const isProved = group.chinese >= options.minChars || (group.marks > 0 && group.chars >= 3)
  if (!isProved) return undefined
  // A replacement character just after the run is the decoder's for the bytes it cut.
  const end = text.charCodeAt(group.end) === 0xfffd ? group.end + 1 : group.end
  const offset = group.start
  const length = end - offset
  const args = { text: text.slice(offset, end), codec: codecNameOf(codec, text.slice(offset, end)) }
  if (group.chinese === 0 && /^\ufeff+$/.test(group.reading)) {
    return { offset, length, messageId: `${messageId}.bom`, args: { ...args, suggestion: '' }, suggestion: '', ...(options.fix && { fix: { offset, length, replacement: '' } }) }
  }
  if (group.chinese === 0) return { offset, length, messageId: `${messageId}.lost`, args: { ...args, suggestion: group.reading } }
  const suggestion = group.reading.replace(/\ufeff/g, '')
  const isWhole = group.isWhole && end === group.end && !suggestion.includes('\ufffd')
  return { offset, length, args: { ...args, suggestion }, suggestion, ...(options.fix && isWhole && { fix: { offset, length, replacement: suggestion } }) }
}

/** Runs of U+FFFD: text a decoder could not read, its characters lost (no codec to name, no reading). */
function replacementRuns(text: string, options: MojibakeOptions, messageId: string): RawFinding[] {
  return findReplacementRuns(text, options.minReplaced, options.maxGap).map((r) => ({ offset: r.start, length: r.end - r.start, messageId, args: { text: text.slice(r.start, r.end), count: r.count } }))
}

/** Runs of characters whose bytes in the codec are all one fill byte (`烫烫烫`: 0xCC). */
function fillRuns(text: string, table: ByteTable, fillBytes: readonly number[], minFill: number, codec: LegacyCodec, messageId: string): RawFinding[] {
  const findings: RawFinding[] = []
  const codes = fillCharsOf(table, fillBytes)
  const isFill = (at: number) => codes.includes(text.charCodeAt(at))
  // Each fill character searched for by indexOf, the engine's fast search of one code unit: a
  // class of four characters read with a regex tried every position of the text (half the rule's time).
  for (const code of codes) {
    const char = String.fromCharCode(code)
    for (let at = text.indexOf(char); at >= 0; ) {
      let start = at
      while (start > 0 && isFill(start - 1)) start--
      let end = at + 1
      while (end < text.length && isFill(end)) end++
      // A run met from another of its characters is found once, from its first character's code.
      const owner = codes.find((c) => {
        const first = text.indexOf(String.fromCharCode(c), start)
        return first >= 0 && first < end
      })
      if (end - start >= minFill && owner === code) {
        const fill = table[text.charCodeAt(start)]! & 0xff
        findings.push({ offset: start, length: end - start, messageId, args: { text: text.slice(start, end), codec: codecNames[codec], byte: `0x${fill.toString(16).toUpperCase()}` } })
      }
      at = text.indexOf(char, end)
    }
  }
  return findings.sort((a, b) => a.offset - b.offset)
}

const fillChars = new WeakMap<ByteTable, Map<string, readonly number[]>>()

/** The characters whose bytes in the table are all one of `fillBytes` (烫 for 0xCC 0xCC in GBK). */
function fillCharsOf(table: ByteTable, fillBytes: readonly number[]): readonly number[] {
  const key = fillBytes.join(',')
  const byKey = fillChars.get(table) ?? new Map<string, readonly number[]>()
  fillChars.set(table, byKey)
  let codes = byKey.get(key)
  if (codes === undefined) {
    const found: number[] = []
    for (let c = 0x80; c < 0x10000; c++) if (isFillChar(table[c]!, fillBytes)) found.push(c)
    byKey.set(key, (codes = found))
  }
  return codes
}

function isFillChar(v: number, fillBytes: readonly number[]): boolean {
  const low = v & 0xff
  return (v > 0xff ? v >> 8 === low : v >= 0x80) && fillBytes.includes(low)
}

/** `findings` in order of offset, each dropped that overlaps one kept before it (two codecs on one run). */
function withoutOverlaps(findings: RawFinding[]): RawFinding[] {
  findings.sort((a, b) => a.offset - b.offset || b.length - a.length)
  const kept: RawFinding[] = []
  for (const f of findings) {
    const last = kept[kept.length - 1]
    if (last === undefined || f.offset >= last.offset + last.length) kept.push(f)
  }
  return kept
}
