import type { WorkCalendar } from '../config'
import cn from './cn-holidays-2025-2026.json'

/**
 * Mainland China's public holidays and make-up working days (调休) of 2025 and 2026, as the
 * State Council published them. The dates are copied from the npm package chinese-days
 * (see the JSON's `source`) so that the wall needs nothing at run time and a config that
 * uses the preset holds the dates themselves: it stays self-contained.
 */
export const CN_HOLIDAYS_2025_2026 = { holidays: cn.holidays, workdays: cn.workdays } as const

/** A calendar with the preset's dates added to its own (its days and hours are kept). */
export function withChinaHolidays(cal: WorkCalendar): WorkCalendar {
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort()
  return { ...cal, holidays: union(cal.holidays, cn.holidays), workdays: union(cal.workdays, cn.workdays) }
}

/** Monday–Friday 09:00–12:00 and 13:30–18:00 with the preset's holidays: an office's usual calendar. */
export function chinaOfficeCalendar(): WorkCalendar {
  return withChinaHolidays({ days: [1, 2, 3, 4, 5], hours: [['09:00', '12:00'], ['13:30', '18:00']], holidays: [], workdays: [] })
}
