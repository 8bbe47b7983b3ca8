// Reads back the comments of a .docx in tests: each comment's text and the span of the
// decoded text (as the reader gives it) between its range marks.
import { strFromU8, unzipSync } from 'fflate'
import { Parser } from 'htmlparser2'
import { docxToText } from '../../src/io/docx.js'

/** A comment read back: its id, author, paragraphs, and the decoded text it is anchored on. */
export interface AnchoredComment {
  readonly id: string
  readonly author: string
  readonly paragraphs: string[]
  readonly offset: number
  readonly anchored: string
  readonly hasReference: boolean
}

/** Every comment of `docx`, in id order, with the text between its range start and end. */
export function readComments(docx: Uint8Array): AnchoredComment[] {
  const files = unzipSync(docx)
  const body = strFromU8(files['word/document.xml']!)
  const text = docxToText(docx, 'x.docx')
  const marks = rangeMarks(body)
  const comments = parseComments(files['word/comments.xml'] ? strFromU8(files['word/comments.xml']) : '')
  return comments.map((c) => {
    const start = marks.starts.get(c.id) ?? -1
    const end = marks.ends.get(c.id) ?? -1
    return { ...c, offset: start, anchored: start >= 0 && end >= start ? text.slice(start, end) : '', hasReference: marks.references.has(c.id) }
  })
}

function rangeMarks(xml: string): { starts: Map<string, number>; ends: Map<string, number>; references: Set<string> } {
  const starts = new Map<string, number>()
  const ends = new Map<string, number>()
  const references = new Set<string>()
  const ignored = new Set(['w:del', 'w:deltext', 'w:movefrom', 'w:instrtext', 'w:delinstrtext', 'mc:fallback', 'w:ppr', 'w:rpr'])
  const open: { length: number; marks: { id: string; at: number; isStart: boolean }[] }[] = []
  let done = 0
  let depth = 0
  let inText = false
  const add = (n: number) => {
    if (depth === 0 && open.length > 0) open[open.length - 1]!.length += n
  }
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const current = open[open.length - 1]
        if (ignored.has(name)) depth++
        else if (name === 'w:p') open.push({ length: 0, marks: [] })
        else if (name === 'w:t') inText = true
        else if (name === 'w:tab' || name === 'w:ptab' || name === 'w:br' || name === 'w:cr' || name === 'w:nobreakhyphen') add(1)
        else if ((name === 'w:commentrangestart' || name === 'w:commentrangeend') && current) current.marks.push({ id: attrs['w:id']!, at: current.length, isStart: name === 'w:commentrangestart' })
        else if (name === 'w:commentreference') references.add(attrs['w:id']!)
      },
      ontext(data) {
        if (inText) add(data.length)
      },
      onclosetag(name) {
        if (ignored.has(name)) depth--
        else if (name === 'w:t') inText = false
        else if (name === 'w:p') {
          const p = open.pop()!
          for (const m of p.marks) (m.isStart ? starts : ends).set(m.id, done + m.at)
          done += p.length + 1
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return { starts, ends, references }
}

function parseComments(xml: string): { id: string; author: string; paragraphs: string[] }[] {
  const out: { id: string; author: string; paragraphs: string[] }[] = []
  let inText = false
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'w:comment') out.push({ id: attrs['w:id']!, author: attrs['w:author'] ?? '', paragraphs: [] })
        else if (name === 'w:p') out[out.length - 1]?.paragraphs.push('')
        else if (name === 'w:t') inText = true
      },
      ontext(data) {
        const c = out[out.length - 1]
        if (inText && c && c.paragraphs.length > 0) c.paragraphs[c.paragraphs.length - 1] += data
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  )
  parser.end(xml)
  return out
}
