import type { Key } from './grouping-sets'
import { where } from './filter-sql'
import { ALL_KEYS, groupColumns, groupingSets, sameGroup } from './grouping-sets'
import { dbl } from './literal'
import { QUANTILE_BOUND_COLUMNS, QUANTILE_BUCKET_TABLES } from './tickets-table'

/**
 * Exact quantiles by two-pass bucket selection, for the grouping sets no cache serves.
 * quantile_cont(x, q) over n values is v[lo] + interpolation with v[hi], lo = floor((n-1)·q),
 * hi = ceil((n-1)·q), v sorted: only the two order statistics matter. So:
 *
 * 1. Each duration is cut into about BUCKETS value ranges of about equal size (bounds from
 *    approx_quantile over all tickets: any increasing bounds give the same answers, the
 *    estimate only keeps the buckets even), and `kpi_qcube` counts the tickets per filter
 *    dimension and bucket. Both are made on first use (wall-batch.ts), dropped by the build.
 * 2. A filter change sums the cube per group and bucket; the running count tells which
 *    bucket holds rank lo and which rank hi, and at which position.
 * 3. Only the filtered tickets of those buckets are read and sorted, per group, to pick the
 *    two values; DuckDB's own interpolation, lo·(1 − d) + hi·d, d = (n-1)·q − lo, gives the
 *    same double as quantile_cont (test/unit/core/quantile-buckets.test.ts).
 *
 * No cube has category: under a category filter the quantiles are quantile_cont over the tickets.
 */

/** The durations with exact quantiles (quantiles.ts QUANTILES), and their fractions. */
const METRICS = [{ col: 'fr_min', qs: [0.5, 0.9] }, { col: 'res_min', qs: [0.9] }, { col: 'rec_min', qs: [0.9] }]
export const BUCKETS = 64
const BUCKET_TABLES = QUANTILE_BUCKET_TABLES

/** Per duration, the increasing bounds between its buckets (as made by bucketTablesSql). */
export type Bounds = number[][]

/** The tickets that pass these filters, from the cube every report reads. */
export const filteredTicketsSql = (w: string) => `SELECT coalesce(sum(n), 0)::DOUBLE AS n FROM kpi_cube_nc ${where(w)}`

/** The bounds the cube was made with; no row: not made since the build (tickets-table.ts makes the table empty). */
export const BOUNDS_SQL = `SELECT ${QUANTILE_BOUND_COLUMNS.join(', ')} FROM ${BUCKET_TABLES.bounds}`

// plain decimals: approx_quantile takes FLOAT fractions, not the DOUBLE of an exponent literal
const FRACTIONS = Array.from({ length: BUCKETS - 1 }, (_, i) => String((i + 1) / BUCKETS)).join(', ')
/** Estimated bucket bounds over all tickets, one list per duration. */
export const ESTIMATE_BOUNDS_SQL = `SELECT ${METRICS.map((m, i) => `approx_quantile(${m.col}, [${FRACTIONS}]) AS ${QUANTILE_BOUND_COLUMNS[i]}`).join(', ')} FROM tickets`

/** Rounded to 4 digits (shorter SQL), increasing, without repeats: still bounds. */
export function cleanBounds(raw: unknown): number[] {
  const xs = raw === null || raw === undefined ? [] : Array.from(raw as Iterable<unknown>, Number)
  return [...new Set(xs.filter(Number.isFinite).map(x => Number(x.toPrecision(4))))].sort((a, b) => a - b)
}

/** The bucket of `col`: how many bounds are at most its value, by binary search over literals (per row: 6 comparisons). */
function bucketOf(col: string, b: number[], lo = 0, hi = b.length): string {
  if (lo === hi) return String(lo)
  const mid = Math.ceil((lo + hi) / 2)
  return `CASE WHEN ${col} >= ${dbl(b[mid - 1]!)} THEN ${bucketOf(col, b, mid, hi)} ELSE ${bucketOf(col, b, lo, mid - 1)} END`
}

