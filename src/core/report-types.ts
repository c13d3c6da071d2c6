import type { KpiValues, Scored } from './kpis'
import type { Filters } from './filters'

export type ScoredGroup = KpiValues & Scored

export interface VendorRow extends ScoredGroup {
  vendor: string
  rank: number
}

export interface MonthRow extends KpiValues {
  month: string
  backlog_end: number | null
}

export interface VendorMonthRow extends KpiValues {
  vendor: string
  month: string
}

export interface PriorityRow extends KpiValues {
  priority: string
}

export interface ChannelRow extends KpiValues {
  /** null: tickets whose file carries a channel column but the cell was empty. */
  channel: string | null
}

export interface BacklogDay {
  day: string
  created: number
  resolved: number
  backlog: number
}

export interface FileReport {
  file: string
  format: string
  encoding: string
  /** Data rows seen in the file (below the header). */
  rows: number
  /** Tickets that made it into the data set (after duplicates). */
  loaded: number
  rejected: number
  duplicates: number
  error: string | null
  /** Values kept but not understood (left empty), one line per field, e.g. an unknown satisfaction label. */
  warnings?: string[]
  /** 'tickets' or 'training'. */
  kind?: string
  vendor?: string | null
  /** Every column of the file: the field it became (or none) and how it was read. Absent for a file that failed before mapping. */
  columns?: ColumnReport[]
  /** What the file cannot contribute to, and why (e.g. no first-response column). */
  missing?: MissingField[]
  /** Input rows that were updates of a ticket already seen in the same file (one row per update exports). */
  update_rows?: number
}

/** How a column was matched to its field. */
export type MatchedBy = 'alias' | 'keyword' | 'content' | 'mapping'

/** One column of an imported file, as the column report shows it. */
export interface ColumnReport {
  /** 1-based position in the file. */
  index: number
  header: string
  /** The canonical field (mapping target) it became; null = not used. */
  field: string | null
  how: MatchedBy | null
  /** What was detected for the column: date format, unit, satisfaction scale, label map ... (human-readable, short). */
  detected: string[]
  /** A few non-empty sample values as written. */
  samples: string[]
  /** Why a column is not used when a similar one won (e.g. a repeated header), or why a candidate was refused. */
  note?: string
}

/** A field the file does not carry, and which KPIs therefore get nothing from its tickets. */
export interface MissingField {
  field: string
  kpis: string[]
  reason: string
}

export interface ImportReport {
  files: FileReport[]
  rejected: { file: string, row: number, reason: string }[]
}

/** What `servicewall report --format json` prints and what the wall shows. */
export interface KpiReport {
  as_of: string | null
  filters: Filters
  /** Vendors of this report whose support calendar is not 7x24 (their business-hours KPIs differ from the plain ones). */
  business_hours_vendors: string[]
  overall: ScoredGroup & { backlog_end: number | null }
  vendors: VendorRow[]
  months: MonthRow[]
  vendor_months: VendorMonthRow[]
  priorities: PriorityRow[]
  channels: ChannelRow[]
  backlog: BacklogDay[]
  import: ImportReport
}
