import type { KpiConfig } from '../config'
import { KNOWN_FLAGS } from '../schema'
import { RESPONSE_BUCKETS_MIN } from '../wall-types'
import { businessMinutesStep, calendarBuildSteps, calendarPlan, hasCalendars } from './calendar-sql'
import { num } from './literal'
import { ticketListColumns } from './ticket-list-columns'
import { WALL_CUBES, wallCubeSteps } from './wall-cubes'

/**
 * Staging: each ticket file is its own table, `raw_tickets_<file_idx>`, made straight from the
 * file's Arrow IPC stream (no second copy), and the view `staged_tickets` puts them together
 * with their file_idx. Training records are appended to `training`. `tickets` and the tables
 * below are rebuilt from these after every load.
 */
export const STAGING_DDL = [
  `CREATE TABLE IF NOT EXISTS import_files (file_idx INTEGER, file VARCHAR, ${KNOWN_FLAGS.map(k => `k_${k} BOOLEAN`).join(', ')})`,
  'CREATE TABLE IF NOT EXISTS training (file_idx INTEGER, vendor VARCHAR, person VARCHAR, date_ms DOUBLE)',
]

/** The staged columns after file_idx, in the order of the Arrow IPC stream (src/import/to-arrow.ts). */
export const STAGED_COLUMNS: [string, string][] = [
  ['row_no', 'INTEGER'], ['ticket_id', 'VARCHAR'], ['vendor', 'VARCHAR'],
  ['created_ms', 'DOUBLE'], ['first_response_ms', 'DOUBLE'], ['resolved_ms', 'DOUBLE'], ['recovered_ms', 'DOUBLE'],
  ['priority', 'VARCHAR'], ['channel', 'VARCHAR'], ['category', 'VARCHAR'], ['is_fault', 'BOOLEAN'],
  ['reopen_count', 'INTEGER'], ['satisfaction', 'DOUBLE'], ['customer', 'VARCHAR'],
]

export function stagedTable(fileIdx: number): string {
  return `raw_tickets_${num(fileIdx)}`
}

/** Per-file staging tables of an earlier data set on the same engine. */
export const STAGED_TABLES_SQL = `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND regexp_full_match(table_name, 'raw_tickets_[0-9]+')`

/** (Re)defines `staged_tickets` over the staging tables of these files, in load order. */
export function stagedViewSql(fileIdxs: readonly number[]): string {
  const cols = (idx: string) => [`${idx}::INTEGER AS file_idx`, ...STAGED_COLUMNS.map(([c, ty]) => `${c}::${ty} AS ${c}`)].join(', ')
  const body = fileIdxs.length
    ? fileIdxs.map(i => `SELECT ${cols(num(i))} FROM ${stagedTable(i)}`).join('\nUNION ALL ')
    : `SELECT ${['NULL::INTEGER AS file_idx', ...STAGED_COLUMNS.map(([c, ty]) => `NULL::${ty} AS ${c}`)].join(', ')} WHERE false`
  return `CREATE OR REPLACE VIEW staged_tickets AS ${body}`
}

/** Takes one file's staging out again (a load that failed after its file was staged). */
export function unstageSql(fileIdx: number): string[] {
  return [`DROP TABLE IF EXISTS ${stagedTable(fileIdx)}`, ...['import_files', 'training'].map(t => `DELETE FROM ${t} WHERE file_idx = ${num(fileIdx)}`)]
}

export const INSERT_FILE_SQL = `INSERT INTO import_files VALUES (?, ?, ${KNOWN_FLAGS.map(() => '?').join(', ')})`

/**
 * The dimensions every filter and group-by uses are stored as ENUMs built from the loaded
 * values in sorted order: grouping hashes a 1- or 2-byte code instead of a string, and
 * `ORDER BY` an ENUM is the string order. Rebuilt with the tables (a table keeps its own
 * copy of the type, so dropping the named type first is safe).
 */
export const DIMENSION_TYPES = {
  vendor: 'sw_vendor',
  priority: 'sw_priority',
  channel: 'sw_channel',
  category: 'sw_category',
} as const

/**
 * An ENUM of the values a staged column takes, sorted. Taken over every staged row (a value
 * only a duplicate had is an entry no ticket uses: harmless). A type without any entry cannot
 * be declared, so a column without any value gets one placeholder entry ('') no row has.
 */
function enumFromValues(type: string, column: string, source = 'staged_tickets'): string {
  return `CREATE TYPE ${type} AS ENUM (
  SELECT v FROM (SELECT DISTINCT ${column} AS v FROM ${source} WHERE ${column} IS NOT NULL
    UNION ALL SELECT '' WHERE NOT EXISTS (SELECT 1 FROM ${source} WHERE ${column} IS NOT NULL))
  ORDER BY v)`
}

