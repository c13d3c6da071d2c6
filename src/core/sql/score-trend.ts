import type { KpiConfig } from '../config'
import type { ResolvedFilters } from './filter-sql'
import { kpiQuery } from './kpi-query'

/**
 * Each vendor's score month by month: the vendor × month groups of the KPI query, scored
 * like a vendor is for a one-month report (same KPIs, same anchors, same weights), and the
 * rank each vendor had in its month.
 */
export function scoreTrendQuery(cfg: KpiConfig, f: ResolvedFilters, asOfMs: number): string {
  return `SELECT vendor, month, score, tickets,
  row_number() OVER (PARTITION BY month ORDER BY score DESC NULLS LAST, tickets DESC, vendor)::INTEGER AS rank
FROM (${kpiQuery(cfg, f, asOfMs)}) k
WHERE grp = 'vendor_month'
ORDER BY vendor, month`
}
