import type { KpiConfig } from '../config'
import { KNOWN_FLAGS } from '../schema'
import { num } from './literal'

/** Staging tables, filled file by file; `tickets` is rebuilt from them after every load. */
export const STAGING_DDL = [
  `CREATE TABLE IF NOT EXISTS raw_tickets (
    file_idx INTEGER, row_no INTEGER, ticket_id VARCHAR, vendor VARCHAR,
    created_ms DOUBLE, first_response_ms DOUBLE, resolved_ms DOUBLE, recovered_ms DOUBLE,
    priority VARCHAR, channel VARCHAR, category VARCHAR, is_fault BOOLEAN,
    reopen_count INTEGER, satisfaction DOUBLE, customer VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS import_files (file_idx INTEGER, file VARCHAR, ${KNOWN_FLAGS.map(k => `k_${k} BOOLEAN`).join(', ')})`,
  'CREATE TABLE IF NOT EXISTS training (file_idx INTEGER, vendor VARCHAR, person VARCHAR, date_ms DOUBLE)',
]

export const INSERT_FILE_SQL = `INSERT INTO import_files VALUES (?, ?, ${KNOWN_FLAGS.map(() => '?').join(', ')})`

/**
 * The table every KPI query reads. Duplicates (same vendor and ticket_id) keep the
 * row of the file loaded last, then the later row. Everything a filter change would
 * otherwise recompute is derived here once: durations in minutes, month, weekday,
 * hour, the SLA target and the recurrence flag (which looks at all loaded tickets).
 * Fields a file does not carry are NULL, so aggregates skip them (contract: unknown).
 */
export function buildTicketsSql(cfg: KpiConfig): string {
  const t = cfg.slaTargetsMin
  const bh = cfg.businessHours
  const windowMs = cfg.recurrenceDays * 86_400_000
  return `CREATE OR REPLACE TABLE tickets AS
WITH latest AS (
  SELECT r.*, f.* EXCLUDE (file_idx)
  FROM raw_tickets r JOIN import_files f USING (file_idx)
  QUALIFY row_number() OVER (PARTITION BY r.vendor, r.ticket_id ORDER BY r.file_idx DESC, r.row_no DESC) = 1
), d AS (
  SELECT
    file_idx, row_no, ticket_id, vendor, created_ms, resolved_ms,
    epoch_ms(created_ms::BIGINT) AS created_at,
    epoch_ms(first_response_ms::BIGINT) AS first_response_at,
    epoch_ms(resolved_ms::BIGINT) AS resolved_at,
    epoch_ms(recovered_ms::BIGINT) AS recovered_at,
    CASE WHEN k_first_response THEN (first_response_ms - created_ms) / 60000.0 END AS fr_min,
    (resolved_ms - created_ms) / 60000.0 AS res_min,
    CASE WHEN is_fault AND resolved_ms IS NOT NULL
      THEN (coalesce(recovered_ms, resolved_ms) - created_ms) / 60000.0 END AS rec_min,
    priority,
    CASE WHEN k_channel THEN channel END AS channel,
    category, is_fault,
    CASE WHEN k_reopen THEN coalesce(reopen_count, 0) END AS reopen_count,
    CASE WHEN k_satisfaction THEN satisfaction END AS satisfaction,
    customer,
    k_first_response, k_resolved, k_reopen, k_satisfaction, k_channel, k_fault, k_customer, k_category,
    CASE priority WHEN 'P1' THEN ${num(t.P1)} WHEN 'P2' THEN ${num(t.P2)} WHEN 'P4' THEN ${num(t.P4)} ELSE ${num(t.P3)} END AS sla_target
  FROM latest
), w AS (
  SELECT *,
    strftime(created_at, '%Y-%m') AS month,
    CAST(created_at AS DATE) AS created_day,
    CAST(resolved_at AS DATE) AS resolved_day,
    isodow(created_at)::INTEGER AS dow,
    hour(created_at)::INTEGER AS hr
  FROM d
), nxt AS (
  -- the first later ticket of the same vendor, customer and category (ASOF: one probe per ticket, not a range join)
  SELECT a.vendor, a.ticket_id, b.created_ms AS next_created_ms
  FROM w a ASOF JOIN w b
    ON a.vendor = b.vendor AND a.customer = b.customer
    AND coalesce(a.category, chr(0)) = coalesce(b.category, chr(0))
    AND b.created_ms > a.resolved_ms
  WHERE a.resolved_ms IS NOT NULL AND a.customer IS NOT NULL
)
SELECT w.*,
  (w.dow >= 6 OR w.hr < ${num(bh.start)} OR w.hr >= ${num(bh.end)}) AS offhours,
  CASE WHEN w.resolved_ms IS NOT NULL AND w.customer IS NOT NULL
    THEN coalesce(n.next_created_ms <= w.resolved_ms + ${num(windowMs)}, false) END AS recurred
FROM w LEFT JOIN nxt n ON n.vendor = w.vendor AND n.ticket_id = w.ticket_id`
}

/** as_of: the latest timestamp of any kind among the loaded tickets. */
export const AS_OF_SQL = `WITH m AS (
  SELECT max(greatest(created_at, coalesce(first_response_at, created_at), coalesce(resolved_at, created_at),
    coalesce(recovered_at, created_at))) AS ts
  FROM tickets)
SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS as_of, epoch_ms(ts)::DOUBLE AS as_of_ms FROM m`

/** Per file: tickets that lost to a later row with the same vendor and ticket_id. */
export const DUPLICATES_SQL = `SELECT r.file_idx, (count(*) - count(t.ticket_id))::INTEGER AS duplicates
FROM raw_tickets r LEFT JOIN tickets t ON t.file_idx = r.file_idx AND t.row_no = r.row_no
GROUP BY r.file_idx`
