// Which branch of markup compatibility's alternate content (`mc:AlternateContent`) Word shows.
// Word 2010 and later, and WPS, write a text box, a shape or a chart twice: once in an
// `mc:Choice` a reader that knows its namespaces (`Requires="wps"`) shows, once in the
// `mc:Fallback` (VML) older readers show. A reader shows the first Choice whose namespaces it
// knows, else the Fallback; one branch only, so its text is read once. A branch may hold alternate
// content of its own (a text box inside a text box), chosen the same way.

/**
 * The namespace prefixes (as Word declares them) of what Word 2016 and later, and WPS, show:
 * drawing shapes, groups, canvases and ink, the 2010–2016 extensions of WordprocessingML and
 * DrawingML, math, VML. A Choice requiring anything else is shown by no reader the writers use.
 */
const understoodPrefixes: ReadonlySet<string> = new Set([
  'wps', 'wpg', 'wpc', 'wpi', 'wp14', 'w14', 'w15', 'w16', 'w16se', 'w16cid', 'w16cex', 'w16du', 'w16sdtdh', 'w16sdtfl',
  'a14', 'a15', 'a16', 'm', 'v', 'o', 'w10', 'wne', 'cx', 'cx1', 'cx2', 'cx3', 'cx4', 'cx5', 'cx6', 'cx7', 'cx8', 'aink', 'am3d',
])

/** True when a Choice's `Requires` (prefixes, space-separated) names only namespaces Word knows. */
export function isChoiceShown(requires: string | undefined): boolean {
  const prefixes = (requires ?? '').split(/\s+/).filter((p) => p !== '')
  return prefixes.every((p) => understoodPrefixes.has(p))
}

/**
 * Follows the alternate content open around a point of a part being parsed (tag names lower
 * case, as the readers parse them), telling which branch elements open and close one a reader
 * does not show. Call {@link open} and {@link close} on every element.
 */
export class AlternateContent {
  /** For each `mc:AlternateContent` open, whether one of its branches was shown. */
  private readonly blocks: boolean[] = []
  /** For each branch open, whether it is shown. */
  private readonly branches: boolean[] = []
  private skipped = 0

  /** An element opens; true when it is a branch no reader shows (its content is not read). */
  open(name: string, attributes: Readonly<Record<string, string>>): boolean {
    if (name === 'mc:alternatecontent') this.blocks.push(false)
    else if (name === 'mc:choice' || name === 'mc:fallback') {
      const last = this.blocks.length - 1
      const isShown = last >= 0 && !this.blocks[last]! && (name === 'mc:fallback' || isChoiceShown(attributes.Requires))
      if (isShown) this.blocks[last] = true
      this.branches.push(isShown)
      if (!isShown) this.skipped++
      return !isShown
    }
    return false
  }

  /** An element closes; true when it was a branch {@link open} said is not shown. */
  close(name: string): boolean {
    if (name === 'mc:alternatecontent') this.blocks.pop()
    else if (name === 'mc:choice' || name === 'mc:fallback') {
      const isShown = this.branches.pop()
      if (isShown === false) {
        this.skipped--
        return true
      }
    }
    return false
  }

  /** True inside a branch no reader shows: text there is a copy, not more of the file. */
  get isSkipping(): boolean {
    return this.skipped > 0
  }
}

/** A range [start, end) of a part's XML. */
interface Span {
  readonly start: number
  readonly end: number
}

/** The alternate-content and text-box tags, open, close or empty. */
const structureTagRe = /<(\/?)(mc:AlternateContent|mc:Choice|mc:Fallback|w:txbxContent)\b([^>]*?)(\/?)>/g

/** The elements named `name` in `xml` that no other of that name holds, balanced (one nested in it stays inside), in order. */
function outermost(xml: string, name: string): Span[] {
  const spans: Span[] = []
  let depth = 0
  let start = 0
  for (const m of xml.matchAll(structureTagRe)) {
    if (m[2] !== name || m[4] === '/') continue
    if (m[1] === '') {
      if (depth++ === 0) start = m.index
    } else if (depth > 0 && --depth === 0) spans.push({ start, end: m.index + m[0].length })
  }
  return spans
}

