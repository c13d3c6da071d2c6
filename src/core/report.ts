import type { KpiConfig } from './config'
import type { Engine, Row } from './engine'
import type { Filters } from './filters'
import type { Grade, KpiValues, Scored } from './kpis'
import type { BacklogDay, ImportReport, KpiReport, ScoredGroup } from './report-types'
import type { ResolvedFilters } from './sql/filter-sql'
import { calendarOf, DIMENSIONS, GRADED_KPIS } from './config'
import { KPI_KEYS } from './kpis'
import { backlogQuery } from './sql/backlog-query'
import { resolveFilters } from './sql/filter-sql'
import { kpiQuery } from './sql/kpi-query'
import { isUnfiltered, QUANTILE_CACHE_MADE_SQL, QUANTILE_CACHE_MARK_SQL, quantileCachesFor, quantileCacheSql } from './sql/quantiles'
import { AS_OF_SQL } from './sql/tickets-table'
import { resolveVendorSettings } from './sql/vendor-codes'

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

function kpiValues(r: Row): KpiValues {
  const out = {} as KpiValues
  for (const k of KPI_KEYS) out[k] = numOrNull(r[k])
  return out
}

function scored(r: Row): Scored {
  const s: Scored = { score: numOrNull(r.score), dimensions: {} as Scored['dimensions'], grades: {} as Scored['grades'], scores: {} as Scored['scores'] }
  for (const d of DIMENSIONS) s.dimensions[d] = numOrNull(r[`dim_${d}`])
  for (const k of GRADED_KPIS) {
    s.grades[k] = (r[`grade_${k}`] as Grade | null) ?? null
    s.scores[k] = numOrNull(r[`score_${k}`])
  }
  return s
}

function emptyGroup(): ScoredGroup {
  const g = { ...kpiValues({}), ...scored({}) }
  g.tickets = 0
  return g
}

export interface AsOf {
  text: string | null
  ms: number | null
  /** The random id of the build it was read from (tickets-table.ts). */
  build?: string | null
}

/** as_of of the loaded tickets (latest timestamp of any kind); null when nothing is loaded. */
export async function loadedAsOf(engine: Engine): Promise<AsOf> {
  const [row] = await engine.query<{ as_of: string | null, as_of_ms: number | null, build: string | null }>(AS_OF_SQL)
  return { text: row?.as_of ?? null, ms: row?.as_of_ms ?? null, build: row?.build ?? null }
}

/**
 * The quantile caches this report may read (src/core/sql/quantiles.ts), made if needed:
 * the unfiltered report makes the first; a report filtered to one vendor or one month adds
 * its own once that exists. null: compute from the filtered tickets.
 */
async function quantileCaches(engine: Engine, f: ResolvedFilters): Promise<string[] | null> {
  const caches = quantileCachesFor(f)
  if (!caches) return null
  const unfiltered = isUnfiltered(f)
  if (!unfiltered) {
    const [meta] = await engine.query<{ made: boolean }>(QUANTILE_CACHE_MADE_SQL)
    if (!meta?.made) return null
  }
  for (const table of caches) await engine.exec(quantileCacheSql(table))
  if (unfiltered) await engine.exec(QUANTILE_CACHE_MARK_SQL)
  return caches
}

/** The KPI report for the loaded tickets under `filters`: every number comes from SQL. */
export async function computeReport(engine: Engine, cfg: KpiConfig, filters: Filters, imports: ImportReport, asOfGiven?: AsOf): Promise<KpiReport> {
  const asOf = asOfGiven ?? await loadedAsOf(engine)
  const f = await resolveFilters(engine, filters)
  const vs = await resolveVendorSettings(engine, cfg)
  const rows = await engine.query(kpiQuery(cfg, f, asOf.ms ?? 0, await quantileCaches(engine, f), vs))
  const days = await engine.query<ReportDay>(backlogQuery(f))
  return assembleReport(cfg, filters, rows, days, asOf, imports)
}

export type ReportDay = BacklogDay & { month: string, month_end: boolean }

/** The backlog at the end of each month (backlogQuery's days). */
export function monthEnds(days: ReportDay[]): Map<string, number> {
  return new Map(days.filter(d => d.month_end).map(d => [d.month, d.backlog]))
}

/** The month rows of a KPI query's answer, with their backlog at the month's end. */
export function monthRows(rows: Row[], monthEnd: Map<string, number>): Pick<KpiReport, 'months' | 'vendor_months'> {
  const of = (grp: string): Row[] => rows.filter(r => r.grp === grp)
  return {
    months: of('month').map(r => ({ month: String(r.month), ...kpiValues(r), backlog_end: monthEnd.get(String(r.month)) ?? null })),
    vendor_months: of('vendor_month').map(r => ({ vendor: String(r.vendor), month: String(r.month), ...kpiValues(r) })),
  }
}

/** The report from the KPI query's rows and the backlog's days. */
export function assembleReport(cfg: KpiConfig, filters: Filters, rows: Row[], days: ReportDay[], asOf: AsOf, imports: ImportReport): KpiReport {
  const monthEnd = monthEnds(days)
  const of = (grp: string): Row[] => rows.filter(r => r.grp === grp)
  const overallRow = of('overall')[0]
  const { months, vendor_months } = monthRows(rows, monthEnd)
  const lastMonth = filters.to ?? months.at(-1)?.month
  return {
    as_of: asOf.text,
    filters,
    business_hours_vendors: of('vendor').map(r => String(r.vendor)).filter(v => calendarOf(cfg, v) !== '7x24').sort(),
    overall: { ...(overallRow ? { ...kpiValues(overallRow), ...scored(overallRow) } : emptyGroup()), backlog_end: lastMonth ? monthEnd.get(lastMonth) ?? null : null },
    vendors: of('vendor')
      .map(r => ({ vendor: String(r.vendor), rank: Number(r.rank), ...kpiValues(r), ...scored(r) }))
      .sort((a, b) => a.rank - b.rank),
    months,
    vendor_months,
    priorities: of('priority').map(r => ({ priority: String(r.priority), ...kpiValues(r) })),
    channels: of('channel').map(r => ({ channel: r.channel === null ? null : String(r.channel), ...kpiValues(r) })),
    backlog: days
      .filter(d => (!filters.from || d.month >= filters.from) && (!filters.to || d.month <= filters.to))
      .map(d => ({ day: d.day, created: d.created, resolved: d.resolved, backlog: d.backlog })),
    import: imports,
  }
}
