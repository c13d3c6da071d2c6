import type { MonthlyReport, TicketListRow } from '../core/monthly-types'
import type { Locale, MessageKey } from '../i18n/messages'
import type { Cell, Column, Table } from './table'
import { formatDuration, formatNumber, formatRate } from '../i18n/format'
import { translate, translateOr } from '../i18n/messages'
import { kpiLabel } from './kpi-units'
import { numberCell, textCell, timeCell } from './table'

type Field = 'ticket_id' | 'vendor' | 'priority' | 'category' | 'customer' | 'created_at' | 'resolved_at' | 'resolution_min'
  | 'sla_state' | 'target_min' | 'response_min' | 'over_min' | 'open_min' | 'next_created_at' | 'recur_after_min'

const LABELS: Record<Field, MessageKey> = {
  ticket_id: 'report.col.ticket', vendor: 'overview.vendor', priority: 'filter.priority', category: 'filter.category',
  customer: 'report.col.customer', created_at: 'report.col.created', resolved_at: 'report.col.resolved',
  resolution_min: 'report.col.resolution', sla_state: 'report.col.state', target_min: 'report.col.target',
  response_min: 'report.col.response', over_min: 'report.col.over', open_min: 'report.col.open',
  next_created_at: 'report.col.next', recur_after_min: 'report.col.recurAfter',
}
const DURATIONS = new Set<Field>(['resolution_min', 'target_min', 'response_min', 'over_min', 'open_min', 'recur_after_min'])

export function ticketCell(l: Locale, t: TicketListRow, f: Field): Cell {
  if (DURATIONS.has(f)) {
    const v = t[f] as number | null
    return numberCell(v, v === null ? '—' : formatDuration(l, v))
  }
  if (f === 'created_at' || f === 'resolved_at' || f === 'next_created_at') return timeCell(t[f])
  if (f === 'sla_state') return { ...textCell(t.sla_state), text: t.sla_state ? translate(l, `report.state.${t.sla_state}`) : t.open_min !== null ? translate(l, 'report.state.open') : '—' }
  if (f === 'priority') return { ...textCell(t.priority), text: t.priority ? translateOr(l, `priority.${t.priority}`, t.priority) : '—' }
  return textCell(t[f] as string | null)
}

export function ticketTable(l: Locale, id: string, title: string, rows: TicketListRow[], fields: Field[]): Table {
  const columns: Column[] = fields.map(f => ({ key: f, label: translate(l, LABELS[f]), numeric: DURATIONS.has(f) }))
  return {
    id,
    title,
    columns,
    rows: rows.map(t => ({ key: `${t.vendor} · ${t.ticket_id}`, cells: fields.map(f => ticketCell(l, t, f)) })),
    empty: translate(l, 'report.noTickets'),
  }
}

/** The month's worst tickets: longest resolutions, SLA breaches, recurred tickets. */
export function worstTables(r: MonthlyReport, l: Locale): Table[] {
  return [
    ticketTable(l, 'worst-resolution', translate(l, 'report.worstResolution'), r.worst.resolutions, ['ticket_id', 'vendor', 'priority', 'category', 'created_at', 'resolved_at', 'resolution_min']),
    ticketTable(l, 'worst-sla', translate(l, 'report.worstSla'), r.worst.breaches, ['ticket_id', 'vendor', 'priority', 'category', 'created_at', 'sla_state', 'target_min', 'response_min', 'over_min']),
    ticketTable(l, 'worst-recurred', translate(l, 'report.worstRecurred'), r.worst.recurred, ['ticket_id', 'vendor', 'customer', 'category', 'resolved_at', 'next_created_at', 'recur_after_min']),
  ]
}

export function categoriesTable(r: MonthlyReport, l: Locale): Table {
  const total = r.current.overall.tickets ?? 0
  return {
    id: 'categories',
    title: translate(l, 'report.categories'),
    columns: [
      { key: 'category', label: translate(l, 'filter.category') }, { key: 'tickets', label: kpiLabel(l, 'tickets'), numeric: true },
      { key: 'share', label: translate(l, 'report.share'), numeric: true }, { key: 'faults', label: translate(l, 'sat.faults'), numeric: true },
      { key: 'resolution_avg_min', label: kpiLabel(l, 'resolution_avg_min'), numeric: true }, { key: 'csat_avg', label: kpiLabel(l, 'csat_avg'), numeric: true },
    ],
    rows: r.categories.map((c) => {
      const share = total ? c.tickets / total : null
      return {
        key: c.category,
        cells: [
          textCell(c.category), numberCell(c.tickets, formatNumber(l, c.tickets)), numberCell(share, formatRate(l, share)),
          numberCell(c.faults, formatNumber(l, c.faults)), numberCell(c.resolution_avg_min, formatDuration(l, c.resolution_avg_min)),
          numberCell(c.csat_avg, formatNumber(l, c.csat_avg, 1)),
        ],
      }
    }),
    empty: translate(l, 'app.noData'),
  }
}
