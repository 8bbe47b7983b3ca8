// Word comments on findings: every comment anchored on exactly its span, whatever runs the
// span crosses; the document's text, its old comments and its tracked changes unchanged.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDocxComments, type DocxComment } from '../src/io/docx-comments.js'
import { mapDocxBody } from '../src/io/docx-body-map.js'
import { bodyParagraphs, docxToText } from '../src/io/docx.js'
import { readComments } from './support/docx-anchors.js'
import { makeDocx, paragraph, table, xmlText } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const who = { author: 'mask-audit', initials: 'MA', date: '2026-12-02T00:00:00Z' }

/** Comments on every occurrence of each needle. */
function on(text: string, ...needles: string[]): DocxComment[] {
  const out: DocxComment[] = []
  for (const needle of needles) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ offset: i, length: needle.length, paragraphs: [`“${needle}”`, '建议：填写'] })
  }
  return out
}

/** Fails on a close tag that does not match the open one: the XML stays well formed. */
function expectWellFormed(xml: string): void {
  const stack: string[] = []
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)\b[^>]*?(\/?)>/g)) {
    if (m[3]) continue
    if (m[1]) expect(stack.pop(), `close ${m[2]} at ${m.index}`).toBe(m[2])
    else stack.push(m[2]!)
  }
  expect(stack).toEqual([])
}

