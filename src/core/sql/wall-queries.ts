import type { ResolvedFilters } from './filter-sql'
import { pendingCounts } from './aggregates'
import { cubeFor, filterCond, where } from './filter-sql'
import { num } from './literal'

/** 'auto': a count cube where it serves (wall-cubes.ts); 'tickets': always the tickets (the tests' reference). */
export type Source = 'auto' | 'tickets'

/**
 * First-response buckets (RESPONSE_BUCKETS_MIN) are computed by the build: `tickets.fr_bucket`,
 * counted per filter dimension in `hist_cube` (wall-cubes.ts) unless category is filtered.
 */
export function responseHistQuery(f: ResolvedFilters, src: Source = 'auto'): string {
  if (src === 'auto' && f.codes.category === null) {
    return `SELECT CAST(vendor AS VARCHAR) AS vendor, fr_bucket::INTEGER AS bucket, sum(n)::INTEGER AS n
FROM hist_cube ${where(filterCond(f))} GROUP BY vendor, fr_bucket ORDER BY vendor, bucket`
  }
  return `SELECT CAST(vendor AS VARCHAR) AS vendor, fr_bucket::INTEGER AS bucket, count(*)::INTEGER AS n
FROM tickets ${where(filterCond(f), 'fr_bucket IS NOT NULL')} GROUP BY vendor, fr_bucket ORDER BY vendor, bucket`
}

/**
 * SLA per weekday and hour: met ÷ (answered + unanswered past their target at as_of). The
 * counts come from `heat_cube` unless channel or category is filtered (it has neither).
 */
export function heatmapQuery(f: ResolvedFilters, asOfMs: number, src: Source = 'auto'): string {
  const w = filterCond(f)
  const h = src === 'auto' && f.codes.category === null && f.codes.channel === null
    ? `SELECT dow, hr, sum(tickets) AS tickets, sum(fr_sum) / nullif(sum(fr_n), 0) AS response_avg_min, sum(fr_n) AS fr_n, sum(sla_met) AS sla_met
  FROM heat_cube ${where(w)} GROUP BY dow, hr`
    : `SELECT dow, hr, count(*) AS tickets, avg(fr_min) AS response_avg_min, count(fr_min) AS fr_n, count(*) FILTER (WHERE sla_met) AS sla_met
  FROM tickets ${where(w)} GROUP BY dow, hr`
  return `WITH h AS (
  ${h}
), p AS (
  SELECT dow, hr, ${pendingCounts(asOfMs)} FROM tickets_pending ${where(w)} GROUP BY dow, hr
)
SELECT h.dow::INTEGER AS dow, h.hr::INTEGER AS hr, h.tickets::INTEGER AS tickets, h.response_avg_min,
  h.sla_met::DOUBLE / nullif(h.fr_n + coalesce(p.late, 0), 0) AS sla_response_rate
FROM h LEFT JOIN p USING (dow, hr)
ORDER BY h.dow, h.hr`
}

/** Satisfaction rounded to a whole point (`tickets.csat_point`, made by the build; `csat_cube` unless category is filtered). */
export function csatDistQuery(f: ResolvedFilters, src: Source = 'auto'): string {
  if (src === 'auto' && f.codes.category === null) {
    return `SELECT CAST(vendor AS VARCHAR) AS vendor, csat_point::INTEGER AS score, sum(n)::INTEGER AS n
FROM csat_cube ${where(filterCond(f))} GROUP BY vendor, csat_point ORDER BY vendor, score`
  }
  return `SELECT CAST(vendor AS VARCHAR) AS vendor, csat_point::INTEGER AS score, count(*)::INTEGER AS n
FROM tickets ${where(filterCond(f), 'csat_point IS NOT NULL')} GROUP BY vendor, csat_point ORDER BY vendor, score`
}

/** From the cube: channel is one of its dimensions. Ties in n are ordered by channel. */
export function channelMixQuery(f: ResolvedFilters): string {
  return `SELECT CAST(vendor AS VARCHAR) AS vendor, CAST(channel AS VARCHAR) AS channel, sum(n)::INTEGER AS n
FROM ${cubeFor(f)} ${where(filterCond(f), 'channel IS NOT NULL')} GROUP BY vendor, channel ORDER BY vendor, n DESC, channel`
}

/** From `kpi_cube`: category is one of its dimensions; averages are sums ÷ counts. */
export function categoriesQuery(f: ResolvedFilters, limit = 12): string {
  return `SELECT CAST(category AS VARCHAR) AS category, sum(n)::INTEGER AS tickets, sum(res_sum) / nullif(sum(res_n), 0) AS resolution_avg_min,
  sum(faults)::INTEGER AS faults, sum(csat_sum) / nullif(sum(csat_n), 0) AS csat_avg
FROM kpi_cube ${where(filterCond(f), 'category IS NOT NULL')}
GROUP BY kpi_cube.category ORDER BY tickets DESC, kpi_cube.category LIMIT ${num(limit)}`
}

/** Values the filter controls offer, over everything loaded: read from the cubes. */
export const FILTER_OPTIONS_SQL = `SELECT
  (SELECT list(DISTINCT strftime(mon, '%Y-%m') ORDER BY strftime(mon, '%Y-%m')) FROM kpi_cube_nc) AS months,
  (SELECT list(DISTINCT CAST(vendor AS VARCHAR) ORDER BY CAST(vendor AS VARCHAR)) FROM kpi_cube_nc) AS vendors,
  (SELECT list(DISTINCT CAST(priority AS VARCHAR) ORDER BY CAST(priority AS VARCHAR)) FROM kpi_cube_nc) AS priorities,
  (SELECT list(DISTINCT CAST(channel AS VARCHAR) ORDER BY CAST(channel AS VARCHAR)) FROM kpi_cube_nc WHERE channel IS NOT NULL) AS channels,
  (SELECT list(DISTINCT CAST(category AS VARCHAR) ORDER BY CAST(category AS VARCHAR)) FROM kpi_cube WHERE category IS NOT NULL) AS categories`
