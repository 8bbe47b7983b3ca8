// The HTML comments a CMS leaves where it cut a page's paid part (`<!--paidbegin-->`): readers
// keep them in the text, where paywall/tag reports them, while other comments go. A page-break
// comment (`<!-- pagebreak -->`, TinyMCE's default; WordPress's `<!--nextpage-->` and its fold
// `<!--more-->`) is invisible markup of the page, no cut (a source holding it holds every page):
// it goes with the others.

/** The body of a comment that is a CMS paid-content tag (`paidbegin`, ` paid_end `). */
const cmsTagCommentRe = /^\s*paid[\s_-]*(?:begin|end)\s*$/i

/** True when a comment's body (what lies between `<!--` and `-->`) is a CMS tag. */
export function isCmsTagComment(body: string): boolean {
  return cmsTagCommentRe.test(body)
}