/** Fails on a comment's reference inside a tracked insertion or deletion, or a range mark inside a deletion. */
function expectMarksOutsideRevisions(xml: string): void {
  const open: string[] = []
  for (const m of xml.matchAll(/<(\/?)(w:[A-Za-z]+)\b[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m
    if (name === 'w:commentReference') expect(open.filter((n) => /^w:(?:ins|moveTo|del)$/.test(n)), `reference ${m[0]}`).toEqual([])
    if (name!.startsWith('w:commentRange')) expect(open, m[0]).not.toContain('w:del')
    if (selfClosing) continue
    if (close) open.pop()
    else open.push(name!)
  }
}

function annotateAndCheck(docx: Uint8Array, comments: DocxComment[]): ReturnType<typeof readComments> {
  const out = addDocxComments(docx, comments, who, 'a.docx').bytes
  expect(docxToText(out, 'b.docx')).toBe(docxToText(docx, 'a.docx'))
  expectWellFormed(strFromU8(unzipSync(out)['word/document.xml']!))
  const text = docxToText(docx, 'a.docx')
  const read = readComments(out)
  const added = read.filter((c) => c.author === 'mask-audit')
  expect(added).toHaveLength(comments.length)
  const wanted = comments.map((c) => [c.offset, text.slice(c.offset, c.offset + c.length)])
  expect(added.map((c) => [c.offset, c.anchored]).sort()).toEqual(wanted.sort())
  expect(added.every((c) => c.hasReference)).toBe(true)
  return read
}

/** Paragraphs with tracked insertions, deletions (a deleted tab among them) and a move, as Word writes them. */
const trackedBody = (() => {
  const revision = (element: string, id: number, content: string) => `<w:${element} w:id="${id}" w:author="张三" w:date="2024-05-01T00:00:00Z">${content}</w:${element}>`
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`
  const deleted = (t: string, id: number) => revision('del', id, `<w:r><w:delText xml:space="preserve">${t}</w:delText></w:r><w:r><w:tab/></w:r>`)
  const body = `<w:p>${run('全年集中学习')}${revision('ins', 1, run('**次，走访'))}${run('群众')}</w:p>`
    + `<w:p>${revision('ins', 2, run('全年走访') + run('**户'))}${run('。')}</w:p>`
    + `<w:p>${run('全年发展')}${deleted('旧', 3)}${revision('ins', 4, run('x'))}${run('名党员。')}</w:p>`
    + `<w:p>${run('开展调研')}${revision('ins', 5, run('X'))}${deleted('三', 6)}${run('次。')}</w:p>`
    + `<w:p>${revision('moveToRangeStart', 7, '').replace('></w:moveToRangeStart>', '/>')}${revision('moveTo', 8, run('培训**人'))}<w:moveToRangeEnd w:id="7"/>${run('。')}</w:p>`
    // An insertion inside a hyperlink: the reference stays inside the link, after the insertion.
    + `<w:p><w:hyperlink w:anchor="a">${revision('ins', 9, run('第X期'))}${run('简报')}</w:hyperlink></w:p>`
  return body
})()

/** What a flat ODT (LibreOffice's `fodt`) anchors each comment on: the text between its marks, without the tracked deletions. */
function annotatedInFlatOdt(flat: string): string[] {
  const deletions = new Set([...flat.matchAll(/<text:changed-region\b[^>]*\btext:id="([^"]+)"[^>]*>\s*<text:deletion>/g)].map((m) => m[1]))
  const body = flat.slice(flat.indexOf('<office:text'))
  return [...body.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>[\s\S]*?<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/g)].map((m) => {
    const shown = m[2]!.replace(/<text:change-start text:change-id="([^"]+)"\/>([\s\S]*?)<text:change-end text:change-id="\1"\/>/g, (_all, id: string, inner: string) => (deletions.has(id) ? '' : inner))
    return shown.replace(/<[^>]+>/g, '')
  })
}

describe('annotate a .docx with comments', () => {
  it('anchors spans inside a run, across runs, at run edges and in table cells', () => {
    const docx = makeDocx(paragraph('全年集中学习', '**', '次，发展x名', '党员。') + table('负责人', '×××') + paragraph('国家统计局**调', '查队'))
    const text = docxToText(docx, 'a.docx')
    const read = annotateAndCheck(docx, on(text, '**次', 'x名', '×××', '**调查队', '学习'))
    expect(read[0]!.paragraphs).toEqual(['“**次”', '建议：填写'])
  })

  it('anchors on text with entities, tabs and line breaks, and keeps run properties', () => {
    const body = `<w:p><w:r w:rsidR="00A1"><w:rPr><w:i/></w:rPr><w:t>A&amp;B公司&lt;**&gt;</w:t><w:tab/><w:t>x名</w:t><w:br/><w:t xml:space="preserve"> 共**人 </w:t></w:r></w:p>`
    const docx = makeDocx(body)
    const text = docxToText(docx, 'a.docx')
    annotateAndCheck(docx, on(text, '&B', '<**>', '\tx', 'x名', '**人', '公司<', ' 共'))
    const xml = strFromU8(unzipSync(addDocxComments(docx, on(text, '**人'), who, 'a.docx').bytes)['word/document.xml']!)
    expect(xml.match(/<w:r w:rsidR="00A1"><w:rPr><w:i\/><\/w:rPr>/g)!.length).toBeGreaterThan(1)
  })

  it('anchors on a fill-in line of underlined spaces, read as `_`', () => {
    const body = '<w:p><w:r><w:t>学习</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">      </w:t></w:r><w:r><w:t>次</w:t></w:r></w:p>'
    const docx = makeDocx(body)
    const text = docxToText(docx, 'a.docx')
    expect(text).toBe('学习______次')
    annotateAndCheck(docx, on(text, '______次', '___', '习__'))
  })

  it('anchors on a fill-in line of underlined tabs, read as `_`', () => {
    const body = '<w:p><w:r><w:t>审核：</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:tab/><w:tab/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
    const docx = makeDocx(body)
    const text = docxToText(docx, 'a.docx')
    expect(text).toBe('审核：__。')
    annotateAndCheck(docx, on(text, '__', '：__', '__。'))
  })

  it('keeps existing comments and tracked changes, with new ids above theirs', () => {
    const body = `<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>原有批注</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:ins w:id="8" w:author="张"><w:r><w:t>插入**次</w:t></w:r></w:ins><w:del w:id="9" w:author="张"><w:r><w:delText>删除的字</w:delText></w:r></w:del></w:p>`
    const docx = makeDocx(body)
    const files = unzipSync(docx)
    files['word/comments.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="王"><w:p><w:r><w:t>旧的</w:t></w:r></w:p></w:comment></w:comments>')
    files['word/_rels/document.xml.rels'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
    const withOld = zipSync(files)
    const text = docxToText(withOld, 'a.docx')
    const read = annotateAndCheck(withOld, on(text, '**次'))
    expect(read.find((c) => c.id === '7')).toMatchObject({ author: '王', paragraphs: ['旧的'], anchored: '原有批注' })
    expect(Number(read.find((c) => c.author === 'mask-audit')!.id)).toBeGreaterThan(9)
    const out = unzipSync(addDocxComments(withOld, on(text, '**次'), who, 'a.docx').bytes)
    expect(strFromU8(out['word/document.xml']!)).toContain('<w:delText>删除的字</w:delText>')
    expect(strFromU8(out['word/_rels/document.xml.rels']!).match(/comments/g)).toHaveLength(2)
  })

  it('anchors on tracked insertions with the reference after the insertion, never inside a deletion, which stays whole', () => {
    const body = trackedBody
    const docx = makeDocx(body)
    const text = docxToText(docx, 'a.docx')
    // A deleted tab is no more read than its deleted text.
    expect(text.split('\n')).toEqual(['全年集中学习**次，走访群众', '全年走访**户。', '全年发展x名党员。', '开展调研X次。', '培训**人。', '第X期简报'])
    const comments = [...on(text, '**次', '**户', 'x名', 'X次', '**人', 'X期'), { offset: text.indexOf('走访'), length: 0, paragraphs: ['零长'] }]
    annotateAndCheck(docx, comments)
    const xml = strFromU8(unzipSync(addDocxComments(docx, comments, who, 'a.docx').bytes)['word/document.xml']!)
    expectMarksOutsideRevisions(xml)
    for (const del of body.match(/<w:del\b[\s\S]*?<\/w:del>/g)!) expect(xml).toContain(del)
    expect(xml).toMatch(/<w:ins w:id="9"[^>]*>.*?<\/w:ins><w:r><w:commentReference w:id="\d+"\/><\/w:r><w:r><w:t xml:space="preserve">简报/)
  })

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))
  it('writes comments on tracked changes that LibreOffice opens, each on its span, the changes kept', () => {
    if (!soffice) throw new Error('this test needs LibreOffice: apt-get install libreoffice-writer-nogui (.ci/run installs it)')
    const docx = makeDocx(trackedBody)
    const text = docxToText(docx, 'a.docx')
    const needles = ['**次', '**户', 'x名', 'X次', '**人', 'X期']
    const dir = makeTempDir('docx-comments-lo-')
    const output = join(dir, 'tracked.docx')
    writeFileSync(output, addDocxComments(docx, on(text, ...needles), who, 'a.docx').bytes)
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'fodt', '--outdir', dir, output], { stdio: 'pipe', timeout: 120_000 })
    const flat = readFileSync(join(dir, 'tracked.fodt'), 'utf8')
    expect(annotatedInFlatOdt(flat)).toEqual(needles)
    expect(flat.match(/<text:deletion>/g)).toHaveLength(2)
    expect(flat.match(/<text:insertion>/g)!.length).toBeGreaterThanOrEqual(5)
  }, 150_000)

  it('adds the comments part, its relationship and content type when there were none', () => {
    const out = unzipSync(addDocxComments(makeDocx(paragraph('共**人')), [{ offset: 1, length: 3, paragraphs: ['未填写'] }], who, 'a.docx').bytes)
    expect(strFromU8(out['[Content_Types].xml']!)).toContain('PartName="/word/comments.xml"')
    expect(strFromU8(out['word/_rels/document.xml.rels']!)).toContain('Target="comments.xml"')
    expect(strFromU8(out['word/comments.xml']!)).toContain('w:author="mask-audit"')
  })

  it('puts the reference after a group of runs laid out as one (双行合一), so the group stays whole', () => {
    const combined = (text: string) => `<w:r><w:rPr><w:color w:val="FF0000"/><w:eastAsianLayout w:id="-1" w:combine="1" w:combineBrackets="none"/></w:rPr><w:t>${text}</w:t></w:r>`
    const docx = makeDocx(`<w:p>${combined('成都市**区发展和改革局')}${combined('成都市**区财政局')}<w:r><w:t>文件</w:t></w:r></w:p>`)
    const read = annotateAndCheck(docx, on('成都市**区发展和改革局成都市**区财政局文件', '**'))
    expect(read).toHaveLength(2)
    const xml = strFromU8(unzipSync(addDocxComments(docx, on('成都市**区发展和改革局成都市**区财政局文件', '**'), who, 'a.docx').bytes)['word/document.xml']!)
    // Between the first and the last combined run there is no run without the layout: both references follow the group.
    const group = xml.slice(xml.indexOf('<w:r>'), xml.lastIndexOf('w:combine="1"'))
    expect(group).not.toContain('commentReference')
    expect(xml.indexOf('<w:commentReference w:id="0"/>')).toBeLessThan(xml.indexOf('文件'))
    expect(xml.indexOf('<w:commentReference w:id="0"/>')).toBeGreaterThan(xml.lastIndexOf('w:combine="1"'))
  })

  it('annotates a package whose main part is not word/document.xml, in that part, registering the comments beside it', () => {
    const base = unzipSync(makeDocx(paragraph('共**人')))
    const files = {
      '[Content_Types].xml': strToU8(strFromU8(base['[Content_Types].xml']!).replace('/word/document.xml', '/word/document2.xml')),
      '_rels/.rels': strToU8(strFromU8(base['_rels/.rels']!).replace('word/document.xml', 'word/document2.xml')),
      'word/document2.xml': base['word/document.xml']!,
    }
    const out = unzipSync(addDocxComments(zipSync(files), [{ offset: 1, length: 2, paragraphs: ['未填写'] }], who, 'a.docx').bytes)
    expect(out['word/document.xml']).toBeUndefined()
    expect(strFromU8(out['word/document2.xml']!)).toContain('<w:commentRangeStart w:id="0"/>')
    expect(strFromU8(out['word/_rels/document2.xml.rels']!)).toContain('Target="comments.xml"')
    expect(strFromU8(out['[Content_Types].xml']!)).toContain('PartName="/word/comments.xml"')
  })

  it('does not add a comment the copy holds already (same author, text and span): annotating twice adds nothing', () => {
    const docx = makeDocx(paragraph('全年集中学习', '**', '次，发展x名党员。'))
    const text = docxToText(docx, 'a.docx')
    const once = addDocxComments(docx, on(text, '**次', 'x名'), who, 'a.docx')
    expect(once.added).toBe(2)
    const twice = addDocxComments(once.bytes, on(text, '**次', 'x名'), { ...who, date: '2030-01-01T00:00:00Z' }, 'a.docx')
    expect(twice.added).toBe(0)
    expect(readComments(twice.bytes)).toHaveLength(2)
    // Another text, another span or another author is another comment.
    const other = addDocxComments(once.bytes, [...on(text, '**次'), { ...on(text, 'x名')[0]!, paragraphs: ['另一条'] }, ...on(text, '学习')], who, 'a.docx')
    expect(other.added).toBe(2)
    expect(addDocxComments(once.bytes, on(text, '**次'), { ...who, author: '张三' }, 'a.docx').added).toBe(1)
  })

  it("writes comments in Word's comment styles, adding them to the styles part only when missing", () => {
    const styles = (content: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${content}</w:styles>`
    const normal = '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>'
    const withStyles = (content: string) => {
      const files = unzipSync(makeDocx(paragraph('共**人')))
      files['word/styles.xml'] = strToU8(styles(content))
      return zipSync(files)
    }
    const comment = [{ offset: 1, length: 3, paragraphs: ['未填写'] }]
    const out = unzipSync(addDocxComments(withStyles(normal), comment, who, 'a.docx').bytes)
    const added = strFromU8(out['word/styles.xml']!)
    expect(added.startsWith(styles(normal).replace('</w:styles>', ''))).toBe(true)
    expect(added).toMatch(/<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"\/><w:basedOn w:val="a"\/>.*<w:sz w:val="20"\/>/)
    expect(added).toMatch(/<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"\/>/)
    expect(strFromU8(out['word/comments.xml']!)).toMatch(/<w:p><w:pPr><w:pStyle w:val="CommentText"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"\/><\/w:rPr><w:annotationRef\/>/)
    expect(strFromU8(out['word/document.xml']!)).toContain('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference')
    // A Chinese Word names its built-in styles by number: they are found by name and kept as they are.
    const own = normal + '<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="annotation text"/><w:basedOn w:val="a"/></w:style><w:style w:type="character" w:styleId="a5"><w:name w:val="annotation reference"/></w:style>'
    const kept = unzipSync(addDocxComments(withStyles(own), comment, who, 'a.docx').bytes)
    expect(strFromU8(kept['word/styles.xml']!)).toBe(styles(own))
    expect(strFromU8(kept['word/comments.xml']!)).toContain('<w:pStyle w:val="a4"/>')
    // Without a styles part, nothing is added and no style is named.
    const bare = unzipSync(addDocxComments(makeDocx(paragraph('共**人')), comment, who, 'a.docx').bytes)
    expect(bare['word/styles.xml']).toBeUndefined()
    expect(strFromU8(bare['word/comments.xml']!)).not.toContain('w:pStyle')
  })

  it('maps the body exactly as the reader reads it, and anchors random spans on random runs', () => {
    const alphabet = ['学', '习', '*', 'x', '&', '<', ' ', '　', '，', '次', '😀']
    let seed = 12345
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 60; round++) {
      const paragraphs: string[] = []
      for (let p = 0; p < 1 + rand(4); p++) {
        const runs: string[] = []
        for (let r = 0; r < 1 + rand(5); r++) runs.push(Array.from({ length: 1 + rand(6) }, () => alphabet[rand(alphabet.length)]).join(''))
        // Some runs tracked as inserted, some deletions between them.
        const tracked = paragraph(...runs).replace(/<w:r>[\s\S]*?<\/w:r>/g, (r) => [r, `<w:ins w:id="9${rand(99)}" w:author="张">${r}</w:ins>`, `${r}<w:del w:id="8${rand(99)}" w:author="张"><w:r><w:delText>删</w:delText></w:r><w:r><w:tab/></w:r></w:del>`][rand(3)]!)
        paragraphs.push(rand(3) === 0 ? table(runs.join('')) : tracked)
      }
      const docx = makeDocx(paragraphs.join(''))
      const xml = strFromU8(unzipSync(docx)['word/document.xml']!)
      expect(mapDocxBody(xml).map((p) => p.text)).toEqual(bodyParagraphs(xml))
      const text = docxToText(docx, 'a.docx')
      const comments: DocxComment[] = []
      for (let c = 0; c < 1 + rand(4); c++) {
        let offset = rand(text.length)
        let length = 1 + rand(Math.min(8, text.length - offset))
        // Spans never cut a surrogate pair, as findings never do.
        if (/[\uDC00-\uDFFF]/.test(text[offset] ?? '')) offset--
        if (/[\uD800-\uDBFF]/.test(text[offset + length - 1] ?? '')) length++
        if (text.slice(offset, offset + length).includes('\n')) continue
        comments.push({ offset, length, paragraphs: [xmlText(`c${c}`)] })
      }
      annotateAndCheck(docx, comments)
      expectMarksOutsideRevisions(strFromU8(unzipSync(addDocxComments(docx, comments, who, 'a.docx').bytes)['word/document.xml']!))
    }
  })
})
