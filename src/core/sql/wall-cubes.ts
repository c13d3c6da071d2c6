/**
 * Counts the wall's chart extras and the backlog need, summed once per build by the filter
 * dimensions (as kpi_cube is for the KPIs), so a filter change sums a few thousand cube rows
 * instead of scanning every filtered ticket. All of them are exact: counts and sums only.
 * Unsorted: at the bench's sizes each fits in one row group (122,880 rows), where sorting buys
 * no zone-map skipping.
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
FROM ${t} WHERE fr_bucket IS NOT NULL GROUP BY ALL`,
    `CREATE TABLE csat_cube${next} AS
SELECT vendor, mon, priority, channel, csat_point, count(*) AS n
FROM ${t} WHERE csat_point IS NOT NULL GROUP BY ALL`,
    `CREATE TABLE heat_cube${next} AS
SELECT vendor, mon, priority, dow, hr, count(*) AS tickets, count(fr_min) AS fr_n, sum(fr_min) AS fr_sum,
  count(*) FILTER (WHERE sla_met) AS sla_met
FROM ${t} GROUP BY ALL`,
    // A key that is NULL on both sides (no channel) makes two rows of one day: the queries only sum them.
    `CREATE TABLE day_cube${next} AS
WITH c AS (SELECT vendor, priority, channel, created_day AS day, count(*) AS created FROM ${t} WHERE k_resolved GROUP BY ALL),
r AS (SELECT vendor, priority, channel, resolved_day AS day, count(*) AS resolved FROM ${t} WHERE k_resolved AND resolved_day IS NOT NULL GROUP BY ALL)
SELECT vendor, priority, channel, day, coalesce(created, 0) AS created, coalesce(resolved, 0) AS resolved
FROM c FULL JOIN r USING (vendor, priority, channel, day)`,
  ]
}
