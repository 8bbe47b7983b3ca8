// The HTML comments a CMS leaves where it cut a page's paid part (`<!--paidbegin-->`): readers
// keep them in the text, where paywall/tag reports them, while other comments go.

/** The body of a comment that is a CMS paid-content or page-break tag (`paidbegin`, ` paid_end `, `pagebreak`). */
const cmsTagCommentRe = /^\s*(?:paid[\s_-]*(?:begin|end)|page[\s_-]*break)\s*$/i

/** True when a comment's body (what lies between `<!--` and `-->`) is a CMS tag. */
export function isCmsTagComment(body: string): boolean {
  return cmsTagCommentRe.test(body)
}
