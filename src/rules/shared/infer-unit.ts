// Infers which unit a mask stands for from the places a document names: the one unit of the
// masked level that contains them (外西河村 and 惠农中街社区 lie in 石嘴山市).
import { getGazetteer, type Level, type Unit } from '../../nlp/gazetteer.js'
import type { PlaceMention } from './places.js'

/** The inferred unit and the mentions that point to it. */
export interface Inference {
  readonly unit: Unit
  readonly evidence: readonly PlaceMention[]
}

const codeLengthOfLevel: Readonly<Record<number, number>> = { 1: 2, 2: 4, 3: 6, 4: 9 }

/**
 * The unit at one of `levels` (tried in order), whose name ends in `word` unless it is a
 * province, that contains the named places; undefined unless the evidence points to one unit:
 * more places for it than for any other (then more that lie in it alone), at least one place
 * that lies in it alone or two that may, and no named place
 * that contradicts it (宁夏 rules out a 市 elsewhere). A unit of the masked level named in clear
 * counts for itself: the mask may hide the very name the text spells out elsewhere.
 */
export function inferUnit(places: readonly PlaceMention[], levels: readonly Level[], word: string): Inference | undefined {
  const located = places.filter((p) => p.units.length > 0)
  for (const level of levels) {
    const inference = inferAtLevel(located, level, word)
    if (inference) return inference
  }
  return undefined
}

function inferAtLevel(places: readonly PlaceMention[], level: Level, word: string): Inference | undefined {
  const gazetteer = getGazetteer()
  const length = codeLengthOfLevel[level]!
  const fits = (u: Unit) => u.level === level && (level === 1 || u.name.endsWith(word))
  const containers = places.filter((p) => p.units.every((u) => u.level < level))
  const isInsideContainers = (unit: Unit) => containers.every((c) => c.units.some((u) => unit.code.startsWith(u.code)))
  // Mentions of one name share its list of units: where they point is worked out once per list.
  const pointsOf = new Map<readonly Unit[], { readonly fitting: readonly Unit[]; readonly isSure: boolean }>()
  const support = new Map<string, { unit: Unit; mentions: PlaceMention[]; sure: number }>()
  for (const place of places) {
    let points = pointsOf.get(place.units)
    if (!points) {
      const targets = new Set(place.units.filter((u) => u.level >= level).map((u) => u.code.slice(0, length)))
      const fitting = [...targets].map((code) => gazetteer.unit(code)).filter((u): u is Unit => u !== undefined && fits(u) && isInsideContainers(u))
      points = { fitting, isSure: targets.size === 1 }
      pointsOf.set(place.units, points)
    }
    for (const unit of points.fitting) {
      const entry = support.get(unit.code) ?? { unit, mentions: [], sure: 0 }
      entry.mentions.push(place)
      if (points.isSure) entry.sure++
      support.set(unit.code, entry)
    }
  }
  // More places first; among as many, more places that lie in that unit alone.
  const ranked = [...support.values()].map((e) => ({ ...e, count: distinctNames(e.mentions) })).sort((a, b) => b.count - a.count || b.sure - a.sure)
  const [best, next] = ranked
  if (!best || (next && next.count === best.count && next.sure === best.sure)) return undefined
  if (best.sure === 0 && best.count < 2) return undefined
  return { unit: best.unit, evidence: best.mentions }
}

/** Mentions of the same place count once: naming a village twice is no more evidence. */
function distinctNames(mentions: readonly PlaceMention[]): number {
  return new Set(mentions.map((m) => `${m.units.length}:${m.units[0]?.code}:${m.units[m.units.length - 1]?.code}`)).size
}
