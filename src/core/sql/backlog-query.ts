import type { ResolvedFilters } from './filter-sql'
import type { Source } from './wall-queries'
import { filterCond, where } from './filter-sql'

/**
 * The backlog for each day D: tickets created before D+1 and not resolved before D+1,
 * i.e. cumulative created minus cumulative resolved. It ignores the month filter (a
 * ticket opened last month and still open is this month's backlog) and counts only
 * tickets whose file carries a resolution time (otherwise every ticket looks open).
 * Days run from the first ticket to the end of the month of the last event.
 */
export function backlogQuery(f: ResolvedFilters, src: Source = 'auto'): string {
  const w = filterCond(f, { months: false })
  // Per day column, the days that have any; the day range comes from these small results.
  // From `day_cube` (wall-cubes.ts) unless category is filtered: then two scans of the tickets.
  const cr = src === 'auto' && f.codes.category === null
    ? `c AS (SELECT day, sum(created) AS n FROM day_cube ${where(w)} GROUP BY 1 HAVING sum(created) > 0),
r AS (SELECT day, sum(resolved) AS n FROM day_cube ${where(w)} GROUP BY 1 HAVING sum(resolved) > 0),`
    : `c AS (SELECT created_day AS day, count(*) AS n FROM tickets ${where(w, 'k_resolved')} GROUP BY 1),
r AS (SELECT resolved_day AS day, count(*) AS n FROM tickets ${where(w, 'k_resolved', 'resolved_day IS NOT NULL')} GROUP BY 1),`
  return `WITH ${cr}
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
