// How Word numbers footnotes and endnotes, so that a finding in a note is named by the mark the
// reader sees (脚注1, 第2节脚注1, 脚注①, 尾注iii, 脚注“*”), not by the id the file gives it: notes
// are numbered in the order the body refers to them; the numbering may restart in each section
// (or on each page, which only a layout knows: such a note is named by where it is referred to)
// and be written in another format (一、二, ①②, i ii: an endnote's is lower-case Roman unless
// set), by the section's own note properties (`w:sectPr/w:footnotePr`), else the document's
// (`w:settings/w:footnotePr`); a note with a custom mark (`w:customMarkFollows`) shows the mark.
import type { DocxPart, DocxPlace } from '../core/document.js'
import type { OpenParagraph } from './docx-hidden.js'

/** The two kinds of notes. */
export type NoteKind = 'footnote' | 'endnote'

/** When numbering starts again: never, in each section, on each page. */
type Restart = 'continuous' | 'eachSect' | 'eachPage'

/** A section's (or the document's) note properties, each unset when not written. */
interface NoteProperties {
  restart?: Restart
  format?: string
  start?: number
}

/** A reference to a note in the body: the note's id, the section it is in (from 0), the custom mark that follows it, the paragraph it stands in. */
interface NoteReference {
  readonly id: string
  readonly section: number
  mark: string | undefined
  readonly paragraph: OpenParagraph | undefined
}

/**
 * Collects, while the body is parsed, the references to notes (in order, with their sections
 * and custom marks) and each section's note properties. Fed every tag, the text shown, and
 * every closing tag; `isShown`: not inside what the page does not show (a deletion, a field
 * code, a property), where a reference is no note Word numbers.
 */
export class NoteReferences {
  readonly references: Record<NoteKind, NoteReference[]> = { footnote: [], endnote: [] }
  /** Each section's own note properties, by section (from 0). */
  readonly sections: Record<NoteKind, NoteProperties>[] = []
  private section = 0
  /** For each paragraph open, whether its properties end a section (`w:pPr/w:sectPr`). */
  private readonly endsSection: boolean[] = []
  /** Inside a revision's record of properties before (`w:pPrChange`, `w:sectPrChange`): no section's. */
  private changeDepth = 0
  private inSection = false
  private properties: NoteProperties | undefined
  /** The reference with a custom mark whose run is open: the run's text after it is the mark. */
  private marking: NoteReference | undefined

  open(name: string, attributes: Readonly<Record<string, string>>, paragraph: OpenParagraph | undefined, isShown: boolean): void {
    if (name.endsWith('change')) this.changeDepth++
    else if (this.changeDepth > 0) return
    else if (name === 'w:p') this.endsSection.push(false)
    else if (name === 'w:sectpr') {
      this.inSection = true
      if (this.endsSection.length > 0) this.endsSection[this.endsSection.length - 1] = true
    } else if (this.inSection && (name === 'w:footnotepr' || name === 'w:endnotepr')) this.properties = this.sectionProperties(name === 'w:footnotepr' ? 'footnote' : 'endnote')
    else if (this.properties) readProperty(this.properties, name, attributes)
    else if ((name === 'w:footnotereference' || name === 'w:endnotereference') && isShown) {
      const isCustom = isTrue(attributes['w:customMarkFollows'])
      const reference: NoteReference = { id: attributes['w:id'] ?? '', section: this.section, mark: isCustom ? '' : undefined, paragraph }
      this.references[name === 'w:footnotereference' ? 'footnote' : 'endnote'].push(reference)
      if (isCustom) this.marking = reference
    }
  }

  /** Text the page shows: after a custom mark's reference, in its run, the mark. */
  text(data: string): void {
    if (this.marking) this.marking.mark += data
  }

  close(name: string): void {
    if (name.endsWith('change')) this.changeDepth--
    else if (this.changeDepth > 0) return
    else if (name === 'w:r') this.marking = undefined
    else if (name === 'w:footnotepr' || name === 'w:endnotepr') this.properties = undefined
    else if (name === 'w:sectpr') this.inSection = false
    else if (name === 'w:p' && this.endsSection.pop()) this.section++
  }

  private sectionProperties(kind: NoteKind): NoteProperties {
    this.sections[this.section] ??= { footnote: {}, endnote: {} }
    return this.sections[this.section]![kind]
  }
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(?:1|true|on)$/i.test(value)
}

/** Reads a child of `w:footnotePr` or `w:endnotePr` into `properties`. */
function readProperty(properties: NoteProperties, name: string, attributes: Readonly<Record<string, string>>): void {
  const value = attributes['w:val']
  if (value === undefined) return
  if (name === 'w:numrestart' && (value === 'continuous' || value === 'eachSect' || value === 'eachPage')) properties.restart = value
  else if (name === 'w:numfmt') properties.format = value
  else if (name === 'w:numstart' && /^\d+$/.test(value)) properties.start = Number(value)
}

/** The document's note properties (`w:settings/w:footnotePr`, `w:endnotePr`), from the settings part's XML. */
export function documentNoteProperties(settingsXml: string | undefined): Record<NoteKind, NoteProperties> {
  const out: Record<NoteKind, NoteProperties> = { footnote: {}, endnote: {} }
  for (const kind of ['footnote', 'endnote'] as const) {
    const element = new RegExp(`<w:${kind}Pr\\b[^>]*>([\\s\\S]*?)</w:${kind}Pr>`).exec(settingsXml ?? '')?.[1] ?? ''
    for (const m of element.matchAll(/<w:(numRestart|numFmt|numStart)\b[^>]*\bw:val="([^"]*)"/g)) readProperty(out[kind], `w:${m[1]!.toLowerCase()}`, { 'w:val': m[2]! })
  }
  return out
}

