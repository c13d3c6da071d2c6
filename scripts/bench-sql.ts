/**
 * The bare engine's SQL, shared by the Node run (bench-bare.ts) and the bare page in
 * Chromium (bench-page/): DuckDB's own read_csv and a hand-written KPI set straight over
 * the raw columns, with no app around it.
 */
import type { Change } from './bench-cycle'
import { nextMonth } from './bench-cycle'
import { PRIORITIES, VENDORS } from './bench-data'

export const loadSql = (files: readonly string[]) =>
  `CREATE TABLE bare AS SELECT * FROM read_csv([${files.map(f => `'${f}'`).join(', ')}], header = true)`

/** Per vendor: the counts, means and exact quantiles the wall's KPI table needs. */
export const kpiSql = (where = '') => `
WITH t AS (
  SELECT 厂商 AS vendor, 优先级 AS priority, 受理渠道 AS channel, 重开次数 AS reopen, 满意度 AS csat,
    date_diff('second', 创建时间, 首次响应时间) / 60.0 AS fr, date_diff('second', 创建时间, 解决时间) / 60.0 AS res
  FROM bare ${where})
SELECT vendor, count(*) AS n, avg(fr) AS fr_avg, quantile_cont(fr, 0.5) AS fr_p50, quantile_cont(fr, 0.9) AS fr_p90,
  avg((fr <= CASE priority WHEN '紧急' THEN 30 WHEN '高' THEN 120 WHEN '低' THEN 480 ELSE 240 END)::INTEGER) AS sla,
  count(res) AS resolved, avg(res) AS res_avg, quantile_cont(res, 0.9) AS res_p90, max(res) AS res_max,
  avg((reopen = 0)::INTEGER) FILTER (WHERE res IS NOT NULL) AS fcr,
  avg(CASE csat WHEN '非常满意' THEN 10 WHEN '满意' THEN 8 WHEN '一般' THEN 6 WHEN '不满意' THEN 4 END) AS csat_avg,
  count(DISTINCT channel) AS channels
FROM t GROUP BY GROUPING SETS ((), (vendor))`

/** The WHERE clause of one filter state of the cycle (vendors and priorities in sorted order, as the wall lists them). */
export function whereOf(state: Change['state']): string {
  const vendors = [...VENDORS].sort()
  const parts = [`创建时间 >= TIMESTAMP '${state.from}-01'`, `创建时间 < TIMESTAMP '${nextMonth(state.to)}'`]
  if (state.vendor !== null) parts.push(`厂商 = '${vendors[state.vendor]}'`)
  if (state.priority !== null) parts.push(`优先级 = '${PRIORITIES[state.priority]}'`)
  return `WHERE ${parts.join(' AND ')}`
}