// Only the recurrence lookup compares customers: sw_customer is an ENUM too, so that join compares integers.

/** Quantile caches some reports make (quantiles.ts); a rebuild drops them with the tables they came from. */
export const QUANTILE_CACHE_TABLES = { all: 'kpi_quantiles_all', vendor: 'kpi_quantiles_vendor', month: 'kpi_quantiles_month', cell: 'kpi_quantiles_cell' } as const
/**
 * The wall's quantile buckets (quantile-buckets.ts): the build makes the bounds table empty, the
 * wall fills it when it makes the values and the cube, which go with the next build like the caches.
 */
export const QUANTILE_BUCKET_TABLES = { bounds: 'kpi_qbounds', values: 'kpi_qvalues', cube: 'kpi_qcube' } as const
/** One list of bounds per duration with exact quantiles: fr_min, res_min, rec_min. */
export const QUANTILE_BOUND_COLUMNS = ['m0', 'm1', 'm2'] as const

/** Tables made by the build, under NEXT names until the swap. */
export const BUILT_TABLES = ['tickets', 'calendar_days', 'kpi_cube', 'kpi_cube_nc', ...WALL_CUBES, 'tickets_pending', 'tickets_meta', 'ticket_duplicates', QUANTILE_BUCKET_TABLES.bounds]
const TEMP_TABLES = ['_keep', '_next', '_vcal', '_bh']
const TYPES = [...Object.values(DIMENSION_TYPES), 'sw_customer']
/** The build writes `tickets_n`, `sw_vendor_n` …; the swap renames them. */
export const NEXT = '_n'
/** Every table derived from the staged files: what a build makes, and the caches and buckets reports add to it. */
export const DERIVED_TABLES = [...BUILT_TABLES, ...Object.values(QUANTILE_CACHE_TABLES), QUANTILE_BUCKET_TABLES.values, QUANTILE_BUCKET_TABLES.cube]

/** What reports add to a build (caches, buckets) goes, and the build says it has none: made again on demand. */
export const RESET_LAZY_SQL = [
  ...DERIVED_TABLES.filter(t => !BUILT_TABLES.includes(t)).map(t => `DROP TABLE IF EXISTS ${t}`),
  'UPDATE tickets_meta SET quantile_cache = false',
  `DELETE FROM ${QUANTILE_BUCKET_TABLES.bounds}`,
]

/** A new random id for the build in place (tickets_meta.build): the wall's memory of one build's caches and answers (wall-quantiles.ts) must not carry over to tables put back from a snapshot. */
export const NEW_BUILD_ID_SQL = 'UPDATE tickets_meta SET build = uuid()::VARCHAR'

/**
 * The swap, one short transaction after a build that succeeded: the old tables and types
 * go, the new ones take their names. ENUM types with the same entries are the same type to
 * DuckDB (a cast between them is folded away), so the renamed tables match the new named types.
 */
export function swapSql(): string[] {
  return [
    ...DERIVED_TABLES.map(n => `DROP TABLE IF EXISTS ${n}`),
    ...TYPES.map(n => `DROP TYPE IF EXISTS ${n}`),
    ...TYPES.map(n => `CREATE TYPE ${n} AS ENUM (SELECT unnest(enum_range(NULL::${n}${NEXT})))`),
    ...TYPES.map(n => `DROP TYPE ${n}${NEXT}`),
    ...BUILT_TABLES.map(n => `ALTER TABLE ${n}${NEXT} RENAME TO ${n}`),
  ]
}

/** What a build that failed half-way leaves: its NEXT tables and types, and the temporary tables. */
export function buildLeftoversSql(): string[] {
  return ['DROP VIEW IF EXISTS _t', ...[...BUILT_TABLES.map(n => n + NEXT), ...TEMP_TABLES].map(n => `DROP TABLE IF EXISTS ${n}`), ...TYPES.map(n => `DROP TYPE IF EXISTS ${n}${NEXT}`)]
}

/** Composite integer key of a staged row: unique, and ordered like (file_idx, row_no). */
const ROW_KEY = '(r.file_idx::BIGINT * 4294967296 + r.row_no)'

