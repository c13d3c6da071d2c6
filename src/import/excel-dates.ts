// Cell styles and the Excel date/duration number formats they select.

import { XmlReader } from './xml-reader'

/** Excel's built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** How a cell style shows numbers: as a number, a date/time, or an elapsed duration ([h]:mm). */
export type NumberKind = 'number' | 'date' | 'duration'

/** One entry per `<cellXfs><xf>`, indexed by a cell's `s` attribute. */
export function readCellStyles(xml: string): NumberKind[] {
  const reader = new XmlReader(xml)
  const formats = new Map<number, string>()
  const kinds: NumberKind[] = []
  let inCellXfs = false
  while (reader.next()) {
    const { name } = reader
    if (name === 'numFmt' && !reader.isEnd) {
      formats.set(Number(reader.attr('numFmtId')), reader.attr('formatCode') ?? '')
    } else if (name === 'cellXfs') {
      inCellXfs = !reader.isEnd && !reader.isEmpty
    } else if (name === 'xf' && inCellXfs && !reader.isEnd) {
      const id = Number(reader.attr('numFmtId') ?? 0)
      const code = formats.get(id)
      kinds.push(code === undefined ? (BUILTIN_DATE_FORMATS.has(id) ? 'date' : 'number') : formatKind(code))
    }
  }
  return kinds
}

/** Classifies a custom format code by its d/m/y/h/s tokens outside quotes, escapes and [brackets]. */
export function formatKind(code: string): NumberKind {
  if (/\[(h+|m+|s+)\]/i.test(code)) return 'duration'
  return /[dmyhs]/i.test(bareFormat(code)) ? 'date' : 'number'
}

/**
 * The format code without "quoted text", \escapes, _x / *x fillers and [bracketed] parts.
 * A scan, not a regex: `/\[[^\]]*\]/g` looks for the closing bracket from every unclosed
 * `[`, which is quadratic (a 2 KB style sheet of `[` took seconds). Once a closer is known
 * to be missing, no later opener looks for it again.
 */
function bareFormat(code: string): string {
  let out = ''
  const closer = { '"': 0, ']': 0 }
  const skipTo = (ch: '"' | ']', from: number): number => {
    if (closer[ch] !== -1 && closer[ch] < from) closer[ch] = code.indexOf(ch, from)
    return closer[ch]
  }
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!
    const end = c === '"' ? skipTo('"', i + 1) : c === '[' ? skipTo(']', i + 1) : -1
    if (end !== -1) i = end
    else if ((c === '\\' || c === '_' || c === '*') && i + 1 < code.length) i++
    else out += c
  }
  return out
}

/**
 * Excel serial -> 'YYYY-MM-DD HH:MM:SS', rounded to the second. In the 1900 system
 * serial 1 is 1900-01-01 and serial 60 the 1900-02-29 Excel keeps for Lotus
 * compatibility. Serials under one day are times of day ('HH:MM:SS').
 * Null when the serial is not a date Excel can show.
 */
export function excelSerialToText(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null
  const totalSeconds = Math.round(serial * 86400)
  const days = Math.floor(totalSeconds / 86400)
  const time = clock(totalSeconds - days * 86400, 2)
  if (days === 0) return time
  if (!date1904 && days === 60) return `1900-02-29 ${time}`
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const date = new Date(epoch + days * 86_400_000)
  if (date.getUTCFullYear() > 9999) return null
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}`
}

/** An elapsed duration as Excel shows `[h]:mm:ss`, e.g. '36:00:00'. */
export function durationText(serial: number): string {
  const seconds = Math.round(Math.abs(serial) * 86400)
  return (serial < 0 ? '-' : '') + clock(seconds, 1)
}

function clock(seconds: number, hourDigits: number): string {
  const hours = Math.floor(seconds / 3600)
  return `${String(hours).padStart(hourDigits, '0')}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
