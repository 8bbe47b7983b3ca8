// Kind `inference`: re-identification. A document masks a unit (`***市`, `xx统计局` in a report
// of a 旗) but names places that all lie inside one unit of that level: the mask is undone.
import type { RawFinding } from '../core/finding.js'
import { parseWithSchema } from './shared/validate.js'
import { getGazetteer, type Level, type Unit } from '../nlp/gazetteer.js'
import { getTokenizer } from '../nlp/tokenizer.js'
import { inferUnit, type Inference } from './shared/infer-unit.js'
import { onlyWhenMaskedSchema, shouldCheckForLeaks } from './shared/leak-gate.js'
import { findMaskSlots, type MaskSlot } from './shared/mask-slots.js'
import { lazy, regexSource, text, zod } from './shared/options.js'
import { compileRegExp, type TextRegExp } from '../core/user-regexp.js'
import { findPlaces, type PlaceMention } from './shared/places.js'
import type { Profile, RuleKind } from './types.js'

/** A masked slot word that names a unit's level (`市` → prefecture or county-level city). */
export interface UnitWord {
  readonly word: string
  readonly levels: readonly Level[]
}

/** Options of an inference rule. */
export interface InferenceOptions {
  readonly onlyWhenMasked: readonly Profile[]
  /** Administrative suffixes after a mask and the levels of unit they stand for. */
  readonly units: readonly UnitWord[]
  /** Words after a mask that name an institution of the masked unit (`统计局`): its level comes from `cues`. */
  readonly institutions: readonly string[]
  /** Patterns that tell the level of the unit that wrote the report (`旗直机关`), each naming a unit word. */
  readonly cues: readonly { readonly pattern: string; readonly unit: string }[]
}

const schema = lazy(() => {
  const z = zod()
  const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
  return z
    .strictObject({
      onlyWhenMasked: onlyWhenMaskedSchema(),
      units: z.array(z.strictObject({ word: text(), levels: z.array(levelSchema).min(1) })).min(1),
      institutions: z.array(text()).default([]),
      cues: z.array(z.strictObject({ pattern: regexSource(''), unit: text() })).default([]),
    })
    .superRefine((o, ctx) => {
      o.cues.forEach((c, i) => {
        if (!o.units.some((u) => u.word === c.unit)) ctx.addIssue({ code: 'custom', path: ['cues', i, 'unit'], message: `"${c.unit}" is not one of units[].word` })
      })
    })
})

/** The `inference` kind. Message variables: `{text}` (the mask), `{unit}`, `{inferred}`, `{evidence}`. */
export const inferenceKind: RuleKind<InferenceOptions> = {
  name: 'inference',
  parseOptions: (raw, at) => parseWithSchema(schema(), raw, at),
  patternsOf: (o) => o.cues.map((c, i) => ({ keyPath: ['cues', i, 'pattern'], source: c.pattern, flags: '' })),
  compile(rule, settings) {
    const { units, institutions, cues, onlyWhenMasked } = rule.options
    const slotWords = [...units.map((u) => u.word), ...institutions]
    const cueRes = cues.map((c) => ({ re: compileRegExp(c.pattern, 'g', rule.isBuiltin === true), unit: units.find((u) => u.word === c.unit)! }))
    const tokenizer = getTokenizer(settings.tokenizer)
    return (doc) => {
      if (!shouldCheckForLeaks(doc, settings.profile, onlyWhenMasked, { needsKnownKind: true, tokenizer })) return []
      const slots = findMaskSlots(doc, slotWords)
      if (slots.length === 0) return []
      const cue = levelCue(doc.text, cueRes)
      const findings: RawFinding[] = []
      const done = new Set<string>()
      let places: readonly PlaceMention[] | undefined
      for (const slot of slots) {
        const unitWord = units.find((u) => u.word === slot.word) ?? (institutions.includes(slot.word) ? cue : undefined)
        if (!unitWord || done.has(unitWord.word)) continue
        done.add(unitWord.word)
        places ??= withoutListedBeside(doc.text, findPlaces(doc, tokenizer), slots)
        const inference = inferUnit(places, unitWord.levels, unitWord.word)
        if (inference) findings.push(toFinding(doc.text, slot, inference))
      }
      return findings
    }
  },
}

/** What separates the items of a list of places (`草庙镇、西团镇、XX镇`). */
const listSeparatorRe = /^、$/

/**
 * The places without those listed beside a masked slot (`草庙镇、西团镇、XX镇`): a list names
 * different places, so its named items are the mask's siblings, never what it hides.
 */
function withoutListedBeside(text: string, places: readonly PlaceMention[], slots: readonly MaskSlot[]): readonly PlaceMention[] {
  // The first place to start and to end at each offset, as the lists' walk asks for them: a
  // search of the list for each step made a long file of many masks quadratic.
  const byStart = new Map<number, PlaceMention>()
  const byEnd = new Map<number, PlaceMention>()
  for (const p of places) {
    if (!byStart.has(p.start)) byStart.set(p.start, p)
    if (!byEnd.has(p.end)) byEnd.set(p.end, p)
  }
  const listed = new Set<PlaceMention>()
  for (const slot of slots) {
    // Walk the list both ways from the slot, item by item, while one separator joins them.
    let start = slot.run.start
    for (let p = byEnd.get(start - 1); p && listSeparatorRe.test(text.slice(p.end, start)); p = byEnd.get(start - 1)) {
      listed.add(p)
      start = p.start
    }
    let end = slot.run.end + slot.word.length
    for (let p = byStart.get(end + 1); p && listSeparatorRe.test(text.slice(end, p.start)); p = byStart.get(end + 1)) {
      listed.add(p)
      end = p.end
    }
  }
  return listed.size === 0 ? places : places.filter((p) => !listed.has(p))
}

/** The unit word named most often by the document's cues (`旗直机关`, `旗委`), if one leads. */
function levelCue(text: string, cues: readonly { re: TextRegExp; unit: UnitWord }[]): UnitWord | undefined {
  const counts = cues.map(({ re, unit }) => ({ unit, count: countMatches(re, text) })).sort((a, b) => b.count - a.count)
  const [best, next] = counts
  return best && best.count > 0 && best.count > (next?.count ?? 0) ? best.unit : undefined
}

function countMatches(re: TextRegExp, text: string): number {
  let count = 0
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    count++
    if (m[0].length === 0) re.lastIndex++
  }
  return count
}

function toFinding(text: string, slot: MaskSlot, inference: Inference): RawFinding {
  const gazetteer = getGazetteer()
  const path = [inference.unit, ...gazetteer.ancestors(inference.unit).reverse()].map((u: Unit) => u.name)
  const evidenceNames = [...new Set(inference.evidence.map((m) => text.slice(m.start, m.end)))]
  const shown = slot.run.text + slot.word
  return {
    offset: slot.run.start,
    length: shown.length,
    args: { text: shown, unit: path, inferred: inference.unit.name, evidence: evidenceNames },
    data: {
      inferred: { code: inference.unit.code, name: inference.unit.name, path },
      evidence: inference.evidence.map((m) => ({ text: text.slice(m.start, m.end), offset: m.start, units: m.units.map((u) => u.code) })),
      names: [...path, ...evidenceNames],
    },
  }
}
