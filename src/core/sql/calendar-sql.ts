import type { Calendar, KpiConfig, WorkCalendar } from '../config'
import type { SqlParam } from '../engine'
import { DEFAULT_KEY, vendorEntries } from '../config'
import { clockMinutes } from '../config-calendar'
import { num } from './literal'

/**
 * Business minutes (KPI contract §4) as lookups. Each distinct non-7x24 calendar of the config
 * gets an id; its definition goes into small tables with bound parameters (cfg_cal_*). The
 * build makes `calendar_days`: per calendar, one row per day of the data (working or not, its
 * working minutes, and the working minutes of all earlier days). The cumulative working time
 * at a timestamp t on day d at minute m of the day is then
 *
 *   C(t) = cum_before(d) + (working(d) ? W(m) : 0),   W(m) = Σ over the day's intervals [s, e) of clamp(m − s, 0, e − s)
 *
 * and the business minutes from a to b are C(b) − C(a): one join per timestamp, no loop. W is
 * arithmetic on the calendar's interval bounds (validated minute counts, never text).
 */

export interface CalendarPlan {
  /** Distinct working calendars, index = id. */
  calendars: WorkCalendar[]
  /** Vendor → calendar id; null = 7x24 (named vendors only). */
  vendors: [string, number | null][]
  /** Calendar id of every vendor not named; null = 7x24. */
  defaultId: number | null
}

export function calendarPlan(cfg: KpiConfig): CalendarPlan {
  const calendars: WorkCalendar[] = []
  const keys: string[] = []
  const idOf = (c: Calendar | undefined): number | null => {
    if (c === undefined || c === '7x24') return null
    const key = JSON.stringify(c)
    if (!keys.includes(key)) {
      keys.push(key)
      calendars.push(c)
    }
    return keys.indexOf(key)
  }
  const defaultId = idOf(cfg.calendars[DEFAULT_KEY])
  const vendors = vendorEntries(cfg.calendars).map(([v, c]): [string, number | null] => [v, idOf(c)])
  return { calendars, vendors, defaultId }
}

export const hasCalendars = (p: CalendarPlan) => p.calendars.length > 0

const TABLES: [string, string, (p: CalendarPlan) => SqlParam[][]][] = [
  ['cfg_cal', 'cal INTEGER', p => p.calendars.map((_, i) => [i])],
  ['cfg_cal_dow', 'cal INTEGER, dow INTEGER', p => p.calendars.flatMap((c, i) => c.days.map(d => [i, d]))],
  ['cfg_cal_hours', 'cal INTEGER, start_min INTEGER, end_min INTEGER', p => p.calendars.flatMap((c, i) => c.hours.map(([s, e]) => [i, clockMinutes(s)!, clockMinutes(e)!]))],
  // A date in both lists is a working day (the contract: workdays first).
  ['cfg_cal_dates', 'cal INTEGER, day DATE, working BOOLEAN', p => p.calendars.flatMap((c, i) => [
    ...c.holidays.filter(d => !c.workdays.includes(d)).map(d => [i, d, false]),
    ...c.workdays.map(d => [i, d, true]),
  ])],
  ['cfg_cal_vendor', 'vendor VARCHAR, cal INTEGER', p => p.vendors],
]

/** Statements that (re)write the calendar definition tables: [sql, params]. */
export function calendarTableStatements(p: CalendarPlan): [string, SqlParam[]][] {
  const out: [string, SqlParam[]][] = []
  for (const [name, cols, rows] of TABLES) {
    out.push([`CREATE OR REPLACE TABLE ${name} (${cols})`, []])
    const all = rows(p)
    const width = cols.split(',').length
    for (let i = 0; i < all.length; i += 400) {
      const chunk = all.slice(i, i + 400)
      out.push([`INSERT INTO ${name} VALUES ${chunk.map(() => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ')}`, chunk.flat()])
    }
  }
  return out
}

/** Rows (cal, dn, working, mins) for the days dn (days since 1970-01-01) in [from, to] of every calendar. */
export function daySeries(from: string, to: string): string {
  return `SELECT c.cal, s.dn, coalesce(x.working, w.dow IS NOT NULL) AS working,
    CASE WHEN coalesce(x.working, w.dow IS NOT NULL) THEN c.day_len ELSE 0 END AS mins
  FROM (SELECT cal, coalesce((SELECT sum(end_min - start_min) FROM cfg_cal_hours h WHERE h.cal = k.cal), 0)::DOUBLE AS day_len FROM cfg_cal k) c
  CROSS JOIN (SELECT unnest(range(${from}, ${to} + 1))::INTEGER AS dn) s
  LEFT JOIN cfg_cal_dates x ON x.cal = c.cal AND x.day = DATE '1970-01-01' + s.dn
  LEFT JOIN cfg_cal_dow w ON w.cal = c.cal AND w.dow = isodow(DATE '1970-01-01' + s.dn)`
}

/** Day number and minute of the day of an epoch-ms wall-clock column. */
export const dayNo = (ms: string) => `floor(${ms} / 86400000)::INTEGER`
const minuteOf = (ms: string) => `((${ms} - floor(${ms} / 86400000) * 86400000) / 60000.0)`

