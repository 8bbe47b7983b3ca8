// The categories of findings, and what each one means to the parts that treat findings
// differently (blanks and fill, baselines, redaction, the filters): one table, so a new
// category or a changed policy is one line here instead of string compares in five modules.

/** The categories a rule id may start with (`count/unfilled` is of `count`). */
export const categories = ['paywall', 'count', 'placeholder', 'leak', 'typo', 'internal'] as const
export type Category = (typeof categories)[number]

/** How the rest of the tool treats the findings of a category. */
export interface CategoryTraits {
  /**
   * A blank a writer fills in (listed by `blanks`, filled by `fill`), and what its value must
   * be: a count (digits or Chinese numerals) or any text; undefined for findings that are no blanks.
   */
  readonly blankValue: 'count' | 'text' | undefined
  /** A name that should have been masked: `redact` masks it, `--redact-output` never prints it. */
  readonly isLeak: boolean
  /**
   * A baseline keeps the matched text in clear, for people reading the file: only where it
   * cannot hold a name (a mask with its unit, a paywall tag). A typo or a template note may
   * sit in a sentence about a person, so theirs is kept as a salted hash only.
   */
  readonly isTextKeptInBaseline: boolean
  /**
   * The tool's own findings (a rule that failed, a suppression that suppressed nothing): no
   * allow-list entry, suppression comment or baseline accepts them.
   */
  readonly isInternal: boolean
  /**
   * A wrong form the document cites as one (a proofreading table's 错误写法 column, 把“截止目前”改为
   * “截至目前”, 自已 → 自己) is mentioned, not used: the category's rules leave it alone, and `--fix`
   * never rewrites the list of errors into a list of right forms.
   */
  readonly leavesCitedForms: boolean
}

const none: CategoryTraits = { blankValue: undefined, isLeak: false, isTextKeptInBaseline: false, isInternal: false, leavesCitedForms: false }

const traitsByCategory: Readonly<Record<Category, CategoryTraits>> = {
  paywall: { ...none, isTextKeptInBaseline: true },
  count: { ...none, blankValue: 'count', isTextKeptInBaseline: true },
  placeholder: { ...none, blankValue: 'text' },
  leak: { ...none, isLeak: true },
  typo: { ...none, leavesCitedForms: true },
  internal: { ...none, isInternal: true },
}

/** The traits of `category`; a category no rule file may use has none. */
export function traitsOf(category: string): CategoryTraits {
  return (traitsByCategory as Readonly<Record<string, CategoryTraits>>)[category] ?? none
}

/** True for the tool's own findings, which no filter of the user's may drop. */
export function isInternalFinding(f: { readonly category: string }): boolean {
  return traitsOf(f.category).isInternal
}
