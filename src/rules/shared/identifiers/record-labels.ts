// The labels of numbers of record that only their label tells apart: a hospital's record of a
// patient, social insurance and housing fund numbers, land parcels' codes.

/** 住院号, 病历号, 病案号, 门诊号: health details a release deletes (法释〔2016〕19号). */
export const medicalLabel = '住院号码|住院号|病历号|病案号|门诊号|就诊卡号|就诊号'

/** A person's social insurance, medical insurance or housing fund number: each names one insured person as a bank account does. */
export const socialLabel = '社会保障号码|社会保障号|社会保险号码?|社保(?:电脑|个人|卡)?(?:号码|号|编号)|个人社保编号|医保(?:卡)?(?:号码|号|编号)|医疗保险(?:卡)?号|(?:住房)?公积金(?:个人)?(?:账号|帐号|账户|帐户|号)'

/** A land parcel's or property unit's code: as a property certificate's number, it names the owner's land or home. */
export const parcelLabel = '宗地(?:代码|编码|编号|号)|地籍号|不动产单元(?:代码|编码|号)'

/**
 * Any of the labels above in the words before a number: a partly masked run there is that
 * record's number masked, whatever its first digits look like (`社保电脑号13012*****` is no mobile).
 */
export const recordLabelRe = new RegExp(`(?:${medicalLabel}|${socialLabel}|${parcelLabel})`)
