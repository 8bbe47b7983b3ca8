// How Chinese administrative unit names are built: their suffixes, the ethnic designations of
// autonomous units, and the short forms reports use (宁夏 for 宁夏回族自治区).
import type { Level } from './gazetteer.js'

/** The 55 ethnic minorities' names as they appear in autonomous units (蒙古 also without 族). */
const ethnicGroups =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺'

/**
 * The suffix of a level with the ethnic designation before it. An ethnic name is part of
 * the designation when 族 follows it (回族乡, 恩施土家族苗族自治州) or when it stands right before
 * 自治 (新疆维吾尔自治区); elsewhere the same characters are the place's own (白水县, 北京市:
 * 白, 水 and 京 also name peoples).
 */
function suffixWithDesignation(plain: string, autonomous: string): RegExp {
  const marked = `(?:(?:${ethnicGroups})族)*`
  const beforeAutonomy = `(?:(?:${ethnicGroups})族?)*`
  return new RegExp(autonomous ? `(?:${marked}(?:${plain})|${beforeAutonomy}(?:${autonomous}))$` : `${marked}(?:${plain})$`)
}

/** Suffixes stripped to get a short name, by level; ethnic designations go with them. */
const shortSuffixRe: Readonly<Record<Level, RegExp>> = {
  1: suffixWithDesignation('特别行政区|省|市', '自治区'),
  2: suffixWithDesignation('地区|市|盟', '自治州'),
  3: suffixWithDesignation('林区|特区|市|县|区|旗', '自治县|自治旗'),
  4: suffixWithDesignation('民族乡|镇|乡|街道|苏木', ''),
  5: /(?:村|社区|嘎查)$/,
}

/** The suffix alone, for names whose ethnic name is their own (内蒙古自治区, 西藏自治区). */
const plainSuffixRe: Readonly<Record<Level, RegExp>> = {
  1: /(?:特别行政区|自治区|省|市)$/,
  2: /(?:自治州|地区|市|盟)$/,
  3: /(?:自治县|自治旗|林区|特区|市|县|区|旗)$/,
  4: /(?:民族乡|镇|乡|街道|苏木)$/,
  5: /(?:村|社区|嘎查)$/,
}

/**
 * `宁夏回族自治区` → `宁夏`, `恩施土家族苗族自治州` → `恩施`, `中街街道` → `中街`, `石嘴山市` → `石嘴山`,
 * `北京市` → `北京`, `内蒙古自治区` → `内蒙古` (a short name keeps two characters at least).
 */
export function shortNameOf(name: string, level: Level): string {
  const short = name.replace(shortSuffixRe[level], '')
  return short.length >= 2 ? short : name.replace(plainSuffixRe[level], '')
}

/**
 * The suffixes after which a text may end a unit name, longest first so that `自治区` is
 * preferred to `区`.
 */
export const adminSuffixes: readonly string[] = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '民族乡', '街道', '社区', '嘎查', '苏木', '地区', '林区', '省', '市', '县', '区', '旗', '盟', '镇', '乡', '村']

/** The suffixes by their first code unit, in the order of {@link adminSuffixes}. */
const suffixesByFirst = new Map<number, string[]>()
for (const suffix of adminSuffixes) suffixesByFirst.set(suffix.charCodeAt(0), [...(suffixesByFirst.get(suffix.charCodeAt(0)) ?? []), suffix])
/** 1 for each code unit that starts a suffix: a scan skips every other with one array read. */
const suffixStarts = new Uint8Array(0x10000)
for (const first of suffixesByFirst.keys()) suffixStarts[first] = 1

/**
 * The suffix that starts at `at` in `text` and ends by `limit`, the first of the list that
 * does, as the alternation of the suffixes in that order matches there; else undefined.
 * Scanning a text with it, and on from each suffix's end, finds what a global regex of the
 * alternation finds, at a third of its cost (the regex tried its 21 branches at every
 * position). Offsets in UTF-16 code units.
 */
export function adminSuffixAt(text: string, at: number, limit = text.length): string | undefined {
  if (suffixStarts[text.charCodeAt(at)] !== 1) return undefined
  for (const suffix of suffixesByFirst.get(text.charCodeAt(at))!) if (at + suffix.length <= limit && text.startsWith(suffix, at)) return suffix
  return undefined
}

/** Suffixes of villages and communities: only these need the large village file. */
export const villageSuffixes: ReadonlySet<string> = new Set(['村', '社区', '嘎查'])

/**
 * What may follow a suffix when it is not one: the suffix character starts another word
 * (`市场`, `区域`, `村级`, `乡村`, `旗帜`). Keyed by the suffix; one code unit each.
 */
const nextCharsNotSuffix: Readonly<Record<string, string>> = {
  市: '场值价面容井侩',
  区: '域别分块间划位',
  县: '域',
  镇: '压静定守痛',
  乡: '村镇亲土愁贤风情音间下',
  村: '庄落寨镇级务容貌',
  旗: '帜舰下号手杆',
  盟: '员友军约',
  省: '份',
}

/** True when the code unit at `end`, after `suffix`, makes the suffix's character part of another word. */
export function isSuffixCutAt(text: string, end: number, suffix: string): boolean {
  const next = nextCharsNotSuffix[suffix]
  return next !== undefined && end < text.length && next.includes(text.charAt(end))
}
