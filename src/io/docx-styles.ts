// Which styles of a .docx hide their text: Word hides a run whose character style, or whose
// paragraph's style, sets `w:vanish` (a 批注-like note kept in the file, "隐藏文字" applied as a
// style), as surely as one whose own properties do. The readers and the redaction ask here.
import { strFromU8 } from 'fflate'
import { Parser } from 'htmlparser2'
import { partOfRelationship } from './docx-package.js'

/** True for an on/off property that is on: present with no value, or any value but `0`, `false`, `off`. */
export function isOn(attributes: Readonly<Record<string, string>>): boolean {
  const value = attributes['w:val']
  return value === undefined || !/^(?:0|false|off)$/i.test(value)
}

/** The styles whose text Word hides, by id: character styles (`w:rStyle`) and paragraph styles (`w:pStyle`). */
export interface HiddenStyles {
  readonly character: ReadonlySet<string>
  readonly paragraph: ReadonlySet<string>
}

/** No style hides anything: a package without a styles part, or one that hides by no style. */
export const noHiddenStyles: HiddenStyles = { character: new Set(), paragraph: new Set() }

interface StyleDef {
  type: string
  basedOn: string | undefined
  /** The style's own `w:vanish` in its run properties: on, off, or not set (inherited). */
  vanish: boolean | undefined
}

/** The hidden styles of a styles part (`word/styles.xml`); each style inherits `w:vanish` along `w:basedOn` unless it sets its own. */
export function hiddenStylesOf(stylesXml: string | undefined): HiddenStyles {
  if (stylesXml === undefined || !stylesXml.includes('vanish')) return noHiddenStyles
  const defs = new Map<string, StyleDef>()
  let current: StyleDef | undefined
  let rPrDepth = 0
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:rpr') rPrDepth++
        else if (name === 'w:style') {
          current = { type: attributes['w:type'] ?? 'paragraph', basedOn: undefined, vanish: undefined }
          const id = attributes['w:styleid']
          if (id !== undefined) defs.set(id, current)
        } else if (!current) return
        else if (name === 'w:basedon') current.basedOn = attributes['w:val']
        else if (name === 'w:vanish' && rPrDepth > 0) current.vanish = isOn(attributes)
      },
      onclosetag(name) {
        if (name === 'w:style') current = undefined
        else if (name === 'w:rpr') rPrDepth--
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(stylesXml)
  const character = new Set<string>()
  const paragraph = new Set<string>()
  for (const [id, def] of defs) {
    if (!isHidden(defs, id)) continue
    if (def.type === 'character') character.add(id)
    else if (def.type === 'paragraph') paragraph.add(id)
  }
  return character.size + paragraph.size === 0 ? noHiddenStyles : { character, paragraph }
}

const stylesType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles'

/** The hidden styles of an unzipped package (its styles part by the main part's relationship, else `word/styles.xml`). */
export function hiddenStylesOfPackage(files: Readonly<Record<string, Uint8Array>>): HiddenStyles {
  const part = files[partOfRelationship(files, stylesType, 'word/styles.xml')]
  return hiddenStylesOf(part && strFromU8(part))
}

/** Whether the style `id` hides its text, following `w:basedOn` (a cycle, which Word would refuse, hides nothing). */
function isHidden(defs: ReadonlyMap<string, StyleDef>, id: string): boolean {
  const seen = new Set<string>()
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); ) {
    const def = defs.get(at)
    if (def === undefined) return false
    if (def.vanish !== undefined) return def.vanish
    seen.add(at)
    at = def.basedOn
  }
  return false
}

/**
 * Whether the run being read is hidden, as Word decides: the run's own `w:vanish` first, then its
 * character style's, then its paragraph style's. Fed the elements the readers meet.
 */
export class RunVisibility {
  private direct: boolean | undefined
  private byCharacter = false
  /** Per paragraph open (a text box's inside the one holding it): whether its style hides it. */
  private readonly byParagraphs: boolean[] = []

  constructor(private readonly styles: HiddenStyles) {}

  /** A paragraph (`w:p`) opens: its style is not known until its `w:pStyle`. */
  openParagraph(): void {
    this.byParagraphs.push(false)
  }

  /** A paragraph closes: the one holding it, if any, is read on. */
  closeParagraph(): void {
    this.byParagraphs.pop()
  }

  /** A run (`w:r`) opens. */
  openRun(): void {
    this.direct = undefined
    this.byCharacter = false
  }

  /** `w:pStyle` in the paragraph's properties. */
  paragraphStyle(attributes: Readonly<Record<string, string>>): void {
    if (this.byParagraphs.length > 0) this.byParagraphs[this.byParagraphs.length - 1] = this.styles.paragraph.has(attributes['w:val'] ?? '')
  }

  /** `w:rStyle` in the run's properties. */
  characterStyle(attributes: Readonly<Record<string, string>>): void {
    this.byCharacter = this.styles.character.has(attributes['w:val'] ?? '')
  }

  /** `w:vanish` in the run's properties. */
  vanish(attributes: Readonly<Record<string, string>>): void {
    this.direct = isOn(attributes)
  }

  get isHidden(): boolean {
    return this.direct ?? (this.byCharacter || this.byParagraphs[this.byParagraphs.length - 1] === true)
  }
}
