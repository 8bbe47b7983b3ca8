// Private persons a case meets who are neither its parties nor its officials: a passenger, a
// neighbour, a colleague questioned as a witness (`经询问乘客陈志明，其证实…`). A release that masks
// its parties hides them too; one that names a passenger's good deed (`乘客张伟见义勇为`) names
// no witness, and officials (执法人员, 审判员) are named on purpose.

/** What introduces a person questioned, right before the role (`经询问乘客`, `询问了邻居`, `据目击者`). */
const questionedBeforeRe = /(?:询问了?|据|走访了?|经向)$/
/** What a witness says or shows, after the name in its sentence (`，其证实`, `称`, `的证言`, `指认`). */
const attestsRe = /证实|证明|证言|陈述|指认|辨认|作证|称/
/** What ends the sentence a witness attests in. */
const sentenceEndRe = /[。！？；\n\r]/
/** The most characters read before the role and after the name. */
const introductionReach = 4
const attestationReach = 30

/**
 * True when the person named at `at` after the bystander's role at `cueStart` is a witness: the
 * role follows a verb of questioning (`经询问乘客`), or the name's sentence says what the person
 * attested (`陈志明，其证实…`, `邻居张伟称`).
 */
export function isWitnessAt(text: string, cueStart: number, at: number): boolean {
  if (questionedBeforeRe.test(text.slice(Math.max(0, cueStart - introductionReach), cueStart))) return true
  const after = text.slice(at, at + attestationReach)
  const end = after.search(sentenceEndRe)
  return attestsRe.test(end < 0 ? after : after.slice(0, end))
}
