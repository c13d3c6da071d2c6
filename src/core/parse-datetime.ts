/**
 * Wall-clock timestamps -> ms since the epoch, read as UTC: the digits as exported, never
 * shifted by a time zone (a trailing "Z", "+0800", " UTC" ... is dropped). Hand-written
 * scanning, no regex; the common 'YYYY-MM-DD HH:MM:SS' layout is read at fixed positions.
 */
import { COLON, COMMA, DASH, DIGIT_0, DOT, isDigit, isLetter, isSpace, SLASH, TimeScanner } from './datetime-scan'

export interface DateParseOptions {
  /** XLSX 1904 date system, for Excel serial numbers. */
  date1904?: boolean
  /** Numeric order of slash/dash dates with the year last (see DateScanner.dayMonthYear). */
  dayFirst?: boolean
}

const MS_PER_DAY = 86_400_000
// Excel serials are only taken between 1970-01-01 and 2100-01-01: a stray small number is not a date.
const SERIAL_MAX_MS = 4_102_444_800_000
const NIAN = 0x5e74 // 年
const YUE = 0x6708 // 月
const RI = 0x65e5 // 日
const HAO = 0x53f7 // 号

const MONTHS = new Map<string, number>()
;['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((m, i) => MONTHS.set(m, i + 1))
;['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
  .forEach((m, i) => MONTHS.set(m, i + 1))
MONTHS.set('sept', 9)
// Jira in a Chinese locale writes "07/三月/25".
;['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].forEach((m, i) => MONTHS.set(`${m}月`, i + 1))

/** Jan..Dec keyed by their three lowercase char codes, so the common case allocates no substring. */
const SHORT_MONTHS = new Map<number, number>()
for (const [name, m] of MONTHS) if (name.length === 3 && isLetter(name.charCodeAt(0))) SHORT_MONTHS.set(key3(name, 0), m)
const CJK_MONTH_CHARS = new Set([...'一二三四五六七八九十月'].map((ch) => ch.charCodeAt(0)))

function key3(s: string, at: number): number {
  return ((s.charCodeAt(at) | 0x20) << 16) | ((s.charCodeAt(at + 1) | 0x20) << 8) | (s.charCodeAt(at + 2) | 0x20)
}

class DateScanner extends TimeScanner {
  year = 0
  month = 0
  day = 0
  dayFirst = false

  /** Any layout but the fixed one; null when the text is not a complete, valid date. */
  parse(text: string, opts: DateParseOptions | undefined): number | null {
    if (!this.start(text)) return null
    this.dayFirst = opts?.dayFirst === true
    if (!isDigit(this.code())) return this.monthNameFirst() ? this.assemble() : null
    const first = this.pos
    const a = this.readInt(12)
    const digits = this.nDigits
    if (this.pos === this.end) return digits === 8 ? this.compactDate(a) : excelSerial(a, opts)
    if (this.code() === DOT && this.isDecimalTail()) return excelSerial(Number(this.src.slice(first, this.end)), opts)
    const sep = this.code()
    let ok = false
    if (digits === 4 && (sep === DASH || sep === SLASH || sep === DOT)) ok = this.yearMonthDay(a, sep) && this.time(true)
    else if (digits === 4 && sep === NIAN) ok = this.chineseDate(a) && this.time(false)
    else if (digits <= 2 && (sep === DASH || sep === SLASH || sep === DOT)) ok = this.dayMonthYear(a, sep) && this.time(true)
    else if (digits <= 2 && isSpace(sep)) ok = this.dayMonthNameYear(a) && this.time(true)
    return ok ? this.assemble() : null
  }

  /** 2025-03-07, 2025/3/7, 2025.3.7 */
  private yearMonthDay(y: number, sep: number): boolean {
    this.pos++
    this.month = this.readInt(2)
    if (this.nDigits === 0 || this.code() !== sep) return false
    this.pos++
    this.day = this.readInt(2)
    this.year = y
    return this.nDigits > 0
  }

  /** 2025年3月7日 (also 7号) */
  private chineseDate(y: number): boolean {
    this.pos++
    this.skipSpaces()
    this.month = this.readInt(2)
    if (this.nDigits === 0) return false
    this.skipSpaces()
    if (this.code() !== YUE) return false
    this.pos++
    this.skipSpaces()
    this.day = this.readInt(2)
    if (this.nDigits === 0) return false
    this.skipSpaces()
    const c = this.code()
    if (c !== RI && c !== HAO) return false
    this.pos++
    this.year = y
    return true
  }

  /**
   * Dates with the year last: 07/Mar/25 (Jira), 07/三月/25, 3/7/2025, 13/3/2025, 07.03.2025.
   * Numeric order: dot-separated dates are day-first (dd.mm.yyyy, the European convention);
   * slash or dash dates are month/day/year (what Excel writes in en-US, the usual source
   * of year-last slash dates) unless the first part is > 12 or the caller saw such a
   * value in the same file (opts.dayFirst). Two-digit years: 00-69 -> 20xx, 70-99 -> 19xx.
   */
  private dayMonthYear(a: number, sep: number): boolean {
    this.pos++
    if (isDigit(this.code())) {
      const b = this.readInt(2)
      const named = this.code() === YUE // 07/3月/25
      if (named) this.pos++
      const dayFirst = named || sep === DOT || this.dayFirst || a > 12
      this.day = dayFirst ? a : b
      this.month = dayFirst ? b : a
    } else {
      this.month = this.readMonthName()
      this.day = a
      if (this.month === 0) return false
    }
    if (this.code() !== sep) return false
    this.pos++
    return this.readYear()
  }

  /** 7 Mar 2025 */
  private dayMonthNameYear(a: number): boolean {
    this.skipSpaces()
    this.month = this.readMonthName()
    if (this.month === 0) return false
    this.skipSpaces()
    this.day = a
    return this.readYear()
  }

  /** Mar 7, 2025 / March 7 2025 */
  private monthNameFirst(): boolean {
    this.month = this.readMonthName()
    if (this.month === 0) return false
    this.skipSpaces()
    this.day = this.readInt(2)
    if (this.nDigits === 0) return false
    if (this.code() === COMMA) this.pos++
    this.skipSpaces()
    return this.readYear() && this.nDigits === 4 && this.time(true)
  }

  private readYear(): boolean {
    const y = this.readInt(4)
    if (this.nDigits === 4) this.year = y
    else if (this.nDigits === 2) this.year = y < 70 ? 2000 + y : 1900 + y
    else return false
    return true
  }

  private readMonthName(): number {
    const start = this.pos
    for (let c = this.code(); isLetter(c) || CJK_MONTH_CHARS.has(c); c = this.code()) this.pos++
    const length = this.pos - start
    if (length === 3) {
      const m = SHORT_MONTHS.get(key3(this.src, start))
      if (m !== undefined) return m
    }
    return length > 0 ? MONTHS.get(this.src.slice(start, this.pos).toLowerCase()) ?? 0 : 0
  }

  /** 20250307 */
  private compactDate(v: number): number | null {
    this.year = Math.floor(v / 10000)
    this.month = Math.floor(v / 100) % 100
    this.day = v % 100
    this.hour = this.minute = this.second = this.millis = 0
    return this.assemble()
  }

  /** After a '.', only digits up to the end: an Excel serial such as 45723.378472. */
  private isDecimalTail(): boolean {
    if (this.pos + 1 >= this.end) return false
    for (let i = this.pos + 1; i < this.end; i++) if (!isDigit(this.src.charCodeAt(i))) return false
    return true
  }

  assemble(): number | null {
    return wallClockMs(this.year, this.month, this.day, this.hour, this.minute, this.second, this.millis)
  }
}

// Parsing is synchronous: one scanner serves every call, so a cell costs no allocation.
const scanner = new DateScanner()

/**
 * One cell -> wall-clock ms, or null when it is not a complete, valid date (2025-02-30,
 * hour 25, trailing text): callers reject rather than guess.
 */
export function parseDateTime(text: string, opts?: DateParseOptions): number | null {
  const fixed = fixedLayout(text)
  if (!Number.isNaN(fixed)) return fixed === INVALID ? null : fixed
  return scanner.parse(text, opts)
}

/**
 * Evidence for the day/month order of a numeric date with the year last:
 * 1 when the first part cannot be a month (13/3/2025), -1 when the second cannot (3/13/2025), else 0.
 */
export function dayFirstEvidence(text: string): -1 | 0 | 1 {
  const n = text.length
  let i = 0
  while (i < n && isSpace(text.charCodeAt(i))) i++
  let a = 0
  const aStart = i
  for (; i < n && isDigit(text.charCodeAt(i)); i++) a = a * 10 + text.charCodeAt(i) - DIGIT_0
  const sep = text.charCodeAt(i)
  if (i - aStart < 1 || i - aStart > 2 || (sep !== SLASH && sep !== DASH)) return 0
  let b = 0
  const bStart = ++i
  for (; i < n && isDigit(text.charCodeAt(i)); i++) b = b * 10 + text.charCodeAt(i) - DIGIT_0
  if (i - bStart < 1 || i - bStart > 2 || text.charCodeAt(i) !== sep) return 0
  if (a > 12 && b >= 1 && b <= 12) return 1
  return b > 12 && a >= 1 && a <= 12 ? -1 : 0
}

const INVALID = -Infinity

/**
 * 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS(.sss)(Z)' with '-' or '/' and ' ' or 'T',
 * read at fixed positions. NaN when the text has another layout, INVALID when it is not a valid date.
 */
function fixedLayout(s: string): number {
  const n = s.length
  if (n !== 19 && n !== 16 && n !== 10 && (n < 20 || (s.charCodeAt(19) !== DOT && n !== 20))) return NaN
  const sep = s.charCodeAt(4)
  if ((sep !== DASH && sep !== SLASH) || s.charCodeAt(7) !== sep) return NaN
  const timed = n > 10
  if (timed) {
    const t = s.charCodeAt(10)
    if ((t !== 32 && t !== 84) || s.charCodeAt(13) !== COLON || (n >= 19 && s.charCodeAt(16) !== COLON)) return NaN
  }
  const millis = n > 19 ? fixedFraction(s) : 0
  const year = digitsAt(s, 0, 4)
  const month = digitsAt(s, 5, 2)
  const day = digitsAt(s, 8, 2)
  const hour = timed ? digitsAt(s, 11, 2) : 0
  const minute = timed ? digitsAt(s, 14, 2) : 0
  const second = n >= 19 ? digitsAt(s, 17, 2) : 0
  if ((year | month | day | hour | minute | second | millis) < 0) return NaN
  return wallClockMs(year, month, day, hour, minute, second, millis) ?? INVALID
}

/** Milliseconds of '.s', '.ss', '.sss' (further digits cut) and an optional 'Z' from index 19; -1 if not that. */
function fixedFraction(s: string): number {
  const n = s.charCodeAt(s.length - 1) === 90 ? s.length - 1 : s.length
  if (n === 19) return 0
  if (s.charCodeAt(19) !== DOT || n < 21) return -1
  let v = 0
  for (let i = 20; i < n; i++) {
    const d = s.charCodeAt(i) - DIGIT_0
    if (d < 0 || d > 9) return -1
    if (i < 23) v = v * 10 + d
  }
  return n === 21 ? v * 100 : n === 22 ? v * 10 : v
}

/** The number written by `count` digits at `at`, -1 if one of them is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/** Excel serial day number (fraction = time of day), rounded to the nearest second. */
function excelSerial(serial: number, opts: DateParseOptions | undefined): number | null {
  if (!Number.isFinite(serial)) return null
  const daysSince1970 = serial - (opts?.date1904 === true ? 24107 : 25569)
  const ms = Math.round(daysSince1970 * 86400) * 1000
  return ms >= 0 && ms < SERIAL_MAX_MS ? ms : null
}

function wallClockMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