/**
 * The build after every load or config change, as separate statements over materialized
 * intermediate tables (one CTE referenced three times was computed three times):
 *
 * 1. `_keep`: the surviving row of each (vendor, ticket_id): the one of the file loaded
 *    last, then the later row; a hash GROUP BY, the row key an integer. `ticket_duplicates`
 *    counts the losers per file from it.
 * 2. ENUM types for vendor, priority, channel, category and customer, sorted, so that
 *    grouping, filtering and the recurrence join work on 1–4 byte codes, not strings.
 * 3. `_t`: the surviving rows, typed, with every derived column a filter change would
 *    otherwise recompute (durations in minutes, SLA target, month, day, weekday, hour). A
 *    view, not a table: the steps below each read it once, and as a table it was a third copy
 *    of the rows beside the staging tables and `tickets` at the build's peak (1 M tickets:
 *    about 170 MB more, for the same build time).
 * 3b. calendars (calendar-sql.ts): `_vcal` (vendor → calendar), `calendar_days`, and `_bh`: business minutes of the tickets whose vendor has a
 *    working calendar (none when every vendor works 7x24: then they equal the plain minutes).
 * 4. `_next`: for each resolved ticket with a customer, the first later ticket of the same
 *    vendor, customer and category (ASOF: one probe per ticket, not a range join).
 * 5. `tickets`: narrow, sorted by created_at so row-group zone maps skip whole months when
 *    a month range is filtered.
 * 6. `kpi_cube`: every additive KPI term summed per (vendor, month, priority, channel,
 *    category), the finest grain any filter or group of the contract uses. A report rolls
 *    it up instead of re-reading every ticket; only exact quantiles read `tickets`.
 *    `kpi_cube_nc` is the same without category (at most vendors × months × 4 × 8 rows
 *    however many categories there are), for everything not filtered by category.
 * 6b. the wall's count cubes for the chart extras and the backlog (wall-cubes.ts), and the
 *    empty bounds table of the quantile buckets (quantile-buckets.ts; filled on first use).
 * 7. `tickets_pending`: the unanswered tickets, whose SLA eligibility depends on as_of.
 * 8. `tickets_meta`: as_of of the loaded data, whether the unfiltered quantiles are
 *    cached yet (quantiles.ts), and a random id of the build (wall-quantiles.ts).
 *
 * `build(false)` skips the semi-join with `_keep` when it holds every staged row.
 */
