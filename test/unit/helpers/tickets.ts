import type { ImportedFile } from '../../../src/core/dataset'
import type { CanonicalBatch, Channel, KnownFlag, Priority } from '../../../src/core/schema'
import { KNOWN_FLAGS } from '../../../src/core/schema'
import { batchToArrowIPC } from '../../../src/import/to-arrow'

/** A hand-written ticket for KPI tests: times as 'YYYY-MM-DD HH:MM' wall clock. */
export interface T {
  id: string
  vendor?: string
  created: string
  response?: string
  resolved?: string
  recovered?: string
  priority?: Priority
  channel?: Channel
  category?: string
  fault?: boolean
  reopen?: number
  csat?: number
  customer?: string
}

export function ms(s: string): number {
  const [d, t = '00:00'] = s.split(' ')
  return Date.parse(`${d}T${t}:00Z`)
}

const opt = (s?: string): number | null => (s === undefined ? null : ms(s))

export function batchOf(rows: T[], known: Partial<Record<KnownFlag, boolean>> = {}): CanonicalBatch {
  return {
    length: rows.length,
    ticket_id: rows.map(r => r.id),
    vendor: rows.map(r => r.vendor ?? 'V'),
    created_at: rows.map(r => ms(r.created)),
    first_response_at: rows.map(r => opt(r.response)),
    resolved_at: rows.map(r => opt(r.resolved)),
    recovered_at: rows.map(r => opt(r.recovered)),
    priority: rows.map(r => r.priority ?? 'P3'),
    channel: rows.map(r => r.channel ?? null),
    category: rows.map(r => r.category ?? null),
    is_fault: rows.map(r => r.fault ?? null),
    reopen_count: rows.map(r => r.reopen ?? null),
    satisfaction: rows.map(r => r.csat ?? null),
    customer: rows.map(r => r.customer ?? null),
    row: rows.map((_, i) => i + 2),
    known: { ...Object.fromEntries(KNOWN_FLAGS.map(k => [k, true])) as Record<KnownFlag, boolean>, ...known },
  }
}

export function fileOf(name: string, rows: T[], known: Partial<Record<KnownFlag, boolean>> = {}): ImportedFile {
  const batch = batchOf(rows, known)
  return {
    report: { file: name, format: 'csv', encoding: 'utf-8', rows: rows.length, loaded: rows.length, rejected: 0, duplicates: 0, error: null, kind: 'tickets' },
    rejected: [],
    kind: 'tickets',
    ipc: batchToArrowIPC(batch),
    known: batch.known,
  }
}
