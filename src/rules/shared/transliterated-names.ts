// Transliterated names (维吾尔族, 哈萨克族 and other minority names, foreign names) join their
// parts with a middle dot: 艾力·买买提, 阿不都热合曼·吐尔逊. The whole is one name; its last part
// runs on into the clause unless cut where no transliterated syllable goes on.

/** The middle dots that join the parts: U+00B7, U+2022, U+30FB, U+2027, U+FF0E. */
export const nameDots = '·•・‧．'

/**
 * Characters that end a name's last part: particles, prepositions and verbs that follow a name
 * in a clause (的, 在, 出庭, 到庭, 称, 系, 现年, 案发前, 曾), the first characters of what a
 * judgment says a person did there (当庭陈述, 供述, 证实, 驾驶, 持刀, 签字, 随后, 报警, 受伤,
 * 死亡, 承认, 辩称, 律师, 先生, 女士), which transliterations do not use; not 都, 那 or 不 either,
 * which names take (阿不都热合曼), nor 其 (其其格, 乌云其木格).
 */
const clauseChars = '的地得在于与和及出到作称说讲系是为等因被向将对现已经均亦也同并把由从自会要应可能今年月日岁案犯前后时曾无没即又还再而但却则就才以当了陈供证驾持签随报受死致承认辩诉拒涉携律先女'

/** One part of a name: Han characters, none that ends the name in a clause. */
const part = `(?:(?![${clauseChars}])[\\u4e00-\\u9fff]){1,8}`

/** A transliterated name as a regex source: two to four parts joined by middle dots. */
export const transliteratedNameSource = `${part}(?:[${nameDots}]${part}){1,3}`

const nameAtRe = new RegExp(`^${transliteratedNameSource}`)

/** The length of the transliterated name starting `text`, or 0. */
export function transliteratedNameLength(text: string): number {
  return nameAtRe.exec(text)?.[0].length ?? 0
}

/** True for a middle dot of a transliterated name. */
export function isNameDot(char: string): boolean {
  return char.length === 1 && nameDots.includes(char)
}
