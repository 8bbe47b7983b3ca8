// The types of the linked names: why a name in clear undoes the masking, the name found, and the
// cue words a rule gives to find them.
/** Why a name undoes the masking. */
export type LinkReason = 'masked-person' | 'relative' | 'representative' | 'contact' | 'party' | 'bystander' | 'list' | 'latin'

/** A name in clear linked to what the document masks, [start, end) in UTF-16 code units. */
export interface LinkedName {
  readonly start: number
  readonly end: number
  readonly reason: LinkReason
  /** The cue word (其父, 法定代表人) or the pseudonym (王某) that links it. */
  readonly link: string
  /** For the name written again without its cue: where it was found with it. */
  readonly firstStart?: number
}

/** The role words that announce a person, by the reason a name after them is a leak. */
export interface LinkCues {
  readonly relative: readonly string[]
  readonly representative: readonly string[]
  readonly contact: readonly string[]
  readonly party: readonly string[]
  /**
   * Party roles the publication rules mask in every criminal case (被害人, 证人): in a criminal
   * document that masks any party, a name after one is a leak though it is never written masked.
   */
  readonly criminalProtected?: readonly string[]
  /**
   * Private persons a case meets who are neither its parties nor its officials (乘客, 目击者, 邻居,
   * 同事), and the verb that introduces one questioned (经询问): a name after one is a leak where
   * the document masks such a person, or masks its parties and the person attests (witnesses.ts).
   */
  readonly bystander?: readonly string[]
  /** Roles that make a document a criminal case's (被告人, 犯罪嫌疑人). */
  readonly criminalAccused?: readonly string[]
  /** Words of personal names in Latin letters (John, Maria, Kim): a run of capitalised words with one is a person's (latin.ts). */
  readonly latinNameWords?: readonly string[]
  /**
   * Who a complaint, a petition or a medical dispute is about (患者, 投诉人, 信访人): written
   * before a pseudonym (`患者刘某`), the role stands for that person where a relative's cue
   * follows it (`患者之子陈宏伟`, paragraphs later). Not a party's cue: a name after one is not
   * taken as named on purpose.
   */
  readonly subject?: readonly string[]
}
