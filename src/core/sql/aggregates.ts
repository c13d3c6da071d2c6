import type { KpiKey } from '../kpis'
import { num } from './literal'

/**
 * One SQL aggregate per ticket KPI, over `tickets` rows (see tickets-table.ts).
 * `$as_of` stands for the as_of timestamp in ms, inlined as a number literal.
 * NULL when nothing is eligible: counts of eligible tickets go through nullif(…, 0).
 */
function slaRate(where: string): string {
  const eligible = `k_first_response AND (fr_min IS NOT NULL OR ($as_of - created_ms) / 60000.0 > sla_target)${where}`
  return `count(*) FILTER (WHERE k_first_response AND fr_min <= sla_target${where})::DOUBLE
    / nullif(count(*) FILTER (WHERE ${eligible}), 0)`
}

export const TICKET_AGGREGATES: Record<Exclude<KpiKey, 'training_coverage'>, string> = {
  tickets: 'count(*)::INTEGER',
  first_response_avg_min: 'avg(fr_min)',
  first_response_p50_min: 'quantile_cont(fr_min, 0.5)',
  first_response_p90_min: 'quantile_cont(fr_min, 0.9)',
  sla_response_rate: slaRate(''),
  resolved: 'count(res_min)::INTEGER',
  resolution_avg_min: 'avg(res_min)',
  resolution_p90_min: 'quantile_cont(res_min, 0.9)',
  resolution_max_min: 'max(res_min)',
  fcr_rate: `count(*) FILTER (WHERE res_min IS NOT NULL AND reopen_count = 0)::DOUBLE
    / nullif(count(*) FILTER (WHERE res_min IS NOT NULL AND reopen_count IS NOT NULL), 0)`,
  csat_avg: 'avg(satisfaction)',
  csat_response_rate: `count(*) FILTER (WHERE k_satisfaction AND res_min IS NOT NULL AND satisfaction IS NOT NULL)::DOUBLE
    / nullif(count(*) FILTER (WHERE k_satisfaction AND res_min IS NOT NULL), 0)`,
  recovery_avg_min: 'avg(rec_min)',
  recovery_p90_min: 'quantile_cont(rec_min, 0.9)',
  recurrence_rate: 'avg(recurred::INTEGER)',
  channels: `CASE WHEN count(channel) > 0 THEN count(DISTINCT channel) FILTER (WHERE channel <> 'other')::INTEGER END`,
  offhours_sla_rate: slaRate(' AND offhours'),
}

export function aggregateList(asOfMs: number): string {
  return Object.entries(TICKET_AGGREGATES)
    .map(([k, e]) => `${e.replaceAll('$as_of', num(asOfMs))} AS ${k}`)
    .join(',\n  ')
}
