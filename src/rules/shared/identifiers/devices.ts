// Finds a device's identifiers after their label: a phone's IMEI (`IMEI：860123456789014`, 15
// digits whose last is a Luhn check digit), its MEID (14 hex digits), a network card's MAC address
// (`MAC地址3C:22:FB:12:AB:9E`). A judgment of online crime lists the seized phones and computers
// by them: each names its owner's device as a number of record does.
import { passesLuhn } from './checksums.js'
import { nextRun, unitTable } from './runs.js'
import type { IdentifierHit } from './types.js'

/** The labels, not inside a Latin word (`MACHINE`, `IMAC`), then 码/号码, a colon or 为/是, an opening quote. */
const labelSource = (labels: string) => `(?<![A-Za-z])(?:${labels})(?![A-Za-z])(?:码|号码?|地址)?[ \\u3000]*(?:[:：]|[为是])?[ \\u3000]*[“"「]?`
const imeiRe = new RegExp(`${labelSource('IMEI|imei|串号')}([0-9]{15})(?![0-9A-Za-z])`, 'g')
const meidRe = new RegExp(`${labelSource('MEID|meid')}([0-9A-Fa-f]{14})(?![0-9A-Za-z])`, 'g')
const macRe = new RegExp(`${labelSource('MAC|mac|物理地址|网卡地址')}([0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\\2[0-9A-Fa-f]{2}){4})(?![0-9A-Za-z:-])`, 'g')
/** One more value of a list after the first (`IMEI：…、…`). */
const nextImeiRe = /[”"」]?[ \u3000]*[、和及与/][ \u3000]*[“"「]?([0-9]{15})(?![0-9A-Za-z])/y

/**
 * The units of a device's number: letters, digits, `:` and `-`. The shortest is an MEID, 14:
 * only runs that long are looked at, with the label before them (a search for the labels over
 * the whole text cost more than this rare class is worth).
 */
const deviceUnits = unitTable([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x3a, 0x3a], [0x2d, 0x2d])
const minDevice = 14
/** How far before a run its label may start (`网卡地址为“`). */
const labelReach = 10
const checks = [
  [imeiRe, passesLuhn],
  [meidRe, (value: string) => /[0-9]/.test(value)],
  [macRe, (value: string) => !/^(?:00[:-]){5}00$|^(?:[Ff]{2}[:-]){5}[Ff]{2}$/.test(value)],
] as const

/** IMEI, MEID and MAC addresses after their labels; the value is the span. Offsets in UTF-16 code units. */
export function findDeviceIds(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  for (let run = nextRun(text, 0, minDevice, deviceUnits); run; run = nextRun(text, run[1], minDevice, deviceUnits)) {
    const from = Math.max(0, run[0] - labelReach)
    const window = text.slice(from, run[1])
    for (const [re, isValid] of checks) {
      re.lastIndex = 0
      for (let m = re.exec(window); m; m = re.exec(window)) {
        const end = from + m.index + m[0].length
        const start = end - m[1]!.length
        if (start < run[0] || !isValid(m[1]!)) continue
        hits.push({ start, end, kind: 'device' })
        // A phone with two slots gives two IMEIs.
        if (re === imeiRe) hits.push(...nextImeis(text, end))
      }
    }
  }
  return hits
}

/** The IMEIs of a list after the first, from `at` on. */
function nextImeis(text: string, at: number): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  nextImeiRe.lastIndex = at
  for (let n = nextImeiRe.exec(text); n && passesLuhn(n[1]!); n = nextImeiRe.exec(text)) hits.push({ start: n.index + n[0].length - 15, end: n.index + n[0].length, kind: 'device' })
  return hits
}
