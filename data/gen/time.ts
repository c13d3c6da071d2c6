/**
 * Wall-clock time as milliseconds read as UTC: no time zone is ever applied,
 * so 2026-03-07 09:05 is Date.UTC(2026, 2, 7, 9, 5) and prints back the same.
 */

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function wall(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s)
}

export interface WallParts {
  y: number
  m: number
  d: number
  h: number
  mi: number
  s: number
  /** 0 = Sunday … 6 = Saturday */
  dow: number
}

export function parts(ms: number): WallParts {
  const t = new Date(ms)
  return {
    y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(),
    h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), dow: t.getUTCDay(),
  }
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY
}

export function floorTo(ms: number, grain: number): number {
  return Math.floor(ms / grain) * grain
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** 2025-12-07 09:05:12 (Zendesk, ServiceNow, manifest). */
export function fmtIso(ms: number): string {
  const p = parts(ms)
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}

/** 2025-12-07 */
export function fmtDate(ms: number): string {
  const p = parts(ms)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`
}

/** 2025/3/7 9:05, as Chinese Excel writes a date-time cell into CSV. */
export function fmtExcelCsv(ms: number): string {
  const p = parts(ms)
  return `${p.y}/${p.m}/${p.d} ${p.h}:${pad(p.mi)}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** 07/Mar/25 9:05 AM, Jira's default CSV date-time. */
export function fmtJira(ms: number): string {
  const p = parts(ms)
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12
  return `${pad(p.d)}/${MONTHS[p.m - 1] ?? ''}/${pad(p.y % 100)} ${h12}:${pad(p.mi)} ${p.h < 12 ? 'AM' : 'PM'}`
}

/** Excel serial date, 1900 system (day 1 = 1900-01-01, with the 1900 leap-year bug: valid after 1900-03-01). */
export function excelSerial(ms: number): number {
  return (ms - Date.UTC(1899, 11, 30)) / DAY
}

/** Public holidays of the period (mainland China), inclusive ranges. */
const HOLIDAYS: readonly [number, number][] = [
  [wall(2026, 1, 1), wall(2026, 1, 3)], // 元旦
  [wall(2026, 2, 15), wall(2026, 2, 23)], // 春节
  [wall(2026, 4, 4), wall(2026, 4, 6)], // 清明
  [wall(2026, 5, 1), wall(2026, 5, 5)], // 劳动节
  [wall(2026, 6, 19), wall(2026, 6, 21)], // 端午
  [wall(2026, 9, 25), wall(2026, 9, 27)], // 中秋
  [wall(2026, 10, 1), wall(2026, 10, 7)], // 国庆
]

export function isHoliday(ms: number): boolean {
  const day = startOfDay(ms)
  return HOLIDAYS.some(([from, to]) => day >= from && day <= to)
}

/** A working day: Monday–Friday and not a public holiday. */
export function isWorkday(ms: number): boolean {
  const dow = parts(ms).dow
  return dow >= 1 && dow <= 5 && !isHoliday(ms)
}

/** Contract business hours: Monday–Friday 09:00 (inclusive) to 18:00 (exclusive). */
export function isContractBusinessHour(ms: number): boolean {
  const p = parts(ms)
  return p.dow >= 1 && p.dow <= 5 && p.h >= 9 && p.h < 18
}
