/**
 * The per-row SQL of the engine import: the data rows of a cells table (read_csv's text, raw) ->
 * one table of every row's values and reason code, which then becomes the file's staging table in
 * the STAGED_COLUMNS shape (tickets-table.ts) without a copy. The order of the checks and the values follow
 * ticket-mapper.ts exactly. Per row, only ticket_id is cleaned and the timestamps of the fast
 * layouts are read; every other cell joins a lookup table keyed on its raw text (import-lookups.ts).
 */
import type { Columns } from '../ticket-mapper'
import type { MappingTarget } from '../schema'
import { cellCol, cleanCell, jsTrim, str } from './import-cells'
import { fastLayoutMs } from './import-dates'
import { num } from './literal'

/** What a reason code names (ticket-mapper.ts's messages, formatted in import-reasons.ts). */
export const REASONS = [
  'width', 'header', 'id_empty', 'created_empty', 'created_not_date',
  'fr_not_date', 'fr_before', 'fr_min', 'fr_hours', 'rs_not_date', 'rs_before', 'rs_min', 'rs_hours', 'rec_not_date',
] as const
export type Reason = (typeof REASONS)[number]

export const STAMPS = ['created_at', 'first_response_at', 'resolved_at', 'recovered_at'] as const
export const DURATIONS = ['first_response_min', 'first_response_hours', 'resolution_min', 'resolution_hours'] as const
export const TEXTS = ['vendor', 'category', 'customer'] as const
export type TextTarget = (typeof TEXTS)[number]
/** The texts a rejection reason quotes (import-reasons.ts). */
export const REASON_TEXTS = [...STAMPS, ...DURATIONS] as const

export interface MapPlan {
  /** Prefix of this import's work tables; `${p}_rows` holds the data rows with row_no. */
  p: string
  cols: Columns
  headers: readonly string[]
  /** Cells of the widest record (the raw table's columns). */
  width: number
  defaultVendor: string
  /** The text columns with a lookup table (the others, of many distinct values, are cleaned per row). */
  textLookups: ReadonlySet<TextTarget>
}

/** The lookup table of a target (or of a timestamp column's other layouts, `dates_<target>`, the fault triples). */
export function lookupTable(p: string, name: string): string {
  return `${p}_l_${name}`
}

/** A target's raw cell as a lookup key ('' for an absent cell); null when the target is not mapped. */
export function rawKey(cols: Columns, t: MappingTarget, row = 'r'): string | null {
  return cols[t] >= 0 ? `coalesce(${row}.${cellCol(cols[t])}, '')` : null
}

interface Part { select: string[], joins: string[] }

/**
 * A value column of a lookup for a row's key, by a LEFT JOIN (added once per alias); `missing`:
 * the value for a key the lookup does not hold. (Small lookups written into the SQL as CASE
 * lists instead were measured no faster at 1 M rows.)
 */
function lookupValue(m: MapPlan, part: Part, name: string, alias: string, key: string, col: string, missing = 'NULL'): string {
  const join = `LEFT JOIN ${lookupTable(m.p, name)} ${alias} ON ${alias}.k = ${key}`
  if (!part.joins.includes(join)) part.joins.push(join)
  return missing === 'NULL' ? `${alias}.${col}` : `(CASE WHEN ${alias}.k IS NULL THEN ${missing} ELSE ${alias}.${col} END)`
}

function stamps(m: MapPlan, part: Part): void {
  STAMPS.forEach((t, i) => {
    const key = rawKey(m.cols, t)
    if (key === null) {
      part.select.push(`NULL::DOUBLE AS ${t}_ms`, `false AS ${t}_has`)
      return
    }
    // The lookup holds every raw text outside the fast layouts: a text it lacks is read per row.
    const fast = fastLayoutMs(`r.${cellCol(m.cols[t])}`)
    part.select.push(`${lookupValue(m, part, `dates_${t}`, `d${i}`, key, 'ms', fast)} AS ${t}_ms`, `${lookupValue(m, part, `dates_${t}`, `d${i}`, key, 'has', 'true')} AS ${t}_has`)
  })
}

