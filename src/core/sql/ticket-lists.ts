import type { ResolvedFilters } from './filter-sql'
import { filterCond, where } from './filter-sql'
import { num } from './literal'

const ts = (ms: string) => `strftime(epoch_ms((${ms})::BIGINT), '%Y-%m-%d %H:%M:%S')`

/**
 * Ticket lists read `tickets` (ticket-list-columns.ts), every value computed here. SLA state
 * follows the contract's eligibility: answered after the target = 'late'; unanswered (in a
 * file that carries first responses) and older than the target at as_of = 'unanswered';
 * an unanswered ticket still inside its target, or one whose file has no first-response
 * column, is never a breach.
 */
function listSelect(asOfMs: number): string {
  const age = `(${num(asOfMs)} - created_ms) / 60000.0`
  return `WITH l AS (SELECT ticket_id, CAST(vendor AS VARCHAR) AS vendor, CAST(priority AS VARCHAR) AS priority,
  CAST(category AS VARCHAR) AS category, CAST(channel AS VARCHAR) AS channel, CAST(customer AS VARCHAR) AS customer,
  ${ts('created_ms')} AS created_at,
  CASE WHEN res_min IS NOT NULL THEN ${ts('round(created_ms + res_min * 60000)')} END AS resolved_at,
  res_min AS resolution_min, sla_target::DOUBLE AS target_min, fr_min AS response_min,
  CASE WHEN fr_min IS NOT NULL THEN fr_min - sla_target WHEN k_first_response THEN ${age} - sla_target END AS over_min,
  CASE WHEN k_resolved AND res_min IS NULL THEN ${age} END AS open_min,
  CASE WHEN fr_min > sla_target THEN 'late' WHEN k_first_response AND fr_min IS NULL AND ${age} > sla_target THEN 'unanswered' END AS sla_state,
  CASE WHEN next_created_ms IS NOT NULL THEN ${ts('next_created_ms')} END AS next_created_at,
  CASE WHEN next_created_ms IS NOT NULL THEN (next_created_ms - created_ms) / 60000.0 - res_min END AS recur_after_min,
  created_ms
FROM tickets`
}

const TIE = 'vendor, ticket_id'

/** The longest resolutions of the tickets in view. */
export function longestResolutionsQuery(f: ResolvedFilters, asOfMs: number, limit: number): string {
  return `${listSelect(asOfMs)} ${where(filterCond(f), 'res_min IS NOT NULL')})
SELECT * EXCLUDE (created_ms) FROM l ORDER BY resolution_min DESC, ${TIE} LIMIT ${num(limit)}`
}

/** Tickets that breached their response target (late or still unanswered past it): furthest over first. */
export function slaBreachesQuery(f: ResolvedFilters, asOfMs: number, limit: number): string {
  return `${listSelect(asOfMs)} ${where(filterCond(f), '(fr_min IS NOT NULL OR k_first_response)')})
SELECT * EXCLUDE (created_ms) FROM l WHERE sla_state IS NOT NULL ORDER BY over_min DESC, ${TIE} LIMIT ${num(limit)}`
}

/** Resolved tickets that came back (recurrence_rate's numerator): the quickest return first. */
export function recurredQuery(f: ResolvedFilters, asOfMs: number, limit: number): string {
  return `${listSelect(asOfMs)} ${where(filterCond(f), 'recurred')})
SELECT * EXCLUDE (created_ms) FROM l ORDER BY recur_after_min, ${TIE} LIMIT ${num(limit)}`
}

/**
 * The SLA breach board: what breaches its response target now (unanswered past it, furthest
 * over first), then the longest-open tickets, then those answered late. One row per ticket.
 */
export function breachBoardQuery(f: ResolvedFilters, asOfMs: number, limit: number): string {
  return `${listSelect(asOfMs)} ${where(filterCond(f), '(fr_min > sla_target OR (k_first_response AND fr_min IS NULL) OR (k_resolved AND res_min IS NULL))')})
SELECT * EXCLUDE (created_ms) FROM l WHERE sla_state IS NOT NULL OR open_min IS NOT NULL
ORDER BY CASE WHEN sla_state = 'unanswered' THEN 0 WHEN open_min IS NOT NULL THEN 1 ELSE 2 END,
  CASE WHEN sla_state = 'unanswered' THEN over_min WHEN open_min IS NOT NULL THEN open_min ELSE over_min END DESC, ${TIE}
LIMIT ${num(limit)}`
}
