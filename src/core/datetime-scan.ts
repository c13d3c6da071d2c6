/**
 * The character scanner under parseDateTime: a cursor over one cell, digits, and the
 * time of day with its optional 12-hour marker and zone. The date parts live in
 * parse-datetime.ts, which extends this class.
 */

export const DIGIT_0 = 48
export const DASH = 45
export const DOT = 46
export const SLASH = 47
export const COLON = 58
export const COMMA = 44
const PLUS = 43
const SHI = 0x65f6 // 时
const DIAN = 0x70b9 // 点
const FEN = 0x5206 // 分
const MIAO = 0x79d2 // 秒
const BAN = 0x534a // 半

const NONE = 0
const AM = 1
const PM = 2
const NOON = 3
type Meridiem = typeof NONE | typeof AM | typeof PM | typeof NOON

const CHINESE_MERIDIEMS: [string, Meridiem][] = [
  ['上午', AM], ['早上', AM], ['凌晨', AM], ['中午', NOON], ['下午', PM], ['晚上', PM], ['傍晚', PM],
]

export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_0 + 9
}

export function isLetter(c: number): boolean {
  const l = c | 0x20
  return l >= 97 && l <= 122
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff
}

export class TimeScanner {
  src = ''
  pos = 0
  end = 0
  /** How many digits the last readInt read. */
  nDigits = 0
  hour = 0
  minute = 0
  second = 0
  millis = 0

  /** Points the cursor at `text` without its surrounding whitespace; false when nothing is left. */
  start(text: string): boolean {
    this.src = text
    let pos = 0
    let end = text.length
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++
    while (end > pos && isSpace(text.charCodeAt(end - 1))) end--
    this.pos = pos
    this.end = end
    return pos < end
  }

  code(): number {
    return this.pos < this.end ? this.src.charCodeAt(this.pos) : -1
  }

  readInt(maxDigits: number): number {
    const start = this.pos
    const stop = Math.min(this.end, start + maxDigits)
    let v = 0
    let pos = start
    for (; pos < stop; pos++) {
      const d = this.src.charCodeAt(pos) - DIGIT_0
      if (d < 0 || d > 9) break
      v = v * 10 + d
    }
    this.pos = pos
    this.nDigits = pos - start
    return v
  }

  skipSpaces(): void {
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++
  }

  /**
   * The optional time after a date: "T09:05:12.345", " 9:05", " 9:05 AM", " 下午3:05",
   * "9时5分", "9点半", then an optional zone, which is dropped. True when the whole rest is read.
   */
  time(needsSeparator: boolean): boolean {
    this.hour = this.minute = this.second = this.millis = 0
    const c = this.code()
    if (c === -1) return true
    if (c === 84 || c === 116) this.pos++ // T
    else if (c === COMMA || isSpace(c)) {
      if (c === COMMA) this.pos++
      this.skipSpaces()
    } else if (needsSeparator) return this.zone()
    let meridiem = this.meridiem()
    this.skipSpaces()
    if (!isDigit(this.code())) return meridiem === NONE && this.zone()
    this.hour = this.readInt(2)
    const sep = this.code()
    if (sep === COLON) {
      if (!this.clockTime()) return false
    } else if (sep === SHI || sep === DIAN) {
      this.pos++
      this.chineseTime()
    } else return false
    this.skipSpaces()
    if (meridiem === NONE) meridiem = this.meridiem()
    if (!this.applyMeridiem(meridiem)) return false
    this.skipSpaces()
    return this.zone()
  }

  /** ":05", ":05:12", ":05:12.345" after the hour (digits past milliseconds are cut). */
  private clockTime(): boolean {
    this.pos++
    this.minute = this.readInt(2)
    if (this.nDigits === 0) return false
    if (this.code() !== COLON) return true
    this.pos++
    this.second = this.readInt(2)
    if (this.nDigits === 0) return false
    const c = this.code()
    if (c !== DOT && c !== COMMA) return true
    this.pos++
    const v = this.readInt(3)
    const n = this.nDigits
    if (n === 0) return false
    this.millis = n === 3 ? v : n === 2 ? v * 10 : v * 100
    while (isDigit(this.code())) this.pos++
    return true
  }

  /** After "9时"/"9点": optional "5分", "12秒", or "半" (half past). */
  private chineseTime(): void {
    if (this.code() === BAN) {
      this.pos++
      this.minute = 30
      return
    }
    this.minute = this.readInt(2)
    if (this.nDigits === 0) return
    if (this.code() === FEN) this.pos++
    this.second = this.readInt(2)
    if (this.nDigits > 0 && this.code() === MIAO) this.pos++
  }

  private meridiem(): Meridiem {
    const raw = this.code()
    const c = raw | 0x20
    if (c === 97 || c === 112) { // a / p, then m, with optional dots: AM, a.m.
      const { src, end } = this
      let i = this.pos + 1
      if (src.charCodeAt(i) === DOT) i++
      if (i >= end || (src.charCodeAt(i) | 0x20) !== 109) return NONE
      i++
      if (i < end && src.charCodeAt(i) === DOT) i++
      if (i < end && isLetter(src.charCodeAt(i))) return NONE
      this.pos = i
      return c === 97 ? AM : PM
    }
    if (raw < 0x4e00) return NONE
    for (const [word, m] of CHINESE_MERIDIEMS) {
      if (this.src.startsWith(word, this.pos)) {
        this.pos += word.length
        return m
      }
    }
    return NONE
  }

  /**
   * 12-hour clock. AM: 1..12, 12 AM = 00. PM: 1..12, 12 PM = 12; an hour of 13..23 with
   * PM/下午 is already 24-hour and kept (Chinese exports write "下午15:05"). 中午 (noon): 11 and 12 kept, 1 -> 13.
   */
  private applyMeridiem(m: Meridiem): boolean {
    if (m === NONE) return true
    if (this.hour === 0 && m !== AM) return false
    if (m === AM) {
      if (this.hour > 12) return false
      if (this.hour === 12) this.hour = 0
    } else if (m === PM ? this.hour < 12 : this.hour < 11) this.hour += 12
    return true
  }

  /** A trailing zone, dropped: "Z", "+08:00", "+0800", "-05", " UTC", " GMT+8", " CST". */
  private zone(): boolean {
    let c = this.code()
    if (c === -1) return true
    if (c === 90 || c === 122) { // Z
      this.pos++
      return this.pos === this.end
    }
    if (isLetter(c)) {
      const start = this.pos
      while (isLetter(this.code())) this.pos++
      const word = this.src.slice(start, this.pos).toUpperCase()
      if (word !== 'UTC' && word !== 'GMT' && word !== 'CST') return false
      c = this.code()
      if (c === -1) return true
    }
    if (c !== PLUS && c !== DASH) return false
    this.pos++
    this.readInt(4)
    if (this.nDigits === 0) return false
    if (this.code() === COLON) {
      this.pos++
      this.readInt(2)
      if (this.nDigits !== 2) return false
    }
    return this.pos === this.end
  }
}