function looked(m: MapPlan, part: Part): void {
  const value = (t: MappingTarget, alias: string, col: string, missing?: string) => lookupValue(m, part, t, alias, rawKey(m.cols, t)!, col, missing)
  const has = (t: MappingTarget) => m.cols[t] >= 0
  DURATIONS.forEach((t, i) => part.select.push(has(t) ? `${value(t, `u${i}`, 'minutes')} AS ${t}_v, ${value(t, `u${i}`, 'has', 'false')} AS ${t}_has` : `NULL::DOUBLE AS ${t}_v, false AS ${t}_has`))
  part.select.push(has('priority') ? `${value('priority', 'pri', 'v')} AS priority` : `'P3' AS priority`)
  part.select.push(has('channel') ? `${value('channel', 'chan', 'v')} AS channel` : 'NULL::VARCHAR AS channel')
  part.select.push(has('reopen_count') ? `${value('reopen_count', 'reo', 'v')} AS reopen_count` : 'NULL::DOUBLE AS reopen_count')
  part.select.push(has('satisfaction')
    ? `${value('satisfaction', 'sat', 'n')} AS sat_n, ${value('satisfaction', 'sat', 'label')} AS sat_label, ${value('satisfaction', 'sat', 'kind')} = 'warn' AS sat_warn`
    : 'NULL::DOUBLE AS sat_n, NULL::DOUBLE AS sat_label, false AS sat_warn')
  const triple = (['is_fault', 'category', 'fault_type'] as const).map(t => rawKey(m.cols, t))
  if (triple.some(k => k !== null)) {
    const on = (['flag', 'category', 'type'] as const).flatMap((c, i) => (triple[i] === null ? [] : [`fa.${c} = ${triple[i]}`]))
    part.joins.push(`LEFT JOIN ${lookupTable(m.p, 'fault')} fa ON ${on.join(' AND ')}`)
  }
  part.select.push(triple.some(k => k !== null) ? 'fa.v AS is_fault' : 'NULL::BOOLEAN AS is_fault')
  TEXTS.forEach((t) => {
    const c = m.cols[t]
    const text = c < 0 ? `''` : m.textLookups.has(t) ? value(t, `x_${t}`, 't') : cleanCell(`r.${cellCol(c)}`)
    part.select.push(`${text} AS ${t}_t`)
  })
}

/** The columns the staging table has while the import works on it; staged() takes them out. */
export const WORK_COLUMNS = ['extra', 'reason', 'sat_n', 'sat_warn'] as const

/**
 * Every data row with its values in the STAGED_COLUMNS order, then its reason code (NULL for a
 * ticket) and what the report needs: the staging table in the making. A satisfaction number
 * waits in sat_n for the column's scale (stagedSql); a label's value is final.
 */
export function evalTableSql(m: MapPlan, table: string): string {
  const w = m.headers.length
  const extra = Array.from({ length: Math.max(0, m.width - w) }, (_, k) => m.width - 1 - k)
    .map(i => `WHEN ${jsTrim(`r.${cellCol(i)}`)} <> '' THEN ${num(i + 1)}`)
  const raw = (t: MappingTarget) => rawKey(m.cols, t) ?? `''`
  const part: Part = {
    select: [
      'r.row_no',
      `${extra.length ? `CASE ${extra.join(' ')} END` : 'NULL::INTEGER'} AS extra`,
      `${raw('ticket_id')} = ${str(m.headers[m.cols.ticket_id] ?? '')} AND ${raw('created_at')} = ${str(m.headers[m.cols.created_at] ?? '')} AS header_again`,
      `${cleanCell(`r.${cellCol(m.cols.ticket_id)}`)} AS ticket_id`,
    ],
    joins: [],
  }
  stamps(m, part)
  looked(m, part)
  const vendor = m.cols.vendor >= 0 ? `CASE WHEN vendor_t <> '' THEN vendor_t ELSE ${str(m.defaultVendor)} END` : str(m.defaultVendor)
  return `CREATE TABLE ${table} AS SELECT row_no::INTEGER AS row_no, ticket_id, ${vendor} AS vendor, created_at_ms AS created_ms, `
    + `(${eventMs('first_response_at', 'first_response_min', 'first_response_hours')})::DOUBLE AS first_response_ms, `
    + `(${eventMs('resolved_at', 'resolution_min', 'resolution_hours')})::DOUBLE AS resolved_ms, `
    + `CASE WHEN recovered_at_ms < created_at_ms THEN NULL ELSE recovered_at_ms END AS recovered_ms, priority, channel, `
    + `nullif(category_t, '') AS category, is_fault, reopen_count::INTEGER AS reopen_count, sat_label::DOUBLE AS satisfaction, nullif(customer_t, '') AS customer, `
    + `extra, ${reasonSql()} AS reason, sat_n, sat_warn `
    + `FROM (SELECT ${part.select.join(', ')} FROM ${m.p}_rows r ${part.joins.join(' ')})`
}