/** The branches (`mc:Choice`, `mc:Fallback`) of one alternate-content element, and which is shown (-1: none). */
function branchesOf(block: string): { spans: Span[]; shown: number } {
  const inner = block.slice(block.indexOf('>') + 1)
  const offset = block.length - inner.length
  const spans: Span[] = []
  let shown = -1
  for (const name of ['mc:Choice', 'mc:Fallback']) {
    for (const span of outermost(inner, name)) spans.push({ start: span.start + offset, end: span.end + offset })
  }
  // Branches nested in a branch (a block inside a text box) are the nested block's, not this one's.
  const top = spans.sort((a, b) => a.start - b.start).filter((s, i, all) => !all.slice(0, i).some((o) => o.start < s.start && s.end <= o.end))
  top.forEach((s, i) => {
    if (shown >= 0) return
    const tag = /^<(mc:\w+)\b([^>]*)>/.exec(block.slice(s.start))
    if (tag?.[1] === 'mc:Fallback' || isChoiceShown(/\bRequires="([^"]*)"/.exec(tag?.[2] ?? '')?.[1])) shown = i
  })
  return { spans: top, shown }
}

/** The text a reader of `xml` sees: tags left out, and the branches of alternate content it does not show. */
function shownText(xml: string): string {
  let out = ''
  let at = 0
  for (const block of outermost(xml, 'mc:AlternateContent')) {
    const text = xml.slice(block.start, block.end)
    const { spans, shown } = branchesOf(text)
    const kept = shown >= 0 ? shownText(text.slice(spans[shown]!.start, spans[shown]!.end)) : ''
    out += xml.slice(at, block.start).replace(/<[^>]*>/g, '') + kept
    at = block.end
  }
  return out + xml.slice(at).replace(/<[^>]*>/g, '')
}

/**
 * `edited` (the part `original` was, with text edited in the runs the reader reads) where every
 * text box written twice holds the edited text in each copy: the branches of alternate content
 * no reader shows (the VML `mc:Fallback` older readers show, a Choice Word does not know) take
 * the shown branch's edited text box where they held the same text as it did before (their markup
 * may differ); nested blocks alike. Edits change text only, so the blocks and text boxes of both
 * versions pair up in order.
 */
export function withBranchesFollowing(original: string, edited: string): string {
  if (!edited.includes('<mc:AlternateContent')) return edited
  const before = outermost(original, 'mc:AlternateContent')
  const after = outermost(edited, 'mc:AlternateContent')
  if (before.length !== after.length) return edited
  let out = ''
  let at = 0
  after.forEach((span, k) => {
    const old = original.slice(before[k]!.start, before[k]!.end)
    const block = edited.slice(span.start, span.end)
    out += edited.slice(at, span.start) + (old === block ? block : blockFollowing(old, block))
    at = span.end
  })
  return out + edited.slice(at)
}

/** One alternate-content element, edited, with its other branches following the shown one. */
function blockFollowing(old: string, block: string): string {
  const was = branchesOf(old)
  const now = branchesOf(block)
  if (now.shown < 0 || was.shown !== now.shown || was.spans.length !== now.spans.length) return block
  const oldShown = old.slice(was.spans[was.shown]!.start, was.spans[was.shown]!.end)
  const newShown = withBranchesFollowing(oldShown, block.slice(now.spans[now.shown]!.start, now.spans[now.shown]!.end))
  const oldBoxes = outermost(oldShown, 'w:txbxContent').map((s) => oldShown.slice(s.start, s.end))
  const newBoxes = outermost(newShown, 'w:txbxContent').map((s) => newShown.slice(s.start, s.end))
  let out = ''
  let at = 0
  now.spans.forEach((span, i) => {
    const branch = block.slice(span.start, span.end)
    let synced = newShown
    if (i !== now.shown) {
      let box = 0
      synced = ''
      let from = 0
      for (const s of outermost(branch, 'w:txbxContent')) {
        const content = branch.slice(s.start, s.end)
        const j = box++
        const isSame = oldBoxes[j] !== undefined && newBoxes[j] !== undefined && shownText(content) === shownText(oldBoxes[j]!)
        synced += branch.slice(from, s.start) + (isSame ? newBoxes[j]! : content)
        from = s.end
      }
      synced += branch.slice(from)
    }
    out += block.slice(at, span.start) + synced
    at = span.end
  })
  return out + block.slice(at)
}