/** W(m): working minutes of a working day before minute m, for the calendar in column `cal`. */
export function withinDay(p: CalendarPlan, cal: string, m: string): string {
  if (!p.calendars.length) return '0'
  const arms = p.calendars.map((c, i) => {
    const terms = c.hours.map(([a, b]) => {
      const [s0, e0] = [clockMinutes(a)!, clockMinutes(b)!]
      return `least(greatest(${m} - ${num(s0)}, 0), ${num(e0 - s0)})`
    })
    return `WHEN ${num(i)} THEN ${terms.join(' + ')}`
  })
  return `(CASE ${cal} ${arms.join(' ')} END)`
}

/** The join and the expression C(ms) for one timestamp column; `k` names the alias. */
export function cumulativeAt(p: CalendarPlan, ms: string, cal: string, k: string, days = 'calendar_days'): { joins: string, expr: string } {
  return {
    joins: `LEFT JOIN ${days} d${k} ON d${k}.cal = ${cal} AND d${k}.dn = ${dayNo(ms)}`,
    expr: `(d${k}.cum_before + CASE WHEN d${k}.working THEN ${withinDay(p, cal, minuteOf(ms))} ELSE 0 END)`,
  }
}

/**
 * Build steps: vendor → calendar (`_vcal`) and the day table over [first created day, last
 * timestamp day], made as `calendar_days<suffix>` (the build's next tables are swapped in at the end).
 */
export function calendarBuildSteps(p: CalendarPlan, vendorType: string, suffix = ''): string[] {
  const def = p.defaultId === null ? 'NULL' : num(p.defaultId)
  return [
    `CREATE TEMP TABLE _vcal AS
SELECT v.vendor, CASE WHEN cv.vendor IS NULL THEN ${def} ELSE cv.cal END::INTEGER AS cal
FROM (SELECT unnest(enum_range(NULL::${vendorType}))::${vendorType} AS vendor) v
LEFT JOIN cfg_cal_vendor cv ON cv.vendor = CAST(v.vendor AS VARCHAR)`,
    `CREATE TABLE calendar_days${suffix} AS
WITH r AS (SELECT coalesce(${dayNo('min(created_ms)')}, 0) AS d0,
  coalesce(${dayNo('greatest(max(created_ms), max(fr_ms), max(resolved_ms))')}, 0) AS d1 FROM _t)
SELECT cal, dn, working, mins, (sum(mins) OVER (PARTITION BY cal ORDER BY dn) - mins)::DOUBLE AS cum_before
FROM (${daySeries('(SELECT d0 FROM r)', '(SELECT d1 FROM r)')}) s`,
  ]
}

/** Business minutes per ticket of a vendor with a working calendar (`_bh`; 7x24 tickets are not in it). greatest() skips NULLs, hence the CASEs. */
export function businessMinutesStep(p: CalendarPlan, suffix = ''): string {
  const c = cumulativeAt(p, 'x.created_ms', 'x.cal', 'c', `calendar_days${suffix}`)
  const f = cumulativeAt(p, 'x.fr_ms', 'x.cal', 'f', `calendar_days${suffix}`)
  const r = cumulativeAt(p, 'x.resolved_ms', 'x.cal', 'r', `calendar_days${suffix}`)
  return `CREATE TEMP TABLE _bh AS
SELECT x.tk, x.cal, ${c.expr} AS c_created,
  CASE WHEN x.fr_ms IS NOT NULL THEN greatest(${f.expr} - ${c.expr}, 0) END AS fr_bh_min,
  CASE WHEN x.resolved_ms IS NOT NULL THEN greatest(${r.expr} - ${c.expr}, 0) END AS res_bh_min
FROM (SELECT t.tk, t.created_ms, t.fr_ms, t.resolved_ms, v.cal FROM _t t JOIN _vcal v USING (vendor) WHERE v.cal IS NOT NULL) x
  ${c.joins}
  ${f.joins}
  ${r.joins}`
}

/**
 * CTE `ca`: per calendar, C(as_of), extending the day table past its end when as_of is later
 * than the data; NULL when as_of is before the data (nothing is eligible then).
 */
export function asOfCumulativeCte(p: CalendarPlan, asOfMs: number): string {
  const a = num(Math.floor(asOfMs / 86_400_000))
  const minute = num((asOfMs - Math.floor(asOfMs / 86_400_000) * 86_400_000) / 60000)
  return `ca AS (
  SELECT s.cal, CASE WHEN ${a} < min(s.dn) THEN NULL ELSE coalesce(sum(s.mins) FILTER (WHERE s.dn < ${a}), 0)
    + coalesce(max(CASE WHEN s.dn = ${a} AND s.working THEN ${withinDay(p, 's.cal', minute)} END), 0) END AS c_asof
  FROM (SELECT cal, dn, working, mins FROM calendar_days
    UNION ALL ${daySeries('(SELECT coalesce(max(dn), 0) + 1 FROM calendar_days)', a)}) s
  GROUP BY s.cal
)`
}