/** What a note is named by: its part's fields, and where it comes in the order notes are read. */
export interface NoteName {
  readonly part: DocxPart
  readonly order: number
}

/**
 * The name of each note of a notes part (given by id, in the part's order), as Word shows its
 * mark: numbered in the order the body refers to them, from the start number, again in each
 * section where the numbering restarts so (then with the section, counting from 1, when there
 * are several), in the number format set; a custom mark as it is; where the numbering restarts
 * on each page, by the place of its reference (`placeOf`) and its count there. A note the body
 * does not refer to follows the others in the part's order.
 */
export function nameNotes(kind: NoteKind, noteIds: readonly string[], collected: NoteReferences, settings: Record<NoteKind, NoteProperties>, placeOf: (paragraph: OpenParagraph) => DocxPlace | undefined): NoteName[] {
  const sectionCount = Math.max(collected.sections.length, 1)
  const propertiesOf = (section: number): Required<NoteProperties> => {
    const own = collected.sections[section]?.[kind] ?? {}
    const document = settings[kind]
    return {
      restart: own.restart ?? document.restart ?? 'continuous',
      // Word's default: decimal for footnotes, lower-case Roman for endnotes.
      format: own.format ?? document.format ?? (kind === 'endnote' ? 'lowerRoman' : 'decimal'),
      start: own.start ?? document.start ?? 1,
    }
  }
  const present = new Set(noteIds)
  const named = new Map<string, NoteName>()
  let count: number | undefined
  let lastSection = -1
  const onPage = new Map<OpenParagraph | undefined, number>()
  for (const reference of collected.references[kind]) {
    if (!present.has(reference.id) || named.has(reference.id)) continue
    const order = named.size
    const { restart, format, start } = propertiesOf(reference.section)
    const mark = reference.mark?.trim()
    if (mark) {
      named.set(reference.id, { order, part: { kind, number: order + 1, mark } })
      continue
    }
    // A custom mark that is no text (a symbol, `w:sym`) is named by where it is referred to too.
    if (restart === 'eachPage' || mark === '') {
      const at = reference.paragraph ? placeOf(reference.paragraph) : undefined
      const number = (onPage.get(reference.paragraph) ?? 0) + 1
      onPage.set(reference.paragraph, number)
      named.set(reference.id, { order, part: { kind, number, ...(at && { at }) } })
      continue
    }
    count = count === undefined || (restart === 'eachSect' && reference.section !== lastSection) ? start : count + 1
    lastSection = reference.section
    const label = formatNumber(count, format)
    const section = restart === 'eachSect' && sectionCount > 1 ? { section: reference.section + 1 } : {}
    named.set(reference.id, { order, part: { kind, number: count, ...section, ...(label !== String(count) && { label }) } })
  }
  let next = Math.max(count ?? 0, named.size)
  const { format } = propertiesOf(0)
  return noteIds.map((id) => {
    const name = named.get(id)
    if (name) return name
    const label = formatNumber(++next, format)
    return { order: next, part: { kind, number: next, ...(label !== String(next) && { label }) } }
  })
}

/** Roman numerals, largest first. */
const romanDigits: readonly (readonly [number, string])[] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
const hanDigits = '〇一二三四五六七八九'
/** Word's footnote symbols (`chicago`), doubled, tripled… past the fourth. */
const chicagoSymbols = ['*', '\u2020', '\u2021', '\u00A7']
/** The ten heavenly stems (`ideographTraditional`: 甲乙丙丁…). */
const heavenlyStems = '甲乙丙丁戊己庚辛壬癸'

/**
 * `n` written in a note's number format (`w:numFmt`): Arabic, Roman, letters, Chinese counting
 * (十一, 二十), circled (①, to 20), full width, Word's symbols (`*`, `†`); a format not known here
 * in Arabic digits.
 */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
    case 'lowerRoman': {
      let rest = n
      let roman = ''
      for (const [value, digits] of romanDigits) for (; rest >= value; rest -= value) roman += digits
      return n > 0 && format === 'lowerRoman' ? roman.toLowerCase() : n > 0 ? roman : String(n)
    }
    case 'upperLetter':
    case 'lowerLetter': {
      // Word's letters: a … z, then aa … zz.
      if (n < 1) return String(n)
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1)
      return format === 'upperLetter' ? letter.toUpperCase() : letter
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return n > 0 && n < 10000 ? chineseCounting(n) : String(n)
    case 'ideographDigital':
      return [...String(n)].map((d) => hanDigits[Number(d)]).join('')
    case 'ideographTraditional':
      return n > 0 && n <= 10 ? heavenlyStems[n - 1]! : String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      // ① U+2460 to ⑳ U+2473; Word goes on in plain digits.
      return n > 0 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return n > 0 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`
    case 'decimalEnclosedFullstop':
      return n > 0 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    case 'chicago':
      return n > 0 ? chicagoSymbols[(n - 1) % 4]!.repeat(Math.floor((n - 1) / 4) + 1) : String(n)
    default:
      return String(n)
  }
}

/** 1 to 9,999 counted in Chinese: 一, 十, 十一, 二十, 一百零五, 一千零一十. */
function chineseCounting(n: number): string {
  const units = ['', '十', '百', '千']
  const digits = [...String(n)].map(Number)
  let out = ''
  let isZeroPending = false
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!
    if (d === 0) {
      isZeroPending = out !== ''
      return
    }
    if (isZeroPending) out += '零'
    isZeroPending = false
    // 十一, not 一十一: a leading one before 十 is not said.
    out += (d === 1 && unit === '十' && out === '' ? '' : hanDigits[d]) + unit
  })
  return out
}
