import type { Calendar, WorkCalendar } from './config'
import { DEFAULT_HOURS } from './config'

/** One refused field of a config: where (a path such as `calendars.default.hours[1][0]`) and why. */
export interface ConfigError {
  path: string
  reason: string
}

export type Check = (path: string, reason: string) => void

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** "HH:MM" → minutes after midnight (00:00..24:00); null when not a wall-clock time. */
export function clockMinutes(s: unknown): number | null {
  if (typeof s !== 'string') return null
  const m = /^(\d\d):(\d\d)$/.exec(s)
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null
  return h * 60 + min
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}

function dates(v: unknown, path: string, bad: Check): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) {
    bad(path, 'must be a list of dates YYYY-MM-DD')
    return []
  }
  v.forEach((d, i) => isIsoDate(d) || bad(`${path}[${i}]`, `not a date YYYY-MM-DD: ${JSON.stringify(d)}`))
  return [...new Set(v.filter(isIsoDate))].sort()
}

function days(v: unknown, path: string, bad: Check): number[] {
  if (v === undefined) return [1, 2, 3, 4, 5]
  if (!Array.isArray(v)) {
    bad(path, 'must be a list of ISO weekdays 1 (Monday) … 7 (Sunday)')
    return []
  }
  v.forEach((d, i) => (Number.isInteger(d) && d >= 1 && d <= 7) || bad(`${path}[${i}]`, `not an ISO weekday 1..7: ${JSON.stringify(d)}`))
  return [...new Set(v.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7))].sort()
}

function hours(v: unknown, path: string, bad: Check): [string, string][] {
  if (v === undefined) return DEFAULT_HOURS.map(h => [...h])
  if (!Array.isArray(v) || v.length === 0) {
    bad(path, 'must be a non-empty list of ["HH:MM", "HH:MM"] intervals')
    return []
  }
  const out: { s: number, e: number, h: [string, string] }[] = []
  v.forEach((h, i) => {
    const [s, e] = Array.isArray(h) && h.length === 2 ? [clockMinutes(h[0]), clockMinutes(h[1])] : [null, null]
    if (s === null || e === null) bad(`${path}[${i}]`, `must be ["HH:MM", "HH:MM"] (00:00–24:00), got ${JSON.stringify(h)}`)
    else if (s >= e) bad(`${path}[${i}]`, `starts at or after its end: ${JSON.stringify(h)}`)
    else out.push({ s, e, h: [h[0] as string, h[1] as string] })
  })
  out.sort((a, b) => a.s - b.s)
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.s < out[i - 1]!.e) bad(path, `intervals ${JSON.stringify(out[i - 1]!.h)} and ${JSON.stringify(out[i]!.h)} overlap`)
  }
  return out.map(x => x.h)
}

/** A calendar as the contract writes it, with the defaults filled in. */
export function parseCalendar(v: unknown, path: string, bad: Check): Calendar {
  if (v === '7x24') return '7x24'
  if (!isObject(v)) {
    bad(path, 'must be "7x24" or { days, hours, holidays, workdays }')
    return '7x24'
  }
  for (const k of Object.keys(v)) {
    if (!['days', 'hours', 'holidays', 'workdays'].includes(k)) bad(`${path}.${k}`, 'unknown key (known: days, hours, holidays, workdays)')
  }
  const cal: WorkCalendar = {
    days: days(v.days, `${path}.days`, bad),
    hours: hours(v.hours, `${path}.hours`, bad),
    holidays: dates(v.holidays, `${path}.holidays`, bad),
    workdays: dates(v.workdays, `${path}.workdays`, bad),
  }
  return cal
}
