/**
 * The bare engine the benchmark compares against: DuckDB-wasm's own read_csv on the same
 * bytes and a representative KPI query set written straight in SQL, with no app around it
 * (no header recognition, no normalization, no cube, no import report). Every figure of
 * `npm run bench` is also given as a ratio to these, measured in the same process.
 */
import { openNodeDuckDB } from '../src/db/node-engine'

/** Per vendor: the counts, means and exact quantiles the wall's KPI table needs. */
const KPI_SET = (where: string) => `
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

export interface BareFigures {
  load_ms: number
  kpi_set_ms: number
  filter_change_ms_median: number
  peak_rss_mb_after: number
}

function ms(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

/** read_csv of the bytes (typed, as DuckDB sniffs them), the KPI set, and the KPI set for one month and one vendor. */
export async function bareEngine(bytes: Uint8Array, runs: number): Promise<BareFigures> {
  const { db, conn } = await openNodeDuckDB()
  db.registerFileBuffer('bare.csv', bytes)
  const load = ms(() => conn.query(`CREATE TABLE bare AS SELECT * FROM read_csv('bare.csv', header = true)`))
  const kpi = ms(() => conn.query(KPI_SET('')))
  const filtered = KPI_SET(`WHERE 创建时间 >= TIMESTAMP '2026-10-01' AND 创建时间 < TIMESTAMP '2026-11-01' AND 厂商 = '用友U9'`)
  for (let i = 0; i < 2; i++) conn.query(filtered)
  const times = Array.from({ length: runs }, () => ms(() => conn.query(filtered))).sort((a, b) => a - b)
  conn.close()
  await db.reset()
  return {
    load_ms: Math.round(load),
    kpi_set_ms: Math.round(kpi),
    filter_change_ms_median: Math.round(times[Math.floor(runs / 2)] ?? 0),
    peak_rss_mb_after: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}
