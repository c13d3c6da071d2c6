/**
 * Counts the wall's chart extras and the backlog need, summed once per build by the filter
 * dimensions (as kpi_cube is for the KPIs), so a filter change sums a few thousand cube rows
 * instead of scanning every filtered ticket. All of them are exact: counts and sums only.
 * None has category: a category filter reads `tickets` (wall-queries.ts, backlog-query.ts).
 *
 * - `hist_cube`: answered tickets per first-response bucket.
 * - `csat_cube`: rated tickets per rounded satisfaction point.
 * - `heat_cube`: tickets, answers, their response time and SLA outcome per weekday and hour;
 *   no channel either (with it, it has as many rows as a month of tickets): a channel filter reads `tickets`.
 * - `day_cube`: tickets created and resolved per day, of files that carry a resolution time.
 */
export const WALL_CUBES = ['hist_cube', 'csat_cube', 'heat_cube', 'day_cube'] as const

/** The build statements, reading `tickets` under the build's name for it. */
export function wallCubeSteps(next: string): string[] {
  const t = `tickets${next}`
  return [
    `CREATE TABLE hist_cube${next} AS
SELECT vendor, mon, priority, channel, fr_bucket, count(*) AS n
FROM ${t} WHERE fr_bucket IS NOT NULL GROUP BY ALL ORDER BY mon, vendor, priority, channel, fr_bucket`,
    `CREATE TABLE csat_cube${next} AS
SELECT vendor, mon, priority, channel, csat_point, count(*) AS n
FROM ${t} WHERE csat_point IS NOT NULL GROUP BY ALL ORDER BY mon, vendor, priority, channel, csat_point`,
    `CREATE TABLE heat_cube${next} AS
SELECT vendor, mon, priority, dow, hr, count(*) AS tickets, count(fr_min) AS fr_n, sum(fr_min) AS fr_sum,
  count(*) FILTER (WHERE sla_met) AS sla_met
FROM ${t} GROUP BY ALL ORDER BY mon, vendor, priority, dow, hr`,
    `CREATE TABLE day_cube${next} AS
SELECT vendor, priority, channel, day, sum(c)::BIGINT AS created, sum(r)::BIGINT AS resolved
FROM (SELECT vendor, priority, channel, created_day AS day, 1 AS c, 0 AS r FROM ${t} WHERE k_resolved
  UNION ALL SELECT vendor, priority, channel, resolved_day, 0, 1 FROM ${t} WHERE k_resolved AND resolved_day IS NOT NULL)
GROUP BY ALL ORDER BY day, vendor, priority, channel`,
  ]
}
