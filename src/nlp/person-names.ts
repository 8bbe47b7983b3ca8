// What a Chinese personal name in a report looks like: a surname from the common list, one or
// two given characters, next to a title (张三同志, 书记李四, 李四局长).

/**
 * Single-character surnames: the 百家姓 list's single surnames still in use, by frequency of
 * the 2020 census (公安部户籍统计) first, then the rest of 百家姓, then regional ones (禤 and 凃
 * of Guangdong and Jiangxi). Left out, though 百家姓 lists them: those that mostly start words
 * of the language and are rare as surnames (水, 家, 山, 东, 红, 有, 能, 双, 通, 暨: 总结暨表彰),
 * and those that mostly name a place (鄂, 钦, 蓟, 郏).
 */
const singleSurnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由傅洪赖萧阎凤丘贝钮荀宓郦濮庾殳缑谯笪竺桓邴蒯訾逄郤厍乜璩佴隗禤凃'

/**
 * Two-character surnames of 百家姓 still met in reports. Not those whose two characters are
 * mostly a word or a surname and a word (公羊 a ram, 单于 a 单 before 于, 钟离 a 钟 before 离开).
 */
const compoundSurnames = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '澹台', '端木', '西门', '南宫', '独孤', '呼延',
  '万俟', '赫连', '公冶', '宗政', '淳于', '申屠', '太叔', '仲孙', '轩辕', '鲜于', '闾丘', '司空', '亓官', '司寇', '拓跋',
]

const singleSet = new Set(singleSurnames)
/** First characters of the compound surnames: most names start with none, and skip the list. */
const compoundFirsts = new Set(compoundSurnames.map((s) => s.charAt(0)))

/** The length of the surname `name` starts with (2 for 欧阳, 1 for 张), or 0 when it starts with none. */
export function surnameLength(name: string): number {
  if (compoundFirsts.has(name.charAt(0)) && compoundSurnames.some((s) => name.startsWith(s))) return 2
  return singleSet.has(name.charAt(0)) ? 1 : 0
}

/**
 * Tibetan names have no surname: one or two of these two-character name words (多吉次仁,
 * 扎西, 次仁卓玛). The common ones, from the name words of 藏族 given names.
 */
const tibetanNameWords = new Set([
  '扎西', '多吉', '次仁', '卓玛', '格桑', '央金', '拉姆', '达瓦', '尼玛', '巴桑', '旺堆', '顿珠', '平措', '索朗', '边巴', '普布', '德吉', '白玛',
  '益西', '洛桑', '丹增', '米玛', '嘎玛', '强巴', '群培', '曲珍', '仁增', '晋美', '贡布', '欧珠', '罗布', '桑珠', '旦增', '措姆', '次旦', '拉巴',
  '巴珠', '琼达', '央宗', '卓嘎', '次珍', '仓决', '旺姆', '曲扎', '多布杰', '阿旺', '土登', '贡嘎', '尼玛次仁',
])

/** The length of the Tibetan name `text` starts with: one or two name words (2 to 6 characters), or 0. */
export function tibetanNameLength(text: string): number {
  let length = 0
  for (let words = 0; words < 2; words++) {
    const word = [3, 2].map((n) => text.slice(length, length + n)).find((w) => tibetanNameWords.has(w))
    if (word === undefined) break
    length += word.length
  }
  return length
}

/**
 * Titles that follow or precede a name in official writing. A title word may carry a
 * qualifier before it (`党组书记`, `副局长`): tokens are matched on how they end.
 */
export const personTitles: readonly string[] = [
  '同志', '书记', '局长', '主任', '队长', '处长', '科长', '股长', '站长', '所长', '院长', '校长',
  '县长', '市长', '区长', '旗长', '盟长', '镇长', '乡长', '村长', '主席', '部长', '组长', '委员',
  '厅长', '省长', '秘书长', '经理', '董事长', '调研员', '主任科员', '支书', '老师', '教授',
]

/**
 * Labels a document signs with, before the name of who wrote, reported or filled it in
 * (`述职人：杨志远`, `执笔：周小梅`, `填报人：　张三`): they name the author, as a title does.
 */
export const signatureLabels: readonly string[] = ['述职人', '报告人', '汇报人', '执笔人', '执笔', '撰稿人', '撰稿', '起草人', '填报人', '制表人', '审核人', '整理人', '记录人']

/**
 * Common words jieba's dictionary tags as personal names (陈述/nr, 查明/nr, 师傅/nr): a surname
 * character starts them, yet they name no one. Found by tagging the words of judgments and work reports.
 */
export const commonWordsTaggedAsNames: ReadonlySet<string> = new Set([
  '陈述', '陈列', '陈旧', '陈设', '王朝', '文明', '孙子', '朱红', '华丽', '康复', '乔迁', '伍拾', '齐全', '雷同', '柳树', '宫殿',
  '苗木', '谢谢', '熊猫', '于今', '桂花', '鲁莽', '艾滋', '卓越', '吉祥', '麦子', '师傅', '查明', '敬礼', '晋升',
  // The verbs of a leader's charge in work reports (乡镇党委书记包抓, 县级领导包联): 包 is no surname there.
  '包抓', '包联', '包保', '包村', '包片',
])

/**
 * Given names that are words of the language, common among people born in the 1950s to 1970s
 * (立新, 国庆, 建设, 向东, 红旗): the tagger reads them as the words, so after a surname where a
 * name is looked for, this list tells the name.
 */
export const wordLikeGivenNames: ReadonlySet<string> = new Set([
  '立新', '建国', '建军', '建华', '建平', '建新', '建民', '建设', '国庆', '国栋', '国强', '国华', '国平', '向东', '向阳', '向前',
  '卫东', '卫国', '卫红', '卫民', '红旗', '红军', '红兵', '跃进', '援朝', '学军', '学兵', '爱国', '爱民', '爱华', '振兴', '振华',
  '胜利', '和平', '解放', '永红', '东风', '东升', '朝阳', '光明', '光荣', '新民', '新华', '为民', '利民', '富强', '抗美', '继红',
  '建业', '兴国', '振国', '保国', '安邦', '定国', '向荣',
])
