// The labels of numbers of record that only their label tells apart: a hospital's record of a
// patient, social insurance and housing fund numbers, land parcels' codes, a person's numbers at
// a school, an employer, an exam, a prison, an insurer or a border.

/** 住院号, 病历号, 病案号, 门诊号: health details a release deletes (法释〔2016〕19号). */
export const medicalLabel = '住院号码|住院号|病历号|病案号|门诊号|就诊卡号|就诊号'

/** A person's social insurance, medical insurance or housing fund number: each names one insured person as a bank account does. */
export const socialLabel = '社会保障号码|社会保障号|社会保险号码?|社保(?:电脑|个人|卡)?(?:号码|号|编号)|个人社保编号|医保(?:卡)?(?:号码|号|编号)|医疗保险(?:卡)?号|(?:住房)?公积金(?:个人)?(?:账号|帐号|账户|帐户|号)'

/** A land parcel's or property unit's code: as a property certificate's number, it names the owner's land or home. */
export const parcelLabel = '宗地(?:代码|编码|编号|号)|地籍号|不动产单元(?:代码|编码|号)'

/**
 * A bank account's label right before its number (`账号：`, `基本存款账户（账号：`, `银行账号为`): a
 * company's account has no checksum as a card has, and only its label tells it. Not after the
 * name of an app or a fund, whose accounts are other records (微信账号, 公积金账号).
 */
export const accountLabel = '(?<!微信|QQ|qq|支付宝|抖音|快手|微博|小红书|B站|哔哩哔哩|游戏|网络|平台|公积金|个人)(?:银行|存款|结算|对公)?[账帐](?:号码?|户号码?|户)'

/** A vehicle's registration certificate (a movable's title, 法释〔2016〕19号 art. 10) or its identification number (VIN). */
export const vehicleLabel = '(?:机动车|车辆)登记证书?(?:编号|号码|号)|车辆识别代[号码]|车辆识别号码?|车架号码?|VIN码?'
/** An engine's number (`发动机号码`, `发动机编号`), stamped on the engine as the VIN is on the frame; not its model (`发动机型号`). */
export const engineLabel = '发动机(?:号码|编号|号)'

/**
 * A number a school, an employer, an exam, a prison, an insurer, a club or a border office gives
 * one person (`学号`, `工号`, `准考证号`, `罪犯编号`, `保单号`, `护照号码`): in clear it names its
 * bearer as his ID number does. Not 参考号, nor 工号 inside a word (施工号, 加工号); not 驾驶证号,
 * which is the holder's ID number and is judged as one.
 */
export const personRecordLabelWord = '(?:学号|学籍号|学生证号|(?<![施加竣开完分停])工号|职工号|员工号|工作证号|准考证号|考生号|(?<![参思])考号|罪犯编号|服刑人员编号|在押人员编号|保单号|保险单号|护照号|护照编号|会员号|会员卡号|通行证号)'
/** {@link personRecordLabelWord}, maybe with 码 (`护照号码`). */
export const personRecordLabel = `${personRecordLabelWord}码?`

/**
 * Any of the labels above in the words before a number: a partly masked run there is that
 * record's number masked, whatever its first digits look like (`社保电脑号13012*****` is no mobile).
 */
export const recordLabelRe = new RegExp(`(?:${medicalLabel}|${socialLabel}|${parcelLabel}|${vehicleLabel}|${engineLabel}|${personRecordLabel})`)
