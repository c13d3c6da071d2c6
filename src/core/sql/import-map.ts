/**
 * The per-row SQL of the engine import: a cells table -> one file's staging table in the
 * STAGED_COLUMNS shape (tickets-table.ts), with every rejected row's reason code. The order of
 * the checks and the values follow ticket-mapper.ts exactly; the per-value rules come in as
 * lookup tables made by import-lookups.ts.
 */
import type { Columns } from '../ticket-mapper'
import type { MappingTarget } from '../schema'
import { cellCol, cleanCell, jsTrim, str } from './import-cells'
import { timestampSql } from './import-dates'
import { num } from './literal'

/** What a reason code names (ticket-mapper.ts's messages, formatted in import-reasons.ts). */
export const REASONS = [
  'width', 'header', 'id_empty', 'created_empty', 'created_not_date',
  'fr_not_date', 'fr_before', 'fr_min', 'fr_hours', 'rs_not_date', 'rs_before', 'rs_min', 'rs_hours', 'rec_not_date',
] as const
export type Reason = (typeof REASONS)[number]

/** The text columns the SQL reads, by target (an unmapped one is ''). */
export const TEXT_TARGETS = [
  'ticket_id', 'vendor', 'created_at', 'first_response_at', 'resolved_at', 'recovered_at', 'first_response_min',
  'first_response_hours', 'resolution_min', 'resolution_hours', 'priority', 'channel', 'category', 'is_fault',
  'fault_type', 'reopen_count', 'satisfaction', 'customer',
] as const satisfies readonly MappingTarget[]

export interface MapPlan {
  /** Prefix of this import's work tables. */
  p: string
  cols: Columns
  headers: readonly string[]
  /** Cells of the widest record (the raw table's columns). */
  width: number
  defaultVendor: string
}

const f = (t: MappingTarget) => `f_${t}`

/** The data rows (the `_rows` view: below the header, not blank) with their cleaned cells. */
export function dataTableSql(m: MapPlan): string {
  const w = m.headers.length
  const extra = Array.from({ length: Math.max(0, m.width - w) }, (_, k) => m.width - 1 - k)
    .map(i => `WHEN ${jsTrim(cellCol(i))} <> '' THEN ${num(i + 1)}`)
  const raw = (c: number) => (c >= 0 ? `coalesce(${cellCol(c)}, '')` : `''`)
  const cells = TEXT_TARGETS.map(t => `${m.cols[t] >= 0 ? cleanCell(cellCol(m.cols[t])) : `''`} AS ${f(t)}`)
  return `CREATE TEMP TABLE ${m.p}_data AS SELECT row_no, `
    + `${extra.length ? `CASE ${extra.join(' ')} END` : 'NULL::INTEGER'} AS extra, `
    + `${raw(m.cols.ticket_id)} = ${str(m.headers[m.cols.ticket_id] ?? '')} AND ${raw(m.cols.created_at)} = ${str(m.headers[m.cols.created_at] ?? '')} AS header_again, `
    + `${cells.join(', ')} FROM ${m.p}_rows`
}

/** Every row with its parsed values and, for a rejected one, its reason code. */
export function evalTableSql(m: MapPlan): string {
  const ts = (t: MappingTarget, alias: string) => timestampSql(`d.${f(t)}`, `${alias}.ms`)
  const joins = [
    ...(['created_at', 'first_response_at', 'resolved_at', 'recovered_at'] as const).map((t, i) => `LEFT JOIN ${m.p}_dt t${i} ON t${i}.t = d.${f(t)}`),
    ...(['first_response_min', 'first_response_hours', 'resolution_min', 'resolution_hours'] as const)
      .map((t, i) => `LEFT JOIN ${m.p}_dur u${i} ON u${i}.tgt = '${t}' AND u${i}.t = d.${f(t)}`),
    `LEFT JOIN ${m.p}_pri pri ON pri.t = d.${f('priority')}`,
    `LEFT JOIN ${m.p}_chan chan ON chan.t = d.${f('channel')}`,
    `LEFT JOIN ${m.p}_reopen reo ON reo.t = d.${f('reopen_count')}`,
    `LEFT JOIN ${m.p}_sat sat ON sat.t = d.${f('satisfaction')}`,
    `LEFT JOIN ${m.p}_fault fa ON fa.flag = d.${f('is_fault')} AND fa.category = d.${f('category')} AND fa.type = d.${f('fault_type')}`,
  ]
  return `CREATE TEMP TABLE ${m.p}_eval AS SELECT *, ${reasonSql()} AS reason FROM (SELECT d.*, ${ts('created_at', 't0')} AS created_ms, ${ts('first_response_at', 't1')} AS fr_ts, `
    + `${ts('resolved_at', 't2')} AS rs_ts, ${ts('recovered_at', 't3')} AS rec_ts, u0.minutes AS fr_min, u1.minutes AS fr_h, `
    + `u2.minutes AS rs_min, u3.minutes AS rs_h, pri.v AS pri, chan.v AS chan, reo.v AS reopen, sat.kind AS sat_kind, sat.n AS sat_n, `
    + `sat.label AS sat_label, sat.shown AS sat_shown, fa.v AS fault FROM ${m.p}_data d ${joins.join(' ')})`
}

