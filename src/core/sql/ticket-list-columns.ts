import { num } from './literal'

/**
 * Columns of `tickets` that only the ticket lists read (the monthly report's worst tickets,
 * the SLA breach board): what identifies a ticket and what its SLA was. Storage is
 * columnar, so the KPI queries, which never name them, never read them. Part of the build
 * (tickets-table.ts), over `_t` (alias w) and `_next` (alias n); next_created_ms is the
 * ticket that made this one recur (within the window), else NULL.
 */
export function ticketListColumns(windowMs: number): string {
  return `w.ticket_id, w.created_ms, w.sla_target, w.k_first_response, w.customer,
  CASE WHEN w.customer IS NOT NULL AND n.next_created_ms <= w.resolved_ms + ${num(windowMs)} THEN n.next_created_ms END AS next_created_ms`
}
