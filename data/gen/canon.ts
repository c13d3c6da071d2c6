/** What one export should load as (canonical tickets) and how it is described in data/demo-manifest.json. */
import type { Channel, KnownFlag, Mapping, Priority } from '../../src/core/schema.ts'

export interface CanonTicket {
  ticket_id: string
  vendor: string
  created_at: number
  first_response_at: number | null
  resolved_at: number | null
  recovered_at: number | null
  priority: Priority
  channel: Channel | null
  category: string | null
  is_fault: boolean
  reopen_count: number | null
  satisfaction: number | null
  customer: string | null
}

export interface RejectedNote {
  /** Spreadsheet row number (header row = its own row number, CSV header = 1). */
  row: number
  ticket_id: string
  reason: 'missing ticket_id' | 'unparseable created_at' | 'resolved_at before created_at' | 'first_response_at before created_at'
}

export interface FileManifest {
  file: string
  vendor: string
  /** How the importer learns the vendor: every demo file relies on the file name (text before the first '_'). */
  vendor_source: 'file name'
  format: 'csv' | 'xlsx' | 'parquet'
  imitates: string
  /** Encoding as written, and as the reader should report it (Grid.encoding). */
  encoding: string
  grid_encoding: string
  line_ending?: 'CRLF' | 'LF'
  sheet?: string
  header_row: number
  first_data_row: number
  /** Data rows written (excluding title and header rows), including bad rows and duplicates. */
  data_rows: number
  bad_rows: number
  rejected: RejectedNote[]
  /** Rows whose ticket id appeared on an earlier row of the same file; the later row wins. */
  duplicates: number
  duplicate_ids: string[]
  /** Tickets the file should load: data_rows − bad_rows − duplicates. */
  tickets: number
  /** Expected header mapping: canonical target → header exactly as written. */
  mapping: Mapping
  /** Canonical fields the file does not carry at all (unknown for its tickets). */
  absent: string[]
  known: Record<KnownFlag, boolean>
  /** Facts about the loaded tickets, for cross-checking the importer. */
  counts: {
    responded: number
    resolved: number
    open: number
    faults: number
    reopened: number | null
    rated: number | null
    with_recovered_at: number
  }
}

export interface VendorExport {
  file: string
  bytes: Uint8Array
  manifest: FileManifest
  tickets: CanonTicket[]
}

export function countFacts(tickets: CanonTicket[], known: Record<KnownFlag, boolean>): FileManifest['counts'] {
  return {
    responded: tickets.filter((t) => t.first_response_at !== null).length,
    resolved: tickets.filter((t) => t.resolved_at !== null).length,
    open: tickets.filter((t) => t.resolved_at === null).length,
    faults: tickets.filter((t) => t.is_fault).length,
    reopened: known.reopen ? tickets.filter((t) => (t.reopen_count ?? 0) > 0).length : null,
    rated: known.satisfaction ? tickets.filter((t) => t.satisfaction !== null).length : null,
    with_recovered_at: tickets.filter((t) => t.recovered_at !== null).length,
  }
}
