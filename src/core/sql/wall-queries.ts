import type { SqlParam } from '../engine'
import type { Filters } from '../filters'
import { whereClause } from '../filters'
import { RESPONSE_BUCKETS_MIN } from '../wall-types'
import { TICKET_AGGREGATES } from './aggregates'
import { num } from './literal'

export interface Query {
  sql: string
  params: SqlParam[]
}

function filtered(f: Filters, body: (from: string) => string): Query {
  const w = whereClause(f)
  return { sql: body(`(SELECT * FROM tickets ${w.sql})`), params: w.params }
}

export function responseHistQuery(f: Filters): Query {
  const bucket = `CASE ${RESPONSE_BUCKETS_MIN.map((b, i) => `WHEN fr_min <= ${num(b)} THEN ${i}`).join(' ')} ELSE ${RESPONSE_BUCKETS_MIN.length} END`
  return filtered(f, t => `SELECT vendor, ${bucket} AS bucket, count(*)::INTEGER AS n FROM ${t} WHERE fr_min IS NOT NULL GROUP BY ALL ORDER BY vendor, bucket`)
}

export function heatmapQuery(f: Filters, asOfMs: number): Query {
  const sla = TICKET_AGGREGATES.sla_response_rate.replaceAll('$as_of', num(asOfMs))
  return filtered(f, t => `SELECT dow, hr, count(*)::INTEGER AS tickets, avg(fr_min) AS response_avg_min, ${sla} AS sla_response_rate
    FROM ${t} GROUP BY dow, hr ORDER BY dow, hr`)
}

export function csatDistQuery(f: Filters): Query {
  return filtered(f, t => `SELECT vendor, round(satisfaction)::INTEGER AS score, count(*)::INTEGER AS n FROM ${t}
    WHERE satisfaction IS NOT NULL GROUP BY ALL ORDER BY vendor, score`)
}

export function channelMixQuery(f: Filters): Query {
  return filtered(f, t => `SELECT vendor, channel, count(*)::INTEGER AS n FROM ${t} WHERE channel IS NOT NULL GROUP BY ALL ORDER BY vendor, n DESC`)
}

export function categoriesQuery(f: Filters, limit = 12): Query {
  return filtered(f, t => `SELECT category, count(*)::INTEGER AS tickets, avg(res_min) AS resolution_avg_min,
    count(*) FILTER (WHERE is_fault)::INTEGER AS faults, avg(satisfaction) AS csat_avg
    FROM ${t} WHERE category IS NOT NULL GROUP BY category ORDER BY tickets DESC, category LIMIT ${num(limit)}`)
}

export const FILTER_OPTIONS_SQL = `SELECT
  (SELECT list(DISTINCT month ORDER BY month) FROM tickets) AS months,
  (SELECT list(DISTINCT vendor ORDER BY vendor) FROM tickets) AS vendors,
  (SELECT list(DISTINCT priority ORDER BY priority) FROM tickets) AS priorities,
  (SELECT list(DISTINCT channel ORDER BY channel) FROM tickets WHERE channel IS NOT NULL) AS channels,
  (SELECT list(DISTINCT category ORDER BY category) FROM tickets WHERE category IS NOT NULL) AS categories`
