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

/**
 * Characters that transliterations of Uyghur, Kazakh, Arabic and other names are written with
 * (the syllables of 新华社's transliteration tables and of the names of Xinjiang: 阿不都热合曼,
 * 古丽娜尔, 托合提, 吐尔逊): a word of the language that starts with another character (共同,
 * 留校察看) is no syllable of a name.
 */
const transliterationChars = new Set(
  '阿艾爱安昂奥巴拜班邦包保宝鲍贝本比彼毕别宾波伯博布卜查昌彻陈达大代戴丹道德登迪底蒂丁东都杜敦顿多厄恩尔耳法凡范方菲斐费芬丰佛夫弗伏福甫富盖甘冈高戈哥格根贡古姑瓜圭贵哈海罕汉汗杭豪浩赫黑亨洪侯胡华怀霍基吉加佳贾坚江姜杰捷金津晶居卡凯坎康考柯科可克肯孔库夸奎昆拉腊莱赖兰蓝朗劳勒雷蕾累里理利力立丽莉连廉良林琳玲凌隆卢鲁路伦罗洛吕马玛买迈麦曼芒毛梅美门蒙孟米密敏明缪莫默姆木穆拿纳娜乃奈南楠内妮尼年宁纽努诺欧帕排潘佩彭皮平普奇齐祺恰乔钦琴丘曲热荣如茹若撒萨塞赛桑瑟森沙莎山善尚舍什施石斯丝松苏素索塔泰坦汤唐特提蒂廷通图吐托瓦娃宛万旺威韦维卫温文沃乌吾武西希锡夏仙辛欣兴休修逊雅亚娅扬杨耶叶伊依衣仪尤友于玉约云扎泽则曾詹章哲珍芝朱卓孜兹祖佐乎尕喀牙然热合木娃俄'
)

/** True when `char` may be a syllable of a transliterated name (托, 提), false for one a transliteration does not use (共, 留). */
export function isTransliterationChar(char: string): boolean {
  return transliterationChars.has(char)
}
