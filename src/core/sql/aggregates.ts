import type { KpiKey } from '../kpis'
import { num } from './literal'

/**
 * How every ticket KPI is computed. The build sums each additive term once per
 * (vendor, month, priority, channel, category) into `kpi_cube` (tickets-table.ts); a
 * report rolls those sums up (CUBE_SUMS, alias `c`). What does not add up is computed
 * from the tickets themselves: the exact quantiles (quantiles.ts, alias `q`) and the SLA eligibility of unanswered tickets, which depends on as_of
 * (PENDING, alias `p`, over `tickets_pending`). KPI_EXPRESSIONS combines them.
 * NULL when nothing is eligible: every ratio divides by nullif(…, 0).
 */
export const CUBE_SUMS = `sum(n) AS n,
    sum(fr_n) AS fr_n, sum(fr_sum) AS fr_sum, sum(sla_met) AS sla_met,
    sum(frb_sum) AS frb_sum, sum(sla_bh_met) AS sla_bh_met, sum(resb_sum) AS resb_sum,
    sum(off_n) AS off_n, sum(off_met) AS off_met,
    sum(res_n) AS res_n, sum(res_sum) AS res_sum, max(res_max) AS res_max,
    sum(fcr_num) AS fcr_num, sum(fcr_den) AS fcr_den,
    sum(csat_n) AS csat_n, sum(csat_sum) AS csat_sum, sum(csr_num) AS csr_num, sum(csr_den) AS csr_den,
    sum(rec_n) AS rec_n, sum(rec_sum) AS rec_sum,
    sum(rcr_n) AS rcr_n, sum(rcr_sum) AS rcr_sum,
    sum(n) FILTER (WHERE channel IS NOT NULL) AS ch_known,
    count(DISTINCT channel) FILTER (WHERE channel <> 'other') AS ch_distinct`

const lateSql = (asOfMs: number) => `(${num(asOfMs)} - created_ms) / 60000.0 > sla_target`

/** Unanswered tickets past their SLA target at as_of (ms): eligible, never met. */
export function pendingCounts(asOfMs: number): string {
  const late = lateSql(asOfMs)
  return `count(*) FILTER (WHERE ${late}) AS late,
    count(*) FILTER (WHERE offhours AND ${late}) AS off_late`
}

/**
 * The same in business minutes: over `tickets_pending` joined with `ca` (C(as_of) per
 * calendar, calendar-sql.ts); a 7x24 ticket (cal NULL) counts as in pendingCounts.
 */
export function pendingBhCount(asOfMs: number): string {
  return `count(*) FILTER (WHERE CASE WHEN cal IS NULL THEN ${lateSql(asOfMs)} ELSE c_asof - c_created > sla_target END) AS late_bh`
}

const ratio = (a: string, b: string) => `${a}::DOUBLE / nullif(${b}, 0)`

export const KPI_EXPRESSIONS: Record<Exclude<KpiKey, 'training_coverage'>, string> = {
  tickets: 'coalesce(c.n, 0)::INTEGER',
  first_response_avg_min: 'c.fr_sum / nullif(c.fr_n, 0)',
  first_response_p50_min: 'q.fr_q[1]',
  first_response_p90_min: 'q.fr_q[2]',
  sla_response_rate: ratio('c.sla_met', 'c.fr_n + coalesce(p.late, 0)'),
  resolved: 'coalesce(c.res_n, 0)::INTEGER',
  resolution_avg_min: 'c.res_sum / nullif(c.res_n, 0)',
  resolution_p90_min: 'q.res_p90',
  resolution_max_min: 'c.res_max',
  fcr_rate: ratio('c.fcr_num', 'c.fcr_den'),
  csat_avg: 'c.csat_sum / nullif(c.csat_n, 0)',
  csat_response_rate: ratio('c.csr_num', 'c.csr_den'),
  recovery_avg_min: 'c.rec_sum / nullif(c.rec_n, 0)',
  recovery_p90_min: 'q.rec_p90',
  recurrence_rate: ratio('c.rcr_sum', 'c.rcr_n'),
  channels: 'CASE WHEN c.ch_known > 0 THEN c.ch_distinct::INTEGER END',
  offhours_sla_rate: ratio('c.off_met', 'c.off_n + coalesce(p.off_late, 0)'),
  first_response_bh_avg_min: 'c.frb_sum / nullif(c.fr_n, 0)',
  sla_response_bh_rate: ratio('c.sla_bh_met', 'c.fr_n + coalesce(p.late_bh, 0)'),
  resolution_bh_avg_min: 'c.resb_sum / nullif(c.res_n, 0)',
}

export function kpiExpressionList(): string {
  return Object.entries(KPI_EXPRESSIONS).map(([k, e]) => `${e} AS ${k}`).join(',\n  ')
}
