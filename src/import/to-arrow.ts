import type { CanonicalBatch } from '../core/schema'
import { Bool, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow'

/**
 * One file's canonical tickets as an Arrow IPC stream, in the column order of
 * raw_tickets after file_idx (src/core/sql/tickets-table.ts). Timestamps travel as wall-clock ms.
 */
export function batchToArrowIPC(batch: CanonicalBatch): Uint8Array {
  const table = new Table({
    row_no: vectorFromArray(batch.row, new Int32()),
    ticket_id: vectorFromArray(batch.ticket_id, new Utf8()),
    vendor: vectorFromArray(batch.vendor, new Utf8()),
    created_ms: vectorFromArray(batch.created_at, new Float64()),
    first_response_ms: vectorFromArray(batch.first_response_at, new Float64()),
    resolved_ms: vectorFromArray(batch.resolved_at, new Float64()),
    recovered_ms: vectorFromArray(batch.recovered_at, new Float64()),
    priority: vectorFromArray(batch.priority, new Utf8()),
    channel: vectorFromArray(batch.channel, new Utf8()),
    category: vectorFromArray(batch.category, new Utf8()),
    is_fault: vectorFromArray(batch.is_fault, new Bool()),
    reopen_count: vectorFromArray(batch.reopen_count, new Int32()),
    satisfaction: vectorFromArray(batch.satisfaction, new Float64()),
    customer: vectorFromArray(batch.customer, new Utf8()),
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
    vendor: vectorFromArray(t.vendor, new Utf8()),
    person: vectorFromArray(t.person, new Utf8()),
    date_ms: vectorFromArray(t.date, new Float64()),
  })
  return tableToIPC(table, 'stream')
}
