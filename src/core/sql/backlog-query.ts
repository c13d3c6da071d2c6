import type { SqlParam } from '../engine'
import type { Filters } from '../filters'
import { whereClause } from '../filters'

/**
 * The backlog for each day D: tickets created before D+1 and not resolved before D+1,
 * i.e. cumulative created minus cumulative resolved. It ignores the month filter (a
 * ticket opened last month and still open is this month's backlog) and counts only
 * tickets whose file carries a resolution time (otherwise every ticket looks open).
 * Days run from the first ticket to the end of the month of the last event.
 */
export function backlogQuery(f: Filters): { sql: string, params: SqlParam[] } {
  const where = whereClause(f, { months: false })
  const cond = where.sql ? `${where.sql} AND k_resolved` : 'WHERE k_resolved'
  const sql = `WITH b AS (SELECT created_day, resolved_day FROM tickets ${cond}),
bounds AS (SELECT min(created_day) AS lo, last_day(greatest(max(created_day), coalesce(max(resolved_day), max(created_day)))) AS hi FROM b),
days AS (SELECT CAST(unnest(generate_series(lo::TIMESTAMP, hi::TIMESTAMP, INTERVAL 1 DAY)) AS DATE) AS day FROM bounds WHERE lo IS NOT NULL),
c AS (SELECT created_day AS day, count(*) AS n FROM b GROUP BY 1),
r AS (SELECT resolved_day AS day, count(*) AS n FROM b WHERE resolved_day IS NOT NULL GROUP BY 1)
SELECT strftime(days.day, '%Y-%m-%d') AS day, strftime(days.day, '%Y-%m') AS month,
  days.day = last_day(days.day) AS month_end,
  coalesce(c.n, 0)::INTEGER AS created, coalesce(r.n, 0)::INTEGER AS resolved,
  (sum(coalesce(c.n, 0)) OVER w - sum(coalesce(r.n, 0)) OVER w)::INTEGER AS backlog
FROM days LEFT JOIN c ON c.day = days.day LEFT JOIN r ON r.day = days.day
WINDOW w AS (ORDER BY days.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY days.day`
  return { sql, params: where.params }
}