export function buildTicketsSteps(cfg: KpiConfig): { prepare: string[], build: (dedupe: boolean) => string[], noDuplicatesSql: string } {
  const t = cfg.slaTargetsMin
  const bh = cfg.businessHours
  const windowMs = cfg.recurrenceDays * 86_400_000
  const ty = { vendor: `sw_vendor${NEXT}`, priority: `sw_priority${NEXT}`, channel: `sw_channel${NEXT}`, category: `sw_category${NEXT}` }
  const customerType = `sw_customer${NEXT}`
  const offhours = (a: string) => `(${a}.dow >= 6 OR ${a}.hr < ${num(bh.start)} OR ${a}.hr >= ${num(bh.end)})`
  const plan = calendarPlan(cfg)
  const bh7x24 = !hasCalendars(plan)
  const bucket = `CASE ${RESPONSE_BUCKETS_MIN.map((b, i) => `WHEN w.fr_min <= ${num(b)} THEN ${i}`).join(' ')} WHEN w.fr_min IS NOT NULL THEN ${RESPONSE_BUCKETS_MIN.length} END`
  const prepare = [
    ...buildLeftoversSql(),
    `CREATE TEMP TABLE _keep AS
SELECT max(${ROW_KEY}) AS tk FROM staged_tickets r GROUP BY r.vendor, r.ticket_id`,
    `CREATE TABLE ticket_duplicates${NEXT} AS
SELECT s.file_idx, (s.n - coalesce(k.n, 0))::INTEGER AS duplicates
FROM (SELECT file_idx, count(*) AS n FROM staged_tickets GROUP BY file_idx) s
LEFT JOIN (SELECT (tk // 4294967296)::INTEGER AS file_idx, count(*) AS n FROM _keep GROUP BY 1) k USING (file_idx)`,
  ]
  const noDuplicatesSql = `SELECT (SELECT count(*) FROM _keep) = (SELECT count(*) FROM staged_tickets) AS none`
  const survivors = (dedupe: boolean) => (dedupe ? `WHERE ${ROW_KEY} IN (SELECT tk FROM _keep)` : '')
  /** Equal for two tickets of the same category, NULL included (NULL = NULL here). */
  const categoryKey = (a: string) => `coalesce(enum_code(${a}.category)::BIGINT, -1)`

  const build = (dedupe: boolean) => [
    // Vendors of training records too: a vendor filter then compares codes on both tables.
    enumFromValues(ty.vendor, 'vendor', '(SELECT vendor FROM staged_tickets UNION ALL SELECT vendor FROM training)'),
    enumFromValues(ty.priority, 'priority'),
    enumFromValues(ty.channel, 'channel'),
    enumFromValues(ty.category, 'category'),
    enumFromValues(customerType, 'customer'),
    `CREATE TEMP VIEW _t AS
WITH d AS (
  SELECT
    ${ROW_KEY} AS tk, r.ticket_id,
    r.vendor::${ty.vendor} AS vendor,
    r.priority::${ty.priority} AS priority,
    (CASE WHEN f.k_channel THEN r.channel END)::${ty.channel} AS channel,
    r.category::${ty.category} AS category,
    r.customer::${customerType} AS customer,
    r.is_fault, r.created_ms, r.resolved_ms,
    CASE WHEN f.k_first_response THEN r.first_response_ms END AS fr_ms,
    epoch_ms(r.created_ms::BIGINT) AS created_at,
    CASE WHEN f.k_first_response THEN (r.first_response_ms - r.created_ms) / 60000.0 END AS fr_min,
    (r.resolved_ms - r.created_ms) / 60000.0 AS res_min,
    CASE WHEN r.is_fault AND r.resolved_ms IS NOT NULL
      THEN (coalesce(r.recovered_ms, r.resolved_ms) - r.created_ms) / 60000.0 END AS rec_min,
    CASE WHEN f.k_reopen THEN coalesce(r.reopen_count, 0) END AS reopen_count,
    CASE WHEN f.k_satisfaction THEN r.satisfaction END AS satisfaction,
    f.k_first_response, f.k_resolved, f.k_satisfaction,
    CASE r.priority WHEN 'P1' THEN ${num(t.P1)} WHEN 'P2' THEN ${num(t.P2)} WHEN 'P4' THEN ${num(t.P4)} ELSE ${num(t.P3)} END AS sla_target
  FROM staged_tickets r
  JOIN import_files f USING (file_idx)
  ${survivors(dedupe)}
)
SELECT * EXCLUDE (created_at),
  date_trunc('month', created_at)::DATE AS mon,
  CAST(created_at AS DATE) AS created_day,
  CAST(epoch_ms(resolved_ms::BIGINT) AS DATE) AS resolved_day,
  isodow(created_at)::UTINYINT AS dow,
  hour(created_at)::UTINYINT AS hr
FROM d`,
    ...calendarBuildSteps(plan, ty.vendor, NEXT),
    ...(bh7x24 ? [] : [businessMinutesStep(plan, NEXT)]),
    `CREATE TEMP TABLE _next AS
SELECT a.tk, b.created_ms AS next_created_ms
FROM (SELECT tk, vendor, customer, ${categoryKey('x')} AS ck, resolved_ms FROM _t x
  WHERE customer IS NOT NULL AND resolved_ms IS NOT NULL) a
ASOF JOIN (SELECT vendor, customer, ${categoryKey('x')} AS ck, created_ms FROM _t x WHERE customer IS NOT NULL) b
  ON a.vendor = b.vendor AND a.customer = b.customer AND a.ck = b.ck AND b.created_ms > a.resolved_ms`,
    `CREATE TABLE tickets${NEXT} AS
SELECT
  w.vendor, w.mon, w.priority, w.channel, w.category,
  w.fr_min, w.res_min, w.rec_min, w.satisfaction, w.reopen_count, w.is_fault,
  w.fr_min <= w.sla_target AS sla_met,
  ${bh7x24 ? 'w.fr_min' : 'coalesce(b.fr_bh_min, w.fr_min)'} AS fr_bh_min,
  ${bh7x24 ? 'w.res_min' : 'coalesce(b.res_bh_min, w.res_min)'} AS res_bh_min,
  ${bh7x24 ? 'w.fr_min' : 'coalesce(b.fr_bh_min, w.fr_min)'} <= w.sla_target AS sla_bh_met,
  ${offhours('w')} AS offhours,
  CASE WHEN w.customer IS NOT NULL AND w.resolved_ms IS NOT NULL
    THEN coalesce(n.next_created_ms <= w.resolved_ms + ${num(windowMs)}, false) END AS recurred,
  (${bucket})::UTINYINT AS fr_bucket,
  round(w.satisfaction)::UTINYINT AS csat_point,
  w.k_resolved, w.k_satisfaction,
  w.created_day, w.resolved_day, w.dow, w.hr,
  ${ticketListColumns(windowMs)}
FROM _t w LEFT JOIN _next n USING (tk)${bh7x24 ? '' : ' LEFT JOIN _bh b USING (tk)'}
ORDER BY w.created_ms, w.tk`,
    `CREATE TABLE kpi_cube${NEXT} AS
SELECT vendor, mon, priority, channel, category,
  count(*) AS n,
  count(fr_min) AS fr_n, sum(fr_min) AS fr_sum,
  count(*) FILTER (WHERE sla_met) AS sla_met,
  sum(fr_bh_min) AS frb_sum, count(*) FILTER (WHERE sla_bh_met) AS sla_bh_met,
  count(fr_min) FILTER (WHERE offhours) AS off_n,
  count(*) FILTER (WHERE sla_met AND offhours) AS off_met,
  count(res_min) AS res_n, sum(res_min) AS res_sum, max(res_min) AS res_max, sum(res_bh_min) AS resb_sum,
  count(*) FILTER (WHERE res_min IS NOT NULL AND reopen_count = 0) AS fcr_num,
  count(*) FILTER (WHERE res_min IS NOT NULL AND reopen_count IS NOT NULL) AS fcr_den,
  count(satisfaction) AS csat_n, sum(satisfaction) AS csat_sum,
  count(*) FILTER (WHERE k_satisfaction AND res_min IS NOT NULL AND satisfaction IS NOT NULL) AS csr_num,
  count(*) FILTER (WHERE k_satisfaction AND res_min IS NOT NULL) AS csr_den,
  count(rec_min) AS rec_n, sum(rec_min) AS rec_sum,
  count(recurred) AS rcr_n, count(*) FILTER (WHERE recurred) AS rcr_sum,
  count(*) FILTER (WHERE is_fault) AS faults
FROM tickets${NEXT}
GROUP BY ALL
ORDER BY mon, vendor, priority, channel, category`,
    `CREATE TABLE kpi_cube_nc${NEXT} AS
SELECT vendor, mon, priority, channel,
  ${['n', 'fr_n', 'fr_sum', 'sla_met', 'frb_sum', 'sla_bh_met', 'off_n', 'off_met', 'res_n', 'res_sum', 'resb_sum'].map(c => `sum(${c}) AS ${c}`).join(', ')}, max(res_max) AS res_max,
  ${['fcr_num', 'fcr_den', 'csat_n', 'csat_sum', 'csr_num', 'csr_den', 'rec_n', 'rec_sum', 'rcr_n', 'rcr_sum', 'faults'].map(c => `sum(${c}) AS ${c}`).join(', ')}
FROM kpi_cube${NEXT}
GROUP BY ALL
ORDER BY mon, vendor, priority, channel`,
    ...wallCubeSteps(NEXT),
    `CREATE TABLE ${QUANTILE_BUCKET_TABLES.bounds}${NEXT} (${QUANTILE_BOUND_COLUMNS.map(c => `${c} DOUBLE[]`).join(', ')})`,
    `CREATE TABLE tickets_pending${NEXT} AS
SELECT w.vendor, w.mon, w.priority, w.channel, w.category, w.dow, w.hr, ${offhours('w')} AS offhours, w.created_ms, w.sla_target,
  ${bh7x24 ? 'NULL::INTEGER AS cal, NULL::DOUBLE AS c_created' : 'b.cal, b.c_created'}
FROM _t w ${bh7x24 ? '' : 'LEFT JOIN _bh b USING (tk) '}WHERE w.k_first_response AND w.fr_min IS NULL
ORDER BY w.created_ms, w.tk`,
    // max of the column maxima = max over every timestamp of every ticket (NULLs skipped)
    `CREATE TABLE tickets_meta${NEXT} AS
SELECT greatest(max(created_ms), coalesce(max(first_response_ms), max(created_ms)),
  coalesce(max(resolved_ms), max(created_ms)), coalesce(max(recovered_ms), max(created_ms))) AS max_ms,
  false AS quantile_cache, uuid()::VARCHAR AS build
FROM staged_tickets r ${survivors(dedupe)}`,
    'DROP VIEW IF EXISTS _t', ...TEMP_TABLES.map(n => `DROP TABLE IF EXISTS ${n}`),
  ]
  return { prepare, build, noDuplicatesSql }
}

/**
 * as_of: the latest timestamp of any kind among the loaded tickets (made by the build), and the
 * build's random id: what the wall made or answered for one build is good until the id changes.
 */
export const AS_OF_SQL = `WITH m AS (SELECT epoch_ms(max_ms::BIGINT) AS ts, build FROM tickets_meta)
SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS as_of, epoch_ms(ts)::DOUBLE AS as_of_ms, build FROM m`

/** Per file: tickets that lost to a later row with the same vendor and ticket_id. */
export const DUPLICATES_SQL = 'SELECT file_idx, duplicates FROM ticket_duplicates'