/** The reason code of a row, NULL for a ticket. */
function reasonSql(): string {
  const event = (at: MappingTarget, min: MappingTarget, hours: MappingTarget, k: string) => [
    `WHEN ${at}_has AND ${at}_ms IS NULL THEN '${k}_not_date'`,
    `WHEN ${at}_has AND ${at}_ms < created_at_ms THEN '${k}_before'`,
    `WHEN NOT ${at}_has AND ${min}_has AND ${min}_v IS NULL THEN '${k}_min'`,
    `WHEN NOT ${at}_has AND NOT ${min}_has AND ${hours}_has AND ${hours}_v IS NULL THEN '${k}_hours'`,
  ]
  return ['CASE WHEN extra IS NOT NULL THEN \'width\'', 'WHEN header_again THEN \'header\'',
    `WHEN ticket_id = '' THEN 'id_empty'`, `WHEN NOT created_at_has THEN 'created_empty'`,
    'WHEN created_at_ms IS NULL THEN \'created_not_date\'',
    ...event('first_response_at', 'first_response_min', 'first_response_hours', 'fr'),
    ...event('resolved_at', 'resolution_min', 'resolution_hours', 'rs'),
    `WHEN recovered_at_has AND recovered_at_ms IS NULL THEN 'rec_not_date' END`].join(' ')
}

/** The event's time, or created_at plus a duration's minutes, as Math.round(minutes * 60 000). */
function eventMs(at: MappingTarget, min: MappingTarget, hours: MappingTarget): string {
  return `CASE WHEN ${at}_has THEN ${at}_ms WHEN ${min}_has THEN created_at_ms + round(${min}_v * 60000) `
    + `WHEN ${hours}_has THEN created_at_ms + round(${hours}_v * 60000) END`
}

/** The rejected rows with their codes and the cleaned texts their reasons quote (import-reasons.ts). */
export function rejectedSql(m: MapPlan, table: string): string {
  const texts = REASON_TEXTS.map(t => `${m.cols[t] >= 0 ? cleanCell(`r.${cellCol(m.cols[t])}`) : `''`} AS f_${t}`)
  return `SELECT e.row_no, e.reason, e.extra, ${texts.join(', ')} FROM (SELECT row_no, reason, extra FROM ${table} WHERE reason IS NOT NULL) e `
    + `JOIN ${m.p}_rows r ON r.row_no = e.row_no ORDER BY e.row_no`
}

/** The satisfaction of a number on the column's scale (normalize.ts scaleSatisfaction); NULL outside it. */
export function scaledSql(n: string, scale: string | null): string {
  if (scale === '1-5') return `CASE WHEN ${n} >= 1 AND ${n} <= 5 THEN ${n} * 2 END`
  if (scale === '0-10') return `CASE WHEN ${n} >= 0 AND ${n} <= 10 THEN ${n} END`
  return scale === '0-100' ? `CASE WHEN ${n} >= 0 AND ${n} <= 100 THEN ${n} / 10 END` : 'NULL::DOUBLE'
}

/**
 * The table made by evalTableSql becomes the staging table, in place: the numbers scaled, the
 * rejected rows and the work columns out. Its rows are not in row order (a LEFT JOIN emits a
 * chunk's unmatched rows last; sorting 1 M rows took 1.5 s): nothing needs them to be, every later
 * step orders by (file, row_no).
 */
export function stagedSql(table: string, scale: string | null): string[] {
  return [
    ...(scale === null ? [] : [`UPDATE ${table} SET satisfaction = ${scaledSql('sat_n', scale)} WHERE sat_n IS NOT NULL`]),
    `DELETE FROM ${table} WHERE reason IS NOT NULL`,
    ...WORK_COLUMNS.map(c => `ALTER TABLE ${table} DROP COLUMN ${c}`),
  ]
}
