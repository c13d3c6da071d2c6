/** A readable description of how a column writes its dates, for the column report: "YYYY-MM-DD hh:mm:ss". */
import { parseDecimal } from './normalize'

/**
 * The layout of one date text: digit runs become YYYY/MM/DD/hh/mm/ss in the order the
 * parser reads them (year first when the first run has four digits; otherwise day or month
 * first as the column was found to be written), month names become MMM.
 */
export function describeDateShape(text: string, dayFirst: boolean): string {
  const zone = ZONE.exec(text.trim())
  const shape = describe(zone ? text.trim().slice(0, zone.index) : text.trim(), dayFirst)
  return zone ? `${shape} (time zone "${zone[0].trim()}" ignored)` : shape
}

const ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\s*(?:UTC|GMT|CST)(?:[+-]\d{1,2})?)$/i

function describe(t: string, dayFirst: boolean): string {
  if (!Number.isNaN(parseDecimal(t)) && !/^\d{8}$/.test(t)) return 'Excel serial'
  if (/^\d{8}$/.test(t)) return 'YYYYMMDD'
  const runs = [...t.matchAll(/\d+/g)]
  if (runs.length === 0) return t
  const firstLen = runs[0]?.[0].length ?? 0
  const monthName = /[a-z]{3,}/i.test(t.replace(/\b(?:am|pm)\b/gi, ''))
  // Dot dates are always read day first (parse-datetime.ts).
  const dayMonth = dayFirst || /^\d{1,2}\.\d{1,2}\./.test(t)
  const dateOrder = firstLen === 4 ? ['YYYY', 'MM', 'DD'] : monthName ? (/^\d/.test(t) ? ['DD', 'YY'] : ['DD', 'YYYY']) : dayMonth ? ['DD', 'MM', 'YYYY'] : ['MM', 'DD', 'YYYY']
  const timeOrder = ['hh', 'mm', 'ss', 'SSS']
  let out = ''
  let last = 0
  runs.forEach((m, i) => {
    const idx = m.index
    out += t.slice(last, idx).replace(/[a-z]{3,}/gi, w => (/^(?:am|pm)$/i.test(w) ? w : 'MMM'))
    const token = i < dateOrder.length ? dateOrder[i] : timeOrder[i - dateOrder.length]
    const yearLen = m[0].length
    out += token === 'YYYY' && yearLen === 2 ? 'YY' : token === 'YY' && yearLen === 4 ? 'YYYY' : token ?? m[0]
    last = idx + m[0].length
  })
  return out + t.slice(last).replace(/[a-z]{3,}/gi, w => (/^(?:am|pm)$/i.test(w) ? w : 'MMM'))
}
