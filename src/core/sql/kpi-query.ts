import type { KpiConfig } from '../config'
import type { SqlParam } from '../engine'
import type { Filters } from '../filters'
import { whereClause } from '../filters'
import { aggregateList } from './aggregates'
import { num } from './literal'
import { dimensionColumns, kpiScoreColumns, totalScoreExpr } from './score-sql'

export type GroupKind = 'overall' | 'vendor' | 'month' | 'vendor_month' | 'priority' | 'channel'

/**
 * training_coverage: distinct people a vendor trained ÷ the configured headcount,
 * counting records dated up to the end of the group's month (or of the period):
 * coverage is cumulative. NULL without a headcount or without any training record.
 */
function trainingCoverageExpr(cfg: KpiConfig, f: Filters, params: SqlParam[]): string {
  if (cfg.headcount === null || !(cfg.headcount > 0)) return 'CAST(NULL AS DOUBLE)'
  const conds = ['(a.vendor IS NULL OR t.vendor = a.vendor)']
  conds.push(`(a.month IS NULL OR t.date_ms IS NULL OR t.date_ms < epoch_ms(strptime(a.month, '%Y-%m') + INTERVAL 1 MONTH))`)
  if (f.to) {
    conds.push(`(t.date_ms IS NULL OR t.date_ms < epoch_ms(strptime(?, '%Y-%m') + INTERVAL 1 MONTH))`)
    params.push(f.to)
  }
  if (f.vendors && f.vendors.length > 0) {
    conds.push(`t.vendor IN (${f.vendors.map(() => '?').join(', ')})`)
    params.push(...f.vendors)
  }
  return `CASE WHEN a.grp IN ('overall', 'vendor', 'month', 'vendor_month') AND EXISTS (SELECT 1 FROM training)
    THEN (SELECT count(DISTINCT t.person) FROM training t WHERE ${conds.join(' AND ')})::DOUBLE / ${num(cfg.headcount)} END`
}

/**
 * Every KPI for every group of the contract in one pass (GROUPING SETS), then the
 * scores, grades, dimension scores, the weighted score and the vendor rank, all in SQL.
 */
export function kpiQuery(cfg: KpiConfig, f: Filters, asOfMs: number): { sql: string, params: SqlParam[] } {
  const where = whereClause(f)
  const params: SqlParam[] = [...where.params]
  const training = trainingCoverageExpr(cfg, f, params)
  const sql = `WITH base AS (SELECT * FROM tickets ${where.sql}),
agg AS (
  SELECT
    CASE GROUPING(vendor, month, priority, channel)
      WHEN 15 THEN 'overall' WHEN 7 THEN 'vendor' WHEN 11 THEN 'month'
      WHEN 3 THEN 'vendor_month' WHEN 13 THEN 'priority' ELSE 'channel' END AS grp,
    vendor, month, priority, channel,
  ${aggregateList(asOfMs)}
  FROM base
  GROUP BY GROUPING SETS ((), (vendor), (month), (vendor, month), (priority), (channel))
),
j AS (SELECT a.*, ${training} AS training_coverage FROM agg a),
s AS (SELECT *,
  ${kpiScoreColumns(cfg)}
  FROM j),
d AS (SELECT *,
  ${dimensionColumns(cfg)}
  FROM s),
t AS (SELECT *, ${totalScoreExpr(cfg)} AS score FROM d)
SELECT *,
  CASE WHEN grp = 'vendor' THEN row_number() OVER (PARTITION BY grp ORDER BY score DESC NULLS LAST, tickets DESC, vendor)::INTEGER END AS rank
FROM t
ORDER BY grp, vendor, month, priority, channel`
  return { sql, params }
}
