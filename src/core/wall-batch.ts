import type { KpiConfig } from './config'
import type { Engine, Row } from './engine'
import type { Filters } from './filters'
import type { ReportDay } from './report'
import type { ImportReport, KpiReport } from './report-types'
import type { ResolvedFilters } from './sql/filter-sql'
import type { GroupKind } from './sql/quantiles'
import type { WallExtras } from './wall-types'
import { shiftMonth } from './monthly'
import { assembleReport, loadedAsOf, monthEnds, monthRows } from './report'
import { backlogQuery } from './sql/backlog-query'
import { resolveFilters } from './sql/filter-sql'
import { kpiQuery } from './sql/kpi-query'
import { GROUP_KINDS } from './sql/quantiles'
import { resolveVendorSettings } from './sql/vendor-codes'
import { wallExtras } from './wall'
import { buildState, quantileSources, reusing } from './wall-quantiles'

/** Trend charts show the twelve months up to the end of the selected range. */
export const TREND_MONTHS = 12

export function trendFilters(f: Filters): Filters {
  return f.to ? { ...f, from: shiftMonth(f.to, -(TREND_MONTHS - 1)), to: f.to } : f
}

/** What the wall's trend charts read: the month groups of a report over trendFilters. */
export type TrendReport = Pick<KpiReport, 'months' | 'vendor_months'>

export interface WallAnswer {
  report: KpiReport
  trend: TrendReport
  extras: WallExtras
}

const MONTH_GROUPS: GroupKind[] = ['month', 'vendor_month']
const OTHER_GROUPS = GROUP_KINDS.filter(g => !MONTH_GROUPS.includes(g))

/**
 * One filter change of the wall, answered as one batch: the report, the trend report and
 * the chart extras share as_of, the resolved filters and the vendor settings. The trend
 * needs only the month-keyed groups over its twelve months; when those months hold the
 * selected range, the report's own month groups are those rows (same filters but the month
 * range, which only drops whole month groups), so each is computed once. The backlog ignores
 * the month range, so the report's serves the trend too. A query the previous batch ran with the
 * same SQL on the same build is not run again (wall-quantiles.ts reusing). Numbers equal computeReport's.
 */
export async function computeWall(engine: Engine, cfg: KpiConfig, filters: Filters, imports: ImportReport): Promise<WallAnswer> {
  const asOf = await loadedAsOf(engine)
  const ms = asOf.ms ?? 0
  const f = await resolveFilters(engine, filters)
  const vs = await resolveVendorSettings(engine, cfg)
  const t = trendFilters(filters)
  const wide = t.from !== filters.from
  const tf: ResolvedFilters = { ...f, from: t.from ?? null, to: t.to ?? null }
  const covered = wide && f.from !== null && tf.from !== null && f.from >= tf.from
  const groups = covered ? OTHER_GROUPS : GROUP_KINDS
  const st = buildState(engine, asOf.build)
  const { caches, buckets } = await quantileSources(engine, [{ f, groups }, ...(wide ? [{ f: tf, groups: MONTH_GROUPS }] : [])], st)
  const e = reusing(engine, st)
  const rows = await e.query(kpiQuery(cfg, f, ms, caches, vs, { groups, buckets: buckets[0] }))
  const trendRows = wide ? await e.query(kpiQuery(cfg, tf, ms, caches, vs, { groups: MONTH_GROUPS, scores: false, buckets: buckets[1] })) : null
  const days = await e.query<ReportDay>(backlogQuery(f))
  const inRange = (r: Row) => String(r.month) >= f.from! && String(r.month) <= f.to!
  const all = covered ? [...rows, ...trendRows!.filter(inRange)] : rows
  const report = assembleReport(cfg, filters, all, days, asOf, imports)
  const trend = trendRows ? monthRows(trendRows, monthEnds(days)) : { months: report.months, vendor_months: report.vendor_months }
  const extras = await wallExtras(e, f, ms)
  e.done()
  return { report, trend, extras }
}
