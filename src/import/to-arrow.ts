import type { LookupColumn, LookupTable } from '../core/import-lookups'
import type { CanonicalBatch } from '../core/schema'
import { makeVector, Table, tableToIPC } from 'apache-arrow'
import { boolColumn, float64Column, int32Column, utf8Column } from './arrow-columns'

/**
 * One file's canonical tickets as an Arrow IPC stream, in the column order of
 * raw_tickets after file_idx (src/core/sql/tickets-table.ts). Timestamps travel as wall-clock ms.
 */
export function batchToArrowIPC(batch: CanonicalBatch): Uint8Array {
  const table = new Table({
    row_no: makeVector(int32Column(batch.row)),
    ticket_id: makeVector(utf8Column(batch.ticket_id)),
    vendor: makeVector(utf8Column(batch.vendor)),
    created_ms: makeVector(float64Column(batch.created_at)),
    first_response_ms: makeVector(float64Column(batch.first_response_at)),
    resolved_ms: makeVector(float64Column(batch.resolved_at)),
    recovered_ms: makeVector(float64Column(batch.recovered_at)),
    priority: makeVector(utf8Column(batch.priority)),
    channel: makeVector(utf8Column(batch.channel)),
    category: makeVector(utf8Column(batch.category)),
    is_fault: makeVector(boolColumn(batch.is_fault)),
    reopen_count: makeVector(int32Column(batch.reopen_count)),
    satisfaction: makeVector(float64Column(batch.satisfaction)),
    customer: makeVector(utf8Column(batch.customer)),
  })
  return tableToIPC(table, 'stream')
}

export interface TrainingBatch {
  vendor: string[]
  person: string[]
  date: (number | null)[]
}

export function trainingToArrowIPC(t: TrainingBatch): Uint8Array {
  const table = new Table({
    vendor: makeVector(utf8Column(t.vendor)),
    person: makeVector(utf8Column(t.person)),
    date_ms: makeVector(float64Column(t.date)),
  })
  return tableToIPC(table, 'stream')
}

/** A lookup table of the engine import (import-lookups.ts) as an Arrow IPC stream. */
export function lookupToArrowIPC(t: LookupTable): Uint8Array {
  const vector = (c: LookupColumn) => {
    if (c.type === 'utf8') return makeVector(utf8Column(c.values))
    return c.type === 'f64' ? makeVector(float64Column(c.values)) : makeVector(boolColumn(c.values))
  }
  return tableToIPC(new Table(Object.fromEntries(Object.entries(t).map(([name, c]) => [name, vector(c)]))), 'stream')
}
