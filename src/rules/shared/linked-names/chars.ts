// Character classes the linked names' modules share: what starts no given name, what masks one,
// what ends a clause or a sentence.

/** Characters that start no given name: particles, pronouns, prepositions, numerals (马上, 高于, 何时). */
export const notGivenCharRe = /^[的了是在和与就也都而及或等把被让给向从对为以于之其这那们个些么所已曾将可应该上下中时一二三四五六七八九十百千万某×xX*＊]$/
/** Characters after a surname that start no given name here: a mask or 某. */
export const maskedGivenRe = /^[某×xX*＊○〇□]/
/** What ends a clause: a relative's cue reads back to it for the clause's subject. */
export const clauseBreakRe = /[。！？；，：\n\r]/
/** What ends a sentence. */
export const sentenceBreakRe = /[。！？；\n\r]/