/** Makes the values table and the cube, then records the bounds (made only when BOUNDS_SQL has no row). */
export function bucketTablesSql(bounds: Bounds): string[] {
  const lists = METRICS.map((_, i) => `[${(bounds[i] ?? []).map(dbl).join(', ')}]::DOUBLE[]`)
  const values = METRICS.map((m, i) => `SELECT ${i}::UTINYINT AS metric, (${bucketOf(m.col, bounds[i] ?? [])})::UTINYINT AS b, ${m.col} AS v, ${ALL_KEYS.join(', ')}
  FROM tickets WHERE ${m.col} IS NOT NULL`)
  return [
    // sorted by bucket, so that a filter change reads only the row groups of the buckets it needs
    `CREATE OR REPLACE TABLE ${BUCKET_TABLES.values} AS
${values.join('\nUNION ALL ')}
ORDER BY metric, b`,
    `CREATE OR REPLACE TABLE ${BUCKET_TABLES.cube} AS
SELECT metric, b, ${ALL_KEYS.join(', ')}, count(*)::INTEGER AS n FROM ${BUCKET_TABLES.values} GROUP BY ALL`,
    `INSERT INTO ${BUCKET_TABLES.bounds} VALUES (${lists.join(', ')})`,
  ]
}

const TARGETS = METRICS.flatMap((m, i) => m.qs.map((q, j) => `(${i}, ${j + 1}, ${dbl(q)})`)).join(', ')
const GROUP = `gid, ${ALL_KEYS.join(', ')}, metric`

/**
 * gid, the four keys, fr_q, res_p90, rec_p90 (as quantiles.ts QUANTILES) of these grouping sets
 * over the tickets that pass `w`, from the cube and the buckets that hold the ranks.
 */
export function bucketQuantilesSql(sets: Key[][], w: string): string {
  const by = groupingSets(sets, ['metric', 'b'])
  return `SELECT * FROM (WITH qn AS (
    SELECT ${groupColumns(sets)}, metric, b, sum(n) AS n FROM ${BUCKET_TABLES.cube} ${where(w)} GROUP BY ${by}
  ), qc AS (
    SELECT *, sum(n) OVER (PARTITION BY ${GROUP} ORDER BY b) AS cum, sum(n) OVER (PARTITION BY ${GROUP}) AS total FROM qn
  ), qr AS (
    SELECT qc.*, x.qi, (qc.total - 1)::DOUBLE * x.q AS rn FROM qc JOIN (VALUES ${TARGETS}) x(metric, qi, q) ON qc.metric = x.metric
  ), qk AS (
    SELECT *, floor(rn) AS lo, ceil(rn) AS hi, cum - n AS before FROM qr WHERE floor(rn) < cum AND ceil(rn) >= cum - n
  ), qs AS (
    SELECT ${groupColumns(sets)}, metric, b, list(v ORDER BY v) AS vs
    FROM ${BUCKET_TABLES.values} ${where(w, '(metric, b) IN (SELECT metric, b FROM qk)')}
    GROUP BY ${by}
  ), qv AS (
    SELECT qk.gid, ${ALL_KEYS.map(k => `qk.${k}`).join(', ')}, qk.metric, qk.qi, qk.rn, qk.lo, qk.hi,
      max(qs.vs[(qk.lo - qk.before + 1)::BIGINT]) FILTER (WHERE qk.lo >= qk.before) AS v_lo,
      max(qs.vs[(qk.hi - qk.before + 1)::BIGINT]) FILTER (WHERE qk.hi < qk.cum) AS v_hi
    FROM qk JOIN qs ON ${sameGroup('qk', 'qs')} AND qk.metric = qs.metric AND qk.b = qs.b
    GROUP BY ALL
  ), qx AS (
    SELECT *, CASE WHEN lo = hi THEN v_lo ELSE v_lo * (1 - (rn - lo)) + v_hi * (rn - lo) END AS val FROM qv
  )
  SELECT gid, ${ALL_KEYS.join(', ')},
    CASE WHEN count(*) FILTER (WHERE metric = 0) > 0 THEN [max(val) FILTER (WHERE metric = 0 AND qi = 1), max(val) FILTER (WHERE metric = 0 AND qi = 2)] END AS fr_q,
    max(val) FILTER (WHERE metric = 1) AS res_p90, max(val) FILTER (WHERE metric = 2) AS rec_p90
  FROM qx GROUP BY ALL)`
}
