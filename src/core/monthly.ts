import type { KpiConfig } from './config'
import type { Engine } from './engine'
import type { Filters } from './filters'
import type { MonthlyReport, ScorePoint, TicketListRow } from './monthly-types'
import type { AsOf } from './report'
import type { ImportReport } from './report-types'
import type { WallExtras } from './wall-types'
import { isMonth } from './filters'
import { computeReport, loadedAsOf } from './report'
import { resolveFilters } from './sql/filter-sql'
import { scoreTrendQuery } from './sql/score-trend'
import { longestResolutionsQuery, recurredQuery, slaBreachesQuery } from './sql/ticket-lists'
import { categoriesQuery } from './sql/wall-queries'

export const TREND_MONTHS = 12
export const WORST_LIMIT = 10
export const TOP_CATEGORIES = 10

/** 'YYYY-MM' shifted by n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = (y ?? 0) * 12 + (m ?? 1) - 1 + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/**
 * The monthly report for `month` under the other filters: the KPI report of the month and
 * of the month before (the ordinary report with a one-month range), the score trend of the
 * twelve months up to it, the worst tickets and the top categories. All of it is SQL.
 */
export async function computeMonthly(engine: Engine, cfg: KpiConfig, filters: Filters, month: string, imports: ImportReport, asOfGiven?: AsOf): Promise<MonthlyReport> {
  if (!isMonth(month)) throw new Error(`month: expected YYYY-MM, got "${month}"`)
  const asOf = asOfGiven ?? await loadedAsOf(engine)
  const ms = asOf.ms ?? 0
  const others: Filters = { ...filters, from: null, to: null }
  const prev = shiftMonth(month, -1)
  const first = shiftMonth(month, -(TREND_MONTHS - 1))
  const current = await computeReport(engine, cfg, { ...others, from: month, to: month }, imports, asOf)
  const previous = await computeReport(engine, cfg, { ...others, from: prev, to: prev }, imports, asOf)
  const f = await resolveFilters(engine, { ...others, from: month, to: month })
  const tf = await resolveFilters(engine, { ...others, from: first, to: month })
  const trend = await engine.query<ScorePoint>(scoreTrendQuery(cfg, tf, ms))
  const list = (sql: string) => engine.query<TicketListRow>(sql)
  return {
    month,
    previous_month: prev,
    as_of: asOf.text,
    filters: others,
    current,
    previous,
    trend_months: Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(first, i)),
    trend,
    worst: {
      resolutions: await list(longestResolutionsQuery(f, ms, WORST_LIMIT)),
      breaches: await list(slaBreachesQuery(f, ms, WORST_LIMIT)),
      recurred: await list(recurredQuery(f, ms, WORST_LIMIT)),
    },
    categories: await engine.query<WallExtras['categories'][number]>(categoriesQuery(f, TOP_CATEGORIES)),
  }
}
