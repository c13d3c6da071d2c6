/** When tickets are raised: weekday and hour patterns, holidays, month-end closing and year-end peaks, outage storms. */
import type { Random } from './prng.ts'
import { DAY, HOUR, MINUTE, SECOND, floorTo, isHoliday, isWorkday, parts, wall } from './time.ts'

export const PERIOD_START = wall(2025, 12, 1)
/** The moment every export was taken; nothing happens after it. */
export const EXPORT_AT = wall(2026, 11, 26, 17, 30)
export const PERIOD_DAYS = Math.round((EXPORT_AT - PERIOD_START) / DAY) + 1

/** Relative weight of each hour on a working day and on a weekend or holiday. */
const WORKDAY_HOURS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.9, 2.8, 6.5, 8, 7.2, 3.8, 4.6, 7.2, 7.4, 6.4, 5, 2.6, 1.6, 1.3, 1, 0.6, 0.35]
const OFFDAY_HOURS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1, 2, 2.5, 2.5, 2, 2, 2.2, 2.2, 2, 1.6, 1.2, 1.2, 1.1, 0.9, 0.5, 0.3]

function dayWeight(day: number): number {
  const p = parts(day)
  let w = isWorkday(day) ? [1, 1.15, 1.1, 1, 1, 0.92, 1][p.dow] ?? 1 : 0.09
  if (isHoliday(day)) w = 0.05
  const daysInMonth = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate()
  if (p.d >= daysInMonth - 2 || p.d <= 2) w *= 1.35 // month-end closing: expense approvals, reports
  if ((p.m === 12 && p.d >= 15) || (p.m === 1 && p.d <= 10)) w *= 1.25 // year-end closing and asset inventory
  if (p.m === 2 && p.d >= 24) w *= 1.3 // back from Spring Festival
  return w
}

function cumulative(weights: number[]): number[] {
  const out: number[] = []
  let sum = 0
  for (const w of weights) out.push((sum += w))
  return out
}

function drawIndex(rng: Random, cum: number[]): number {
  const x = rng.float() * (cum[cum.length - 1] ?? 0)
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cum[mid] ?? 0) > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

const DAYS = Array.from({ length: PERIOD_DAYS }, (_, i) => PERIOD_START + i * DAY)
const DAY_CUM = cumulative(DAYS.map(dayWeight))
const WORK_CUM = cumulative(WORKDAY_HOURS)
const OFF_CUM = cumulative(OFFDAY_HOURS)

export interface Arrival {
  created: number
  /** Index of the outage storm the ticket belongs to, or -1. */
  storm: number
}

/** `count` creation times (with `storms` outage storms among them), sorted, at the given grain. */
export function arrivals(rng: Random, count: number, storms: number, grain: number): Arrival[] {
  const out: Arrival[] = []
  for (let s = 0; s < storms; s++) {
    const stormStart = (): number => {
      const day = DAYS[rng.int(0, DAYS.length - 8)] ?? PERIOD_START
      return day + rng.int(9 * 60, 16 * 60) * MINUTE
    }
    let start = stormStart()
    while (!isWorkday(start)) start = stormStart()
    const size = rng.int(6, 14)
    for (let i = 0; i < size; i++) out.push({ created: floorTo(start + rng.float() * 110 * MINUTE, grain), storm: s })
  }
  while (out.length < count) {
    const day = DAYS[drawIndex(rng, DAY_CUM)] ?? PERIOD_START
    const hour = drawIndex(rng, isWorkday(day) ? WORK_CUM : OFF_CUM)
    const t = floorTo(day + hour * HOUR + rng.int(0, 3599) * SECOND, grain)
    if (t < EXPORT_AT) out.push({ created: t, storm: -1 })
  }
  return out.sort((a, b) => a.created - b.created)
}
