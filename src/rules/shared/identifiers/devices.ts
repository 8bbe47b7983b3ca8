// Finds a device's identifiers after their label: a phone's IMEI (`IMEI：860123456789014`, 15
// digits whose last is a Luhn check digit), its MEID (14 hex digits), a network card's MAC address
// (`MAC地址3C:22:FB:12:AB:9E`). A judgment of online crime lists the seized phones and computers
// by them: each names its owner's device as a number of record does.
import { passesLuhn } from './checksums.js'
import type { IdentifierHit } from './types.js'

/** The labels, not inside a Latin word (`MACHINE`, `IMAC`), then 码/号码, a colon or 为/是, an opening quote. */
const labelSource = (labels: string) => `(?<![A-Za-z])(?:${labels})(?![A-Za-z])(?:码|号码?|地址)?[ \\u3000]*(?:[:：]|[为是])?[ \\u3000]*[“"「]?`
const imeiRe = new RegExp(`${labelSource('IMEI|imei|串号')}([0-9]{15})(?![0-9A-Za-z])`, 'g')
const meidRe = new RegExp(`${labelSource('MEID|meid')}([0-9A-Fa-f]{14})(?![0-9A-Za-z])`, 'g')
const macRe = new RegExp(`${labelSource('MAC|mac|物理地址|网卡地址')}([0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\\2[0-9A-Fa-f]{2}){4})(?![0-9A-Za-z:-])`, 'g')
/** One more value of a list after the first (`IMEI：…、…`). */
const nextImeiRe = /[”"」]?[ \u3000]*[、和及与/][ \u3000]*[“"「]?([0-9]{15})(?![0-9A-Za-z])/y

/** IMEI, MEID and MAC addresses after their labels; the value is the span. */
export function findDeviceIds(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!/IMEI|imei|串号|MEID|meid|MAC|mac|物理地址|网卡地址/.test(text)) return hits
  for (const [re, isValid] of [
    [imeiRe, passesLuhn],
    [meidRe, (value: string) => /[0-9]/.test(value)],
    [macRe, (value: string) => !/^(?:00[:-]){5}00$|^(?:[Ff]{2}[:-]){5}[Ff]{2}$/.test(value)],
  ] as const) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!isValid(m[1]!)) continue
      const start = m.index + m[0].length - m[1]!.length
      hits.push({ start, end: start + m[1]!.length, kind: 'device' })
      if (re !== imeiRe) continue
      // A phone with two slots gives two IMEIs.
      nextImeiRe.lastIndex = start + m[1]!.length
      for (let n = nextImeiRe.exec(text); n && passesLuhn(n[1]!); n = nextImeiRe.exec(text)) hits.push({ start: n.index + n[0].length - 15, end: n.index + n[0].length, kind: 'device' })
    }
  }
  return hits
}
