// Finds the IPv4 and IPv6 addresses a label names (`网银登录IP地址为117.139.24.86`, `IP：…`): where a
// person went online, as a judgment of online fraud writes it. A server's, a site's or a
// platform's address is published, and an address of a private network names no one.
import type { IdentifierHit } from './types.js'

/** The label IP, not inside a Latin word (VIP, ZIP). */
const ipLabelRe = /(?<![A-Za-z])(?:IP|ip)(?:v4|V4|v6|V6)?(?![A-Za-z])/g
const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const quad = `(?:${octet}\\.){3}${octet}(?![0-9A-Za-z]|\\.\\d)`
/**
 * An IPv6 address of the global unicast range (2000::/3, what a carrier gives a subscriber:
 * `2409:8a3c:1234:5678::1`): hex groups and colons, checked by {@link isIpv6}. Link-local,
 * unique-local and loopback addresses name no one on the internet.
 */
const v6 = `[23][0-9A-Fa-f]{3}:[0-9A-Fa-f:]{2,35}(?![0-9A-Za-z:])`
const address = `${quad}|${v6}`
/** From the label's end: 地址, up to six words, a colon or 为/是, an opening quote, the address. */
const valueAfterLabelRe = new RegExp(`(?:地址)?[\\u4e00-\\u9fff]{0,6}?[ \\u3000]*(?:[:：]|[为是])?[ \\u3000]*[“"「]?(${address})`, 'y')
/** One more address of a list after the first (`、`, `和`, `及`, a comma). */
const nextInListRe = new RegExp(`[”"」]?[ \\u3000]*(?:[、，,和及与][ \\u3000]*)[“"「]?(${address})`, 'y')
/** Words right before IP that make it a machine's published address, not a person's. */
const serverBeforeRe = /(?:服务器|网站|域名|主机|网关|平台|官网|站点|服务端|DNS|dns)[的之]?$/
/** Private, loopback, link-local, multicast and reserved ranges (RFC 1918, 3927, 5771): no one's on the internet. */
const privateRe = /^(?:0|10|127|22[4-9]|2[3-5]\d)\.|^169\.254\.|^172\.(?:1[6-9]|2\d|3[01])\.|^192\.168\./

/** IPv4 and IPv6 addresses after an IP label; the address is the span. */
export function findIpAddresses(text: string): IdentifierHit[] {
  const hits: IdentifierHit[] = []
  if (!text.includes('IP') && !text.includes('ip')) return hits
  ipLabelRe.lastIndex = 0
  for (let m = ipLabelRe.exec(text); m; m = ipLabelRe.exec(text)) {
    if (serverBeforeRe.test(text.slice(Math.max(0, m.index - 4), m.index))) continue
    valueAfterLabelRe.lastIndex = m.index + m[0].length
    let value = valueAfterLabelRe.exec(text)
    while (value) {
      const end = value.index + value[0].length
      const ip = value[1]!
      if (ip.includes(':') ? isIpv6(ip) : !privateRe.test(ip)) hits.push({ start: end - ip.length, end, kind: 'ip' })
      nextInListRe.lastIndex = end
      value = nextInListRe.exec(text)
    }
  }
  return hits
}

/** True when hex groups and colons make an IPv6 address: eight groups of 1–4, or fewer and one `::`. */
function isIpv6(value: string): boolean {
  const halves = value.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')))
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8
}
