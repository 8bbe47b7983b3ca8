// The flat registry of rule kinds, by name.
import { balanceKind } from './balance.js'
import { congressKind } from './congress.js'
import { countKind } from './count.js'
import { formulationKind } from './formulation.js'
import { lexiconKind } from './lexicon.js'
import { maskKind } from './mask.js'
import { patternKind } from './pattern.js'
import { repeatKind } from './repeat.js'
import type { RuleKind } from './types.js'

/** Every rule kind a rule file may name. */
export const ruleKinds: ReadonlyMap<string, RuleKind<unknown>> = new Map(
  [balanceKind, congressKind, countKind, formulationKind, lexiconKind, maskKind, patternKind, repeatKind].map((k) => [k.name, k as RuleKind<unknown>]),
)