/** The reason code of a row of the eval table, NULL for a ticket. */
export function reasonSql(): string {
  const event = (ts: string, text: MappingTarget, min: MappingTarget, mins: string, hours: MappingTarget, hs: string, k: string) => [
    `WHEN ${f(text)} <> '' AND ${ts} IS NULL THEN '${k}_not_date'`,
    `WHEN ${f(text)} <> '' AND ${ts} < created_ms THEN '${k}_before'`,
    `WHEN ${f(text)} = '' AND ${f(min)} <> '' AND ${mins} IS NULL THEN '${k}_min'`,
    `WHEN ${f(text)} = '' AND ${f(min)} = '' AND ${f(hours)} <> '' AND ${hs} IS NULL THEN '${k}_hours'`,
  ]
  return ['CASE WHEN extra IS NOT NULL THEN \'width\'', 'WHEN header_again THEN \'header\'',
    `WHEN ${f('ticket_id')} = '' THEN 'id_empty'`, `WHEN ${f('created_at')} = '' THEN 'created_empty'`,
    'WHEN created_ms IS NULL THEN \'created_not_date\'',
    ...event('fr_ts', 'first_response_at', 'first_response_min', 'fr_min', 'first_response_hours', 'fr_h', 'fr'),
    ...event('rs_ts', 'resolved_at', 'resolution_min', 'rs_min', 'resolution_hours', 'rs_h', 'rs'),
    `WHEN ${f('recovered_at')} <> '' AND rec_ts IS NULL THEN 'rec_not_date' END`].join(' ')
}

/** created_ms plus a duration's minutes, as Math.round(minutes * 60 000). */
function eventMs(ts: string, text: MappingTarget, min: MappingTarget, mins: string, hours: MappingTarget, hs: string): string {
  return `CASE WHEN ${f(text)} <> '' THEN ${ts} WHEN ${f(min)} <> '' THEN created_ms + round(${mins} * 60000) `
    + `WHEN ${f(hours)} <> '' THEN created_ms + round(${hs} * 60000) END`
}

/** The satisfaction of a number on the column's scale (normalize.ts scaleSatisfaction); NULL outside it. */
export function scaledSql(n: string, scale: string | null): string {
  if (scale === '1-5') return `CASE WHEN ${n} >= 1 AND ${n} <= 5 THEN ${n} * 2 END`
  if (scale === '0-10') return `CASE WHEN ${n} >= 0 AND ${n} <= 10 THEN ${n} END`
  return scale === '0-100' ? `CASE WHEN ${n} >= 0 AND ${n} <= 100 THEN ${n} / 10 END` : 'NULL::DOUBLE'
}

/** The staging table from the accepted rows, in the STAGED_COLUMNS order. */
export function stagedSql(m: MapPlan, table: string, scale: string | null): string {
  const has = (t: MappingTarget) => m.cols[t] >= 0
  const orNull = (t: MappingTarget) => (has(t) ? `nullif(${f(t)}, '')` : 'NULL::VARCHAR')
  const vendor = has('vendor') ? `CASE WHEN ${f('vendor')} <> '' THEN ${f('vendor')} ELSE ${str(m.defaultVendor)} END` : str(m.defaultVendor)
  const rec = `CASE WHEN rec_ts < created_ms THEN NULL ELSE rec_ts END`
  const fault = has('is_fault') || has('category') || has('fault_type') ? 'fault' : 'NULL::BOOLEAN'
  const sat = has('satisfaction') ? `CASE sat_kind WHEN 'num' THEN ${scaledSql('sat_n', scale)} WHEN 'label' THEN sat_label END` : 'NULL::DOUBLE'
  return `CREATE TABLE ${table} AS SELECT row_no::INTEGER AS row_no, ${f('ticket_id')} AS ticket_id, ${vendor} AS vendor, `
    + `created_ms::DOUBLE AS created_ms, (${eventMs('fr_ts', 'first_response_at', 'first_response_min', 'fr_min', 'first_response_hours', 'fr_h')})::DOUBLE AS first_response_ms, `
    + `(${eventMs('rs_ts', 'resolved_at', 'resolution_min', 'rs_min', 'resolution_hours', 'rs_h')})::DOUBLE AS resolved_ms, `
    + `(${rec})::DOUBLE AS recovered_ms, ${has('priority') ? 'pri' : '\'P3\''} AS priority, ${has('channel') ? 'chan' : 'NULL::VARCHAR'} AS channel, `
    + `${orNull('category')} AS category, ${fault} AS is_fault, ${has('reopen_count') ? 'reopen::INTEGER' : 'NULL::INTEGER'} AS reopen_count, `
    + `(${sat})::DOUBLE AS satisfaction, ${orNull('customer')} AS customer FROM ${m.p}_eval WHERE reason IS NULL ORDER BY row_no`
}
