// Zones of a venue or a building lettered A区, B区: a seating plan's, an exhibition's, a
// building's wing. They are layout labels, not a district's letter code (A市B区) hiding a place.

/** A seat, a row, a room or a floor numbered right after the zone (`A区3排`, `B区304室`, `A区A1`, `C区12号`). */
const seatAfterRe = /^(?:[0-9０-９]{1,4}(?:[排座号层楼室栋幢]|[-－—–~～])|第?[一二三四五六七八九十]+[排座号层楼室]|[A-ZＡ-Ｚ][0-9０-９])/
/** A venue or a building right before the zone (`文苑楼B区`, `展馆A区`, `会场B区`), maybe with 的 or 之. */
const venueBeforeRe = /(?:楼|馆|厅|堂|大厦|会场|场馆|展区|展馆|看台|体育场|体育馆|园区|校区|院区|厂区|停车场)[的之]?$/
/** Words of seating, showing and waiting near the zone: before it (`座位：A区`, `在A区`) or after it (`A区就座`). */
const seatingBeforeRe = /(?:座位|座次|坐席|席位|分区|展位|区域|考场|候考)[：:号为在于]*$/
const seatingAfterRe = /^(?:就座|就坐|入座|落座|候考|候场|集合|入场|观看|参观|座位|坐席|席位)/
/** What makes a document hold a seating plan or a venue's map: its zones are labels wherever they stand. */
const seatingPlanRe = /座次|座位|坐席|席位|就座|就坐|入座|分区|展区|展位|看台|赛区|考区|候考区/
/** A label standing alone: a line's or a table cell's start, then its colon, the line's or the cell's end. */
const labelBeforeRe = /(?:^|[\n\r\t|])[ \t\u3000]*$/
const labelAfterRe = /^(?:[：:、，,]|[ \t\u3000]*(?:$|[\r\n\t|]))/

/** How far around a zone its words are read. */
const reach = 12

/**
 * True when the letter code at [start, end), a letter and 区 (`A区`), is a zone of a venue: a
 * seat or a room numbered after it, a building or a hall before it, a word of seating beside it,
 * or a label of its own (`A区：省统计局领导`, a cell `B区`) in a document that holds a seating plan
 * (`holdsSeatingPlan`, asked only then: it reads the whole text).
 */
export function isZoneLabel(text: string, start: number, end: number, holdsSeatingPlan: () => boolean): boolean {
  const after = text.slice(end, end + reach)
  const before = text.slice(Math.max(0, start - reach), start)
  if (seatAfterRe.test(after) || venueBeforeRe.test(before) || seatingBeforeRe.test(before) || seatingAfterRe.test(after)) return true
  return labelBeforeRe.test(before) && labelAfterRe.test(after) && holdsSeatingPlan()
}

/** True when `text` holds a seating plan or a venue's map (座次, 座位, 展区, 看台…). */
export function mentionsSeating(text: string): boolean {
  return seatingPlanRe.test(text)
}
