import type { ResolvedFilters } from './filter-sql'
import { filterCond, where } from './filter-sql'

/**
 * The backlog for each day D: tickets created before D+1 and not resolved before D+1,
 * i.e. cumulative created minus cumulative resolved. It ignores the month filter (a
 * ticket opened last month and still open is this month's backlog) and counts only
 * tickets whose file carries a resolution time (otherwise every ticket looks open).
 * Days run from the first ticket to the end of the month of the last event.
 */
export function backlogQuery(f: ResolvedFilters): string {
  const w = filterCond(f, { months: false })
  // Two scans of the (filtered) tickets, one per day column; the day range comes from their small results.
  return `WITH c AS (SELECT created_day AS day, count(*) AS n FROM tickets ${where(w, 'k_resolved')} GROUP BY 1),
r AS (SELECT resolved_day AS day, count(*) AS n FROM tickets ${where(w, 'k_resolved', 'resolved_day IS NOT NULL')} GROUP BY 1),
bounds AS (SELECT (SELECT min(day) FROM c) AS lo,
  last_day(greatest((SELECT max(day) FROM c), coalesce((SELECT max(day) FROM r), (SELECT max(day) FROM c)))) AS hi),
days AS (SELECT CAST(unnest(generate_series(lo::TIMESTAMP, hi::TIMESTAMP, INTERVAL 1 DAY)) AS DATE) AS day FROM bounds WHERE lo IS NOT NULL)
SELECT strftime(days.day, '%Y-%m-%d') AS day, strftime(days.day, '%Y-%m') AS month,
  days.day = last_day(days.day) AS month_end,
  coalesce(c.n, 0)::INTEGER AS created, coalesce(r.n, 0)::INTEGER AS resolved,
  (sum(coalesce(c.n, 0)) OVER w - sum(coalesce(r.n, 0)) OVER w)::INTEGER AS backlog
FROM days LEFT JOIN c ON c.day = days.day LEFT JOIN r ON r.day = days.day
WINDOW w AS (ORDER BY days.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY days.day`
}
