import type { Locale } from './messages'
import { intlLocale } from './messages'

// Ticket timestamps are wall-clock times as exported (no time zone): parse them as UTC and
// format them in UTC, so that nobody's browser shifts them.
const cache = new Map<string, Intl.DateTimeFormat>()
function df(l: Locale, name: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${l}|${name}`
  let f = cache.get(k)
  if (!f) cache.set(k, (f = new Intl.DateTimeFormat(intlLocale(l), opts)))
  return f
}

/** 'YYYY-MM', 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM[:SS]' as a UTC instant; NaN when unreadable. */
export function parseWallClock(s: string): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?)?/.exec(s)
  if (!m) return Number.NaN
  const [, y, mo, d, h, mi, se] = m
  return Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0))
}

/** '2026-11' → 2026年11月 / Nov 2026 (short), November 2026 (long), 11月 / Nov (month). */
export function formatMonth(l: Locale, month: string, style: 'short' | 'long' | 'month' = 'short'): string {
  const t = parseWallClock(month)
  if (Number.isNaN(t)) return month
  const opts: Intl.DateTimeFormatOptions = style === 'month' ? { month: 'short', timeZone: 'UTC' } : { year: 'numeric', month: style, timeZone: 'UTC' }
  return df(l, `month-${style}`, opts).format(t)
}

/** '2026-11-03' → 11月3日 / Nov 3. */
export function formatDay(l: Locale, day: string): string {
  const t = parseWallClock(day)
  if (Number.isNaN(t)) return day
  return df(l, 'day', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(t)
}

/** The report's as_of ('YYYY-MM-DD HH:MM:SS', wall-clock). */
export function formatAsOf(l: Locale, asOf: string | null): string {
  if (!asOf) return '—'
  const t = parseWallClock(asOf)
  if (Number.isNaN(t)) return asOf
  return df(l, 'asof', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(t)
}

/** The wall's own clock, in the browser's time zone. */
export function formatClock(l: Locale, now: Date): { time: string, date: string } {
  return {
    time: df(l, 'clock', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now),
    date: df(l, 'clock-date', { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(now),
  }
}

/** 'YYYY-MM' shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = (y ?? 0) * 12 + (m ?? 1) - 1 + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
